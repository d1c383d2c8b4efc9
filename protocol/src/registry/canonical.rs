//! How accepted forms become canonical ones, as data for decoders in other languages.

use serde_json::Value;

/// How the Rust decoder and encoder turn an accepted form of one named type into its canonical
/// form, beyond what the type's JSON Schema says: the facts a decoder in another language (the
/// TypeScript runtime decoders) needs to give the same canonical value. A type is named by its
/// schema name (its `$defs` key, or the `title` of a message schema).
#[derive(Debug, Clone, PartialEq)]
pub struct CanonicalForm {
    /// The module of the unions whose messages hold the type (the `module` of its `UnionInfo`: `realtime/v2`,
    /// `app-server`, …): schema names are unique within a module only.
    pub module: &'static str,
    /// The schema name of the type.
    pub schema: &'static str,
    /// `(alias, canonical)` member names: the alias is read only when the canonical member is
    /// absent or `null`, and never emitted.
    pub member_aliases: &'static [(&'static str, &'static str)],
    /// Optional members whose `null` is kept and emitted (absent and `null` differ); every other
    /// optional member that is `null` is dropped.
    pub keeps_null: &'static [&'static str],
    /// `(member, value)`: an absent or `null` member reads as this value, which is emitted.
    pub defaults: Vec<(&'static str, Value)>,
    /// `(alias, canonical)` values of a string enum, or tags (`type`) of a tagged union.
    pub value_aliases: &'static [(&'static str, &'static str)],
    /// The tag (`type`) an object of this tagged union without a `type` member has; the
    /// encoder emits it.
    pub untagged: Option<&'static str>,
}

impl CanonicalForm {
    fn of(module: &'static str, schema: &'static str) -> Self {
        CanonicalForm {
            module,
            schema,
            member_aliases: &[],
            keeps_null: &[],
            defaults: vec![],
            value_aliases: &[],
            untagged: None,
        }
    }
}

/// Every [`CanonicalForm`] with a fact, in a fixed order.
pub fn canonical_forms() -> Vec<CanonicalForm> {
    let of = CanonicalForm::of;
    let modality = crate::app_server::v2::RealtimeOutputModality::default();
    let modality = serde_json::to_value(modality).expect("an enum value serializes");
    vec![
        // realtime v1
        CanonicalForm {
            member_aliases: &[("data", "delta"), ("num_channels", "channels")],
            ..of("realtime/v1", "ConversationOutputAudioDelta")
        },
        // realtime v2
        CanonicalForm {
            member_aliases: &[("num_channels", "channels")],
            ..of("realtime/v2", "ResponseOutputAudioDelta")
        },
        CanonicalForm {
            keeps_null: &["transcription", "noise_reduction", "turn_detection"],
            ..of("realtime/v2", "AudioInputConfig")
        },
        CanonicalForm {
            keeps_null: &["metadata", "prompt"],
            ..of("realtime/v2", "ResponseCreateParams")
        },
        CanonicalForm {
            keeps_null: &["tracing", "prompt"],
            ..of("realtime/v2", "RealtimeSessionConfig")
        },
        CanonicalForm {
            keeps_null: &["tracing", "prompt"],
            ..of("realtime/v2", "RealtimeSessionEcho")
        },
        CanonicalForm {
            value_aliases: &[("text", "output_text"), ("audio", "output_audio")],
            ..of("realtime/v2", "ContentPart")
        },
        CanonicalForm {
            value_aliases: &[("output_text", "text"), ("output_audio", "audio")],
            ..of("realtime/v2", "ResponsePartType")
        },
        CanonicalForm {
            untagged: Some("audio/pcm"),
            ..of("realtime/v2", "AudioFormat")
        },
        CanonicalForm {
            untagged: Some("function"),
            ..of("realtime/v2", "Tool")
        },
        CanonicalForm {
            untagged: Some("realtime"),
            ..of("realtime/v2", "SessionEcho")
        },
        // realtime translation
        CanonicalForm {
            keeps_null: &["noise_reduction", "transcription"],
            ..of("realtime/translation", "TranslationAudioInput")
        },
        // app-server
        CanonicalForm {
            member_aliases: &[("sessionId", "realtimeSessionId")],
            keeps_null: &["prompt"],
            defaults: vec![("outputModality", modality)],
            ..of("app-server", "ThreadRealtimeStartParams")
        },
        CanonicalForm {
            member_aliases: &[("sessionId", "realtimeSessionId")],
            ..of("app-server", "ThreadRealtimeStartedNotification")
        },
        CanonicalForm {
            value_aliases: &[("on-failure", "on-request")],
            ..of("app-server", "AskForApproval")
        },
    ]
}
