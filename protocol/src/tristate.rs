//! Tri-state members: absent, `null` and a value mean three different
//! things, e.g. `audio.input.turn_detection` absent = keep the current setting, `null` = turn
//! voice activity detection off, an object = configure it.
//!
//! Such a member is an `Option<Option<T>>` declared with this crate's [`deserialize`]
//! (plus `#[cfg_attr(feature = "ts", ts(as = "Option<T>"))]` for its TypeScript type):
//!
//! * absent → `None` (and `None` is omitted on output);
//! * `null` → `Some(None)` (and encodes back to `null`);
//! * a value → `Some(Some(value))`.
//!
//! ```
//! use serde::{Deserialize, Serialize};
//!
//! #[derive(Debug, PartialEq, Deserialize, Serialize)]
//! struct Input {
//!     #[serde(
//!         default,
//!         skip_serializing_if = "Option::is_none",
//!         deserialize_with = "rtwire_protocol::tristate::deserialize"
//!     )]
//!     turn_detection: Option<Option<u32>>,
//! }
//!
//! let absent: Input = serde_json::from_str("{}").unwrap();
//! assert_eq!(absent.turn_detection, None);
//! assert_eq!(serde_json::to_string(&absent).unwrap(), "{}");
//! let off: Input = serde_json::from_str(r#"{"turn_detection":null}"#).unwrap();
//! assert_eq!(off.turn_detection, Some(None));
//! assert_eq!(serde_json::to_string(&off).unwrap(), r#"{"turn_detection":null}"#);
//! let set: Input = serde_json::from_str(r#"{"turn_detection":500}"#).unwrap();
//! assert_eq!(set.turn_detection, Some(Some(500)));
//! ```
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
