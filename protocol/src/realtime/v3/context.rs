//! Text the client adds (C→S): `session.context.append`, `delegation.context.append` (the
//! answer to a delegation), the 500-byte chunking rule both follow, the channel selection for
//! automatic Codex output, and `session.close`.

use serde::{Deserialize, Serialize};

/// The most UTF-8 bytes one context-append event carries in its `content[0].text`.
pub const MAX_CONTEXT_TEXT_BYTES: usize = 500;

/// Splits `text` into the texts of consecutive context-append events.
///
/// The rule: each piece is at most [`MAX_CONTEXT_TEXT_BYTES`] (500) bytes of UTF-8, pieces end
/// only at character boundaries (a character is never split, so a piece may be shorter than
/// 500 bytes), every piece but the last is as long as that allows, and the receiver
/// concatenates the pieces in order to get `text` back. A text of at most 500 bytes (the empty
/// text included) is one piece. Every event of one text carries the same `channel`.
pub fn chunk_context_text(text: &str) -> Vec<&str> {
    let mut pieces = vec![];
    let mut rest = text;
    while rest.len() > MAX_CONTEXT_TEXT_BYTES {
        let mut end = MAX_CONTEXT_TEXT_BYTES;
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        let (piece, tail) = rest.split_at(end);
        pieces.push(piece);
        rest = tail;
    }
    pieces.push(rest);
    pieces
}

/// How the model treats appended text (closed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/"))]
pub enum Channel {
    /// `speakable`: text the model should say.
    Speakable,
    /// `commentary`: context the model may use but should not read out.
    Commentary,
}

/// The one content part of a context-append event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/", optional_fields = nullable))]
pub struct ContextContent {
    /// Always `"input_text"`, whoever the text is from.
    pub r#type: ContextContentType,
    /// The text: at most 500 bytes of UTF-8 as the Codex client sends it (a longer text is
    /// split over several events, in order).
    pub text: String,
}

impl ContextContent {
    /// An `input_text` part holding `text`.
    pub fn input_text(text: impl Into<String>) -> Self {
        ContextContent {
            r#type: ContextContentType::InputText,
            text: text.into(),
        }
    }
}

/// The kind of a context-append content part (closed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/"))]
pub enum ContextContentType {
    /// `input_text`: plain text.
    #[default]
    #[serde(rename = "input_text")]
    InputText,
}

/// `session.context.append` (C→S): adds text to the session context: user text (the role is
/// not transmitted), spoken updates, or standalone results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/", optional_fields = nullable))]
pub struct SessionContextAppend {
    /// How the model treats the text. Absent or `null`: a channel-less ("thinking") append.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    /// The text, as exactly one `input_text` part.
    pub content: [ContextContent; 1],
}

impl SessionContextAppend {
    /// One event carrying `text` as is (the caller keeps it within 500 bytes; see
    /// [`SessionContextAppend::chunked`]).
    pub fn new(channel: Option<Channel>, text: impl Into<String>) -> Self {
        SessionContextAppend {
            channel,
            content: [ContextContent::input_text(text)],
        }
    }

    /// The events that add `text` on `channel`, as the Codex client sends them: one per piece
    /// of [`chunk_context_text`], in order, each with the same channel. Text added for any role
    /// uses no channel; a text to be spoken uses [`Channel::Speakable`].
    pub fn chunked(channel: Option<Channel>, text: &str) -> Vec<Self> {
        chunk_context_text(text)
            .into_iter()
            .map(|piece| Self::new(channel, piece))
            .collect()
    }

    /// The text this event carries.
    pub fn text(&self) -> &str {
        &self.content[0].text
    }
}

/// `delegation.context.append` (C→S): returns (part of) the result of a delegation. The text is
/// never prefixed; a result may be streamed over several events for the same delegation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/", optional_fields = nullable))]
pub struct DelegationContextAppend {
    /// The `item.id` of the `delegation.created` being answered.
    pub delegation_item_id: String,
    /// How the model treats the text. Absent or `null`: a channel-less ("thinking") append.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    /// The text, as exactly one `input_text` part.
    pub content: [ContextContent; 1],
}

impl DelegationContextAppend {
    /// One event answering `delegation_item_id` with `text` as is (the caller keeps it within
    /// 500 bytes; see [`DelegationContextAppend::chunked`]).
    pub fn new(
        delegation_item_id: impl Into<String>,
        channel: Option<Channel>,
        text: impl Into<String>,
    ) -> Self {
        DelegationContextAppend {
            delegation_item_id: delegation_item_id.into(),
            channel,
            content: [ContextContent::input_text(text)],
        }
    }

    /// The events that answer `delegation_item_id` with `text` on `channel`, as the Codex
    /// client sends them: one per piece of [`chunk_context_text`], in order, each with the same
    /// id and channel; the text is not prefixed.
    pub fn chunked(delegation_item_id: &str, channel: Option<Channel>, text: &str) -> Vec<Self> {
        chunk_context_text(text)
            .into_iter()
            .map(|piece| Self::new(delegation_item_id, channel, piece))
            .collect()
    }

    /// The text this event carries.
    pub fn text(&self) -> &str {
        &self.content[0].text
    }
}

/// `session.close` (C→S): ends the session. The client sends it once, immediately before its
/// WebSocket close frame; it has no other member.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/"))]
pub struct SessionClose {}

/// How the channel of automatic Codex output (delegation results, standalone results, response
/// items) is chosen: the app-server's `codexResponseHandoffMode`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum HandoffMode {
    /// `thinking` (the default): no channel on any append.
    #[default]
    Thinking,
    /// `commentary`: `commentary` on every append.
    Commentary,
    /// `bemTags`: the channel is read from the text's leading tag, which stays in the text.
    BemTags(ChannelTags),
}

/// The leading tags of `bemTags` mode, per tag channel. The defaults are `[ANALYSIS]`,
/// `[COMMENTARY]` and `[FINAL]`; `codexResponseHandoffChannelPrefixes` replaces the list of a
/// channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelTags {
    /// Tags of the `analysis` channel (sent as `commentary`).
    pub analysis: Vec<String>,
    /// Tags of the `commentary` channel (sent as `commentary`).
    pub commentary: Vec<String>,
    /// Tags of the `final` channel (sent as `speakable`).
    pub r#final: Vec<String>,
}

impl Default for ChannelTags {
    fn default() -> Self {
        ChannelTags {
            analysis: vec!["[ANALYSIS]".into()],
            commentary: vec!["[COMMENTARY]".into()],
            r#final: vec!["[FINAL]".into()],
        }
    }
}

impl HandoffMode {
    /// The `channel` of an append carrying the automatic Codex output `text`: none in
    /// `thinking` mode; `commentary` in `commentary` mode; in `bemTags` mode, `commentary` when
    /// the text starts with an `analysis` or `commentary` tag, `speakable` when it starts with a
    /// `final` tag or with no recognized tag.
    pub fn channel_for(&self, text: &str) -> Option<Channel> {
        match self {
            HandoffMode::Thinking => None,
            HandoffMode::Commentary => Some(Channel::Commentary),
            HandoffMode::BemTags(tags) => {
                let starts =
                    |list: &[String]| list.iter().any(|tag| text.starts_with(tag.as_str()));
                if starts(&tags.analysis) || starts(&tags.commentary) {
                    Some(Channel::Commentary)
                } else {
                    Some(Channel::Speakable)
                }
            }
        }
    }
}
