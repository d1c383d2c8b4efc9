//! The version-independent view of realtime server events (`realtime-normalized.md`).
//!
//! [`Event::from_v1`] and [`Event::from_v2`] (and, in [`super::normalized_v3`],
//! `Event::from_v3`) map a decoded server event of its variant to the [`Event`] it means,
//! following the mapping table. A server event that maps to nothing
//! gives `None` (it stays available as its typed v1/v2 event); the conversions never fail and
//! never panic. They are stateless: a handoff's `active_transcript` comes from the running
//! transcript a client keeps, which [`super::Normalizer`] adds.

use serde_json::Value;

use super::{v1, v2};

/// Sample rate assumed for v2 model audio that does not state one, in Hz.
pub const DEFAULT_SAMPLE_RATE: u32 = 24_000;
/// Channel count assumed for v2 model audio that does not state one.
pub const DEFAULT_NUM_CHANNELS: u16 = 1;
/// The default name of the function tool whose calls are handoff requests in v2: the name the
/// Codex client registers in its `session.update`.
pub const DEFAULT_HANDOFF_TOOL: &str = "background_agent";
/// The handoff tool name Codex registered and matched before it renamed the tool to
/// `background_agent`; configure it with [`NormalizeOptions::with_handoff_tool`] to talk to a
/// client that still registers it.
pub const LEGACY_HANDOFF_TOOL: &str = "codex";
/// The name of the function tool whose calls ask the client to say nothing (v2).
pub const SILENCE_TOOL: &str = "remain_silent";

/// Settings of the conversion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NormalizeOptions {
    /// The name of the function tool whose calls (v2 `function_call` items in
    /// `conversation.item.done`) are handoff requests. Default: `background_agent`
    /// ([`DEFAULT_HANDOFF_TOOL`]); set it to the name the client registers, e.g. `codex`
    /// ([`LEGACY_HANDOFF_TOOL`]) for clients of the old default.
    pub handoff_tool: String,
    /// Legacy behaviour, off by default: a finished `user` or `assistant` message item
    /// (`conversation.item.done`, v1 and v2) whose content parts carry non-empty `text` or
    /// `transcript` gives a final transcript (InputTranscriptDone / OutputTranscriptDone)
    /// instead of ConversationItemDone. With it on, clients receive duplicate final
    /// transcripts from servers that also send the `.done` / `.completed` events.
    pub transcripts_from_finished_items: bool,
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        NormalizeOptions {
            handoff_tool: DEFAULT_HANDOFF_TOOL.to_owned(),
            transcripts_from_finished_items: false,
        }
    }
}

impl NormalizeOptions {
    /// The default options with the handoff tool `name`.
    pub fn with_handoff_tool(name: impl Into<String>) -> Self {
        NormalizeOptions {
            handoff_tool: name.into(),
            ..NormalizeOptions::default()
        }
    }

    /// The behaviour of this mapper before the current mapping: handoff tool `codex` and
    /// transcripts from finished message items.
    pub fn legacy() -> Self {
        NormalizeOptions {
            handoff_tool: LEGACY_HANDOFF_TOOL.to_owned(),
            transcripts_from_finished_items: true,
        }
    }

    /// These options with transcripts from finished message items turned on or off.
    pub fn transcripts_from_finished_items(mut self, on: bool) -> Self {
        self.transcripts_from_finished_items = on;
        self
    }
}

/// A meaningful server event, whatever the realtime variant on the wire.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// The server accepted a session configuration (v3: also the session started).
    SessionUpdated {
        /// The server-side session id (the wire member `session.id`).
        realtime_session_id: String,
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
        /// The item as JSON: v1 passes it through untouched (any JSON); v2 gives its typed
        /// item encoded again (canonical spellings; an item of an unknown kind verbatim).
        item: Value,
    },
    /// An item finished.
    ConversationItemDone {
        /// The finished item's id.
        item_id: String,
    },
    /// The model asks the client to hand a request to a background agent.
    HandoffRequested(HandoffRequest),
    /// The model chose to say nothing (a v2 call of the `remain_silent` tool): the client
    /// answers with an empty tool output and requests no response.
    NoopRequested {
        /// The call to answer (the item's `call_id`, else its `id`).
        call_id: String,
        /// The call's item (its `id`, else the call id).
        item_id: String,
    },
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
    /// Identifies the request; the answer refers to it (v1 `handoff_id`, v2 `call_id`, v3
    /// `item.id` of the `delegation.created`).
    pub handoff_id: String,
    /// The conversation item that triggered it.
    pub item_id: String,
    /// The user's request, as transcribed.
    pub input_transcript: String,
    /// Conversation turns since the previous handoff, from the running transcript the client
    /// keeps: [`super::Normalizer`] fills it; the stateless conversions leave it empty (a v1
    /// server's own `active_transcript` stays in the typed v1 event).
    pub active_transcript: Vec<v1::TranscriptEntry>,
}

impl Event {
    /// The normalized event of a v1 server event; `None` for events that map to nothing.
    /// `options` matter only for `conversation.item.done` (transcripts from finished items).
    pub fn from_v1(event: &v1::ServerEvent, options: &NormalizeOptions) -> Option<Event> {
        use v1::ServerEvent as S;
        Some(match event {
            S::SessionUpdated(e) => Event::SessionUpdated {
                realtime_session_id: e.session.id.clone(),
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
            S::ConversationOutputTranscriptDelta(e) => {
                Event::OutputTranscriptDelta(TranscriptDelta::from_v1(e))
            }
            S::InputAudioTranscriptionCompleted(e) => Event::InputTranscriptDone(TranscriptDone {
                text: e.transcript.clone(),
                item_id: e.item_id.clone(),
                output_index: e.output_index,
                content_index: e.content_index,
            }),
            S::ConversationInputTranscriptTurnMarked(e) => {
                Event::InputTranscriptDone(TranscriptDone {
                    text: e.transcript.clone(),
                    item_id: e.item_id.clone(),
                    output_index: e.output_index,
                    content_index: e.content_index,
                })
            }
            S::ResponseOutputTextDelta(e) | S::ResponseOutputAudioTranscriptDelta(e) => {
                Event::OutputTranscriptDelta(TranscriptDelta {
                    delta: e.delta.clone(),
                    item_id: e.item_id.clone(),
                    output_index: e.output_index,
                    content_index: e.content_index,
                })
            }
            S::ResponseOutputAudioTranscriptDone(e) => {
                Event::OutputTranscriptDone(TranscriptDone {
                    text: e.transcript.clone(),
                    item_id: e.item_id.clone(),
                    output_index: e.output_index,
                    content_index: e.content_index,
                })
            }
            S::ConversationItemAdded(e) => Event::ConversationItemAdded {
                item: e.item.clone(),
            },
            S::ConversationItemDone(e) => match e.item.transcript() {
                Some((role, text)) if options.transcripts_from_finished_items => {
                    let done = TranscriptDone {
                        text,
                        item_id: Some(e.item.id.clone()),
                        output_index: None,
                        content_index: None,
                    };
                    match role {
                        v1::Role::User => Event::InputTranscriptDone(done),
                        _ => Event::OutputTranscriptDone(done),
                    }
                }
                _ => Event::ConversationItemDone {
                    item_id: e.item.id.clone(),
                },
            },
            S::ConversationHandoffRequested(e) => Event::HandoffRequested(HandoffRequest {
                handoff_id: e.handoff_id.clone(),
                item_id: e.item_id.clone(),
                input_transcript: e.input_transcript.clone(),
                active_transcript: vec![],
            }),
            S::Error(e) => Event::Error {
                message: e.display_message(),
            },
            S::Unknown(_) => return None,
        })
    }

    /// The normalized event of a v2 server event; `None` for events that map to nothing, and
    /// for the few whose needed member is absent (an input transcription delta without
    /// `delta`, a session echo or finished item without an id) or out of range (a channel
    /// count above 65535).
    pub fn from_v2(event: &v2::ServerEvent, options: &NormalizeOptions) -> Option<Event> {
        use v2::ServerEvent as S;
        Some(match event {
            S::SessionUpdated(e) => {
                let (session_id, instructions) = match &e.session {
                    v2::SessionEcho::Realtime(s) => (s.id.clone(), s.instructions.clone()),
                    v2::SessionEcho::Transcription(s) => (s.id.clone(), None),
                    v2::SessionEcho::Unknown(raw) => (
                        raw.get("id")?.as_str()?.to_owned(),
                        raw.get("instructions")
                            .and_then(Value::as_str)
                            .map(str::to_owned),
                    ),
                };
                Event::SessionUpdated {
                    realtime_session_id: session_id,
                    instructions,
                }
            }
            S::ResponseOutputAudioDelta(e) => Event::AudioOut(AudioOut {
                data: e.delta.clone(),
                sample_rate: e.sample_rate.unwrap_or(DEFAULT_SAMPLE_RATE),
                num_channels: match e.channels {
                    Some(channels) => u16::try_from(channels).ok()?,
                    None => DEFAULT_NUM_CHANNELS,
                },
                samples_per_channel: e.samples_per_channel,
                item_id: e.item_id.clone(),
            }),
            S::InputAudioTranscriptionDelta(e) => Event::InputTranscriptDelta(TranscriptDelta {
                delta: e.delta.clone()?,
                item_id: e.item_id.clone(),
                output_index: None,
                content_index: e.content_index,
            }),
            S::InputAudioTranscriptionCompleted(e) => Event::InputTranscriptDone(TranscriptDone {
                text: e.transcript.clone(),
                item_id: e.item_id.clone(),
                output_index: None,
                content_index: e.content_index,
            }),
            S::ResponseOutputTextDelta(e) => Event::OutputTranscriptDelta(TranscriptDelta::at(
                &e.delta,
                &e.item_id,
                e.output_index,
                e.content_index,
            )),
            S::ResponseOutputAudioTranscriptDelta(e) => Event::OutputTranscriptDelta(
                TranscriptDelta::at(&e.delta, &e.item_id, e.output_index, e.content_index),
            ),
            S::ResponseOutputTextDone(e) => Event::OutputTranscriptDone(TranscriptDone::at(
                &e.text,
                &e.item_id,
                e.output_index,
                e.content_index,
            )),
            S::ResponseOutputAudioTranscriptDone(e) => Event::OutputTranscriptDone(
                TranscriptDone::at(&e.transcript, &e.item_id, e.output_index, e.content_index),
            ),
            S::InputAudioBufferSpeechStarted(e) => Event::InputAudioSpeechStarted {
                item_id: e.item_id.clone(),
            },
            S::ConversationItemAdded(e) | S::ConversationItemCreated(e) => {
                Event::ConversationItemAdded {
                    item: crate::encode(&e.item),
                }
            }
            S::ConversationItemDone(e) => return item_done_v2(&e.item, options),
            S::ResponseCreated(e) => Event::ResponseCreated {
                response_id: e.id().map(str::to_owned),
            },
            S::ResponseDone(e) => Event::ResponseDone {
                response_id: e.id().map(str::to_owned),
            },
            S::ResponseCancelled(e) => Event::ResponseCancelled {
                response_id: e.id().map(str::to_owned),
            },
            S::Error(e) => Event::Error {
                message: e.display_message(),
            },
            _ => return None,
        })
    }
}

/// The rules of a v2 `conversation.item.done`: a call of the handoff tool is a handoff
/// request; a call of `remain_silent` with an id is a silence request; with the legacy option,
/// a user or assistant message with text is a final transcript; else the item finished (when it
/// has an id).
fn item_done_v2(item: &v2::ConversationItem, options: &NormalizeOptions) -> Option<Event> {
    use v2::ConversationItem as I;
    match item {
        I::FunctionCall(call) if call.name == options.handoff_tool => {
            let handoff_id = call.answer_call_id()?.to_owned();
            Some(Event::HandoffRequested(HandoffRequest {
                item_id: call.id.clone().unwrap_or_else(|| handoff_id.clone()),
                handoff_id,
                input_transcript: handoff_transcript(&call.arguments),
                active_transcript: vec![],
            }))
        }
        I::FunctionCall(call) if call.name == SILENCE_TOOL => match call.answer_call_id() {
            Some(call_id) => Some(Event::NoopRequested {
                call_id: call_id.to_owned(),
                item_id: call.id.clone().unwrap_or_else(|| call_id.to_owned()),
            }),
            None => item_done(item),
        },
        I::Message(message)
            if options.transcripts_from_finished_items
                && matches!(message.role, v2::Role::User | v2::Role::Assistant) =>
        {
            let text: String = message.content.iter().filter_map(part_text).collect();
            if text.is_empty() {
                return item_done(item);
            }
            let done = TranscriptDone {
                text,
                item_id: message.id.clone(),
                output_index: None,
                content_index: None,
            };
            Some(match message.role {
                v2::Role::User => Event::InputTranscriptDone(done),
                _ => Event::OutputTranscriptDone(done),
            })
        }
        _ => item_done(item),
    }
}

/// ConversationItemDone with the item's `id`; `None` when it has none.
fn item_done(item: &v2::ConversationItem) -> Option<Event> {
    let encoded = crate::encode(item);
    let item_id = encoded.get("id")?.as_str()?.to_owned();
    Some(Event::ConversationItemDone { item_id })
}

/// The keys of a handoff call's arguments that hold the request, in order of preference.
const HANDOFF_ARGUMENT_KEYS: [&str; 5] = ["input_transcript", "input", "text", "prompt", "query"];

/// The request of a handoff call: the first non-empty trimmed string among
/// [`HANDOFF_ARGUMENT_KEYS`] of the JSON object in `arguments`; else the raw `arguments` text;
/// empty when there are no arguments (an empty or blank text).
fn handoff_transcript(arguments: &str) -> String {
    if arguments.trim().is_empty() {
        return String::new();
    }
    let parsed: Option<Value> = serde_json::from_str(arguments).ok();
    let object = parsed.as_ref().and_then(Value::as_object);
    let found = object.and_then(|object| {
        HANDOFF_ARGUMENT_KEYS
            .iter()
            .filter_map(|key| object.get(*key).and_then(Value::as_str).map(str::trim))
            .find(|text| !text.is_empty())
    });
    found.unwrap_or(arguments).to_owned()
}

/// The text a content part carries: its non-empty `text`, else its non-empty `transcript`.
fn part_text(part: &v2::ContentPart) -> Option<String> {
    use v2::ContentPart as P;
    let non_empty = |text: Option<&str>| text.filter(|t| !t.is_empty()).map(str::to_owned);
    match part {
        P::InputText(p) | P::OutputText(p) => non_empty(p.text.as_deref()),
        P::InputAudio(p) | P::OutputAudio(p) => non_empty(p.transcript.as_deref()),
        P::Unknown(raw) => non_empty(raw.get("text").and_then(Value::as_str))
            .or_else(|| non_empty(raw.get("transcript").and_then(Value::as_str))),
        _ => None,
    }
}

impl TranscriptDelta {
    fn at(
        delta: &str,
        item_id: &Option<String>,
        output_index: Option<u32>,
        content_index: Option<u32>,
    ) -> Self {
        TranscriptDelta {
            delta: delta.to_owned(),
            item_id: item_id.clone(),
            output_index,
            content_index,
        }
    }

    fn from_v1(e: &v1::TranscriptDelta) -> Self {
        TranscriptDelta {
            delta: e.delta.clone(),
            item_id: e.item_id.clone(),
            output_index: e.output_index,
            content_index: e.content_index,
        }
    }
}

impl TranscriptDone {
    fn at(
        text: &str,
        item_id: &Option<String>,
        output_index: Option<u32>,
        content_index: Option<u32>,
    ) -> Self {
        TranscriptDone {
            text: text.to_owned(),
            item_id: item_id.clone(),
            output_index,
            content_index,
        }
    }
}
