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
#![deny(missing_docs)]

pub mod app_server;
mod codec;
pub mod error;
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
