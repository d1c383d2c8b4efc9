//! The borrowed views of the realtime v1 unions (see [`crate::borrowed`]):
//! [`ServerEventRef`] borrows `conversation.output_audio.delta`, [`ClientEventRef`] borrows
//! `input_audio_buffer.append`; every other event is the owned event.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

use super::{ClientEvent, ConversationOutputAudioDelta, ServerEvent};
use crate::borrowed::own;
pub use crate::realtime::borrowed::InputAudioBufferAppendRef;

/// A realtime v1 server event whose audio delta borrows from the frame text: what
/// [`ServerEvent::decode_borrowed`] gives.
#[derive(Debug, Clone, PartialEq)]
pub enum ServerEventRef<'a> {
    /// `conversation.output_audio.delta`, borrowed.
    ConversationOutputAudioDelta(ConversationOutputAudioDeltaRef<'a>),
    /// Any other event (unknown events included), decoded by the owned decoder; boxed, so that
    /// the view is the size of its audio variant.
    Owned(Box<ServerEvent>),
}

crate::borrowed::borrowed_view! {
    ServerEventRef of ServerEvent {
        "conversation.output_audio.delta" => ConversationOutputAudioDelta(ConversationOutputAudioDeltaRef),
    }
}

/// A realtime v1 client event whose audio borrows from the frame text: what
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

/// `conversation.output_audio.delta` (S→C) with its strings borrowed from the frame text: the
/// view of [`ConversationOutputAudioDelta`]. Decoders also accept `data` for `delta` and
/// `num_channels` for `channels`, each used only when the canonical member is absent or `null`;
/// encoders write `delta` and `channels`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConversationOutputAudioDeltaRef<'a> {
    /// Optional id of this event; absent: none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_id: Option<Cow<'a, str>>,
    /// The audio chunk (base64 PCM16 LE); read from `delta`, else `data`.
    pub delta: Cow<'a, str>,
    /// Sample rate in Hz (peers have sent 24000 and 48000).
    pub sample_rate: u32,
    /// Channel count; read from `channels`, else `num_channels`.
    pub channels: u16,
    /// Samples per channel in this chunk; absent: not said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub samples_per_channel: Option<u32>,
}

/// What a `conversation.output_audio.delta` may hold on input: the members of the owned
/// decoder's input form, in the same order, so that errors are the same.
#[derive(Deserialize)]
#[serde(rename = "AudioDeltaInput", expecting = "struct AudioDeltaInput")]
struct DeltaIn<'a> {
    #[serde(default, borrow, deserialize_with = "crate::borrowed::option_str")]
    event_id: Option<Cow<'a, str>>,
    #[serde(default, borrow, deserialize_with = "crate::borrowed::option_str")]
    delta: Option<Cow<'a, str>>,
    #[serde(default, borrow, deserialize_with = "crate::borrowed::option_str")]
    data: Option<Cow<'a, str>>,
    sample_rate: u32,
    channels: Option<u16>,
    num_channels: Option<u16>,
    samples_per_channel: Option<u32>,
}

impl<'de: 'a, 'a> Deserialize<'de> for ConversationOutputAudioDeltaRef<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let input = DeltaIn::deserialize(deserializer)?;
        Ok(ConversationOutputAudioDeltaRef {
            event_id: input.event_id,
            delta: input
                .delta
                .or(input.data)
                .ok_or_else(|| D::Error::custom("missing field `delta` (or its alias `data`)"))?,
            sample_rate: input.sample_rate,
            channels: input.channels.or(input.num_channels).ok_or_else(|| {
                D::Error::custom("missing field `channels` (or its alias `num_channels`)")
            })?,
            samples_per_channel: input.samples_per_channel,
        })
    }
}

impl ConversationOutputAudioDeltaRef<'_> {
    /// The owned event (the borrowed strings copied).
    pub fn into_owned(self) -> ConversationOutputAudioDelta {
        ConversationOutputAudioDelta {
            event_id: own(self.event_id),
            delta: self.delta.into_owned(),
            sample_rate: self.sample_rate,
            channels: self.channels,
            samples_per_channel: self.samples_per_channel,
        }
    }
}

impl From<ConversationOutputAudioDelta> for ConversationOutputAudioDeltaRef<'_> {
    fn from(event: ConversationOutputAudioDelta) -> Self {
        ConversationOutputAudioDeltaRef {
            event_id: event.event_id.map(Cow::Owned),
            delta: Cow::Owned(event.delta),
            sample_rate: event.sample_rate,
            channels: event.channels,
            samples_per_channel: event.samples_per_channel,
        }
    }
}
