//! The frame reader of the borrowed path: a `serde` deserializer over one JSON text that finds
//! the end of a string 64 bytes at a time.
//!
//! serde_json scans a string 8 bytes at a time; an audio delta is one base64 string of several
//! KiB, so that scan is most of the cost of decoding the event. This reader scans wide chunks
//! that the compiler turns into vector instructions, and is otherwise a plain recursive-descent
//! reader of JSON structure (objects, arrays, `true`, `false`, `null`, whitespace) that makes
//! the same calls on a visitor as serde_json: a string without escapes is lent with
//! `visit_borrowed_str`, a non-negative integer of up to 18 digits is `visit_u64`.
//!
//! Everything it does not read itself it hands to serde_json, so that the outcome cannot
//! differ: every other number, and every string with an escape, is cut out of the text as one
//! token and decoded by serde_json with the visitor the type asked for.
//!
//! It gives no error messages: [`read`] gives `None` for any text it does not accept (invalid
//! JSON, a value the type refuses, nesting deeper than [`MAX_DEPTH`]), and the caller decodes
//! the text again with serde_json, whose verdict and error stand. It also gives `None` when the
//! reader itself refused something during the read, even if a type caught that error and went
//! on: the reader may then be past a token where serde_json would have stopped inside it. A
//! type's own errors (a wrong type, an unknown variant, tried and caught by serde's untagged
//! enums) leave the reader where serde_json would be, so a type may catch them.

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};
use serde_json::de::StrRead;
use std::cell::Cell;
use std::fmt;

/// Decodes `text` as one JSON document into `T`; `None` when this reader does not accept it.
pub(crate) fn read<'de, T: de::Deserialize<'de>>(text: &'de str) -> Option<T> {
    let mut reader = Reader {
        text,
        pos: 0,
        depth: 0,
    };
    let before = RAISED.get();
    let value = T::deserialize(&mut reader).ok()?;
    reader.skip_whitespace();
    (reader.pos == text.len() && RAISED.get() == before).then_some(value)
}

thread_local! {
    /// How many errors the reader itself has raised on this thread: a read during which the
    /// count moved gives `None`, whatever the type made of the error.
    static RAISED: Cell<u64> = const { Cell::new(0) };
}

/// Raises the reader's own error: a text it does not read, as opposed to a value the type
/// refuses (counted in [`RAISED`]).
fn miss() -> Miss {
    RAISED.set(RAISED.get().wrapping_add(1));
    Miss(())
}

/// The deepest nesting of arrays and objects this reader follows (serde_json's limit is 128;
/// a deeper text is left to serde_json).
const MAX_DEPTH: u32 = 100;

/// The bytes read per step when looking for the end of a string.
const CHUNK: usize = 64;

/// The only error of the reader: the text is left to serde_json. The reader's own errors are
/// made by [`miss`]; a type's errors by `de::Error::custom`.
#[derive(Debug)]
pub(crate) struct Miss(());

impl fmt::Display for Miss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("left to serde_json")
    }
}

impl std::error::Error for Miss {}

impl de::Error for Miss {
    /// A type's own error (a wrong type, a missing member): the reader's position is where
    /// serde_json's would be, so it is not counted.
    fn custom<T: fmt::Display>(_: T) -> Self {
        Miss(())
    }
}

type Result<T> = std::result::Result<T, Miss>;

/// The position of a reader in its text.
struct Reader<'de> {
    text: &'de str,
    pos: usize,
    depth: u32,
}

/// A string read from the text.
enum Str<'de> {
    /// The contents of a string without escapes.
    Plain(&'de str),
    /// A whole string token with escapes, quotes included, for serde_json to decode.
    Escaped(&'de str),
}

/// Whether `b` ends the plain part of a string: a quote, a backslash or a control character.
fn ends_plain(b: u8) -> bool {
    b == b'"' || b == b'\\' || b < 0x20
}

/// The index of the first byte of `word` (little-endian) that ends the plain part of a string,
/// if any. Each test sets the high bit of a byte that matches; a borrow can also set it in a
/// byte above a match, never below one, so the lowest bit set is exact.
fn first_ending(word: u64) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let control = word.wrapping_sub(ONES * 0x20) & !word;
    let quote = word ^ (ONES * u64::from(b'"'));
    let quote = quote.wrapping_sub(ONES) & !quote;
    let backslash = word ^ (ONES * u64::from(b'\\'));
    let backslash = backslash.wrapping_sub(ONES) & !backslash;
    let hits = (control | quote | backslash) & HIGH;
    (hits != 0).then(|| hits.trailing_zeros() as usize / 8)
}

/// Decodes one token with serde_json: `call` is the deserializer method the type asked for.
fn delegate<'de, T>(
    token: &'de str,
    call: impl FnOnce(&mut serde_json::Deserializer<StrRead<'de>>) -> serde_json::Result<T>,
) -> Result<T> {
    let mut de = serde_json::Deserializer::from_str(token);
    let value = call(&mut de).map_err(|_| miss())?;
    de.end().map_err(|_| miss())?;
    Ok(value)
}

impl<'de> Reader<'de> {
    fn bytes(&self) -> &'de [u8] {
        self.text.as_bytes()
    }

    fn skip_whitespace(&mut self) {
        let bytes = self.bytes();
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    /// The next byte after whitespace, not consumed.
    fn peek(&mut self) -> Option<u8> {
        self.skip_whitespace();
        self.bytes().get(self.pos).copied()
    }

    /// Consumes `word` (`true`, `false` or `null`) at the position.
    fn literal(&mut self, word: &[u8]) -> Result<()> {
        match self.bytes()[self.pos..].starts_with(word) {
            true => {
                self.pos += word.len();
                Ok(())
            }
            false => Err(miss()),
        }
    }

    /// Consumes `b` after whitespace.
    fn expect(&mut self, b: u8) -> Result<()> {
        match self.peek() == Some(b) {
            true => {
                self.pos += 1;
                Ok(())
            }
            false => Err(miss()),
        }
    }

    /// Reads the string whose opening quote is at the position.
    fn string(&mut self) -> Result<Str<'de>> {
        let bytes = self.bytes();
        let start = self.pos + 1;
        let mut at = start;
        // Long strings (audio) a wide chunk at a time, without an exit inside the chunk so
        // that the test is a few vector comparisons; then 8 bytes at a time in one word.
        while let Some(chunk) = bytes.get(at..at + CHUNK) {
            if chunk.iter().fold(false, |hit, &b| hit | ends_plain(b)) {
                break;
            }
            at += CHUNK;
        }
        while let Some(chunk) = bytes.get(at..at + 8) {
            let word = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
            if let Some(first) = first_ending(word) {
                at += first;
                break;
            }
            at += 8;
        }
        while at < bytes.len() && !ends_plain(bytes[at]) {
            at += 1;
        }
        match bytes.get(at) {
            Some(b'"') => {
                self.pos = at + 1;
                Ok(Str::Plain(&self.text[start..at]))
            }
            Some(b'\\') => {
                // The end of the token: the next quote that no backslash escapes. A control
                // character or a bad escape is left for serde_json to refuse.
                let mut at = at;
                while at < bytes.len() {
                    match bytes[at] {
                        b'\\' => at += 2,
                        b'"' => {
                            self.pos = at + 1;
                            return Ok(Str::Escaped(&self.text[start - 1..=at]));
                        }
                        _ => at += 1,
                    }
                }
                Err(miss())
            }
            _ => Err(miss()),
        }
    }

    /// Reads the number token that starts at the position, with its value when it is a
    /// non-negative integer of at most 18 digits without a leading zero (serde_json reads such
    /// a token as that `u64`).
    fn number(&mut self) -> (&'de str, Option<u64>) {
        let bytes = self.bytes();
        let start = self.pos;
        let mut end = start;
        while let Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') = bytes.get(end) {
            end += 1;
        }
        self.pos = end;
        let token = &self.text[start..end];
        let small = token.len() <= 18
            && (token.len() == 1 || !token.starts_with('0'))
            && token.bytes().all(|b| b.is_ascii_digit());
        (token, small.then(|| token.parse().ok()).flatten())
    }

    /// One level deeper into an array or object.
    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        match self.depth <= MAX_DEPTH {
            true => Ok(()),
            false => Err(miss()),
        }
    }

    /// Reads an array at the position with `visitor`, which must read every element. As in
    /// serde_json, the end is read even when the visitor fails, so that a type that catches
    /// the error goes on from where serde_json would.
    fn seq<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        self.pos += 1;
        self.enter()?;
        let value = visitor.visit_seq(Items {
            reader: self,
            first: true,
        });
        self.depth -= 1;
        let end = match self.peek() {
            Some(b']') => {
                self.pos += 1;
                Ok(())
            }
            Some(b',') => {
                self.pos += 1;
                Err(miss())
            }
            _ => Err(miss()),
        };
        value.and_then(|value| end.map(|()| value))
    }

    /// Reads an object at the position with `visitor`, which must read every member; the end
    /// is read even when the visitor fails, as in serde_json.
    fn map<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        self.pos += 1;
        self.enter()?;
        let value = visitor.visit_map(Items {
            reader: self,
            first: true,
        });
        self.depth -= 1;
        let end = self.expect(b'}');
        value.and_then(|value| end.map(|()| value))
    }

    /// Reads a string at the position and hands it to `visitor` as serde_json would.
    fn visit_string<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        match self.string()? {
            Str::Plain(s) => visitor.visit_borrowed_str(s),
            Str::Escaped(token) => delegate(token, |de| de.deserialize_str(visitor)),
        }
    }
}

/// The numeric methods: a small integer is `visit_u64`, as in serde_json; any other number
/// token is decoded by serde_json with the same method. `small: false` sends every number to
/// serde_json (for the types it reads with readers of their own).
macro_rules! numbers {
    (small: $small:literal, $($method:ident),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
                match self.peek() {
                    Some(b'-' | b'0'..=b'9') => match self.number() {
                        (_, Some(n)) if $small => visitor.visit_u64(n),
                        (token, _) => delegate(token, |de| de.$method(visitor)),
                    },
                    _ => Err(miss()),
                }
            }
        )*
    };
}

/// Methods that refuse: the reader leaves these requests to serde_json.
macro_rules! miss {
    ($($method:ident),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
                Err(miss())
            }
        )*
    };
}

impl<'de> Deserializer<'de> for &mut Reader<'de> {
    type Error = Miss;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.peek() {
            Some(b'n') => {
                self.literal(b"null")?;
                visitor.visit_unit()
            }
            Some(b't') => {
                self.literal(b"true")?;
                visitor.visit_bool(true)
            }
            Some(b'f') => {
                self.literal(b"false")?;
                visitor.visit_bool(false)
            }
            Some(b'-' | b'0'..=b'9') => match self.number() {
                (_, Some(n)) => visitor.visit_u64(n),
                (token, None) => delegate(token, |de| de.deserialize_any(visitor)),
            },
            Some(b'"') => self.visit_string(visitor),
            Some(b'[') => self.seq(visitor),
            Some(b'{') => self.map(visitor),
            _ => Err(miss()),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.peek() {
            Some(b't') => {
                self.literal(b"true")?;
                visitor.visit_bool(true)
            }
            Some(b'f') => {
                self.literal(b"false")?;
                visitor.visit_bool(false)
            }
            _ => Err(miss()),
        }
    }

    numbers!(
        small: true,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_f64,
    );

    numbers!(
        small: false,
        deserialize_f32,
        deserialize_i128,
        deserialize_u128
    );

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.peek() {
            Some(b'"') => self.visit_string(visitor),
            _ => Err(miss()),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    miss!(deserialize_bytes, deserialize_byte_buf);

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.peek() {
            Some(b'n') => {
                self.literal(b"null")?;
                visitor.visit_none()
            }
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.peek() {
            Some(b'n') => {
                self.literal(b"null")?;
                visitor.visit_unit()
            }
            _ => Err(miss()),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        // serde_json's raw value is a newtype of this name; it is serde_json's to read.
        if name.starts_with("$serde_json") {
            return Err(miss());
        }
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.peek() {
            Some(b'[') => self.seq(visitor),
            _ => Err(miss()),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.peek() {
            Some(b'{') => self.map(visitor),
            _ => Err(miss()),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        match self.peek() {
            Some(b'[') => self.seq(visitor),
            Some(b'{') => self.map(visitor),
            _ => Err(miss()),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        match self.peek() {
            Some(b'"') => visitor.visit_enum(UnitVariant(self)),
            Some(b'{') => {
                // As in serde_json: a failing variant returns before the end is read.
                self.pos += 1;
                self.enter()?;
                let value = visitor.visit_enum(Variant(&mut *self));
                self.depth -= 1;
                let value = value?;
                self.expect(b'}')?;
                Ok(value)
            }
            _ => Err(miss()),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_any(de::IgnoredAny)?;
        visitor.visit_unit()
    }
}

/// The elements of an array or the members of an object.
struct Items<'a, 'de> {
    reader: &'a mut Reader<'de>,
    first: bool,
}

impl Items<'_, '_> {
    /// Moves past the comma before the next item; `false` when `close` ends the list.
    fn next(&mut self, close: u8) -> Result<bool> {
        match self.reader.peek() {
            Some(b) if b == close => Ok(false),
            Some(b',') if !self.first => {
                self.reader.pos += 1;
                Ok(true)
            }
            Some(_) if self.first => {
                self.first = false;
                Ok(true)
            }
            _ => Err(miss()),
        }
    }
}

impl<'de> de::SeqAccess<'de> for Items<'_, 'de> {
    type Error = Miss;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if !self.next(b']')? {
            return Ok(None);
        }
        match self.reader.peek() {
            Some(b']') | None => Err(miss()),
            Some(_) => seed.deserialize(&mut *self.reader).map(Some),
        }
    }
}

impl<'de> de::MapAccess<'de> for Items<'_, 'de> {
    type Error = Miss;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.next(b'}')? {
            return Ok(None);
        }
        match self.reader.peek() {
            Some(b'"') => seed.deserialize(Key(&mut *self.reader)).map(Some),
            _ => Err(miss()),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        self.reader.expect(b':')?;
        seed.deserialize(&mut *self.reader)
    }
}

/// A member name: a string, whatever the type asks for (serde_json reads keys the same way for
/// every request but numbers, booleans, options, newtypes, enums and bytes, which this reader
/// leaves to serde_json).
struct Key<'a, 'de>(&'a mut Reader<'de>);

impl<'de> Deserializer<'de> for Key<'_, 'de> {
    type Error = Miss;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.0.visit_string(visitor)
    }

    miss!(
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_i128,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
        deserialize_option,
        deserialize_bytes,
        deserialize_byte_buf,
    );

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: V,
    ) -> Result<V::Value> {
        Err(miss())
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        _: V,
    ) -> Result<V::Value> {
        Err(miss())
    }

    serde::forward_to_deserialize_any! {
        char str string unit unit_struct seq tuple tuple_struct map struct identifier
        ignored_any
    }
}

/// An enum written as a string: a unit variant.
struct UnitVariant<'a, 'de>(&'a mut Reader<'de>);

impl<'de> de::EnumAccess<'de> for UnitVariant<'_, 'de> {
    type Error = Miss;
    type Variant = Self;

    fn variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<(T::Value, Self)> {
        let variant = seed.deserialize(&mut *self.0)?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for UnitVariant<'_, 'de> {
    type Error = Miss;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _: T) -> Result<T::Value> {
        Err(miss())
    }
    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value> {
        Err(miss())
    }
    fn struct_variant<V: Visitor<'de>>(self, _: &'static [&'static str], _: V) -> Result<V::Value> {
        Err(miss())
    }
}

/// An enum written as an object of one member: the member name is the variant.
struct Variant<'a, 'de>(&'a mut Reader<'de>);

impl<'de> de::EnumAccess<'de> for Variant<'_, 'de> {
    type Error = Miss;
    type Variant = Self;

    fn variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<(T::Value, Self)> {
        let variant = seed.deserialize(&mut *self.0)?;
        self.0.expect(b':')?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'_, 'de> {
    type Error = Miss;

    fn unit_variant(self) -> Result<()> {
        de::Deserialize::deserialize(self.0)
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        seed.deserialize(self.0)
    }
    fn tuple_variant<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value> {
        self.0.deserialize_seq(visitor)
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.0.deserialize_struct("", fields, visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::read;
    use serde_json::Value;

    /// JSON texts at the edges of the grammar: numbers, escapes, literals, structure and
    /// whitespace, each valid or not.
    fn edge_cases() -> Vec<String> {
        let mut texts: Vec<String> = [
            "0",
            "-0",
            "1",
            "-1",
            "01",
            "1.0",
            "1e3",
            "1E+3",
            "1e-3",
            "1e400",
            "-1e400",
            ".5",
            "1.",
            "-",
            "+1",
            "1e",
            "0x1",
            "123456789012345678",
            "1234567890123456789",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775809",
            r#""""#,
            r#""a""#,
            r#""é€😀""#,
            r#""\u00e9""#,
            r#""\ud83d\ude00""#,
            r#""\ud83d""#,
            r#""a\nb""#,
            r#""\\""#,
            r#""\"""#,
            r#""a\/b""#,
            r#""\q""#,
            "\"a\u{1}b\"",
            r#""a"#,
            "true",
            "false",
            "null",
            "tru",
            "nul",
            "nulll",
            "True",
            "[]",
            "[1,2]",
            "[1,]",
            "[,1]",
            "[1 2]",
            "{}",
            r#"{"a":1}"#,
            r#"{"a":1,}"#,
            r#"{"a" 1}"#,
            r#"{"a":1 "b":2}"#,
            "{1:2}",
            r#"{"a":{"b":[{}, [], "c"]}}"#,
            r#"{"a":1,"a":2}"#,
            " \t\n\r{ \"a\" : [ 1 , null ] } \r\n",
            "{}x",
            "{}{}",
            "\u{feff}{}",
            "",
            " ",
        ]
        .map(str::to_owned)
        .to_vec();
        // Long strings: the wide and the word-at-a-time scans, with the end, an escape or a
        // control character at every offset of a chunk.
        for len in [63, 64, 65, 127, 128, 129, 200] {
            let body = "A".repeat(len);
            texts.push(format!("\"{body}\""));
            texts.push(format!("\"{body}\\n\""));
            texts.push(format!("\"{body}\u{7}\""));
            texts.push(format!("\"{body}é\""));
            texts.push(format!("\"{}\\\"{}\"", &body[..len / 2], &body[len / 2..]));
        }
        for depth in [99, 100, 101, 127, 128, 129] {
            texts.push(format!("{}{}", "[".repeat(depth), "]".repeat(depth)));
        }
        texts
    }

    #[test]
    fn the_reader_gives_serde_json_s_value_or_leaves_the_text_to_it() {
        let mut left = vec![];
        for text in edge_cases() {
            let ours = read::<Value>(&text);
            let theirs = serde_json::from_str::<Value>(&text).ok();
            match (&ours, &theirs) {
                (Some(a), Some(b)) => assert_eq!(a, b, "{text:?}"),
                (Some(a), None) => panic!("{text:?}: the reader accepts {a}, serde_json refuses"),
                (None, Some(_)) => left.push(text),
                (None, None) => {}
            }
        }
        // Of what serde_json accepts, the reader leaves to it only nesting deeper than 100.
        let deep: Vec<String> = [101, 127]
            .map(|depth| format!("{}{}", "[".repeat(depth), "]".repeat(depth)))
            .to_vec();
        assert_eq!(left, deep);
    }

    /// A `u8` that takes any error for 0, as `serde_with::DefaultOnError` does.
    #[derive(Debug, PartialEq)]
    struct Lenient(u8);

    impl<'de> serde::Deserialize<'de> for Lenient {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            Ok(Lenient(u8::deserialize(d).unwrap_or_default()))
        }
    }

    /// A list of `u8` that takes any error for the empty list.
    #[derive(Debug, PartialEq)]
    struct LenientList(Vec<u8>);

    impl<'de> serde::Deserialize<'de> for LenientList {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            Ok(LenientList(Vec::deserialize(d).unwrap_or_default()))
        }
    }

    /// A key asked for as a `u128`, whose visitor also takes a string: serde_json reads the
    /// number inside the quotes.
    #[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
    enum Key {
        Number(u128),
        Text(String),
    }

    impl<'de> serde::Deserialize<'de> for Key {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct KeyVisitor;
            impl serde::de::Visitor<'_> for KeyVisitor {
                type Value = Key;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("a key")
                }
                fn visit_u128<E>(self, v: u128) -> Result<Key, E> {
                    Ok(Key::Number(v))
                }
                fn visit_str<E>(self, v: &str) -> Result<Key, E> {
                    Ok(Key::Text(v.to_owned()))
                }
            }
            d.deserialize_u128(KeyVisitor)
        }
    }

    #[test]
    fn a_caught_error_of_the_reader_or_a_key_read_as_a_number_is_left_to_serde_json() {
        // The reader has read the whole token `01` when serde_json would stop after `0`.
        for text in ["[01]", "[-01]", r#"["\u12"]"#] {
            assert!(
                serde_json::from_str::<Vec<Lenient>>(text).is_err(),
                "{text}"
            );
            assert_eq!(read::<Vec<Lenient>>(text), None, "{text}");
        }
        // A type's own error, caught: the reader goes on where serde_json does (300 is no
        // u8, also inside an array, whose end serde_json reads anyway).
        let text = "[7, 300]";
        assert_eq!(
            read::<Vec<Lenient>>(text),
            serde_json::from_str::<Vec<Lenient>>(text).ok()
        );
        assert_eq!(
            read::<Vec<Lenient>>(text),
            Some(vec![Lenient(7), Lenient(0)])
        );
        let text = "[[1, 300], [2]]";
        assert_eq!(
            read::<Vec<LenientList>>(text),
            serde_json::from_str::<Vec<LenientList>>(text).ok()
        );
        assert_eq!(
            read::<Vec<LenientList>>(text),
            Some(vec![LenientList(vec![]), LenientList(vec![2])])
        );
        let keys = r#"{"5":1}"#;
        let theirs: std::collections::BTreeMap<Key, u8> = serde_json::from_str(keys).unwrap();
        assert_eq!(theirs.keys().collect::<Vec<_>>(), [&Key::Number(5)]);
        assert_eq!(read::<std::collections::BTreeMap<Key, u8>>(keys), None);
    }

    #[test]
    fn strings_without_escapes_are_lent_and_numbers_keep_their_type() {
        #[derive(serde::Deserialize, Debug, PartialEq)]
        struct Probe<'a> {
            text: &'a str,
            small: u64,
            negative: i64,
            float: f64,
        }
        let text = r#"{"text":"AAAA","small":123456789012345678,"negative":-5,"float":2.5e0}"#;
        assert_eq!(
            read::<Probe>(text),
            Some(Probe {
                text: "AAAA",
                small: 123_456_789_012_345_678,
                negative: -5,
                float: 2.5,
            })
        );
        // A borrowed `&str` cannot hold an unescaped copy: refused, as by serde_json.
        assert_eq!(read::<Probe>(&text.replace("AAAA", r"A\nA")), None);
    }
}
