//! The borrowed decoding path: audio events whose large strings borrow from the input frame.
//!
//! About 70% of realtime bytes are base64 audio. The owned unions copy each chunk into a fresh
//! `String`; the borrowed views (`realtime::v2::ServerEventRef`, `app_server::ServerMessageRef`,
//! …) keep every string of an audio event as a `Cow<'a, str>` that borrows from the frame text
//! (it owns a copy only when JSON escapes force one). Every other event is decoded by the owned
//! union's own decoder and held as `Owned(Box<event>)`: boxed, so that a view is the size of its
//! audio variant (a few words) rather than of the largest owned event, which every decoding
//! step would otherwise move.
//!
//! Each union has one entry point, `decode_borrowed(text)`, with the same outcome as
//! [`crate::decode`] (or the app-server `decode`): the same events, aliases, minimal forms and
//! unknown events kept as raw JSON, and on bad input the same error, because an input the
//! borrowed pass refuses is decoded again by the owned decoder, which builds the error. A view
//! converts to the owned event with `into_owned`, and an owned event to a view with `From`.

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer};
use std::borrow::Cow;
use std::fmt;

use crate::error::DecodeError;

mod reader;
use reader::read;

/// Decodes `text` into the view `V` in one borrowing pass (the frame reader, then serde_json
/// for a text the reader leaves to it); when that pass refuses the text, decodes it with the
/// owned union `O` (whose decoder builds the error) and wraps the result.
pub(crate) fn decode_or_owned<'a, V, O>(text: &'a str, tag: &str) -> Result<V, DecodeError>
where
    V: Deserialize<'a> + From<O>,
    O: de::DeserializeOwned,
{
    if let Some(view) = borrowing_pass::<V>(text) {
        return Ok(view);
    }
    crate::codec::decode_text::<O>(text, tag).map(V::from)
}

/// The borrowing pass of every view: the frame reader, then serde_json for a text the reader
/// leaves to it; `None` when serde_json refuses the text too.
pub(crate) fn borrowing_pass<'a, V: Deserialize<'a>>(text: &'a str) -> Option<V> {
    read::<V>(text).or_else(|| serde_json::from_str::<V>(text).ok())
}

/// A string borrowed from the input when it has no escapes: the `Deserialize` of an optional
/// borrowed member (serde borrows a bare `Cow<str>` member, but not one inside `Option`). Its
/// errors are those of `String` (`expected a string`).
pub(crate) struct Str<'de>(pub(crate) Cow<'de, str>);

impl<'de> Deserialize<'de> for Str<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct StrVisitor;
        impl<'de> Visitor<'de> for StrVisitor {
            type Value = Str<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(v)))
            }
        }
        d.deserialize_string(StrVisitor)
    }
}

/// `deserialize_with` of an optional borrowed string member: absent or `null` is `None`.
pub(crate) fn option_str<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Cow<'de, str>>, D::Error> {
    Ok(Option::<Str<'de>>::deserialize(d)?.map(|s| s.0))
}

/// `deserialize_with` of a required borrowed string member.
pub(crate) fn str<'de, D: Deserializer<'de>>(d: D) -> Result<Cow<'de, str>, D::Error> {
    Ok(Str::deserialize(d)?.0)
}

/// `deserialize_with` of a borrowed base64 member checked like
/// `realtime::translation::Base64`: the same errors (`not base64: … at offset N`).
pub(crate) fn checked_base64<'de, D: Deserializer<'de>>(d: D) -> Result<Cow<'de, str>, D::Error> {
    let text = Str::deserialize(d)?.0;
    crate::realtime::translation::Base64::check(&text).map_err(de::Error::custom)?;
    Ok(text)
}

/// An owned copy of an optional borrowed string.
pub(crate) fn own(s: Option<Cow<'_, str>>) -> Option<String> {
    s.map(Cow::into_owned)
}

/// Implements the borrowed view `$view<'a>` of the realtime event union `$owned`: the view's
/// variants list the events it borrows (`tag | alias => Variant(RefPayload)`, the
/// variant named as in `$owned`), and `Owned(Box<$owned>)` holds every other event. The view
/// dispatches on `type` through the owned union's own table (`tagged::Tags`), so
/// known tags, aliases and unknown events behave exactly as in the owned decoder. The enum is
/// declared in plain Rust; the macro implements `Deserialize`, `Serialize`, `From<$owned>`,
/// `into_owned`, `wire_name`, and `$owned::decode_borrowed`.
macro_rules! borrowed_view {
    (
        $view:ident of $owned:ident {
            $( $tag:literal $(| $alias:literal)* => $variant:ident($reff:ident), )*
        }
    ) => {
        impl<'de> $crate::tagged::Dispatch<'de> for $crate::tagged::Tags<$view<'de>> {
            type Union = $view<'de>;
            const TAG: &'static str = "type";
            fn known(tag: &str) -> bool {
                <$crate::tagged::Tags<$owned> as $crate::tagged::Dispatch<'de>>::known(tag)
            }
            fn decode<M: ::serde::de::MapAccess<'de>>(tag: &str, rest: M) -> Result<$view<'de>, M::Error> {
                match tag {
                    $( $tag $(| $alias)* => $crate::tagged::decode_rest::<$reff<'de>, M>(rest).map($view::$variant), )*
                    _ => <$crate::tagged::Tags<$owned> as $crate::tagged::Dispatch<'de>>::decode(tag, rest).map(|e| $view::Owned(Box::new(e))),
                }
            }
            fn decode_value(tag: &str, value: &::serde_json::Value) -> Result<$view<'de>, String> {
                <$crate::tagged::Tags<$owned> as $crate::tagged::Dispatch<'de>>::decode_value(tag, value).map($view::from)
            }
            fn unknown(raw: ::serde_json::Value) -> $view<'de> {
                $view::Owned(Box::new(<$crate::tagged::Tags<$owned> as $crate::tagged::Dispatch<'de>>::unknown(raw)))
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $view<'de> {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::tagged::deserialize::<$crate::tagged::Tags<$view<'de>>, D>(d)
            }
        }

        impl ::serde::Serialize for $view<'_> {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self {
                    $( $view::$variant(payload) => $crate::tagged::serialize_tagged(s, $tag, payload), )*
                    $view::Owned(event) => ::serde::Serialize::serialize(event, s),
                }
            }
        }

        impl<'a> From<$owned> for $view<'a> {
            /// The view of an owned event: its audio events as borrowed variants (owning their
            /// strings), every other event as `Owned`.
            fn from(event: $owned) -> Self {
                match event {
                    $( $owned::$variant(payload) => $view::$variant(payload.into()), )*
                    other => $view::Owned(Box::new(other)),
                }
            }
        }

        impl<'a> $view<'a> {
            /// The owned event (the borrowed strings copied).
            pub fn into_owned(self) -> $owned {
                match self {
                    $( $view::$variant(payload) => $owned::$variant(payload.into_owned()), )*
                    $view::Owned(event) => *event,
                }
            }

            /// The `type` this event is encoded with; `None` for an unknown event.
            pub fn wire_name(&self) -> Option<&'static str> {
                match self {
                    $( $view::$variant(_) => Some($tag), )*
                    $view::Owned(event) => event.wire_name(),
                }
            }
        }

        impl $owned {
            /// Decodes one event from JSON text into its borrowed view: the audio events borrow
            /// their strings from `text`, every other event is decoded as usual. The outcome
            /// and the errors are those of `rtwire_protocol::decode(text, "type")`.
            pub fn decode_borrowed(text: &str) -> Result<$view<'_>, $crate::DecodeError> {
                $crate::borrowed::decode_or_owned::<$view<'_>, $owned>(text, "type")
            }
        }
    };
}

pub(crate) use borrowed_view;
