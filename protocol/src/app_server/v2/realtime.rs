//! The experimental `thread/realtime/*` requests (v2) other than `start` (see
//! `realtime_start.rs`). Every one but `listVoices` is scoped to `threadId`; every result but
//! `listVoices`' is `{}`.

use serde::{Deserialize, Serialize};

use crate::app_server::jsonrpc::Request;
use crate::registry::Version;

/// A realtime voice: a closed enum of 19 lowercase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/"))]
pub enum RealtimeVoice {
    /// `alloy` (v2).
    Alloy,
    /// `arbor` (v1 and v3).
    Arbor,
    /// `ash` (v2).
    Ash,
    /// `ballad` (v2).
    Ballad,
    /// `breeze` (v1 and v3).
    Breeze,
    /// `cedar` (v2).
    Cedar,
    /// `coral` (v2).
    Coral,
    /// `cove` (v1 and v3; their default).
    Cove,
    /// `echo` (v2).
    Echo,
    /// `ember` (v1 and v3).
    Ember,
    /// `juniper` (v1 and v3).
    Juniper,
    /// `maple` (v1 and v3).
    Maple,
    /// `marin` (v2; its default).
    Marin,
    /// `sage` (v2).
    Sage,
    /// `shimmer` (v2).
    Shimmer,
    /// `sol` (v1 and v3).
    Sol,
    /// `spruce` (v1 and v3).
    Spruce,
    /// `vale` (v1 and v3).
    Vale,
    /// `verse` (v2).
    Verse,
}

/// `thread/realtime/appendAudio` (request, C→S, experimental): send microphone audio.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThreadRealtimeAppendAudio;

impl Request for ThreadRealtimeAppendAudio {
    const METHOD: &'static str = "thread/realtime/appendAudio";
    const VERSION: Version = Version::V2;
    const EXPERIMENTAL: bool = true;
    type Params = ThreadRealtimeAppendAudioParams;
    type Result = ThreadRealtimeAppendAudioResponse;
}

/// The params of `thread/realtime/appendAudio`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/", optional_fields = nullable))]
pub struct ThreadRealtimeAppendAudioParams {
    /// The thread (`Thread.id`).
    pub thread_id: String,
    /// Microphone audio: PCM16 LE, 24 000 Hz, mono.
    pub audio: ThreadRealtimeAudioChunk,
}

/// A chunk of audio (microphone audio C→S, model audio S→C).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/", optional_fields = nullable))]
pub struct ThreadRealtimeAudioChunk {
    /// Base64 (standard alphabet, padded) PCM16 little-endian samples.
    pub data: String,
    /// Sample rate in Hz, e.g. 24000.
    pub sample_rate: u32,
    /// Number of interleaved channels, e.g. 1.
    pub num_channels: u16,
    /// Samples per channel in `data`; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub samples_per_channel: Option<u32>,
    /// Upstream conversation item the audio belongs to (output audio); absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
}

/// The result of `thread/realtime/appendAudio`: the empty object `{}`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/"))]
pub struct ThreadRealtimeAppendAudioResponse {}

/// `thread/realtime/appendText` (request, C→S, experimental): add a text message to the
/// realtime conversation; it does not by itself request a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThreadRealtimeAppendText;

impl Request for ThreadRealtimeAppendText {
    const METHOD: &'static str = "thread/realtime/appendText";
    const VERSION: Version = Version::V2;
    const EXPERIMENTAL: bool = true;
    type Params = ThreadRealtimeAppendTextParams;
    type Result = ThreadRealtimeAppendTextResponse;
}

/// The params of `thread/realtime/appendText`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/", optional_fields = nullable))]
pub struct ThreadRealtimeAppendTextParams {
    /// The thread (`Thread.id`).
    pub thread_id: String,
    /// The message text.
    pub text: String,
    /// Who the message is from; absent: `user`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<ConversationTextRole>,
}

/// The author of a text message added to a realtime conversation: a closed enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/"))]
pub enum ConversationTextRole {
    /// `user`.
    User,
    /// `developer`.
    Developer,
    /// `assistant`.
    Assistant,
}

/// The result of `thread/realtime/appendText`: the empty object `{}`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/"))]
pub struct ThreadRealtimeAppendTextResponse {}

/// `thread/realtime/appendSpeech` (request, C→S, experimental): text the realtime model should
/// say to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThreadRealtimeAppendSpeech;

impl Request for ThreadRealtimeAppendSpeech {
    const METHOD: &'static str = "thread/realtime/appendSpeech";
    const VERSION: Version = Version::V2;
    const EXPERIMENTAL: bool = true;
    type Params = ThreadRealtimeAppendSpeechParams;
    type Result = ThreadRealtimeAppendSpeechResponse;
}

/// The params of `thread/realtime/appendSpeech`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/", optional_fields = nullable))]
pub struct ThreadRealtimeAppendSpeechParams {
    /// The thread (`Thread.id`).
    pub thread_id: String,
    /// Text the realtime model should say to the user.
    pub text: String,
}

/// The result of `thread/realtime/appendSpeech`: the empty object `{}`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/"))]
pub struct ThreadRealtimeAppendSpeechResponse {}

/// `thread/realtime/stop` (request, C→S, experimental): end the thread's realtime conversation.
/// Followed by `thread/realtime/closed` with `reason: "requested"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThreadRealtimeStop;

impl Request for ThreadRealtimeStop {
    const METHOD: &'static str = "thread/realtime/stop";
    const VERSION: Version = Version::V2;
    const EXPERIMENTAL: bool = true;
    type Params = ThreadRealtimeStopParams;
    type Result = ThreadRealtimeStopResponse;
}

/// The params of `thread/realtime/stop`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/", optional_fields = nullable))]
pub struct ThreadRealtimeStopParams {
    /// The thread (`Thread.id`) whose realtime conversation to stop.
    pub thread_id: String,
}

/// The result of `thread/realtime/stop`: the empty object `{}`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/"))]
pub struct ThreadRealtimeStopResponse {}

/// `thread/realtime/listVoices` (request, C→S, experimental): the voices of each dialect. Not
/// thread-scoped; usable right after `initialize`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThreadRealtimeListVoices;

impl Request for ThreadRealtimeListVoices {
    const METHOD: &'static str = "thread/realtime/listVoices";
    const VERSION: Version = Version::V2;
    const EXPERIMENTAL: bool = true;
    type Params = ThreadRealtimeListVoicesParams;
    type Result = ThreadRealtimeListVoicesResponse;
}

/// The params of `thread/realtime/listVoices`: the empty object `{}` (an absent `params` is
/// accepted).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/"))]
pub struct ThreadRealtimeListVoicesParams {}

/// The result of `thread/realtime/listVoices`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/", optional_fields = nullable))]
pub struct ThreadRealtimeListVoicesResponse {
    /// The voices of each dialect.
    pub voices: RealtimeVoicesList,
}

/// The voices of each realtime dialect, with their defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/", optional_fields = nullable))]
pub struct RealtimeVoicesList {
    /// The v1 voices, also those of v3 (which has no list of its own): `juniper`, `maple`, `spruce`, `ember`, `vale`, `breeze`, `arbor`, `sol`,
    /// `cove`.
    pub v1: Vec<RealtimeVoice>,
    /// The v2 voices: `alloy`, `ash`, `ballad`, `coral`, `echo`, `sage`, `shimmer`, `verse`,
    /// `marin`, `cedar`.
    pub v2: Vec<RealtimeVoice>,
    /// The v1 default, also that of v3: `cove`.
    pub default_v1: RealtimeVoice,
    /// The v2 default: `marin`.
    pub default_v2: RealtimeVoice,
}
