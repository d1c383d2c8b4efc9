//! Events whose wire form is identical in realtime v1 and v2.

use serde::{Deserialize, Serialize};

/// `input_audio_buffer.append` (C→S): appends microphone audio to the input buffer. The server
/// sends no acknowledgement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/", optional_fields = nullable))]
pub struct InputAudioBufferAppend {
    /// Client-chosen id of this event (at most 512 characters), echoed in `error.event_id` when
    /// the event fails. Absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// Base64 audio bytes in the session's input format (PCM16 little-endian, 24 000 Hz, mono by
    /// default; v1 always uses that format); at most 15 MiB of data per event.
    pub audio: String,
}
