//! The version-independent view of realtime v3 ("Frameless Bidi") server events: the v3 column
//! of the mapping table.
//!
//! [`Event::from_v3`] maps a decoded v3 server event to the [`Event`] it means;
//! [`Event::try_from_v3`] does the same and says, as a [`V3Unmapped`], why an event maps to
//! nothing. Every v3 event the dialect defines maps, except a `delegation.created` that is not
//! a client delegation and a `turn.done` whose role is neither `user` nor `assistant`; an event
//! of an unknown `type` maps to nothing and stays available as raw JSON. [`Normalizer::v3`]
//! adds the running transcript.
//!
//! No setting of [`NormalizeOptions`] changes the v3 mapping: a v3 server asks for a handoff
//! with `delegation.created`, never with a tool call, so the handoff tool name does not apply;
//! and v3 has no finished conversation items, so "transcripts from finished items" has nothing
//! to act on. v3 gives no InputAudioSpeechStarted, ConversationItemAdded, ConversationItemDone,
//! ResponseCreated, ResponseDone, ResponseCancelled or NoopRequested.

use super::normalized::{
    AudioOut, Event, HandoffRequest, NormalizeOptions, TranscriptDelta, TranscriptDone,
};
use super::running_transcript::Normalizer;
use super::v3;

/// Why a v3 server event maps to no normalized event. None of these is an error: the event
/// stays available as its typed v3 event (or, for an unknown `type`, as raw JSON).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum V3Unmapped {
    /// A `delegation.created` that is not a handoff request for this client (its item is not a
    /// `delegation`, its target is not `client`, or its content is not an array); the Codex
    /// client ignores it.
    NotHandoff(v3::NotHandoff),
    /// A `turn.done` whose `turn.role` is neither `user` nor `assistant` (the role): it carries
    /// no final transcript the view uses.
    OtherTurnRole(String),
    /// An event whose `type` v3 does not define, kept as raw JSON.
    UnknownType,
}

impl std::fmt::Display for V3Unmapped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            V3Unmapped::NotHandoff(reason) => {
                write!(f, "delegation.created is not a handoff request: {reason}")
            }
            V3Unmapped::OtherTurnRole(role) => write!(
                f,
                "turn.done with `turn.role` `{role}` carries no final transcript (only `user` and `assistant` do)"
            ),
            V3Unmapped::UnknownType => write!(f, "an event of an unknown `type`"),
        }
    }
}

impl Event {
    /// The normalized event of a v3 server event; `None` for the events that map to nothing
    /// (see [`Event::try_from_v3`] for the reason). `options` are taken for symmetry with
    /// [`Event::from_v1`] and [`Event::from_v2`]; none of them changes the v3 mapping.
    pub fn from_v3(event: &v3::ServerEvent, options: &NormalizeOptions) -> Option<Event> {
        Event::try_from_v3(event, options).ok()
    }

    /// The normalized event of a v3 server event, or why it maps to nothing:
    ///
    /// * `session.started` and `session.updated` → SessionUpdated (`session.id`, and
    ///   `session.instructions` when echoed);
    /// * `output_audio.delta` → AudioOut (`audio`; 24 000 Hz and one channel, which v3 never
    ///   transmits; no samples per channel, no item id);
    /// * `input_transcript.added` / `output_transcript.added` → InputTranscriptDelta /
    ///   OutputTranscriptDelta with `item.text` as the delta and no ids;
    /// * `turn.done` → InputTranscriptDone (role `user`) or OutputTranscriptDone (role
    ///   `assistant`) with `turn.transcript` as the text and no ids; any other role
    ///   [`V3Unmapped::OtherTurnRole`];
    /// * `delegation.created` → HandoffRequested when it is a client delegation (`item.id` as
    ///   both the handoff id and the item id, the concatenated `input_text` texts as the
    ///   request, an empty `active_transcript` that [`Normalizer::v3`] fills); otherwise
    ///   [`V3Unmapped::NotHandoff`] with the reason;
    /// * `error` → Error, with the first of the top-level `message`, `error.message`, or the
    ///   `error` value itself (its JSON text when it is not a string);
    /// * an unknown `type` → [`V3Unmapped::UnknownType`].
    pub fn try_from_v3(
        event: &v3::ServerEvent,
        _options: &NormalizeOptions,
    ) -> Result<Event, V3Unmapped> {
        use v3::ServerEvent as S;
        Ok(match event {
            S::SessionStarted(e) | S::SessionUpdated(e) => Event::SessionUpdated {
                realtime_session_id: e.session.id.clone(),
                instructions: e.session.instructions.clone(),
            },
            S::OutputAudioDelta(e) => Event::AudioOut(AudioOut {
                data: e.audio.clone(),
                sample_rate: v3::OutputAudioDelta::SAMPLE_RATE,
                num_channels: v3::OutputAudioDelta::NUM_CHANNELS,
                samples_per_channel: None,
                item_id: None,
            }),
            S::InputTranscriptAdded(e) => Event::InputTranscriptDelta(delta(e)),
            S::OutputTranscriptAdded(e) => Event::OutputTranscriptDelta(delta(e)),
            S::TurnDone(e) => match &e.turn.role {
                v3::TurnRole::User => Event::InputTranscriptDone(done(&e.turn.transcript)),
                v3::TurnRole::Assistant => Event::OutputTranscriptDone(done(&e.turn.transcript)),
                v3::TurnRole::Other(role) => return Err(V3Unmapped::OtherTurnRole(role.clone())),
            },
            S::DelegationCreated(e) => {
                let handoff = e.handoff().map_err(V3Unmapped::NotHandoff)?;
                Event::HandoffRequested(HandoffRequest {
                    handoff_id: handoff.handoff_id,
                    item_id: handoff.item_id,
                    input_transcript: handoff.input_transcript,
                    active_transcript: vec![],
                })
            }
            S::Error(e) => Event::Error {
                message: e.display_message(),
            },
            S::Unknown(_) => return Err(V3Unmapped::UnknownType),
        })
    }
}

/// A v3 transcript increment: `item.text`, without ids (v3 never provides them).
fn delta(event: &v3::TranscriptAdded) -> TranscriptDelta {
    TranscriptDelta {
        delta: event.delta().to_owned(),
        item_id: None,
        output_index: None,
        content_index: None,
    }
}

/// A v3 final transcript: the turn's complete transcript, without ids.
fn done(text: &str) -> TranscriptDone {
    TranscriptDone {
        text: text.to_owned(),
        item_id: None,
        output_index: None,
        content_index: None,
    }
}

impl Normalizer {
    /// The normalized event of a v3 server event (see [`Event::from_v3`]), after updating the
    /// running transcript. Keep one mapper per conversation, not per connection: in v3 the
    /// running transcript survives a sideband reconnection, and a new `session.started` or
    /// `session.updated` does not reset it.
    pub fn v3(&mut self, event: &v3::ServerEvent) -> Option<Event> {
        let event = Event::from_v3(event, &self.options)?;
        Some(self.observe(event))
    }
}
