//! The experimental `thread/realtime/*` notifications (v2, `app-server.md` §6.7), all S→C.
//! They are transport events: not part of the thread's stored history.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::app_server::jsonrpc::Notification;
use crate::app_server::v2::realtime::ThreadRealtimeAudioChunk;
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/", optional_fields = nullable))]
pub struct ThreadRealtimeStartedNotification {
    /// The thread.
    pub thread_id: String,
    /// Upstream realtime session id; absent: not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    /// The upstream dialect in use; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<RealtimeConversationVersion>,
}

/// The upstream realtime dialect of a conversation: a closed enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/"))]
pub enum RealtimeConversationVersion {
    /// `v1`: the "quicksilver" dialect.
    V1,
    /// `v2`: the GA Realtime API.
    V2,
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
    /// The upstream item, kept as raw JSON (schema not fixed); includes handoff requests
    /// (`{"type":"handoff_request",…}`).
    pub item: Value,
}

/// Whose speech a transcript is of: an open enum; any other string is kept in
/// [`TranscriptRole::Other`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/"))]
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
    /// `thread/realtime/error` (notification, S→C, experimental): a transport or upstream error
    /// (e.g. the WebRTC call could not be created).
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
    /// Human-readable description.
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

/// Why a realtime conversation ended: an open enum; any other string is kept in
/// [`RealtimeCloseReason::Other`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/"))]
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
