//! Building app-server messages: every wrapper converts into the message that carries it, so a
//! typed request or notification becomes a [`ClientMessage`] or [`ServerMessage`] with `from`
//! (or `into`), and every message encodes to text with `to_json`.

use crate::app_server::answer::{ErrorResponse, Response};
use crate::app_server::client::{ClientMessage, ClientNotification, ClientRequest};
use crate::app_server::jsonrpc::{Call, Notification, Notify, Request};
use crate::app_server::server::{ServerMessage, ServerNotification};

impl From<ClientRequest> for ClientMessage {
    fn from(request: ClientRequest) -> Self {
        ClientMessage::Request(request)
    }
}

impl From<ClientNotification> for ClientMessage {
    fn from(notification: ClientNotification) -> Self {
        ClientMessage::Notification(notification)
    }
}

impl<R: Request> From<Call<R>> for ClientMessage
where
    ClientRequest: From<Call<R>>,
{
    fn from(call: Call<R>) -> Self {
        ClientMessage::Request(call.into())
    }
}

impl<N: Notification> From<Notify<N>> for ClientMessage
where
    ClientNotification: From<Notify<N>>,
{
    fn from(notify: Notify<N>) -> Self {
        ClientMessage::Notification(notify.into())
    }
}

impl From<Response> for ServerMessage {
    fn from(response: Response) -> Self {
        ServerMessage::Response(response)
    }
}

impl From<ErrorResponse> for ServerMessage {
    fn from(error: ErrorResponse) -> Self {
        ServerMessage::Error(error)
    }
}

impl From<ServerNotification> for ServerMessage {
    fn from(notification: ServerNotification) -> Self {
        ServerMessage::Notification(notification)
    }
}

impl<N: Notification> From<Notify<N>> for ServerMessage
where
    ServerNotification: From<Notify<N>>,
{
    fn from(notify: Notify<N>) -> Self {
        ServerMessage::Notification(notify.into())
    }
}

impl ClientMessage {
    /// Encodes the message as compact JSON text in its canonical form (`id`, `method`,
    /// `params` in that order; no `jsonrpc` member): one line of the stdio transport.
    pub fn to_json(&self) -> String {
        crate::codec::to_json(self)
    }
}

impl ServerMessage {
    /// Encodes the message as compact JSON text in its canonical form (no `jsonrpc` member):
    /// one line of the stdio transport.
    pub fn to_json(&self) -> String {
        crate::codec::to_json(self)
    }
}

impl crate::registry::union::sealed::Sealed for ClientMessage {}
impl crate::registry::union::sealed::Sealed for ServerMessage {}
