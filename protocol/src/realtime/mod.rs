//! The realtime WebSocket protocol: one JSON event per text frame, tagged on `type`.
//!
//! [`v1`] is the "quicksilver" dialect, [`v2`] the GA Realtime API. Types whose wire form is the
//! same in both are defined once, here, and re-exported by both. [`v3`] is the Codex client's
//! "Frameless Bidi" dialect, and [`translation`] the separate translation endpoint, each with
//! unions of its own. [`Event`] is the version-independent view of the server events
//! ([`normalized`]; the v3 column in [`normalized_v3`]), and [`Normalizer`] the stateful view that keeps the running transcript;
//! [`outbound`] builds
//! the client event of each intent in either variant.

mod borrowed;
pub mod normalized;
pub mod normalized_v3;
pub mod outbound;
pub mod translation;
pub mod v1;
pub mod v2;
pub mod v3;

mod running_transcript;
mod shared;

pub use normalized::Event;
pub use running_transcript::{Normalizer, RunningTranscript, TRANSCRIPT_BOUND_BYTES};
pub use shared::{
    ErrorEvent, ErrorPayload, ErrorType, Frame, InputAudioBufferAppend, RealtimeError,
};

/// `From<payload>` for the variant of an event union whose payload type no other variant of
/// the union carries; a payload marked `shared` gets none (its variant is chosen by name).
macro_rules! union_from {
    ($ty:ident, $variant:ident, $payload:ty) => {
        impl From<$payload> for $ty {
            fn from(payload: $payload) -> Self {
                $ty::$variant(payload)
            }
        }
    };
    ($ty:ident, $variant:ident, $payload:ty, shared) => {};
}
pub(crate) use union_from;

/// Implements `Serialize`, `Deserialize` (one pass, tag first; see [`crate::tagged`]) and
/// [`crate::registry::Union`] for a realtime event enum, from one table that maps each wire
/// name (and its input aliases) to a variant and its payload type. The enum itself is declared
/// in plain Rust, with a last variant `Unknown(serde_json::Value)`.
macro_rules! event_union {
    (
        $ty:ident {
            version: $version:ident,
            direction: $direction:ident,
            module: $module:literal,
            doc: $doc:literal,
            variants: { $( $tag:literal $(| $alias:literal)* => $variant:ident($payload:ty) $($shared:ident)?, )* }
        }
    ) => {
        $( $crate::realtime::union_from!($ty, $variant, $payload $(, $shared)?); )*

        impl $crate::registry::union::sealed::Sealed for $ty {}

        impl $ty {
            /// Decodes one event from JSON text (one WebSocket text frame). An event of a
            /// `type` this union does not know is kept as raw JSON in `Unknown`. Errors name
            /// the event's `type` and the JSON path of the fault.
            pub fn decode(text: &str) -> Result<Self, $crate::DecodeError> {
                $crate::codec::decode_text(text, "type")
            }

            /// Decodes one event from an already parsed JSON value; see `decode`.
            pub fn decode_value(value: &::serde_json::Value) -> Result<Self, $crate::DecodeError> {
                $crate::codec::decode_value(value, "type")
            }

            /// Encodes the event as compact JSON text in its canonical form, `type` first
            /// (an `Unknown` event is re-encoded as it was received).
            pub fn to_json(&self) -> String {
                $crate::codec::to_json(self)
            }

            /// Encodes the event as a JSON value in its canonical form.
            pub fn to_value(&self) -> ::serde_json::Value {
                $crate::codec::encode(self)
            }

            /// The `type` this event is encoded with; `None` for an unknown event.
            pub fn wire_name(&self) -> Option<&'static str> {
                match self {
                    $( $ty::$variant(_) => Some($tag), )*
                    $ty::Unknown(_) => None,
                }
            }
        }

        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self {
                    $( $ty::$variant(payload) => $crate::tagged::serialize_tagged(s, $tag, payload), )*
                    $ty::Unknown(raw) => ::serde::Serialize::serialize(raw, s),
                }
            }
        }

        const _: () = {
            type Table = $crate::tagged::Tags<$ty>;

            impl<'de> $crate::tagged::Dispatch<'de> for Table {
                type Union = $ty;
                const TAG: &'static str = "type";
                fn known(tag: &str) -> bool {
                    matches!(tag, $( $tag $(| $alias)* )|*)
                }
                fn decode<M: ::serde::de::MapAccess<'de>>(tag: &str, rest: M) -> Result<$ty, M::Error> {
                    match tag {
                        $( $tag $(| $alias)* => $crate::tagged::decode_rest::<$payload, M>(rest).map($ty::$variant), )*
                        other => Err(<M::Error as ::serde::de::Error>::custom(format!("unknown `type` {other}"))),
                    }
                }
                fn decode_value(tag: &str, value: &::serde_json::Value) -> Result<$ty, String> {
                    match tag {
                        $( $tag $(| $alias)* => $crate::buffered::from_buffered::<$payload, ::serde_json::Error>(value)
                            .map($ty::$variant)
                            .map_err(|e| e.to_string()), )*
                        other => Err(format!("unknown `type` {other}")),
                    }
                }
                fn unknown(raw: ::serde_json::Value) -> $ty {
                    $ty::Unknown(raw)
                }
            }

            impl<'de> ::serde::Deserialize<'de> for $ty {
                fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                    $crate::tagged::deserialize::<Table, D>(d)
                }
            }
        };

        impl $crate::registry::Union for $ty {
            const NAME: &'static str = stringify!($ty);
            const SURFACE: $crate::registry::Surface = $crate::registry::Surface::Realtime;
            const VERSION: Option<$crate::registry::Version> = Some($crate::registry::Version::$version);
            const DIRECTION: $crate::registry::Direction = $crate::registry::Direction::$direction;
            const TAG: &'static str = "type";
            const MODULE: &'static str = $module;
            const DOC: &'static str = $doc;

            fn messages() -> Vec<$crate::registry::Message> {
                vec![$( $crate::registry::Message {
                    surface: Self::SURFACE,
                    version: $crate::registry::Version::$version,
                    direction: Self::DIRECTION,
                    kind: $crate::registry::Kind::Event,
                    wire_name: $tag,
                    experimental: false,
                    union: Self::NAME,
                }, )*]
            }

            fn is_unknown(&self) -> bool {
                matches!(self, $ty::Unknown(_))
            }

            fn visit_variants<V: $crate::registry::VariantVisitor>(visitor: &mut V) {
                $( visitor.event::<$payload>($crate::registry::EventVariant {
                    wire_name: $tag,
                    aliases: &[$($alias),*],
                    variant: stringify!($variant),
                }); )*
            }

            #[cfg(feature = "schema")]
            fn schema(generator: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                let mut branches: Vec<::serde_json::Value> = vec![];
                let mut tags: Vec<&str> = vec![];
                $(
                    let payload = generator.subschema_for::<$payload>();
                    for tag in [$tag $(, $alias)*] {
                        branches.push($crate::tagged::branch(&payload, tag));
                        tags.push(tag);
                    }
                )*
                branches.push($crate::tagged::unknown_branch(&tags));
                ::schemars::json_schema!({ "description": Self::DOC, "oneOf": branches })
            }
        }
    };
}
pub(crate) use event_union;
