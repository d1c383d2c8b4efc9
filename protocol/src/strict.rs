//! The JSON rules every decoder of this crate applies on top of serde_json, in one pass.
//!
//! serde_json accepts a member name repeated in one object (a derived struct refuses a
//! repeated declared member, a `Value` keeps the last one) and skips members that a type
//! ignores without checking them (`1e400` or a lone surrogate escape pass unnoticed). The
//! message unions wrap their deserializer in [`Strict`], so that whatever path a message takes
//! through the decoder, the same rules hold:
//!
//! * a member name repeated in one object is an error (``duplicate member `type` ``), at any
//!   depth, whether the member is known or not;
//! * an ignored member is parsed as fully as any other value: a number out of the range of
//!   `f64` or a string with a lone surrogate escape is an error;
//! * a struct is an object: serde's derived decoders also fill a struct from a JSON array
//!   (members by position, `[]` for a struct whose members are all optional), which the schema
//!   of an object refuses; here an array where a struct is expected is an error
//!   (``invalid type: sequence, expected struct Foo``).
//!
//! serde's derived untagged and internally tagged enums buffer their input in serde's own
//! buffer and read the variant from it, past the reach of [`Strict`]: an untagged variant whose
//! payload is a struct was filled from an array, and an internally tagged enum was read from an
//! array whose first element is the tag. Those enums implement `Deserialize` with
//! [`impl_strict_untagged!`] (each variant tried in order, read through [`Strict`]) and
//! [`impl_strict_tagged!`] (an object only, its variant read through [`Strict`]).
//!
//! [`parse`] applies the same rules when it builds a `serde_json::Value`, and reports the JSON
//! pointer of a repeated member: it is the JSON view that the decoders' error paths and
//! schema validation share.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

/// A deserializer that applies the rules of this module to everything read through it.
pub(crate) struct Strict<D>(pub(crate) D);

/// The error for a member name seen twice in one object.
pub(crate) fn duplicate(key: &str) -> String {
    format!("duplicate member `{key}`")
}

macro_rules! forward {
    ($($method:ident),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
                self.0.$method(Wrap(visitor))
            }
        )*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<D> {
    type Error = D::Error;

    forward!(
        deserialize_any,
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_option,
        deserialize_unit,
        deserialize_seq,
        deserialize_map,
        deserialize_identifier,
    );

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_unit_struct(name, Wrap(visitor))
    }
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_newtype_struct(name, Wrap(visitor))
    }
    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple(len, Wrap(visitor))
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple_struct(name, len, Wrap(visitor))
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0
            .deserialize_struct(name, fields, Wrap(ObjectOnly(visitor)))
    }
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_enum(name, variants, Wrap(visitor))
    }

    /// An ignored value is read as fully as a kept one, then dropped.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(Checked)?;
        visitor.visit_unit()
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// A visitor whose maps, sequences, enums and nested values are read through [`Strict`].
struct Wrap<V>(V);

macro_rules! forward_visit {
    ($field:tt: $($method:ident($ty:ty)),* $(,)?) => {
        $(
            fn $method<E: de::Error>(self, v: $ty) -> Result<Self::Value, E> {
                self.$field.$method(v)
            }
        )*
    };
}

/// Forwards every scalar `visit_*` method of a wrapping visitor to the wrapped one (field `0`).
macro_rules! forward_scalar_visits {
    ($de:lifetime) => {
        forward_visit!(0:
            visit_bool(bool),
            visit_i8(i8),
            visit_i16(i16),
            visit_i32(i32),
            visit_i64(i64),
            visit_i128(i128),
            visit_u8(u8),
            visit_u16(u16),
            visit_u32(u32),
            visit_u64(u64),
            visit_u128(u128),
            visit_f32(f32),
            visit_f64(f64),
            visit_char(char),
            visit_str(&str),
            visit_borrowed_str(&$de str),
            visit_string(String),
            visit_bytes(&[u8]),
            visit_borrowed_bytes(&$de [u8]),
            visit_byte_buf(Vec<u8>),
        );
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }

    forward_scalar_visits!('de);

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.0.visit_none()
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.0.visit_unit()
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.0.visit_some(Strict(d))
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.0.visit_newtype_struct(Strict(d))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.0.visit_seq(StrictSeq(seq))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.0.visit_map(StrictMap::new(map))
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        self.0.visit_enum(StrictEnum(data))
    }
}

/// The visitor of a struct, which refuses a JSON array (serde's derived visitors accept one).
struct ObjectOnly<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for ObjectOnly<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }

    forward_scalar_visits!('de);

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.0.visit_none()
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.0.visit_unit()
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.0.visit_some(d)
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.0.visit_newtype_struct(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
        Err(de::Error::invalid_type(de::Unexpected::Seq, &self))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.0.visit_map(map)
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        self.0.visit_enum(data)
    }
}

/// A seed whose deserializer is wrapped in [`Strict`].
struct Seed<S>(S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<S> {
    type Value = S::Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(Strict(d))
    }
}

struct StrictSeq<A>(A);

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for StrictSeq<A> {
    type Error = A::Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(Seed(seed))
    }
    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

/// The member names of one object seen so far: up to [`FEW`] names borrowed from the input
/// are kept inline, compared one by one (no allocation and no hashing for the objects of real
/// messages); past that, or for a name the input could not lend (one with escapes), they move
/// to a set on the heap.
pub(crate) struct Keys<'de> {
    few: [&'de str; FEW],
    len: usize,
    #[allow(
        clippy::box_collection,
        reason = "one pointer instead of a 48-byte set in every map, which is moved on every object"
    )]
    many: Option<Box<HashSet<Cow<'de, str>>>>,
}

/// How many member names are kept inline before they move to a set.
const FEW: usize = 12;

impl Default for Keys<'_> {
    fn default() -> Self {
        Keys {
            few: [""; FEW],
            len: 0,
            many: None,
        }
    }
}

impl<'de> Keys<'de> {
    /// Records `key`; gives it back when it was already there.
    fn insert(&mut self, key: Cow<'de, str>) -> Result<(), Cow<'de, str>> {
        if let Some(many) = &mut self.many {
            return match many.contains(&key) {
                true => Err(key),
                false => {
                    many.insert(key);
                    Ok(())
                }
            };
        }
        if self.few[..self.len].iter().any(|k| *k == key) {
            return Err(key);
        }
        match key {
            Cow::Borrowed(name) if self.len < FEW => {
                self.few[self.len] = name;
                self.len += 1;
            }
            key => {
                let mut many: HashSet<Cow<'de, str>> = self.few[..self.len]
                    .iter()
                    .map(|k| Cow::Borrowed(*k))
                    .collect();
                many.insert(key);
                self.many = Some(Box::new(many));
                self.len = 0;
            }
        }
        Ok(())
    }
}

/// A map whose member names are checked for repeats, and whose values are read strictly.
pub(crate) struct StrictMap<'de, A> {
    map: A,
    keys: Keys<'de>,
}

impl<'de, A: MapAccess<'de>> StrictMap<'de, A> {
    fn new(map: A) -> Self {
        StrictMap {
            map,
            keys: Keys::default(),
        }
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for StrictMap<'de, A> {
    type Error = A::Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let mut name = None;
        let key = self.map.next_key_seed(KeySeed {
            seed,
            name: &mut name,
        })?;
        if let Some(name) = name {
            if let Err(repeated) = self.keys.insert(name) {
                return Err(de::Error::custom(duplicate(&repeated)));
            }
        }
        Ok(key)
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(Seed(seed))
    }
    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
    }
}

/// A key seed that records the member name it reads.
struct KeySeed<'a, 'de, S> {
    seed: S,
    name: &'a mut Option<Cow<'de, str>>,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for KeySeed<'_, 'de, S> {
    type Value = S::Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.seed.deserialize(KeyDe {
            de: d,
            name: self.name,
        })
    }
}

/// The deserializer of a member name: records the name as it hands it on.
struct KeyDe<'a, 'de, D> {
    de: D,
    name: &'a mut Option<Cow<'de, str>>,
}

macro_rules! forward_key {
    ($($method:ident),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
                self.de.$method(KeyVisitor { visitor, name: self.name })
            }
        )*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for KeyDe<'_, 'de, D> {
    type Error = D::Error;

    forward_key!(
        deserialize_any,
        deserialize_str,
        deserialize_string,
        deserialize_identifier,
        deserialize_ignored_any,
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_option,
        deserialize_unit,
        deserialize_seq,
        deserialize_map,
    );

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let v = KeyVisitor {
            visitor,
            name: self.name,
        };
        self.de.deserialize_unit_struct(name, v)
    }
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let v = KeyVisitor {
            visitor,
            name: self.name,
        };
        self.de.deserialize_newtype_struct(name, v)
    }
    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.de.deserialize_tuple(len, visitor)
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.de.deserialize_tuple_struct(name, len, visitor)
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.de.deserialize_struct(name, fields, visitor)
    }
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let v = KeyVisitor {
            visitor,
            name: self.name,
        };
        self.de.deserialize_enum(name, variants, v)
    }
    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

/// Records the member name (a string) before handing it to the key's own visitor.
struct KeyVisitor<'a, 'de, V> {
    visitor: V,
    name: &'a mut Option<Cow<'de, str>>,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for KeyVisitor<'_, 'de, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        *self.name = Some(Cow::Borrowed(v));
        self.visitor.visit_borrowed_str(v)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        *self.name = Some(Cow::Owned(v.to_owned()));
        self.visitor.visit_str(v)
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        *self.name = Some(Cow::Owned(v.clone()));
        self.visitor.visit_string(v)
    }
    forward_visit!(visitor:
        visit_bool(bool),
        visit_i64(i64),
        visit_i128(i128),
        visit_u64(u64),
        visit_u128(u128),
        visit_f64(f64),
        visit_char(char),
        visit_bytes(&[u8]),
        visit_borrowed_bytes(&'de [u8]),
        visit_byte_buf(Vec<u8>),
    );
    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.visitor.visit_none()
    }
    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.visitor.visit_unit()
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.visitor.visit_some(d)
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.visitor.visit_newtype_struct(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_seq(seq)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_map(map)
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_enum(data)
    }
}

struct StrictEnum<A>(A);

impl<'de, A: de::EnumAccess<'de>> de::EnumAccess<'de> for StrictEnum<A> {
    type Error = A::Error;
    type Variant = StrictVariant<A::Variant>;
    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self::Variant), A::Error> {
        let (value, variant) = self.0.variant_seed(seed)?;
        Ok((value, StrictVariant(variant)))
    }
}

struct StrictVariant<A>(A);

impl<'de, A: de::VariantAccess<'de>> de::VariantAccess<'de> for StrictVariant<A> {
    type Error = A::Error;
    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }
    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, A::Error> {
        self.0.newtype_variant_seed(Seed(seed))
    }
    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(len, Wrap(visitor))
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.0.struct_variant(fields, Wrap(visitor))
    }
}

/// Reads any JSON value completely (every number parsed, every string unescaped) and drops it;
/// a member name repeated in an object is an error.
struct Checked;

impl<'de> DeserializeSeed<'de> for Checked {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(Checked)
    }
}

impl<'de> Visitor<'de> for Checked {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(Checked)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Checked)?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let mut map = StrictMap::new(map);
        while map.next_key_seed(CheckedKey)?.is_some() {
            map.map.next_value_seed(Checked)?;
        }
        Ok(())
    }
}

/// A member name, read and dropped (the strict map records it).
struct CheckedKey;

impl<'de> DeserializeSeed<'de> for CheckedKey {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_str(Checked)
    }
}

/// Parses JSON text into a value with the rules of this module: one JSON document, no member
/// name repeated in an object, every number within the range of `f64`, every string valid
/// Unicode. Errors are `(JSON pointer, reason)`; the pointer names the repeated member.
pub fn parse(text: &str) -> Result<Value, (String, String)> {
    let mut de = serde_json::Deserializer::from_str(text);
    let mut path = String::new();
    let mut located = None;
    let value = PathSeed {
        path: &mut path,
        located: &mut located,
    }
    .deserialize(&mut de)
    .and_then(|value| de.end().map(|()| value));
    value.map_err(|e| located.unwrap_or_else(|| (String::new(), format!("not valid JSON: {e}"))))
}

/// Builds a value, keeping the JSON pointer of where it is, and recording the pointer of a
/// repeated member in `located`.
struct PathSeed<'a> {
    path: &'a mut String,
    located: &'a mut Option<(String, String)>,
}

impl<'de> DeserializeSeed<'de> for PathSeed<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for PathSeed<'_> {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = vec![];
        let len = self.path.len();
        loop {
            self.path.push_str(&format!("/{}", items.len()));
            let item = seq.next_element_seed(PathSeed {
                path: self.path,
                located: self.located,
            })?;
            self.path.truncate(len);
            match item {
                Some(item) => items.push(item),
                None => return Ok(Value::Array(items)),
            }
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        let len = self.path.len();
        while let Some(key) = map.next_key::<String>()? {
            self.path.push('/');
            self.path
                .push_str(&key.replace('~', "~0").replace('/', "~1"));
            if object.contains_key(&key) {
                *self.located = Some((self.path.clone(), duplicate(&key)));
                return Err(de::Error::custom(duplicate(&key)));
            }
            let value = map.next_value_seed(PathSeed {
                path: self.path,
                located: self.located,
            })?;
            self.path.truncate(len);
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

/// The `Unexpected` of a buffered value, as serde_json names it in `invalid type` errors.
pub(crate) fn unexpected(value: &Value) -> de::Unexpected<'_> {
    match value {
        Value::Null => de::Unexpected::Other("null"),
        Value::Bool(b) => de::Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => de::Unexpected::Unsigned(u),
            (_, Some(i), _) => de::Unexpected::Signed(i),
            (_, _, f) => de::Unexpected::Float(f.unwrap_or_default()),
        },
        Value::String(s) => de::Unexpected::Str(s),
        Value::Array(_) => de::Unexpected::Seq,
        Value::Object(_) => de::Unexpected::Map,
    }
}

/// Implements `Deserialize` for an enum declared `#[serde(untagged)]` (with `Serialize` derived
/// and `Deserialize` not): the value is buffered through [`Strict`], then each listed
/// `Variant(Payload)` is tried in order, its payload read through [`Strict`] too; the first that
/// decodes wins. The error is serde's: ``data did not match any variant of untagged enum X``.
macro_rules! impl_strict_untagged {
    ($ty:ident, [$($variant:ident($payload:ty)),* $(,)?]) => {
        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(
                    $crate::strict::Strict(d),
                )?;
                $(
                    if let Ok(payload) =
                        <$payload as ::serde::Deserialize>::deserialize($crate::strict::Strict(&value))
                    {
                        return Ok($ty::$variant(payload));
                    }
                )*
                Err(<D::Error as ::serde::de::Error>::custom(concat!(
                    "data did not match any variant of untagged enum ",
                    stringify!($ty)
                )))
            }
        }
    };
}
pub(crate) use impl_strict_untagged;
