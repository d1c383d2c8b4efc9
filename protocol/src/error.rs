//! The error every decoder of this crate returns.

use std::fmt;

/// Why a JSON message could not be decoded into its Rust type.
///
/// It names the message (the event `type` or JSON-RPC `method` when the input has one), the
/// [JSON pointer](https://www.rfc-editor.org/rfc/rfc6901) of the offending value (`""` for the
/// message itself) and what was wrong, e.g.
/// `response.output_audio.delta: missing field `delta``.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    message: Option<String>,
    path: String,
    reason: String,
}

impl DecodeError {
    /// An error about the message named `message` (its `type` or `method`, when known), at the
    /// JSON pointer `path`.
    pub fn new(message: Option<&str>, path: impl Into<String>, reason: impl Into<String>) -> Self {
        Self {
            message: message.map(str::to_owned),
            path: path.into(),
            reason: reason.into(),
        }
    }

    /// The event `type` or JSON-RPC `method` of the rejected message; `None` when the input was
    /// not JSON or carried no such name.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The JSON pointer of the offending value inside the message; empty for the message itself.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What was wrong, in serde's words (e.g. ``missing field `delta` ``).
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// Builds the error for `value` from a serde error raised while decoding it, recovering the
    /// JSON path that nested decoders recorded in the message (see `with_path`).
    pub(crate) fn from_serde(message: Option<&str>, outer: &str, err: &str) -> Self {
        let (inner, reason) = split_path(err);
        Self::new(message, format!("{outer}{inner}"), reason)
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.message {
            Some(name) => write!(f, "{name}: {}", self.reason)?,
            None => write!(f, "{}", self.reason)?,
        }
        if !self.path.is_empty() {
            write!(f, " (at {})", self.path)?;
        }
        Ok(())
    }
}

impl std::error::Error for DecodeError {}

/// `reason` with the JSON pointer `path` recorded at its end (nothing when `path` is empty).
pub(crate) fn with_path(path: &str, reason: &str) -> String {
    if path.is_empty() {
        reason.to_owned()
    } else {
        format!("{reason} (at {path})")
    }
}

/// Splits a message built by [`with_path`] into its pointer and its reason.
pub(crate) fn split_path(message: &str) -> (&str, &str) {
    if let Some(body) = message.strip_suffix(')') {
        if let Some(i) = body.rfind(" (at /") {
            return (&body[i + 5..], &body[..i]);
        }
    }
    ("", message)
}
