//! What a server sends: [`ServerMessage`], its notifications, and the answers to requests.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::app_server::answer::{ErrorResponse, Response};
use crate::app_server::decode_error::{self, RpcDecodeError};
use crate::app_server::jsonrpc::{Notification, Notify};
use crate::app_server::notifications::notifications;
use crate::app_server::spec::MethodSpec;
use crate::app_server::{v1, v2};
use crate::registry::{MethodVariant, VariantVisitor};

notifications!(
    /// A notification a server sends, one variant per method; unknown methods are kept verbatim.
    ServerNotification, server_methods, visit_server_methods, {
        AuthStatusChange(v1::AuthStatusChange),
        AccountLoginCompleted(v2::AccountLoginCompleted),
        AccountUpdated(v2::AccountUpdated),
        ThreadStarted(v2::ThreadStarted),
        ThreadRealtimeStarted(v2::ThreadRealtimeStarted),
        ThreadRealtimeItemAdded(v2::ThreadRealtimeItemAdded),
        ThreadRealtimeTranscriptDelta(v2::ThreadRealtimeTranscriptDelta),
        ThreadRealtimeTranscriptDone(v2::ThreadRealtimeTranscriptDone),
        ThreadRealtimeOutputAudioDelta(v2::ThreadRealtimeOutputAudioDelta),
        ThreadRealtimeSdp(v2::ThreadRealtimeSdp),
        ThreadRealtimeError(v2::ThreadRealtimeError),
        ThreadRealtimeClosed(v2::ThreadRealtimeClosed),
    }
);

/// Any message a server may put on the wire: an answer (response or error) to a client
/// request, or a notification.
#[derive(Debug, Clone, PartialEq)]
pub enum ServerMessage {
    /// An answer to a request.
    Response(Response),
    /// An error answer to a request.
    Error(ErrorResponse),
    /// A notification.
    Notification(ServerNotification),
}

impl ServerMessage {
    /// Decodes one message from JSON text. A `jsonrpc` member is accepted and ignored, as is
    /// every unknown member. A request (which a server never sends) is rejected with -32601 and
    /// its id, so that a client can answer it as the protocol requires.
    ///
    /// The outcome is that of `serde_json::from_str` (one pass, method first, streamed into the
    /// params); only when that fails is the text parsed again, to build the error. A member name
    /// repeated in one object is an error, as is an ignored member that is not valid JSON (a
    /// number out of the range of `f64`, a lone surrogate escape).
    pub fn decode(text: &str) -> Result<Self, RpcDecodeError> {
        let first = match serde_json::from_str(text) {
            Ok(message) => return Ok(message),
            Err(error) => error,
        };
        let value = decode_error::parse(text)?;
        // The one-pass verdict stands; the buffered decoder only explains it.
        Self::decode_value(value.clone()).and_then(|_| Err(decode_error::one_pass(&value, first)))
    }

    /// Decodes one already parsed message; see [`Self::decode`].
    pub fn decode_value(value: Value) -> Result<Self, RpcDecodeError> {
        let Some(object) = value.as_object() else {
            return Err(decode_error::invalid("", "a message must be a JSON object"));
        };
        if let Some(method) = decode_error::method_of(object)? {
            if let Some(id) = decode_error::id_of(object)? {
                return Err(decode_error::method_not_found(id, &method));
            }
            return ServerNotification::from_value::<serde_json::Error>(&method, value)
                .map(Self::Notification)
                .map_err(|e| decode_error::params_error(None, &method, &e.to_string()));
        }
        if object.contains_key("result") {
            return decode_error::answer(&value).map(Self::Response);
        }
        if object.contains_key("error") {
            return decode_error::answer(&value).map(Self::Error);
        }
        Err(decode_error::invalid(
            "",
            "neither a request, a notification, a response nor an error",
        ))
    }
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

impl<'de> crate::app_server::stream::Message<'de> for ServerMessage {
    fn notification_from_rest<M: serde::de::MapAccess<'de>>(
        method: &str,
        rest: M,
    ) -> Option<Result<Self, M::Error>> {
        ServerNotification::from_rest(method, rest).map(|n| n.map(Self::Notification))
    }

    fn decode_value(value: Value) -> Result<Self, RpcDecodeError> {
        Self::decode_value(value)
    }
}

impl<'de> Deserialize<'de> for ServerMessage {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::app_server::stream::deserialize(d)
    }
}
