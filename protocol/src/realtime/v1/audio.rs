//! `conversation.output_audio.delta` (S→C): model audio, with two spellings of two members.
//!
//! serde aliases cannot say "use `data` only when `delta` is absent" (a frame carrying both
//! would be a duplicate-field error), and neither schemars nor ts-rs can express "at least one
//! of two members". So this one event has hand-made input views, kept next to each other:
//!
//! * serde decodes [`AudioDeltaInput`] (both spellings optional) and converts it with
//!   `try_from`, which picks the canonical member first and rejects a missing pair;
//! * the JSON Schema is the derived schema of [`AudioDeltaInput`] (schemars follows
//!   `try_from`) plus the `anyOf` of [`at_least_one_of_each_pair`];
//! * the TypeScript type is written out in the `ts(type)` attribute.
//!
//! Encoding is derived from [`ConversationOutputAudioDelta`]: always `delta` and `channels`.

use serde::{Deserialize, Serialize};

/// `conversation.output_audio.delta` (S→C): a chunk of model audio, base64 PCM16 LE.
///
/// Decoders also accept `data` for `delta` and `num_channels` for `channels`; each alias is
/// used only when the canonical member is absent or `null`, and one member of each pair is
/// needed. `sample_rate` is needed too: unlike v2, v1 has no defaults. Encoders write `delta`
/// and `channels`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "AudioDeltaInput")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(
        export_to = "realtime/v1/",
        type = "{ event_id?: string | null, sample_rate: number, samples_per_channel?: number | null } & ({ delta: string, data?: string | null } | { delta?: null, data: string }) & ({ channels: number, num_channels?: number | null } | { channels?: null, num_channels: number })"
    )
)]
pub struct ConversationOutputAudioDelta {
    /// Optional id of this event; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The audio chunk (base64 PCM16 LE); read from `delta`, else `data`.
    pub delta: String,
    /// Sample rate in Hz (peers have sent 24000 and 48000).
    pub sample_rate: u32,
    /// Channel count; read from `channels`, else `num_channels`.
    pub channels: u16,
    /// Samples per channel in this chunk; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub samples_per_channel: Option<u32>,
}

/// What a `conversation.output_audio.delta` may hold on input: both spellings of the audio and
/// of the channel count. Decoded first, then converted into [`ConversationOutputAudioDelta`].
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = at_least_one_of_each_pair))]
struct AudioDeltaInput {
    /// Optional id of this event; absent: none.
    event_id: Option<String>,
    /// The audio chunk, base64 PCM16 LE (canonical name). Absent or `null`: read `data`.
    delta: Option<String>,
    /// Alias of `delta`, used only when `delta` is absent or `null`.
    data: Option<String>,
    /// Sample rate in Hz; needed (no default in v1).
    sample_rate: u32,
    /// Channel count (canonical name). Absent or `null`: read `num_channels`.
    channels: Option<u16>,
    /// Alias of `channels`, used only when `channels` is absent or `null`.
    num_channels: Option<u16>,
    /// Samples per channel in this chunk; absent: not said.
    samples_per_channel: Option<u32>,
}

impl TryFrom<AudioDeltaInput> for ConversationOutputAudioDelta {
    type Error = String;

    fn try_from(input: AudioDeltaInput) -> Result<Self, String> {
        Ok(ConversationOutputAudioDelta {
            event_id: input.event_id,
            delta: input
                .delta
                .or(input.data)
                .ok_or("missing field `delta` (or its alias `data`)")?,
            sample_rate: input.sample_rate,
            channels: input
                .channels
                .or(input.num_channels)
                .ok_or("missing field `channels` (or its alias `num_channels`)")?,
            samples_per_channel: input.samples_per_channel,
        })
    }
}

/// The pairs of spellings of [`AudioDeltaInput`]: `(canonical, alias)`.
#[cfg(feature = "schema")]
const PAIRS: [(&str, &str); 2] = [("delta", "data"), ("channels", "num_channels")];

/// Requires, for each pair of spellings, that one of them holds a non-null value. The rule is
/// one `anyOf` whose branches are the combinations of one spelling per pair (four), each
/// requiring its members with their non-null schemas: a flat form that schema-driven
/// generators handle as well as validators.
#[cfg(feature = "schema")]
fn at_least_one_of_each_pair(schema: &mut schemars::Schema) {
    use serde_json::{Map, Value, json};
    let properties = schema.get("properties").cloned().unwrap_or_default();
    // The schema of a member without `null` (and without the `default: null` of an `Option`).
    let non_null = |name: &str| {
        let mut member = properties.get(name).cloned().unwrap_or_else(|| json!({}));
        if let Some(Value::Array(types)) = member.get_mut("type") {
            types.retain(|t| t != "null");
            if let [only] = types.as_slice() {
                member["type"] = only.clone();
            }
        }
        if let Some(object) = member.as_object_mut() {
            object.remove("default");
        }
        member
    };
    let mut combinations: Vec<Vec<&str>> = vec![vec![]];
    for (canonical, alias) in PAIRS {
        combinations = combinations
            .into_iter()
            .flat_map(|chosen| [canonical, alias].map(|name| [chosen.clone(), vec![name]].concat()))
            .collect();
    }
    let branches: Vec<Value> = combinations
        .into_iter()
        .map(|names| {
            let members: Map<String, Value> =
                names.iter().map(|n| (n.to_string(), non_null(n))).collect();
            json!({ "required": names, "properties": members })
        })
        .collect();
    schema.insert("anyOf".into(), branches.into());
}
