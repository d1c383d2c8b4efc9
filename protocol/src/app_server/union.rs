//! The registry entries of the two app-server unions, with their JSON Schemas and their
//! variant visits.

#[cfg(feature = "schema")]
use serde_json::Value;

use crate::app_server::client::{
    ClientMessage, ClientNotification, client_methods, visit_client_methods,
};
#[cfg(feature = "schema")]
use crate::app_server::jsonrpc::{ErrorObject, RequestId};
use crate::app_server::server::{
    ServerMessage, ServerNotification, server_methods, visit_server_methods,
};
#[cfg(feature = "schema")]
use crate::app_server::spec::MethodSpec;
#[cfg(feature = "schema")]
use crate::registry::Kind;
use crate::registry::{Direction, Message, ResultInfo, Surface, Union, VariantVisitor, Version};

impl Union for ClientMessage {
    const NAME: &'static str = "ClientMessage";
    const SURFACE: Surface = Surface::AppServer;
    const VERSION: Option<Version> = None;
    const DIRECTION: Direction = Direction::ClientToServer;
    const TAG: &'static str = "method";
    const MODULE: &'static str = "app-server";
    const DOC: &'static str = "Any message a client may put on the wire.";

    fn messages() -> Vec<Message> {
        client_methods()
            .iter()
            .map(|m| m.message(Self::DIRECTION, Self::NAME))
            .collect()
    }

    fn is_unknown(&self) -> bool {
        matches!(self, Self::Notification(ClientNotification::Unknown(_)))
    }

    /// Its requests, then its notifications.
    fn visit_variants<V: VariantVisitor>(visitor: &mut V) {
        visit_client_methods(visitor);
    }

    /// The results of the client's requests: the answers the server sends to them.
    fn results() -> Vec<ResultInfo> {
        client_methods().iter().filter_map(|m| m.result).collect()
    }

    #[cfg(feature = "schema")]
    fn schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let methods = client_methods();
        let mut branches: Vec<Value> = methods
            .iter()
            .map(|m| method_branch(generator, m))
            .collect();
        branches.push(unknown_notification_branch(&methods));
        schemars::json_schema!({ "description": Self::DOC, "oneOf": branches })
    }
}

impl Union for ServerMessage {
    const NAME: &'static str = "ServerMessage";
    const SURFACE: Surface = Surface::AppServer;
    const VERSION: Option<Version> = None;
    const DIRECTION: Direction = Direction::ServerToClient;
    const TAG: &'static str = "method";
    const MODULE: &'static str = "app-server";
    const DOC: &'static str = "Any message a server may put on the wire.";

    fn messages() -> Vec<Message> {
        server_methods()
            .iter()
            .map(|m| m.message(Self::DIRECTION, Self::NAME))
            .collect()
    }

    fn is_unknown(&self) -> bool {
        matches!(self, Self::Notification(ServerNotification::Unknown(_)))
    }

    /// Its notifications (the answers to requests are not variants of their own: their result
    /// types are those of the client's requests).
    fn visit_variants<V: VariantVisitor>(visitor: &mut V) {
        visit_server_methods(visitor);
    }

    #[cfg(feature = "schema")]
    fn schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let methods = server_methods();
        let mut branches: Vec<Value> = methods
            .iter()
            .map(|m| method_branch(generator, m))
            .collect();
        branches.push(unknown_notification_branch(&methods));
        let id = generator.subschema_for::<RequestId>();
        let error = generator.subschema_for::<ErrorObject>();
        branches.push(serde_json::json!({
            "title": "Response",
            "description": "A successful answer; `result` is the result type of the answered request's method.",
            "type": "object",
            "properties": { "id": id, "result": true },
            "required": ["id", "result"],
            "not": { "required": ["method"] }
        }));
        branches.push(serde_json::json!({
            "title": "ErrorResponse",
            "description": "An error answer.",
            "type": "object",
            "properties": { "id": id, "error": error },
            "required": ["id", "error"],
            "not": { "anyOf": [{ "required": ["method"] }, { "required": ["result"] }] }
        }));
        schemars::json_schema!({ "description": Self::DOC, "oneOf": branches })
    }
}

/// The schema branch of one method: `{id, method: const, params}`. `id` only for requests,
/// forbidden for notifications; `params` absent for a method without params, not required when
/// its type has no required member.
#[cfg(feature = "schema")]
fn method_branch(generator: &mut schemars::SchemaGenerator, spec: &MethodSpec) -> Value {
    let mut properties = serde_json::Map::new();
    let mut required = vec![];
    if spec.kind == Kind::Request {
        properties.insert("id".into(), generator.subschema_for::<RequestId>().into());
        required.push("id");
    }
    properties.insert(
        "method".into(),
        serde_json::json!({ "type": "string", "const": spec.method }),
    );
    required.push("method");
    if spec.has_params {
        properties.insert("params".into(), (spec.params_schema)(generator).into());
        if !spec.params_optional {
            required.push("params");
        }
    }
    let mut branch =
        serde_json::json!({ "type": "object", "properties": properties, "required": required });
    if spec.kind == Kind::Notification {
        branch["not"] = serde_json::json!({ "required": ["id"] });
    }
    branch
}

/// The branch of notifications whose method is none of the union's methods: kept as raw JSON
/// by the decoder. A request's method without `id` is not one of them (the decoder refuses it).
#[cfg(feature = "schema")]
fn unknown_notification_branch(methods: &[MethodSpec]) -> Value {
    let known: Vec<&str> = methods.iter().map(|m| m.method).collect();
    serde_json::json!({
        "description": "A notification whose method this version of rtwire does not know, kept as raw JSON.",
        "type": "object",
        "properties": { "method": { "type": "string", "not": { "enum": known } } },
        "required": ["method"],
        "not": { "required": ["id"] }
    })
}

/// Whether `method` is a legacy method of either app-server union (removed upstream, still
/// decoded).
pub(crate) fn is_legacy(method: &str) -> bool {
    client_methods()
        .into_iter()
        .chain(server_methods())
        .any(|m| m.legacy && m.method == method)
}
