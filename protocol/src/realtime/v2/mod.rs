//! Realtime v2: the GA Realtime WebSocket API (`realtime-v2.md`).
//!
//! [`ClientEvent`] is what a client sends (11 event types), [`ServerEvent`] what a server sends
//! (46 event types, plus the accepted extension `response.cancelled` and the alias
//! `response.audio.delta`). Both are tagged on `type`; a `type` this crate does not know
//! decodes to `Unknown` with the raw JSON. [`crate::realtime::Frame`] keeps the received text
//! next to the decoded event.

mod audio;
mod borrowed;
mod build;
mod canonical;
mod config;
mod conversation;
mod input_audio;
mod items;
mod mcp;
mod rate_limits;
mod response;
mod session;
mod streaming;
mod tools;
mod transcription;

pub use super::{ErrorEvent, ErrorPayload, ErrorType, InputAudioBufferAppend, RealtimeError};
pub use audio::*;
pub use borrowed::{
    ClientEventRef, InputAudioBufferAppendRef, ResponseOutputAudioDeltaRef, ServerEventRef,
};
pub use canonical::ConversationalSession;
pub use config::*;
pub use conversation::*;
pub use input_audio::*;
pub use items::*;
pub use mcp::*;
pub use rate_limits::*;
pub use response::*;
pub use session::*;
pub use streaming::*;
pub use tools::*;
pub use transcription::*;

use serde_json::Value;

/// An event a client sends to a realtime v2 server.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ClientEvent {
    /// `session.update`: change the session configuration.
    SessionUpdate(SessionUpdate),
    /// `input_audio_buffer.append`: add audio to the input buffer.
    InputAudioBufferAppend(InputAudioBufferAppend),
    /// `input_audio_buffer.commit`: turn the buffered audio into a user message item.
    InputAudioBufferCommit(InputAudioBufferCommit),
    /// `input_audio_buffer.clear`: discard the buffered audio.
    InputAudioBufferClear(InputAudioBufferClear),
    /// `output_audio_buffer.clear`: cut off playback (WebRTC/SIP).
    OutputAudioBufferClear(OutputAudioBufferClear),
    /// `conversation.item.create`: add an item.
    ConversationItemCreate(ConversationItemCreate),
    /// `conversation.item.retrieve`: fetch an item.
    ConversationItemRetrieve(ConversationItemRetrieve),
    /// `conversation.item.truncate`: drop unplayed assistant audio.
    ConversationItemTruncate(ConversationItemTruncate),
    /// `conversation.item.delete`: remove an item.
    ConversationItemDelete(ConversationItemDelete),
    /// `response.create`: ask the model to respond.
    ResponseCreate(ResponseCreate),
    /// `response.cancel`: cancel a response.
    ResponseCancel(ResponseCancel),
    /// An event whose `type` this crate does not know, kept verbatim.
    Unknown(Value),
}

crate::realtime::event_union! {
    ClientEvent {
        version: V2,
        direction: ClientToServer,
        module: "realtime/v2",
        doc: "An event a client sends to a realtime v2 server.",
        variants: {
            "session.update" => SessionUpdate(SessionUpdate),
            "input_audio_buffer.append" => InputAudioBufferAppend(InputAudioBufferAppend),
            "input_audio_buffer.commit" => InputAudioBufferCommit(InputAudioBufferCommit),
            "input_audio_buffer.clear" => InputAudioBufferClear(InputAudioBufferClear),
            "output_audio_buffer.clear" => OutputAudioBufferClear(OutputAudioBufferClear),
            "conversation.item.create" => ConversationItemCreate(ConversationItemCreate),
            "conversation.item.retrieve" => ConversationItemRetrieve(ConversationItemRetrieve),
            "conversation.item.truncate" => ConversationItemTruncate(ConversationItemTruncate),
            "conversation.item.delete" => ConversationItemDelete(ConversationItemDelete),
            "response.create" => ResponseCreate(ResponseCreate),
            "response.cancel" => ResponseCancel(ResponseCancel),
        }
    }
}

/// An event a realtime v2 server sends to its client.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ServerEvent {
    /// `session.created`: the session exists (first event).
    SessionCreated(SessionEvent),
    /// `session.updated`: the configuration after a `session.update`.
    SessionUpdated(SessionEvent),
    /// `conversation.created`: the conversation exists.
    ConversationCreated(ConversationCreated),
    /// `conversation.item.created`: an item exists.
    ConversationItemCreated(ConversationItemEvent),
    /// `conversation.item.added`: an item joined the default conversation.
    ConversationItemAdded(ConversationItemEvent),
    /// `conversation.item.done`: an item is final.
    ConversationItemDone(ConversationItemEvent),
    /// `conversation.item.retrieved`: the item asked for.
    ConversationItemRetrieved(ConversationItemRetrieved),
    /// `conversation.item.truncated`: assistant audio was truncated.
    ConversationItemTruncated(ConversationItemTruncated),
    /// `conversation.item.deleted`: an item was removed.
    ConversationItemDeleted(ConversationItemDeleted),
    /// `conversation.item.input_audio_transcription.delta`: user transcript increment.
    InputAudioTranscriptionDelta(InputAudioTranscriptionDelta),
    /// `conversation.item.input_audio_transcription.completed`: final user transcript.
    InputAudioTranscriptionCompleted(InputAudioTranscriptionCompleted),
    /// `conversation.item.input_audio_transcription.failed`: user transcription failed.
    InputAudioTranscriptionFailed(InputAudioTranscriptionFailed),
    /// `conversation.item.input_audio_transcription.segment`: a diarized transcript segment.
    InputAudioTranscriptionSegment(InputAudioTranscriptionSegment),
    /// `input_audio_buffer.committed`: the input buffer became an item.
    InputAudioBufferCommitted(InputAudioBufferCommitted),
    /// `input_audio_buffer.cleared`: the input buffer was emptied.
    InputAudioBufferCleared(InputAudioBufferCleared),
    /// `input_audio_buffer.speech_started`: VAD heard speech start.
    InputAudioBufferSpeechStarted(InputAudioBufferSpeechStarted),
    /// `input_audio_buffer.speech_stopped`: VAD heard speech stop.
    InputAudioBufferSpeechStopped(InputAudioBufferSpeechStopped),
    /// `input_audio_buffer.timeout_triggered`: the idle timeout fired.
    InputAudioBufferTimeoutTriggered(InputAudioBufferTimeoutTriggered),
    /// `input_audio_buffer.dtmf_event_received`: a keypad key was pressed (SIP).
    InputAudioBufferDtmfEventReceived(InputAudioBufferDtmfEventReceived),
    /// `output_audio_buffer.started`: response audio started playing (WebRTC/SIP).
    OutputAudioBufferStarted(OutputAudioBufferEvent),
    /// `output_audio_buffer.stopped`: response audio drained (WebRTC/SIP).
    OutputAudioBufferStopped(OutputAudioBufferEvent),
    /// `output_audio_buffer.cleared`: response audio cut off (WebRTC/SIP).
    OutputAudioBufferCleared(OutputAudioBufferEvent),
    /// `response.created`: a response started.
    ResponseCreated(ResponseEvent),
    /// `response.done`: a response ended (exactly once per response).
    ResponseDone(ResponseEvent),
    /// `response.cancelled` (an extension some peers send): a response was cancelled.
    ResponseCancelled(ResponseCancelled),
    /// `response.output_item.added`: an output item started.
    ResponseOutputItemAdded(ResponseOutputItemEvent),
    /// `response.output_item.done`: an output item is final.
    ResponseOutputItemDone(ResponseOutputItemEvent),
    /// `response.content_part.added`: a content part started.
    ResponseContentPartAdded(ResponseContentPartEvent),
    /// `response.content_part.done`: a content part is final.
    ResponseContentPartDone(ResponseContentPartEvent),
    /// `response.output_text.delta`: text increment.
    ResponseOutputTextDelta(ResponseOutputTextDelta),
    /// `response.output_text.done`: final text of a part.
    ResponseOutputTextDone(ResponseOutputTextDone),
    /// `response.output_audio_transcript.delta`: transcript increment of model audio.
    ResponseOutputAudioTranscriptDelta(ResponseOutputAudioTranscriptDelta),
    /// `response.output_audio_transcript.done`: final transcript of model audio.
    ResponseOutputAudioTranscriptDone(ResponseOutputAudioTranscriptDone),
    /// `response.output_audio.delta` (alias `response.audio.delta` on input): a chunk of model
    /// audio.
    ResponseOutputAudioDelta(ResponseOutputAudioDelta),
    /// `response.output_audio.done`: the model finished an audio part.
    ResponseOutputAudioDone(ResponseOutputAudioDone),
    /// `response.function_call_arguments.delta`: function call arguments increment.
    ResponseFunctionCallArgumentsDelta(ResponseFunctionCallArgumentsDelta),
    /// `response.function_call_arguments.done`: complete function call arguments.
    ResponseFunctionCallArgumentsDone(ResponseFunctionCallArgumentsDone),
    /// `response.mcp_call_arguments.delta`: MCP call arguments increment.
    ResponseMcpCallArgumentsDelta(ResponseMcpCallArgumentsDelta),
    /// `response.mcp_call_arguments.done`: complete MCP call arguments.
    ResponseMcpCallArgumentsDone(ResponseMcpCallArgumentsDone),
    /// `response.mcp_call.in_progress`: an MCP call is running.
    ResponseMcpCallInProgress(ResponseMcpCallEvent),
    /// `response.mcp_call.completed`: an MCP call succeeded.
    ResponseMcpCallCompleted(ResponseMcpCallEvent),
    /// `response.mcp_call.failed`: an MCP call failed.
    ResponseMcpCallFailed(ResponseMcpCallEvent),
    /// `mcp_list_tools.in_progress`: listing an MCP server's tools.
    McpListToolsInProgress(McpListToolsEvent),
    /// `mcp_list_tools.completed`: an MCP server's tools were listed.
    McpListToolsCompleted(McpListToolsEvent),
    /// `mcp_list_tools.failed`: listing an MCP server's tools failed.
    McpListToolsFailed(McpListToolsEvent),
    /// `rate_limits.updated`: the current rate limits.
    RateLimitsUpdated(RateLimitsUpdated),
    /// `error`: the server reports an error.
    Error(ErrorEvent),
    /// An event whose `type` this crate does not know, kept verbatim.
    Unknown(Value),
}

crate::realtime::event_union! {
    ServerEvent {
        version: V2,
        direction: ServerToClient,
        module: "realtime/v2",
        doc: "An event a realtime v2 server sends to its client.",
        variants: {
            "session.created" => SessionCreated(SessionEvent) shared,
            "session.updated" => SessionUpdated(SessionEvent) shared,
            "conversation.created" => ConversationCreated(ConversationCreated),
            "conversation.item.created" => ConversationItemCreated(ConversationItemEvent) shared,
            "conversation.item.added" => ConversationItemAdded(ConversationItemEvent) shared,
            "conversation.item.done" => ConversationItemDone(ConversationItemEvent) shared,
            "conversation.item.retrieved" => ConversationItemRetrieved(ConversationItemRetrieved),
            "conversation.item.truncated" => ConversationItemTruncated(ConversationItemTruncated),
            "conversation.item.deleted" => ConversationItemDeleted(ConversationItemDeleted),
            "conversation.item.input_audio_transcription.delta" => InputAudioTranscriptionDelta(InputAudioTranscriptionDelta),
            "conversation.item.input_audio_transcription.completed" => InputAudioTranscriptionCompleted(InputAudioTranscriptionCompleted),
            "conversation.item.input_audio_transcription.failed" => InputAudioTranscriptionFailed(InputAudioTranscriptionFailed),
            "conversation.item.input_audio_transcription.segment" => InputAudioTranscriptionSegment(InputAudioTranscriptionSegment),
            "input_audio_buffer.committed" => InputAudioBufferCommitted(InputAudioBufferCommitted),
            "input_audio_buffer.cleared" => InputAudioBufferCleared(InputAudioBufferCleared),
            "input_audio_buffer.speech_started" => InputAudioBufferSpeechStarted(InputAudioBufferSpeechStarted),
            "input_audio_buffer.speech_stopped" => InputAudioBufferSpeechStopped(InputAudioBufferSpeechStopped),
            "input_audio_buffer.timeout_triggered" => InputAudioBufferTimeoutTriggered(InputAudioBufferTimeoutTriggered),
            "input_audio_buffer.dtmf_event_received" => InputAudioBufferDtmfEventReceived(InputAudioBufferDtmfEventReceived),
            "output_audio_buffer.started" => OutputAudioBufferStarted(OutputAudioBufferEvent) shared,
            "output_audio_buffer.stopped" => OutputAudioBufferStopped(OutputAudioBufferEvent) shared,
            "output_audio_buffer.cleared" => OutputAudioBufferCleared(OutputAudioBufferEvent) shared,
            "response.created" => ResponseCreated(ResponseEvent) shared,
            "response.done" => ResponseDone(ResponseEvent) shared,
            "response.cancelled" => ResponseCancelled(ResponseCancelled),
            "response.output_item.added" => ResponseOutputItemAdded(ResponseOutputItemEvent) shared,
            "response.output_item.done" => ResponseOutputItemDone(ResponseOutputItemEvent) shared,
            "response.content_part.added" => ResponseContentPartAdded(ResponseContentPartEvent) shared,
            "response.content_part.done" => ResponseContentPartDone(ResponseContentPartEvent) shared,
            "response.output_text.delta" => ResponseOutputTextDelta(ResponseOutputTextDelta),
            "response.output_text.done" => ResponseOutputTextDone(ResponseOutputTextDone),
            "response.output_audio_transcript.delta" => ResponseOutputAudioTranscriptDelta(ResponseOutputAudioTranscriptDelta),
            "response.output_audio_transcript.done" => ResponseOutputAudioTranscriptDone(ResponseOutputAudioTranscriptDone),
            "response.output_audio.delta" | "response.audio.delta" => ResponseOutputAudioDelta(ResponseOutputAudioDelta),
            "response.output_audio.done" => ResponseOutputAudioDone(ResponseOutputAudioDone),
            "response.function_call_arguments.delta" => ResponseFunctionCallArgumentsDelta(ResponseFunctionCallArgumentsDelta),
            "response.function_call_arguments.done" => ResponseFunctionCallArgumentsDone(ResponseFunctionCallArgumentsDone),
            "response.mcp_call_arguments.delta" => ResponseMcpCallArgumentsDelta(ResponseMcpCallArgumentsDelta),
            "response.mcp_call_arguments.done" => ResponseMcpCallArgumentsDone(ResponseMcpCallArgumentsDone),
            "response.mcp_call.in_progress" => ResponseMcpCallInProgress(ResponseMcpCallEvent) shared,
            "response.mcp_call.completed" => ResponseMcpCallCompleted(ResponseMcpCallEvent) shared,
            "response.mcp_call.failed" => ResponseMcpCallFailed(ResponseMcpCallEvent) shared,
            "mcp_list_tools.in_progress" => McpListToolsInProgress(McpListToolsEvent) shared,
            "mcp_list_tools.completed" => McpListToolsCompleted(McpListToolsEvent) shared,
            "mcp_list_tools.failed" => McpListToolsFailed(McpListToolsEvent) shared,
            "rate_limits.updated" => RateLimitsUpdated(RateLimitsUpdated),
            "error" => Error(ErrorEvent),
        }
    }
}

/// Decodes a value without a string tag as the default variant `T` of its union (e.g. an audio
/// format without `type` is PCM). A tag that is present but not a string is an error.
fn default_variant<T: serde::de::DeserializeOwned>(raw: &Value, tag: &str) -> Result<T, String> {
    if raw.get(tag).is_some() {
        return Err(format!("`{tag}` must be a string"));
    }
    crate::buffered::from_buffered::<T, serde_json::Error>(raw).map_err(|e| e.to_string())
}

/// What a union's decoder does with an object without a string tag.
#[cfg(feature = "schema")]
enum Untagged {
    /// It is the variant with this tag.
    Default(&'static str),
    /// It is kept as an unknown variant.
    Unknown,
}

/// Completes the derived schema of an open union so that it accepts exactly what the decoder
/// accepts: alias branches, the unknown-variant branch, and the untagged case.
#[cfg(feature = "schema")]
fn union_schema(
    schema: &mut schemars::Schema,
    aliases: &'static [(&'static str, &'static str)],
    untagged: Untagged,
) {
    use schemars::transform::Transform;
    crate::open_union::UnknownBranch {
        tag: "type",
        aliases,
    }
    .transform(schema);
    let untagged_branch = match untagged {
        Untagged::Unknown => serde_json::json!({
            "description": "A value without a string `type` (or not an object), kept as raw JSON.",
            "not": { "type": "object", "required": ["type"], "properties": { "type": { "type": "string" } } }
        }),
        Untagged::Default(tag) => {
            let branches = schema.get("oneOf").and_then(Value::as_array);
            let Some(branch) = branches.and_then(|b| {
                b.iter()
                    .find(|b| crate::open_union::branch_tag(b, "type") == Some(tag))
            }) else {
                return;
            };
            let mut branch = branch.clone();
            if let Some(object) = branch.as_object_mut() {
                object.remove("required");
                if let Some(Value::Object(properties)) = object.get_mut("properties") {
                    properties.remove("type");
                }
                object.insert("not".into(), serde_json::json!({ "required": ["type"] }));
                let description = format!("`{tag}` without `type` (encoders always emit `type`).");
                object.insert("description".into(), Value::String(description));
            }
            branch
        }
    };
    if let Some(Value::Array(branches)) = schema.get_mut("oneOf") {
        branches.push(untagged_branch);
    }
}

/// Adds accepted synonyms to the schema of a string enum (a `oneOf`/`enum` of its values).
#[cfg(feature = "schema")]
fn enum_aliases(schema: &mut schemars::Schema, aliases: &[&str]) {
    let extra: Vec<Value> = aliases
        .iter()
        .map(|alias| serde_json::json!({ "type": "string", "const": alias, "description": "An accepted synonym; encoders emit the canonical spelling." }))
        .collect();
    if let Some(Value::Array(values)) = schema.get_mut("enum") {
        values.extend(aliases.iter().map(|a| Value::from(*a)));
    } else if let Some(Value::Array(branches)) = schema.get_mut("oneOf") {
        branches.extend(extra);
    }
}

/// The TypeScript type of an open union whose decoder reads an object without `type` as one of
/// its variants `D` (an audio format without `type` is PCM, a tool without `type` is a
/// function, a session echo without `type` is a realtime session): `U | ({ "type"?: never } & D)`.
/// Used as `#[ts(as = "…")]` on the members that hold such a union, so that TypeScript accepts
/// the type-less form that the decoder and the schema accept.
#[cfg(feature = "ts")]
pub(crate) struct UntaggedDefault<U: ?Sized, D: ?Sized>(std::marker::PhantomData<(Box<U>, Box<D>)>);

#[cfg(feature = "ts")]
impl<U: ts_rs::TS + 'static, D: ts_rs::TS + 'static> ts_rs::TS for UntaggedDefault<U, D> {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;

    fn name(cfg: &ts_rs::Config) -> String {
        format!(
            "{} | ({{ \"type\"?: never }} & {})",
            U::name(cfg),
            D::name(cfg)
        )
    }

    fn inline(cfg: &ts_rs::Config) -> String {
        Self::name(cfg)
    }

    fn visit_dependencies(v: &mut impl ts_rs::TypeVisitor)
    where
        Self: 'static,
    {
        v.visit::<U>();
        v.visit::<D>();
    }

    fn visit_generics(v: &mut impl ts_rs::TypeVisitor)
    where
        Self: 'static,
    {
        v.visit::<U>();
        v.visit::<D>();
    }
}
