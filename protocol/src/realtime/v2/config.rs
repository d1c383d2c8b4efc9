//! Session and response settings that are not audio: models, modalities, tracing, truncation,
//! prompt templates, reasoning and the output token limit.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// A realtime model id: an open enum (any other string is accepted and kept as it is).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
#[non_exhaustive]
pub enum RealtimeModel {
    /// `gpt-realtime`.
    #[serde(rename = "gpt-realtime")]
    GptRealtime,
    /// `gpt-realtime-2025-08-28`.
    #[serde(rename = "gpt-realtime-2025-08-28")]
    GptRealtime20250828,
    /// `gpt-realtime-mini`.
    #[serde(rename = "gpt-realtime-mini")]
    GptRealtimeMini,
    /// `gpt-realtime-mini-2025-10-06`.
    #[serde(rename = "gpt-realtime-mini-2025-10-06")]
    GptRealtimeMini20251006,
    /// `gpt-realtime-mini-2025-12-15`.
    #[serde(rename = "gpt-realtime-mini-2025-12-15")]
    GptRealtimeMini20251215,
    /// `gpt-4o-realtime-preview`.
    #[serde(rename = "gpt-4o-realtime-preview")]
    Gpt4oRealtimePreview,
    /// `gpt-4o-realtime-preview-2024-10-01`.
    #[serde(rename = "gpt-4o-realtime-preview-2024-10-01")]
    Gpt4oRealtimePreview20241001,
    /// `gpt-4o-realtime-preview-2024-12-17`.
    #[serde(rename = "gpt-4o-realtime-preview-2024-12-17")]
    Gpt4oRealtimePreview20241217,
    /// `gpt-4o-realtime-preview-2025-06-03`.
    #[serde(rename = "gpt-4o-realtime-preview-2025-06-03")]
    Gpt4oRealtimePreview20250603,
    /// `gpt-4o-mini-realtime-preview`.
    #[serde(rename = "gpt-4o-mini-realtime-preview")]
    Gpt4oMiniRealtimePreview,
    /// `gpt-4o-mini-realtime-preview-2024-12-17`.
    #[serde(rename = "gpt-4o-mini-realtime-preview-2024-12-17")]
    Gpt4oMiniRealtimePreview20241217,
    /// `gpt-audio-mini`.
    #[serde(rename = "gpt-audio-mini")]
    GptAudioMini,
    /// `gpt-audio-mini-2025-10-06`.
    #[serde(rename = "gpt-audio-mini-2025-10-06")]
    GptAudioMini20251006,
    /// `gpt-audio-mini-2025-12-15`.
    #[serde(rename = "gpt-audio-mini-2025-12-15")]
    GptAudioMini20251215,
    /// `gpt-realtime-1.5`.
    #[serde(rename = "gpt-realtime-1.5")]
    GptRealtime1_5,
    /// `gpt-realtime-2`.
    #[serde(rename = "gpt-realtime-2")]
    GptRealtime2,
    /// `gpt-realtime-2.1`.
    #[serde(rename = "gpt-realtime-2.1")]
    GptRealtime2_1,
    /// `gpt-realtime-2.1-mini`.
    #[serde(rename = "gpt-realtime-2.1-mini")]
    GptRealtime2_1Mini,
    /// `gpt-audio-1.5`.
    #[serde(rename = "gpt-audio-1.5")]
    GptAudio1_5,
    /// Any other model id, passed through.
    #[serde(untagged)]
    Other(String),
}

/// An output modality (a closed enum). A session or response uses exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum Modality {
    /// `text`: text output only.
    Text,
    /// `audio`: audio output with its transcript.
    Audio,
}

/// Extra data to include in server events (a closed enum).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum Include {
    /// `item.input_audio_transcription.logprobs`: log probabilities in input transcription
    /// events.
    #[serde(rename = "item.input_audio_transcription.logprobs")]
    InputAudioTranscriptionLogprobs,
}

/// Tracing of the session: `"auto"` or a configuration. (`null`, tracing off, is
/// the tri-state value of the `tracing` member.) Cannot be modified once enabled.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum Tracing {
    /// `"auto"`: trace with the default workflow name, group and metadata.
    Auto(TracingAuto),
    /// Trace with these names and metadata.
    Config(TracingConfig),
}

crate::strict::impl_strict_untagged!(Tracing, [Auto(TracingAuto), Config(TracingConfig)]);

/// The string `"auto"` of [`Tracing`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum TracingAuto {
    /// `auto`.
    Auto,
}

/// A tracing configuration.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct TracingConfig {
    /// Name of the trace's workflow; absent: the default name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflow_name: Option<String>,
    /// Groups related traces; absent: no group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// Free-form metadata attached to the trace; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Map<String, Value>>,
}

/// What happens when the conversation outgrows the model's context.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum Truncation {
    /// `"auto"` (default: drop the oldest messages) or `"disabled"` (overflow is an error).
    Mode(TruncationMode),
    /// Drop messages until a fraction of the budget remains.
    RetentionRatio(RetentionRatioTruncation),
}

crate::strict::impl_strict_untagged!(
    Truncation,
    [
        Mode(TruncationMode),
        RetentionRatio(RetentionRatioTruncation)
    ]
);

/// The string forms of [`Truncation`] (a closed enum).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum TruncationMode {
    /// `auto`: drop the oldest messages when the context overflows (the default).
    Auto,
    /// `disabled`: never truncate; an overflow is an error.
    Disabled,
}

/// `{"type": "retention_ratio", …}`: on overflow, drop messages until this fraction of the
/// post-instruction token budget remains.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct RetentionRatioTruncation {
    /// Always `retention_ratio`.
    #[serde(rename = "type")]
    pub kind: RetentionRatioType,
    /// Fraction of the budget to keep, 0.0–1.0.
    pub retention_ratio: f64,
    /// Overrides of the token budget; absent: the model's budget.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_limits: Option<TokenLimits>,
}

/// The `type` of a [`RetentionRatioTruncation`]: the single value `retention_ratio`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum RetentionRatioType {
    /// `retention_ratio`.
    RetentionRatio,
}

/// Token budget overrides of a retention-ratio truncation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct TokenLimits {
    /// Token budget after the instructions (≥ 0); absent: the model's budget.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_instructions: Option<u64>,
}

/// A reusable prompt template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct PromptRef {
    /// The prompt template's id.
    pub id: String,
    /// The template version; absent or `null`: the current version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Values substituted into the template, by variable name; absent or `null`: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variables: Option<BTreeMap<String, PromptVariable>>,
}

/// The value of a prompt variable: a string, or an input content object
/// (`{"type": "input_text", …}`, `input_image`, `input_file`) kept as raw JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum PromptVariable {
    /// A string value.
    Text(String),
    /// An input content object, kept as raw JSON.
    Content(Map<String, Value>),
}

/// Reasoning settings (reasoning-capable models only).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct Reasoning {
    /// How much the model reasons; absent: `low`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<ReasoningEffort>,
}

/// Reasoning effort (a closed enum).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum ReasoningEffort {
    /// `minimal`.
    Minimal,
    /// `low` (the default).
    Low,
    /// `medium`.
    Medium,
    /// `high`.
    High,
    /// `xhigh`.
    Xhigh,
}

/// The output token limit of a response, tool calls included: an integer 1–4096
/// or `"inf"` (the model maximum, the default).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum MaxOutputTokens {
    /// At most this many tokens, 1–4096.
    Count(u32),
    /// `"inf"`: the model maximum.
    Inf(Infinite),
}

/// The string `"inf"` of [`MaxOutputTokens`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum Infinite {
    /// `inf`.
    Inf,
}
