//! [`RpcDecodeError`]: why an incoming client message cannot be served, as the JSON-RPC error a
//! server answers with.

use std::fmt;

use crate::app_server::jsonrpc::{ErrorCode, ErrorObject, RequestId};
use crate::app_server::server::ErrorResponse;

/// Why [`ClientMessage::decode`](super::ClientMessage::decode) rejected a message, with what a
/// server needs to answer it (`app-server.md` §1.2, §3):
///
/// * -32600 ([`ErrorCode::InvalidRequest`]): not valid JSON, not an object, a `method` or `id`
///   of the wrong JSON type, or an object that is none of the four message shapes (or a
///   response or error, which a client never sends);
/// * -32601 ([`ErrorCode::MethodNotFound`]): a request whose `method` is unknown; the message is
///   `method not found: {method}`;
/// * -32602 ([`ErrorCode::InvalidParams`]): a known method whose `params` do not decode; the
///   message names the method and the JSON path of the offending value.
///
/// [`Self::id`] is the request's id when the message is a request whose id could be read; only
/// then can the error be answered ([`Self::to_error_response`]); otherwise the spec says to
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
    pub(crate) fn new(id: Option<RequestId>, code: ErrorCode, path: impl Into<String>, reason: impl Into<String>) -> Self {
        let (path, reason) = (path.into(), reason.into());
        let message = crate::codec::with_path(&path, &reason);
        RpcDecodeError { id, code, message, path, reason }
    }

    /// What was wrong, without the JSON path.
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// The `error` member of the answer: [`Self::code`] and [`Self::message`], no `data`.
    pub fn to_error_object(&self) -> ErrorObject {
        ErrorObject::new(self.code, self.message.clone())
    }

    /// The error answer to send back; `None` when the message has no readable id (a
    /// notification, or not a request at all), which the spec says to ignore.
    pub fn to_error_response(&self) -> Option<ErrorResponse> {
        let id = self.id.clone()?;
        Some(ErrorResponse { id, error: self.to_error_object() })
    }
}

impl fmt::Display for RpcDecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.code.code())
    }
}

impl std::error::Error for RpcDecodeError {}
