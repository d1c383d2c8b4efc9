//! [`RpcDecodeError`]: why an incoming message cannot be served, as the JSON-RPC error its
//! receiver answers with, and the classification steps both unions share.

use std::fmt;

use crate::app_server::jsonrpc::{ErrorCode, ErrorObject, RequestId};

/// Why [`ClientMessage::decode`](super::ClientMessage::decode) or
/// [`ServerMessage::decode`](super::ServerMessage::decode) rejected a message, with what its
/// receiver needs to answer it:
///
/// * -32600 ([`ErrorCode::InvalidRequest`]): not valid JSON, not an object, a `method` or `id`
///   of the wrong JSON type, an object that is none of the four message shapes, a message its
///   sender never sends (a response from a client), a malformed response or error, or a
///   message with the `method` of a request but no `id` (``missing field `id` `` at `/id`;
///   never answered, since it has no id);
/// * -32601 ([`ErrorCode::MethodNotFound`]): a request whose `method` is unknown (for a client,
///   every request: a server sends none); the message is `method not found: {method}`;
/// * -32602 ([`ErrorCode::InvalidParams`]): a known method whose `params` do not decode; the
///   message names the method and the JSON path of the offending value.
///
/// [`Self::id`] is the request's id when the message is a request whose id could be read; only
/// then can the error be answered ([`Self::to_error_response`]); otherwise the protocol says to
/// ignore (log) the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RpcDecodeError {
    /// The id of the rejected request, when it is a request with a readable id.
    pub id: Option<RequestId>,
    /// The JSON-RPC error code to answer with.
    pub code: ErrorCode,
    /// The error message to answer with; ends with ` (at /json/pointer)` when [`Self::path`] is
    /// not empty.
    pub message: String,
    /// The JSON pointer of the offending value inside the message (`""` for the message
    /// itself).
    pub path: String,
    reason: String,
}

impl RpcDecodeError {
    pub(crate) fn new(
        id: Option<RequestId>,
        code: ErrorCode,
        path: impl Into<String>,
        reason: impl Into<String>,
    ) -> Self {
        let (path, reason) = (path.into(), reason.into());
        let message = crate::error::with_path(&path, &reason);
        RpcDecodeError {
            id,
            code,
            message,
            path,
            reason,
        }
    }

    /// What was wrong, without the JSON path.
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// The `error` member of the answer: [`Self::code`] and [`Self::message`], no `data`.
    pub fn to_error_object(&self) -> ErrorObject {
        ErrorObject::new(self.code, self.message.clone())
    }
}

impl fmt::Display for RpcDecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.code.code())
    }
}

impl std::error::Error for RpcDecodeError {}

/// A -32600 error without an id.
pub(crate) fn invalid(path: &str, reason: &str) -> RpcDecodeError {
    RpcDecodeError::new(None, ErrorCode::InvalidRequest, path, reason)
}

/// The -32600 error of a message with the `method` of a request and no `id`: without an id it
/// cannot be answered, and no notification has that method.
pub(crate) fn request_without_id(method: &str) -> RpcDecodeError {
    invalid(
        "/id",
        &format!("missing field `id`: `{method}` is a request method, and a request has an `id`"),
    )
}

/// The -32601 error answering the request `id` of the unknown `method`.
pub(crate) fn method_not_found(id: RequestId, method: &str) -> RpcDecodeError {
    RpcDecodeError::new(
        Some(id),
        ErrorCode::MethodNotFound,
        "",
        format!("method not found: {method}"),
    )
}

/// The -32602 error for a serde error (with its path recorded by [`crate::codec`]) raised while
/// decoding the params of `method`.
pub(crate) fn params_error(id: Option<RequestId>, method: &str, error: &str) -> RpcDecodeError {
    let (path, reason) = crate::error::split_path(error);
    let mut error = RpcDecodeError::new(id, ErrorCode::InvalidParams, path, reason);
    error.message =
        crate::error::with_path(path, &format!("invalid params for {method}: {reason}"));
    error
}

/// Parses JSON text into a value with the rules of [`crate::codec::parse`] (no repeated member
/// name, ignored members valid too), or -32600 with the pointer of a repeated member.
pub(crate) fn parse(text: &str) -> Result<serde_json::Value, RpcDecodeError> {
    crate::codec::parse(text).map_err(|e| invalid(e.path(), e.reason()))
}

/// The `method` of a message object: `Ok(None)` when absent, -32600 when not a string.
pub(crate) fn method_of(
    object: &serde_json::Map<String, serde_json::Value>,
) -> Result<Option<String>, RpcDecodeError> {
    match object.get("method") {
        None => Ok(None),
        Some(serde_json::Value::String(method)) => Ok(Some(method.clone())),
        Some(_) => Err(invalid("/method", "`method` must be a string")),
    }
}

/// The `id` of a message object: `Ok(None)` when absent, -32600 when neither a string nor an
/// integer.
pub(crate) fn id_of(
    object: &serde_json::Map<String, serde_json::Value>,
) -> Result<Option<RequestId>, RpcDecodeError> {
    object.get("id").map(id_of_value).transpose()
}

/// The value of an `id` member as a [`RequestId`], or -32600 when it is neither a string nor an
/// integer.
pub(crate) fn id_of_value(id: &serde_json::Value) -> Result<RequestId, RpcDecodeError> {
    use serde::Deserialize as _;
    RequestId::deserialize(id).map_err(|e| invalid("/id", &e.to_string()))
}

/// Decodes a buffered answer (response or error) or -32600 with the JSON path.
pub(crate) fn answer<T: serde::de::DeserializeOwned>(
    value: &serde_json::Value,
) -> Result<T, RpcDecodeError> {
    crate::buffered::from_buffered::<T, serde_json::Error>(value).map_err(|e| {
        let message = e.to_string();
        let (path, reason) = crate::error::split_path(&message);
        invalid(path, reason)
    })
}

/// The serde error of a rejected message, for the `Deserialize` impls of the unions.
pub(crate) fn to_serde<E: serde::de::Error>(error: RpcDecodeError) -> E {
    E::custom(crate::error::with_path(&error.path, error.reason()))
}

/// The error of a message that the one-pass decoder refused but the buffered decoder accepts
/// (a case the fuzz targets look for): the one-pass verdict, as -32600 or, for a known method,
/// -32602, with the id when it can be read.
pub(crate) fn one_pass(value: &serde_json::Value, error: serde_json::Error) -> RpcDecodeError {
    let object = value.as_object();
    let id = object.and_then(|o| id_of(o).ok().flatten());
    match object.and_then(|o| method_of(o).ok().flatten()) {
        Some(method) => params_error(id, &method, &error.to_string()),
        None => {
            let mut error = invalid("", &error.to_string());
            error.id = id;
            error
        }
    }
}
