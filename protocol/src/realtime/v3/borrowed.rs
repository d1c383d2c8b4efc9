//! The borrowed views of the realtime v3 unions (see [`crate::borrowed`]):
//! [`ServerEventRef`] borrows `output_audio.delta`, [`ClientEventRef`] borrows
//! `input_audio.append`; every other event is the owned event.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::borrow::Cow;

use super::{ClientEvent, InputAudioAppend, OutputAudioDelta, ServerEvent};

/// A realtime v3 server event whose audio delta borrows from the frame text: what
/// [`ServerEvent::decode_borrowed`] gives.
#[derive(Debug, Clone, PartialEq)]
pub enum ServerEventRef<'a> {
    /// `output_audio.delta`, borrowed.
    OutputAudioDelta(OutputAudioDeltaRef<'a>),
    /// Any other event (unknown events included), decoded by the owned decoder; boxed, so that
    /// the view is the size of its audio variant.
    Owned(Box<ServerEvent>),
}

crate::borrowed::borrowed_view! {
    ServerEventRef of ServerEvent {
        "output_audio.delta" => OutputAudioDelta(OutputAudioDeltaRef),
    }
}

/// A realtime v3 client event whose audio borrows from the frame text: what
/// [`ClientEvent::decode_borrowed`] gives.
#[derive(Debug, Clone, PartialEq)]
pub enum ClientEventRef<'a> {
    /// `input_audio.append`, borrowed.
    InputAudioAppend(InputAudioAppendRef<'a>),
    /// Any other event (unknown events included), decoded by the owned decoder; boxed, so that
    /// the view is the size of its audio variant.
    Owned(Box<ClientEvent>),
}

crate::borrowed::borrowed_view! {
    ClientEventRef of ClientEvent {
        "input_audio.append" => InputAudioAppend(InputAudioAppendRef),
    }
}

/// `output_audio.delta` (S→C) with its audio borrowed from the frame text: the view of
/// [`OutputAudioDelta`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "OutputAudioDelta", expecting = "struct OutputAudioDelta")]
pub struct OutputAudioDeltaRef<'a> {
    /// Base64 PCM16 little-endian audio; 24 000 Hz and one channel are assumed (not
    /// transmitted).
    #[serde(borrow, deserialize_with = "crate::borrowed::str")]
    pub audio: Cow<'a, str>,
    /// Where the chunk starts in the output stream (observed as an integer in milliseconds),
    /// kept verbatim. Absent or `null`: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_ms: Option<Value>,
    /// Where the chunk ends in the output stream (observed as an integer in milliseconds),
    /// kept verbatim. Absent or `null`: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_ms: Option<Value>,
}

impl OutputAudioDeltaRef<'_> {
    /// The owned event (the borrowed strings copied).
    pub fn into_owned(self) -> OutputAudioDelta {
        OutputAudioDelta {
            audio: self.audio.into_owned(),
            start_ms: self.start_ms,
            end_ms: self.end_ms,
        }
    }
}

impl From<OutputAudioDelta> for OutputAudioDeltaRef<'_> {
    fn from(event: OutputAudioDelta) -> Self {
        OutputAudioDeltaRef {
            audio: Cow::Owned(event.audio),
            start_ms: event.start_ms,
            end_ms: event.end_ms,
        }
    }
}

/// `input_audio.append` (C→S) with its audio borrowed from the frame text: the view of
/// [`InputAudioAppend`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "InputAudioAppend", expecting = "struct InputAudioAppend")]
pub struct InputAudioAppendRef<'a> {
    /// Base64 PCM16 little-endian audio, 24 000 Hz, mono (not transmitted).
    #[serde(borrow, deserialize_with = "crate::borrowed::str")]
    pub audio: Cow<'a, str>,
}

impl InputAudioAppendRef<'_> {
    /// The owned event (the borrowed strings copied).
    pub fn into_owned(self) -> InputAudioAppend {
        InputAudioAppend {
            audio: self.audio.into_owned(),
        }
    }
}

impl From<InputAudioAppend> for InputAudioAppendRef<'_> {
    fn from(event: InputAudioAppend) -> Self {
        InputAudioAppendRef {
            audio: Cow::Owned(event.audio),
        }
    }
}
