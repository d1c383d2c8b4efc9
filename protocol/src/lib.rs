//! rtwire-protocol: the wire protocols of realtime voice conversations, as documented serde
//! types.
//!
//! * [`realtime::v2`]: the GA Realtime WebSocket API; [`realtime::v1`]: its "quicksilver"
//!   dialect.
//! * [`app_server`]: the JSON-RPC protocol of the Codex app-server, with its `thread/realtime/*`
//!   methods.
//! * [`registry`]: every message, with its surface, version, direction, wire name and
//!   experimental flag; visitors reach the Rust type of every union and of every variant.
//!
//! Features `schema` (schemars `JsonSchema`) and `ts` (ts-rs `TS`) add the derives that the
//! code generator uses; a default build needs serde and serde_json only.
//!
//! # Three common jobs
//!
//! **Decode** a frame with the union of the endpoint: every union has `decode(text)`; an event
//! type this version does not know is kept as raw JSON, and a bad event is an error naming the
//! event and the JSON path.
//!
//! ```
//! use rtwire_protocol::realtime::v2::ServerEvent;
//!
//! let text = r#"{"type":"response.output_audio.delta","response_id":"resp_1","item_id":"item_1","output_index":0,"content_index":0,"delta":"AAA="}"#;
//! let ServerEvent::ResponseOutputAudioDelta(delta) = ServerEvent::decode(text)? else {
//!     unreachable!("a response.output_audio.delta")
//! };
//! assert_eq!(delta.delta, "AAA=");
//!
//! let newer = ServerEvent::decode(r#"{"type":"response.future_thing","x":1}"#)?;
//! assert_eq!(newer.to_json(), r#"{"type":"response.future_thing","x":1}"#);
//!
//! let bad = ServerEvent::decode(r#"{"type":"response.output_audio.delta","output_index":"0"}"#);
//! assert_eq!(
//!     bad.unwrap_err().to_string(),
//!     "response.output_audio.delta: invalid type: string \"0\", expected u32 (at /output_index)"
//! );
//! # Ok::<(), rtwire_protocol::DecodeError>(())
//! ```
//!
//! **Send a `session.update`**, in one expression: a payload converts into its union
//! (`From`), and `to_json` encodes it with `type` first.
//!
//! ```
//! use rtwire_protocol::realtime::v2::{
//!     AudioConfig, AudioInputConfig, AudioOutputConfig, ClientEvent, RealtimeSessionConfig,
//!     SemanticVad, SessionUpdate, VoiceName,
//! };
//!
//! fn send(event: impl Into<ClientEvent>) -> String {
//!     event.into().to_json() // the text of one WebSocket frame
//! }
//!
//! let frame = send(SessionUpdate::new(
//!     RealtimeSessionConfig::new()
//!         .with_instructions("Be brief.")
//!         .with_audio(
//!             AudioConfig::new()
//!                 .with_input(AudioInputConfig::new().with_turn_detection(SemanticVad::new()))
//!                 .with_output(AudioOutputConfig::new().with_voice(VoiceName::Cedar)),
//!         ),
//! ));
//! assert_eq!(
//!     frame,
//!     r#"{"type":"session.update","session":{"type":"realtime","instructions":"Be brief.","audio":{"input":{"turn_detection":{"type":"semantic_vad"}},"output":{"voice":"cedar"}}}}"#
//! );
//!
//! // The quicksilver dialect (realtime v1) has a fixed session: instructions and a voice.
//! use rtwire_protocol::realtime::v1;
//! let frame = v1::ClientEvent::from(v1::SessionUpdate::new("Be brief.").with_voice(v1::Voice::Sol));
//! assert_eq!(
//!     frame.to_json(),
//!     r#"{"type":"session.update","session":{"type":"quicksilver","instructions":"Be brief.","audio":{"input":{"format":{"type":"audio/pcm","rate":24000}},"output":{"voice":"sol"}}}}"#
//! );
//! ```
//!
//! **Call an app-server method**: a typed [`app_server::Call`] converts into a
//! [`app_server::ClientMessage`], and the answer's result decodes by the request's type.
//!
//! ```
//! use rtwire_protocol::app_server::{Call, ClientMessage, ServerMessage, v2};
//!
//! let params = v2::ThreadRealtimeStartParams::new("thr_1")
//!     .with_prompt("You are a helpful assistant.")
//!     .with_voice(v2::RealtimeVoice::Marin);
//! let message = ClientMessage::from(Call::<v2::ThreadRealtimeStart>::new(7, params));
//! assert_eq!(
//!     message.to_json(),
//!     r#"{"id":7,"method":"thread/realtime/start","params":{"threadId":"thr_1","outputModality":"audio","prompt":"You are a helpful assistant.","voice":"marin"}}"#
//! );
//!
//! let ServerMessage::Response(answer) = ServerMessage::decode(r#"{"id":7,"result":{}}"#)? else {
//!     unreachable!("a response")
//! };
//! let _started: v2::ThreadRealtimeStartResponse =
//!     answer.decode_result::<v2::ThreadRealtimeStart>()?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Building messages: one pattern
//!
//! * `Type::new(required…)` takes every required member as an argument, so a constructed
//!   message is one the encoder emits as valid; optional members start absent.
//! * `.with_<member>(value)` sets an optional member (any value that converts `Into` its
//!   type), and chains.
//! * A tri-state member (absent = unchanged, `null` = off or none, a value = on) also has
//!   `.without_<member>()`, which sends `null`.
//! * Every payload converts into the union that carries it (`From` / `into()`), unless two
//!   variants of that union share the payload type (then the variant is named, e.g.
//!   `ServerEvent::SessionUpdated(..)`). App-server wrappers convert the same way:
//!   `Call<R>` → `ClientRequest` → `ClientMessage`, `Notify<N>` → `ClientNotification` or
//!   `ServerNotification` → the message, `Response` and `ErrorResponse` → `ServerMessage`.
//! * Every union has `decode(text)` and `decode_value(&value)` (or the app-server
//!   `ClientMessage::decode` / `ServerMessage::decode`, whose errors are JSON-RPC errors), and
//!   `to_json()`, the canonical compact text with the tag first.
//!
//! # Semver
//!
//! The unions and the open enums are `#[non_exhaustive]`: a `match` on them has a `_` arm, so a
//! release that adds an event, a variant or a value is not a breaking change. The
//! [`registry::Union`] trait is sealed.
//!
//! # Audio without copies
//!
//! Most realtime bytes are base64 audio. Each union has `decode_borrowed`, whose view keeps the
//! strings of the audio events borrowed from the frame text ([`borrowed`]), with the same
//! events and errors as the owned decoder; every other message is the owned message, boxed.
//! The view's reader finds the end of a long string many bytes at a time, so decoding an
//! audio delta costs about what skipping it with serde_json does. With the feature `base64`, `decode_pcm_into` appends
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
mod buffered;
mod codec;
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
mod readme {}
pub mod error;
pub mod integer;
mod open_union;
pub mod realtime;
pub mod registry;
mod strict;
mod tagged;
pub mod tristate;

#[allow(deprecated)]
pub use codec::decode;
pub use codec::{decode_value, encode, parse, to_json};
pub use error::DecodeError;
pub use registry::{
    Direction, Kind, Message, ResultInfo, Surface, Union, UnionInfo, UnionVisitor, VariantVisitor,
    Version,
};
