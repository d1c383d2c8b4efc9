//! The list of every message of every protocol, for code generation and tests.
//!
//! A message belongs to one *union*: the type a peer decodes from one direction of one protocol
//! (e.g. [`crate::realtime::v2::ServerEvent`], [`crate::app_server::ClientMessage`]). The
//! registry lists the unions; each union lists its messages from its own declaration (the
//! `event_union!` table of a realtime union, the method list of an app-server union), so
//! declaring a message registers it.
//!
//! The registry is data. A program that needs the Rust types behind it (a code generator, a
//! test that decodes every union) walks it with visitors: [`visit_unions`] calls a
//! [`UnionVisitor`] with each union type, and [`Union::visit_variants`] calls a
//! [`VariantVisitor`] with the payload type of each event, or the method type of each request
//! and notification.

use std::fmt::Debug;

pub use crate::open_union::branch_tag;
pub use all::{UnionInfo, messages, result_for, results, unions, visit_unions};
pub use union::{Union, UnionVisitor};
pub use visit::{EventVariant, MethodVariant, VariantVisitor};

mod all;
pub(crate) mod union;
mod visit;

/// The protocol a message belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Surface {
    /// The realtime WebSocket protocol (events tagged on `type`).
    Realtime,
    /// The app-server JSON-RPC protocol (messages named by `method`).
    AppServer,
}

impl Surface {
    /// The name used in paths and the catalog: `realtime` or `app-server`.
    pub fn as_str(self) -> &'static str {
        match self {
            Surface::Realtime => "realtime",
            Surface::AppServer => "app-server",
        }
    }
}

/// The protocol version (realtime dialect, or app-server method namespace), or, for a realtime
/// surface that is a separate endpoint with its own events rather than a dialect, that endpoint
/// ([`Version::Translation`]). It names the folder of a union's files and the `version` of its
/// catalog entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Version {
    /// Realtime "quicksilver", or the app-server v1 (camelCase) namespace.
    V1,
    /// Realtime GA, or the app-server v2 (slash-separated) namespace.
    V2,
    /// Realtime "Frameless Bidi" (endpoint `/v1/live`), the Codex client's third dialect.
    V3,
    /// The realtime translation endpoint (`/v1/realtime/translations`): not a protocol version
    /// but its own set of events, some of whose names the conversation protocol also uses with
    /// other payloads.
    Translation,
}

impl Version {
    /// `v1`, `v2`, `v3` or `translation`.
    pub fn as_str(self) -> &'static str {
        match self {
            Version::V1 => "v1",
            Version::V2 => "v2",
            Version::V3 => "v3",
            Version::Translation => "translation",
        }
    }
}

/// Who sends a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Direction {
    /// Sent by the client, received by the server.
    ClientToServer,
    /// Sent by the server, received by the client.
    ServerToClient,
}

impl Direction {
    /// `client-to-server` or `server-to-client`.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::ClientToServer => "client-to-server",
            Direction::ServerToClient => "server-to-client",
        }
    }
}

/// What kind of message an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A realtime event, named by its `type`.
    Event,
    /// A JSON-RPC request (answered by a response or an error), named by its `method`.
    Request,
    /// A JSON-RPC notification, named by its `method`.
    Notification,
}

impl Kind {
    /// `event`, `request` or `notification`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Event => "event",
            Kind::Request => "request",
            Kind::Notification => "notification",
        }
    }
}

/// One registered message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The protocol.
    pub surface: Surface,
    /// The version or namespace.
    pub version: Version,
    /// Who sends it.
    pub direction: Direction,
    /// Event, request or notification.
    pub kind: Kind,
    /// The event `type` or JSON-RPC `method`.
    pub wire_name: &'static str,
    /// Only usable after opting in to experimental API (app-server `thread/realtime/*`).
    pub experimental: bool,
    /// The name of the union that holds it (e.g. `ServerEvent`).
    pub union: &'static str,
}

/// The result of a JSON-RPC request method: what answers to it look like.
///
/// A response (`{"id", "result"}`) does not say which method it answers, so the tests check
/// result examples (`tests/examples/app-server/<version>/<method>/<case>.result.json`, each a
/// whole response envelope) with the [`ResultInfo`] of the method named by the folder: see
/// [`result_for`].
#[derive(Clone, Copy)]
pub struct ResultInfo {
    /// The request's `method`.
    pub method: &'static str,
    /// Its namespace.
    pub version: Version,
    /// The JSON Schema of a whole response envelope answering this method.
    #[cfg(feature = "schema")]
    pub schema: fn(&mut schemars::SchemaGenerator) -> schemars::Schema,
}

impl Debug for ResultInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ResultInfo({})", self.method)
    }
}
