//! The fuzz targets: each takes arbitrary bytes, runs them through every decoder the registry
//! lists, and returns either an outcome (a short key that says which path the input took,
//! used as feedback by the driver) or a finding (a broken promise, explained).
//!
//! The targets iterate `registry::unions()` and `registry::results()`: a new union, message or
//! method is fuzzed with no edit here.

use crate::borrowed::pair_of;
use crate::harness::{ResultCheck, TextCheck, UnionCheck};
use rtwire_protocol::realtime::normalized::{Event, NormalizeOptions};
use rtwire_protocol::realtime::{v1, v2, v3};
use rtwire_protocol::registry::{self, ResultInfo, UnionInfo};
use serde_json::Value;
use std::fmt;

/// One fuzz target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Arbitrary bytes into every union, every typed result and `Frame`: no panic, `decode`
    /// gives the verdict and the value of `serde_json::from_str`, and `decode_borrowed` the
    /// message or the error of `decode`.
    Decode,
    /// Whatever decodes re-encodes, decodes again to an equal value and re-encodes
    /// byte-identically; an unknown message comes back unchanged.
    Roundtrip,
    /// For JSON inputs, the decoder's verdict equals the emitted schema's (formats checked),
    /// except for the documented class (an integer member sent as a float, e.g. `1.0`).
    Differential,
    /// Every decoded v1/v2 server event goes through the normalized mapper, gives the same
    /// answer after a round trip, and a handoff request in is a handoff request out.
    Normalized,
}

impl Target {
    /// Every target.
    pub const ALL: [Target; 4] = [
        Target::Decode,
        Target::Roundtrip,
        Target::Differential,
        Target::Normalized,
    ];

    /// The target's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Target::Decode => "decode",
            Target::Roundtrip => "roundtrip",
            Target::Differential => "differential",
            Target::Normalized => "normalized",
        }
    }

    /// The target named `name`.
    pub fn from_name(name: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.name() == name)
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What the targets need, built once: the registry's unions and results, with the compiled
/// validators of their emitted schemas.
pub struct Context {
    unions: Vec<(UnionInfo, jsonschema::Validator)>,
    results: Vec<(ResultInfo, jsonschema::Validator)>,
}

/// A validator for an emitted schema, with formats checked.
fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(schema)
        .unwrap_or_else(|e| panic!("an emitted schema does not compile: {e}"))
}

impl Context {
    /// Every union and result of the registry with its schema.
    pub fn new() -> Context {
        let unions = rtwire_codegen::schema::unions()
            .into_iter()
            .map(|u| {
                let v = validator(&u.root);
                (u.info, v)
            })
            .collect();
        let results = registry::results()
            .into_iter()
            .map(|r| (r, validator(&rtwire_codegen::schema::result_schema(&r))))
            .collect();
        Context { unions, results }
    }

    /// The unions every target runs over (`realtime/v3/ServerEvent`, …), in registry order.
    pub fn union_names(&self) -> Vec<String> {
        self.unions.iter().map(|(u, _)| union_name(u)).collect()
    }

    /// The request methods whose typed result the decode, round-trip and differential targets
    /// check.
    pub fn result_methods(&self) -> Vec<&'static str> {
        self.results.iter().map(|(r, _)| r.method).collect()
    }

    /// Runs `target` on `input`: `Ok(outcome key)` or `Err(finding)`.
    pub fn run(&self, target: Target, input: &[u8]) -> Result<String, String> {
        let text = String::from_utf8_lossy(input);
        match target {
            Target::Decode => self.decode(&text),
            Target::Roundtrip => self.roundtrip(&text),
            Target::Differential => self.differential(&text),
            Target::Normalized => normalized(&text),
        }
    }

    fn checks<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (&'a UnionInfo, TextCheck)> {
        self.unions
            .iter()
            .map(move |(u, _)| (u, u.check_text(text)))
    }

    fn decode(&self, text: &str) -> Result<String, String> {
        let mut key = String::new();
        for (union, check) in self.checks(text) {
            let name = union_name(union);
            match (&check.decoded, &check.from_str) {
                (Ok(a), Ok(b)) if a != b => {
                    return Err(format!(
                        "{name}: decode gives {a} but serde_json::from_str gives {b}"
                    ));
                }
                (Ok(a), Err(e)) => {
                    return Err(format!(
                        "{name}: decode accepts ({a}) what serde_json::from_str refuses ({e})"
                    ));
                }
                (Err(e), Ok(b)) => {
                    return Err(format!(
                        "{name}: decode refuses ({e}) what serde_json::from_str accepts ({b})"
                    ));
                }
                _ => {}
            }
            if !check.frame_agrees {
                return Err(format!("{name}: Frame::decode disagrees with decode"));
            }
            pair_of(union.surface, union.version, union.direction)(text)
                .map_err(|e| format!("{name}: decode_borrowed disagrees with decode: {e}"))?;
            key.push_str(&outcome(&check));
            key.push('|');
        }
        if let Ok(value) = rtwire_protocol::parse(text) {
            for (result, _) in &self.results {
                key.push_str(if result.roundtrip(&value).is_ok() {
                    "r"
                } else {
                    "-"
                });
            }
        }
        Ok(key)
    }

    fn roundtrip(&self, text: &str) -> Result<String, String> {
        let mut key = String::new();
        for (union, check) in self.checks(text) {
            let name = union_name(union);
            let Ok(first) = &check.decoded else {
                key.push_str("-|");
                continue;
            };
            match &check.again {
                Some(Ok(second)) if second == first && check.again_equal => {}
                Some(Ok(second)) => {
                    return Err(format!(
                        "{name}: {first} decodes again to {} and re-encodes as {second}",
                        if check.again_equal {
                            "an equal value"
                        } else {
                            "another value"
                        }
                    ));
                }
                Some(Err(e)) => {
                    return Err(format!(
                        "{name}: the encoding {first} does not decode again: {e}"
                    ));
                }
                None => return Err(format!("{name}: no second decode")),
            }
            if check.unknown {
                let original = rtwire_protocol::parse(text).map_err(|e| e.to_string())?;
                let kept: Value = serde_json::from_str(first).map_err(|e| e.to_string())?;
                if kept != original {
                    return Err(format!(
                        "{name}: the unknown message {original} comes back as {kept}"
                    ));
                }
            }
            key.push_str(&outcome(&check));
            key.push('|');
        }
        if let Ok(value) = rtwire_protocol::parse(text) {
            for (result, _) in &self.results {
                if let Ok(roundtrip) = result.roundtrip(&value) {
                    if !roundtrip.stable {
                        return Err(format!(
                            "result of {}: {value} re-encodes as {} and does not decode back equal",
                            result.method, roundtrip.encoded
                        ));
                    }
                    key.push_str(result.method);
                }
            }
        }
        Ok(key)
    }

    fn differential(&self, text: &str) -> Result<String, String> {
        let Ok(value) = rtwire_protocol::parse(text) else {
            // Not JSON for the shared JSON view: every decoder must refuse it too.
            for (union, check) in self.checks(text) {
                if let Ok(message) = check.decoded {
                    return Err(format!(
                        "{}: decodes {message} from text that is not valid JSON",
                        union_name(union)
                    ));
                }
            }
            return Ok("not json".into());
        };
        let mut key = String::new();
        for ((union, validator), (_, check)) in self.unions.iter().zip(self.checks(text)) {
            let schema_ok = validator.is_valid(&value);
            let decoder = check.decoded.as_ref().map_err(|e| e.reason().to_owned());
            verdicts(&union_name(union), schema_ok, decoder, || {
                first_violation(validator, &value)
            })?;
            key.push_str(&outcome(&check));
            key.push(if schema_ok { 'v' } else { 'x' });
            key.push('|');
        }
        for (result, validator) in &self.results {
            let schema_ok = validator.is_valid(&value);
            let decoder = result
                .roundtrip(&value)
                .map(|_| ())
                .map_err(|e| e.reason().to_owned());
            verdicts(
                &format!("result of {}", result.method),
                schema_ok,
                decoder,
                || first_violation(validator, &value),
            )?;
            key.push(if schema_ok { 'v' } else { 'x' });
        }
        Ok(key)
    }
}

impl Default for Context {
    fn default() -> Self {
        Self::new()
    }
}

/// Compares the two verdicts; the documented class (the decoder refuses a float where it
/// expects an integer that JSON Schema accepts) is not a finding.
fn verdicts<T>(
    name: &str,
    schema_ok: bool,
    decoder: Result<T, String>,
    violation: impl FnOnce() -> String,
) -> Result<(), String> {
    match (schema_ok, decoder) {
        (true, Err(reason)) if integral_float(&reason) => Ok(()),
        (true, Err(reason)) => Err(format!(
            "{name}: accepted by the schema, refused by the decoder: {reason}"
        )),
        (false, Ok(_)) => Err(format!(
            "{name}: accepted by the decoder, refused by the schema: {}",
            violation()
        )),
        _ => Ok(()),
    }
}

/// Whether a decoder error is the documented exclusion: ``invalid type: floating point `1.0`,
/// expected …`` for a float without a fraction, which JSON Schema counts as an integer.
pub fn integral_float(reason: &str) -> bool {
    let Some(rest) = reason.strip_prefix("invalid type: floating point `") else {
        return false;
    };
    let Some((number, _)) = rest.split_once('`') else {
        return false;
    };
    number.parse::<f64>().is_ok_and(|f| f.fract() == 0.0)
}

fn first_violation(validator: &jsonschema::Validator, value: &Value) -> String {
    validator
        .iter_errors(value)
        .next()
        .map(|e| format!("{e} (at {})", e.instance_path()))
        .unwrap_or_default()
}

/// The outcome key of one union's check: the decoded tag, `unknown`, or the error's kind.
fn outcome(check: &TextCheck) -> String {
    match &check.decoded {
        Ok(text) if check.unknown => format!("unknown:{}", text.len().min(1)),
        Ok(text) => text.chars().take(48).collect(),
        Err(e) => {
            let reason = e.reason();
            let kind: String = reason
                .split(['`', '"', ':'])
                .next()
                .unwrap_or_default()
                .chars()
                .take(40)
                .collect();
            format!("{}!{kind}@{}", e.message().unwrap_or(""), e.path())
        }
    }
}

/// `realtime/v2/ServerEvent`.
pub fn union_name(info: &UnionInfo) -> String {
    format!("{}/{}", info.module, info.name)
}

/// The normalized view of every realtime dialect that has one.
fn normalized(text: &str) -> Result<String, String> {
    let options = NormalizeOptions::default();
    let mut key = String::new();
    if let Ok(event) = v1::ServerEvent::decode(text) {
        let out = Event::from_v1(&event, &options);
        let again: v1::ServerEvent =
            rtwire_protocol::decode_value(&rtwire_protocol::encode(&event), "type")
                .map_err(|e| format!("v1: the encoding does not decode again: {e}"))?;
        check_normalized("v1", &out, &Event::from_v1(&again, &options))?;
        if let v1::ServerEvent::ConversationHandoffRequested(handoff) = &event {
            handoff_out("v1", &out, &handoff.handoff_id)?;
        }
        key.push_str(&format!("v1:{}|", short(&out)));
    }
    if let Ok(event) = v2::ServerEvent::decode(text) {
        let out = Event::from_v2(&event, &options);
        let again: v2::ServerEvent =
            rtwire_protocol::decode_value(&rtwire_protocol::encode(&event), "type")
                .map_err(|e| format!("v2: the encoding does not decode again: {e}"))?;
        check_normalized("v2", &out, &Event::from_v2(&again, &options))?;
        if let v2::ServerEvent::ConversationItemDone(done) = &event
            && let v2::ConversationItem::FunctionCall(call) = &done.item
            && call.name == options.handoff_tool
            && let Some(id) = call.answer_call_id()
        {
            handoff_out("v2", &out, id)?;
        }
        key.push_str(&format!("v2:{}|", short(&out)));
    }
    if let Ok(event) = v3::ServerEvent::decode(text) {
        let out = Event::from_v3(&event, &options);
        let again: v3::ServerEvent =
            rtwire_protocol::decode_value(&rtwire_protocol::encode(&event), "type")
                .map_err(|e| format!("v3: the encoding does not decode again: {e}"))?;
        check_normalized("v3", &out, &Event::from_v3(&again, &options))?;
        if let v3::ServerEvent::DelegationCreated(delegation) = &event
            && let Ok(handoff) = delegation.handoff()
        {
            handoff_out("v3", &out, &handoff.handoff_id)?;
        }
        key.push_str(&format!("v3:{}|", short(&out)));
    }
    Ok(key)
}

fn check_normalized(
    dialect: &str,
    out: &Option<Event>,
    again: &Option<Event>,
) -> Result<(), String> {
    if out != again {
        return Err(format!(
            "{dialect}: the normalized view changes across a round trip: {out:?} then {again:?}"
        ));
    }
    Ok(())
}

fn handoff_out(dialect: &str, out: &Option<Event>, id: &str) -> Result<(), String> {
    match out {
        Some(Event::HandoffRequested(request)) if request.handoff_id == id => Ok(()),
        other => Err(format!(
            "{dialect}: a handoff request `{id}` in gives {other:?} out"
        )),
    }
}

fn short(event: &Option<Event>) -> String {
    match event {
        None => "none".into(),
        Some(event) => format!("{event:?}")
            .split(['(', ' ', '{'])
            .next()
            .unwrap_or_default()
            .to_owned(),
    }
}
