//! The transcripts of a translation session: `session.input_transcript.delta` (source
//! language) and `session.output_transcript.delta` (target language) (S→C).

use serde::{Deserialize, Serialize};

/// `session.input_transcript.delta` (the source-language transcript, sent only while source
/// transcription is on) and `session.output_transcript.delta` (the target-language transcript
/// of the translated audio) (S→C): the next fragment of a transcript.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/translation/", optional_fields = nullable))]
pub struct TranslationTranscriptDelta {
    /// Server-unique id of this event; always sent by the official service, accepted when
    /// absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The text fragment. The transcript is the deltas concatenated exactly as received, with
    /// no separator inserted between them.
    pub delta: String,
    /// Alignment with the source audio, in milliseconds since the session start, derived from
    /// the 200 ms translation frame (so it advances in 200 ms steps); several deltas may share
    /// a value, so it is not an identifier. Absent or `null`: not known for this delta.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elapsed_ms: Option<u32>,
}
