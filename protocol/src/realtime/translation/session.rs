//! The translation session: `session.update` (C→S), its echoes `session.created` /
//! `session.updated` (S→C), the session configuration both carry, and the graceful end
//! `session.close` (C→S) / `session.closed` (S→C).

use serde::{Deserialize, Serialize};

use super::NoiseReductionType;

/// `session.update` (C→S): changes the members of the session configuration that it carries
/// (target language, source transcription, noise reduction). The server answers with
/// `session.updated` and the full effective configuration, or with `error`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/translation/", optional_fields = nullable))]
pub struct TranslationSessionUpdateEvent {
    /// Client-chosen id of this event (at most 512 characters), echoed in `error.event_id` when
    /// the event fails. Absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The members to change; members left out keep their current value.
    pub session: TranslationSessionUpdate,
}

/// The `session` of a translation `session.update`: only the audio settings can change. The
/// session type and the model are fixed when the session is created, so encoders never send
/// them here.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/translation/", optional_fields = nullable))]
pub struct TranslationSessionUpdate {
    /// The audio settings to change. Absent or `null`: nothing changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio: Option<TranslationAudio>,
}

/// `session.created` (the first server event of a connection, with the default configuration)
/// and `session.updated` (after each successful `session.update`) (S→C): the full effective
/// translation session.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/translation/", optional_fields = nullable))]
pub struct TranslationSessionEvent {
    /// Server-unique id of this event; always sent by the official service, accepted when
    /// absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The session as the server now runs it.
    pub session: TranslationSession,
}

/// A translation session as the server reports it (in `session.created` and
/// `session.updated`).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/translation/", optional_fields = nullable))]
pub struct TranslationSession {
    /// The session id, like `sess_1234567890abcdef`.
    pub id: String,
    /// The session type: always `translation`.
    #[serde(rename = "type")]
    pub kind: TranslationSessionType,
    /// The translation model id (an open set of strings): chosen by the `model` query parameter
    /// when connecting, and not changeable afterwards.
    pub model: String,
    /// When the session expires, Unix epoch seconds.
    pub expires_at: u64,
    /// The input and output audio settings.
    pub audio: TranslationAudio,
}

/// The type of a translation session: the single value `translation` (a closed enum).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export_to = "realtime/translation/")
)]
pub enum TranslationSessionType {
    /// `translation`: a speech-to-speech translation session.
    #[default]
    Translation,
}

/// The audio settings of a translation session, in `session.update` and in the session the
/// server reports. The audio format is not configurable: input and output are base64 PCM16
/// little-endian, mono, 24 000 Hz.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/translation/", optional_fields = nullable))]
pub struct TranslationAudio {
    /// Source audio settings. Absent or `null`: in an update, unchanged; in a reported
    /// session, not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<TranslationAudioInput>,
    /// Translated audio settings. Absent or `null`: in an update, unchanged; in a reported
    /// session, not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<TranslationAudioOutput>,
}

/// The source audio settings of a translation session.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/translation/", optional_fields = nullable))]
pub struct TranslationAudioInput {
    /// Noise reduction of the source audio (tri-state). In an update: absent = unchanged,
    /// `null` = turn it off, an object = turn it on or change it. In a reported session: absent
    /// or `null` = off.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::tristate::deserialize"
    )]
    #[cfg_attr(feature = "ts", ts(as = "Option<TranslationNoiseReduction>"))]
    pub noise_reduction: Option<Option<TranslationNoiseReduction>>,
    /// Transcription of the source audio (tri-state); while it is on, the server sends
    /// `session.input_transcript.delta` events. Translation itself always works from the audio,
    /// not from this transcript. In an update: absent = unchanged, `null` = turn it off, an
    /// object = turn it on or change its model. In a reported session: absent or `null` = off.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::tristate::deserialize"
    )]
    #[cfg_attr(feature = "ts", ts(as = "Option<TranslationTranscription>"))]
    pub transcription: Option<Option<TranslationTranscription>>,
}

/// Noise reduction of the source audio.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/translation/", optional_fields = nullable))]
pub struct TranslationNoiseReduction {
    /// The kind of microphone to filter for: `near_field` (headsets and close microphones) or
    /// `far_field` (laptop or conference-room microphones). Required, also in an update that
    /// only changes `strength`.
    #[serde(rename = "type")]
    pub kind: NoiseReductionType,
    /// Noise suppression strength, 0.0–1.0; higher suppresses more. Absent or `null`: in an
    /// update, the current strength is kept (1.0 when noise reduction is first turned on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strength: Option<f64>,
}

/// Transcription of the source audio.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/translation/", optional_fields = nullable))]
pub struct TranslationTranscription {
    /// The transcription model id for the source transcript (an open set of strings).
    pub model: String,
}

/// The translated audio settings.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/translation/", optional_fields = nullable))]
pub struct TranslationAudioOutput {
    /// The target language of the translated audio and of the output transcript, a language
    /// code such as `es` (an open set of strings). Absent or `null`: in an update, unchanged;
    /// in a reported session, not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// `session.close` (C→S): ends the session gracefully. The server translates the audio still
/// pending, sends the remaining output, then `session.closed`. The client sends nothing after
/// it and keeps reading until `session.closed`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/translation/", optional_fields = nullable))]
pub struct TranslationSessionClose {
    /// Client-chosen id of this event (at most 512 characters), echoed in `error.event_id` when
    /// the event fails. Absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
}

/// `session.closed` (S→C): the last event of a session, sent after `session.close` once all
/// remaining output was sent. The client then closes the socket with code 1000.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/translation/", optional_fields = nullable))]
pub struct TranslationSessionClosed {
    /// Server-unique id of this event; always sent by the official service, accepted when
    /// absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
}
