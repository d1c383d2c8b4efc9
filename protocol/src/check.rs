//! [`TextCheck`]: what every decoder of a union makes of one JSON text, for the fuzz targets
//! and the hostile-input tests.

use crate::error::DecodeError;

/// What every decoder of the union `U` makes of one JSON text; built by [`check_text`] for the
/// fuzz targets and the hostile-input tests, which compare the views.
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq)]
pub struct TextCheck {
    /// `decode`: the canonical encoding (compact text) of the decoded message, or the error.
    pub decoded: Result<String, DecodeError>,
    /// `serde_json::from_str`: the canonical encoding, or the error's text.
    pub from_str: Result<String, String>,
    /// Whether the decoded message is an `Unknown` variant (kept as raw JSON).
    pub unknown: bool,
    /// The canonical encoding decoded again: its canonical encoding, or the error.
    pub again: Option<Result<String, DecodeError>>,
    /// Whether the message decoded from its canonical encoding equals the first decoded message.
    pub again_equal: bool,
    /// For a realtime union: whether `Frame::decode` gives the same verdict and event.
    pub frame_agrees: bool,
}

/// Runs every decoder of the union `U` on `text`; see [`TextCheck`].
#[doc(hidden)]
pub fn check_text<U: crate::registry::Union>(text: &str) -> TextCheck {
    let canonical = |m: &U| serde_json::to_string(m).expect("rtwire types always encode to JSON");
    let first = crate::codec::decode_text::<U>(text, U::TAG);
    let frame_agrees = U::SURFACE != crate::registry::Surface::Realtime
        || match (crate::realtime::Frame::<U>::decode(text), &first) {
            (Ok(frame), Ok(message)) => frame.event == *message && frame.raw == text,
            (Err(a), Err(b)) => a == *b,
            _ => false,
        };
    let from_str = serde_json::from_str::<U>(text)
        .map(|m| canonical(&m))
        .map_err(|e| e.to_string());
    let (mut again, mut again_equal, mut unknown) = (None, false, false);
    if let Ok(message) = &first {
        unknown = message.is_unknown();
        let encoded = canonical(message);
        let second = crate::codec::decode_text::<U>(&encoded, U::TAG);
        again_equal = second.as_ref().is_ok_and(|m| m == message);
        again = Some(second.map(|m| canonical(&m)));
    }
    TextCheck {
        decoded: first.map(|m| canonical(&m)),
        from_str,
        unknown,
        again,
        again_equal,
        frame_agrees,
    }
}
