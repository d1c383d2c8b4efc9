//! Decoding and encoding the top-level event unions, tagged on `type`, in one pass.
//!
//! serde's internally tagged enums buffer each whole event before they look at its tag. Real
//! peers put `type` first, so [`deserialize`] reads the first member and, when it is the tag,
//! hands the rest of the object straight to the payload type's own decoder: no buffering, and
//! errors keep their JSON path. When the tag is not first, the event is buffered and decoded the
//! same way. A tag the union does not know keeps the raw object.
//!
//! Every event is read through the strict reader (`strict.rs`): a repeated `type` (or any other member name
//! repeated in one object) is an error, whichever value comes first, so the decoder, a buffered
//! decode and the JSON Schema (which sees a parsed object) cannot disagree about it.
//!
//! `event_union!` implements this for an enum from one table of wire
//! names, payload types and variants: the only place the wire names are written.

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

/// What an event union knows of its variants; implemented by `event_union!`.
pub trait Dispatch<'de>: Sized {
    /// The union.
    type Union;
    /// The tag member (`type`).
    const TAG: &'static str;
    /// Whether `tag` names a variant (canonical name or alias).
    fn known(tag: &str) -> bool;
    /// Decodes the rest of the object (after the tag) as the payload of the variant `tag`.
    fn decode<M: MapAccess<'de>>(tag: &str, rest: M) -> Result<Self::Union, M::Error>;
    /// Decodes a buffered object (tag included) as the payload of the variant `tag`; the error
    /// carries the JSON path (as `reason (at /pointer)`).
    fn decode_value(tag: &str, value: &Value) -> Result<Self::Union, String>;
    /// Wraps an event of an unknown type.
    fn unknown(raw: Value) -> Self::Union;
}

/// The tag table of the union `U`: `event_union!` implements [`Dispatch`] on it, so that a
/// borrowed view of `U` (see [`crate::borrowed`]) dispatches every tag it does not
/// borrow through the same table.
pub struct Tags<U>(PhantomData<U>);

/// The `Deserialize` body of an event union.
pub fn deserialize<'de, V: Dispatch<'de>, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<V::Union, D::Error> {
    crate::strict::Strict(deserializer).deserialize_map(EventVisitor::<V>(PhantomData))
}

struct EventVisitor<V>(PhantomData<V>);

impl<'de, V: Dispatch<'de>> Visitor<'de> for EventVisitor<V> {
    type Value = V::Union;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object with a string `{}` member", V::TAG)
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<V::Union, M::Error> {
        let Some(first) = map.next_key::<Key<'de>>()? else {
            return Err(missing_tag(V::TAG));
        };
        if first.0 == V::TAG {
            let tag = map.next_value::<Tag<'de>>()?.0;
            if V::known(&tag) {
                return V::decode(&tag, map);
            }
            let mut object = Map::new();
            object.insert(V::TAG.to_owned(), Value::String(tag.into_owned()));
            while let Some((key, value)) = map.next_entry::<String, Value>()? {
                object.insert(key, value);
            }
            return Ok(V::unknown(Value::Object(object)));
        }
        let mut object = Map::new();
        object.insert(first.0.into_owned(), map.next_value()?);
        while let Some((key, value)) = map.next_entry::<String, Value>()? {
            object.insert(key, value);
        }
        from_object::<V, M::Error>(Value::Object(object))
    }
}

/// Decodes a buffered object.
fn from_object<'de, V: Dispatch<'de>, E: de::Error>(value: Value) -> Result<V::Union, E> {
    match value.get(V::TAG).and_then(Value::as_str) {
        None => Err(missing_tag(V::TAG)),
        Some(tag) if V::known(tag) => V::decode_value(tag, &value).map_err(E::custom),
        Some(_) => Ok(V::unknown(value)),
    }
}

/// The error for an object without a string tag.
fn missing_tag<E: de::Error>(tag: &str) -> E {
    E::custom(format!("missing or non-string `{tag}` member"))
}

/// An object key, borrowed from the input when it can be.
pub(crate) struct Key<'de>(pub(crate) Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(StrVisitor("an object key")).map(Key)
    }
}

/// The tag's value: a string, borrowed from the input when it can be.
struct Tag<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Tag<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(StrVisitor("a string `type`")).map(Tag)
    }
}

struct StrVisitor(&'static str);

impl<'de> Visitor<'de> for StrVisitor {
    type Value = Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

/// Decodes the payload `P` from the rest of an object.
pub fn decode_rest<'de, P: Deserialize<'de>, M: MapAccess<'de>>(rest: M) -> Result<P, M::Error> {
    P::deserialize(de::value::MapAccessDeserializer::new(rest))
}

/// Encodes `{"type": name, ...payload}`: the tag first, then the payload's members.
pub fn serialize_tagged<S: Serializer, P: Serialize>(
    s: S,
    name: &'static str,
    payload: &P,
) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Tagged<'a, P> {
        #[serde(rename = "type")]
        tag: &'static str,
        #[serde(flatten)]
        payload: &'a P,
    }
    Tagged { tag: name, payload }.serialize(s)
}

/// The schema branch of one tag: the payload's schema with the tag's `const` added.
#[cfg(feature = "schema")]
pub fn branch(payload: &schemars::Schema, tag: &str) -> Value {
    let mut branch = payload.clone().to_value();
    let object = branch.as_object_mut().expect("payload schemas are objects");
    object.insert("type".into(), Value::from("object"));
    let properties = object
        .entry("properties")
        .or_insert_with(|| Value::Object(Map::new()));
    properties["type"] = serde_json::json!({ "type": "string", "const": tag });
    let required = object
        .entry("required")
        .or_insert_with(|| Value::Array(vec![]));
    if let Value::Array(required) = required {
        required.insert(0, Value::from("type"));
    }
    branch
}

/// The schema branch of the events a union does not know: an object whose `type` is a string
/// other than every known tag.
#[cfg(feature = "schema")]
pub fn unknown_branch(tags: &[&str]) -> Value {
    serde_json::json!({
        "description": "An event type this version of rtwire does not know, kept as raw JSON: any object whose `type` is another string.",
        "type": "object",
        "properties": { "type": { "type": "string", "not": { "enum": tags } } },
        "required": ["type"]
    })
}
