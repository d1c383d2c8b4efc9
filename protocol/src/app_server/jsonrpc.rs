//! The JSON-RPC envelope of the app-server: request ids, error objects,
//! error codes, and the traits that bind a method name to its params and result types.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt::Debug;

use crate::registry::Version;

/// The id of a request: a JSON string or a JSON integer within JavaScript's safe range
/// (-(2^53-1) … 2^53-1), echoed back in the answer exactly as received (same JSON type).
///
/// Decoding accepts exactly a string or an integer in that range (a fraction, a boolean or
/// `null` is an error: ``invalid type: boolean `true`, expected a string or an integer``; an
/// integer beyond the range is an error too).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/"))]
pub enum RequestId {
    /// An integer id, within -(2^53-1) … 2^53-1.
    Integer(i64),
    /// A string id.
    String(String),
}

impl<'de> Deserialize<'de> for RequestId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct IdVisitor;
        impl serde::de::Visitor<'_> for IdVisitor {
            type Value = RequestId;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string or an integer")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<RequestId, E> {
                crate::integer::check(v, &IdRange).map(RequestId::Integer)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<RequestId, E> {
                crate::integer::check_unsigned(v, &IdRange).map(RequestId::Integer)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RequestId, E> {
                Ok(RequestId::String(v.to_owned()))
            }
        }
        /// What an integer id must be.
        struct IdRange;
        impl serde::de::Expected for IdRange {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "a string or {}", crate::integer::EXPECTED)
            }
        }
        d.deserialize_any(IdVisitor)
    }
}

/// The `error` member of an error answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/", optional_fields = nullable))]
pub struct ErrorObject {
    /// The error code, an integer within -(2^53-1) … 2^53-1; see [`ErrorCode`] for the codes
    /// this protocol uses.
    #[serde(deserialize_with = "crate::integer::safe")]
    pub code: i64,
    /// Human-readable description; the exact texts of the protocol's refusals are built by the
    /// constructors of this type.
    pub message: String,
    /// Extra data; absent when there is none (the server never sends it for its refusals).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<Value>,
}

/// The error codes of the app-server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// -32600: the request is not acceptable in the current state (before `initialize`, a
    /// missing capability, an unknown thread, …), or the message is not a request at all.
    InvalidRequest,
    /// -32601: unknown `method`.
    MethodNotFound,
    /// -32602: `params` missing a required member, of a wrong JSON type, or with an unknown
    /// closed-enum value.
    InvalidParams,
    /// -32603: the operation was accepted but failed inside the server.
    InternalError,
    /// -32001: the server's intake queue is full; retry later with backoff.
    ServerOverloaded,
}

impl ErrorCode {
    /// The integer on the wire.
    pub fn code(self) -> i64 {
        match self {
            ErrorCode::InvalidRequest => -32600,
            ErrorCode::MethodNotFound => -32601,
            ErrorCode::InvalidParams => -32602,
            ErrorCode::InternalError => -32603,
            ErrorCode::ServerOverloaded => -32001,
        }
    }

    /// The code named by the integer `code`; `None` for a code this protocol does not define.
    pub fn from_code(code: i64) -> Option<Self> {
        [
            Self::InvalidRequest,
            Self::MethodNotFound,
            Self::InvalidParams,
            Self::InternalError,
            Self::ServerOverloaded,
        ]
        .into_iter()
        .find(|c| c.code() == code)
    }
}

/// The refusals of the app-server, with their exact messages; `data` is absent in all of them.
impl ErrorObject {
    /// An error with `code` and `message`, without `data`.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ErrorObject {
            code: code.code(),
            message: message.into(),
            data: None,
        }
    }

    /// The [`ErrorCode`] of [`Self::code`]; `None` for a code this protocol does not define.
    pub fn error_code(&self) -> Option<ErrorCode> {
        ErrorCode::from_code(self.code)
    }

    /// -32600 `Not initialized`: any request before `initialize`.
    pub fn not_initialized() -> Self {
        Self::new(ErrorCode::InvalidRequest, "Not initialized")
    }

    /// -32600 `Already initialized`: a second `initialize` on the same connection.
    pub fn already_initialized() -> Self {
        Self::new(ErrorCode::InvalidRequest, "Already initialized")
    }

    /// -32600 `Invalid clientInfo.name: '{name}'. Must be a valid HTTP header value.`
    pub fn invalid_client_name(name: &str) -> Self {
        Self::new(
            ErrorCode::InvalidRequest,
            format!("Invalid clientInfo.name: '{name}'. Must be a valid HTTP header value."),
        )
    }

    /// -32600 `{method} requires experimentalApi capability`: an experimental method without
    /// the opt-in.
    pub fn requires_experimental_api(method: &str) -> Self {
        Self::new(
            ErrorCode::InvalidRequest,
            format!("{method} requires experimentalApi capability"),
        )
    }

    /// -32600 `thread {threadId} does not support realtime conversation`.
    pub fn realtime_not_supported(thread_id: &str) -> Self {
        Self::new(
            ErrorCode::InvalidRequest,
            format!("thread {thread_id} does not support realtime conversation"),
        )
    }

    /// -32600 `thread not found: {threadId}`: a `threadId` that names no loaded thread.
    pub fn thread_not_found(thread_id: &str) -> Self {
        Self::new(
            ErrorCode::InvalidRequest,
            format!("thread not found: {thread_id}"),
        )
    }

    /// -32600 `invalid thread id: {reason}`: a `threadId` that is not a valid thread id.
    pub fn invalid_thread_id(reason: &str) -> Self {
        Self::new(
            ErrorCode::InvalidRequest,
            format!("invalid thread id: {reason}"),
        )
    }

    /// -32600 `existingCall transport does not support {option}`: a `thread/realtime/start`
    /// with transport `existingCall` and an option it refuses (`includeStartupContext`,
    /// `prompt`, `initialItems`, `model`, `voice` or `delegationAckFiller`).
    pub fn existing_call_unsupported(option: &str) -> Self {
        Self::new(
            ErrorCode::InvalidRequest,
            format!("existingCall transport does not support {option}"),
        )
    }

    /// -32601 `method not found: {method}` (the text of -32601 is not normative).
    pub fn method_not_found(method: &str) -> Self {
        Self::new(
            ErrorCode::MethodNotFound,
            format!("method not found: {method}"),
        )
    }

    /// -32602 with `message` describing what is wrong with `params`.
    pub fn invalid_params(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidParams, message)
    }

    /// -32603 `failed to start realtime conversation: {reason}` (`thread/realtime/start`).
    pub fn failed_to_start_realtime(reason: &str) -> Self {
        Self::new(
            ErrorCode::InternalError,
            format!("failed to start realtime conversation: {reason}"),
        )
    }

    /// -32603 `failed to append realtime conversation audio: {reason}`
    /// (`thread/realtime/appendAudio`).
    pub fn failed_to_append_audio(reason: &str) -> Self {
        Self::new(
            ErrorCode::InternalError,
            format!("failed to append realtime conversation audio: {reason}"),
        )
    }

    /// -32603 `failed to append realtime conversation text: {reason}`
    /// (`thread/realtime/appendText`).
    pub fn failed_to_append_text(reason: &str) -> Self {
        Self::new(
            ErrorCode::InternalError,
            format!("failed to append realtime conversation text: {reason}"),
        )
    }

    /// -32603 `failed to append realtime conversation speech: {reason}`
    /// (`thread/realtime/appendSpeech`).
    pub fn failed_to_append_speech(reason: &str) -> Self {
        Self::new(
            ErrorCode::InternalError,
            format!("failed to append realtime conversation speech: {reason}"),
        )
    }

    /// -32603 `failed to stop realtime conversation: {reason}` (`thread/realtime/stop`).
    pub fn failed_to_stop_realtime(reason: &str) -> Self {
        Self::new(
            ErrorCode::InternalError,
            format!("failed to stop realtime conversation: {reason}"),
        )
    }

    /// -32001 `Server overloaded; retry later.`
    pub fn server_overloaded() -> Self {
        Self::new(
            ErrorCode::ServerOverloaded,
            "Server overloaded; retry later.",
        )
    }
}

/// The bounds every message payload meets: the params and result types of the app-server
/// methods and the payload types of the realtime events (plus `JsonSchema` and `TS` with the
/// `schema` and `ts` features).
pub trait Payload:
    Serialize + DeserializeOwned + Debug + Clone + PartialEq + SchemaBound + TsBound + 'static
{
}
impl<T> Payload for T where
    T: Serialize + DeserializeOwned + Debug + Clone + PartialEq + SchemaBound + TsBound + 'static
{
}

/// `schemars::JsonSchema` with the `schema` feature, nothing without it.
#[cfg(feature = "schema")]
pub trait SchemaBound: schemars::JsonSchema {}
#[cfg(feature = "schema")]
impl<T: schemars::JsonSchema> SchemaBound for T {}
/// `schemars::JsonSchema` with the `schema` feature, nothing without it.
#[cfg(not(feature = "schema"))]
pub trait SchemaBound {}
#[cfg(not(feature = "schema"))]
impl<T> SchemaBound for T {}

/// `ts_rs::TS` with the `ts` feature, nothing without it.
#[cfg(feature = "ts")]
pub trait TsBound: ts_rs::TS {}
#[cfg(feature = "ts")]
impl<T: ts_rs::TS> TsBound for T {}
/// `ts_rs::TS` with the `ts` feature, nothing without it.
#[cfg(not(feature = "ts"))]
pub trait TsBound {}
#[cfg(not(feature = "ts"))]
impl<T> TsBound for T {}

/// A request method: its name, namespace, experimental flag, params and result types.
/// Implemented once per method by a unit struct named after it.
pub trait Request: 'static {
    /// The `method` on the wire.
    const METHOD: &'static str;
    /// The namespace it belongs to.
    const VERSION: Version;
    /// Only usable after opting in with `capabilities.experimentalApi`.
    const EXPERIMENTAL: bool;
    /// Removed upstream but still decoded; encoders targeting a current server do not emit it
    /// (a current server answers it with -32601).
    const LEGACY: bool = false;
    /// The `params` member.
    type Params: Payload;
    /// The `result` member of a successful answer.
    type Result: Payload;
}

/// A notification method: its name, namespace, experimental flag and params type.
pub trait Notification: 'static {
    /// The `method` on the wire.
    const METHOD: &'static str;
    /// The namespace it belongs to.
    const VERSION: Version;
    /// Only usable after opting in with `capabilities.experimentalApi`.
    const EXPERIMENTAL: bool;
    /// Removed upstream but still decoded; a current peer never sends it.
    const LEGACY: bool = false;
    /// The `params` member; [`NoParams`] for a method without params (`initialized`), whose
    /// messages carry no `params` member.
    type Params: Payload;
}

/// The params of a method that defines none (`initialized`): no `params` member is emitted,
/// and an incoming one is ignored, whatever its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NoParams;

impl Serialize for NoParams {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_unit()
    }
}

impl<'de> Deserialize<'de> for NoParams {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        serde::de::IgnoredAny::deserialize(d).map(|_| NoParams)
    }
}

/// Whether the params type `P` defines any params at all (every type but [`NoParams`]).
pub(crate) fn has_params<P: 'static>() -> bool {
    std::any::TypeId::of::<P>() != std::any::TypeId::of::<NoParams>()
}

/// Whether an absent `params` is accepted for the params type `P`: `P` has params and none of
/// its members is required (it decodes from `{}`).
pub(crate) fn params_optional<P: DeserializeOwned + 'static>() -> bool {
    has_params::<P>() && serde_json::from_value::<P>(Value::Object(Default::default())).is_ok()
}

/// A request of method `R` as it travels: `{"id", "method": R::METHOD, "params"}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Call<R: Request> {
    /// The id the answer will echo.
    pub id: RequestId,
    /// The method's params.
    pub params: R::Params,
}

/// A notification of method `N` as it travels: `{"method": N::METHOD, "params"}` (no `params`
/// when `N::Params` is [`NoParams`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Notify<N: Notification> {
    /// The method's params.
    pub params: N::Params,
}

#[derive(Serialize)]
struct CallWire<'a, P> {
    id: &'a RequestId,
    method: &'static str,
    params: &'a P,
}

#[derive(Deserialize)]
#[serde(bound = "P: DeserializeOwned")]
struct ParamsIn<P> {
    params: P,
}

#[derive(Serialize)]
struct NotifyWire<'a, P> {
    method: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    params: Option<&'a P>,
}

impl<R: Request> Call<R> {
    /// A request of method `R`.
    pub fn new(id: impl Into<RequestId>, params: R::Params) -> Self {
        Call {
            id: id.into(),
            params,
        }
    }

    /// Decodes the params of a buffered request whose `method` is `R::METHOD` and whose `id`
    /// was already read. An absent `params` counts as `{}`.
    pub(crate) fn params_from_value<E: serde::de::Error>(value: &Value) -> Result<R::Params, E> {
        params_from_value::<R::Params, E>(value)
    }
}

impl<R: Request> Serialize for Call<R> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        CallWire {
            id: &self.id,
            method: R::METHOD,
            params: &self.params,
        }
        .serialize(s)
    }
}

impl<N: Notification> Notify<N> {
    /// A notification of method `N`.
    pub fn new(params: N::Params) -> Self {
        Notify { params }
    }

    /// Decodes a buffered notification whose `method` is `N::METHOD`. An absent `params` counts
    /// as `{}`; for a method without params, any `params` is ignored.
    pub(crate) fn from_value<E: serde::de::Error>(value: &Value) -> Result<Self, E> {
        params_from_value::<N::Params, E>(value).map(|params| Notify { params })
    }
}

impl<N: Notification> Serialize for Notify<N> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let params = has_params::<N::Params>().then_some(&self.params);
        NotifyWire {
            method: N::METHOD,
            params,
        }
        .serialize(s)
    }
}

pub(crate) fn params_from_value<P: DeserializeOwned + 'static, E: serde::de::Error>(
    value: &Value,
) -> Result<P, E> {
    if !has_params::<P>() {
        return crate::buffered::from_buffered(&Value::Null);
    }
    let absent = value.get("params").is_none();
    if absent && params_optional::<P>() {
        return crate::buffered::from_buffered(&Value::Object(Default::default()));
    }
    crate::buffered::from_buffered::<ParamsIn<P>, E>(value).map(|p| p.params)
}

impl From<i64> for RequestId {
    fn from(id: i64) -> Self {
        RequestId::Integer(id)
    }
}

impl From<&str> for RequestId {
    fn from(id: &str) -> Self {
        RequestId::String(id.to_owned())
    }
}

impl From<String> for RequestId {
    fn from(id: String) -> Self {
        RequestId::String(id)
    }
}

impl std::fmt::Display for RequestId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RequestId::Integer(id) => write!(f, "{id}"),
            RequestId::String(id) => write!(f, "{id:?}"),
        }
    }
}
