//! Tri-state members (spec "Opt+Null ⚑"): absent, `null` and a value mean three different
//! things, e.g. `audio.input.turn_detection` absent = keep the current setting, `null` = turn
//! voice activity detection off, an object = configure it.
//!
//! Such a member is an `Option<Option<T>>` declared with
//!
//! ```ignore
//! #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::tristate::deserialize")]
//! #[cfg_attr(feature = "ts", ts(as = "Option<T>"))]
//! ```
//!
//! * absent → `None` (and `None` is omitted on output);
//! * `null` → `Some(None)` (and encodes back to `null`);
//! * a value → `Some(Some(value))`.
//!
//! The JSON Schema and the TypeScript type are those of an optional nullable member
//! (`name?: T | null`), which accept exactly the same JSON.

use serde::{Deserialize, Deserializer};

/// Decodes a present member, `null` included, as `Some(..)`; serde's `default` supplies `None`
/// when the member is absent.
pub fn deserialize<'de, T, D>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}
