//! `rate_limits.updated` (S→C).

use serde::{Deserialize, Serialize};

/// `rate_limits.updated` (S→C): sent at the start of each response (output tokens are
/// reserved, then adjusted).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct RateLimitsUpdated {
    /// Server-unique id of this event; absent from some test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The current limits.
    pub rate_limits: Vec<RateLimit>,
}

/// One rate limit. Every member is optional (absent: not said).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct RateLimit {
    /// What is limited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<RateLimitName>,
    /// The maximum allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
    /// What is left before the limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remaining: Option<u64>,
    /// Seconds until the limit resets (may be fractional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reset_seconds: Option<f64>,
}

/// What a [`RateLimit`] limits (a closed enum).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum RateLimitName {
    /// `requests`.
    Requests,
    /// `tokens`.
    Tokens,
}
