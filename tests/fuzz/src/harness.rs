//! The harness that the fuzz targets and the workspace tests share: what one union's decoders
//! make of a value or a text, and what a method's typed result makes of an answer.
//!
//! * [`Roundtrip`]: a value decoded as a union (or an answer `{"id", "result"}` decoded with
//!   the result type of its request's method), encoded again and decoded once more.
//! * [`TextCheck`]: what every decoder of a union (`decode`, `serde_json::from_str`,
//!   `Frame::decode`) makes of one JSON text.
//!
//! Both are built generically, from the Rust types the registry's visitors reach
//! (`registry::visit_unions`, `Union::visit_variants`): a new union or request method is
//! covered with no edit here. The registry's entries are plain data; [`UnionCheck`] and
//! [`ResultCheck`] give a [`UnionInfo`] or a [`ResultInfo`] the checks of its Rust type.

use rtwire_protocol::DecodeError;
use rtwire_protocol::app_server::Response;
use rtwire_protocol::app_server::jsonrpc::{Request, RequestId};
use rtwire_protocol::realtime::Frame;
use rtwire_protocol::registry::{
    self, MethodVariant, ResultInfo, Surface, Union, UnionInfo, UnionVisitor, VariantVisitor,
};
use serde::Serialize;
use serde_json::Value;
use std::sync::OnceLock;

/// The outcome of decoding a value and encoding it again.
#[derive(Debug, Clone)]
pub struct Roundtrip {
    /// The name (`type` or `method`) of the message the value decoded to; `None` for a value
    /// kept as unknown.
    pub wire_name: Option<String>,
    /// Whether the value was kept as an unknown message (raw JSON). A JSON-RPC response has no
    /// name but is not unknown.
    pub unknown: bool,
    /// The decoded value, encoded again.
    pub encoded: Value,
    /// The `Debug` form of the decoded value.
    pub debug: String,
    /// Whether decoding `encoded` gives a value equal to the first decoded one.
    pub stable: bool,
}

/// What every decoder of a union makes of one JSON text; built by [`check_text`] for the fuzz
/// targets and the hostile-input tests, which compare the views.
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

/// Decodes `value` as the union `U`, encodes it again and decodes that once more.
pub fn roundtrip<U: Union>(value: &Value) -> Result<Roundtrip, DecodeError> {
    let decoded: U = rtwire_protocol::decode_value(value, U::TAG)?;
    let encoded = rtwire_protocol::encode(&decoded);
    let again: Result<U, _> = rtwire_protocol::decode_value(&encoded, U::TAG);
    let name = encoded
        .get(U::TAG)
        .and_then(Value::as_str)
        .map(str::to_owned);
    Ok(Roundtrip {
        wire_name: if decoded.is_unknown() { None } else { name },
        unknown: decoded.is_unknown(),
        debug: format!("{decoded:#?}"),
        stable: again.is_ok_and(|again| again == decoded),
        encoded,
    })
}

/// Runs every decoder of the union `U` on `text`; see [`TextCheck`].
pub fn check_text<U: Union>(text: &str) -> TextCheck {
    let canonical = |m: &U| serde_json::to_string(m).expect("rtwire types always encode to JSON");
    let first = U::decode_text(text);
    let frame_agrees = U::SURFACE != Surface::Realtime
        || match (Frame::<U>::decode(text), &first) {
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
        let second = U::decode_text(&encoded);
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

/// A response to a request of `R` with its result decoded, for `Debug` and equality.
#[derive(Debug, PartialEq)]
struct TypedResponse<T> {
    id: RequestId,
    result: T,
}

/// Decodes a whole response envelope `{"id", "result"}` answering a request of `R`: the
/// result typed as `R::Result`, errors naming the method with the JSON path in the envelope.
fn typed_response<R: Request>(value: &Value) -> Result<TypedResponse<R::Result>, DecodeError> {
    // A message with a `method` member is a request or a notification, never an answer.
    if value.get("method").is_some() {
        return Err(DecodeError::new(
            Some(R::METHOD),
            "/method",
            "an answer has no `method` member",
        ));
    }
    let response: Response = rtwire_protocol::decode_value(value, "method")
        .map_err(|e| DecodeError::new(Some(R::METHOD), e.path(), e.reason()))?;
    Ok(TypedResponse {
        result: response.decode_result::<R>()?,
        id: response.id,
    })
}

/// Decodes a whole response envelope `{"id", "result"}` answering a request of `R` (the result
/// typed as `R::Result`), encodes it again and decodes that once more.
pub fn result_roundtrip<R: Request>(value: &Value) -> Result<Roundtrip, DecodeError> {
    #[derive(Serialize)]
    struct Wire<'a, T> {
        id: &'a RequestId,
        result: &'a T,
    }
    let decoded = typed_response::<R>(value)?;
    let encoded = rtwire_protocol::encode(&Wire {
        id: &decoded.id,
        result: &decoded.result,
    });
    let stable = typed_response::<R>(&encoded).is_ok_and(|again| again == decoded);
    Ok(Roundtrip {
        wire_name: Some(R::METHOD.to_owned()),
        unknown: false,
        debug: format!("{decoded:#?}"),
        stable,
        encoded,
    })
}

/// A round trip of a value through one Rust type: [`roundtrip`] or [`result_roundtrip`] of a
/// given union or method.
type RoundtripFn = fn(&Value) -> Result<Roundtrip, DecodeError>;

/// The checks of one union, by its Rust type.
struct UnionEntry {
    info: UnionInfo,
    roundtrip: RoundtripFn,
    text: fn(&str) -> TextCheck,
}

/// The checks of every union of the registry, in registry order.
fn union_entries() -> &'static [UnionEntry] {
    static ENTRIES: OnceLock<Vec<UnionEntry>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        struct Entries(Vec<UnionEntry>);
        impl UnionVisitor for Entries {
            fn visit<U: Union>(&mut self) {
                self.0.push(UnionEntry {
                    info: UnionInfo::of::<U>(),
                    roundtrip: roundtrip::<U>,
                    text: check_text::<U>,
                });
            }
        }
        let mut entries = Entries(Vec::new());
        registry::visit_unions(&mut entries);
        entries.0
    })
}

/// The typed-result round trip of every request method of the registry, by method.
fn result_entries() -> &'static [(&'static str, RoundtripFn)] {
    static ENTRIES: OnceLock<Vec<(&'static str, RoundtripFn)>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        struct Requests(Vec<(&'static str, RoundtripFn)>);
        impl VariantVisitor for Requests {
            fn request<R: Request>(&mut self, method: MethodVariant) {
                self.0.push((method.method, result_roundtrip::<R>));
            }
        }
        impl UnionVisitor for Requests {
            fn visit<U: Union>(&mut self) {
                U::visit_variants(self);
            }
        }
        let mut requests = Requests(Vec::new());
        registry::visit_unions(&mut requests);
        requests.0
    })
}

/// The checks of a registered union, reached from its registry entry.
pub trait UnionCheck {
    /// Decodes `value` as this union, encodes it again and decodes that once more; see
    /// [`roundtrip`].
    fn roundtrip(&self, value: &Value) -> Result<Roundtrip, DecodeError>;
    /// Runs every decoder of this union on `text`; see [`check_text`].
    fn check_text(&self, text: &str) -> TextCheck;
}

impl UnionCheck for UnionInfo {
    fn roundtrip(&self, value: &Value) -> Result<Roundtrip, DecodeError> {
        (union_entry(self).roundtrip)(value)
    }

    fn check_text(&self, text: &str) -> TextCheck {
        (union_entry(self).text)(text)
    }
}

/// The entry of the union `info` names; every `UnionInfo` of the registry has one.
fn union_entry(info: &UnionInfo) -> &'static UnionEntry {
    union_entries()
        .iter()
        .find(|e| e.info.module == info.module && e.info.name == info.name)
        .unwrap_or_else(|| panic!("{info:?} is not a union of the registry"))
}

/// The check of a request method's typed result, reached from its registry entry.
pub trait ResultCheck {
    /// Decodes a whole response envelope `{"id", "result"}` answering this method, encodes it
    /// again and decodes that once more; see [`result_roundtrip`].
    fn roundtrip(&self, value: &Value) -> Result<Roundtrip, DecodeError>;
}

impl ResultCheck for ResultInfo {
    fn roundtrip(&self, value: &Value) -> Result<Roundtrip, DecodeError> {
        let (_, roundtrip) = result_entries()
            .iter()
            .find(|(method, _)| *method == self.method)
            .unwrap_or_else(|| panic!("{self:?} is not a request method of the registry"));
        roundtrip(value)
    }
}
