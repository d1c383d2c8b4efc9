//! The audio of a translation session: `session.input_audio_buffer.append` (C→S, source audio)
//! and `session.output_audio.delta` (S→C, translated audio), and `Base64`, the checked text of
//! their audio bytes.

use serde::{Deserialize, Serialize};
use std::fmt;

/// `session.input_audio_buffer.append` (C→S): streams source audio. The server sends no
/// acknowledgement; translated output follows continuously.
///
/// The engine works on 200 ms frames: appending 200 ms per event (4 800 samples, 9 600 bytes,
/// 12 800 base64 characters) gives the best realtime behaviour. A shorter chunk is buffered
/// until a frame is complete; a longer one is split into frames. Keep appending (silence when
/// nobody speaks) for the whole session: audio resumed after a gap is treated as contiguous
/// with the audio before it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/translation/", optional_fields = nullable))]
pub struct TranslationInputAudioBufferAppend {
    /// Client-chosen id of this event (at most 512 characters), echoed in `error.event_id` when
    /// the event fails. Absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The audio bytes, base64: signed 16-bit little-endian PCM, mono, 24 000 Hz (the only
    /// format the endpoint accepts; any other is refused with a validation error).
    pub audio: Base64,
}

/// `session.output_audio.delta` (S→C): a chunk of translated audio. Chunks vary in length:
/// decode and queue each whole chunk, never assume a fixed byte or sample count.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/translation/", optional_fields = nullable))]
pub struct TranslationOutputAudioDelta {
    /// Server-unique id of this event; always sent by the official service, accepted when
    /// absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The audio bytes, base64, in `format`.
    pub delta: Base64,
    /// The encoding of `delta`. Absent or `null`: `pcm16`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<TranslationAudioFormat>,
    /// The sample rate of this chunk, in Hz. Absent or `null`: not said (24 000, the only rate
    /// the endpoint takes as input, is the safe assumption).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sample_rate: Option<u32>,
    /// The number of interleaved channels of this chunk. Absent or `null`: not said (assume 1,
    /// mono).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channels: Option<u32>,
    /// Alignment with the source audio, in milliseconds since the session start, derived from
    /// the translation frame; not an identifier. Absent or `null`: not known for this chunk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elapsed_ms: Option<u32>,
}

/// The encoding of translated audio (a closed enum).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export_to = "realtime/translation/")
)]
pub enum TranslationAudioFormat {
    /// `pcm16`: signed 16-bit little-endian PCM.
    #[default]
    Pcm16,
}

/// Audio bytes as base64 text (RFC 4648 standard alphabet, padded), checked on decoding: a
/// string that is not base64 is a decoding error at its JSON path. The text is kept as
/// received; `decode` gives the bytes, `encode` builds it from bytes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(transparent)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export_to = "realtime/translation/", type = "string")
)]
pub struct Base64(pub String);

/// The base64 alphabet, in value order.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The JSON Schema pattern of [`Base64`]: whole groups of four characters, the last one
/// possibly padded with one or two `=`.
#[cfg(feature = "schema")]
const PATTERN: &str = "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$";

fn value_of(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// Why a string is not base64.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotBase64 {
    /// The byte offset of the first offending character, or the length when the length is
    /// wrong.
    pub offset: usize,
    /// What is wrong.
    pub reason: &'static str,
}

impl fmt::Display for NotBase64 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not base64: {} at offset {}", self.reason, self.offset)
    }
}

impl std::error::Error for NotBase64 {}

impl Base64 {
    /// The base64 text of `bytes` (standard alphabet, padded).
    pub fn encode(bytes: &[u8]) -> Self {
        let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let b = [
                chunk[0],
                *chunk.get(1).unwrap_or(&0),
                *chunk.get(2).unwrap_or(&0),
            ];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
                } else {
                    out.push('=');
                }
            }
        }
        Base64(out)
    }

    /// Checks that `text` is base64: a length that is a multiple of 4, characters of the
    /// standard alphabet, and at most two `=` of padding at the end.
    pub fn check(text: &str) -> Result<(), NotBase64> {
        let bytes = text.as_bytes();
        if bytes.len() % 4 != 0 {
            return Err(NotBase64 {
                offset: bytes.len(),
                reason: "the length is not a multiple of 4",
            });
        }
        let padding = bytes
            .iter()
            .rev()
            .take(2)
            .take_while(|&&c| c == b'=')
            .count();
        let body = &bytes[..bytes.len() - padding];
        match body.iter().position(|&c| value_of(c).is_none()) {
            Some(offset) => Err(NotBase64 {
                offset,
                reason: if body[offset] == b'=' {
                    "padding `=` before the end"
                } else {
                    "a character outside the base64 alphabet"
                },
            }),
            None => Ok(()),
        }
    }

    /// The bytes this text encodes (bits beyond the last whole byte are ignored).
    pub fn decode(&self) -> Result<Vec<u8>, NotBase64> {
        Self::check(&self.0)?;
        let digits: Vec<u8> = self.0.bytes().filter_map(value_of).collect();
        let mut out = Vec::with_capacity(digits.len() * 3 / 4);
        for group in digits.chunks(4) {
            let mut n = 0u32;
            for (i, d) in group.iter().enumerate() {
                n |= u32::from(*d) << (18 - 6 * i);
            }
            let whole = group.len() * 6 / 8;
            out.extend(n.to_be_bytes()[1..=whole].iter());
        }
        Ok(out)
    }

    /// The base64 text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Base64 {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Base64::check(&text).map_err(serde::de::Error::custom)?;
        Ok(Base64(text))
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Base64 {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Base64".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Audio bytes as base64 text (RFC 4648 standard alphabet, padded).",
            "type": "string",
            "contentEncoding": "base64",
            "pattern": PATTERN
        })
    }
}
