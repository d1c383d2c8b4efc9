//! [`VariantVisitor`]: how a program reaches the Rust type of every variant of a union, with
//! what the union declares of it.

use crate::app_server::jsonrpc::{Notification, Payload, Request};

/// One event of a realtime union, as declared by the union.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct EventVariant {
    /// The event's `type`, as the encoder writes it.
    pub wire_name: &'static str,
    /// Other `type` names the decoder accepts for the same event (input aliases, never
    /// encoded); empty for most events.
    pub aliases: &'static [&'static str],
    /// The name of the union's Rust variant, e.g. `ResponseOutputAudioDelta`.
    pub variant: &'static str,
}

/// One method of an app-server union (a request or a notification), as declared by the union.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct MethodVariant {
    /// The `method` on the wire.
    pub method: &'static str,
    /// The name of the Rust variant of the request or notification enum, e.g.
    /// `ThreadRealtimeStart`.
    pub variant: &'static str,
    /// Whether its messages carry a `params` member (false for a method without params, such
    /// as `initialized`).
    pub has_params: bool,
    /// Whether an absent `params` member is accepted: the method has params and none of them
    /// is required.
    pub params_optional: bool,
}

impl MethodVariant {
    /// The method `method` (Rust variant `variant`), whose params type is `P`.
    pub(crate) fn of<P: Payload>(method: &'static str, variant: &'static str) -> Self {
        MethodVariant {
            method,
            variant,
            has_params: crate::app_server::jsonrpc::has_params::<P>(),
            params_optional: crate::app_server::jsonrpc::params_optional::<P>(),
        }
    }
}

/// Called by [`crate::registry::Union::visit_variants`] with the Rust type of each variant of
/// a union: a code generator reaches every payload, params and result type through it, and a
/// test decodes an answer typed by its request's method. Every method has a default that
/// ignores the variant, so a visitor implements only the kinds it needs.
///
/// The type parameters meet [`Payload`]: serde both ways, `Debug`, `Clone`, `PartialEq`, and
/// also `schemars::JsonSchema` with the `schema` feature and `ts_rs::TS` with the `ts`
/// feature.
pub trait VariantVisitor {
    /// An event of a realtime union, whose members (all but `type`) are those of `P`.
    fn event<P: Payload>(&mut self, event: EventVariant) {
        let _ = event;
    }

    /// A request method `R` of an app-server union: `R::Params` are its params, `R::Result`
    /// the result of a successful answer.
    fn request<R: Request>(&mut self, method: MethodVariant) {
        let _ = method;
    }

    /// A notification method `N` of an app-server union: `N::Params` are its params.
    fn notification<N: Notification>(&mut self, method: MethodVariant) {
        let _ = method;
    }
}
