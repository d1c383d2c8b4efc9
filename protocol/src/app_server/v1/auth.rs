//! API-key login and authentication status (v1): `loginApiKey` and `authStatusChange`
//! (both legacy), `getAuthStatus`.

use serde::{Deserialize, Serialize};

use crate::app_server::jsonrpc::{Notification, Request};
use crate::registry::Version;

/// `loginApiKey` (request, C→S), legacy: store an OpenAI API key for upstream requests. On
/// success a server that still implements it then sends `authStatusChange` with
/// `authMethod: "apikey"`.
///
/// Legacy: removed upstream in codex #13375 (2026-03-03). Decoders still accept it; a current
/// codex server answers it with -32601, so clients use `account/login/start` with
/// `type: "apiKey"` instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoginApiKey;

impl Request for LoginApiKey {
    const METHOD: &'static str = "loginApiKey";
    const VERSION: Version = Version::V1;
    const EXPERIMENTAL: bool = false;
    const LEGACY: bool = true;
    type Params = LoginApiKeyParams;
    type Result = LoginApiKeyResponse;
}

/// The params of `loginApiKey`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v1/", optional_fields = nullable))]
pub struct LoginApiKeyParams {
    /// The OpenAI API key; stored by the server and used for upstream requests.
    pub api_key: String,
}

/// The result of `loginApiKey`: the empty object `{}`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v1/"))]
pub struct LoginApiKeyResponse {}

/// `getAuthStatus` (request, C→S): how the server is authenticated. Deprecated upstream in
/// favour of `account/read`, but still served.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GetAuthStatus;

impl Request for GetAuthStatus {
    const METHOD: &'static str = "getAuthStatus";
    const VERSION: Version = Version::V1;
    const EXPERIMENTAL: bool = false;
    type Params = GetAuthStatusParams;
    type Result = GetAuthStatusResponse;
}

/// The params of `getAuthStatus`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v1/", optional_fields = nullable))]
pub struct GetAuthStatusParams {
    /// Include the current credential in `authToken`; absent: `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_token: Option<bool>,
    /// Refresh the credential before answering; absent: `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<bool>,
}

/// The result of `getAuthStatus`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v1/", optional_fields = nullable))]
pub struct GetAuthStatusResponse {
    /// How the server is authenticated; absent: not authenticated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_method: Option<AuthMode>,
    /// The current credential; present only when `includeToken` was true and a credential
    /// exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_token: Option<String>,
    /// Whether the configured model provider needs OpenAI credentials; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requires_openai_auth: Option<bool>,
}

/// `authStatusChange` (notification, S→C), legacy: the authentication method changed.
///
/// Legacy: removed upstream in codex #13375 (2026-03-03). Decoders still accept it; a current
/// codex server never sends it (it sends `account/updated`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuthStatusChange;

impl Notification for AuthStatusChange {
    const METHOD: &'static str = "authStatusChange";
    const VERSION: Version = Version::V1;
    const EXPERIMENTAL: bool = false;
    const LEGACY: bool = true;
    type Params = AuthStatusChangeNotification;
}

/// The params of `authStatusChange`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v1/", optional_fields = nullable))]
pub struct AuthStatusChangeNotification {
    /// The new authentication method; absent: logged out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_method: Option<AuthMode>,
}

/// How the server is authenticated: an open enum. Known values are variants; any other string
/// is kept as it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v1/"))]
#[non_exhaustive]
pub enum AuthMode {
    /// `apikey`: an OpenAI API key.
    #[serde(rename = "apikey")]
    ApiKey,
    /// `chatgpt`: ChatGPT sign-in.
    #[serde(rename = "chatgpt")]
    Chatgpt,
    /// `chatgptAuthTokens`: ChatGPT tokens supplied by the client.
    #[serde(rename = "chatgptAuthTokens")]
    ChatgptAuthTokens,
    /// `headers`: credentials supplied as request headers.
    #[serde(rename = "headers")]
    Headers,
    /// `agentIdentity`: an agent identity.
    #[serde(rename = "agentIdentity")]
    AgentIdentity,
    /// `personalAccessToken`: a personal access token.
    #[serde(rename = "personalAccessToken")]
    PersonalAccessToken,
    /// `bedrockApiKey`: an Amazon Bedrock API key.
    #[serde(rename = "bedrockApiKey")]
    BedrockApiKey,
    /// Any other value, passed through.
    #[serde(untagged)]
    Other(String),
}
