//! The range of signed integer members on the wire.
//!
//! Every signed integer member of these protocols (request ids, error codes, timestamps) is a
//! JavaScript `number` for TypeScript clients, so its range is JavaScript's safe range,
//! -(2^53-1) … 2^53-1: the decoder refuses anything outside it, and the emitted schemas state
//! the same bounds. The bound also keeps the two views in agreement at the edge of the 64-bit
//! range, where serde_json reads an integer literal below -2^63 as a double.

use serde::Deserializer;
use serde::de::{self, Visitor};
use std::fmt;

/// The largest integer a JavaScript `number` holds exactly: 2^53-1.
pub const MAX_SAFE: i64 = (1 << 53) - 1;

/// The error text's expectation for a signed integer member.
pub(crate) const EXPECTED: &str = "an integer within -9007199254740991 … 9007199254740991";

/// `v` when it is within the safe range, else the decoder's error.
pub(crate) fn check<E: de::Error>(v: i64, expected: &dyn de::Expected) -> Result<i64, E> {
    if (-MAX_SAFE..=MAX_SAFE).contains(&v) {
        Ok(v)
    } else {
        Err(E::invalid_value(de::Unexpected::Signed(v), expected))
    }
}

/// `v` (an unsigned JSON integer) when it is within the safe range, else the decoder's error.
pub(crate) fn check_unsigned<E: de::Error>(v: u64, expected: &dyn de::Expected) -> Result<i64, E> {
    match i64::try_from(v) {
        Ok(v) if v <= MAX_SAFE => Ok(v),
        _ => Err(E::invalid_value(de::Unexpected::Unsigned(v), expected)),
    }
}

/// Decodes a signed integer member (`#[serde(deserialize_with = "crate::integer::safe")]`):
/// an integer within -(2^53-1) … 2^53-1.
pub(crate) fn safe<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    struct Safe;
    impl Visitor<'_> for Safe {
        type Value = i64;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(EXPECTED)
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<i64, E> {
            check(v, &self)
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<i64, E> {
            check_unsigned(v, &self)
        }
    }
    d.deserialize_i64(Safe)
}
