//! Account login (v2, `app-server.md` §6.1–§6.3).

use serde::{Deserialize, Serialize};

use crate::app_server::jsonrpc::{Notification, Request};
use crate::app_server::v1::AuthMode;
use crate::registry::Version;

/// `account/login/start` (request, C→S): log in with an API key or start the ChatGPT browser
/// sign-in. After the result the server sends `account/login/completed` and, on success,
/// `account/updated`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoginAccount;

impl Request for LoginAccount {
    const METHOD: &'static str = "account/login/start";
    const VERSION: Version = Version::V2;
    const EXPERIMENTAL: bool = false;
    type Params = LoginAccountParams;
    type Result = LoginAccountResponse;
}

/// The params of `account/login/start`: a closed union tagged on `type`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "type",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/", optional_fields = nullable))]
pub enum LoginAccountParams {
    /// `apiKey`: log in with an API key; completes immediately.
    ApiKey {
        /// The OpenAI API key.
        api_key: String,
    },
    /// `chatgpt`: start the browser sign-in flow.
    Chatgpt,
}

/// The result of `account/login/start`: a closed union tagged on `type`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "type",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/", optional_fields = nullable))]
pub enum LoginAccountResponse {
    /// `apiKey`: the key was stored.
    ApiKey,
    /// `chatgpt`: open `authUrl` in a browser; completion arrives as `account/login/completed`
    /// with this `loginId`.
    Chatgpt {
        /// The id of the sign-in flow.
        login_id: String,
        /// The URL to open in a browser.
        auth_url: String,
    },
}

/// `account/login/completed` (notification, S→C): a login flow finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccountLoginCompleted;

impl Notification for AccountLoginCompleted {
    const METHOD: &'static str = "account/login/completed";
    const VERSION: Version = Version::V2;
    const EXPERIMENTAL: bool = false;
    type Params = AccountLoginCompletedNotification;
}

/// The params of `account/login/completed`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/", optional_fields = nullable))]
pub struct AccountLoginCompletedNotification {
    /// The flow's id (`loginId` of the `chatgpt` result); absent for an API-key login.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub login_id: Option<String>,
    /// Whether the login succeeded.
    pub success: bool,
    /// Failure description when `success` is false; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// `account/updated` (notification, S→C): the account's authentication changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccountUpdated;

impl Notification for AccountUpdated {
    const METHOD: &'static str = "account/updated";
    const VERSION: Version = Version::V2;
    const EXPERIMENTAL: bool = false;
    type Params = AccountUpdatedNotification;
}

/// The params of `account/updated`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/", optional_fields = nullable))]
pub struct AccountUpdatedNotification {
    /// The current authentication mode; absent: logged out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_mode: Option<AuthMode>,
    /// The account plan (open enum; ChatGPT sign-in only); absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_type: Option<String>,
}
