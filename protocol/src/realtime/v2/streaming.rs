//! Streaming output of a response: text, audio transcript and audio of content parts, and
//! function call arguments.

use serde::{Deserialize, Serialize};

/// `response.output_text.delta` (S→C): a text increment (text output modality).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ResponseOutputTextDelta {
    /// Server-unique id of this event; always sent by the official service, absent from
    /// some test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The response producing the part; the official service always sends it; minimal events of Codex-compatible peers omit it. Absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_id: Option<String>,
    /// The output item holding the part; the official service always sends it; minimal events of Codex-compatible peers omit it. Absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// Index of the item in `response.output`; the official service always sends it; minimal events of Codex-compatible peers omit it. Absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_index: Option<u32>,
    /// Index of the part in the item's `content`; the official service always sends it; minimal events of Codex-compatible peers omit it. Absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_index: Option<u32>,
    /// The text increment.
    pub delta: String,
}

/// `response.output_text.done` (S→C): the final text of a part (also sent on interruption
/// or cancellation).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ResponseOutputTextDone {
    /// Server-unique id of this event; always sent by the official service, absent from
    /// some test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The response producing the part; the official service always sends it; minimal events of Codex-compatible peers omit it. Absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_id: Option<String>,
    /// The output item holding the part; the official service always sends it; minimal events of Codex-compatible peers omit it. Absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// Index of the item in `response.output`; the official service always sends it; minimal events of Codex-compatible peers omit it. Absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_index: Option<u32>,
    /// Index of the part in the item's `content`; the official service always sends it; minimal events of Codex-compatible peers omit it. Absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_index: Option<u32>,
    /// The final text.
    pub text: String,
}

/// `response.output_audio_transcript.delta` (S→C): a transcript increment of the model's
/// audio.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ResponseOutputAudioTranscriptDelta {
    /// Server-unique id of this event; always sent by the official service, absent from
    /// some test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The response producing the part; the official service always sends it; minimal events of Codex-compatible peers omit it. Absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_id: Option<String>,
    /// The output item holding the part; the official service always sends it; minimal events of Codex-compatible peers omit it. Absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// Index of the item in `response.output`; the official service always sends it; minimal events of Codex-compatible peers omit it. Absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_index: Option<u32>,
    /// Index of the part in the item's `content`; the official service always sends it; minimal events of Codex-compatible peers omit it. Absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_index: Option<u32>,
    /// The transcript increment.
    pub delta: String,
}

/// `response.output_audio_transcript.done` (S→C): the final transcript of an audio part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ResponseOutputAudioTranscriptDone {
    /// Server-unique id of this event; always sent by the official service, absent from
    /// some test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The response producing the part; the official service always sends it; minimal events of Codex-compatible peers omit it. Absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_id: Option<String>,
    /// The output item holding the part; the official service always sends it; minimal events of Codex-compatible peers omit it. Absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// Index of the item in `response.output`; the official service always sends it; minimal events of Codex-compatible peers omit it. Absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_index: Option<u32>,
    /// Index of the part in the item's `content`; the official service always sends it; minimal events of Codex-compatible peers omit it. Absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_index: Option<u32>,
    /// The final transcript.
    pub transcript: String,
}

/// `response.output_audio.delta` (S→C; `response.audio.delta` is accepted as an alias): a
/// chunk of model audio, in the session's output format.
///
/// The official event carries no sample rate or channel count (the session fixes the
/// format); real peers add them. `num_channels` is accepted as an alias of
/// `channels` (`channels` wins when both are present); encoders emit `channels`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(transform = num_channels_alias_schema)
)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ResponseOutputAudioDelta {
    /// Server-unique id of this event; always sent by the official service, absent from
    /// some test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The response producing the part; the official service always sends it; minimal events of Codex-compatible peers omit it. Absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_id: Option<String>,
    /// The output item holding the part; the official service always sends it; minimal events of Codex-compatible peers omit it. Absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// Index of the item in `response.output`; the official service always sends it; minimal events of Codex-compatible peers omit it. Absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_index: Option<u32>,
    /// Index of the part in the item's `content`; the official service always sends it; minimal events of Codex-compatible peers omit it. Absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_index: Option<u32>,
    /// Base64 audio chunk.
    pub delta: String,
    /// Sample rate in Hz (an extension); absent: 24 000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sample_rate: Option<u32>,
    /// Channel count (an extension; alias `num_channels`); absent: 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channels: Option<u32>,
    /// Samples per channel in this chunk (an extension); absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub samples_per_channel: Option<u32>,
}

/// `response.output_audio.done` (S→C): the model finished an audio part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ResponseOutputAudioDone {
    /// Server-unique id of this event; always sent by the official service, absent from some
    /// test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The response producing the part.
    pub response_id: String,
    /// The output item holding the part.
    pub item_id: String,
    /// Index of the item in `response.output`.
    pub output_index: u32,
    /// Index of the part in the item's `content`.
    pub content_index: u32,
}

/// The wire form of [`ResponseOutputAudioDelta`] on input: `channels` and its alias
/// `num_channels` as two members, so that both may be present (`channels` wins), decoded in one
/// pass.
#[derive(Deserialize)]
#[serde(rename = "ResponseOutputAudioDelta")]
struct ResponseOutputAudioDeltaIn {
    #[serde(default)]
    event_id: Option<String>,
    #[serde(default)]
    response_id: Option<String>,
    #[serde(default)]
    item_id: Option<String>,
    #[serde(default)]
    output_index: Option<u32>,
    #[serde(default)]
    content_index: Option<u32>,
    delta: String,
    #[serde(default)]
    sample_rate: Option<u32>,
    #[serde(default)]
    channels: Option<u32>,
    #[serde(default)]
    num_channels: Option<u32>,
    #[serde(default)]
    samples_per_channel: Option<u32>,
}

impl<'de> Deserialize<'de> for ResponseOutputAudioDelta {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = ResponseOutputAudioDeltaIn::deserialize(deserializer)?;
        Ok(ResponseOutputAudioDelta {
            event_id: wire.event_id,
            response_id: wire.response_id,
            item_id: wire.item_id,
            output_index: wire.output_index,
            content_index: wire.content_index,
            delta: wire.delta,
            sample_rate: wire.sample_rate,
            channels: wire.channels.or(wire.num_channels),
            samples_per_channel: wire.samples_per_channel,
        })
    }
}

/// Lists the input alias `num_channels` in the schema of [`ResponseOutputAudioDelta`], with the
/// type of `channels`.
#[cfg(feature = "schema")]
fn num_channels_alias_schema(schema: &mut schemars::Schema) {
    let Some(serde_json::Value::Object(properties)) = schema.get_mut("properties") else {
        return;
    };
    if let Some(mut channels) = properties.get("channels").cloned() {
        channels["description"] =
            "Alias of `channels`, accepted on input; `channels` wins when both are present.".into();
        properties.insert("num_channels".into(), channels);
    }
}

/// `response.function_call_arguments.delta` (S→C): an increment of a function call's
/// arguments.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ResponseFunctionCallArgumentsDelta {
    /// Server-unique id of this event; absent from some test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The response.
    pub response_id: String,
    /// The `function_call` item.
    pub item_id: String,
    /// Index of the item in `response.output`.
    pub output_index: u32,
    /// The id to answer with a `function_call_output` item.
    pub call_id: String,
    /// An increment of the arguments' JSON text.
    pub delta: String,
}

/// `response.function_call_arguments.done` (S→C): a function call's complete arguments.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ResponseFunctionCallArgumentsDone {
    /// Server-unique id of this event; absent from some test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The response.
    pub response_id: String,
    /// The `function_call` item.
    pub item_id: String,
    /// Index of the item in `response.output`.
    pub output_index: u32,
    /// The id to answer with a `function_call_output` item.
    pub call_id: String,
    /// The function's name.
    pub name: String,
    /// The complete arguments, as JSON text.
    pub arguments: String,
}
