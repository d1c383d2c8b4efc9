//! Decoding a value a decoder has buffered, with the JSON path of an error kept, through the
//! JSON rules of every decoder (`strict`): the shared step of the tagged unions, the open
//! unions, the JSON-RPC envelopes and the closed internally tagged enums.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::{split_path, with_path};

/// Decodes `value` into `T` for a decoder that has buffered its input, so that an error keeps
/// the JSON path inside `value` (appended to the message as ` (at /pointer)`). The value is
/// read with the rules of every decoder (`crate::strict`): a struct is never filled from an
/// array.
///
/// The value is decoded once without path tracking (which records every member name it
/// passes); only when that fails is it decoded again with tracking, to locate the error. The
/// tracking changes no verdict, so the outcome is that of the tracked decode alone.
pub(crate) fn from_buffered<T: DeserializeOwned, E: serde::de::Error>(
    value: &Value,
) -> Result<T, E> {
    if let Ok(decoded) = T::deserialize(crate::strict::Strict(value)) {
        return Ok(decoded);
    }
    tracked(value)
}

/// [`from_buffered`] with path tracking, for a value that does not decode as `T`.
fn tracked<T: DeserializeOwned, E: serde::de::Error>(value: &Value) -> Result<T, E> {
    serde_path_to_error::deserialize(crate::strict::Strict(value)).map_err(|e| {
        let outer = pointer(e.path());
        let message = e.inner().to_string();
        let (inner, reason) = split_path(&message);
        E::custom(with_path(&format!("{outer}{inner}"), reason))
    })
}

/// The error of decoding `value` as `T` with path tracking, formatted by `with_path`; `None`
/// when it decodes.
#[doc(hidden)]
pub fn path_error<T: DeserializeOwned>(value: &Value) -> Option<String> {
    from_buffered::<T, serde_json::Error>(value)
        .err()
        .map(|e| e.to_string())
}

/// The JSON pointer of a serde_path_to_error path (`""` for the root).
pub(crate) fn pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("/{index}")),
            Segment::Map { key } => {
                out.push('/');
                out.push_str(&key.replace('~', "~0").replace('/', "~1"));
            }
            // An externally tagged variant is a member named by the variant.
            Segment::Enum { variant } => {
                out.push('/');
                out.push_str(&variant.replace('~', "~0").replace('/', "~1"));
            }
            Segment::Unknown => {}
        }
    }
    out
}

/// Implements `Serialize` and `Deserialize` for a closed enum declared
/// `#[serde(tag = "...", remote = "Self")]`: the value is buffered through `Strict`, must be
/// an object (``invalid type: sequence, expected internally tagged enum X``), and is read by the
/// derived decoder through `Strict`, with the JSON path of an error kept. Its variants' members are plain values (no struct), so
/// serde's buffer cannot fill a struct from an array below it.
macro_rules! impl_strict_tagged {
    ($ty:ident) => {
        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                $ty::serialize(self, s)
            }
        }
        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                use ::serde::de::Error as _;
                let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(
                    $crate::strict::Strict(d),
                )?;
                if !value.is_object() {
                    return Err(D::Error::invalid_type(
                        $crate::strict::unexpected(&value),
                        &concat!("internally tagged enum ", stringify!($ty)),
                    ));
                }
                /// The derived decoder as a `Deserialize` type, so that its errors keep their
                /// JSON path.
                struct Derived($ty);
                impl<'de> ::serde::Deserialize<'de> for Derived {
                    fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                        $ty::deserialize(d).map(Derived)
                    }
                }
                $crate::buffered::from_buffered::<Derived, D::Error>(&value).map(|d| d.0)
            }
        }
    };
}
pub(crate) use impl_strict_tagged;
