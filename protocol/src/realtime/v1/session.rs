//! `session.update` (C→S) and `session.updated` (S→C), and the v1 voices.

use serde::{Deserialize, Serialize};

/// `session.update` (C→S): configures the session. The Codex client sends it first, right
/// after the socket opens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/", optional_fields = nullable))]
pub struct SessionUpdate {
    /// Optional client-chosen id of this event; never needed. Absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The session configuration.
    pub session: Session,
}

impl SessionUpdate {
    /// The canonical v1 `session.update`: a `quicksilver` session with the caller's
    /// `instructions`, 24 000 Hz PCM input and the default voice (`cove`), no `event_id`.
    pub fn new(instructions: impl Into<String>) -> Self {
        SessionUpdate {
            event_id: None,
            session: Session::new(instructions),
        }
    }

    /// The same event with the voice `voice`.
    pub fn with_voice(mut self, voice: Voice) -> Self {
        self.session.audio.output.voice = voice;
        self
    }
}

/// The session configuration of a v1 `session.update`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/", optional_fields = nullable))]
pub struct Session {
    /// The session type: always `"quicksilver"`.
    pub r#type: SessionType,
    /// The backend prompt (system instructions), supplied by the caller.
    pub instructions: String,
    /// Audio input format and output voice.
    pub audio: SessionAudio,
    /// Session id; only in the WebRTC call-creation body, never sent on the WebSocket. Absent:
    /// none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Model id; only in the WebRTC call-creation body, never sent on the WebSocket. Absent:
    /// none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
}

impl Session {
    /// A `quicksilver` session with `instructions`, 24 000 Hz PCM input and the voice `cove`.
    pub fn new(instructions: impl Into<String>) -> Self {
        Session {
            r#type: SessionType::Quicksilver,
            instructions: instructions.into(),
            audio: SessionAudio::default(),
            id: None,
            model: None,
        }
    }
}

/// The v1 session type (closed: v1 has exactly one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/"))]
pub enum SessionType {
    /// `quicksilver`: a conversational voice session (v1 has no transcription-only sessions).
    #[default]
    #[serde(rename = "quicksilver")]
    Quicksilver,
}

/// The audio configuration of a v1 session.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/", optional_fields = nullable))]
pub struct SessionAudio {
    /// Microphone audio sent by the client.
    pub input: AudioInput,
    /// Model audio sent by the server.
    pub output: AudioOutput,
}

/// The input audio configuration of a v1 session.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/", optional_fields = nullable))]
pub struct AudioInput {
    /// The format of `input_audio_buffer.append` audio.
    pub format: AudioFormat,
}

/// The output audio configuration of a v1 session.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/", optional_fields = nullable))]
pub struct AudioOutput {
    /// The voice the model speaks with.
    pub voice: Voice,
}

/// An audio format: v1 audio is always PCM (`{"type":"audio/pcm","rate":24000}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/", optional_fields = nullable))]
pub struct AudioFormat {
    /// The encoding: always `"audio/pcm"` (signed 16-bit little-endian PCM, mono).
    pub r#type: AudioFormatType,
    /// Sample rate in Hz; the Codex client always sends 24000.
    pub rate: u32,
}

impl Default for AudioFormat {
    /// 24 000 Hz PCM, the only format a v1 client sends.
    fn default() -> Self {
        AudioFormat {
            r#type: AudioFormatType::Pcm,
            rate: 24_000,
        }
    }
}

/// The audio encoding of a v1 session (closed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/"))]
pub enum AudioFormatType {
    /// `audio/pcm`: base64 signed 16-bit little-endian PCM.
    #[default]
    #[serde(rename = "audio/pcm")]
    Pcm,
}

/// A v1 voice (closed enum; plain lowercase string on the wire). Default: `cove`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/"))]
pub enum Voice {
    /// `juniper`.
    Juniper,
    /// `maple`.
    Maple,
    /// `spruce`.
    Spruce,
    /// `ember`.
    Ember,
    /// `vale`.
    Vale,
    /// `breeze`.
    Breeze,
    /// `arbor`.
    Arbor,
    /// `sol`.
    Sol,
    /// `cove` (the default).
    #[default]
    Cove,
}

impl Voice {
    /// Every v1 voice, in the order the protocol lists them.
    pub const LIST: [Voice; 9] = [
        Voice::Juniper,
        Voice::Maple,
        Voice::Spruce,
        Voice::Ember,
        Voice::Vale,
        Voice::Breeze,
        Voice::Arbor,
        Voice::Sol,
        Voice::Cove,
    ];
}

/// `session.updated` (S→C): the server accepted the session configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/", optional_fields = nullable))]
pub struct SessionUpdated {
    /// Optional id of this event; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The session in effect.
    pub session: SessionEcho,
}

/// The session echoed in a v1 `session.updated`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/", optional_fields = nullable))]
pub struct SessionEcho {
    /// The server-side session id.
    pub id: String,
    /// The instructions in effect; absent: not echoed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
}
