//! The two views of one message: the Rust decoder and the emitted JSON Schema, and how their
//! verdicts combine.

use rtwire_protocol::DecodeError;
use rtwire_protocol::registry::{self, Union, UnionInfo, UnionVisitor};
use serde_json::Value;

use crate::schema::UnionSchema;

/// The verdict of the Rust decoder of a union on one message.
#[derive(Debug, Clone, PartialEq)]
pub enum DecoderVerdict {
    /// Decoded to a registered message: the one of this wire name, or (`None`) a JSON-RPC
    /// response, which names no method.
    Known(Option<String>),
    /// Kept as an unknown message (raw JSON), as the protocol does with event types and
    /// notification methods it does not know.
    Unknown,
    /// Rejected.
    Rejected(DecodeError),
}

/// The verdict of the emitted JSON Schema on one message.
#[derive(Debug, Clone, PartialEq)]
pub enum SchemaVerdict {
    /// The union schema accepts the message.
    Accepted,
    /// The union schema rejects it, for these reasons.
    Rejected(Vec<Finding>),
}

/// Which view of the protocol said something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The Rust types of rtwire-protocol (serde).
    Decoder,
    /// The JSON Schema that `cargo codegen` emits for the union.
    Schema,
}

impl View {
    /// `decoder` or `schema`.
    pub fn as_str(self) -> &'static str {
        match self {
            View::Decoder => "decoder",
            View::Schema => "schema",
        }
    }
}

/// One reason a view rejects a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The view that rejects it.
    pub view: View,
    /// The JSON pointer of the offending value (`""`: the message itself).
    pub pointer: String,
    /// What was expected, in that view's words.
    pub reason: String,
}

impl Finding {
    fn from_decode_error(error: &DecodeError) -> Self {
        Finding {
            view: View::Decoder,
            pointer: error.path().to_owned(),
            reason: error.reason().to_owned(),
        }
    }
}

/// What one message is, once both views have spoken.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// A registered message, accepted by both views.
    Valid,
    /// A message the protocol does not know, kept as raw JSON by the decoder and accepted by the
    /// schema's catch-all branch.
    Unknown,
    /// Rejected by both views: the decoder's error first, then the schema's.
    Invalid(Vec<Finding>),
    /// One view accepts the message and the other rejects it: a defect of rtwire-protocol.
    Disagreement {
        /// The view that accepts it.
        accepted_by: View,
        /// Why the other view rejects it.
        findings: Vec<Finding>,
    },
}

/// Combines the verdicts of the two views.
pub fn classify(decoder: DecoderVerdict, schema: SchemaVerdict) -> Outcome {
    match (decoder, schema) {
        (DecoderVerdict::Known(_), SchemaVerdict::Accepted) => Outcome::Valid,
        (DecoderVerdict::Unknown, SchemaVerdict::Accepted) => Outcome::Unknown,
        (DecoderVerdict::Rejected(error), SchemaVerdict::Rejected(findings)) => {
            let mut all = vec![Finding::from_decode_error(&error)];
            all.extend(findings);
            Outcome::Invalid(all)
        }
        (DecoderVerdict::Rejected(error), SchemaVerdict::Accepted) => Outcome::Disagreement {
            accepted_by: View::Schema,
            findings: vec![Finding::from_decode_error(&error)],
        },
        (DecoderVerdict::Known(_) | DecoderVerdict::Unknown, SchemaVerdict::Rejected(findings)) => {
            Outcome::Disagreement {
                accepted_by: View::Decoder,
                findings,
            }
        }
    }
}

/// The name `<module>/<Union>` of every registered union, e.g. `realtime/v2/ServerEvent`.
pub fn union_names() -> Vec<String> {
    registry::unions().iter().map(union_name).collect()
}

fn union_name(info: &UnionInfo) -> String {
    format!("{}/{}", info.module, info.name)
}

/// Decodes a message as the union `U`: the wire name of the registered message it decodes to
/// (`None` for a message kept as unknown, and for a JSON-RPC response, which names no method).
type Decode = fn(&Value) -> Result<Option<String>, DecodeError>;

fn decode_as<U: Union>(message: &Value) -> Result<Option<String>, DecodeError> {
    let decoded: U = rtwire_protocol::decode_value(message, U::TAG)?;
    if decoded.is_unknown() {
        return Ok(None);
    }
    let encoded = rtwire_protocol::encode(&decoded);
    Ok(encoded
        .get(U::TAG)
        .and_then(Value::as_str)
        .map(str::to_owned))
}

/// The decoder of the union named `name` (`<module>/<Union>`), found by walking the registry.
fn decoder(name: &str) -> Option<Decode> {
    struct Find<'a> {
        name: &'a str,
        found: Option<Decode>,
    }
    impl UnionVisitor for Find<'_> {
        fn visit<U: Union>(&mut self) {
            if union_name(&UnionInfo::of::<U>()) == self.name {
                self.found = Some(decode_as::<U>);
            }
        }
    }
    let mut find = Find { name, found: None };
    registry::visit_unions(&mut find);
    find.found
}

/// Checks messages of one union against its decoder and its schema (compiled once).
pub struct Checker {
    info: UnionInfo,
    decode: Decode,
    union: jsonschema::Validator,
}

impl Checker {
    /// The checker of the union named `name` (see [`union_names`]); `None` for no such union.
    pub fn new(name: &str) -> Option<Result<Self, String>> {
        let info = registry::unions()
            .into_iter()
            .find(|info| union_name(info) == name)?;
        let decode = decoder(name)?;
        let schema = UnionSchema::of(info).root;
        Some(match jsonschema::draft202012::new(&schema) {
            Ok(union) => Ok(Checker {
                info,
                decode,
                union,
            }),
            Err(e) => Err(format!("the schema of {name} does not compile: {e}")),
        })
    }

    /// The member that names a message: `type` or `method`.
    pub fn tag(&self) -> &'static str {
        self.info.tag
    }

    /// Both views' verdicts on `message`, combined.
    pub fn check(&mut self, message: &Value) -> Outcome {
        let decoder = self.decode(message);
        let schema = self.validate(message);
        classify(decoder, schema)
    }

    /// The decoder's verdict. A decoded message without a wire name is unknown when it has a
    /// string tag (the decoder kept it as raw JSON); without one it is a JSON-RPC response
    /// (`{id, result}` or `{id, error}`), which names no method and is registered.
    pub fn decode(&self, message: &Value) -> DecoderVerdict {
        match (self.decode)(message) {
            Ok(wire_name) => match wire_name {
                Some(name) => DecoderVerdict::Known(Some(name)),
                None if message.get(self.info.tag).is_some_and(Value::is_string) => {
                    DecoderVerdict::Unknown
                }
                None => DecoderVerdict::Known(None),
            },
            Err(error) => DecoderVerdict::Rejected(error),
        }
    }

    /// How reports name `message`: its `type` or `method`, else what it is (a JSON-RPC
    /// response to a request id), else the absence of the tag.
    pub fn label(&self, message: &Value) -> String {
        if let Some(name) = message.get(self.info.tag).and_then(Value::as_str) {
            return name.to_owned();
        }
        let id = message
            .get("id")
            .filter(|id| fits(id, 40))
            .map(Value::to_string);
        match id {
            Some(id) if self.info.tag == "method" && message.get("error").is_some() => {
                format!("(error response to id {id})")
            }
            Some(id) if self.info.tag == "method" && message.get("result").is_some() => {
                format!("(response to id {id})")
            }
            _ => format!("(no string `{}`)", self.info.tag),
        }
    }

    /// The schema's verdict. The open union dispatches on the tag, so a rejection is explained
    /// by the message the tag names (precise pointers), else by the union's own checks.
    pub fn validate(&mut self, message: &Value) -> SchemaVerdict {
        if self.union.is_valid(message) {
            return SchemaVerdict::Accepted;
        }
        SchemaVerdict::Rejected(findings_of(&self.union, message))
    }
}

fn findings_of(validator: &jsonschema::Validator, message: &Value) -> Vec<Finding> {
    let mut out = vec![];
    for error in validator.iter_errors(message) {
        explain(&error, &mut out);
    }
    out
}

/// Adds the findings of one schema error to `out`. A failed `oneOf` or `anyOf` whose branches all fail
/// at the value itself but one, which fails only below it (the value has that branch's shape:
/// an error response whose `code` is not an integer), is explained by that branch's errors.
fn explain(error: &jsonschema::ValidationError<'_>, out: &mut Vec<Finding>) {
    let here = error.instance_path().as_str();
    use jsonschema::error::ValidationErrorKind::{AnyOf, OneOfNotValid};
    if let OneOfNotValid { context } | AnyOf { context } = error.kind() {
        let below = |e: &jsonschema::ValidationError<'_>| {
            e.instance_path()
                .as_str()
                .strip_prefix(here)
                .is_some_and(|rest| rest.starts_with('/'))
        };
        let mut shaped = context
            .iter()
            .filter(|branch| !branch.is_empty() && branch.iter().all(below));
        if let (Some(branch), None) = (shaped.next(), shaped.next()) {
            branch.iter().for_each(|e| explain(e, out));
            return;
        }
    }
    out.push(Finding {
        view: View::Schema,
        pointer: here.to_owned(),
        reason: describe(error),
    });
}

/// The longest rendering of an offending value quoted in a schema error; longer values (a
/// whole message, a large audio chunk) are named by their JSON type instead.
const QUOTE_LIMIT: usize = 80;

/// A schema error in words, quoting the offending value only when it is short.
fn describe(error: &jsonschema::ValidationError<'_>) -> String {
    let instance = error.instance();
    if fits(instance, QUOTE_LIMIT) {
        return error.to_string();
    }
    let placeholder = match instance.as_ref() {
        Value::Object(_) => "the object",
        Value::Array(_) => "the array",
        Value::String(_) => "the string",
        _ => "the value",
    };
    error.masked_with(placeholder).to_string()
}

/// Whether `value` serializes to at most `limit` bytes, without serializing more than that.
fn fits(value: &Value, limit: usize) -> bool {
    struct Bounded(usize);
    impl std::io::Write for Bounded {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0 = self
                .0
                .checked_sub(buf.len())
                .ok_or_else(|| std::io::Error::other("too long"))?;
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    serde_json::to_writer(Bounded(limit), value).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema_finding(pointer: &str, reason: &str) -> Finding {
        Finding {
            view: View::Schema,
            pointer: pointer.into(),
            reason: reason.into(),
        }
    }

    #[test]
    fn decoder_rejection_with_schema_acceptance_is_a_disagreement_accepted_by_the_schema() {
        let error = DecodeError::new(
            Some("x.y"),
            "/delta",
            "invalid type: integer `1`, expected a string",
        );
        let outcome = classify(DecoderVerdict::Rejected(error), SchemaVerdict::Accepted);
        assert_eq!(
            outcome,
            Outcome::Disagreement {
                accepted_by: View::Schema,
                findings: vec![Finding {
                    view: View::Decoder,
                    pointer: "/delta".into(),
                    reason: "invalid type: integer `1`, expected a string".into()
                }],
            }
        );
    }

    #[test]
    fn schema_rejection_of_a_decoded_message_is_a_disagreement_accepted_by_the_decoder() {
        let rejected =
            SchemaVerdict::Rejected(vec![schema_finding("/n", "1.5 is not of type \"integer\"")]);
        for decoder in [
            DecoderVerdict::Known(Some("x.y".into())),
            DecoderVerdict::Unknown,
        ] {
            assert_eq!(
                classify(decoder, rejected.clone()),
                Outcome::Disagreement {
                    accepted_by: View::Decoder,
                    findings: vec![schema_finding("/n", "1.5 is not of type \"integer\"")],
                }
            );
        }
    }

    #[test]
    fn rejection_by_both_views_is_invalid_with_the_decoder_finding_first() {
        let error = DecodeError::new(Some("x.y"), "", "missing field `delta`");
        let outcome = classify(
            DecoderVerdict::Rejected(error),
            SchemaVerdict::Rejected(vec![schema_finding("", "\"delta\" is a required property")]),
        );
        assert_eq!(
            outcome,
            Outcome::Invalid(vec![
                Finding {
                    view: View::Decoder,
                    pointer: "".into(),
                    reason: "missing field `delta`".into()
                },
                schema_finding("", "\"delta\" is a required property"),
            ])
        );
    }

    #[test]
    fn acceptance_by_both_views_is_valid_or_unknown_as_the_decoder_says() {
        assert_eq!(
            classify(
                DecoderVerdict::Known(Some("x.y".into())),
                SchemaVerdict::Accepted
            ),
            Outcome::Valid
        );
        assert_eq!(
            classify(DecoderVerdict::Unknown, SchemaVerdict::Accepted),
            Outcome::Unknown
        );
    }

    #[test]
    fn every_registered_union_has_a_checker() {
        for name in union_names() {
            assert!(matches!(Checker::new(&name), Some(Ok(_))), "{name}");
        }
        assert!(Checker::new("realtime/v9/ServerEvent").is_none());
    }

    #[test]
    fn schema_errors_quote_short_values_and_name_long_ones() {
        let mut checker = Checker::new("realtime/v2/ServerEvent").unwrap().unwrap();
        let long = "A".repeat(200);
        let message = serde_json::json!({ "type": "response.output_audio.delta", "response_id": "r", "item_id": "i",
            "output_index": "0", "content_index": 0, "delta": 7, "long": long });
        let SchemaVerdict::Rejected(mut findings) = checker.validate(&message) else {
            panic!("accepted")
        };
        findings.sort_by(|a, b| a.pointer.cmp(&b.pointer));
        assert_eq!(
            findings,
            vec![
                schema_finding("/delta", "7 is not of type \"string\""),
                schema_finding(
                    "/output_index",
                    "\"0\" is not of types \"null\", \"integer\""
                ),
            ]
        );
        let message = serde_json::json!({ "type": 7, "long": long });
        let SchemaVerdict::Rejected(findings) = checker.validate(&message) else {
            panic!("accepted")
        };
        assert_eq!(
            findings,
            vec![schema_finding("/type", "7 is not of type \"string\"")]
        );
        // A message that is neither a request, a notification nor an answer fails at itself;
        // the whole object is too long to quote.
        let mut checker = Checker::new("app-server/ServerMessage").unwrap().unwrap();
        let message = serde_json::json!({ "id": 3, "long": long });
        let SchemaVerdict::Rejected(findings) = checker.validate(&message) else {
            panic!("accepted")
        };
        assert_eq!(
            findings,
            vec![schema_finding(
                "",
                "the object is not valid under any of the schemas listed in the 'anyOf' keyword"
            )]
        );
    }
}
