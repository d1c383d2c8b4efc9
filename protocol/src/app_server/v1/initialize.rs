//! The handshake: `initialize` and `initialized`.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

use crate::app_server::jsonrpc::{NoParams, Notification, Request};
use crate::registry::Version;

/// `initialize` (request, C→S): must be the first request on a connection, sent once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Initialize;

impl Request for Initialize {
    const METHOD: &'static str = "initialize";
    const VERSION: Version = Version::V1;
    const EXPERIMENTAL: bool = false;
    type Params = InitializeParams;
    type Result = InitializeResponse;
}

/// The params of `initialize`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v1/", optional_fields = nullable))]
pub struct InitializeParams {
    /// Who the client is.
    pub client_info: ClientInfo,
    /// What the client opts in to; absent: all capabilities off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capabilities: Option<InitializeCapabilities>,
}

/// The client's identity, sent with `initialize`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v1/", optional_fields = nullable))]
pub struct ClientInfo {
    /// Client identifier (e.g. `codex_vscode`); must be a valid HTTP header value; becomes the
    /// prefix of `userAgent`.
    pub name: String,
    /// Human-readable client name; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Client version.
    pub version: String,
}

/// The capabilities a client opts in to with `initialize`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v1/", optional_fields = nullable))]
pub struct InitializeCapabilities {
    /// Opt in to experimental methods, notifications and fields (all of `thread/realtime/*`);
    /// absent: `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experimental_api: Option<bool>,
    /// Exact notification method names the server must not send on this connection (e.g.
    /// `thread/realtime/outputAudio/delta`); unknown names are ignored; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opt_out_notification_methods: Option<Vec<String>>,
    /// Opt in to server→client `attestation/generate` requests (outside this subset); absent:
    /// `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_attestation: Option<bool>,
    /// Legacy opt-in for an MCP extension (outside this subset); absent: `false`, and clients
    /// omit it when `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mcp_server_openai_form_elicitation: Option<bool>,
    /// MCP extension settings keyed by extension name, any JSON (outside this subset); absent:
    /// none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extensions: Option<BTreeMap<String, Value>>,
}

/// The result of `initialize`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v1/", optional_fields = nullable))]
pub struct InitializeResponse {
    /// The user agent used for upstream requests; starts with `"<clientInfo.name>/"`.
    pub user_agent: String,
    /// Absolute path of the server's Codex home directory; always sent by current servers;
    /// absent: not said (older servers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub codex_home: Option<String>,
    /// The server's platform family; always sent by current servers; absent: not said (older
    /// servers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform_family: Option<PlatformFamily>,
    /// The server's operating system; always sent by current servers; absent: not said (older
    /// servers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform_os: Option<PlatformOs>,
}

/// The server's platform family: an open enum; any other string is kept as it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v1/"))]
#[non_exhaustive]
pub enum PlatformFamily {
    /// `unix`.
    #[serde(rename = "unix")]
    Unix,
    /// `windows`.
    #[serde(rename = "windows")]
    Windows,
    /// Any other value, passed through.
    #[serde(untagged)]
    Other(String),
}

/// The server's operating system: an open enum; any other string is kept as it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v1/"))]
#[non_exhaustive]
pub enum PlatformOs {
    /// `macos`.
    #[serde(rename = "macos")]
    Macos,
    /// `linux`.
    #[serde(rename = "linux")]
    Linux,
    /// `windows`.
    #[serde(rename = "windows")]
    Windows,
    /// Any other value, passed through.
    #[serde(untagged)]
    Other(String),
}

/// `initialized` (notification, C→S): sent once, after the `initialize` result arrives. Its
/// wire form is exactly `{"method":"initialized"}`; an incoming `params` is ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Initialized;

impl Notification for Initialized {
    const METHOD: &'static str = "initialized";
    const VERSION: Version = Version::V1;
    const EXPERIMENTAL: bool = false;
    type Params = NoParams;
}
