//! The same client intent in each realtime variant (v1, v2 and v3): [`Variant`] builds the wire
//! events of each intent, in the exact form the Codex client sends. An intent may take several
//! events (v3 splits a text over events of at most 500 bytes each) or none (an intent a
//! variant does not have).

use serde::Serialize;

use super::{InputAudioBufferAppend, v1, v2, v3};

/// The realtime variant spoken on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Variant {
    /// v1, "quicksilver" (URL query `intent=quicksilver`).
    V1,
    /// v2, the GA Realtime API (no `intent` query parameter).
    V2,
    /// v3, "Frameless Bidi" (path `/v1/live`, header `openai-alpha: quicksilver=v2`).
    V3,
}

/// What kind of session to configure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SessionMode {
    /// A voice conversation with the model.
    #[default]
    Conversation,
    /// Transcription only: a v2 `transcription` session. v1 and v3 have no such sessions and
    /// run the request as a conversation.
    Transcription,
}

/// Who text added to the conversation is from: the roles a client adds text as, the same in
/// every variant (v3 does not transmit the role).
pub use v1::Role;

/// A client event of any variant, as the helpers of [`Variant`] build it. Encodes as the
/// event itself.
// One message is built or decoded at a time and moved, never stored in bulk: boxing the large
// variant would cost an allocation per message and change the variants' public types.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ClientEvent {
    /// A v1 event.
    V1(v1::ClientEvent),
    /// A v2 event.
    V2(v2::ClientEvent),
    /// A v3 event.
    V3(v3::ClientEvent),
}

impl Variant {
    /// The URL path of the WebSocket endpoint: `/v1/realtime` in v1 and v2, `/v1/live` in v3.
    pub fn url_path(self) -> &'static str {
        match self {
            Variant::V1 | Variant::V2 => "/v1/realtime",
            Variant::V3 => v3::connection::ENDPOINT_PATH,
        }
    }

    /// The `intent` query parameter the client adds to the URL path: `quicksilver` in v1; none
    /// in v2 and v3.
    pub fn url_intent(self) -> Option<&'static str> {
        match self {
            Variant::V1 => Some("quicksilver"),
            Variant::V2 | Variant::V3 => None,
        }
    }

    /// The `openai-alpha` header the client sends, as `(name, value)`: `quicksilver=v1` in v1;
    /// none in v2; `quicksilver=v2` in v3.
    pub fn alpha_header(self) -> Option<(&'static str, &'static str)> {
        match self {
            Variant::V1 => Some(("openai-alpha", "quicksilver=v1")),
            Variant::V2 => None,
            Variant::V3 => Some((
                v3::connection::OPENAI_ALPHA_HEADER,
                v3::connection::OPENAI_ALPHA_VALUE,
            )),
        }
    }

    /// Configure the session (the first event after the socket opens): v1 `session.update` with
    /// a `quicksilver` session (voice `cove`); v2 `session.update` with a `realtime` session
    /// (voice `marin`, the tools `background_agent` and `remain_silent`) or a `transcription` session (which sends no
    /// instructions); v3 `session.update` with a session without `type` (voice `cove`,
    /// delegations handed to this client). A v3 client sends it only on a new WebSocket
    /// session, never on a WebRTC or existing-call sideband.
    pub fn configure_session(self, mode: SessionMode, instructions: &str) -> ClientEvent {
        match (self, mode) {
            (Variant::V3, _) => ClientEvent::V3(v3::ClientEvent::SessionUpdate(
                v3::SessionUpdate::new(instructions),
            )),
            (Variant::V1, _) => ClientEvent::V1(v1::ClientEvent::SessionUpdate(
                v1::SessionUpdate::new(instructions),
            )),
            (Variant::V2, SessionMode::Conversation) => {
                let session = v2::ConversationalSession::new(instructions);
                ClientEvent::V2(v2::ClientEvent::SessionUpdate(session.session_update()))
            }
            (Variant::V2, SessionMode::Transcription) => ClientEvent::V2(
                v2::ClientEvent::SessionUpdate(v2::SessionUpdate::transcription()),
            ),
        }
    }

    /// Send microphone audio (base64 PCM16 LE, 24 000 Hz, mono): `input_audio_buffer.append`
    /// in v1 and v2, `input_audio.append` in v3 (the format is never transmitted).
    pub fn send_audio(self, audio: impl Into<String>) -> ClientEvent {
        let event = InputAudioBufferAppend {
            event_id: None,
            audio: audio.into(),
        };
        match self {
            Variant::V1 => ClientEvent::V1(v1::ClientEvent::InputAudioBufferAppend(event)),
            Variant::V2 => ClientEvent::V2(v2::ClientEvent::InputAudioBufferAppend(event)),
            Variant::V3 => ClientEvent::V3(v3::ClientEvent::InputAudioAppend(
                v3::InputAudioAppend::new(event.audio),
            )),
        }
    }

    /// Add text to the conversation: in v1 and v2 one `conversation.item.create` with a message
    /// item holding one `input_text` part (`output_text` for the assistant); in v3
    /// `session.context.append` without channel, one event per piece of at most 500 bytes
    /// (the role is not transmitted).
    pub fn add_text(self, role: Role, text: impl Into<String>) -> Vec<ClientEvent> {
        let event = match self {
            Variant::V1 => ClientEvent::V1(v1::ClientEvent::ConversationItemCreate(
                v1::ConversationItemCreate::text(role, text),
            )),
            Variant::V2 => {
                let item = match role {
                    Role::User => v2::ConversationItem::input_text(v2::Role::User, text),
                    Role::Developer => v2::ConversationItem::input_text(v2::Role::Developer, text),
                    Role::Assistant => v2::ConversationItem::assistant_text(text),
                };
                ClientEvent::V2(v2::ClientEvent::ConversationItemCreate(
                    v2::ConversationItemCreate::new(item),
                ))
            }
            Variant::V3 => return v3_context(None, &text.into()),
        };
        vec![event]
    }

    /// Answer the handoff `handoff_id` with its final `result`: v1 one
    /// `conversation.handoff.append` whose text is prefixed with `"Agent Final Message":` and a
    /// blank line; v2 one `conversation.item.create` with a `function_call_output` item
    /// (`call_id` = the handoff id, `output` = `result`); v3 `delegation.context.append`
    /// (`delegation_item_id` = the handoff id) without channel and without prefix, one event
    /// per piece of at most 500 bytes. [`Variant::answer_handoff_on`] chooses the v3 channel.
    pub fn answer_handoff(self, handoff_id: &str, result: &str) -> Vec<ClientEvent> {
        self.answer_handoff_on(handoff_id, result, None)
    }

    /// [`Variant::answer_handoff`] with the v3 `channel` of every event (as
    /// `v3::HandoffMode::channel_for` chooses it for automatic Codex output); v1 and v2 have no
    /// channels and ignore it.
    pub fn answer_handoff_on(
        self,
        handoff_id: &str,
        result: &str,
        channel: Option<v3::Channel>,
    ) -> Vec<ClientEvent> {
        let event = match self {
            Variant::V1 => ClientEvent::V1(v1::ClientEvent::ConversationHandoffAppend(
                v1::ConversationHandoffAppend::agent_final_message(handoff_id, result),
            )),
            Variant::V2 => {
                let item = v2::ConversationItem::function_call_output(handoff_id, result);
                ClientEvent::V2(v2::ClientEvent::ConversationItemCreate(
                    v2::ConversationItemCreate::new(item),
                ))
            }
            Variant::V3 => {
                return v3::DelegationContextAppend::chunked(handoff_id, channel, result)
                    .into_iter()
                    .map(|event| ClientEvent::V3(v3::ClientEvent::DelegationContextAppend(event)))
                    .collect();
            }
        };
        vec![event]
    }

    /// Have the model speak `text` outside any handoff: v1 `conversation.handoff.append` with
    /// the handoff id `codex` and the text unprefixed; v2 `conversation.item.create` with a
    /// `user` message holding `text` (as given: any prefix is the caller's), then
    /// `response.create`; v3 `session.context.append` on the `speakable` channel, one event per
    /// piece of at most 500 bytes.
    pub fn speak(self, text: &str) -> Vec<ClientEvent> {
        match self {
            Variant::V1 => vec![ClientEvent::V1(v1::ClientEvent::ConversationHandoffAppend(
                v1::ConversationHandoffAppend::progress("codex", text),
            ))],
            Variant::V2 => vec![
                ClientEvent::V2(v2::ClientEvent::ConversationItemCreate(
                    v2::ConversationItemCreate::new(v2::ConversationItem::input_text(
                        v2::Role::User,
                        text,
                    )),
                )),
                ClientEvent::V2(v2::ClientEvent::ResponseCreate(
                    v2::ResponseCreate::default(),
                )),
            ],
            Variant::V3 => v3_context(Some(v3::Channel::Speakable), text),
        }
    }

    /// End the session: v1 and v2 send nothing (the client closes the socket); v3 sends
    /// `session.close`, then the client closes the socket.
    pub fn end_session(self) -> Vec<ClientEvent> {
        match self {
            Variant::V1 | Variant::V2 => vec![],
            Variant::V3 => vec![ClientEvent::V3(v3::ClientEvent::SessionClose(
                v3::SessionClose {},
            ))],
        }
    }

    /// Answer a silence request (a normalized `NoopRequested`, v2 only): v2
    /// `conversation.item.create` with a `function_call_output` item whose `output` is empty;
    /// no `response.create` follows. `None` in v1 and v3, which have no silence requests.
    pub fn answer_silence(self, call_id: &str) -> Option<ClientEvent> {
        match self {
            Variant::V1 | Variant::V3 => None,
            Variant::V2 => {
                let item = v2::ConversationItem::function_call_output(call_id, "");
                Some(ClientEvent::V2(v2::ClientEvent::ConversationItemCreate(
                    v2::ConversationItemCreate::new(item),
                )))
            }
        }
    }

    /// Ask the model to respond: `response.create` without members in v1 and v2; `None` in
    /// v3, which has no such event (the server decides when to respond).
    pub fn request_response(self) -> Option<ClientEvent> {
        match self {
            Variant::V1 => Some(ClientEvent::V1(v1::ClientEvent::ResponseCreate(
                v1::ResponseCreate::default(),
            ))),
            Variant::V2 => Some(ClientEvent::V2(v2::ClientEvent::ResponseCreate(
                v2::ResponseCreate::default(),
            ))),
            Variant::V3 => None,
        }
    }
}

/// v3 `session.context.append` events carrying `text` on `channel`, split into pieces of at
/// most 500 bytes.
fn v3_context(channel: Option<v3::Channel>, text: &str) -> Vec<ClientEvent> {
    v3::SessionContextAppend::chunked(channel, text)
        .into_iter()
        .map(|event| ClientEvent::V3(v3::ClientEvent::SessionContextAppend(event)))
        .collect()
}
