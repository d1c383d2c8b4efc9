//! The app-server JSON-RPC protocol (`app-server.md`): requests and notifications named by
//! `method`, without a `jsonrpc` member.
//!
//! A method is a unit struct implementing [`Request`] or [`Notification`], which binds its
//! name to its params and result types. [`ClientMessage`] is every message a client may send,
//! [`ServerMessage`] every message a server may send.

pub mod jsonrpc;
pub mod v1;
pub mod v2;

mod messages;
pub(crate) mod spec;

pub use jsonrpc::{Call, ErrorCode, ErrorObject, Notification, Notify, Request, RequestId};
pub use messages::{ClientMessage, ClientRequest, ErrorResponse, Response, ServerMessage, ServerNotification};
