//! The borrowed views of the app-server unions (see [`crate::borrowed`]): model audio
//! (`thread/realtime/outputAudio/delta`, in [`ServerMessageRef`]) and microphone audio
//! (`thread/realtime/appendAudio`, in [`ClientMessageRef`]) borrow their strings from the
//! message text; every other message is the owned message.

use serde::de::{self, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::borrow::Cow;
use std::fmt;

use crate::app_server::decode_error::RpcDecodeError;
use crate::app_server::jsonrpc::{Call, Notification, Notify, Request, RequestId};
use crate::app_server::v2::{
    ThreadRealtimeAppendAudio, ThreadRealtimeAppendAudioParams, ThreadRealtimeAudioChunk,
    ThreadRealtimeOutputAudioDelta, ThreadRealtimeOutputAudioDeltaNotification,
};
use crate::app_server::{ClientMessage, ClientRequest, ServerMessage, ServerNotification};
use crate::borrowed::{Str, own};
use crate::tagged::Key;

/// A message a server sends, whose model audio borrows from the message text: what
/// [`ServerMessage::decode_borrowed`] gives.
#[derive(Debug, Clone, PartialEq)]
pub enum ServerMessageRef<'a> {
    /// The params of a `thread/realtime/outputAudio/delta` notification, borrowed.
    ThreadRealtimeOutputAudioDelta(ThreadRealtimeOutputAudioDeltaNotificationRef<'a>),
    /// Any other message (answers and unknown notifications included), decoded by the owned
    /// decoder; boxed, so that the view is the size of its audio variant.
    Owned(Box<ServerMessage>),
}

/// A message a client sends, whose microphone audio borrows from the message text: what
/// [`ClientMessage::decode_borrowed`] gives.
#[derive(Debug, Clone, PartialEq)]
pub enum ClientMessageRef<'a> {
    /// A `thread/realtime/appendAudio` request, its params borrowed.
    ThreadRealtimeAppendAudio {
        /// The id the answer will echo.
        id: RequestId,
        /// The request's params.
        params: ThreadRealtimeAppendAudioParamsRef<'a>,
    },
    /// Any other message, decoded by the owned decoder; boxed, so that the view is the size of
    /// its audio variant.
    Owned(Box<ClientMessage>),
}

/// [`ThreadRealtimeAudioChunk`] with its strings borrowed from the message text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    rename = "ThreadRealtimeAudioChunk",
    rename_all = "camelCase",
    expecting = "struct ThreadRealtimeAudioChunk"
)]
pub struct ThreadRealtimeAudioChunkRef<'a> {
    /// Base64 (standard alphabet, padded) PCM16 little-endian samples.
    #[serde(borrow, deserialize_with = "crate::borrowed::str")]
    pub data: Cow<'a, str>,
    /// Sample rate in Hz, e.g. 24000.
    pub sample_rate: u32,
    /// Number of interleaved channels, e.g. 1.
    pub num_channels: u16,
    /// Samples per channel in `data`; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub samples_per_channel: Option<u32>,
    /// Upstream conversation item the audio belongs to (output audio); absent: none.
    #[serde(
        default,
        borrow,
        deserialize_with = "crate::borrowed::option_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub item_id: Option<Cow<'a, str>>,
}

/// [`ThreadRealtimeOutputAudioDeltaNotification`] (the params of
/// `thread/realtime/outputAudio/delta`) with its strings borrowed from the message text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    rename = "ThreadRealtimeOutputAudioDeltaNotification",
    rename_all = "camelCase",
    expecting = "struct ThreadRealtimeOutputAudioDeltaNotification"
)]
pub struct ThreadRealtimeOutputAudioDeltaNotificationRef<'a> {
    /// The thread.
    #[serde(borrow, deserialize_with = "crate::borrowed::str")]
    pub thread_id: Cow<'a, str>,
    /// The model audio to play.
    #[serde(borrow)]
    pub audio: ThreadRealtimeAudioChunkRef<'a>,
}

/// [`ThreadRealtimeAppendAudioParams`] (the params of `thread/realtime/appendAudio`) with its
/// strings borrowed from the message text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    rename = "ThreadRealtimeAppendAudioParams",
    rename_all = "camelCase",
    expecting = "struct ThreadRealtimeAppendAudioParams"
)]
pub struct ThreadRealtimeAppendAudioParamsRef<'a> {
    /// The thread (`Thread.id`).
    #[serde(borrow, deserialize_with = "crate::borrowed::str")]
    pub thread_id: Cow<'a, str>,
    /// Microphone audio: PCM16 LE, 24 000 Hz, mono.
    #[serde(borrow)]
    pub audio: ThreadRealtimeAudioChunkRef<'a>,
}

impl ThreadRealtimeAudioChunkRef<'_> {
    /// The owned chunk (the borrowed strings copied).
    pub fn into_owned(self) -> ThreadRealtimeAudioChunk {
        ThreadRealtimeAudioChunk {
            data: self.data.into_owned(),
            sample_rate: self.sample_rate,
            num_channels: self.num_channels,
            samples_per_channel: self.samples_per_channel,
            item_id: own(self.item_id),
        }
    }
}

impl From<ThreadRealtimeAudioChunk> for ThreadRealtimeAudioChunkRef<'_> {
    fn from(chunk: ThreadRealtimeAudioChunk) -> Self {
        ThreadRealtimeAudioChunkRef {
            data: Cow::Owned(chunk.data),
            sample_rate: chunk.sample_rate,
            num_channels: chunk.num_channels,
            samples_per_channel: chunk.samples_per_channel,
            item_id: chunk.item_id.map(Cow::Owned),
        }
    }
}

impl ThreadRealtimeOutputAudioDeltaNotificationRef<'_> {
    /// The owned params (the borrowed strings copied).
    pub fn into_owned(self) -> ThreadRealtimeOutputAudioDeltaNotification {
        ThreadRealtimeOutputAudioDeltaNotification {
            thread_id: self.thread_id.into_owned(),
            audio: self.audio.into_owned(),
        }
    }
}

impl From<ThreadRealtimeOutputAudioDeltaNotification>
    for ThreadRealtimeOutputAudioDeltaNotificationRef<'_>
{
    fn from(params: ThreadRealtimeOutputAudioDeltaNotification) -> Self {
        ThreadRealtimeOutputAudioDeltaNotificationRef {
            thread_id: Cow::Owned(params.thread_id),
            audio: params.audio.into(),
        }
    }
}

impl ThreadRealtimeAppendAudioParamsRef<'_> {
    /// The owned params (the borrowed strings copied).
    pub fn into_owned(self) -> ThreadRealtimeAppendAudioParams {
        ThreadRealtimeAppendAudioParams {
            thread_id: self.thread_id.into_owned(),
            audio: self.audio.into_owned(),
        }
    }
}

impl From<ThreadRealtimeAppendAudioParams> for ThreadRealtimeAppendAudioParamsRef<'_> {
    fn from(params: ThreadRealtimeAppendAudioParams) -> Self {
        ThreadRealtimeAppendAudioParamsRef {
            thread_id: Cow::Owned(params.thread_id),
            audio: params.audio.into(),
        }
    }
}

impl ServerMessage {
    /// Decodes one message from JSON text into its borrowed view: the params of
    /// `thread/realtime/outputAudio/delta` borrow their strings from `text`, every other message
    /// is decoded as usual. The outcome and the errors are those of [`ServerMessage::decode`].
    pub fn decode_borrowed(text: &str) -> Result<ServerMessageRef<'_>, RpcDecodeError> {
        if let Some(view) = crate::borrowed::borrowing_pass::<ServerMessageRef<'_>>(text) {
            return Ok(view);
        }
        ServerMessage::decode(text).map(ServerMessageRef::from)
    }
}

impl From<ServerMessage> for ServerMessageRef<'_> {
    fn from(message: ServerMessage) -> Self {
        match message {
            ServerMessage::Notification(ServerNotification::ThreadRealtimeOutputAudioDelta(n)) => {
                ServerMessageRef::ThreadRealtimeOutputAudioDelta(n.params.into())
            }
            other => ServerMessageRef::Owned(Box::new(other)),
        }
    }
}

impl ServerMessageRef<'_> {
    /// The owned message (the borrowed strings copied).
    pub fn into_owned(self) -> ServerMessage {
        match self {
            ServerMessageRef::ThreadRealtimeOutputAudioDelta(params) => {
                ServerMessage::Notification(ServerNotification::ThreadRealtimeOutputAudioDelta(
                    Notify::new(params.into_owned()),
                ))
            }
            ServerMessageRef::Owned(message) => *message,
        }
    }
}

impl<'de> crate::app_server::stream::Message<'de> for ServerMessageRef<'de> {
    fn notification_from_rest<M: MapAccess<'de>>(
        method: &str,
        rest: M,
    ) -> Option<Result<Self, M::Error>> {
        if method == ThreadRealtimeOutputAudioDelta::METHOD {
            let params = crate::app_server::stream::params_from_rest::<
                ThreadRealtimeOutputAudioDelta,
                ThreadRealtimeOutputAudioDeltaNotificationRef<'de>,
                M,
            >(rest);
            return Some(params.map(ServerMessageRef::ThreadRealtimeOutputAudioDelta));
        }
        ServerNotification::from_rest(method, rest)
            .map(|n| n.map(|n| ServerMessageRef::Owned(Box::new(ServerMessage::Notification(n)))))
    }

    fn decode_value(value: serde_json::Value) -> Result<Self, RpcDecodeError> {
        ServerMessage::decode_value(value).map(ServerMessageRef::from)
    }
}

impl<'de> Deserialize<'de> for ServerMessageRef<'de> {
    /// The same one-pass decoder as [`ServerMessage`]'s, with the audio params borrowed.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::app_server::stream::deserialize(d)
    }
}

impl Serialize for ServerMessageRef<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a, P> {
            method: &'static str,
            params: &'a P,
        }
        match self {
            ServerMessageRef::ThreadRealtimeOutputAudioDelta(params) => Wire {
                method: ThreadRealtimeOutputAudioDelta::METHOD,
                params,
            }
            .serialize(s),
            ServerMessageRef::Owned(message) => message.serialize(s),
        }
    }
}

impl ClientMessage {
    /// Decodes one message from JSON text into its borrowed view: the params of a
    /// `thread/realtime/appendAudio` request borrow their strings from `text`, every other
    /// message is decoded as usual. The outcome and the errors are those of
    /// [`ClientMessage::decode`].
    ///
    /// The borrowing pass takes a request whose `method` comes before its `params` (as every
    /// peer writes it); any other message is decoded by [`ClientMessage::decode`].
    pub fn decode_borrowed(text: &str) -> Result<ClientMessageRef<'_>, RpcDecodeError> {
        if let Some(AppendAudio(id, params)) = crate::borrowed::borrowing_pass(text) {
            return Ok(ClientMessageRef::ThreadRealtimeAppendAudio { id, params });
        }
        ClientMessage::decode(text).map(ClientMessageRef::from)
    }
}

impl From<ClientMessage> for ClientMessageRef<'_> {
    fn from(message: ClientMessage) -> Self {
        match message {
            ClientMessage::Request(ClientRequest::ThreadRealtimeAppendAudio(call)) => {
                ClientMessageRef::ThreadRealtimeAppendAudio {
                    id: call.id,
                    params: call.params.into(),
                }
            }
            other => ClientMessageRef::Owned(Box::new(other)),
        }
    }
}

impl ClientMessageRef<'_> {
    /// The owned message (the borrowed strings copied).
    pub fn into_owned(self) -> ClientMessage {
        match self {
            ClientMessageRef::ThreadRealtimeAppendAudio { id, params } => {
                ClientMessage::Request(ClientRequest::ThreadRealtimeAppendAudio(Call::<
                    ThreadRealtimeAppendAudio,
                >::new(
                    id,
                    params.into_owned(),
                )))
            }
            ClientMessageRef::Owned(message) => *message,
        }
    }
}

impl Serialize for ClientMessageRef<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a, P> {
            id: &'a RequestId,
            method: &'static str,
            params: &'a P,
        }
        match self {
            ClientMessageRef::ThreadRealtimeAppendAudio { id, params } => Wire {
                id,
                method: ThreadRealtimeAppendAudio::METHOD,
                params,
            }
            .serialize(s),
            ClientMessageRef::Owned(message) => message.serialize(s),
        }
    }
}

/// The borrowing pass of [`ClientMessage::decode_borrowed`]: a `thread/realtime/appendAudio`
/// request with an `id`, its `method` before its `params`, each member once. Anything else is
/// refused (and then decoded by the owned decoder), so that what this pass accepts is exactly
/// what the owned decoder reads as that request.
struct AppendAudio<'a>(RequestId, ThreadRealtimeAppendAudioParamsRef<'a>);

impl<'de> Deserialize<'de> for AppendAudio<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct AppendVisitor;
        impl<'de> Visitor<'de> for AppendVisitor {
            type Value = AppendAudio<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a thread/realtime/appendAudio request")
            }
            fn visit_map<M: MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<AppendAudio<'de>, M::Error> {
                let refuse = || de::Error::custom("not a borrowed appendAudio request");
                let (mut id, mut method, mut params) = (None, false, None);
                while let Some(key) = map.next_key::<Key<'de>>()? {
                    match key.0.as_ref() {
                        "id" if id.is_none() => id = Some(map.next_value::<RequestId>()?),
                        "method" if !method => {
                            let name = map.next_value::<Str<'de>>()?;
                            if name.0 != ThreadRealtimeAppendAudio::METHOD {
                                return Err(refuse());
                            }
                            method = true;
                        }
                        "params" if method && params.is_none() => {
                            params = Some(map.next_value()?);
                        }
                        "id" | "method" | "params" => return Err(refuse()),
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                match (id, params) {
                    (Some(id), Some(params)) => Ok(AppendAudio(id, params)),
                    _ => Err(refuse()),
                }
            }
        }
        crate::strict::Strict(d).deserialize_map(AppendVisitor)
    }
}
