//! The registered unions: [`UnionInfo`] for each, and the lists of every union, message and
//! request result. The registry's data types are declared in the parent module; this file
//! names every union, so it depends on every protocol module and none depends on it.

use std::fmt::Debug;

use super::union::{Union, UnionVisitor};
use super::{Direction, Message, ResultInfo, Surface, Version};

impl Message {
    /// Removed upstream but still decoded (app-server `loginApiKey` and `authStatusChange`):
    /// decoders accept it; encoders targeting a current peer do not emit it.
    pub fn legacy(&self) -> bool {
        self.surface == Surface::AppServer && crate::app_server::is_legacy(self.wire_name)
    }
}

/// A registered union, as plain data: what codegen and the tests read of it. To reach its
/// Rust type, walk the registry with [`visit_unions`].
#[derive(Clone, Copy)]
pub struct UnionInfo {
    /// See [`Union::NAME`].
    pub name: &'static str,
    /// See [`Union::SURFACE`].
    pub surface: Surface,
    /// See [`Union::VERSION`].
    pub version: Option<Version>,
    /// See [`Union::DIRECTION`].
    pub direction: Direction,
    /// See [`Union::TAG`].
    pub tag: &'static str,
    /// See [`Union::MODULE`].
    pub module: &'static str,
    /// See [`Union::messages`].
    pub messages: fn() -> Vec<Message>,
    /// See [`Union::results`].
    pub results: fn() -> Vec<ResultInfo>,
    /// See [`Union::schema`].
    #[cfg(feature = "schema")]
    pub schema: fn(&mut schemars::SchemaGenerator) -> schemars::Schema,
}

impl UnionInfo {
    /// The entry of the union `U`.
    pub fn of<U: Union>() -> Self {
        UnionInfo {
            name: U::NAME,
            surface: U::SURFACE,
            version: U::VERSION,
            direction: U::DIRECTION,
            tag: U::TAG,
            module: U::MODULE,
            messages: U::messages,
            results: U::results,
            #[cfg(feature = "schema")]
            schema: U::schema,
        }
    }
}

impl Debug for UnionInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "UnionInfo({})", self.module.to_owned() + "/" + self.name)
    }
}

/// Calls `visitor` with every union of every protocol, in a fixed order (that of [`unions`]).
pub fn visit_unions<V: UnionVisitor>(visitor: &mut V) {
    visitor.visit::<crate::realtime::v1::ClientEvent>();
    visitor.visit::<crate::realtime::v1::ServerEvent>();
    visitor.visit::<crate::realtime::v2::ClientEvent>();
    visitor.visit::<crate::realtime::v2::ServerEvent>();
    visitor.visit::<crate::realtime::v3::ClientEvent>();
    visitor.visit::<crate::realtime::v3::ServerEvent>();
    visitor.visit::<crate::realtime::translation::ClientEvent>();
    visitor.visit::<crate::realtime::translation::ServerEvent>();
    visitor.visit::<crate::app_server::ClientMessage>();
    visitor.visit::<crate::app_server::ServerMessage>();
}

/// Every union of every protocol, in a fixed order.
pub fn unions() -> Vec<UnionInfo> {
    struct Infos(Vec<UnionInfo>);
    impl UnionVisitor for Infos {
        fn visit<U: Union>(&mut self) {
            self.0.push(UnionInfo::of::<U>());
        }
    }
    let mut infos = Infos(Vec::new());
    visit_unions(&mut infos);
    infos.0
}

/// Every registered message of every union.
pub fn messages() -> Vec<Message> {
    unions().iter().flat_map(|u| (u.messages)()).collect()
}

/// The results of every request method of every union.
pub fn results() -> Vec<ResultInfo> {
    unions().iter().flat_map(|u| (u.results)()).collect()
}

/// The result of the request method `method`, if it is one.
pub fn result_for(method: &str) -> Option<ResultInfo> {
    results().into_iter().find(|r| r.method == method)
}
