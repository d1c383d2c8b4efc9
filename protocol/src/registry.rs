//! The list of every message of every protocol, for code generation and tests.
//!
//! A message belongs to one *union*: the type a peer decodes from one direction of one protocol
//! (e.g. [`crate::realtime::v2::ServerEvent`], [`crate::app_server::ClientMessage`]). The
//! registry lists the unions; each union lists its messages from its own declaration (the
//! `event_union!` table of a realtime union, the method list of an app-server union), so
//! declaring a message registers it.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::fmt::Debug;

use crate::error::DecodeError;
pub use crate::open_union::branch_tag;

/// The protocol a message belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Surface {
    /// The realtime WebSocket protocol (events tagged on `type`).
    Realtime,
    /// The app-server JSON-RPC protocol (messages named by `method`).
    AppServer,
}

impl Surface {
    /// The name used in paths and the catalog: `realtime` or `app-server`.
    pub fn as_str(self) -> &'static str {
        match self {
            Surface::Realtime => "realtime",
            Surface::AppServer => "app-server",
        }
    }
}

/// The protocol version (realtime dialect, or app-server method namespace), or, for a realtime
/// surface that is a separate endpoint with its own events rather than a dialect, that endpoint
/// ([`Version::Translation`]). It names the folder of a union's files and the `version` of its
/// catalog entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Version {
    /// Realtime "quicksilver", or the app-server v1 (camelCase) namespace.
    V1,
    /// Realtime GA, or the app-server v2 (slash-separated) namespace.
    V2,
    /// Realtime "Frameless Bidi" (endpoint `/v1/live`), the Codex client's third dialect.
    V3,
    /// The realtime translation endpoint (`/v1/realtime/translations`): not a protocol version
    /// but its own set of events, some of whose names the conversation protocol also uses with
    /// other payloads.
    Translation,
}

impl Version {
    /// `v1`, `v2`, `v3` or `translation`.
    pub fn as_str(self) -> &'static str {
        match self {
            Version::V1 => "v1",
            Version::V2 => "v2",
            Version::V3 => "v3",
            Version::Translation => "translation",
        }
    }
}

/// Who sends a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Direction {
    /// Sent by the client, received by the server.
    ClientToServer,
    /// Sent by the server, received by the client.
    ServerToClient,
}

impl Direction {
    /// `client-to-server` or `server-to-client`.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::ClientToServer => "client-to-server",
            Direction::ServerToClient => "server-to-client",
        }
    }
}

/// What kind of message an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A realtime event, named by its `type`.
    Event,
    /// A JSON-RPC request (answered by a response or an error), named by its `method`.
    Request,
    /// A JSON-RPC notification, named by its `method`.
    Notification,
}

impl Kind {
    /// `event`, `request` or `notification`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Event => "event",
            Kind::Request => "request",
            Kind::Notification => "notification",
        }
    }
}

/// One registered message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The protocol.
    pub surface: Surface,
    /// The version or namespace.
    pub version: Version,
    /// Who sends it.
    pub direction: Direction,
    /// Event, request or notification.
    pub kind: Kind,
    /// The event `type` or JSON-RPC `method`.
    pub wire_name: &'static str,
    /// Only usable after opting in to experimental API (app-server `thread/realtime/*`).
    pub experimental: bool,
    /// The name of the union that holds it (e.g. `ServerEvent`).
    pub union: &'static str,
}

impl Message {
    /// Removed upstream but still decoded (app-server `loginApiKey` and `authStatusChange`):
    /// decoders accept it; encoders targeting a current peer do not emit it.
    pub fn legacy(&self) -> bool {
        self.surface == Surface::AppServer && crate::app_server::spec::is_legacy(self.wire_name)
    }
}

/// The outcome of decoding a value and encoding it again, for the agreement tests.
#[derive(Debug, Clone)]
pub struct Roundtrip {
    /// The name (`type` or `method`) of the message the value decoded to; `None` for a value
    /// kept as unknown.
    pub wire_name: Option<String>,
    /// Whether the value was kept as an unknown message (raw JSON). A JSON-RPC response has no
    /// name but is not unknown.
    pub unknown: bool,
    /// The decoded value, encoded again.
    pub encoded: Value,
    /// The `Debug` form of the decoded value.
    pub debug: String,
    /// Whether decoding `encoded` gives a value equal to the first decoded one.
    pub stable: bool,
}

/// The result of a JSON-RPC request method: what answers to it look like.
///
/// A response (`{"id", "result"}`) does not say which method it answers, so the tests check
/// result examples (`tests/examples/app-server/<version>/<method>/<case>.result.json`, each a
/// whole response envelope) with the [`ResultInfo`] of the method named by the folder: see
/// [`result_for`].
#[derive(Clone, Copy)]
pub struct ResultInfo {
    /// The request's `method`.
    pub method: &'static str,
    /// Its namespace.
    pub version: Version,
    /// Decodes a whole response envelope `{"id", "result"}` answering this method (the result
    /// typed as the method's result type), encodes it again and decodes that once more.
    pub roundtrip: fn(&Value) -> Result<Roundtrip, DecodeError>,
    /// The JSON Schema of a whole response envelope answering this method.
    #[cfg(feature = "schema")]
    pub schema: fn(&mut schemars::SchemaGenerator) -> schemars::Schema,
}

impl Debug for ResultInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ResultInfo({})", self.method)
    }
}

/// Seals [`Union`]: the unions of this crate are the only ones, so that the trait can grow
/// without a breaking release.
pub(crate) mod sealed {
    /// Implemented by the unions of this crate only.
    pub trait Sealed {}
}

/// A top-level union of the protocol: what one peer decodes from one direction. It is sealed:
/// only the unions of this crate implement it.
pub trait Union:
    sealed::Sealed + Serialize + DeserializeOwned + Debug + PartialEq + 'static
{
    /// Its Rust (and TypeScript, and schema file) name, e.g. `ServerEvent`.
    const NAME: &'static str;
    /// Its protocol.
    const SURFACE: Surface;
    /// Its version; `None` for the app-server unions, which span both namespaces.
    const VERSION: Option<Version>;
    /// Who sends it.
    const DIRECTION: Direction;
    /// The member that names a message: `type` or `method`.
    const TAG: &'static str;
    /// The folder of its generated files under `schemas/` and `generated/typescript/`.
    const MODULE: &'static str;

    /// Every message it holds.
    fn messages() -> Vec<Message>;

    /// Whether this value was kept as an unknown message (raw JSON).
    fn is_unknown(&self) -> bool;

    /// The results of the request methods it holds (none for event unions).
    fn results() -> Vec<ResultInfo> {
        Vec::new()
    }

    /// The JSON Schema of the union, accepting exactly what its decoder accepts.
    #[cfg(feature = "schema")]
    fn schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema;

    /// The TypeScript files of the union and every type it uses, keyed by path under
    /// `generated/typescript/`.
    #[cfg(feature = "ts")]
    fn ts_files(config: &ts_rs::Config) -> Vec<(std::path::PathBuf, String)>;
}

/// A registered union, with the functions that codegen and the tests call on it.
#[derive(Clone, Copy)]
pub struct UnionInfo {
    /// See [`Union::NAME`].
    pub name: &'static str,
    /// See [`Union::SURFACE`].
    pub surface: Surface,
    /// See [`Union::VERSION`].
    pub version: Option<Version>,
    /// See [`Union::DIRECTION`].
    pub direction: Direction,
    /// See [`Union::TAG`].
    pub tag: &'static str,
    /// See [`Union::MODULE`].
    pub module: &'static str,
    /// See [`Union::messages`].
    pub messages: fn() -> Vec<Message>,
    /// See [`Union::results`].
    pub results: fn() -> Vec<ResultInfo>,
    /// Decodes a value as this union, encodes it again and decodes that once more.
    pub roundtrip: fn(&Value) -> Result<Roundtrip, DecodeError>,
    /// Runs every decoder of the union on one JSON text (`crate::codec::check_text`): what the
    /// fuzz targets and hostile-input tests compare.
    #[doc(hidden)]
    pub text: fn(&str) -> crate::codec::TextCheck,
    /// See [`Union::schema`].
    #[cfg(feature = "schema")]
    pub schema: fn(&mut schemars::SchemaGenerator) -> schemars::Schema,
    /// See [`Union::ts_files`].
    #[cfg(feature = "ts")]
    pub ts_files: fn(&ts_rs::Config) -> Vec<(std::path::PathBuf, String)>,
}

impl UnionInfo {
    /// The entry of the union `U`.
    pub fn of<U: Union>() -> Self {
        UnionInfo {
            name: U::NAME,
            surface: U::SURFACE,
            version: U::VERSION,
            direction: U::DIRECTION,
            tag: U::TAG,
            module: U::MODULE,
            messages: U::messages,
            results: U::results,
            roundtrip: roundtrip::<U>,
            text: crate::codec::check_text::<U>,
            #[cfg(feature = "schema")]
            schema: U::schema,
            #[cfg(feature = "ts")]
            ts_files: U::ts_files,
        }
    }

    /// Decodes JSON text as this union (errors name the message and the JSON path).
    pub fn decode(&self, value: &Value) -> Result<Roundtrip, DecodeError> {
        (self.roundtrip)(value)
    }
}

impl Debug for UnionInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "UnionInfo({})", self.module.to_owned() + "/" + self.name)
    }
}

fn roundtrip<U: Union>(value: &Value) -> Result<Roundtrip, DecodeError> {
    let decoded: U = crate::codec::decode_value(value, U::TAG)?;
    let encoded = crate::codec::encode(&decoded);
    let again: Result<U, _> = crate::codec::decode_value(&encoded, U::TAG);
    let name = encoded
        .get(U::TAG)
        .and_then(Value::as_str)
        .map(str::to_owned);
    Ok(Roundtrip {
        wire_name: if decoded.is_unknown() { None } else { name },
        unknown: decoded.is_unknown(),
        debug: format!("{decoded:#?}"),
        stable: again.is_ok_and(|again| again == decoded),
        encoded,
    })
}

/// Every union of every protocol, in a fixed order.
pub fn unions() -> Vec<UnionInfo> {
    vec![
        UnionInfo::of::<crate::realtime::v1::ClientEvent>(),
        UnionInfo::of::<crate::realtime::v1::ServerEvent>(),
        UnionInfo::of::<crate::realtime::v2::ClientEvent>(),
        UnionInfo::of::<crate::realtime::v2::ServerEvent>(),
        UnionInfo::of::<crate::realtime::v3::ClientEvent>(),
        UnionInfo::of::<crate::realtime::v3::ServerEvent>(),
        UnionInfo::of::<crate::realtime::translation::ClientEvent>(),
        UnionInfo::of::<crate::realtime::translation::ServerEvent>(),
        UnionInfo::of::<crate::app_server::ClientMessage>(),
        UnionInfo::of::<crate::app_server::ServerMessage>(),
    ]
}

/// Every registered message of every union.
pub fn messages() -> Vec<Message> {
    unions().iter().flat_map(|u| (u.messages)()).collect()
}

/// The results of every request method of every union.
pub fn results() -> Vec<ResultInfo> {
    unions().iter().flat_map(|u| (u.results)()).collect()
}

/// The result of the request method `method`, if it is one.
pub fn result_for(method: &str) -> Option<ResultInfo> {
    results().into_iter().find(|r| r.method == method)
}

/// How the Rust decoder and encoder turn an accepted form of one named type into its canonical
/// form, beyond what the type's JSON Schema says: the facts a decoder in another language (the
/// TypeScript runtime decoders) needs to give the same canonical value. A type is named by its
/// schema name (its `$defs` key, or the `title` of a message schema).
#[derive(Debug, Clone, PartialEq)]
pub struct CanonicalForm {
    /// The module of the unions whose messages hold the type ([`UnionInfo::module`]: `realtime/v2`,
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
