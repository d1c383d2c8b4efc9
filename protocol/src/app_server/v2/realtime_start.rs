//! `thread/realtime/start` (v2, C→S, experimental): the request that starts a realtime
//! conversation on a thread, its 19 members and the types they use.
//!
//! Which rules are the wire's and which the server's: a start decodes whenever every member
//! has its JSON type (a missing `threadId`, a number for `prompt`, an unknown `version` or
//! voice are decode errors naming the JSON path). Combinations of valid members are not decode
//! errors: the server refuses them, either with a -32600 answer (transport `existingCall` with
//! `includeStartupContext: true`, a `prompt` (even `null`), non-empty `initialItems`, `model`,
//! `voice` or `delegationAckFiller`) or, after its `{}` result, with `thread/realtime/error`
//! (`initialItems` on v1/v2, `outputModality: "text"` on v1/v3, `webrtc` or `existingCall` with
//! `v2`, a voice outside the version's list, over-long instructions or items).
//!
//! The members as they travel are declared once, in `ThreadRealtimeStartParamsIn`: its
//! `sessionId` member is the older name of `realtimeSessionId`. serde decodes that input view
//! and converts it (`#[serde(from)]`); the JSON Schema (schemars follows `from`) and the
//! TypeScript type (`ts_as_input_view!`) are those of the same input view, so the three views accept the
//! same JSON. Encoding is derived from [`ThreadRealtimeStartParams`] and emits only
//! `realtimeSessionId`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::app_server::jsonrpc::{ErrorObject, Request};
use crate::app_server::v2::realtime::{ConversationTextRole, RealtimeVoice};
use crate::registry::Version;

/// `thread/realtime/start` (request, C→S, experimental): start a realtime conversation bound to
/// a thread. The `{}` result only means the start was accepted; the conversation is live once
/// `thread/realtime/started` arrives, and a start that fails afterwards is reported by
/// `thread/realtime/error` alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThreadRealtimeStart;

impl Request for ThreadRealtimeStart {
    const METHOD: &'static str = "thread/realtime/start";
    const VERSION: Version = Version::V2;
    const EXPERIMENTAL: bool = true;
    type Params = ThreadRealtimeStartParams;
    type Result = ThreadRealtimeStartResponse;
}

/// The params of `thread/realtime/start`.
///
/// Decoders accept `sessionId` as an alias of `realtimeSessionId` (the canonical name wins when
/// both are present), an absent or `null` `outputModality` as `audio`, and keep an absent
/// `prompt`, `"prompt": null` and a prompt string distinct. Encoders always emit
/// `outputModality`, emit `"prompt": null` for an explicit "no prompt", and never emit
/// `sessionId`. Combinations of members the server refuses (with transport `existingCall`:
/// `includeStartupContext: true`, `prompt`, non-empty `initialItems`, `model`, `voice`,
/// `delegationAckFiller`; `initialItems` on v1/v2; `outputModality: "text"` on v1/v3; `webrtc`
/// or `existingCall` with `v2`; a voice outside the version's list) still decode: the server
/// decides those.
// Declared once as it travels in `ThreadRealtimeStartParamsIn` (see `input_view.rs`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", from = "ThreadRealtimeStartParamsIn")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ThreadRealtimeStartParams {
    /// The thread (`Thread.id`) the conversation is bound to.
    pub thread_id: String,
    /// What the realtime model answers with, independent of transport and voice. Always emitted
    /// (a current server refuses a start without it, with -32602); absent or `null` on input:
    /// `audio`. `text` needs version `v2` (the server checks that, not the wire).
    pub output_modality: RealtimeOutputModality,
    /// The backend prompt, a tri-state member: absent = the server's default realtime backend
    /// prompt; `null` (or `""`) = no backend prompt; a string = that prompt. It becomes the
    /// upstream session instructions (the server's startup context is appended unless
    /// `includeStartupContext` is `false`). With transport `existingCall` it must be absent, even
    /// `null` (the server refuses it).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::tristate::deserialize"
    )]
    pub prompt: Option<Option<String>>,
    /// Identifier of the upstream realtime session (sent upstream as `x-session-id`; not a Codex
    /// session id); absent: the thread id, or none with transport `existingCall`. Older peers send
    /// it as `sessionId`, which decoders accept; encoders emit `realtimeSessionId`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub realtime_session_id: Option<String>,
    /// The upstream dialect for this session only; absent: the server's configured version
    /// (`v2` by default) with transport `websocket`, `v1` with `webrtc` and `existingCall`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<RealtimeConversationVersion>,
    /// Upstream model for this session only; absent: the server's configured realtime model, else
    /// `gpt-realtime-1.5` (v1, v2) or `gpt-live-1-boulder-alpha` (v3). With `existingCall` it must
    /// be absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// How media travels; absent: `{"type":"websocket"}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transport: Option<ThreadRealtimeStartTransport>,
    /// The model's voice; absent: the server's configured voice, else `cove` (v1, v3) or `marin`
    /// (v2). It must belong to the version's voice list; with `existingCall` it must be absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice: Option<RealtimeVoice>,
    /// `false`: do not append Codex's startup context to the backend prompt; absent: `true`
    /// (`false` with `existingCall`, where `true` is refused).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_startup_context: Option<bool>,
    /// Complete role-bearing text messages that seed the session history (v3 only; at most 128
    /// items and 8 192 estimated tokens per item and in total); absent and `[]` behave the same.
    /// Non-empty with `existingCall` is refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initial_items: Option<Vec<ThreadRealtimeInitialItem>>,
    /// Developer instructions given to the backing Codex model (not the realtime model) when the
    /// thread enters realtime mode, at most 8 192 estimated tokens; absent: Codex's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub realtime_start_instructions: Option<String>,
    /// Developer instructions given to the backing Codex model when the realtime session ends, at
    /// most 8 192 estimated tokens; absent: Codex's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub realtime_end_instructions: Option<String>,
    /// `true`: Codex sends none of its output to the realtime session automatically (the client
    /// chooses with `appendText` and `appendSpeech`); absent: `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_managed_handoffs: Option<bool>,
    /// v3 only (v1 and v2 ignore it): `false` suppresses the realtime service's spoken
    /// acknowledgement when it delegates, `true` restores it; absent: the service's default.
    /// Refused with `existingCall`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delegation_ack_filler: Option<bool>,
    /// `true`: when the session ends, the transcript not yet handed off is routed to the backing
    /// Codex model; absent: `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flush_transcript_tail_on_session_end: Option<bool>,
    /// Experiment: `true` sends automatic Codex output as conversation items (v1/v2 `developer`
    /// messages, v3 `session.context.append`) instead of handoff output; absent: `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub codex_responses_as_items: Option<bool>,
    /// With `codexResponsesAsItems`: text put before each such item, followed by a blank line;
    /// absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub codex_response_item_prefix: Option<String>,
    /// How automatic Codex output is routed to v3 output channels (v1 and v2 ignore it); absent:
    /// `thinking`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub codex_response_handoff_mode: Option<CodexResponseHandoffMode>,
    /// With handoff mode `bemTags`: replaces the tag list of the channels named by the keys
    /// `analysis`, `commentary` and `final` (other keys have no effect; empty strings never
    /// match); absent: the default tags `[ANALYSIS]`, `[COMMENTARY]` and `[FINAL]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub codex_response_handoff_channel_prefixes: Option<BTreeMap<String, Vec<String>>>,
}

impl ThreadRealtimeStartParams {
    /// A start on `thread_id` with every optional member absent and output modality `audio`:
    /// the server's defaults, including its default backend prompt.
    pub fn new(thread_id: impl Into<String>) -> Self {
        ThreadRealtimeStartParams {
            thread_id: thread_id.into(),
            output_modality: RealtimeOutputModality::Audio,
            prompt: None,
            realtime_session_id: None,
            version: None,
            model: None,
            transport: None,
            voice: None,
            include_startup_context: None,
            initial_items: None,
            realtime_start_instructions: None,
            realtime_end_instructions: None,
            client_managed_handoffs: None,
            delegation_ack_filler: None,
            flush_transcript_tail_on_session_end: None,
            codex_responses_as_items: None,
            codex_response_item_prefix: None,
            codex_response_handoff_mode: None,
            codex_response_handoff_channel_prefixes: None,
        }
    }

    /// The server's check of a start with transport `existingCall` (a rule of the server, not
    /// of the wire): the option it refuses first, in its check order
    /// (`includeStartupContext: true`, `prompt` present even `null`, non-empty `initialItems`,
    /// `model`, `voice`, `delegationAckFiller`), as the -32600 refusal it answers with. `None`
    /// for another transport or a start without such an option.
    pub fn existing_call_refusal(&self) -> Option<ErrorObject> {
        if !matches!(
            self.transport,
            Some(ThreadRealtimeStartTransport::ExistingCall { .. })
        ) {
            return None;
        }
        let refused = [
            (
                "includeStartupContext",
                self.include_startup_context == Some(true),
            ),
            ("prompt", self.prompt.is_some()),
            (
                "initialItems",
                self.initial_items.as_ref().is_some_and(|i| !i.is_empty()),
            ),
            ("model", self.model.is_some()),
            ("voice", self.voice.is_some()),
            ("delegationAckFiller", self.delegation_ack_filler.is_some()),
        ];
        refused
            .into_iter()
            .find(|(_, refused)| *refused)
            .map(|(option, _)| ErrorObject::existing_call_unsupported(option))
    }
}

/// The params of `thread/realtime/start`.
///
/// Decoders accept `sessionId` as an alias of `realtimeSessionId` (the canonical name wins when
/// both are present), an absent or `null` `outputModality` as `audio`, and keep an absent
/// `prompt`, `"prompt": null` and a prompt string distinct. Encoders always emit
/// `outputModality`, emit `"prompt": null` for an explicit "no prompt", and never emit
/// `sessionId`. Combinations of members the server refuses (with transport `existingCall`:
/// `includeStartupContext: true`, `prompt`, non-empty `initialItems`, `model`, `voice`,
/// `delegationAckFiller`; `initialItems` on v1/v2; `outputModality: "text"` on v1/v3; `webrtc`
/// or `existingCall` with `v2`; a voice outside the version's list) still decode: the server
/// decides those.
// The input view: what decoders accept, `sessionId` included.
#[derive(Deserialize)]
#[serde(rename = "ThreadRealtimeStartParams", rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(rename = "ThreadRealtimeStartParams", export_to = "app-server/v2/", optional_fields = nullable)
)]
struct ThreadRealtimeStartParamsIn {
    /// The thread (`Thread.id`) the conversation is bound to.
    thread_id: String,
    /// What the realtime model answers with, independent of transport and voice. Always emitted
    /// (a current server refuses a start without it, with -32602); absent or `null` on input:
    /// `audio`. `text` needs version `v2` (the server checks that, not the wire).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    output_modality: Option<RealtimeOutputModality>,
    /// The backend prompt, a tri-state member: absent = the server's default realtime backend
    /// prompt; `null` (or `""`) = no backend prompt; a string = that prompt. It becomes the
    /// upstream session instructions (the server's startup context is appended unless
    /// `includeStartupContext` is `false`). With transport `existingCall` it must be absent, even
    /// `null` (the server refuses it).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::tristate::deserialize"
    )]
    #[cfg_attr(feature = "ts", ts(as = "Option<String>"))]
    prompt: Option<Option<String>>,
    /// Identifier of the upstream realtime session (sent upstream as `x-session-id`; not a Codex
    /// session id); absent: the thread id, or none with transport `existingCall`. Older peers send
    /// it as `sessionId`, which decoders accept; encoders emit `realtimeSessionId`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    realtime_session_id: Option<String>,
    /// Alias of `realtimeSessionId` (its name before codex renamed it), accepted on input and
    /// never emitted; `realtimeSessionId` wins when both are present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    session_id: Option<String>,
    /// The upstream dialect for this session only; absent: the server's configured version
    /// (`v2` by default) with transport `websocket`, `v1` with `webrtc` and `existingCall`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    version: Option<RealtimeConversationVersion>,
    /// Upstream model for this session only; absent: the server's configured realtime model, else
    /// `gpt-realtime-1.5` (v1, v2) or `gpt-live-1-boulder-alpha` (v3). With `existingCall` it must
    /// be absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    model: Option<String>,
    /// How media travels; absent: `{"type":"websocket"}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    transport: Option<ThreadRealtimeStartTransport>,
    /// The model's voice; absent: the server's configured voice, else `cove` (v1, v3) or `marin`
    /// (v2). It must belong to the version's voice list; with `existingCall` it must be absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    voice: Option<RealtimeVoice>,
    /// `false`: do not append Codex's startup context to the backend prompt; absent: `true`
    /// (`false` with `existingCall`, where `true` is refused).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    include_startup_context: Option<bool>,
    /// Complete role-bearing text messages that seed the session history (v3 only; at most 128
    /// items and 8 192 estimated tokens per item and in total); absent and `[]` behave the same.
    /// Non-empty with `existingCall` is refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    initial_items: Option<Vec<ThreadRealtimeInitialItem>>,
    /// Developer instructions given to the backing Codex model (not the realtime model) when the
    /// thread enters realtime mode, at most 8 192 estimated tokens; absent: Codex's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    realtime_start_instructions: Option<String>,
    /// Developer instructions given to the backing Codex model when the realtime session ends, at
    /// most 8 192 estimated tokens; absent: Codex's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    realtime_end_instructions: Option<String>,
    /// `true`: Codex sends none of its output to the realtime session automatically (the client
    /// chooses with `appendText` and `appendSpeech`); absent: `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    client_managed_handoffs: Option<bool>,
    /// v3 only (v1 and v2 ignore it): `false` suppresses the realtime service's spoken
    /// acknowledgement when it delegates, `true` restores it; absent: the service's default.
    /// Refused with `existingCall`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    delegation_ack_filler: Option<bool>,
    /// `true`: when the session ends, the transcript not yet handed off is routed to the backing
    /// Codex model; absent: `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    flush_transcript_tail_on_session_end: Option<bool>,
    /// Experiment: `true` sends automatic Codex output as conversation items (v1/v2 `developer`
    /// messages, v3 `session.context.append`) instead of handoff output; absent: `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    codex_responses_as_items: Option<bool>,
    /// With `codexResponsesAsItems`: text put before each such item, followed by a blank line;
    /// absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    codex_response_item_prefix: Option<String>,
    /// How automatic Codex output is routed to v3 output channels (v1 and v2 ignore it); absent:
    /// `thinking`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    codex_response_handoff_mode: Option<CodexResponseHandoffMode>,
    /// With handoff mode `bemTags`: replaces the tag list of the channels named by the keys
    /// `analysis`, `commentary` and `final` (other keys have no effect; empty strings never
    /// match); absent: the default tags `[ANALYSIS]`, `[COMMENTARY]` and `[FINAL]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    codex_response_handoff_channel_prefixes: Option<BTreeMap<String, Vec<String>>>,
}

crate::app_server::input_view::ts_as_input_view!(ThreadRealtimeStartParams => ThreadRealtimeStartParamsIn);

impl From<ThreadRealtimeStartParamsIn> for ThreadRealtimeStartParams {
    fn from(wire: ThreadRealtimeStartParamsIn) -> Self {
        ThreadRealtimeStartParams {
            thread_id: wire.thread_id,
            output_modality: wire.output_modality.unwrap_or_default(),
            prompt: wire.prompt,
            // The canonical member wins when both names are present.
            realtime_session_id: wire.realtime_session_id.or(wire.session_id),
            version: wire.version,
            model: wire.model,
            transport: wire.transport,
            voice: wire.voice,
            include_startup_context: wire.include_startup_context,
            initial_items: wire.initial_items,
            realtime_start_instructions: wire.realtime_start_instructions,
            realtime_end_instructions: wire.realtime_end_instructions,
            client_managed_handoffs: wire.client_managed_handoffs,
            delegation_ack_filler: wire.delegation_ack_filler,
            flush_transcript_tail_on_session_end: wire.flush_transcript_tail_on_session_end,
            codex_responses_as_items: wire.codex_responses_as_items,
            codex_response_item_prefix: wire.codex_response_item_prefix,
            codex_response_handoff_mode: wire.codex_response_handoff_mode,
            codex_response_handoff_channel_prefixes: wire.codex_response_handoff_channel_prefixes,
        }
    }
}

/// What the realtime model answers with: a closed enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/"))]
pub enum RealtimeOutputModality {
    /// `text`: text only (version `v2` only; the server refuses it on `v1` and `v3`).
    Text,
    /// `audio`: speech (with its transcript); the default.
    #[default]
    Audio,
}

/// The upstream realtime dialect of a conversation: a closed enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/"))]
pub enum RealtimeConversationVersion {
    /// `v1`: the "quicksilver" dialect.
    V1,
    /// `v2`: the GA Realtime API.
    V2,
    /// `v3`: the "frameless bidi" realtime dialect (the `/v1/live` endpoint), whose events are
    /// the realtime v3 messages of this package.
    V3,
}

/// How the realtime conversation's media travels: a closed union tagged on `type`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase", remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/", optional_fields = nullable))]
pub enum ThreadRealtimeStartTransport {
    /// `websocket`: the server holds the upstream WebSocket and relays audio through
    /// `appendAudio` and `outputAudio/delta`. Accepts versions `v1`, `v2` and `v3`.
    Websocket,
    /// `webrtc`: the client holds a WebRTC peer connection; the server creates the call and
    /// joins its sideband, and the answer arrives as `thread/realtime/sdp`. Without a
    /// `version` it uses `v1`; the server accepts `v1` and `v3` only.
    Webrtc {
        /// SDP offer from the client's peer connection (audio track plus an `oai-events` data
        /// channel created before the offer).
        sdp: String,
    },
    /// `existingCall`: a realtime call the client already created and negotiated; the server
    /// joins its sideband without creating a call, without sending any session configuration
    /// and without `thread/realtime/sdp`. Without a `version` it uses `v1`; the server accepts
    /// `v1` and `v3` only, and refuses `includeStartupContext: true`, `prompt`, non-empty
    /// `initialItems`, `model`, `voice` and `delegationAckFiller` with it.
    #[serde(rename = "existingCall", rename_all = "camelCase")]
    ExistingCall {
        /// The id of the realtime call (e.g. `rtc_123`).
        call_id: String,
    },
}

crate::buffered::impl_strict_tagged!(ThreadRealtimeStartTransport);

/// A complete text message that seeds a v3 session's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/", optional_fields = nullable))]
pub struct ThreadRealtimeInitialItem {
    /// Who the message is from.
    pub role: ConversationTextRole,
    /// The complete message text (at most 8 192 estimated tokens, about 4 bytes per token).
    pub text: String,
}

/// How automatic Codex output is routed to the output channels of the v3 dialect: a closed
/// enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/"))]
pub enum CodexResponseHandoffMode {
    /// `thinking`: every append is channel-less (a "thinking" append); the default.
    Thinking,
    /// `commentary`: every append goes to the `commentary` channel.
    Commentary,
    /// `bemTags`: the channel is read from the text's leading tag, which stays in the text:
    /// analysis and commentary tags → `commentary`, the final tag or no recognized tag →
    /// `speakable`. Default tags `[ANALYSIS]`, `[COMMENTARY]` and `[FINAL]`;
    /// `codexResponseHandoffChannelPrefixes` replaces them per channel.
    BemTags,
}

/// The result of `thread/realtime/start`: the empty object `{}`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "app-server/v2/"))]
pub struct ThreadRealtimeStartResponse {}
