//! [`MethodSpec`]: what the registry and the JSON Schemas need of one
//! method of [`ClientMessage`](super::ClientMessage) or [`ServerMessage`](super::ServerMessage)
//! (the lists are declared with the unions, in `client.rs` and `server.rs`), and the
//! [`ResultInfo`] of each request method.

use crate::app_server::jsonrpc::{Notification, Request, has_params, params_optional};
use crate::registry::{Direction, Kind, Message, ResultInfo, Surface};

/// One method of a union, with what codegen needs of its types.
#[derive(Clone, Copy)]
#[cfg_attr(not(feature = "schema"), allow(dead_code))]
pub(crate) struct MethodSpec {
    pub kind: Kind,
    pub method: &'static str,
    pub version: crate::registry::Version,
    pub experimental: bool,
    /// Removed upstream, still decoded.
    pub legacy: bool,
    /// Whether messages of this method carry `params` (false for `initialized`).
    pub has_params: bool,
    /// Whether an absent `params` is accepted (the params type has no required member).
    pub params_optional: bool,
    /// The request's result, for requests.
    pub result: Option<ResultInfo>,
    #[cfg(feature = "schema")]
    pub params_schema: fn(&mut schemars::SchemaGenerator) -> schemars::Schema,
}

impl MethodSpec {
    pub fn request<R: Request>() -> Self {
        MethodSpec {
            kind: Kind::Request,
            method: R::METHOD,
            version: R::VERSION,
            experimental: R::EXPERIMENTAL,
            legacy: R::LEGACY,
            has_params: has_params::<R::Params>(),
            params_optional: params_optional::<R::Params>(),
            result: Some(ResultInfo {
                method: R::METHOD,
                version: R::VERSION,
                #[cfg(feature = "schema")]
                schema: result_schema::<R>,
            }),
            #[cfg(feature = "schema")]
            params_schema: |g| g.subschema_for::<R::Params>(),
        }
    }

    pub fn notification<N: Notification>() -> Self {
        MethodSpec {
            kind: Kind::Notification,
            method: N::METHOD,
            version: N::VERSION,
            experimental: N::EXPERIMENTAL,
            legacy: N::LEGACY,
            has_params: has_params::<N::Params>(),
            params_optional: params_optional::<N::Params>(),
            result: None,
            #[cfg(feature = "schema")]
            params_schema: |g| g.subschema_for::<N::Params>(),
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

/// The schema of a whole response envelope answering a request of `R`.
#[cfg(feature = "schema")]
fn result_schema<R: Request>(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let id = generator.subschema_for::<crate::app_server::jsonrpc::RequestId>();
    let result = generator.subschema_for::<R::Result>();
    schemars::json_schema!({
        "description": format!("A successful answer to a `{}` request.", R::METHOD),
        "type": "object",
        "properties": { "id": id, "result": result },
        "required": ["id", "result"],
        "not": { "required": ["method"] }
    })
}
