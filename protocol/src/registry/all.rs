//! The registered unions: [`UnionInfo`] for each, and the lists of every union, message and
//! request result. The registry's data types are declared in the parent module; this file
//! names every union, so it depends on every protocol module and none depends on it.

use serde_json::Value;
use std::fmt::Debug;

use super::{Direction, Message, ResultInfo, Roundtrip, Surface, Union, Version};
use crate::error::DecodeError;

impl Message {
    /// Removed upstream but still decoded (app-server `loginApiKey` and `authStatusChange`):
    /// decoders accept it; encoders targeting a current peer do not emit it.
    pub fn legacy(&self) -> bool {
        self.surface == Surface::AppServer && crate::app_server::is_legacy(self.wire_name)
    }
}

/// A registered union, with the functions that codegen and the tests call on it.
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
    /// Decodes a value as this union, encodes it again and decodes that once more.
    pub roundtrip: fn(&Value) -> Result<Roundtrip, DecodeError>,
    /// Runs every decoder of the union on one JSON text (`crate::check::check_text`): what the
    /// fuzz targets and hostile-input tests compare.
    #[doc(hidden)]
    pub text: fn(&str) -> crate::check::TextCheck,
    /// See [`Union::schema`].
    #[cfg(feature = "schema")]
    pub schema: fn(&mut schemars::SchemaGenerator) -> schemars::Schema,
    /// See [`Union::ts_files`].
    #[cfg(feature = "ts")]
    pub ts_files: fn(&ts_rs::Config) -> Vec<(std::path::PathBuf, String)>,
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
            roundtrip: roundtrip::<U>,
            text: crate::check::check_text::<U>,
            #[cfg(feature = "schema")]
            schema: U::schema,
            #[cfg(feature = "ts")]
            ts_files: U::ts_files,
        }
    }

    /// Decodes JSON text as this union (errors name the message and the JSON path).
    pub fn decode(&self, value: &Value) -> Result<Roundtrip, DecodeError> {
        (self.roundtrip)(value)
    }
}

impl Debug for UnionInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "UnionInfo({})", self.module.to_owned() + "/" + self.name)
    }
}

fn roundtrip<U: Union>(value: &Value) -> Result<Roundtrip, DecodeError> {
    let decoded: U = crate::codec::decode_value(value, U::TAG)?;
    let encoded = crate::codec::encode(&decoded);
    let again: Result<U, _> = crate::codec::decode_value(&encoded, U::TAG);
    let name = encoded
        .get(U::TAG)
        .and_then(Value::as_str)
        .map(str::to_owned);
    Ok(Roundtrip {
        wire_name: if decoded.is_unknown() { None } else { name },
        unknown: decoded.is_unknown(),
        debug: format!("{decoded:#?}"),
        stable: again.is_ok_and(|again| again == decoded),
        encoded,
    })
}

/// Every union of every protocol, in a fixed order.
pub fn unions() -> Vec<UnionInfo> {
    vec![
        UnionInfo::of::<crate::realtime::v1::ClientEvent>(),
        UnionInfo::of::<crate::realtime::v1::ServerEvent>(),
        UnionInfo::of::<crate::realtime::v2::ClientEvent>(),
        UnionInfo::of::<crate::realtime::v2::ServerEvent>(),
        UnionInfo::of::<crate::realtime::v3::ClientEvent>(),
        UnionInfo::of::<crate::realtime::v3::ServerEvent>(),
        UnionInfo::of::<crate::realtime::translation::ClientEvent>(),
        UnionInfo::of::<crate::realtime::translation::ServerEvent>(),
        UnionInfo::of::<crate::app_server::ClientMessage>(),
        UnionInfo::of::<crate::app_server::ServerMessage>(),
    ]
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
