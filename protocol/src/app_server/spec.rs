//! The method lists of the app-server unions, from which the registry, the JSON Schemas and the
//! TypeScript types of [`ClientMessage`](super::ClientMessage) and
//! [`ServerMessage`](super::ServerMessage) are built.

use crate::app_server::jsonrpc::{Notification, Request};
use crate::registry::{Direction, Kind, Message, Surface};

/// One method of a union, with what codegen needs of its types.
#[derive(Clone, Copy)]
pub(crate) struct MethodSpec {
    pub kind: Kind,
    pub method: &'static str,
    pub version: crate::registry::Version,
    pub experimental: bool,
    #[cfg(feature = "schema")]
    pub params_schema: fn(&mut schemars::SchemaGenerator) -> schemars::Schema,
    #[cfg(feature = "ts")]
    pub params_ts: TsType,
    #[cfg(feature = "ts")]
    pub result_ts: Option<TsType>,
}

/// What codegen needs to refer to a TypeScript type: its name, file and dependency files.
#[cfg(feature = "ts")]
#[derive(Clone, Copy)]
pub(crate) struct TsType {
    pub name: fn(&ts_rs::Config) -> String,
    pub path: fn() -> Option<std::path::PathBuf>,
    pub files: fn(&ts_rs::Config) -> Vec<(std::path::PathBuf, String)>,
}

#[cfg(feature = "ts")]
impl TsType {
    fn of<T: ts_rs::TS + 'static>() -> Self {
        TsType {
            name: <T as ts_rs::TS>::name,
            path: <T as ts_rs::TS>::output_path,
            files: crate::typescript::collect::<T>,
        }
    }
}

impl MethodSpec {
    pub fn request<R: Request>() -> Self {
        MethodSpec {
            kind: Kind::Request,
            method: R::METHOD,
            version: R::VERSION,
            experimental: R::EXPERIMENTAL,
            #[cfg(feature = "schema")]
            params_schema: |g| g.subschema_for::<R::Params>(),
            #[cfg(feature = "ts")]
            params_ts: TsType::of::<R::Params>(),
            #[cfg(feature = "ts")]
            result_ts: Some(TsType::of::<R::Result>()),
        }
    }

    pub fn notification<N: Notification>() -> Self {
        MethodSpec {
            kind: Kind::Notification,
            method: N::METHOD,
            version: N::VERSION,
            experimental: N::EXPERIMENTAL,
            #[cfg(feature = "schema")]
            params_schema: |g| g.subschema_for::<N::Params>(),
            #[cfg(feature = "ts")]
            params_ts: TsType::of::<N::Params>(),
            #[cfg(feature = "ts")]
            result_ts: None,
        }
    }

    pub fn message(&self, direction: Direction, union: &'static str) -> Message {
        Message {
            surface: Surface::AppServer,
            version: self.version,
            direction,
            kind: self.kind,
            wire_name: self.method,
            experimental: self.experimental,
            union,
        }
    }
}

/// Every method a client sends: its requests and its notifications.
pub(crate) fn client_methods() -> Vec<MethodSpec> {
    use crate::app_server::{v1, v2};
    vec![MethodSpec::request::<v1::LoginApiKey>(), MethodSpec::request::<v2::ThreadRealtimeStop>()]
}

/// Every notification a server sends.
pub(crate) fn server_methods() -> Vec<MethodSpec> {
    use crate::app_server::{v1, v2};
    vec![
        MethodSpec::notification::<v1::AuthStatusChange>(),
        MethodSpec::notification::<v2::ThreadRealtimeClosed>(),
    ]
}
