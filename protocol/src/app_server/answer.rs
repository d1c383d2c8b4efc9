//! The answers to a request: [`Response`] and [`ErrorResponse`].

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::app_server::decode_error::RpcDecodeError;
use crate::app_server::jsonrpc::{ErrorObject, Request, RequestId};
use crate::error::DecodeError;

/// A successful answer: `{"id", "result"}`. The result's type depends on the method of the
/// request it answers, which the answer does not carry: it is kept as JSON here, and decoded
/// with [`Response::decode_result`] (method known statically) or
/// [`Response::decode_result_for`] (method known at run time) by the peer that remembers its
/// pending requests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Response {
    /// The id of the request it answers.
    pub id: RequestId,
    /// The method's result (`{}` when there is nothing to return).
    pub result: Value,
}

impl Response {
    /// The answer to the request `id` of method `R`.
    pub fn new<R: Request>(id: RequestId, result: &R::Result) -> Self {
        Response {
            id,
            result: crate::codec::encode(result),
        }
    }

    /// Decodes the result as the result type of method `R`. Errors name the method and carry
    /// the JSON path inside the response (e.g. `/result/thread/id`).
    pub fn decode_result<R: Request>(&self) -> Result<R::Result, DecodeError> {
        crate::codec::decode_value(&self.result, "").map_err(|e| {
            DecodeError::new(Some(R::METHOD), format!("/result{}", e.path()), e.reason())
        })
    }
}

/// A failed answer: `{"id", "error"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorResponse {
    /// The id of the request it answers.
    pub id: RequestId,
    /// What went wrong.
    pub error: ErrorObject,
}

impl RpcDecodeError {
    /// The error answer to send back; `None` when the message has no readable id (a
    /// notification, or not a request at all), which the protocol says to ignore.
    pub fn to_error_response(&self) -> Option<ErrorResponse> {
        let id = self.id.clone()?;
        Some(ErrorResponse {
            id,
            error: self.to_error_object(),
        })
    }
}
