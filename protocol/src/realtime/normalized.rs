//! The version-independent view of realtime server events (`realtime-normalized.md`).
//!
//! [`Event::from_v1`] and [`Event::from_v2`] map a decoded server event of either variant to
//! the [`Event`] it means, following the mapping table of the spec. A server event that maps to
//! nothing gives `None` (it stays available as its typed v1/v2 event); the conversions never
//! fail and never panic.

use serde_json::Value;

use super::v1;

/// Sample rate assumed for v2 model audio that does not state one, in Hz.
pub const DEFAULT_SAMPLE_RATE: u32 = 24_000;
/// Channel count assumed for v2 model audio that does not state one.
pub const DEFAULT_NUM_CHANNELS: u16 = 1;
/// The default name of the function tool whose calls are handoff requests in v2.
pub const DEFAULT_HANDOFF_TOOL: &str = "codex";

/// A meaningful server event, whatever the realtime variant on the wire.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// The server accepted a session configuration.
    SessionUpdated {
        /// The server-side session id.
        session_id: String,
        /// The instructions in effect; `None`: not echoed.
        instructions: Option<String>,
    },
    /// A chunk of model audio.
    AudioOut(AudioOut),
    /// User speech transcript text appended.
    InputTranscriptDelta(TranscriptDelta),
    /// Assistant transcript text appended.
    OutputTranscriptDelta(TranscriptDelta),
    /// Final transcript text of a part of the user's speech.
    InputTranscriptDone(TranscriptDone),
    /// Final transcript text of a part of the assistant's output.
    OutputTranscriptDone(TranscriptDone),
    /// Voice activity detection heard the user start speaking.
    InputAudioSpeechStarted {
        /// The user item that will hold the speech; `None`: not said.
        item_id: Option<String>,
    },
    /// An item was added to the conversation.
    ConversationItemAdded {
        /// The item, passed through untouched (any JSON).
        item: Value,
    },
    /// An item finished.
    ConversationItemDone {
        /// The finished item's id.
        item_id: String,
    },
    /// The model asks the client to hand a request to a background agent.
    HandoffRequested(HandoffRequest),
    /// The model started a response.
    ResponseCreated {
        /// The response id; `None`: not said.
        response_id: Option<String>,
    },
    /// A response finished (whatever its outcome).
    ResponseDone {
        /// The response id; `None`: not said.
        response_id: Option<String>,
    },
    /// A response was cancelled.
    ResponseCancelled {
        /// The response id; `None`: not said.
        response_id: Option<String>,
    },
    /// The server reported an error.
    Error {
        /// The error message.
        message: String,
    },
}

/// A chunk of model audio.
#[derive(Debug, Clone, PartialEq)]
pub struct AudioOut {
    /// The audio, base64 PCM16 LE.
    pub data: String,
    /// Sample rate in Hz.
    pub sample_rate: u32,
    /// Channel count.
    pub num_channels: u16,
    /// Samples per channel in this chunk; `None`: not said.
    pub samples_per_channel: Option<u32>,
    /// The item the audio belongs to; `None`: not said.
    pub item_id: Option<String>,
}

/// Transcript text appended to a part.
#[derive(Debug, Clone, PartialEq)]
pub struct TranscriptDelta {
    /// The text increment.
    pub delta: String,
    /// The item the text belongs to; `None`: not said.
    pub item_id: Option<String>,
    /// Index of the item in the response output; `None`: not said.
    pub output_index: Option<u32>,
    /// Index of the content part in the item; `None`: not said.
    pub content_index: Option<u32>,
}

/// The final transcript text of a part.
#[derive(Debug, Clone, PartialEq)]
pub struct TranscriptDone {
    /// The final text.
    pub text: String,
    /// The item the text belongs to; `None`: not said.
    pub item_id: Option<String>,
    /// Index of the item in the response output; `None`: not said.
    pub output_index: Option<u32>,
    /// Index of the content part in the item; `None`: not said.
    pub content_index: Option<u32>,
}

/// A request the model hands to the client.
#[derive(Debug, Clone, PartialEq)]
pub struct HandoffRequest {
    /// Identifies the request; the answer refers to it (v1 `handoff_id`, v2 `call_id`).
    pub handoff_id: String,
    /// The conversation item that triggered it.
    pub item_id: String,
    /// The user's request, as transcribed.
    pub input_transcript: String,
    /// Conversation turns since the previous handoff; empty when the server sent none.
    pub active_transcript: Vec<v1::TranscriptEntry>,
}

impl Event {
    /// The normalized event of a v1 server event; `None` for events that map to nothing.
    pub fn from_v1(event: &v1::ServerEvent) -> Option<Event> {
        use v1::ServerEvent as S;
        Some(match event {
            S::SessionUpdated(e) => Event::SessionUpdated {
                session_id: e.session.id.clone(),
                instructions: e.session.instructions.clone(),
            },
            S::ConversationOutputAudioDelta(e) => Event::AudioOut(AudioOut {
                data: e.delta.clone(),
                sample_rate: e.sample_rate,
                num_channels: e.channels,
                samples_per_channel: e.samples_per_channel,
                item_id: None,
            }),
            S::ConversationInputTranscriptDelta(e) | S::InputAudioTranscriptionDelta(e) => {
                Event::InputTranscriptDelta(TranscriptDelta::from_v1(e))
            }
            S::ConversationOutputTranscriptDelta(e) => Event::OutputTranscriptDelta(TranscriptDelta::from_v1(e)),
            S::InputAudioTranscriptionCompleted(e) => Event::InputTranscriptDone(TranscriptDone {
                text: e.transcript.clone(),
                item_id: e.item_id.clone(),
                output_index: e.output_index,
                content_index: e.content_index,
            }),
            S::ResponseOutputTextDelta(e) | S::ResponseOutputAudioTranscriptDelta(e) => {
                Event::OutputTranscriptDelta(TranscriptDelta {
                    delta: e.delta.clone(),
                    item_id: e.item_id.clone(),
                    output_index: e.output_index,
                    content_index: e.content_index,
                })
            }
            S::ResponseOutputAudioTranscriptDone(e) => Event::OutputTranscriptDone(TranscriptDone {
                text: e.transcript.clone(),
                item_id: e.item_id.clone(),
                output_index: e.output_index,
                content_index: e.content_index,
            }),
            S::ConversationItemAdded(e) => Event::ConversationItemAdded { item: e.item.clone() },
            S::ConversationItemDone(e) => Event::ConversationItemDone { item_id: e.item.id.clone() },
            S::ConversationHandoffRequested(e) => Event::HandoffRequested(HandoffRequest {
                handoff_id: e.handoff_id.clone(),
                item_id: e.item_id.clone(),
                input_transcript: e.input_transcript.clone(),
                active_transcript: e.active_transcript.clone().unwrap_or_default(),
            }),
            S::Unknown(_) => return None,
        })
    }
}

impl TranscriptDelta {
    fn from_v1(e: &v1::TranscriptDelta) -> Self {
        TranscriptDelta {
            delta: e.delta.clone(),
            item_id: e.item_id.clone(),
            output_index: e.output_index,
            content_index: e.content_index,
        }
    }
}
