//! `delegation.created` (S→C): the model delegates a request. It is a handoff request for this
//! client only when its item is a `delegation` whose `target` is `client` and whose `content` is
//! an array; [`DelegationCreated::handoff`] tells which.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `delegation.created` (S→C): the model delegates a request. Every such event decodes; only a
/// client delegation (`item.type` `delegation`, `item.target` `client`) is a handoff request,
/// any other is ignored by the Codex client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/", optional_fields = nullable))]
pub struct DelegationCreated {
    /// The delegated item.
    pub item: DelegationItem,
    /// When the delegation happened in the session; observed as an integer in milliseconds.
    /// The Codex client does not read it, so any JSON value is kept verbatim. Absent or `null`:
    /// not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset_ms: Option<Value>,
}

/// The item of a `delegation.created`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/", optional_fields = nullable))]
pub struct DelegationItem {
    /// The delegation id; echoed as `delegation_item_id` in `delegation.context.append`.
    pub id: String,
    /// The item kind: `delegation`. Absent, `null` or any other value: not a delegation for
    /// this client.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<DelegationItemType>,
    /// Who must carry out the request: `client` means this client. Absent, `null` or any other
    /// value: not for this client.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<DelegationTarget>,
    /// The request, as content parts: the texts of the `input_text` parts, concatenated without
    /// separator, are the request. Any JSON value is kept; absent, `null` or not an array: not a
    /// handoff request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<Value>,
    /// Every other member, kept verbatim.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// The kind of a delegated item: an open enum (any other string is accepted and kept as it is).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/"))]
#[non_exhaustive]
pub enum DelegationItemType {
    /// `delegation`: a delegated request.
    #[serde(rename = "delegation")]
    Delegation,
    /// Any other kind, passed through; not a delegation for this client.
    #[serde(untagged)]
    Other(String),
}

/// Who must carry out a delegated request: an open enum (any other string is accepted and kept as it is).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/"))]
#[non_exhaustive]
pub enum DelegationTarget {
    /// `client`: this client must carry out the request.
    #[serde(rename = "client")]
    Client,
    /// Any other target, passed through; not for this client.
    #[serde(untagged)]
    Other(String),
}

/// A handoff request: what a client delegation asks this client to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handoff {
    /// The delegation id (`item.id`); the id to answer with `delegation.context.append`.
    pub handoff_id: String,
    /// The item that carries the request: the same `item.id`.
    pub item_id: String,
    /// The request: the `text` of every `input_text` part of `item.content`, concatenated in
    /// order without separator (empty when no part carries text).
    pub input_transcript: String,
}

/// Why a `delegation.created` is not a handoff request for this client (the Codex client
/// ignores such events).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotHandoff {
    /// `item.type` is absent or not `delegation` (the value, when there is one).
    NotADelegation(Option<String>),
    /// `item.target` is absent or not `client` (the value, when there is one).
    NotForClient(Option<String>),
    /// `item.content` is absent or not an array.
    NoContent,
}

impl std::fmt::Display for NotHandoff {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotHandoff::NotADelegation(None) => write!(f, "`item.type` is absent"),
            NotHandoff::NotADelegation(Some(kind)) => {
                write!(f, "`item.type` is `{kind}`, not `delegation`")
            }
            NotHandoff::NotForClient(None) => write!(f, "`item.target` is absent"),
            NotHandoff::NotForClient(Some(target)) => {
                write!(f, "`item.target` is `{target}`, not `client`")
            }
            NotHandoff::NoContent => write!(f, "`item.content` is absent or not an array"),
        }
    }
}

impl DelegationCreated {
    /// The handoff request this event makes, or why it makes none: it is one when `item.type`
    /// is `delegation`, `item.target` is `client` and `item.content` is an array (checked in
    /// that order). The request text is the concatenated `text` of the array's parts whose
    /// `type` is `input_text`; other parts and non-string texts are skipped.
    pub fn handoff(&self) -> Result<Handoff, NotHandoff> {
        let item = &self.item;
        match &item.r#type {
            Some(DelegationItemType::Delegation) => {}
            Some(DelegationItemType::Other(kind)) => {
                return Err(NotHandoff::NotADelegation(Some(kind.clone())));
            }
            None => return Err(NotHandoff::NotADelegation(None)),
        }
        match &item.target {
            Some(DelegationTarget::Client) => {}
            Some(DelegationTarget::Other(target)) => {
                return Err(NotHandoff::NotForClient(Some(target.clone())));
            }
            None => return Err(NotHandoff::NotForClient(None)),
        }
        let Some(Value::Array(parts)) = &item.content else {
            return Err(NotHandoff::NoContent);
        };
        let input_transcript = parts
            .iter()
            .filter(|part| part.get("type").and_then(Value::as_str) == Some("input_text"))
            .filter_map(|part| part.get("text").and_then(Value::as_str))
            .collect();
        Ok(Handoff {
            handoff_id: item.id.clone(),
            item_id: item.id.clone(),
            input_transcript,
        })
    }

    /// A client delegation `id` asking for `request`, as a server sends it: item type
    /// `delegation`, target `client`, one `input_text` part.
    pub fn client(id: impl Into<String>, request: &str) -> Self {
        DelegationCreated {
            item: DelegationItem {
                id: id.into(),
                r#type: Some(DelegationItemType::Delegation),
                target: Some(DelegationTarget::Client),
                content: Some(serde_json::json!([{ "type": "input_text", "text": request }])),
                other: Map::new(),
            },
            offset_ms: None,
        }
    }
}
