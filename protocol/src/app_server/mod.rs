//! The app-server JSON-RPC protocol: requests and notifications named by
//! `method`, without a `jsonrpc` member.
//!
//! A method is a unit struct implementing [`Request`] or [`Notification`], which binds its
//! name to its params and result types. [`ClientMessage`] is every message a client may send
//! (decode it with [`ClientMessage::decode`], whose [`RpcDecodeError`] is the error to answer
//! with), [`ServerMessage`] every message a server may send. An answer does not name its
//! method: decode its result with [`Response::decode_result`] or
//! [`Response::decode_result_for`], given the method of the pending request.

pub mod jsonrpc;
pub mod v1;
pub mod v2;

mod answer;
mod borrowed;
mod build;
mod client;
mod decode_error;
mod input_view;
mod notifications;
mod server;
pub(crate) mod spec;
mod stream;
mod union;

pub use answer::{ErrorResponse, Response};
pub use borrowed::{
    ClientMessageRef, ServerMessageRef, ThreadRealtimeAppendAudioParamsRef,
    ThreadRealtimeAudioChunkRef, ThreadRealtimeOutputAudioDeltaNotificationRef,
};
pub use client::{ClientMessage, ClientNotification, ClientRequest, ClientResult};
pub use decode_error::RpcDecodeError;
pub use jsonrpc::{
    Call, ErrorCode, ErrorObject, NoParams, Notification, Notify, Request, RequestId,
};
pub use server::{ServerMessage, ServerNotification};
pub(crate) use union::is_legacy;
