//! The same client intent in either realtime variant (the "Outbound" table of
//! `realtime-normalized.md`): [`Variant`] builds the wire event of each intent, in the exact
//! form the Codex client sends.

use serde::Serialize;

use super::{InputAudioBufferAppend, v1, v2};

/// The realtime variant spoken on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Variant {
    /// v1, "quicksilver" (URL query `intent=quicksilver`).
    V1,
    /// v2, the GA Realtime API (no `intent` query parameter).
    V2,
}

/// What kind of session to configure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SessionMode {
    /// A voice conversation with the model.
    #[default]
    Conversation,
    /// Transcription only: a v2 `transcription` session. v1 has no such sessions and runs the
    /// request as a conversation.
    Transcription,
}

/// Who text added to the conversation is from: the roles a client adds text as, the same in
/// both variants.
pub use v1::Role;

/// A client event of either variant, as the helpers of [`Variant`] build it. Encodes as the
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
}

impl Variant {
    /// The `intent` query parameter the client adds to the URL path `/v1/realtime`:
    /// `quicksilver` in v1; none in v2.
    pub fn url_intent(self) -> Option<&'static str> {
        match self {
            Variant::V1 => Some("quicksilver"),
            Variant::V2 => None,
        }
    }

    /// The `openai-alpha` header the client sends, as `(name, value)`: `quicksilver=v1` in v1;
    /// none in v2.
    pub fn alpha_header(self) -> Option<(&'static str, &'static str)> {
        match self {
            Variant::V1 => Some(("openai-alpha", "quicksilver=v1")),
            Variant::V2 => None,
        }
    }

    /// Configure the session (the first event after the socket opens): v1 `session.update` with
    /// a `quicksilver` session (voice `cove`); v2 `session.update` with a `realtime` session
    /// (voice `marin`, the tools `background_agent` and `remain_silent`) or a `transcription` session (which sends no
    /// instructions).
    pub fn configure_session(self, mode: SessionMode, instructions: &str) -> ClientEvent {
        match (self, mode) {
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
    /// in both variants.
    pub fn send_audio(self, audio: impl Into<String>) -> ClientEvent {
        let event = InputAudioBufferAppend {
            event_id: None,
            audio: audio.into(),
        };
        match self {
            Variant::V1 => ClientEvent::V1(v1::ClientEvent::InputAudioBufferAppend(event)),
            Variant::V2 => ClientEvent::V2(v2::ClientEvent::InputAudioBufferAppend(event)),
        }
    }

    /// Add text to the conversation: `conversation.item.create` with a message item holding one
    /// `input_text` part (`output_text` for the assistant), in both variants.
    pub fn add_text(self, role: Role, text: impl Into<String>) -> ClientEvent {
        match self {
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
        }
    }

    /// Answer the handoff `handoff_id` with `result`: v1 `conversation.handoff.append` whose
    /// text is prefixed with `"Agent Final Message":` and a blank line; v2
    /// `conversation.item.create` with a `function_call_output` item (`call_id` = the handoff
    /// id, `output` = `result`).
    pub fn answer_handoff(self, handoff_id: &str, result: &str) -> ClientEvent {
        match self {
            Variant::V1 => ClientEvent::V1(v1::ClientEvent::ConversationHandoffAppend(
                v1::ConversationHandoffAppend::agent_final_message(handoff_id, result),
            )),
            Variant::V2 => {
                let item = v2::ConversationItem::function_call_output(handoff_id, result);
                ClientEvent::V2(v2::ClientEvent::ConversationItemCreate(
                    v2::ConversationItemCreate::new(item),
                ))
            }
        }
    }

    /// Answer a silence request (a normalized `NoopRequested`, v2 only): v2
    /// `conversation.item.create` with a `function_call_output` item whose `output` is empty;
    /// no `response.create` follows. `None` in v1, which has no silence requests.
    pub fn answer_silence(self, call_id: &str) -> Option<ClientEvent> {
        match self {
            Variant::V1 => None,
            Variant::V2 => {
                let item = v2::ConversationItem::function_call_output(call_id, "");
                Some(ClientEvent::V2(v2::ClientEvent::ConversationItemCreate(
                    v2::ConversationItemCreate::new(item),
                )))
            }
        }
    }

    /// Ask the model to respond: `response.create` without members, in both variants.
    pub fn request_response(self) -> ClientEvent {
        match self {
            Variant::V1 => ClientEvent::V1(v1::ClientEvent::ResponseCreate(
                v1::ResponseCreate::default(),
            )),
            Variant::V2 => ClientEvent::V2(v2::ClientEvent::ResponseCreate(
                v2::ResponseCreate::default(),
            )),
        }
    }
}
