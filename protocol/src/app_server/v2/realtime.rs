//! The experimental `thread/realtime/*` methods and notifications (v2).

use serde::{Deserialize, Serialize};

use crate::app_server::jsonrpc::{Notification, Request};
use crate::registry::Version;

/// `thread/realtime/stop` (request, C→S, experimental): end the thread's realtime conversation.
/// Followed by `thread/realtime/closed` with `reason: "requested"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThreadRealtimeStop;

impl Request for ThreadRealtimeStop {
    const METHOD: &'static str = "thread/realtime/stop";
    const VERSION: Version = Version::V2;
    const EXPERIMENTAL: bool = true;
    type Params = ThreadRealtimeStopParams;
    type Result = ThreadRealtimeStopResponse;
}

/// The params of `thread/realtime/stop`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/", optional_fields = nullable))]
pub struct ThreadRealtimeStopParams {
    /// The thread (`Thread.id`) whose realtime conversation to stop.
    pub thread_id: String,
}

/// The result of `thread/realtime/stop`: the empty object `{}`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/"))]
pub struct ThreadRealtimeStopResponse {}

/// `thread/realtime/closed` (notification, S→C, experimental): the realtime conversation ended;
/// always the last realtime notification for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThreadRealtimeClosed;

impl Notification for ThreadRealtimeClosed {
    const METHOD: &'static str = "thread/realtime/closed";
    const VERSION: Version = Version::V2;
    const EXPERIMENTAL: bool = true;
    type Params = ThreadRealtimeClosedNotification;
}

/// The params of `thread/realtime/closed`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/", optional_fields = nullable))]
pub struct ThreadRealtimeClosedNotification {
    /// The thread whose realtime conversation ended.
    pub thread_id: String,
    /// Why it ended (open enum): `requested` (after `stop`), `transport_closed` (the upstream
    /// connection ended), `error` (after `thread/realtime/error`); absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}
