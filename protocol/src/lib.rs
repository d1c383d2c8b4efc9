//! rtwire-protocol: the wire protocols of realtime voice conversations, as documented serde
//! types.
//!
//! * [`realtime::v2`]: the GA Realtime WebSocket API; [`realtime::v1`]: its "quicksilver"
//!   dialect.
//! * [`app_server`]: the JSON-RPC protocol of the Codex app-server, with its `thread/realtime/*`
//!   methods.
//! * [`registry`]: every message, with its surface, version, direction, wire name and
//!   experimental flag.
//!
//! Features `schema` (schemars `JsonSchema`) and `ts` (ts-rs `TS`) add the derives that the
//! code generator uses; a default build needs serde and serde_json only.
//!
//! # Audio without copies
//!
//! Most realtime bytes are base64 audio. Each union has `decode_borrowed`, whose view keeps the
//! strings of the audio events borrowed from the frame text ([`borrowed`]), with the same
//! events and errors as the owned decoder; with the feature `base64`, `decode_pcm_into` appends
//! the audio's bytes to a buffer you reuse (module `audio`), so a hot loop allocates nothing per
//! chunk. The feature adds the `base64` crate (no dependencies of its own).
//!
//! ```
//! use rtwire_protocol::realtime::v2::{ServerEvent, ServerEventRef};
//!
//! # fn main() -> Result<(), rtwire_protocol::DecodeError> {
//! let frame = r#"{"type":"response.output_audio.delta","response_id":"resp_1","item_id":"item_1","output_index":0,"content_index":0,"delta":"AAD/fwCA"}"#;
//! let mut pcm: Vec<u8> = Vec::with_capacity(9600); // reused for every chunk
//! match ServerEvent::decode_borrowed(frame)? {
//!     ServerEventRef::ResponseOutputAudioDelta(delta) => {
//!         assert_eq!(delta.item_id.as_deref(), Some("item_1")); // borrowed from `frame`
//!         # #[cfg(feature = "base64")]
//!         # {
//!         pcm.clear();
//!         delta.decode_pcm_into(&mut pcm)?; // signed 16-bit LE: 0, 32767, -32768
//!         assert_eq!(pcm, [0x00, 0x00, 0xff, 0x7f, 0x00, 0x80]);
//!         # }
//!     }
//!     ServerEventRef::Owned(event) => println!("{:?}", event.wire_name()),
//! }
//! # Ok(())
//! # }
//! ```
#![deny(missing_docs)]

pub mod app_server;
#[cfg(feature = "base64")]
pub mod audio;
pub mod borrowed;
mod codec;
pub mod error;
pub mod integer;
mod open_union;
pub mod realtime;
pub mod registry;
mod strict;
mod tagged;
pub mod tristate;
#[cfg(feature = "ts")]
pub mod typescript;

pub use codec::{TextCheck, decode, decode_value, encode, parse};
pub use error::DecodeError;
pub use registry::{Direction, Kind, Message, ResultInfo, Surface, Union, UnionInfo, Version};
