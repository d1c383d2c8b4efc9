//! Realtime v3: the "Frameless Bidi" dialect the Codex client selects with `version: "v3"`
//! (the app-server's [`crate::app_server::v2::RealtimeConversationVersion::V3`], in
//! `thread/realtime/start` and `thread/realtime/started`).
//!
//! It keeps the v1 behaviour (the server delegates requests to the client, the client streams
//! results back, the v1 voices) on its own endpoint (`/v1/live`, see [`connection`]) with its
//! own event names and a session object without `type`. [`ClientEvent`] is what a v3 client
//! sends, [`ServerEvent`] what a v3 server sends; both are tagged on `type`, and a `type` this
//! crate does not know decodes to `Unknown` with the raw JSON. Unknown members of the nested
//! server objects are kept verbatim in their `other` maps. [`receive_text`] and
//! [`receive_binary`] apply the frame rules of the dialect.

pub mod connection;

mod audio;
mod borrowed;
mod context;
mod delegation;
mod events;
mod frame;
mod session;
mod transcript;

pub use super::{ErrorEvent, ErrorPayload, ErrorType, RealtimeError};
pub use audio::{InputAudioAppend, OutputAudioDelta};
pub use borrowed::{ClientEventRef, InputAudioAppendRef, OutputAudioDeltaRef, ServerEventRef};
pub use context::{
    Channel, ChannelTags, ContextContent, ContextContentType, DelegationContextAppend, HandoffMode,
    MAX_CONTEXT_TEXT_BYTES, SessionClose, SessionContextAppend, chunk_context_text,
};
pub use delegation::{
    DelegationCreated, DelegationItem, DelegationItemType, DelegationTarget, Handoff, NotHandoff,
};
pub use events::{ClientEvent, ServerEvent};
pub use frame::{
    ENDED_BEFORE_STARTED, EVENT_BEFORE_STARTED, FrameError, Handshake, Received, StreamEnd,
    receive_binary, receive_text,
};
pub use session::{
    AudioOutput, DelegationConfig, DelegationType, InitialContent, InitialContentType, InitialItem,
    InitialItemType, OutputVoice, Role, Session, SessionAudio, SessionEcho, SessionStarted,
    SessionUpdate, Voice,
};
pub use transcript::{Speaker, TranscriptAdded, TranscriptItem, Turn, TurnDone, TurnRole};
