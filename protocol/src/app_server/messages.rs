//! The two app-server unions: what a client sends and what a server sends.

use serde::de::Error as _;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::app_server::jsonrpc::{Call, ErrorObject, Notification as _, Notify, Request as _, RequestId};
use crate::app_server::spec::{client_methods, server_methods};
#[cfg(feature = "schema")]
use crate::app_server::spec::MethodSpec;
use crate::app_server::{v1, v2};
#[cfg(feature = "schema")]
use crate::registry::Kind;
use crate::registry::{Direction, Message, Surface, Union, Version};

/// A request a client sends, one variant per method.
#[derive(Debug, Clone, PartialEq)]
pub enum ClientRequest {
    /// `loginApiKey`.
    LoginApiKey(Call<v1::LoginApiKey>),
    /// `thread/realtime/stop` (experimental).
    ThreadRealtimeStop(Call<v2::ThreadRealtimeStop>),
}

impl ClientRequest {
    fn from_value<E: serde::de::Error>(method: &str, value: &Value) -> Result<Self, E> {
        Ok(match method {
            m if m == v1::LoginApiKey::METHOD => Self::LoginApiKey(Call::from_value(value)?),
            m if m == v2::ThreadRealtimeStop::METHOD => Self::ThreadRealtimeStop(Call::from_value(value)?),
            other => return Err(E::custom(format!("unknown method `{other}`"))),
        })
    }
}

impl Serialize for ClientRequest {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::LoginApiKey(call) => call.serialize(s),
            Self::ThreadRealtimeStop(call) => call.serialize(s),
        }
    }
}

/// Any message a client may put on the wire.
#[derive(Debug, Clone, PartialEq)]
pub enum ClientMessage {
    /// A request (has `id` and `method`).
    Request(ClientRequest),
}

impl Serialize for ClientMessage {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Request(request) => request.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for ClientMessage {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(d)?;
        let method = value
            .get("method")
            .and_then(Value::as_str)
            .ok_or_else(|| crate::codec::missing_tag::<D::Error>("method"))?;
        if value.get("id").is_none() {
            return Err(D::Error::custom(format!("unknown client notification `{method}`")));
        }
        ClientRequest::from_value(method, &value).map(Self::Request)
    }
}

/// A notification a server sends, one variant per method; unknown methods are kept verbatim.
#[derive(Debug, Clone, PartialEq)]
pub enum ServerNotification {
    /// `authStatusChange`.
    AuthStatusChange(Notify<v1::AuthStatusChange>),
    /// `thread/realtime/closed` (experimental).
    ThreadRealtimeClosed(Notify<v2::ThreadRealtimeClosed>),
    /// A notification whose method this crate does not know, kept verbatim.
    Unknown(Value),
}

impl ServerNotification {
    fn from_value<E: serde::de::Error>(method: &str, value: Value) -> Result<Self, E> {
        Ok(match method {
            m if m == v1::AuthStatusChange::METHOD => Self::AuthStatusChange(Notify::from_value(&value)?),
            m if m == v2::ThreadRealtimeClosed::METHOD => Self::ThreadRealtimeClosed(Notify::from_value(&value)?),
            _ => Self::Unknown(value),
        })
    }
}

impl Serialize for ServerNotification {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::AuthStatusChange(n) => n.serialize(s),
            Self::ThreadRealtimeClosed(n) => n.serialize(s),
            Self::Unknown(raw) => raw.serialize(s),
        }
    }
}

/// A successful answer: `{"id", "result"}`. The result's type depends on the method of the
/// request it answers, which the answer does not carry; it is kept as JSON here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Response {
    /// The id of the request it answers.
    pub id: RequestId,
    /// The method's result (`{}` when there is nothing to return).
    pub result: Value,
}

/// A failed answer: `{"id", "error"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorResponse {
    /// The id of the request it answers.
    pub id: RequestId,
    /// What went wrong.
    pub error: ErrorObject,
}

/// Any message a server may put on the wire.
#[derive(Debug, Clone, PartialEq)]
pub enum ServerMessage {
    /// An answer to a request.
    Response(Response),
    /// An error answer to a request.
    Error(ErrorResponse),
    /// A notification.
    Notification(ServerNotification),
}

impl Serialize for ServerMessage {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Response(r) => r.serialize(s),
            Self::Error(e) => e.serialize(s),
            Self::Notification(n) => n.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for ServerMessage {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(d)?;
        let Some(object) = value.as_object() else {
            return Err(D::Error::custom("a message must be a JSON object"));
        };
        if let Some(method) = object.get("method") {
            let method = method.as_str().ok_or_else(|| crate::codec::missing_tag::<D::Error>("method"))?;
            if object.contains_key("id") {
                return Err(D::Error::custom(format!("a server sends no requests (method `{method}`)")));
            }
            let method = method.to_owned();
            return ServerNotification::from_value(&method, value).map(Self::Notification);
        }
        if object.contains_key("result") {
            return crate::codec::from_buffered(&value).map(Self::Response);
        }
        if object.contains_key("error") {
            return crate::codec::from_buffered(&value).map(Self::Error);
        }
        Err(D::Error::custom("neither a request, a notification, a response nor an error"))
    }
}

impl Union for ClientMessage {
    const NAME: &'static str = "ClientMessage";
    const SURFACE: Surface = Surface::AppServer;
    const VERSION: Option<Version> = None;
    const DIRECTION: Direction = Direction::ClientToServer;
    const TAG: &'static str = "method";
    const MODULE: &'static str = "app-server";

    fn messages() -> Vec<Message> {
        client_methods().iter().map(|m| m.message(Self::DIRECTION, Self::NAME)).collect()
    }

    fn is_unknown(&self) -> bool {
        false
    }

    #[cfg(feature = "schema")]
    fn schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let branches: Vec<Value> = client_methods().iter().map(|m| method_branch(generator, m)).collect();
        schemars::json_schema!({ "description": "Any message a client may put on the wire.", "oneOf": branches })
    }

    #[cfg(feature = "ts")]
    fn ts_files(config: &ts_rs::Config) -> Vec<(std::path::PathBuf, String)> {
        crate::typescript::union_files(config, Self::NAME, Self::MODULE, "Any message a client may put on the wire.", &client_methods(), &[])
    }
}

impl Union for ServerMessage {
    const NAME: &'static str = "ServerMessage";
    const SURFACE: Surface = Surface::AppServer;
    const VERSION: Option<Version> = None;
    const DIRECTION: Direction = Direction::ServerToClient;
    const TAG: &'static str = "method";
    const MODULE: &'static str = "app-server";

    fn messages() -> Vec<Message> {
        server_methods().iter().map(|m| m.message(Self::DIRECTION, Self::NAME)).collect()
    }

    fn is_unknown(&self) -> bool {
        matches!(self, Self::Notification(ServerNotification::Unknown(_)))
    }

    #[cfg(feature = "schema")]
    fn schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let methods = server_methods();
        let mut branches: Vec<Value> = methods.iter().map(|m| method_branch(generator, m)).collect();
        let known: Vec<&str> = methods.iter().map(|m| m.method).collect();
        let id = generator.subschema_for::<RequestId>();
        let error = generator.subschema_for::<ErrorObject>();
        branches.push(serde_json::json!({
            "description": "A notification whose method this version of rtwire does not know, kept as raw JSON.",
            "type": "object",
            "properties": { "method": { "type": "string", "not": { "enum": known } } },
            "required": ["method"],
            "not": { "required": ["id"] }
        }));
        branches.push(serde_json::json!({
            "description": "A successful answer; `result` is the result type of the answered request's method.",
            "type": "object",
            "properties": { "id": id, "result": true },
            "required": ["id", "result"],
            "not": { "required": ["method"] }
        }));
        branches.push(serde_json::json!({
            "description": "An error answer.",
            "type": "object",
            "properties": { "id": id, "error": error },
            "required": ["id", "error"],
            "not": { "anyOf": [{ "required": ["method"] }, { "required": ["result"] }] }
        }));
        schemars::json_schema!({ "description": "Any message a server may put on the wire.", "oneOf": branches })
    }

    #[cfg(feature = "ts")]
    fn ts_files(config: &ts_rs::Config) -> Vec<(std::path::PathBuf, String)> {
        let extra = [
            "{ \"id\": RequestId, \"result\": JsonValue }".to_owned(),
            "{ \"id\": RequestId, \"error\": ErrorObject }".to_owned(),
        ];
        crate::typescript::union_files(config, Self::NAME, Self::MODULE, "Any message a server may put on the wire.", &server_methods(), &extra)
    }
}

/// The schema branch of one method: `{id?, method: const, params}`.
#[cfg(feature = "schema")]
fn method_branch(generator: &mut schemars::SchemaGenerator, spec: &MethodSpec) -> Value {
    let params = (spec.params_schema)(generator);
    let mut properties = serde_json::Map::new();
    let mut required = vec![];
    if spec.kind == Kind::Request {
        properties.insert("id".into(), generator.subschema_for::<RequestId>().into());
        required.push("id");
    }
    properties.insert("method".into(), serde_json::json!({ "type": "string", "const": spec.method }));
    properties.insert("params".into(), params.into());
    required.extend(["method", "params"]);
    let mut branch = serde_json::json!({ "type": "object", "properties": properties, "required": required });
    if spec.kind == Kind::Notification {
        branch["not"] = serde_json::json!({ "required": ["id"] });
    }
    branch
}
