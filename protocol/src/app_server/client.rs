//! What a client sends: [`ClientMessage`], its requests and notifications, and the typed
//! results of its requests.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::app_server::answer::Response;
use crate::app_server::decode_error::{self, RpcDecodeError};
use crate::app_server::jsonrpc::{Call, Notification, Notify, Request, RequestId};
use crate::app_server::notifications::notifications;
use crate::app_server::spec::MethodSpec;
use crate::app_server::{v1, v2};
use crate::error::DecodeError;
use crate::registry::{MethodVariant, VariantVisitor};

/// Declares [`ClientRequest`], [`ClientResult`] and the list of request specs from one list of
/// `Variant(method type)` pairs.
macro_rules! client_requests {
    ($($variant:ident($ty:ty)),* $(,)?) => {
        /// A request a client sends, one variant per method (variant names follow the method
        /// types of [`v1`] and [`v2`]).
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum ClientRequest {
            $(
                #[doc = concat!("A request of [`", stringify!($ty), "`].")]
                $variant(Call<$ty>),
            )*
        }

        /// The result of a client request, one variant per method: what a
        /// [`Response`](super::Response) decodes to once the method of the request it answers is
        /// known (see [`ClientResult::decode`]).
        // The variants are the results as decoded from one answer each; boxing the larger ones
        // would only add an allocation per answer.
        #[allow(clippy::large_enum_variant)]
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum ClientResult {
            $(
                #[doc = concat!("The result of [`", stringify!($ty), "`].")]
                $variant(<$ty as Request>::Result),
            )*
        }

        $(
            impl From<Call<$ty>> for ClientRequest {
                fn from(call: Call<$ty>) -> Self {
                    Self::$variant(call)
                }
            }
        )*

        impl ClientRequest {
            /// The request's id.
            pub fn id(&self) -> &RequestId {
                match self {
                    $(Self::$variant(call) => &call.id,)*
                }
            }

            /// The request's `method`.
            pub fn method(&self) -> &'static str {
                match self {
                    $(Self::$variant(_) => <$ty as Request>::METHOD,)*
                }
            }

            /// Whether `method` is one of the request methods of this union.
            fn is_method(method: &str) -> bool {
                [$(<$ty as Request>::METHOD),*].contains(&method)
            }

            /// Decodes the params of a request of `method`; `None` when the method is unknown.
            fn from_parts<E: serde::de::Error>(method: &str, id: RequestId, value: &Value) -> Option<Result<Self, E>> {
                $(
                    if method == <$ty as Request>::METHOD {
                        let params = Call::<$ty>::params_from_value::<E>(value);
                        return Some(params.map(|params| Self::$variant(Call { id, params })));
                    }
                )*
                None
            }
        }

        impl Serialize for ClientRequest {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self {
                    $(Self::$variant(call) => call.serialize(s),)*
                }
            }
        }

        impl ClientResult {
            /// Decodes `result`, the `result` member of an answer to a request of `method`.
            /// Errors name the method, with JSON paths relative to `result`; an unknown method
            /// is an error too.
            pub fn decode(method: &str, result: &Value) -> Result<Self, DecodeError> {
                $(
                    if method == <$ty as Request>::METHOD {
                        return crate::codec::decode_value(result, "").map(Self::$variant)
                            .map_err(|e| DecodeError::new(Some(method), e.path(), e.reason()));
                    }
                )*
                Err(DecodeError::new(Some(method), "", "not a request method of this protocol"))
            }

            /// The method whose result this is.
            pub fn method(&self) -> &'static str {
                match self {
                    $(Self::$variant(_) => <$ty as Request>::METHOD,)*
                }
            }
        }

        impl Serialize for ClientResult {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self {
                    $(Self::$variant(result) => result.serialize(s),)*
                }
            }
        }

        fn request_specs() -> Vec<MethodSpec> {
            vec![$(MethodSpec::request::<$ty>(),)*]
        }

        /// Calls `visitor` with every request method, in declaration order.
        fn visit_requests<V: VariantVisitor>(visitor: &mut V) {
            $(visitor.request::<$ty>(MethodVariant::of::<<$ty as Request>::Params>(
                <$ty as Request>::METHOD,
                stringify!($variant),
            ));)*
        }
    };
}

client_requests! {
    Initialize(v1::Initialize),
    LoginApiKey(v1::LoginApiKey),
    GetAuthStatus(v1::GetAuthStatus),
    LoginAccount(v2::LoginAccount),
    ThreadStart(v2::ThreadStart),
    ThreadRealtimeStart(v2::ThreadRealtimeStart),
    ThreadRealtimeAppendAudio(v2::ThreadRealtimeAppendAudio),
    ThreadRealtimeAppendText(v2::ThreadRealtimeAppendText),
    ThreadRealtimeAppendSpeech(v2::ThreadRealtimeAppendSpeech),
    ThreadRealtimeStop(v2::ThreadRealtimeStop),
    ThreadRealtimeListVoices(v2::ThreadRealtimeListVoices),
}

notifications!(
    /// A notification a client sends, one variant per method; unknown methods are kept verbatim.
    ClientNotification, client_notification_specs, visit_client_notifications, {
        Initialized(v1::Initialized),
    }
);

/// Every method a client sends: its requests, then its notifications.
pub(crate) fn client_methods() -> Vec<MethodSpec> {
    let mut methods = request_specs();
    methods.extend(client_notification_specs());
    methods
}

/// Calls `visitor` with every method a client sends, in the order of [`client_methods`].
pub(crate) fn visit_client_methods<V: VariantVisitor>(visitor: &mut V) {
    visit_requests(visitor);
    visit_client_notifications(visitor);
}

/// Any message a client may put on the wire: a request (answered) or a notification (not).
///
/// Decode it with [`ClientMessage::decode`] to get an [`RpcDecodeError`] a server can answer
/// with; its serde `Deserialize` gives the same outcome as a serde error.
// One message is built or decoded at a time and moved, never stored in bulk: boxing the large
// variant would cost an allocation per message and change the variants' public types.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum ClientMessage {
    /// A request (has `id` and `method`).
    Request(ClientRequest),
    /// A notification (has `method`, no `id`).
    Notification(ClientNotification),
}

impl ClientMessage {
    /// Decodes one message from JSON text (one line of the stdio transport, or one WebSocket
    /// text frame). A `jsonrpc` member is accepted and ignored, as is every unknown member.
    ///
    /// The outcome is that of `serde_json::from_str` (one pass, method first, streamed into the
    /// params); only when that fails is the text parsed again, to build the error. A message
    /// with the `method` of a request and no `id` is an error (-32600, ``missing field `id` ``
    /// at `/id`, naming the method), not a notification of an unknown method: JSON-RPC would
    /// call it a notification, but no notification has that name. A member name
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
        let Some(method) = decode_error::method_of(object)? else {
            let reason = if object.contains_key("result") || object.contains_key("error") {
                "a client sends no responses or errors"
            } else {
                "neither a request, a notification, a response nor an error"
            };
            return Err(decode_error::invalid("", reason));
        };
        let Some(id) = decode_error::id_of(object)? else {
            if ClientRequest::is_method(&method) {
                return Err(decode_error::request_without_id(&method));
            }
            return ClientNotification::from_value::<serde_json::Error>(&method, value)
                .map(Self::Notification)
                .map_err(|e| decode_error::params_error(None, &method, &e.to_string()));
        };
        match ClientRequest::from_parts::<serde_json::Error>(&method, id.clone(), &value) {
            None => Err(decode_error::method_not_found(id, &method)),
            Some(Ok(request)) => Ok(Self::Request(request)),
            Some(Err(e)) => Err(decode_error::params_error(
                Some(id),
                &method,
                &e.to_string(),
            )),
        }
    }
}

impl Serialize for ClientMessage {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Request(request) => request.serialize(s),
            Self::Notification(notification) => notification.serialize(s),
        }
    }
}

impl<'de> crate::app_server::stream::Message<'de> for ClientMessage {
    fn notification_from_rest<M: serde::de::MapAccess<'de>>(
        method: &str,
        rest: M,
    ) -> Option<Result<Self, M::Error>> {
        ClientNotification::from_rest(method, rest).map(|n| n.map(Self::Notification))
    }

    fn decode_value(value: Value) -> Result<Self, RpcDecodeError> {
        Self::decode_value(value)
    }
}

impl<'de> Deserialize<'de> for ClientMessage {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::app_server::stream::deserialize(d)
    }
}

impl Response {
    /// Decodes the result as the result type of `method`, the method of the pending request
    /// whose id this answer carries; see [`ClientResult::decode`].
    pub fn decode_result_for(&self, method: &str) -> Result<ClientResult, DecodeError> {
        ClientResult::decode(method, &self.result)
            .map_err(|e| DecodeError::new(Some(method), format!("/result{}", e.path()), e.reason()))
    }
}
