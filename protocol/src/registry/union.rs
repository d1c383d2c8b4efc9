//! The [`Union`] trait every top-level union implements, and [`UnionVisitor`], which the
//! registry calls with each union type.

use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fmt::Debug;

use super::{Direction, Message, ResultInfo, Surface, Version};
use crate::error::DecodeError;
use crate::registry::VariantVisitor;

/// Seals [`Union`]: the unions of this crate are the only ones, so that the trait can grow
/// without a breaking release.
pub(crate) mod sealed {
    /// Implemented by the unions of this crate only.
    pub trait Sealed {}
}

/// A top-level union of the protocol: what one peer decodes from one direction. It is sealed:
/// only the unions of this crate implement it.
pub trait Union:
    sealed::Sealed + Serialize + DeserializeOwned + Debug + PartialEq + 'static
{
    /// Its Rust (and TypeScript, and schema file) name, e.g. `ServerEvent`.
    const NAME: &'static str;
    /// Its protocol.
    const SURFACE: Surface;
    /// Its version; `None` for the app-server unions, which span both namespaces.
    const VERSION: Option<Version>;
    /// Who sends it.
    const DIRECTION: Direction;
    /// The member that names a message: `type` or `method`.
    const TAG: &'static str;
    /// The folder of its generated files under `schemas/` and `generated/typescript/`.
    const MODULE: &'static str;
    /// One sentence that describes it (the description of its JSON Schema).
    const DOC: &'static str;

    /// Every message it holds.
    fn messages() -> Vec<Message>;

    /// Whether this value was kept as an unknown message (raw JSON).
    fn is_unknown(&self) -> bool;

    /// The results of the request methods it holds (none for event unions).
    fn results() -> Vec<ResultInfo> {
        Vec::new()
    }

    /// Calls `visitor` once per variant, in declaration order: with the payload type of each
    /// event of a realtime union, or with the method type of each request and notification of
    /// an app-server union. The catch-all of unknown messages is not a variant.
    fn visit_variants<V: VariantVisitor>(visitor: &mut V);

    /// Decodes one message from JSON text, with the outcome of `serde_json::from_str` and an
    /// error that names the message (by its `type` or `method`) and the JSON path. It is the
    /// realtime unions' own `decode`; the app-server unions' own `decode` gives the same
    /// verdict as a JSON-RPC error instead.
    fn decode_text(text: &str) -> Result<Self, DecodeError> {
        crate::codec::decode_text(text, Self::TAG)
    }

    /// The JSON Schema of the union, accepting exactly what its decoder accepts.
    #[cfg(feature = "schema")]
    fn schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema;
}

/// Called with each union type by [`crate::registry::visit_unions`]: a program that needs the
/// Rust type of every union (to decode with it, or to reach its variants' types) implements
/// it once, and a new union reaches it with no edit.
pub trait UnionVisitor {
    /// Called with the union `U`.
    fn visit<U: Union>(&mut self);
}
