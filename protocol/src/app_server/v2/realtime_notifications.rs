//! The experimental `thread/realtime/*` notifications (v2), all S→C.
//! They are transport events: not part of the thread's stored history.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::app_server::jsonrpc::Notification;
use crate::app_server::v2::realtime::ThreadRealtimeAudioChunk;
use crate::app_server::v2::realtime_start::RealtimeConversationVersion;
use crate::registry::Version;

macro_rules! realtime_notification {
    ($(#[$doc:meta])* $name:ident = $method:literal, $params:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct $name;

        impl Notification for $name {
            const METHOD: &'static str = $method;
            const VERSION: Version = Version::V2;
            const EXPERIMENTAL: bool = true;
            type Params = $params;
        }
    };
}

realtime_notification!(
    /// `thread/realtime/started` (notification, S→C, experimental): the realtime start was
    /// accepted and the upstream connection is up.
    ThreadRealtimeStarted = "thread/realtime/started",
    ThreadRealtimeStartedNotification
);

/// The params of `thread/realtime/started`.
///
/// Decoders accept `sessionId` as an alias of `realtimeSessionId` (the canonical name wins when
/// both are present); encoders emit only `realtimeSessionId`.
// Declared once as it travels in `ThreadRealtimeStartedNotificationIn` (see `input_view.rs`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", from = "ThreadRealtimeStartedNotificationIn")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ThreadRealtimeStartedNotification {
    /// The thread.
    pub thread_id: String,
    /// The realtime session id the server requested upstream: the caller's
    /// `realtimeSessionId`, else the thread id (with transport `existingCall`, only the caller's
    /// value). It is not the id the upstream service assigns. Absent or `null`: none. Older
    /// servers send it as `sessionId`, which decoders accept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub realtime_session_id: Option<String>,
    /// The upstream dialect in use; always sent by current servers; absent: not said (older
    /// servers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<RealtimeConversationVersion>,
}

/// The params of `thread/realtime/started`.
///
/// Decoders accept `sessionId` as an alias of `realtimeSessionId` (the canonical name wins when
/// both are present); encoders emit only `realtimeSessionId`.
// The input view: what decoders accept, `sessionId` included.
#[derive(Deserialize)]
#[serde(rename = "ThreadRealtimeStartedNotification", rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(rename = "ThreadRealtimeStartedNotification", export_to = "app-server/v2/", optional_fields = nullable)
)]
struct ThreadRealtimeStartedNotificationIn {
    /// The thread.
    thread_id: String,
    /// The realtime session id the server requested upstream: the caller's
    /// `realtimeSessionId`, else the thread id (with transport `existingCall`, only the caller's
    /// value). It is not the id the upstream service assigns. Absent or `null`: none. Older
    /// servers send it as `sessionId`, which decoders accept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    realtime_session_id: Option<String>,
    /// Alias of `realtimeSessionId` (its name before codex renamed it), accepted on input and
    /// never emitted; `realtimeSessionId` wins when both are present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    session_id: Option<String>,
    /// The upstream dialect in use; always sent by current servers; absent: not said (older
    /// servers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    version: Option<RealtimeConversationVersion>,
}

crate::app_server::input_view::ts_as_input_view!(ThreadRealtimeStartedNotification => ThreadRealtimeStartedNotificationIn);

impl From<ThreadRealtimeStartedNotificationIn> for ThreadRealtimeStartedNotification {
    fn from(wire: ThreadRealtimeStartedNotificationIn) -> Self {
        ThreadRealtimeStartedNotification {
            thread_id: wire.thread_id,
            // The canonical member wins when both names are present.
            realtime_session_id: wire.realtime_session_id.or(wire.session_id),
            version: wire.version,
        }
    }
}

realtime_notification!(
    /// `thread/realtime/itemAdded` (notification, S→C, experimental): a raw, non-audio upstream
    /// item was added to the conversation.
    ThreadRealtimeItemAdded = "thread/realtime/itemAdded",
    ThreadRealtimeItemAddedNotification
);

/// The params of `thread/realtime/itemAdded`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/", optional_fields = nullable))]
pub struct ThreadRealtimeItemAddedNotification {
    /// The thread.
    pub thread_id: String,
    /// The upstream item, kept as raw JSON (schema not fixed), or a synthetic item with
    /// snake_case members: a handoff request (`{"type":"handoff_request","handoff_id",
    /// "item_id","input_transcript","active_transcript"}`), `{"type":
    /// "input_audio_buffer.speech_started","item_id"}` or `{"type":"response.cancelled",
    /// "response_id"}` (the ids are strings or `null`).
    pub item: Value,
}

/// Whose speech a transcript is of: an open enum; any other string is accepted
/// and kept as it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/"))]
#[non_exhaustive]
pub enum TranscriptRole {
    /// `user`: speech heard.
    #[serde(rename = "user")]
    User,
    /// `assistant`: speech produced.
    #[serde(rename = "assistant")]
    Assistant,
    /// Any other value, passed through.
    #[serde(untagged)]
    Other(String),
}

realtime_notification!(
    /// `thread/realtime/transcript/delta` (notification, S→C, experimental): a transcript text
    /// increment.
    ThreadRealtimeTranscriptDelta = "thread/realtime/transcript/delta",
    ThreadRealtimeTranscriptDeltaNotification
);

/// The params of `thread/realtime/transcript/delta`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/", optional_fields = nullable))]
pub struct ThreadRealtimeTranscriptDeltaNotification {
    /// The thread.
    pub thread_id: String,
    /// Whose speech it transcribes.
    pub role: TranscriptRole,
    /// The transcript text increment.
    pub delta: String,
}

realtime_notification!(
    /// `thread/realtime/transcript/done` (notification, S→C, experimental): a transcript part
    /// is final.
    ThreadRealtimeTranscriptDone = "thread/realtime/transcript/done",
    ThreadRealtimeTranscriptDoneNotification
);

/// The params of `thread/realtime/transcript/done`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/", optional_fields = nullable))]
pub struct ThreadRealtimeTranscriptDoneNotification {
    /// The thread.
    pub thread_id: String,
    /// Whose speech it transcribes.
    pub role: TranscriptRole,
    /// The final text of that transcript part.
    pub text: String,
}

realtime_notification!(
    /// `thread/realtime/outputAudio/delta` (notification, S→C, experimental): model audio to
    /// play.
    ThreadRealtimeOutputAudioDelta = "thread/realtime/outputAudio/delta",
    ThreadRealtimeOutputAudioDeltaNotification
);

/// The params of `thread/realtime/outputAudio/delta`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/", optional_fields = nullable))]
pub struct ThreadRealtimeOutputAudioDeltaNotification {
    /// The thread.
    pub thread_id: String,
    /// The model audio to play.
    pub audio: ThreadRealtimeAudioChunk,
}

realtime_notification!(
    /// `thread/realtime/sdp` (notification, S→C, experimental): the remote SDP answer (WebRTC
    /// transport only, after `started`).
    ThreadRealtimeSdp = "thread/realtime/sdp",
    ThreadRealtimeSdpNotification
);

/// The params of `thread/realtime/sdp`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/", optional_fields = nullable))]
pub struct ThreadRealtimeSdpNotification {
    /// The thread.
    pub thread_id: String,
    /// The remote SDP answer; apply it as `{type: "answer", sdp}`.
    pub sdp: String,
}

realtime_notification!(
    /// `thread/realtime/error` (notification, S→C, experimental): a start failure found after
    /// the `{}` result of `thread/realtime/start` (reported alone: neither
    /// `thread/realtime/started` nor `thread/realtime/closed` follows), or a transport or
    /// upstream error during the conversation (followed by `thread/realtime/closed` with
    /// reason `error`).
    ThreadRealtimeError = "thread/realtime/error",
    ThreadRealtimeErrorNotification
);

/// The params of `thread/realtime/error`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/", optional_fields = nullable))]
pub struct ThreadRealtimeErrorNotification {
    /// The thread.
    pub thread_id: String,
    /// Human-readable description. The start failures have exact texts, e.g. `AVAS realtime
    /// calls require realtime v1 or v3`, `initial realtime items require realtime v3`, `text
    /// realtime output modality requires realtime v2`, or ``realtime voice `marin` is not
    /// supported for v3; supported voices: …``.
    pub message: String,
}

realtime_notification!(
    /// `thread/realtime/closed` (notification, S→C, experimental): the realtime conversation
    /// ended; always the last realtime notification for it.
    ThreadRealtimeClosed = "thread/realtime/closed",
    ThreadRealtimeClosedNotification
);

/// The params of `thread/realtime/closed`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/", optional_fields = nullable))]
pub struct ThreadRealtimeClosedNotification {
    /// The thread whose realtime conversation ended.
    pub thread_id: String,
    /// Why it ended; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<RealtimeCloseReason>,
}

/// Why a realtime conversation ended: an open enum; any other string is
/// accepted and kept as it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/"))]
#[non_exhaustive]
pub enum RealtimeCloseReason {
    /// `requested`: after `thread/realtime/stop`.
    #[serde(rename = "requested")]
    Requested,
    /// `transport_closed`: the upstream connection ended on its own.
    #[serde(rename = "transport_closed")]
    TransportClosed,
    /// `error`: after `thread/realtime/error`.
    #[serde(rename = "error")]
    Error,
    /// Any other value, passed through.
    #[serde(untagged)]
    Other(String),
}
