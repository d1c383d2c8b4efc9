//! Input audio transcription results: `conversation.item.input_audio_transcription.*` (S→C).

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `conversation.item.input_audio_transcription.delta` (S→C): a transcript increment of user
/// audio.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct InputAudioTranscriptionDelta {
    /// Server-unique id of this event; absent from some test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The user item whose audio is transcribed; the official service always sends it; minimal events of Codex-compatible peers omit it. Absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// The content part holding the audio; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_index: Option<u32>,
    /// The text increment; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delta: Option<String>,
    /// Log probabilities of the increment's tokens, when `include` asks for them; absent or
    /// `null`: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logprobs: Option<Vec<LogProb>>,
    /// Random padding that hides the length of `delta`; it carries no meaning. Absent or
    /// `null`: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obfuscation: Option<String>,
}

/// `conversation.item.input_audio_transcription.completed` (S→C): the final transcript of a
/// user audio part. Transcription runs asynchronously: this may arrive before or after the
/// response events.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct InputAudioTranscriptionCompleted {
    /// Server-unique id of this event; absent from some test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The user item; the official service always sends it; minimal events of Codex-compatible peers omit it. Absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// The content part holding the audio; the official service always sends it; minimal events of Codex-compatible peers omit it. Absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_index: Option<u32>,
    /// The final transcript.
    pub transcript: String,
    /// Usage, billed at the transcription model's price; the official service always sends it; minimal events of Codex-compatible peers omit it. Absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<TranscriptionUsage>,
    /// Log probabilities of the transcript's tokens; absent or `null`: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logprobs: Option<Vec<LogProb>>,
    /// Detected languages (`[]`: none detected reliably); absent: not reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub languages: Option<Vec<DetectedLanguage>>,
}

/// `conversation.item.input_audio_transcription.failed` (S→C): transcribing a user audio part
/// failed.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct InputAudioTranscriptionFailed {
    /// Server-unique id of this event; absent from some test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The user item.
    pub item_id: String,
    /// The content part holding the audio.
    pub content_index: u32,
    /// What went wrong.
    pub error: TranscriptionError,
}

/// `conversation.item.input_audio_transcription.segment` (S→C): a transcript segment with its
/// speaker (diarizing transcription models).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct InputAudioTranscriptionSegment {
    /// Server-unique id of this event; absent from some test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The user item.
    pub item_id: String,
    /// The content part holding the audio.
    pub content_index: u32,
    /// Segment id.
    pub id: String,
    /// Segment text.
    pub text: String,
    /// Speaker label.
    pub speaker: String,
    /// Segment start, in seconds.
    pub start: f64,
    /// Segment end, in seconds.
    pub end: f64,
}

/// The error of a failed input transcription. Every member may be absent or `null` (not
/// said).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct TranscriptionError {
    /// The error class.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Machine-readable code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Human-readable description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The offending parameter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
}

/// A language detected in transcribed audio.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct DetectedLanguage {
    /// ISO-639-1 code, e.g. `en`.
    pub code: String,
}

/// The log probability of one token.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct LogProb {
    /// The token.
    pub token: String,
    /// Its natural-log probability (≤ 0).
    pub logprob: f64,
    /// Its UTF-8 bytes.
    pub bytes: Vec<u8>,
}

/// Usage of an input transcription, discriminated by `type`. Another `type` is
/// kept as raw JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(transform = crate::open_union::unknown_type_branch)
)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
#[non_exhaustive]
pub enum TranscriptionUsage {
    /// `tokens`: token-billed models.
    #[serde(rename = "tokens")]
    Tokens(TokenUsage),
    /// `duration`: duration-billed models (e.g. `whisper-1`).
    #[serde(rename = "duration")]
    Duration(DurationUsage),
    /// A usage kind this crate does not know, kept verbatim.
    #[serde(skip)]
    Unknown(Value),
}

crate::open_union::impl_open_union!(
    TranscriptionUsage,
    tag = "type",
    payloads = [Tokens(TokenUsage), Duration(DurationUsage)]
);

/// The members of `tokens` transcription usage.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct TokenUsage {
    /// Input tokens.
    pub input_tokens: u64,
    /// Output tokens.
    pub output_tokens: u64,
    /// Input plus output tokens.
    pub total_tokens: u64,
    /// Breakdown of the input tokens; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_token_details: Option<TranscriptionTokenDetails>,
}

/// Breakdown of a transcription's input tokens. Every count is optional (absent: not said).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct TranscriptionTokenDetails {
    /// Text tokens (e.g. the prompt).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_tokens: Option<u64>,
    /// Audio tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio_tokens: Option<u64>,
}

/// The members of `duration` transcription usage.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct DurationUsage {
    /// Duration of the transcribed audio, in seconds.
    pub seconds: f64,
}
