//! PCM audio and its base64 text, without a second pass (feature `base64`).
//!
//! Every audio event (owned or borrowed) has `decode_pcm_into`, which appends the bytes of its
//! base64 audio to a caller-provided buffer (nothing else is allocated; a reused buffer with
//! enough capacity is not reallocated), and `decode_samples_into`, which appends the signed
//! 16-bit little-endian samples to a `Vec<i16>`. Bad base64 is a [`DecodeError`] naming the
//! event and the JSON pointer of the audio member; the buffer is then left as it was.
//!
//! Decoders are liberal: the standard alphabet, padded or not, and non-zero bits after the
//! last whole byte are ignored. Encoders emit the canonical form (padded). The other way,
//! [`Pcm`] serializes PCM bytes as base64 text straight into the serializer's output, and the
//! append messages have `encode_pcm_into`, which writes a whole message into a `String`
//! without building the base64 text on its own.
//!
//! The base64 codec is the `base64` crate's SIMD engine (AVX2 or NEON when the CPU has them,
//! detected once; scalar otherwise).

use base64::Engine as _;
use base64::engine::general_purpose::GeneralPurposeConfig;
use base64::engine::{DecodePaddingMode, Simd};
use serde::Serialize;
use std::fmt;
use std::sync::LazyLock;

use crate::error::DecodeError;

/// The codec: padded output; padded or unpadded input, trailing bits ignored.
static ENGINE: LazyLock<Simd> = LazyLock::new(|| {
    Simd::standard(
        GeneralPurposeConfig::new()
            .with_decode_padding_mode(DecodePaddingMode::Indifferent)
            .with_decode_allow_trailing_bits(true),
    )
});

/// The base64 characters decoded per step by [`decode_samples_into`]: a multiple of 4 whose
/// bytes (3/4 of it) are a whole number of samples.
const CHUNK: usize = 4096;

/// Appends the bytes that the base64 `text` encodes to `out`; returns how many were appended.
/// On error `out` is unchanged, and the error names `message` and the member at `path`.
pub fn decode_pcm_into(
    text: &str,
    out: &mut Vec<u8>,
    message: Option<&str>,
    path: &str,
) -> Result<usize, DecodeError> {
    let start = out.len();
    match ENGINE.decode_vec(text, out) {
        Ok(()) => Ok(out.len() - start),
        Err(e) => {
            out.truncate(start);
            Err(DecodeError::new(message, path, reason(&e, 0)))
        }
    }
}

/// Appends the signed 16-bit little-endian samples that the base64 `text` encodes to `out`;
/// returns how many were appended. An odd number of bytes is an error. On error `out` is
/// unchanged, and the error names `message` and the member at `path`.
pub fn decode_samples_into(
    text: &str,
    out: &mut Vec<i16>,
    message: Option<&str>,
    path: &str,
) -> Result<usize, DecodeError> {
    let start = out.len();
    let result = samples(text.as_bytes(), out);
    if let Err(reason) = result {
        out.truncate(start);
        return Err(DecodeError::new(message, path, reason));
    }
    Ok(out.len() - start)
}

fn samples(text: &[u8], out: &mut Vec<i16>) -> Result<(), String> {
    // Exactly the samples of a valid text, so that a buffer with that capacity is not grown.
    let padding = text
        .iter()
        .rev()
        .take(2)
        .take_while(|&&c| c == b'=')
        .count();
    let symbols = text.len() - padding;
    let bytes_len = symbols / 4 * 3 + [0, 0, 1, 2][symbols % 4];
    out.reserve(bytes_len / 2);
    let mut bytes = [0u8; CHUNK / 4 * 3];
    let mut total = 0;
    for (i, chunk) in text.chunks(CHUNK).enumerate() {
        let offset = i * CHUNK;
        let last = offset + chunk.len() == text.len();
        // Padding ends the text: a chunk that is not the last may not end with it.
        if !last && chunk[chunk.len() - 1] == b'=' {
            let at = chunk.iter().position(|&c| c == b'=').unwrap_or(0);
            return Err(format!(
                "not base64: padding `=` before the end at offset {}",
                offset + at
            ));
        }
        let n = ENGINE
            .decode_slice(chunk, &mut bytes)
            .map_err(|e| match e {
                base64::DecodeSliceError::DecodeError(e) => reason(&e, offset),
                base64::DecodeSliceError::OutputSliceTooSmall => {
                    "not base64: a chunk decodes to more bytes than it can hold".to_owned()
                }
            })?;
        total += n;
        if n % 2 != 0 {
            return Err(format!(
                "{total} bytes of audio: not whole 16-bit samples (an odd number of bytes)"
            ));
        }
        out.extend(
            bytes[..n]
                .chunks_exact(2)
                .map(|b| i16::from_le_bytes([b[0], b[1]])),
        );
    }
    Ok(())
}

/// The reason of a base64 error at `offset` plus the error's own offset.
fn reason(error: &base64::DecodeError, offset: usize) -> String {
    match *error {
        base64::DecodeError::InvalidByte(at, b'=') => format!(
            "not base64: padding `=` before the end at offset {}",
            offset + at
        ),
        base64::DecodeError::InvalidByte(at, byte) => format!(
            "not base64: a character outside the base64 alphabet ({}) at offset {}",
            char::from(byte).escape_default(),
            offset + at
        ),
        base64::DecodeError::InvalidLength(len) => format!(
            "not base64: {} characters leave a single character in the last group",
            offset + len
        ),
        base64::DecodeError::InvalidLastSymbol { offset: at, .. } => {
            format!("not base64: a bad last character at offset {}", offset + at)
        }
        base64::DecodeError::InvalidPadding => "not base64: wrong padding".to_owned(),
    }
}

/// PCM bytes, written as base64 text (standard alphabet, padded) when displayed or serialized:
/// the text goes straight into the output, in small pieces, without a `String` of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pcm<'a>(pub &'a [u8]);

impl fmt::Display for Pcm<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        base64::display::Base64Display::new(self.0, &*ENGINE).fmt(f)
    }
}

impl Serialize for Pcm<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Appends the JSON text of `message` to `out`, with no intermediate buffer.
pub(crate) fn write_json<T: Serialize>(out: &mut String, message: &T) {
    /// `io::Write` into a `String`; serde_json writes whole UTF-8 sequences on every call.
    struct Text<'a>(&'a mut String);
    impl std::io::Write for Text<'_> {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let text = std::str::from_utf8(buf).map_err(std::io::Error::other)?;
            self.0.push_str(text);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let start = out.len();
    if serde_json::to_writer(Text(out), message).is_err() {
        // Not reachable: serde_json writes valid UTF-8, and these messages always encode.
        out.truncate(start);
    }
}

/// Implements `decode_pcm_into` and `decode_samples_into` on audio payload types: each row
/// names the type, its message, the JSON pointer of its audio member and how to read it.
macro_rules! pcm_methods {
    ($( $ty:ty => $message:literal, $path:literal, |$this:ident| $member:expr; )*) => {$(
        impl $ty {
            #[doc = concat!("Appends the audio bytes of `", $path, "` (base64-decoded) to `out` and returns how many were appended; nothing else is allocated. Bad base64 is an error naming `", $message, "` and `", $path, "`, and leaves `out` unchanged.")]
            pub fn decode_pcm_into(&self, out: &mut Vec<u8>) -> Result<usize, DecodeError> {
                let $this = self;
                decode_pcm_into(&$member, out, Some($message), $path)
            }

            #[doc = concat!("Appends the signed 16-bit little-endian PCM samples of `", $path, "` to `out` and returns how many were appended. Bad base64 or an odd number of bytes is an error naming `", $message, "` and `", $path, "`, and leaves `out` unchanged.")]
            pub fn decode_samples_into(&self, out: &mut Vec<i16>) -> Result<usize, DecodeError> {
                let $this = self;
                decode_samples_into(&$member, out, Some($message), $path)
            }
        }
    )*};
}

use crate::app_server::v2 as app;
use crate::app_server::{
    ThreadRealtimeAppendAudioParamsRef, ThreadRealtimeOutputAudioDeltaNotificationRef,
};
use crate::realtime::{translation, v1, v2, v3};

pcm_methods! {
    v2::ResponseOutputAudioDelta => "response.output_audio.delta", "/delta", |e| e.delta;
    v2::ResponseOutputAudioDeltaRef<'_> => "response.output_audio.delta", "/delta", |e| e.delta;
    v1::ConversationOutputAudioDelta => "conversation.output_audio.delta", "/delta", |e| e.delta;
    v1::ConversationOutputAudioDeltaRef<'_> => "conversation.output_audio.delta", "/delta", |e| e.delta;
    v3::OutputAudioDelta => "output_audio.delta", "/audio", |e| e.audio;
    v3::OutputAudioDeltaRef<'_> => "output_audio.delta", "/audio", |e| e.audio;
    v3::InputAudioAppend => "input_audio.append", "/audio", |e| e.audio;
    v3::InputAudioAppendRef<'_> => "input_audio.append", "/audio", |e| e.audio;
    crate::realtime::InputAudioBufferAppend => "input_audio_buffer.append", "/audio", |e| e.audio;
    v2::InputAudioBufferAppendRef<'_> => "input_audio_buffer.append", "/audio", |e| e.audio;
    translation::TranslationOutputAudioDelta => "session.output_audio.delta", "/delta", |e| e.delta.0;
    translation::TranslationOutputAudioDeltaRef<'_> => "session.output_audio.delta", "/delta", |e| e.delta;
    translation::TranslationInputAudioBufferAppend => "session.input_audio_buffer.append", "/audio", |e| e.audio.0;
    translation::TranslationInputAudioBufferAppendRef<'_> => "session.input_audio_buffer.append", "/audio", |e| e.audio;
    app::ThreadRealtimeOutputAudioDeltaNotification => "thread/realtime/outputAudio/delta", "/params/audio/data", |p| p.audio.data;
    ThreadRealtimeOutputAudioDeltaNotificationRef<'_> => "thread/realtime/outputAudio/delta", "/params/audio/data", |p| p.audio.data;
    app::ThreadRealtimeAppendAudioParams => "thread/realtime/appendAudio", "/params/audio/data", |p| p.audio.data;
    ThreadRealtimeAppendAudioParamsRef<'_> => "thread/realtime/appendAudio", "/params/audio/data", |p| p.audio.data;
}

/// `{"type", "event_id"?, "audio"}`: an append event with PCM audio.
#[derive(Serialize)]
struct AppendWire<'a> {
    #[serde(rename = "type")]
    tag: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    event_id: Option<&'a str>,
    audio: Pcm<'a>,
}

impl crate::realtime::InputAudioBufferAppend {
    /// Appends the JSON text of an `input_audio_buffer.append` event (realtime v1 and v2)
    /// carrying `pcm` as its base64 audio to `out`: the base64 text is written straight into
    /// `out`. `event_id`: the optional client-chosen id of the event.
    pub fn encode_pcm_into(out: &mut String, event_id: Option<&str>, pcm: &[u8]) {
        let wire = AppendWire {
            tag: "input_audio_buffer.append",
            event_id,
            audio: Pcm(pcm),
        };
        write_json(out, &wire);
    }
}

impl v3::InputAudioAppend {
    /// Appends the JSON text of an `input_audio.append` event (realtime v3) carrying `pcm`
    /// (signed 16-bit little-endian, mono, 24 000 Hz) as its base64 audio to `out`: the base64
    /// text is written straight into `out`.
    pub fn encode_pcm_into(out: &mut String, pcm: &[u8]) {
        let wire = AppendWire {
            tag: "input_audio.append",
            event_id: None,
            audio: Pcm(pcm),
        };
        write_json(out, &wire);
    }
}

impl translation::TranslationInputAudioBufferAppend {
    /// Appends the JSON text of a `session.input_audio_buffer.append` event carrying `pcm`
    /// (signed 16-bit little-endian, mono, 24 000 Hz) as its base64 audio to `out`: the base64
    /// text is written straight into `out`. `event_id`: the optional client-chosen id of the
    /// event.
    pub fn encode_pcm_into(out: &mut String, event_id: Option<&str>, pcm: &[u8]) {
        let wire = AppendWire {
            tag: "session.input_audio_buffer.append",
            event_id,
            audio: Pcm(pcm),
        };
        write_json(out, &wire);
    }
}

impl app::ThreadRealtimeAppendAudio {
    /// Appends the JSON text of a `thread/realtime/appendAudio` request `id` on the thread
    /// `thread_id`, carrying `pcm` (signed 16-bit little-endian samples, `num_channels`
    /// interleaved channels at `sample_rate` Hz) as its base64 audio, to `out`: the base64 text
    /// is written straight into `out`.
    pub fn encode_pcm_into(
        out: &mut String,
        id: &crate::app_server::RequestId,
        thread_id: &str,
        pcm: &[u8],
        sample_rate: u32,
        num_channels: u16,
    ) {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Chunk<'a> {
            data: Pcm<'a>,
            sample_rate: u32,
            num_channels: u16,
        }
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Params<'a> {
            thread_id: &'a str,
            audio: Chunk<'a>,
        }
        #[derive(Serialize)]
        struct Wire<'a> {
            id: &'a crate::app_server::RequestId,
            method: &'static str,
            params: Params<'a>,
        }
        let wire = Wire {
            id,
            method: <Self as crate::app_server::Request>::METHOD,
            params: Params {
                thread_id,
                audio: Chunk {
                    data: Pcm(pcm),
                    sample_rate,
                    num_channels,
                },
            },
        };
        write_json(out, &wire);
    }
}
