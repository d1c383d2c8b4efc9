//! The JSON-RPC envelope of the app-server (`app-server.md` §1–§3): request ids, error objects,
//! error codes, and the traits that bind a method name to its params and result types.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt::Debug;

use crate::registry::Version;

/// The id of a request: a JSON string or a JSON integer (within JavaScript's safe range),
/// echoed back in the answer exactly as received (same JSON type).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/"))]
pub enum RequestId {
    /// An integer id, within -(2^53-1) … 2^53-1.
    Integer(i64),
    /// A string id.
    String(String),
}

/// The `error` member of an error answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/", optional_fields = nullable))]
pub struct ErrorObject {
    /// The error code; see [`ErrorCode`] for the codes this protocol uses.
    pub code: i64,
    /// Human-readable description; the exact texts of the spec's refusals are built by the
    /// constructors of this type.
    pub message: String,
    /// Extra data; absent when there is none (the server never sends it for its refusals).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<Value>,
}

/// The error codes of the app-server (spec §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    /// -32600: the request is not acceptable in the current state (before `initialize`, a
    /// missing capability, an unknown thread, …).
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
}

/// The bounds every params and result type meets (plus `JsonSchema` and `TS` with the
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
    /// The `params` member.
    type Params: Payload;
}

/// A request of method `R` as it travels: `{"id", "method": R::METHOD, "params"}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Call<R: Request> {
    /// The id the answer will echo.
    pub id: RequestId,
    /// The method's params.
    pub params: R::Params,
}

/// A notification of method `N` as it travels: `{"method": N::METHOD, "params"}`.
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
struct CallIn<P> {
    id: RequestId,
    params: P,
}

#[derive(Serialize)]
struct NotifyWire<'a, P> {
    method: &'static str,
    params: &'a P,
}

#[derive(Deserialize)]
#[serde(bound = "P: DeserializeOwned")]
struct NotifyIn<P> {
    params: P,
}

impl<R: Request> Serialize for Call<R> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        CallWire { id: &self.id, method: R::METHOD, params: &self.params }.serialize(s)
    }
}

impl<R: Request> Call<R> {
    /// Decodes a buffered request whose `method` is `R::METHOD`.
    pub(crate) fn from_value<E: serde::de::Error>(value: &Value) -> Result<Self, E> {
        let call: CallIn<R::Params> = crate::codec::from_buffered(value)?;
        Ok(Call { id: call.id, params: call.params })
    }
}

impl<N: Notification> Serialize for Notify<N> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        NotifyWire { method: N::METHOD, params: &self.params }.serialize(s)
    }
}

impl<N: Notification> Notify<N> {
    /// Decodes a buffered notification whose `method` is `N::METHOD`.
    pub(crate) fn from_value<E: serde::de::Error>(value: &Value) -> Result<Self, E> {
        let n: NotifyIn<N::Params> = crate::codec::from_buffered(value)?;
        Ok(Notify { params: n.params })
    }
}
