//! `session.update` (C→S) and `session.started` / `session.updated` (S→C): the v3 session,
//! which carries no `type` member.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The voices a v3 session supports: exactly the v1 voices (default `cove`).
pub use crate::realtime::v1::Voice;

/// `session.update` (C→S): configures a new session. The Codex client sends it once, right after
/// the socket opens, and never on a sideband connection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/", optional_fields = nullable))]
pub struct SessionUpdate {
    /// The session configuration.
    pub session: Session,
}

impl SessionUpdate {
    /// The canonical v3 `session.update`: the caller's `instructions` (the backend prompt, may
    /// be empty), the default voice `cove`, delegations handed to this client, no
    /// `ack_filler`, no initial items and no model.
    pub fn new(instructions: impl Into<String>) -> Self {
        SessionUpdate {
            session: Session::new(instructions),
        }
    }

    /// The same event with the voice `voice`.
    pub fn with_voice(mut self, voice: impl Into<OutputVoice>) -> Self {
        self.session.audio.output.voice = voice.into();
        self
    }

    /// The same event with `delegation.ack_filler` set: `false` suppresses the server's spoken
    /// acknowledgement when it delegates, `true` restores it.
    pub fn with_ack_filler(mut self, ack_filler: bool) -> Self {
        self.session.delegation.ack_filler = Some(ack_filler);
        self
    }

    /// The same event seeded with `items`; an empty list sends no `initial_items` member.
    pub fn with_initial_items(mut self, items: Vec<InitialItem>) -> Self {
        self.session.initial_items = (!items.is_empty()).then_some(items);
        self
    }
}

/// The session configuration of a v3 `session.update`, and the `session` part of a WebRTC
/// call-creation request (which adds `model`). It has no `type`, `id`, output modalities, input
/// audio format, output audio format or tools.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/", optional_fields = nullable))]
pub struct Session {
    /// The backend prompt (system instructions); may be the empty string.
    pub instructions: String,
    /// The output voice.
    pub audio: SessionAudio,
    /// Who carries out the requests the model delegates.
    pub delegation: DelegationConfig,
    /// Complete text messages that seed the session history, in order. The Codex client sends
    /// at most 128 items of at most 8 192 estimated tokens each and in total. Absent or `null`:
    /// none (the Codex client never sends an empty list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initial_items: Option<Vec<InitialItem>>,
    /// The model id. Only in the session part of a WebRTC call-creation request; absent from a
    /// WebSocket `session.update`, where the model travels in the URL query. Absent or `null`:
    /// none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
}

impl Session {
    /// The most initial items the Codex client sends (it refuses more before connecting).
    pub const MAX_INITIAL_ITEMS: usize = 128;
    /// The most estimated tokens the Codex client allows per initial item, and for all of them
    /// together (it refuses more before connecting).
    pub const MAX_INITIAL_ITEM_TOKENS: usize = 8_192;

    /// A session with `instructions`, the voice `cove`, delegations handed to this client, no
    /// `ack_filler`, no initial items and no model.
    pub fn new(instructions: impl Into<String>) -> Self {
        Session {
            instructions: instructions.into(),
            audio: SessionAudio::default(),
            delegation: DelegationConfig::default(),
            initial_items: None,
            model: None,
        }
    }
}

/// The audio configuration of a v3 session: only the output voice (audio is always base64
/// PCM16 little-endian, 24 000 Hz, mono, in both directions, and is not configured).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/", optional_fields = nullable))]
pub struct SessionAudio {
    /// Model audio sent by the server.
    pub output: AudioOutput,
}

/// The output audio configuration of a v3 session.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/", optional_fields = nullable))]
pub struct AudioOutput {
    /// The voice the model speaks with; the Codex client sends one of the v1 voices (default
    /// `cove`).
    pub voice: OutputVoice,
}

/// The voice of a v3 session on the wire: a plain lowercase string. The Codex client only sends
/// the v1 voices (and refuses any other before connecting); another name is kept as is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/"))]
#[non_exhaustive]
pub enum OutputVoice {
    /// One of the v1 voices: `juniper`, `maple`, `spruce`, `ember`, `vale`, `breeze`, `arbor`,
    /// `sol`, `cove`.
    Supported(Voice),
    /// Any other voice name, passed through (the Codex client refuses these before connecting).
    Other(String),
}

impl Default for OutputVoice {
    /// `cove`, the default voice of v3.
    fn default() -> Self {
        OutputVoice::Supported(Voice::Cove)
    }
}

impl From<Voice> for OutputVoice {
    fn from(voice: Voice) -> Self {
        OutputVoice::Supported(voice)
    }
}

impl OutputVoice {
    /// Whether the Codex client accepts this voice for v3 (one of the v1 voices).
    pub fn is_supported(&self) -> bool {
        matches!(self, OutputVoice::Supported(_))
    }
}

/// Who carries out the requests the model delegates.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/", optional_fields = nullable))]
pub struct DelegationConfig {
    /// Always `"client"`: delegations are handed to this client as `delegation.created`.
    pub r#type: DelegationType,
    /// Whether the server speaks an acknowledgement when it delegates: `false` suppresses it,
    /// `true` restores it. Absent or `null`: the server's default (the Codex client sends it
    /// only when its caller chose a value).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ack_filler: Option<bool>,
}

/// Who delegations are handed to (closed: the Codex client always sends `client`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/"))]
pub enum DelegationType {
    /// `client`: this client carries out delegated requests.
    #[default]
    #[serde(rename = "client")]
    Client,
}

/// One message of `session.initial_items`: a complete, role-bearing text message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/", optional_fields = nullable))]
pub struct InitialItem {
    /// Always `"message"`.
    pub r#type: InitialItemType,
    /// Who the message is from.
    pub role: Role,
    /// The text, as exactly one content part (`output_text` for the assistant, `input_text`
    /// otherwise).
    pub content: [InitialContent; 1],
}

impl InitialItem {
    /// The message `text` from `role`, in the form the Codex client sends: one `output_text`
    /// part for the assistant, one `input_text` part otherwise; the text is not chunked.
    pub fn text(role: Role, text: impl Into<String>) -> Self {
        let r#type = match role {
            Role::Assistant => InitialContentType::OutputText,
            Role::User | Role::Developer => InitialContentType::InputText,
        };
        InitialItem {
            r#type: InitialItemType::Message,
            role,
            content: [InitialContent {
                r#type,
                text: text.into(),
            }],
        }
    }
}

/// The type of an initial item (closed: only messages).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/"))]
pub enum InitialItemType {
    /// `message`: a text message.
    #[default]
    #[serde(rename = "message")]
    Message,
}

/// Who an initial message is from (closed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/"))]
pub enum Role {
    /// `user`: the person speaking.
    User,
    /// `developer`: instructions from the application.
    Developer,
    /// `assistant`: the model.
    Assistant,
}

/// The content part of an initial message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/", optional_fields = nullable))]
pub struct InitialContent {
    /// `output_text` when the message is the assistant's, `input_text` otherwise.
    pub r#type: InitialContentType,
    /// The whole text of the message (not chunked).
    pub text: String,
}

/// The kind of an initial message's content part (closed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/"))]
pub enum InitialContentType {
    /// `input_text`: text from the user or the developer.
    #[serde(rename = "input_text")]
    InputText,
    /// `output_text`: text the assistant said.
    #[serde(rename = "output_text")]
    OutputText,
}

/// `session.started` and `session.updated` (S→C): the session exists (`session.started`
/// completes the start handshake) or its configuration was accepted. Both have this shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/", optional_fields = nullable))]
pub struct SessionStarted {
    /// The session in effect.
    pub session: SessionEcho,
}

/// The session echoed by `session.started` / `session.updated`: its id, the instructions in
/// effect, and every other member kept verbatim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/", optional_fields = nullable))]
pub struct SessionEcho {
    /// The server-side session id.
    pub id: String,
    /// The instructions in effect. Absent or `null`: not echoed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
    /// Every other member the server sent, kept verbatim (the Codex client reads none).
    #[serde(flatten)]
    pub other: Map<String, Value>,
}
