//! The borrowed payload shared by realtime v1 and v2: `input_audio_buffer.append`, whose audio
//! borrows from the frame text (see [`crate::borrowed`]).

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

use super::InputAudioBufferAppend;

/// `input_audio_buffer.append` (C→S) with its strings borrowed from the frame text: the view of
/// [`InputAudioBufferAppend`] that `ClientEvent::decode_borrowed` gives.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(
    rename = "InputAudioBufferAppend",
    expecting = "struct InputAudioBufferAppend"
)]
pub struct InputAudioBufferAppendRef<'a> {
    /// Client-chosen id of this event (at most 512 characters), echoed in `error.event_id` when
    /// the event fails. Absent: none.
    #[serde(
        default,
        borrow,
        deserialize_with = "crate::borrowed::option_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub event_id: Option<Cow<'a, str>>,
    /// Base64 audio bytes in the session's input format (PCM16 little-endian, 24 000 Hz, mono by
    /// default); at most 15 MiB of data per event.
    #[serde(borrow, deserialize_with = "crate::borrowed::str")]
    pub audio: Cow<'a, str>,
}

impl InputAudioBufferAppendRef<'_> {
    /// The owned event (the borrowed strings copied).
    pub fn into_owned(self) -> InputAudioBufferAppend {
        InputAudioBufferAppend {
            event_id: crate::borrowed::own(self.event_id),
            audio: self.audio.into_owned(),
        }
    }
}

impl From<InputAudioBufferAppend> for InputAudioBufferAppendRef<'_> {
    fn from(event: InputAudioBufferAppend) -> Self {
        InputAudioBufferAppendRef {
            event_id: event.event_id.map(Cow::Owned),
            audio: Cow::Owned(event.audio),
        }
    }
}
