//! Session configuration: `session.update` (C→S) and its echoes `session.created` /
//! `session.updated` (S→C).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::audio::{
    AudioConfig, AudioFormat, AudioInputConfig, AudioTranscription, Eagerness, NoiseReduction,
};
use super::config::{
    Include, MaxOutputTokens, Modality, PromptRef, RealtimeModel, Reasoning, Tracing, Truncation,
};
use super::tools::{Tool, ToolChoice};

/// `session.update` (C→S): changes the members of the session configuration that it carries;
/// the server answers with `session.updated` and the full effective configuration.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct SessionUpdate {
    /// Client-chosen id of this event (at most 512 characters), echoed in `error.event_id` when
    /// the event fails (not by `session.updated`). Absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The members to change, for a realtime or a transcription session.
    pub session: SessionConfig,
}

/// `session.created` (once, right after connecting) and `session.updated` (after every
/// `session.update`) (S→C): the full effective session configuration.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct SessionEvent {
    /// Server-unique id of this event; always sent by the official service, absent from some
    /// test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The session as the server now runs it.
    #[cfg_attr(
        feature = "ts",
        ts(as = "super::UntaggedDefault<SessionEcho, RealtimeSessionEcho>")
    )]
    pub session: SessionEcho,
}

/// The `session` of a `session.update`, discriminated by `type`. Another `type` is kept as raw
/// JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(transform = crate::open_union::unknown_type_branch)
)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
#[non_exhaustive]
pub enum SessionConfig {
    /// `realtime`: a conversational session.
    #[serde(rename = "realtime")]
    Realtime(Box<RealtimeSessionConfig>),
    /// `transcription`: a transcription-only session.
    #[serde(rename = "transcription")]
    Transcription(Box<TranscriptionSessionConfig>),
    /// A session type this crate does not know, kept verbatim.
    #[serde(skip)]
    Unknown(Value),
}

crate::open_union::impl_open_union!(SessionConfig, tag = "type", payloads = [Realtime(Box<RealtimeSessionConfig>), Transcription(Box<TranscriptionSessionConfig>)]);

/// The `session` of `session.created` / `session.updated`, discriminated by `type`. A session
/// without `type` is a realtime session (test peers echo bare sessions); encoders
/// always emit `type`. Another `type` is kept as raw JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = session_echo_schema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
#[non_exhaustive]
pub enum SessionEcho {
    /// `realtime`: a conversational session.
    #[serde(rename = "realtime")]
    Realtime(Box<RealtimeSessionEcho>),
    /// `transcription`: a transcription-only session.
    #[serde(rename = "transcription")]
    Transcription(Box<TranscriptionSessionEcho>),
    /// A session type this crate does not know, kept verbatim.
    #[serde(skip)]
    Unknown(Value),
}

crate::open_union::impl_open_union!(SessionEcho, tag = "type", untagged = Some(SessionEcho::untagged_realtime), payloads = [Realtime(Box<RealtimeSessionEcho>), Transcription(Box<TranscriptionSessionEcho>)]);

impl SessionEcho {
    fn untagged_realtime(raw: &Value) -> Result<Self, String> {
        super::default_variant(raw, "type").map(|echo| SessionEcho::Realtime(Box::new(echo)))
    }
}

#[cfg(feature = "schema")]
fn session_echo_schema(schema: &mut schemars::Schema) {
    super::union_schema(schema, &[], super::Untagged::Default("realtime"));
}

/// A realtime (conversational) session configuration, request form: the
/// members of `{"type": "realtime", …}` besides `type`. Only the members present are
/// changed.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct RealtimeSessionConfig {
    /// The model; cannot be changed once the session exists. Absent: unchanged (or
    /// the `model` query parameter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<RealtimeModel>,
    /// System instructions prepended to every response; `""` clears them. Absent:
    /// unchanged (server default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
    /// Exactly one element: `["audio"]` (audio with its transcript) or `["text"]`.
    /// Absent: unchanged (default `["audio"]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_modalities: Option<Vec<Modality>>,
    /// Input and output audio settings; absent: unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio: Option<AudioConfig>,
    /// Extra data to include in server events; absent or `null`: unchanged (none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<Include>>,
    /// Tracing (tri-state): absent = unchanged, `null` = off (the default), a value =
    /// on. Cannot be modified once enabled.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::tristate::deserialize"
    )]
    #[cfg_attr(feature = "ts", ts(as = "Option<Tracing>"))]
    pub tracing: Option<Option<Tracing>>,
    /// The tools the model may call; `[]` removes all tools. Absent: unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "ts",
        ts(as = "Option<Vec<super::UntaggedDefault<Tool, super::FunctionTool>>>")
    )]
    pub tools: Option<Vec<Tool>>,
    /// How the model chooses tools. Absent: unchanged (default `"auto"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_choice: Option<ToolChoice>,
    /// Whether the model may call several tools at once (reasoning models only; not in
    /// the official echo). Absent: unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parallel_tool_calls: Option<bool>,
    /// Reasoning settings (reasoning models only). Absent: unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning: Option<Reasoning>,
    /// Output token limit per response, tool calls included. Absent: unchanged
    /// (default `"inf"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_output_tokens: Option<MaxOutputTokens>,
    /// Context overflow strategy. Absent: unchanged (default `"auto"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub truncation: Option<Truncation>,
    /// Reusable prompt template (tri-state): absent = unchanged, `null` = none, a
    /// value = use it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::tristate::deserialize"
    )]
    #[cfg_attr(feature = "ts", ts(as = "Option<PromptRef>"))]
    pub prompt: Option<Option<PromptRef>>,
}

/// A realtime session as the server echoes it: every member of the request
/// form, plus the session's identity. Echoes often carry explicit `null`s for `include`,
/// `tracing`, `prompt` and the audio input features.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct RealtimeSessionEcho {
    /// The session id, `sess_…`.
    pub id: String,
    /// Always `realtime.session`; absent from bare test-peer echoes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// When the session expires, Unix epoch seconds; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<u64>,
    /// The model; cannot be changed once the session exists. Absent: unchanged (or
    /// the `model` query parameter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<RealtimeModel>,
    /// System instructions prepended to every response; `""` clears them. Absent:
    /// unchanged (server default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
    /// Exactly one element: `["audio"]` (audio with its transcript) or `["text"]`.
    /// Absent: unchanged (default `["audio"]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_modalities: Option<Vec<Modality>>,
    /// Input and output audio settings; absent: unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio: Option<AudioConfig>,
    /// Extra data to include in server events; absent or `null`: unchanged (none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<Include>>,
    /// Tracing (tri-state): absent = unchanged, `null` = off (the default), a value =
    /// on. Cannot be modified once enabled.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::tristate::deserialize"
    )]
    #[cfg_attr(feature = "ts", ts(as = "Option<Tracing>"))]
    pub tracing: Option<Option<Tracing>>,
    /// The tools the model may call; `[]` removes all tools. Absent: unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "ts",
        ts(as = "Option<Vec<super::UntaggedDefault<Tool, super::FunctionTool>>>")
    )]
    pub tools: Option<Vec<Tool>>,
    /// How the model chooses tools. Absent: unchanged (default `"auto"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_choice: Option<ToolChoice>,
    /// Whether the model may call several tools at once (reasoning models only; not in
    /// the official echo). Absent: unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parallel_tool_calls: Option<bool>,
    /// Reasoning settings (reasoning models only). Absent: unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning: Option<Reasoning>,
    /// Output token limit per response, tool calls included. Absent: unchanged
    /// (default `"inf"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_output_tokens: Option<MaxOutputTokens>,
    /// Context overflow strategy. Absent: unchanged (default `"auto"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub truncation: Option<Truncation>,
    /// Reusable prompt template (tri-state): absent = unchanged, `null` = none, a
    /// value = use it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::tristate::deserialize"
    )]
    #[cfg_attr(feature = "ts", ts(as = "Option<PromptRef>"))]
    pub prompt: Option<Option<PromptRef>>,
}

/// A transcription-only session configuration, request form: the members of
/// `{"type": "transcription", …}` besides `type`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct TranscriptionSessionConfig {
    /// Input audio settings (a transcription session has no output); absent: unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio: Option<TranscriptionAudioConfig>,
    /// Extra data to include in server events; absent: unchanged (none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<Include>>,
}

/// `audio` of a transcription session: input only.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct TranscriptionAudioConfig {
    /// Input audio settings; absent: unchanged. With the `gpt-realtime-whisper` model,
    /// `turn_detection` must be `null`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<AudioInputConfig>,
}

/// A transcription session as the server echoes it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct TranscriptionSessionEcho {
    /// The session id, `sess_…`.
    pub id: String,
    /// Always `realtime.transcription_session`; the official service always sends it, bare
    /// echoes of test peers omit it. Absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// When the session expires, Unix epoch seconds; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<u64>,
    /// Extra data included in server events; absent or `null`: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<Include>>,
    /// Input audio settings; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio: Option<TranscriptionAudioEcho>,
}

/// `audio` of a transcription session echo.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct TranscriptionAudioEcho {
    /// Input audio settings; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<TranscriptionAudioInputEcho>,
}

/// `audio.input` of a transcription session echo. Absent and `null` both mean "off / not
/// said" here.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct TranscriptionAudioInputEcho {
    /// Format of the input audio; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "ts",
        ts(as = "Option<super::UntaggedDefault<AudioFormat, super::PcmFormat>>")
    )]
    pub format: Option<AudioFormat>,
    /// Input transcription settings; absent or `null`: off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transcription: Option<AudioTranscription>,
    /// Noise reduction; absent or `null`: off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub noise_reduction: Option<NoiseReduction>,
    /// Voice activity detection (a loose form); absent or `null`: off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turn_detection: Option<TranscriptionTurnDetectionEcho>,
}

/// Turn detection as a transcription session echo reports it: unlike the turn detection of a
/// request, `type` may be missing. Every member may be absent or `null` (not said).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct TranscriptionTurnDetectionEcho {
    /// The detector, an open set of names: `server_vad` or `semantic_vad` are the known ones.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Activation level, 0.0–1.0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<f64>,
    /// Audio kept before detected speech, in milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix_padding_ms: Option<u32>,
    /// Silence that ends a turn, in milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub silence_duration_ms: Option<u32>,
    /// Whether a response is created automatically at the end of speech.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_response: Option<bool>,
    /// Whether speech that starts cancels an ongoing default-conversation response.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interrupt_response: Option<bool>,
    /// `server_vad` only: no-speech timeout after the last response finished playing, in
    /// milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idle_timeout_ms: Option<u32>,
    /// `semantic_vad` only: how quickly the model responds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eagerness: Option<Eagerness>,
}
