//! What the checker finds: a [`Finding`] per change, its [`Status`] and [`Witness`]es, and the
//! report [`Format`].

use serde_json::Value;

use super::load::MessageKey;
use super::rules::{Check, Mode, Rule};

/// The report format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// For people, on a terminal.
    Text,
    /// For tools.
    Json,
    /// A pull-request comment.
    Markdown,
}

/// How a finding ends up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Breaks a check of its mode, with a verified witness.
    Breaking,
    /// Would be breaking, but its rule is allowed with `--allow`.
    Allowed,
    /// The rule breaks a check of its mode, but no witness checked out: reported, not counted.
    Unverified,
    /// Breaks no check of its mode.
    Compatible,
}

impl Status {
    /// `breaking`, `allowed`, `unverified` or `compatible`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Breaking => "breaking",
            Status::Allowed => "allowed",
            Status::Unverified => "unverified",
            Status::Compatible => "compatible",
        }
    }
}

/// An instance that shows a check broken.
#[derive(Debug, Clone, PartialEq)]
pub struct Witness {
    /// The check it breaks: backward (the old schema accepts it, the new one rejects it) or
    /// forward (the new schema accepts it, the old one rejects it).
    pub check: Check,
    /// The whole message instance.
    pub instance: Value,
    /// Whether the validator confirmed both sides.
    pub verified: bool,
}

/// One change of one message.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// What kind of change.
    pub rule: Rule,
    /// The message it affects.
    pub message: MessageKey,
    /// Where in the message: a JSON pointer; `{tag=value}` segments name a union variant, `*`
    /// any undeclared member.
    pub path: String,
    /// The shared definition (`$defs` entry) the change sits in, if any.
    pub definition: Option<String>,
    /// What changed.
    pub detail: String,
    /// The checks run for this message.
    pub mode: Mode,
    /// One witness per check of `mode` the rule breaks (when one could be built).
    pub witnesses: Vec<Witness>,
    /// The verdict.
    pub status: Status,
}
