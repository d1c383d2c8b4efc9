//! The audio buffers: `input_audio_buffer.*` (microphone audio and voice activity) and
//! `output_audio_buffer.*` (WebRTC/SIP playback).

use serde::{Deserialize, Serialize};

/// `input_audio_buffer.commit` (C→S): turns the buffered audio into a user message item
/// (without creating a response). An error if the buffer is empty. Answered by
/// `input_audio_buffer.committed`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct InputAudioBufferCommit {
    /// Client-chosen id of this event (at most 512 characters), echoed in `error.event_id` when
    /// the event fails. Absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
}

/// `input_audio_buffer.clear` (C→S): discards the buffered input audio. Answered by
/// `input_audio_buffer.cleared`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct InputAudioBufferClear {
    /// Client-chosen id of this event; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
}

/// `output_audio_buffer.clear` (C→S, WebRTC/SIP only): cuts off playback of the current
/// response; should follow `response.cancel`. Answered by `output_audio_buffer.cleared`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct OutputAudioBufferClear {
    /// Client-chosen id of this event; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
}

/// `input_audio_buffer.committed` (S→C): the input buffer became a user message item.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct InputAudioBufferCommitted {
    /// Server-unique id of this event; absent from some test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The user message item that will be created.
    pub item_id: String,
    /// Where it will be inserted (its predecessor); absent or `null`: first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_item_id: Option<String>,
}

/// `input_audio_buffer.cleared` (S→C): the input buffer was emptied, in answer to
/// `input_audio_buffer.clear`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct InputAudioBufferCleared {
    /// Server-unique id of this event; always sent by the official service, absent from some
    /// test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
}

/// `input_audio_buffer.speech_started` (S→C, VAD only): speech began; a client typically
/// stops local playback.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct InputAudioBufferSpeechStarted {
    /// Server-unique id of this event; absent from some test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// Offset of the speech start from the start of all audio written in the session, in
    /// milliseconds (includes `prefix_padding_ms`); the official service always sends it; minimal events of Codex-compatible peers omit it. Absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio_start_ms: Option<u64>,
    /// The user item that will be created when speech stops; the official service always sends it; minimal events of Codex-compatible peers omit it. Absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
}

/// `input_audio_buffer.speech_stopped` (S→C, VAD only): speech ended.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct InputAudioBufferSpeechStopped {
    /// Server-unique id of this event; absent from some test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// Offset where speech ended, in milliseconds (includes the silence window).
    pub audio_end_ms: u64,
    /// The user item being created.
    pub item_id: String,
}

/// `input_audio_buffer.timeout_triggered` (S→C): `server_vad.idle_timeout_ms` elapsed without
/// speech; the silent audio is committed and a response is generated.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct InputAudioBufferTimeoutTriggered {
    /// Server-unique id of this event; absent from some test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// Start of the silent span (after the last response finished playing), in milliseconds.
    pub audio_start_ms: u64,
    /// Offset when the timeout fired, in milliseconds.
    pub audio_end_ms: u64,
    /// The item created from the silent span.
    pub item_id: String,
}

/// `input_audio_buffer.dtmf_event_received` (S→C, SIP only): a telephone keypad key was
/// pressed.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct InputAudioBufferDtmfEventReceived {
    /// Id of this event: the official event has none; accepted if present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The key: `0`–`9`, `*`, `#` or `A`–`D`.
    pub event: String,
    /// When the server received it, Unix epoch seconds.
    pub received_at: u64,
}

/// `output_audio_buffer.started` (a response's audio started playing), `.stopped` (drained
/// after `response.done`) and `.cleared` (cut off by `output_audio_buffer.clear` or a VAD
/// interruption) (S→C, WebRTC/SIP only).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct OutputAudioBufferEvent {
    /// Server-unique id of this event; absent from some test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The response whose audio is playing / drained / cut off.
    pub response_id: String,
}
