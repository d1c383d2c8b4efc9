//! Account login (v2): `account/login/start`, `account/login/completed`, `account/updated`.

use serde::{Deserialize, Serialize};

use crate::app_server::jsonrpc::{Notification, Request};
use crate::app_server::v1::AuthMode;
use crate::registry::Version;

/// `account/login/start` (request, C→S): log in with an API key, start a ChatGPT sign-in
/// flow (browser or device code), or hand over ChatGPT tokens or an Amazon Bedrock key. After the result the server sends `account/login/completed` and, on success,
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
    rename_all_fields = "camelCase",
    remote = "Self"
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
    Chatgpt {
        /// Use the streamlined sign-in page; absent: `false` (and `false` is omitted).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        codex_streamlined_login: Option<bool>,
        /// Show the hosted login-success page; absent: `false` (and `false` is omitted).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        use_hosted_login_success_page: Option<bool>,
        /// The brand of the sign-in pages; absent: the server's choice.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        app_brand: Option<AppBrand>,
    },
    /// `chatgptDeviceCode`: start the device-code sign-in flow.
    ChatgptDeviceCode,
    /// `chatgptAuthTokens` (experimental: needs `capabilities.experimentalApi`, or the server
    /// refuses it with -32600 `account/login/start.chatgptAuthTokens requires experimentalApi
    /// capability`): ChatGPT tokens supplied by a host app.
    ChatgptAuthTokens {
        /// The ChatGPT access token.
        access_token: String,
        /// The ChatGPT account id.
        chatgpt_account_id: String,
        /// The account's plan type (see `account/updated` `planType`); absent: not said.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        chatgpt_plan_type: Option<String>,
    },
    /// `amazonBedrock` (experimental: needs `capabilities.experimentalApi`, or the server
    /// refuses it with -32600 `account/login/start.amazonBedrock requires experimentalApi
    /// capability`): log in to Amazon Bedrock with an API key.
    AmazonBedrock {
        /// The Amazon Bedrock API key.
        api_key: String,
        /// The AWS region (e.g. `us-east-1`).
        region: String,
    },
}

crate::buffered::impl_strict_tagged!(LoginAccountParams);

/// The brand of the ChatGPT sign-in pages: a closed enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/"))]
pub enum AppBrand {
    /// `codex`.
    Codex,
    /// `chatgpt`.
    Chatgpt,
}

/// The result of `account/login/start`: a closed union tagged on `type`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "type",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    remote = "Self"
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
    /// `chatgptDeviceCode`: open `verificationUrl` and enter `userCode`; completion arrives as
    /// `account/login/completed` with this `loginId`.
    ChatgptDeviceCode {
        /// The id of the sign-in flow.
        login_id: String,
        /// The URL where the user enters the code.
        verification_url: String,
        /// The code the user enters.
        user_code: String,
    },
    /// `chatgptAuthTokens`: the tokens were stored.
    ChatgptAuthTokens,
    /// `amazonBedrock`: the Bedrock key was stored.
    AmazonBedrock,
}

crate::buffered::impl_strict_tagged!(LoginAccountResponse);

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
    /// A desktop onboarding hint; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub onboarding_entrypoint: Option<OnboardingEntrypoint>,
}

/// A desktop onboarding hint sent with a completed login: a closed enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/"))]
pub enum OnboardingEntrypoint {
    /// `life_sciences`.
    LifeSciences,
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
    /// The account plan (ChatGPT sign-in only); values this version does not know are passed
    /// through. Absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_type: Option<PlanType>,
}

/// The plan of a ChatGPT account: an open enum. Known values are variants; any other string is
/// kept as it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/"))]
#[non_exhaustive]
pub enum PlanType {
    /// `free`.
    #[serde(rename = "free")]
    Free,
    /// `go`.
    #[serde(rename = "go")]
    Go,
    /// `plus`.
    #[serde(rename = "plus")]
    Plus,
    /// `pro`.
    #[serde(rename = "pro")]
    Pro,
    /// `prolite`.
    #[serde(rename = "prolite")]
    Prolite,
    /// `team`.
    #[serde(rename = "team")]
    Team,
    /// `self_serve_business_prolite`.
    #[serde(rename = "self_serve_business_prolite")]
    SelfServeBusinessProlite,
    /// `self_serve_business_usage_based`.
    #[serde(rename = "self_serve_business_usage_based")]
    SelfServeBusinessUsageBased,
    /// `business`.
    #[serde(rename = "business")]
    Business,
    /// `ent26`.
    #[serde(rename = "ent26")]
    Ent26,
    /// `enterprise_cbp_automation`.
    #[serde(rename = "enterprise_cbp_automation")]
    EnterpriseCbpAutomation,
    /// `enterprise_cbp_usage_based`.
    #[serde(rename = "enterprise_cbp_usage_based")]
    EnterpriseCbpUsageBased,
    /// `enterprise`.
    #[serde(rename = "enterprise")]
    Enterprise,
    /// `edu`.
    #[serde(rename = "edu")]
    Edu,
    /// `edu_plus`.
    #[serde(rename = "edu_plus")]
    EduPlus,
    /// `edu_pro`.
    #[serde(rename = "edu_pro")]
    EduPro,
    /// `unknown`: the server could not tell.
    #[serde(rename = "unknown")]
    Unknown,
    /// Any other value, passed through.
    #[serde(untagged)]
    Other(String),
}
