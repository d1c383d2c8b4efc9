//! The borrowed views of the realtime v2 unions (see [`crate::borrowed`]):
//! [`ServerEventRef`] borrows `response.output_audio.delta`, [`ClientEventRef`] borrows
//! `input_audio_buffer.append`; every other event is the owned event.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

use super::{ClientEvent, ResponseOutputAudioDelta, ServerEvent};
use crate::borrowed::own;
pub use crate::realtime::borrowed::InputAudioBufferAppendRef;

/// A realtime v2 server event whose audio delta borrows from the frame text: what
/// [`ServerEvent::decode_borrowed`] gives.
#[derive(Debug, Clone, PartialEq)]
pub enum ServerEventRef<'a> {
    /// `response.output_audio.delta` (alias `response.audio.delta` on input), borrowed.
    ResponseOutputAudioDelta(ResponseOutputAudioDeltaRef<'a>),
    /// Any other event (unknown events included), decoded by the owned decoder; boxed, so that
    /// the view is the size of its audio variant.
    Owned(Box<ServerEvent>),
}

crate::borrowed::borrowed_view! {
    ServerEventRef of ServerEvent {
        "response.output_audio.delta" | "response.audio.delta" => ResponseOutputAudioDelta(ResponseOutputAudioDeltaRef),
    }
}

/// A realtime v2 client event whose audio borrows from the frame text: what
/// [`ClientEvent::decode_borrowed`] gives.
#[derive(Debug, Clone, PartialEq)]
pub enum ClientEventRef<'a> {
    /// `input_audio_buffer.append`, borrowed.
    InputAudioBufferAppend(InputAudioBufferAppendRef<'a>),
    /// Any other event (unknown events included), decoded by the owned decoder; boxed, so that
    /// the view is the size of its audio variant.
    Owned(Box<ClientEvent>),
}

crate::borrowed::borrowed_view! {
    ClientEventRef of ClientEvent {
        "input_audio_buffer.append" => InputAudioBufferAppend(InputAudioBufferAppendRef),
    }
}

/// `response.output_audio.delta` (S→C) with its strings borrowed from the frame text: the view
/// of [`ResponseOutputAudioDelta`]. `num_channels` is accepted as an alias of `channels`
/// (`channels` wins when both are present); encoders emit `channels`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResponseOutputAudioDeltaRef<'a> {
    /// Server-unique id of this event; absent from some test peers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_id: Option<Cow<'a, str>>,
    /// The response producing the part; the official service always sends it, minimal events
    /// of Codex-compatible peers omit it. Absent: not said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response_id: Option<Cow<'a, str>>,
    /// The output item holding the part; absent: not said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item_id: Option<Cow<'a, str>>,
    /// Index of the item in `response.output`; absent: not said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output_index: Option<u32>,
    /// Index of the part in the item's `content`; absent: not said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_index: Option<u32>,
    /// Base64 audio chunk, in the session's output format.
    pub delta: Cow<'a, str>,
    /// Sample rate in Hz (an extension); absent: 24 000.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sample_rate: Option<u32>,
    /// Channel count (an extension; alias `num_channels`); absent: 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channels: Option<u32>,
    /// Samples per channel in this chunk (an extension); absent: not said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub samples_per_channel: Option<u32>,
}

/// The wire form of [`ResponseOutputAudioDeltaRef`] on input: the members of the owned
/// decoder's input form, in the same order, so that errors are the same.
#[derive(Deserialize)]
#[serde(
    rename = "ResponseOutputAudioDelta",
    expecting = "struct ResponseOutputAudioDelta"
)]
struct DeltaIn<'a> {
    #[serde(default, borrow, deserialize_with = "crate::borrowed::option_str")]
    event_id: Option<Cow<'a, str>>,
    #[serde(default, borrow, deserialize_with = "crate::borrowed::option_str")]
    response_id: Option<Cow<'a, str>>,
    #[serde(default, borrow, deserialize_with = "crate::borrowed::option_str")]
    item_id: Option<Cow<'a, str>>,
    #[serde(default)]
    output_index: Option<u32>,
    #[serde(default)]
    content_index: Option<u32>,
    #[serde(borrow, deserialize_with = "crate::borrowed::str")]
    delta: Cow<'a, str>,
    #[serde(default)]
    sample_rate: Option<u32>,
    #[serde(default)]
    channels: Option<u32>,
    #[serde(default)]
    num_channels: Option<u32>,
    #[serde(default)]
    samples_per_channel: Option<u32>,
}

impl<'de: 'a, 'a> Deserialize<'de> for ResponseOutputAudioDeltaRef<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = DeltaIn::deserialize(deserializer)?;
        Ok(ResponseOutputAudioDeltaRef {
            event_id: wire.event_id,
            response_id: wire.response_id,
            item_id: wire.item_id,
            output_index: wire.output_index,
            content_index: wire.content_index,
            delta: wire.delta,
            sample_rate: wire.sample_rate,
            channels: wire.channels.or(wire.num_channels),
            samples_per_channel: wire.samples_per_channel,
        })
    }
}

impl ResponseOutputAudioDeltaRef<'_> {
    /// The owned event (the borrowed strings copied).
    pub fn into_owned(self) -> ResponseOutputAudioDelta {
        ResponseOutputAudioDelta {
            event_id: own(self.event_id),
            response_id: own(self.response_id),
            item_id: own(self.item_id),
            output_index: self.output_index,
            content_index: self.content_index,
            delta: self.delta.into_owned(),
            sample_rate: self.sample_rate,
            channels: self.channels,
            samples_per_channel: self.samples_per_channel,
        }
    }
}

impl From<ResponseOutputAudioDelta> for ResponseOutputAudioDeltaRef<'_> {
    fn from(event: ResponseOutputAudioDelta) -> Self {
        ResponseOutputAudioDeltaRef {
            event_id: event.event_id.map(Cow::Owned),
            response_id: event.response_id.map(Cow::Owned),
            item_id: event.item_id.map(Cow::Owned),
            output_index: event.output_index,
            content_index: event.content_index,
            delta: Cow::Owned(event.delta),
            sample_rate: event.sample_rate,
            channels: event.channels,
            samples_per_channel: event.samples_per_channel,
        }
    }
}
