//! The borrowed views of the realtime translation unions (see [`crate::borrowed`]):
//! [`ServerEventRef`] borrows `session.output_audio.delta`, [`ClientEventRef`] borrows
//! `session.input_audio_buffer.append`; every other event is the owned event. Their audio is
//! checked to be base64 exactly as the owned decoder checks [`Base64`].

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

use super::{
    Base64, ClientEvent, ServerEvent, TranslationAudioFormat, TranslationInputAudioBufferAppend,
    TranslationOutputAudioDelta,
};
use crate::borrowed::own;

/// A translation server event whose audio delta borrows from the frame text: what
/// [`ServerEvent::decode_borrowed`] gives.
#[derive(Debug, Clone, PartialEq)]
pub enum ServerEventRef<'a> {
    /// `session.output_audio.delta`, borrowed.
    OutputAudioDelta(TranslationOutputAudioDeltaRef<'a>),
    /// Any other event (unknown events included), decoded by the owned decoder; boxed, so that
    /// the view is the size of its audio variant.
    Owned(Box<ServerEvent>),
}

crate::borrowed::borrowed_view! {
    ServerEventRef of ServerEvent {
        "session.output_audio.delta" => OutputAudioDelta(TranslationOutputAudioDeltaRef),
    }
}

/// A translation client event whose audio borrows from the frame text: what
/// [`ClientEvent::decode_borrowed`] gives.
#[derive(Debug, Clone, PartialEq)]
pub enum ClientEventRef<'a> {
    /// `session.input_audio_buffer.append`, borrowed.
    InputAudioBufferAppend(TranslationInputAudioBufferAppendRef<'a>),
    /// Any other event (unknown events included), decoded by the owned decoder; boxed, so that
    /// the view is the size of its audio variant.
    Owned(Box<ClientEvent>),
}

crate::borrowed::borrowed_view! {
    ClientEventRef of ClientEvent {
        "session.input_audio_buffer.append" => InputAudioBufferAppend(TranslationInputAudioBufferAppendRef),
    }
}

/// `session.output_audio.delta` (S→C) with its strings borrowed from the frame text: the view
/// of [`TranslationOutputAudioDelta`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(
    rename = "TranslationOutputAudioDelta",
    expecting = "struct TranslationOutputAudioDelta"
)]
pub struct TranslationOutputAudioDeltaRef<'a> {
    /// Server-unique id of this event; always sent by the official service, accepted when
    /// absent.
    #[serde(
        default,
        borrow,
        deserialize_with = "crate::borrowed::option_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub event_id: Option<Cow<'a, str>>,
    /// The audio bytes, base64 (standard alphabet, padded; checked on decoding), in `format`.
    #[serde(borrow, deserialize_with = "crate::borrowed::checked_base64")]
    pub delta: Cow<'a, str>,
    /// The encoding of `delta`. Absent or `null`: `pcm16`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<TranslationAudioFormat>,
    /// The sample rate of this chunk, in Hz. Absent or `null`: not said (assume 24 000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sample_rate: Option<u32>,
    /// The number of interleaved channels of this chunk. Absent or `null`: not said (assume 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channels: Option<u32>,
    /// Alignment with the source audio, in milliseconds since the session start. Absent or
    /// `null`: not known for this chunk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elapsed_ms: Option<u32>,
}

impl TranslationOutputAudioDeltaRef<'_> {
    /// The owned event (the borrowed strings copied).
    pub fn into_owned(self) -> TranslationOutputAudioDelta {
        TranslationOutputAudioDelta {
            event_id: own(self.event_id),
            delta: Base64(self.delta.into_owned()),
            format: self.format,
            sample_rate: self.sample_rate,
            channels: self.channels,
            elapsed_ms: self.elapsed_ms,
        }
    }
}

impl From<TranslationOutputAudioDelta> for TranslationOutputAudioDeltaRef<'_> {
    fn from(event: TranslationOutputAudioDelta) -> Self {
        TranslationOutputAudioDeltaRef {
            event_id: event.event_id.map(Cow::Owned),
            delta: Cow::Owned(event.delta.0),
            format: event.format,
            sample_rate: event.sample_rate,
            channels: event.channels,
            elapsed_ms: event.elapsed_ms,
        }
    }
}

/// `session.input_audio_buffer.append` (C→S) with its strings borrowed from the frame text: the
/// view of [`TranslationInputAudioBufferAppend`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(
    rename = "TranslationInputAudioBufferAppend",
    expecting = "struct TranslationInputAudioBufferAppend"
)]
pub struct TranslationInputAudioBufferAppendRef<'a> {
    /// Client-chosen id of this event (at most 512 characters), echoed in `error.event_id` when
    /// the event fails. Absent: none.
    #[serde(
        default,
        borrow,
        deserialize_with = "crate::borrowed::option_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub event_id: Option<Cow<'a, str>>,
    /// The audio bytes, base64 (standard alphabet, padded; checked on decoding): signed 16-bit
    /// little-endian PCM, mono, 24 000 Hz.
    #[serde(borrow, deserialize_with = "crate::borrowed::checked_base64")]
    pub audio: Cow<'a, str>,
}

impl TranslationInputAudioBufferAppendRef<'_> {
    /// The owned event (the borrowed strings copied).
    pub fn into_owned(self) -> TranslationInputAudioBufferAppend {
        TranslationInputAudioBufferAppend {
            event_id: own(self.event_id),
            audio: Base64(self.audio.into_owned()),
        }
    }
}

impl From<TranslationInputAudioBufferAppend> for TranslationInputAudioBufferAppendRef<'_> {
    fn from(event: TranslationInputAudioBufferAppend) -> Self {
        TranslationInputAudioBufferAppendRef {
            event_id: event.event_id.map(Cow::Owned),
            audio: Cow::Owned(event.audio.0),
        }
    }
}
