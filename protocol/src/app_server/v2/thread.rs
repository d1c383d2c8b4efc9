//! Thread creation (v2): `thread/start` and `thread/started`.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

use crate::app_server::jsonrpc::{Notification, Request};
use crate::registry::Version;

/// `thread/start` (request, C→S): create a thread. After the result the server sends
/// `thread/started`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThreadStart;

impl Request for ThreadStart {
    const METHOD: &'static str = "thread/start";
    const VERSION: Version = Version::V2;
    const EXPERIMENTAL: bool = false;
    type Params = ThreadStartParams;
    type Result = ThreadStartResponse;
}

/// The params of `thread/start`: every member is optional; `{}` starts a thread with the
/// server's configuration.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/", optional_fields = nullable))]
pub struct ThreadStartParams {
    /// Model id override; absent: the configured model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Provider id override (e.g. `openai`); absent: the configured provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_provider: Option<String>,
    /// Working directory (absolute path); absent: the server's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cwd: Option<String>,
    /// Approval policy; absent: the configured one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval_policy: Option<AskForApproval>,
    /// Sandbox mode; absent: the configured one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sandbox: Option<SandboxMode>,
    /// Configuration overrides keyed by configuration key (dotted paths allowed); absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<BTreeMap<String, Value>>,
    /// Replaces the base instructions; absent: the default ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_instructions: Option<String>,
    /// Extra developer instructions; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub developer_instructions: Option<String>,
    /// Keep the thread in memory only (no file on disk; `thread.path` absent); absent: `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ephemeral: Option<bool>,
}

/// When the agent asks for approval before running a command: one of three strings, or the
/// granular form `{"granular": {…}}`.
///
/// Decoders also accept the legacy value `on-failure` (removed upstream in codex #28418,
/// 2026-06-23) and read it as `on-request`, as codex's own core does; encoders never emit it (a
/// current server refuses it with -32602).
// Declared once as it travels in `AskForApprovalIn` (see `input_view.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", from = "AskForApprovalIn")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum AskForApproval {
    /// `untrusted`: ask for every command that is not known to be safe.
    Untrusted,
    /// `on-request`: the model decides when to ask.
    OnRequest,
    /// `never`: never ask.
    Never,
    /// `{"granular": {…}}`: per-kind approval settings (experimental: needs
    /// `capabilities.experimentalApi`, or the server refuses it with -32600
    /// `askForApproval.granular requires experimentalApi capability`).
    Granular(GranularApprovalConfig),
}

/// When the agent asks for approval before running a command: one of three strings, or the
/// granular form `{"granular": {…}}`.
///
/// Decoders also accept the legacy value `on-failure` (removed upstream in codex #28418,
/// 2026-06-23) and read it as `on-request`, as codex's own core does; encoders never emit it (a
/// current server refuses it with -32602).
// The input view: what decoders accept, `on-failure` included.
#[derive(Deserialize)]
#[serde(rename = "AskForApproval", rename_all = "kebab-case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(rename = "AskForApproval", export_to = "app-server/v2/")
)]
enum AskForApprovalIn {
    /// `untrusted`: ask for every command that is not known to be safe.
    Untrusted,
    /// `on-request`: the model decides when to ask.
    OnRequest,
    /// `never`: never ask.
    Never,
    /// `{"granular": {…}}`: per-kind approval settings (experimental: needs
    /// `capabilities.experimentalApi`, or the server refuses it with -32600
    /// `askForApproval.granular requires experimentalApi capability`).
    Granular(GranularApprovalConfig),
    /// `on-failure`, legacy (removed upstream): accepted on input and read as `on-request`;
    /// never emitted.
    OnFailure,
}

crate::app_server::input_view::ts_as_input_view!(AskForApproval => AskForApprovalIn);

impl From<AskForApprovalIn> for AskForApproval {
    fn from(wire: AskForApprovalIn) -> Self {
        match wire {
            AskForApprovalIn::Untrusted => AskForApproval::Untrusted,
            AskForApprovalIn::OnRequest | AskForApprovalIn::OnFailure => AskForApproval::OnRequest,
            AskForApprovalIn::Never => AskForApproval::Never,
            AskForApprovalIn::Granular(config) => AskForApproval::Granular(config),
        }
    }
}

/// The granular approval settings, one flag per kind of approval prompt: `true` lets that kind
/// of prompt reach the user, `false` refuses such requests automatically without asking.
/// Members are snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/", optional_fields = nullable))]
pub struct GranularApprovalConfig {
    /// Shell command approval prompts (including requests for additional permissions or for
    /// running outside the sandbox).
    pub sandbox_approval: bool,
    /// Prompts triggered by `prompt` rules of the execution policy.
    pub rules: bool,
    /// Prompts triggered by running a skill's script; absent: `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skill_approval: Option<bool>,
    /// Prompts triggered by the `request_permissions` tool; absent: `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_permissions: Option<bool>,
    /// MCP elicitation prompts.
    pub mcp_elicitations: bool,
}

/// How commands are sandboxed: a closed enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/"))]
pub enum SandboxMode {
    /// `read-only`: commands may read but not write.
    ReadOnly,
    /// `workspace-write`: commands may write inside the workspace.
    WorkspaceWrite,
    /// `danger-full-access`: no sandbox.
    DangerFullAccess,
}

/// The result of `thread/start`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/", optional_fields = nullable))]
pub struct ThreadStartResponse {
    /// The thread just created.
    pub thread: Thread,
    /// The effective model.
    pub model: String,
    /// The effective provider.
    pub model_provider: String,
    /// The effective working directory.
    pub cwd: String,
    /// The effective approval policy; always sent by current servers; absent: not said (older
    /// servers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval_policy: Option<AskForApproval>,
    /// The effective sandbox policy (an object tagged on `type`), kept as raw JSON; always
    /// sent by current servers; absent: not said (older servers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sandbox: Option<Value>,
    /// The effective reasoning effort; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning_effort: Option<String>,
}

/// A thread: a conversation with its history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/", optional_fields = nullable))]
pub struct Thread {
    /// Thread id (UUID text); the `threadId` of every `thread/realtime/*` call.
    pub id: String,
    /// Usually the first user message; `""` for a new thread.
    pub preview: String,
    /// The model provider of the thread.
    pub model_provider: String,
    /// Creation time, Unix epoch seconds (an integer within -(2^53-1) … 2^53-1).
    #[serde(deserialize_with = "crate::integer::safe")]
    pub created_at: i64,
    /// Last update time, Unix epoch seconds (an integer within -(2^53-1) … 2^53-1).
    #[serde(deserialize_with = "crate::integer::safe")]
    pub updated_at: i64,
    /// Whether the thread lives in memory only.
    pub ephemeral: bool,
    /// On-disk location of the thread's history; absent when ephemeral.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The thread's working directory.
    pub cwd: String,
    /// Version of the server that created the thread.
    pub cli_version: String,
    /// User-facing title; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Turn objects, kept as raw JSON; `[]` unless a method explicitly requests turns (never
    /// for `thread/start`).
    pub turns: Vec<Value>,
}

/// `thread/started` (notification, S→C): a thread was created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThreadStarted;

impl Notification for ThreadStarted {
    const METHOD: &'static str = "thread/started";
    const VERSION: Version = Version::V2;
    const EXPERIMENTAL: bool = false;
    type Params = ThreadStartedNotification;
}

/// The params of `thread/started`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/", optional_fields = nullable))]
pub struct ThreadStartedNotification {
    /// The thread just created.
    pub thread: Thread,
}
