//! Audio settings of a session: formats, voices, turn detection, noise reduction and input
//! transcription.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `audio` of a realtime session (both directions): input and output audio settings.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct AudioConfig {
    /// Input (microphone) audio settings; absent: unchanged / server defaults.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<AudioInputConfig>,
    /// Output (model voice) audio settings, realtime sessions only; absent: unchanged / server
    /// defaults.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<AudioOutputConfig>,
}

/// `audio.input`: how input audio is read, filtered, segmented and transcribed.
///
/// The three tri-state members distinguish absent (keep the current setting), `null` (turn the
/// feature off) and a value (configure it).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct AudioInputConfig {
    /// Format of the audio sent with `input_audio_buffer.append`. Absent: unchanged (default
    /// `audio/pcm` at 24 000 Hz).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "ts",
        ts(as = "Option<super::UntaggedDefault<AudioFormat, PcmFormat>>")
    )]
    pub format: Option<AudioFormat>,
    /// Input transcription (tri-state): absent = unchanged (default off), `null` = turn it off,
    /// a value = transcribe user audio with that model. It runs asynchronously on a separate
    /// speech-recognition model: guidance, not what the realtime model heard.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::tristate::deserialize"
    )]
    #[cfg_attr(feature = "ts", ts(as = "Option<AudioTranscription>"))]
    pub transcription: Option<Option<AudioTranscription>>,
    /// Noise reduction applied before voice activity detection and the model (tri-state):
    /// absent = unchanged (default off), `null` = off, a value = on.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::tristate::deserialize"
    )]
    #[cfg_attr(feature = "ts", ts(as = "Option<NoiseReduction>"))]
    pub noise_reduction: Option<Option<NoiseReduction>>,
    /// Voice activity detection (tri-state): absent = unchanged (default server VAD on),
    /// `null` = no VAD (the client commits audio and requests responses itself), a value =
    /// that detector.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::tristate::deserialize"
    )]
    #[cfg_attr(feature = "ts", ts(as = "Option<TurnDetection>"))]
    pub turn_detection: Option<Option<TurnDetection>>,
}

/// `audio.output`: the model's voice and output format (realtime sessions only).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct AudioOutputConfig {
    /// Format of `response.output_audio.delta` audio. Absent: unchanged (default `audio/pcm` at
    /// 24 000 Hz).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "ts",
        ts(as = "Option<super::UntaggedDefault<AudioFormat, PcmFormat>>")
    )]
    pub format: Option<AudioFormat>,
    /// The model's voice; changeable only before the model first produced audio in the
    /// session. Absent: unchanged (default `alloy`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice: Option<Voice>,
    /// Playback speed applied as post-processing, 0.25–1.5; changeable only between turns.
    /// Absent: unchanged (default 1.0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speed: Option<f64>,
}

/// An audio format, discriminated by `type`. An object without `type` is
/// `audio/pcm`; encoders always emit `type`. Another `type` is kept as raw JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = audio_format_schema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
#[non_exhaustive]
pub enum AudioFormat {
    /// `audio/pcm`: signed 16-bit little-endian PCM, mono, 24 000 Hz.
    #[serde(rename = "audio/pcm")]
    Pcm(PcmFormat),
    /// `audio/pcmu`: G.711 µ-law, 8 000 Hz.
    #[serde(rename = "audio/pcmu")]
    Pcmu,
    /// `audio/pcma`: G.711 A-law, 8 000 Hz.
    #[serde(rename = "audio/pcma")]
    Pcma,
    /// A format this crate does not know, kept verbatim.
    #[serde(skip)]
    Unknown(Value),
}

crate::open_union::impl_open_union!(
    AudioFormat,
    tag = "type",
    untagged = Some(AudioFormat::untagged_pcm),
    payloads = [Pcm(PcmFormat)]
);

impl AudioFormat {
    /// `{"type": "audio/pcm", "rate": 24000}`: the canonical PCM format.
    pub fn pcm_24khz() -> Self {
        AudioFormat::Pcm(PcmFormat {
            rate: Some(PcmRate),
        })
    }

    /// An object without `type` is PCM.
    fn untagged_pcm(raw: &Value) -> Result<Self, String> {
        super::default_variant(raw, "type").map(AudioFormat::Pcm)
    }
}

#[cfg(feature = "schema")]
fn audio_format_schema(schema: &mut schemars::Schema) {
    super::union_schema(schema, &[], super::Untagged::Default("audio/pcm"));
}

/// The members of an `audio/pcm` [`AudioFormat`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct PcmFormat {
    /// Sample rate in Hz; only 24 000 is valid. Absent: 24 000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<PcmRate>,
}

/// The only PCM sample rate of the protocol: the integer `24000` (Hz).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export_to = "realtime/v2/", type = "24000")
)]
pub struct PcmRate;

impl PcmRate {
    /// The rate in Hz.
    pub const HZ: u32 = 24_000;
}

impl Serialize for PcmRate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u32(Self::HZ)
    }
}

impl<'de> Deserialize<'de> for PcmRate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let rate = u64::deserialize(d)?;
        if rate == u64::from(Self::HZ) {
            Ok(PcmRate)
        } else {
            Err(serde::de::Error::invalid_value(
                serde::de::Unexpected::Unsigned(rate),
                &"24000",
            ))
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for PcmRate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PcmRate".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "The only PCM sample rate of the protocol: the integer `24000` (Hz).",
            "type": "integer",
            "const": 24000
        })
    }
}

/// The model's voice: a built-in voice name, or a custom voice `{"id": …}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum Voice {
    /// A built-in voice, by name.
    Name(VoiceName),
    /// A custom voice, by id.
    Custom(CustomVoice),
}

crate::strict::impl_strict_untagged!(Voice, [Name(VoiceName), Custom(CustomVoice)]);

impl From<VoiceName> for Voice {
    fn from(name: VoiceName) -> Self {
        Voice::Name(name)
    }
}

/// A custom voice: `{"id": "voice_1234"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct CustomVoice {
    /// The custom voice's id, e.g. `voice_1234`.
    pub id: String,
}

/// A built-in voice name: an open enum (any other string is accepted and kept as it is).
/// `marin` and `cedar` are the recommended voices; the service default is `alloy`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
#[non_exhaustive]
pub enum VoiceName {
    /// `alloy` (the service default).
    Alloy,
    /// `ash`.
    Ash,
    /// `ballad`.
    Ballad,
    /// `coral`.
    Coral,
    /// `echo`.
    Echo,
    /// `sage`.
    Sage,
    /// `shimmer`.
    Shimmer,
    /// `verse`.
    Verse,
    /// `marin` (recommended; the Codex client's default).
    Marin,
    /// `cedar` (recommended).
    Cedar,
    /// Any other voice name, passed through.
    #[serde(untagged)]
    Other(String),
}

/// Voice activity detection, discriminated by `type`. Another `type` is kept as
/// raw JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(transform = crate::open_union::unknown_type_branch)
)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
#[non_exhaustive]
pub enum TurnDetection {
    /// `server_vad`: volume-based detection of speech and silence.
    #[serde(rename = "server_vad")]
    ServerVad(ServerVad),
    /// `semantic_vad`: a model judges when the user has finished speaking.
    #[serde(rename = "semantic_vad")]
    SemanticVad(SemanticVad),
    /// A detector this crate does not know, kept verbatim.
    #[serde(skip)]
    Unknown(Value),
}

crate::open_union::impl_open_union!(
    TurnDetection,
    tag = "type",
    payloads = [ServerVad(ServerVad), SemanticVad(SemanticVad)]
);

/// The members of `server_vad` turn detection. Every member is optional; absent means the
/// service default.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ServerVad {
    /// Activation level, 0.0–1.0; higher needs louder audio. Absent: 0.5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<f64>,
    /// Audio kept before detected speech, in milliseconds. Absent: 300.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix_padding_ms: Option<u32>,
    /// Silence that ends a turn, in milliseconds. Absent: 500.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub silence_duration_ms: Option<u32>,
    /// After the last response finished playing, no speech for this long (5 000–30 000 ms)
    /// commits the silent audio, sends `input_audio_buffer.timeout_triggered` and creates a
    /// response. Absent or `null`: no idle timeout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idle_timeout_ms: Option<u32>,
    /// Cancel an ongoing default-conversation response when speech starts. Absent: `true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interrupt_response: Option<bool>,
    /// Create a response automatically at the end of speech. Absent: `true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_response: Option<bool>,
}

/// The members of `semantic_vad` turn detection. Every member is optional; absent means the
/// service default.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct SemanticVad {
    /// How quickly the model responds. Absent: `auto` (= `medium`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eagerness: Option<Eagerness>,
    /// Cancel an ongoing default-conversation response when speech starts. Absent: `true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interrupt_response: Option<bool>,
    /// Create a response automatically at the end of speech. Absent: `true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_response: Option<bool>,
}

/// How quickly `semantic_vad` ends a turn (a closed enum): at most 8 s / 4 s / 2 s of waiting
/// for `low` / `medium` / `high`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum Eagerness {
    /// `low`: wait longest (up to 8 s).
    Low,
    /// `medium`: up to 4 s.
    Medium,
    /// `high`: respond soonest (up to 2 s).
    High,
    /// `auto`: the service default, `medium`.
    Auto,
}

/// Input noise reduction.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct NoiseReduction {
    /// The kind of microphone to filter for; absent: the service default.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<NoiseReductionType>,
    /// Noise-suppression strength, 0.0–1.0 (higher = more suppression); the service uses 1
    /// when noise reduction is first enabled. Absent: the current strength is kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strength: Option<f64>,
}

/// The kind of noise reduction (a closed enum).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum NoiseReductionType {
    /// `near_field`: headsets and close microphones.
    NearField,
    /// `far_field`: laptop or room microphones.
    FarField,
}

/// Input audio transcription settings. Used in requests and in session echoes (the same
/// members in both).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct AudioTranscription {
    /// The transcription model; absent: the service default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<TranscriptionModel>,
    /// ISO-639-1 code of the input audio's language (e.g. `en`); absent: detected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Candidate ISO-639-1 languages, at least one (`gpt-transcribe`, `gpt-live-transcribe`);
    /// absent: any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub languages: Option<Vec<String>>,
    /// Style or context hint: a keyword list for `whisper-1`, free text for the 4o models; not
    /// supported by `gpt-realtime-whisper`. Absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    /// Words or phrases to favour (`gpt-transcribe`, `gpt-live-transcribe`); also echoed by
    /// the server. Absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keywords: Option<Vec<String>>,
    /// Latency/accuracy trade-off, `gpt-realtime-whisper` only; also echoed by the server.
    /// Absent: the model default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delay: Option<TranscriptionDelay>,
}

/// A transcription model id: an open enum (any other string is accepted and kept as it is).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
#[non_exhaustive]
pub enum TranscriptionModel {
    /// `whisper-1` (billed by duration).
    #[serde(rename = "whisper-1")]
    Whisper1,
    /// `gpt-4o-transcribe`.
    #[serde(rename = "gpt-4o-transcribe")]
    Gpt4oTranscribe,
    /// `gpt-4o-mini-transcribe`.
    #[serde(rename = "gpt-4o-mini-transcribe")]
    Gpt4oMiniTranscribe,
    /// `gpt-4o-mini-transcribe-2025-12-15`.
    #[serde(rename = "gpt-4o-mini-transcribe-2025-12-15")]
    Gpt4oMiniTranscribe20251215,
    /// `gpt-4o-transcribe-diarize`: adds speaker labels.
    #[serde(rename = "gpt-4o-transcribe-diarize")]
    Gpt4oTranscribeDiarize,
    /// `gpt-transcribe`.
    #[serde(rename = "gpt-transcribe")]
    GptTranscribe,
    /// `gpt-live-transcribe`.
    #[serde(rename = "gpt-live-transcribe")]
    GptLiveTranscribe,
    /// `gpt-realtime-whisper` (requires `turn_detection: null` in transcription sessions).
    #[serde(rename = "gpt-realtime-whisper")]
    GptRealtimeWhisper,
    /// Any other model id, passed through.
    #[serde(untagged)]
    Other(String),
}

/// The latency/accuracy trade-off of `gpt-realtime-whisper` (a closed enum).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum TranscriptionDelay {
    /// `minimal`: lowest latency.
    Minimal,
    /// `low`.
    Low,
    /// `medium`.
    Medium,
    /// `high`.
    High,
    /// `xhigh`: highest accuracy.
    Xhigh,
}
