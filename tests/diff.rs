//! `cargo codegen diff`: every rule of the table, on an old/new schema pair built for it, gets
//! the exact verdict per check, and every witness it prints is accepted by the sending side and
//! rejected by the receiving side (checked here again with the `jsonschema` validator); shared
//! definitions are reported at every message that reaches them; recursion terminates; the
//! command reads an old tree from git, renders three formats, and fails cleanly on bad input.

use rtwire_codegen::diff::shape::understood;
use rtwire_codegen::diff::{self, Check, Finding, Mode, ReceiverView, Rule, SchemaSet, Status};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// A realtime-style message schema: a `type` const over the definition `Body` (plus `defs`).
fn message(wire: &str, body: &Value, defs: &Value) -> Value {
    let mut all = defs.as_object().cloned().unwrap_or_default();
    all.insert("Body".into(), body.clone());
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": wire,
        "$defs": all,
        "$ref": "#/$defs/Body",
        "properties": { "type": { "const": wire, "type": "string" } },
        "required": ["type"],
        "type": "object"
    })
}

/// A union of `messages` (wire name → message schema), open (catch-all branch) or closed.
fn union(messages: &[(&str, Value)], open: bool) -> Value {
    let mut defs = serde_json::Map::new();
    let mut branches = vec![];
    for (wire, schema) in messages {
        let mut branch = schema.clone();
        let object = branch.as_object_mut().unwrap();
        if let Some(Value::Object(d)) = object.remove("$defs") {
            defs.extend(d);
        }
        object.remove("$schema");
        object.remove("title");
        branches.push(branch);
        let _ = wire;
    }
    if open {
        let known: Vec<&str> = messages.iter().map(|(w, _)| *w).collect();
        branches.push(json!({
            "properties": { "type": { "type": "string", "not": { "enum": known } } },
            "required": ["type"],
            "type": "object"
        }));
    }
    json!({ "$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": defs, "oneOf": branches })
}

/// A schema tree holding `messages` (direction, wire name, schema) and their unions.
fn tree(messages: &[(&str, &str, Value)], open: bool) -> SchemaSet {
    let mut files = BTreeMap::new();
    let mut catalog = vec![];
    add_version(&mut files, &mut catalog, "v2", messages, open);
    files.insert(
        "catalog.json".into(),
        serde_json::to_vec(&json!({ "messages": catalog })).unwrap(),
    );
    SchemaSet::from_files("test", files).unwrap_or_else(|e| panic!("{e}"))
}

/// Adds the files and catalog entries of one realtime version's `messages` and unions.
fn add_version(
    files: &mut BTreeMap<String, Vec<u8>>,
    catalog: &mut Vec<Value>,
    version: &str,
    messages: &[(&str, &str, Value)],
    open: bool,
) {
    for direction in ["client-to-server", "server-to-client"] {
        let mine: Vec<(&str, Value)> = messages
            .iter()
            .filter(|(d, _, _)| *d == direction)
            .map(|(_, w, s)| (*w, s.clone()))
            .collect();
        if mine.is_empty() {
            continue;
        }
        let union_path = format!("realtime/{version}/{direction}.json");
        files.insert(
            union_path.clone(),
            serde_json::to_vec(&union(&mine, open)).unwrap(),
        );
        for (wire, schema) in &mine {
            let path = format!("realtime/{version}/{direction}/{wire}.json");
            files.insert(path.clone(), serde_json::to_vec(schema).unwrap());
            catalog.push(json!({
                "surface": "realtime", "version": version, "direction": direction, "wire_name": wire,
                "schema": path, "union_schema": union_path
            }));
        }
    }
}

fn accepts(schema: &Value, instance: &Value) -> bool {
    jsonschema::options()
        .should_validate_formats(true)
        .build(schema)
        .unwrap()
        .is_valid(instance)
}

/// Checks a finding's witnesses against the two message schemas, independently of the checker.
fn assert_witnesses_hold(case: &str, f: &Finding, old: &Value, new: &Value) {
    for w in f.witnesses.iter().filter(|w| w.verified) {
        let (sender, receiver) = match w.check {
            Check::Backward => (old, new),
            Check::Forward => (new, old),
        };
        let receiver = match f.rule.receiver_view() {
            ReceiverView::Understood => understood(receiver),
            _ => receiver.clone(),
        };
        assert!(
            accepts(sender, &w.instance),
            "{case}: {} witness {} rejected by its sender",
            f.rule,
            w.instance
        );
        assert!(
            !accepts(&receiver, &w.instance),
            "{case}: {} witness {} accepted by its receiver",
            f.rule,
            w.instance
        );
    }
}

const S: fn() -> Value = || json!({ "type": "string" });

/// An object body with the given properties and required members.
fn obj(props: Value, required: &[&str]) -> Value {
    json!({ "type": "object", "properties": props, "required": required })
}

/// A union member of a nested tagged union, tagged on `kind`.
fn variant(kind: &str, props: Value, required: &[&str]) -> Value {
    let mut props = props;
    props
        .as_object_mut()
        .unwrap()
        .insert("kind".into(), json!({ "const": kind, "type": "string" }));
    let mut required: Vec<&str> = required.to_vec();
    required.push("kind");
    json!({ "type": "object", "properties": props, "required": required })
}

fn catch_all(known: &[&str]) -> Value {
    json!({ "type": "object", "properties": { "kind": { "type": "string", "not": { "enum": known } } }, "required": ["kind"] })
}

/// One case: a body change and the exact findings (rule id, breaks backward, breaks forward).
struct Case {
    name: &'static str,
    old: Value,
    new: Value,
    expect: &'static [(&'static str, bool, bool)],
}

fn cases() -> Vec<Case> {
    let a = |s: Value| obj(json!({ "a": s }), &["a"]);
    let text = variant("text", json!({ "text": S() }), &["text"]);
    let audio = variant("audio", json!({ "audio": S() }), &["audio"]);
    let part = |branches: Vec<Value>| obj(json!({ "part": { "oneOf": branches } }), &["part"]);
    let alts = |branches: Vec<Value>| obj(json!({ "a": { "anyOf": branches } }), &["a"]);
    let open_enum = |values: &[&str]| {
        let mut b: Vec<Value> = values
            .iter()
            .map(|v| json!({ "const": v, "type": "string" }))
            .collect();
        b.push(json!({ "type": "string" }));
        a(json!({ "anyOf": b }))
    };
    // Closed objects sit below the message body: `additionalProperties: false` next to the
    // `$ref` of a message would also reject the message's own `type` member.
    let closed = |mut body: Value| {
        body["additionalProperties"] = json!(false);
        body
    };
    vec![
        Case {
            name: "optional member added",
            old: obj(json!({ "a": S() }), &[]),
            new: obj(json!({ "a": S(), "b": S() }), &[]),
            expect: &[("field-added-optional", false, false)],
        },
        Case {
            name: "required member added",
            old: obj(json!({ "a": S() }), &[]),
            new: obj(json!({ "a": S(), "b": S() }), &["b"]),
            expect: &[("field-added-required", true, false)],
        },
        Case {
            name: "member added to a closed object",
            old: a(closed(obj(json!({ "a": S() }), &[]))),
            new: a(closed(obj(json!({ "a": S(), "b": S() }), &[]))),
            expect: &[("field-added-closed-object", false, true)],
        },
        Case {
            name: "optional member removed",
            old: obj(json!({ "a": S(), "b": S() }), &[]),
            new: obj(json!({ "a": S() }), &[]),
            expect: &[("field-removed-optional", false, false)],
        },
        Case {
            name: "required member removed",
            old: obj(json!({ "a": S(), "b": S() }), &["b"]),
            new: obj(json!({ "a": S() }), &[]),
            expect: &[("field-removed-required", false, true)],
        },
        Case {
            name: "member removed from a closed object",
            old: a(closed(obj(json!({ "a": S(), "b": S() }), &[]))),
            new: a(closed(obj(json!({ "a": S() }), &[]))),
            expect: &[("field-removed-closed-object", true, false)],
        },
        Case {
            name: "required member renamed",
            old: obj(json!({ "a": S() }), &["a"]),
            new: obj(json!({ "b": S() }), &["b"]),
            expect: &[("field-renamed", true, true)],
        },
        Case {
            name: "optional member renamed",
            old: obj(json!({ "a": S() }), &[]),
            new: obj(json!({ "b": S() }), &[]),
            expect: &[("field-renamed-optional", false, false)],
        },
        Case {
            name: "optional member became required",
            old: obj(json!({ "a": S() }), &[]),
            new: a(S()),
            expect: &[("field-became-required", true, false)],
        },
        Case {
            name: "required member became optional",
            old: a(S()),
            new: obj(json!({ "a": S() }), &[]),
            expect: &[("field-became-optional", false, true)],
        },
        Case {
            name: "nullable added (type array)",
            old: a(S()),
            new: a(json!({ "type": ["string", "null"] })),
            expect: &[("nullable-added", false, true)],
        },
        Case {
            name: "nullable added (anyOf with null)",
            old: a(json!({ "$ref": "#/$defs/Body2" })),
            new: a(json!({ "anyOf": [{ "$ref": "#/$defs/Body2" }, { "type": "null" }] })),
            expect: &[("nullable-added", false, true)],
        },
        Case {
            name: "nullable removed",
            old: a(json!({ "type": ["string", "null"] })),
            new: a(S()),
            expect: &[("nullable-removed", true, false)],
        },
        Case {
            name: "integer widened to number",
            old: a(json!({ "type": "integer" })),
            new: a(json!({ "type": "number" })),
            expect: &[("type-widened", false, true)],
        },
        Case {
            name: "string widened to string or integer",
            old: a(S()),
            new: a(json!({ "type": ["string", "integer"] })),
            expect: &[("type-widened", false, true)],
        },
        Case {
            name: "number narrowed to integer",
            old: a(json!({ "type": "number" })),
            new: a(json!({ "type": "integer" })),
            expect: &[("type-narrowed", true, false)],
        },
        Case {
            name: "string changed to integer",
            old: a(S()),
            new: a(json!({ "type": "integer" })),
            expect: &[("type-changed", true, true)],
        },
        Case {
            name: "array item type changed",
            old: a(json!({ "type": "array", "items": S() })),
            new: a(json!({ "type": "array", "items": { "type": "boolean" } })),
            expect: &[("type-changed", true, true)],
        },
        Case {
            name: "closed enum value added",
            old: a(json!({ "enum": ["x", "y"] })),
            new: a(json!({ "enum": ["x", "y", "z"] })),
            expect: &[("enum-value-added", false, true)],
        },
        Case {
            name: "closed enum value removed",
            old: a(json!({ "enum": ["x", "y"] })),
            new: a(json!({ "enum": ["x"] })),
            expect: &[("enum-value-removed", true, false)],
        },
        Case {
            name: "open enum value added",
            old: open_enum(&["x"]),
            new: open_enum(&["x", "y"]),
            expect: &[("open-enum-value-added", false, false)],
        },
        Case {
            name: "open enum value removed",
            old: open_enum(&["x", "y"]),
            new: open_enum(&["x"]),
            expect: &[("open-enum-value-removed", true, false)],
        },
        Case {
            name: "enum opened",
            old: a(json!({ "enum": ["x", "y"] })),
            new: open_enum(&["x", "y"]),
            expect: &[("enum-opened", false, true)],
        },
        Case {
            name: "enum closed",
            old: open_enum(&["x", "y"]),
            new: a(json!({ "enum": ["x", "y"] })),
            expect: &[("enum-closed", true, false)],
        },
        Case {
            name: "variant added to an open union",
            old: part(vec![text.clone(), catch_all(&["text"])]),
            new: part(vec![
                text.clone(),
                audio.clone(),
                catch_all(&["text", "audio"]),
            ]),
            expect: &[("union-variant-added", false, false)],
        },
        Case {
            name: "variant added to a closed union",
            old: part(vec![
                text.clone(),
                variant("image", json!({ "url": S() }), &["url"]),
            ]),
            new: part(vec![
                text.clone(),
                variant("image", json!({ "url": S() }), &["url"]),
                audio.clone(),
            ]),
            expect: &[("union-variant-added-closed", false, true)],
        },
        Case {
            name: "variant removed from an open union",
            old: part(vec![
                text.clone(),
                audio.clone(),
                catch_all(&["text", "audio"]),
            ]),
            new: part(vec![text.clone(), catch_all(&["text"])]),
            expect: &[("union-variant-removed", true, false)],
        },
        Case {
            name: "variant tag value changed",
            old: part(vec![
                text.clone(),
                audio.clone(),
                catch_all(&["text", "audio"]),
            ]),
            new: part(vec![
                text.clone(),
                variant("sound", json!({ "audio": S() }), &["audio"]),
                catch_all(&["text", "sound"]),
            ]),
            expect: &[("union-tag-changed", true, true)],
        },
        Case {
            name: "union closed",
            old: part(vec![
                text.clone(),
                audio.clone(),
                catch_all(&["text", "audio"]),
            ]),
            new: part(vec![text.clone(), audio.clone()]),
            expect: &[("union-closed", true, false)],
        },
        Case {
            name: "union opened",
            old: part(vec![text.clone(), audio.clone()]),
            new: part(vec![
                text.clone(),
                audio.clone(),
                catch_all(&["text", "audio"]),
            ]),
            expect: &[("union-opened", false, true)],
        },
        Case {
            name: "member changed inside a union variant",
            old: part(vec![
                text.clone(),
                audio.clone(),
                catch_all(&["text", "audio"]),
            ]),
            new: part(vec![
                variant(
                    "text",
                    json!({ "text": S(), "lang": S() }),
                    &["text", "lang"],
                ),
                audio.clone(),
                catch_all(&["text", "audio"]),
            ]),
            expect: &[("field-added-required", true, false)],
        },
        Case {
            name: "untagged alternative added",
            old: alts(vec![
                obj(json!({ "x": S() }), &["x"]),
                obj(json!({ "y": S() }), &["y"]),
            ]),
            new: alts(vec![
                obj(json!({ "x": S() }), &["x"]),
                obj(json!({ "y": S() }), &["y"]),
                obj(json!({ "z": { "type": "boolean" } }), &["z"]),
            ]),
            expect: &[("alternative-added", false, true)],
        },
        Case {
            name: "untagged alternative removed",
            old: alts(vec![
                obj(json!({ "x": S() }), &["x"]),
                obj(json!({ "y": S() }), &["y"]),
                obj(json!({ "z": { "type": "boolean" } }), &["z"]),
            ]),
            new: alts(vec![
                obj(json!({ "x": S() }), &["x"]),
                obj(json!({ "y": S() }), &["y"]),
            ]),
            expect: &[("alternative-removed", true, false)],
        },
        Case {
            name: "minimum raised",
            old: a(json!({ "type": "integer", "minimum": 0 })),
            new: a(json!({ "type": "integer", "minimum": 5 })),
            expect: &[("bounds-narrowed", true, false)],
        },
        Case {
            name: "maximum raised",
            old: a(json!({ "type": "integer", "maximum": 10 })),
            new: a(json!({ "type": "integer", "maximum": 20 })),
            expect: &[("bounds-widened", false, true)],
        },
        Case {
            name: "maximum added",
            old: a(json!({ "type": "number" })),
            new: a(json!({ "type": "number", "maximum": 1 })),
            expect: &[("bounds-narrowed", true, false)],
        },
        Case {
            name: "exclusive minimum removed",
            old: a(json!({ "type": "integer", "exclusiveMinimum": 0 })),
            new: a(json!({ "type": "integer" })),
            expect: &[("bounds-widened", false, true)],
        },
        Case {
            name: "maxLength lowered",
            old: a(json!({ "type": "string", "maxLength": 8 })),
            new: a(json!({ "type": "string", "maxLength": 4 })),
            expect: &[("bounds-narrowed", true, false)],
        },
        Case {
            name: "minItems raised",
            old: a(json!({ "type": "array", "items": S() })),
            new: a(json!({ "type": "array", "items": S(), "minItems": 2 })),
            expect: &[("bounds-narrowed", true, false)],
        },
        Case {
            name: "string format added",
            old: a(S()),
            new: a(json!({ "type": "string", "format": "uuid" })),
            expect: &[("format-added", true, false)],
        },
        Case {
            name: "string format removed",
            old: a(json!({ "type": "string", "format": "date-time" })),
            new: a(S()),
            expect: &[("format-removed", false, true)],
        },
        Case {
            name: "string format changed",
            old: a(json!({ "type": "string", "format": "uuid" })),
            new: a(json!({ "type": "string", "format": "date-time" })),
            expect: &[("format-changed", true, true)],
        },
        Case {
            name: "numeric format changed",
            old: a(json!({ "type": "integer", "format": "uint32", "minimum": 0 })),
            new: a(json!({ "type": "integer", "format": "uint64", "minimum": 0 })),
            expect: &[("numeric-format-changed", false, false)],
        },
        Case {
            name: "additional properties closed",
            old: a(obj(json!({ "a": S() }), &[])),
            new: a(closed(obj(json!({ "a": S() }), &[]))),
            expect: &[("additional-properties-closed", true, false)],
        },
        Case {
            name: "additional properties opened",
            old: a(closed(obj(json!({ "a": S() }), &[]))),
            new: a(obj(json!({ "a": S() }), &[])),
            expect: &[("additional-properties-opened", false, true)],
        },
        Case {
            name: "map value type changed",
            old: a(json!({ "type": "object", "additionalProperties": S() })),
            new: a(json!({ "type": "object", "additionalProperties": { "type": "integer" } })),
            expect: &[("type-changed", true, true)],
        },
    ]
}

fn run_case(case: &Case, mode: Mode) -> (Vec<Finding>, Value, Value) {
    let defs = json!({ "Body2": { "type": "object", "properties": { "v": S() } } });
    let old = message("m", &case.old, &defs);
    let new = message("m", &case.new, &defs);
    let findings = diff::diff(
        &tree(&[("client-to-server", "m", old.clone())], true),
        &tree(&[("client-to-server", "m", new.clone())], true),
        Some(mode),
        &[],
    );
    (findings, old, new)
}

#[test]
fn every_rule_gets_its_exact_verdict_per_check_with_witnesses_that_hold() {
    for case in cases() {
        let (findings, old, new) = run_case(&case, Mode::Full);
        let got: Vec<(&str, bool, bool)> = findings
            .iter()
            .map(|f| {
                let verified = |c| f.witnesses.iter().any(|w| w.check == c && w.verified);
                (
                    f.rule.id(),
                    verified(Check::Backward),
                    verified(Check::Forward),
                )
            })
            .collect();
        assert_eq!(got, case.expect, "{}: {findings:#?}", case.name);
        for (f, (_, backward, forward)) in findings.iter().zip(&got) {
            assert_eq!(
                f.rule.breaks(Check::Backward),
                *backward,
                "{}: rule table and witness disagree (backward)",
                case.name
            );
            assert_eq!(
                f.rule.breaks(Check::Forward),
                *forward,
                "{}: rule table and witness disagree (forward)",
                case.name
            );
            assert_witnesses_hold(case.name, f, &old, &new);
        }
        for (mode, breaking) in [
            (Mode::Backward, case.expect[0].1),
            (Mode::Forward, case.expect[0].2),
        ] {
            let (findings, _, _) = run_case(&case, mode);
            let status = if breaking {
                Status::Breaking
            } else {
                Status::Compatible
            };
            assert_eq!(findings[0].status, status, "{} under {mode:?}", case.name);
        }
    }
}

#[test]
fn the_rule_table_is_covered_by_the_cases_and_ids_are_unique() {
    let mut covered: Vec<&str> = cases()
        .iter()
        .flat_map(|c| c.expect.iter().map(|e| e.0))
        .collect();
    covered.extend([
        "message-added",
        "message-added-closed-union",
        "message-removed",
    ]);
    for rule in Rule::ALL {
        assert!(covered.contains(&rule.id()), "no case for {rule}");
        assert_eq!(Rule::from_id(rule.id()), Some(*rule));
    }
    let mut ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), Rule::ALL.len());
}

#[test]
fn direction_picks_the_default_check() {
    let old = message("m", &obj(json!({ "a": S() }), &["a"]), &json!({}));
    let new = message(
        "m",
        &obj(json!({ "a": S(), "b": S() }), &["a", "b"]),
        &json!({}),
    );
    for (direction, status) in [
        ("client-to-server", Status::Breaking),
        ("server-to-client", Status::Compatible),
    ] {
        let findings = diff::diff(
            &tree(&[(direction, "m", old.clone())], true),
            &tree(&[(direction, "m", new.clone())], true),
            None,
            &[],
        );
        let got: Vec<(&str, Status, Mode)> = findings
            .iter()
            .map(|f| (f.rule.id(), f.status, f.mode))
            .collect();
        let mode = diff::default_mode(direction);
        assert_eq!(got, [("field-added-required", status, mode)], "{direction}");
    }
}

#[test]
fn messages_added_and_removed_are_judged_against_the_unions() {
    let body = obj(json!({ "a": S() }), &["a"]);
    let m = |w| message(w, &body, &json!({}));
    let s2c = "server-to-client";
    let c2s = "client-to-server";
    let verdicts =
        |old: SchemaSet, new: SchemaSet| -> Vec<(String, &'static str, Status, Option<Value>)> {
            diff::diff(&old, &new, None, &[])
                .into_iter()
                .map(|f| {
                    (
                        f.message.wire_name,
                        f.rule.id(),
                        f.status,
                        f.witnesses
                            .iter()
                            .find(|w| w.verified)
                            .map(|w| w.instance.clone()),
                    )
                })
                .collect()
        };
    // Added to an open union: old clients keep it as unknown.
    assert_eq!(
        verdicts(
            tree(&[(s2c, "a", m("a"))], true),
            tree(&[(s2c, "a", m("a")), (s2c, "b", m("b"))], true)
        ),
        [("b".to_owned(), "message-added", Status::Compatible, None)]
    );
    // Added to a closed union: old clients reject it.
    assert_eq!(
        verdicts(
            tree(&[(s2c, "a", m("a"))], false),
            tree(&[(s2c, "a", m("a")), (s2c, "b", m("b"))], false)
        ),
        [(
            "b".to_owned(),
            "message-added-closed-union",
            Status::Breaking,
            Some(json!({ "type": "b", "a": "" }))
        )]
    );
    // Removed from what a server accepts: old clients still send it.
    assert_eq!(
        verdicts(
            tree(&[(c2s, "a", m("a")), (c2s, "b", m("b"))], true),
            tree(&[(c2s, "a", m("a"))], true)
        ),
        [(
            "b".to_owned(),
            "message-removed",
            Status::Breaking,
            Some(json!({ "type": "b", "a": "" }))
        )]
    );
    // Renamed (same body): old clients do not understand the new name, new servers the old.
    let other = message("c", &obj(json!({ "z": S() }), &["z"]), &json!({}));
    assert_eq!(
        verdicts(
            tree(&[(s2c, "a", m("a")), (s2c, "c", other.clone())], true),
            tree(&[(s2c, "b", m("b")), (s2c, "c", other)], true)
        ),
        [(
            "a".to_owned(),
            "union-tag-changed",
            Status::Breaking,
            Some(json!({ "type": "b", "a": "" }))
        )]
    );
    // Removed from what a server sends: old clients just stop receiving it.
    assert_eq!(
        verdicts(
            tree(&[(s2c, "a", m("a")), (s2c, "b", m("b"))], true),
            tree(&[(s2c, "a", m("a"))], true)
        ),
        [("b".to_owned(), "message-removed", Status::Compatible, None)]
    );
}

#[test]
fn messages_of_a_new_union_reach_no_old_union_and_are_plain_additions() {
    // A new realtime surface (here `translation`) next to a closed v2 union that would reject
    // its message: no old peer ever decodes the new union, so nothing breaks.
    let body = obj(json!({ "a": S() }), &["a"]);
    let v2 = [(
        "server-to-client",
        "error",
        message("error", &body, &json!({})),
    )];
    let translation = [(
        "server-to-client",
        "session.closed",
        message("session.closed", &body, &json!({})),
    )];
    let mut files = BTreeMap::new();
    let mut catalog = vec![];
    add_version(&mut files, &mut catalog, "v2", &v2, false);
    add_version(&mut files, &mut catalog, "translation", &translation, false);
    files.insert(
        "catalog.json".into(),
        serde_json::to_vec(&json!({ "messages": catalog })).unwrap(),
    );
    let new = SchemaSet::from_files("test", files).unwrap_or_else(|e| panic!("{e}"));
    let findings = diff::diff(&tree(&v2, false), &new, None, &[]);
    let got: Vec<(String, &str, Status)> = findings
        .iter()
        .map(|f| (f.message.version.clone(), f.rule.id(), f.status))
        .collect();
    assert_eq!(
        got,
        [(
            "translation".to_owned(),
            "message-added",
            Status::Compatible
        )]
    );
}

#[test]
fn a_change_in_a_shared_definition_is_reported_at_every_message_and_path_that_reaches_it() {
    let defs = |ty: &str| json!({ "Shared": { "type": "object", "properties": { "v": { "type": ty } }, "required": ["v"] } });
    let body = obj(
        json!({ "x": { "$ref": "#/$defs/Shared" }, "y": { "$ref": "#/$defs/Shared" } }),
        &["x", "y"],
    );
    let set = |ty| {
        tree(
            &[
                ("client-to-server", "m1", message("m1", &body, &defs(ty))),
                ("client-to-server", "m2", message("m2", &body, &defs(ty))),
            ],
            true,
        )
    };
    let findings = diff::diff(&set("string"), &set("integer"), None, &[]);
    let got: Vec<(String, String, Option<String>, &str)> = findings
        .iter()
        .map(|f| {
            (
                f.message.wire_name.clone(),
                f.path.clone(),
                f.definition.clone(),
                f.rule.id(),
            )
        })
        .collect();
    let shared = Some("Shared".to_owned());
    assert_eq!(
        got,
        [
            (
                "m1".to_owned(),
                "/x/v".to_owned(),
                shared.clone(),
                "type-changed"
            ),
            (
                "m1".to_owned(),
                "/y/v".to_owned(),
                shared.clone(),
                "type-changed"
            ),
            (
                "m2".to_owned(),
                "/x/v".to_owned(),
                shared.clone(),
                "type-changed"
            ),
            ("m2".to_owned(), "/y/v".to_owned(), shared, "type-changed"),
        ]
    );
    assert_eq!(
        findings[0].witnesses[0].instance,
        json!({ "type": "m1", "x": { "v": "" }, "y": { "v": "" } })
    );
}

#[test]
fn recursive_definitions_are_followed_once_and_terminate() {
    let node = |ty: &str| {
        json!({ "Node": { "type": "object", "properties": {
            "value": { "type": ty },
            "children": { "type": "array", "items": { "$ref": "#/$defs/Node" } }
        }, "required": ["value"] } })
    };
    let body = obj(json!({ "tree": { "$ref": "#/$defs/Node" } }), &["tree"]);
    let set = |ty| {
        tree(
            &[("client-to-server", "m", message("m", &body, &node(ty)))],
            true,
        )
    };
    let findings = diff::diff(&set("string"), &set("integer"), None, &[]);
    let got: Vec<(&str, &str, Status)> = findings
        .iter()
        .map(|f| (f.rule.id(), f.path.as_str(), f.status))
        .collect();
    assert_eq!(got, [("type-changed", "/tree/value", Status::Breaking)]);
    assert_eq!(
        findings[0].witnesses[0].instance,
        json!({ "type": "m", "tree": { "value": "" } })
    );
    assert!(diff::diff(&set("string"), &set("string"), None, &[]).is_empty());
}

#[test]
fn a_member_renamed_to_a_recursive_definition_with_two_recursive_members_is_found() {
    let defs = json!({ "Tree": { "type": "object", "properties": {
        "left": { "anyOf": [{ "$ref": "#/$defs/Tree" }, { "type": "null" }] },
        "right": { "anyOf": [{ "$ref": "#/$defs/Tree" }, { "type": "null" }] },
        "value": { "type": "integer" }
    }, "required": ["value", "left", "right"] } });
    let set = |name: &str| {
        let body = obj(json!({ name: { "$ref": "#/$defs/Tree" } }), &[name]);
        tree(
            &[("server-to-client", "m", message("m", &body, &defs))],
            true,
        )
    };
    let findings = diff::diff(&set("tree"), &set("root"), None, &[]);
    let got: Vec<(&str, &str, Status)> = findings
        .iter()
        .map(|f| (f.rule.id(), f.path.as_str(), f.status))
        .collect();
    assert_eq!(got, [("field-renamed", "", Status::Breaking)]);
    assert_eq!(findings[0].detail, "member `tree` was renamed `root`");
    assert_eq!(
        findings[0].witnesses[0].instance,
        json!({ "type": "m", "root": { "value": 0, "left": null, "right": null } })
    );
}

#[test]
fn allowed_rules_do_not_count_as_breaking() {
    let old = message("m", &obj(json!({ "a": S() }), &[]), &json!({}));
    let new = message("m", &obj(json!({ "a": S() }), &["a"]), &json!({}));
    let set = |s: &Value| tree(&[("client-to-server", "m", s.clone())], true);
    let findings = diff::diff(&set(&old), &set(&new), None, &[Rule::FieldBecameRequired]);
    assert_eq!(
        findings
            .iter()
            .map(|f| (f.rule.id(), f.status))
            .collect::<Vec<_>>(),
        [("field-became-required", Status::Allowed)]
    );
}

// ---- the command, on real directories and a real git repository ----

fn workspace() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap()
}

/// Runs `cargo codegen <args>` in `dir`: exit code, stdout, stderr.
fn codegen(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO"))
        .current_dir(dir)
        .arg("run")
        .arg("--quiet")
        .arg("--manifest-path")
        .arg(workspace().join("Cargo.toml"))
        .args([
            "--package",
            "rtwire-codegen",
            "--bin",
            "rtwire-codegen",
            "--",
        ])
        .args(args)
        .output()
        .expect("cargo runs");
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (
        output.status.code().unwrap_or(-1),
        text(&output.stdout),
        text(&output.stderr),
    )
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=rtwire-tests",
            "-c",
            "user.email=tests@rtwire.invalid",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

/// Copies the repository's `schemas/` into `dir/schemas`.
fn copy_schemas(dir: &Path) {
    let from = workspace().join("schemas");
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &to.join(entry.file_name()));
            } else {
                std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
            }
        }
    }
    copy(&from, &dir.join("schemas"));
}

/// Makes `event_id` of realtime v2 `input_audio_buffer.append` required (old clients omit it).
fn require_event_id(schemas: &Path) {
    let path = schemas.join("realtime/v2/input_audio_buffer.append.json");
    let mut schema: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    schema["required"]
        .as_array_mut()
        .unwrap()
        .push(json!("event_id"));
    std::fs::write(&path, serde_json::to_string_pretty(&schema).unwrap()).unwrap();
}

#[test]
fn diff_base_reads_the_previous_commit_of_schemas_from_git() {
    let repo = tempfile::tempdir().unwrap();
    git(repo.path(), &["init", "--quiet"]);
    copy_schemas(repo.path());
    git(repo.path(), &["add", "schemas"]);
    git(repo.path(), &["commit", "--quiet", "-m", "schemas"]);
    let schemas = repo.path().join("schemas");
    let schemas = schemas.to_str().unwrap();

    let (code, out, err) = codegen(repo.path(), &["diff", "--base", "HEAD", schemas]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert!(
        out.ends_with("0 breaking, 0 allowed, 0 unverified, 0 compatible change(s)\n"),
        "{out}"
    );

    require_event_id(&repo.path().join("schemas"));
    git(
        repo.path(),
        &["commit", "--quiet", "-am", "event_id required"],
    );
    let (code, out, _) = codegen(repo.path(), &["diff", "--base", "HEAD~1", schemas]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("BREAKING   field-became-required: realtime v2 client-to-server input_audio_buffer.append at /event_id\n"), "{out}");
    assert!(out.contains(r#"backward witness (old accepts, new rejects): {"audio":"","type":"input_audio_buffer.append"}"#), "{out}");

    let (code, out, _) = codegen(
        repo.path(),
        &["diff", "--base", "HEAD~1", schemas, "--format", "json"],
    );
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!((code, &report["breaking"]), (1, &json!(true)));
    assert_eq!(
        report["findings"][0],
        json!({
            "status": "breaking", "rule": "field-became-required", "surface": "realtime", "version": "v2",
            "direction": "client-to-server", "wire_name": "input_audio_buffer.append", "path": "/event_id",
            "definition": null, "detail": "member `event_id` became required", "mode": "backward",
            "witnesses": [{ "check": "backward", "instance": { "audio": "", "type": "input_audio_buffer.append" }, "verified": true }]
        })
    );

    let (code, out, _) = codegen(
        repo.path(),
        &["diff", "--base", "HEAD~1", schemas, "--format", "markdown"],
    );
    assert_eq!(code, 1);
    assert!(out.starts_with("### ❌ Breaking schema changes\n"), "{out}");
    assert!(out.contains("| breaking | `field-became-required` | `realtime v2 client-to-server input_audio_buffer.append` | `/event_id` | member `event_id` became required |"), "{out}");

    let (code, out, _) = codegen(
        repo.path(),
        &[
            "diff",
            "--base",
            "HEAD~1",
            schemas,
            "--allow",
            "field-became-required",
        ],
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("ALLOWED    field-became-required"), "{out}");
}

#[test]
fn bad_input_is_a_clear_error_naming_the_file_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old");
    std::fs::create_dir(&old).unwrap();
    copy_schemas(&old);
    let good = workspace().join("schemas");
    let good = good.to_str().unwrap();
    let run = |args: &[&str]| {
        let (code, out, err) = codegen(dir.path(), args);
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}: {err}");
        err
    };
    let missing = dir.path().join("missing");
    assert_eq!(
        run(&["diff", missing.to_str().unwrap(), good]),
        format!("error: {}: no such schema directory\n", missing.display())
    );

    let old_schemas = old.join("schemas");
    let old_s = old_schemas.to_str().unwrap();
    std::fs::write(
        old_schemas.join("realtime/v2/input_audio_buffer.commit.json"),
        "{ not json",
    )
    .unwrap();
    let err = run(&["diff", old_s, good]);
    assert!(
        err.starts_with(&format!(
            "error: {old_s}/realtime/v2/input_audio_buffer.commit.json: malformed JSON: "
        )),
        "{err}"
    );

    std::fs::remove_file(old_schemas.join("realtime/v2/input_audio_buffer.commit.json")).unwrap();
    assert_eq!(
        run(&["diff", old_s, good]),
        format!(
            "error: {old_s}/catalog.json lists realtime/v2/input_audio_buffer.commit.json, which does not exist\n"
        )
    );

    std::fs::copy(
        old_schemas.join("realtime/v2/input_audio_buffer.append.json"),
        old_schemas.join("realtime/v2/input_audio_buffer.commit.json"),
    )
    .unwrap();
    assert_eq!(
        run(&["diff", old_s, good]),
        format!(
            "error: {old_s}/realtime/v2/input_audio_buffer.commit.json: does not declare the wire name `input_audio_buffer.commit` that catalog.json gives it\n"
        )
    );

    std::fs::remove_file(old_schemas.join("realtime/v2/input_audio_buffer.commit.json")).unwrap();
    std::fs::copy(
        workspace().join("schemas/realtime/v2/input_audio_buffer.commit.json"),
        old_schemas.join("realtime/v2/input_audio_buffer.commit.json"),
    )
    .unwrap();
    std::fs::write(old_schemas.join("realtime/v2/stray.json"), "{}").unwrap();
    assert_eq!(
        run(&["diff", old_s, good]),
        format!("error: {old_s}/realtime/v2/stray.json: not listed in catalog.json\n")
    );

    let err = run(&["diff", "--base", "no-such-revision", good]);
    assert_eq!(
        err,
        format!(
            "error: git revision `no-such-revision` does not exist in {}\n",
            workspace().display()
        )
    );
    assert_eq!(
        run(&["diff", good, "--allow", "no-such-rule"]),
        "error: --allow no-such-rule: no such rule\n"
    );
}

#[test]
fn a_break_the_validator_cannot_witness_is_unverified_not_breaking() {
    // The validator ignores formats it does not know, so no string shows this change.
    let body = |format: Option<&str>| {
        let mut member = json!({ "type": "string" });
        if let Some(f) = format {
            member["format"] = json!(f);
        }
        obj(json!({ "a": member }), &["a"])
    };
    let set = |f| {
        tree(
            &[("client-to-server", "m", message("m", &body(f), &json!({})))],
            true,
        )
    };
    let findings = diff::diff(&set(None), &set(Some("x-rtwire-custom")), None, &[]);
    let got: Vec<(&str, Status, Vec<bool>)> = findings
        .iter()
        .map(|f| {
            (
                f.rule.id(),
                f.status,
                f.witnesses.iter().map(|w| w.verified).collect(),
            )
        })
        .collect();
    assert_eq!(got, [("format-added", Status::Unverified, vec![false])]);
    let text = diff::report::render(&findings, "old", "new", diff::Format::Text);
    assert_eq!(
        text,
        "Comparing old (old) with new (new)\n\
         UNVERIFIED format-added: realtime v2 client-to-server m at /a (in #/$defs/Body)\n\
         \x20          format `x-rtwire-custom` was added [checks: backward]\n\
         \x20          backward witness (old accepts, new rejects) (did not check out): {\"a\":\"not a valid x-rtwire-custom\",\"type\":\"m\"}\n\
         0 breaking, 0 allowed, 1 unverified, 0 compatible change(s)\n"
    );
}
