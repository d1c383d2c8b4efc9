//! Audio in both directions: `input_audio.append` (C→S) and `output_audio.delta` (S→C).
//!
//! v3 audio is base64 (standard alphabet, padded) signed 16-bit little-endian PCM, 24 000 Hz,
//! mono, in both directions; neither direction transmits the format.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `input_audio.append` (C→S): streams microphone audio. The server sends no acknowledgement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/", optional_fields = nullable))]
pub struct InputAudioAppend {
    /// Base64 PCM16 little-endian audio, 24 000 Hz, mono (sample rate and channel count are not
    /// transmitted).
    pub audio: String,
}

impl InputAudioAppend {
    /// The event carrying the base64 audio `audio`.
    pub fn new(audio: impl Into<String>) -> Self {
        InputAudioAppend {
            audio: audio.into(),
        }
    }
}

/// `output_audio.delta` (S→C): a chunk of model audio. It names no item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/", optional_fields = nullable))]
pub struct OutputAudioDelta {
    /// Base64 PCM16 little-endian audio; 24 000 Hz and one channel are assumed (not
    /// transmitted).
    pub audio: String,
    /// Where the chunk starts in the output stream; observed as an integer in milliseconds.
    /// The Codex client does not read it, so any JSON value is kept verbatim. Absent or `null`:
    /// not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_ms: Option<Value>,
    /// Where the chunk ends in the output stream; observed as an integer in milliseconds. The
    /// Codex client does not read it, so any JSON value is kept verbatim. Absent or `null`: not
    /// said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_ms: Option<Value>,
}

impl OutputAudioDelta {
    /// The audio sample rate in Hz: not transmitted, always 24 000.
    pub const SAMPLE_RATE: u32 = 24_000;
    /// The number of audio channels: not transmitted, always 1.
    pub const NUM_CHANNELS: u16 = 1;

    /// A chunk of base64 audio without timing members.
    pub fn new(audio: impl Into<String>) -> Self {
        OutputAudioDelta {
            audio: audio.into(),
            start_ms: None,
            end_ms: None,
        }
    }

    /// `start_ms` when it is a non-negative integer.
    pub fn start_ms(&self) -> Option<u64> {
        self.start_ms.as_ref().and_then(Value::as_u64)
    }

    /// `end_ms` when it is a non-negative integer.
    pub fn end_ms(&self) -> Option<u64> {
        self.end_ms.as_ref().and_then(Value::as_u64)
    }
}
