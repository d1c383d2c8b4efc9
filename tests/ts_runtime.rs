//! The TypeScript runtime decoders (`generated/typescript/**/decode*.js`) decode as the Rust
//! decoders do. This test writes what Rust decides — for every corpus example, for bad inputs
//! derived from them, for hostile inputs, and for a sample of schema-generated values of every
//! message — to `target/ts-runtime/cases.json`, then runs the node tests of `tests/ts-runtime/`
//! (Node's built-in test runner, npm packages pinned by its lockfile, installed when absent),
//! which decode the same inputs in TypeScript and compare whole JSON values and JSON pointers.
//! Without node or npm the test fails: it never skips.

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use rtwire_codegen::schema::UnionSchema;
use rtwire_fuzz::harness::{ResultCheck, UnionCheck};
use rtwire_tests::corpus::{examples, result_info};
use rtwire_tests::node;
use serde_json::{Value, json};
use std::path::PathBuf;
use std::process::Command;

/// What the Rust decoder of `union` makes of `input` (a JSON text).
fn rust_outcome(union: &UnionSchema, input: &str) -> Value {
    match serde_json::from_str::<Value>(input) {
        Err(_) => json!({ "kind": "error", "message": null, "path": "" }),
        Ok(value) => outcome_of(union, &value),
    }
}

fn outcome_of(union: &UnionSchema, value: &Value) -> Value {
    match union.info.roundtrip(value) {
        Ok(r) if r.unknown => json!({ "kind": "unknown", "raw": r.encoded }),
        Ok(r) => json!({ "kind": "event", "event": r.encoded }),
        Err(e) => json!({ "kind": "error", "message": e.message(), "path": e.path() }),
    }
}

fn decoder(union: &UnionSchema) -> String {
    rtwire_codegen::ts_runtime::decoder_path(union)
        .to_string_lossy()
        .replace('\\', "/")
}

/// A value of another JSON type than the member's schema allows, if its schema names types.
fn wrong_value_for(property: &Value) -> Option<Value> {
    let allowed: Vec<&str> = match property.get("type")? {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(|t| t.as_str()).collect(),
        _ => return None,
    };
    [
        ("boolean", json!(true)),
        ("string", json!("rtwire")),
        ("object", json!({})),
        ("array", json!([])),
    ]
    .into_iter()
    .find(|(ty, _)| !allowed.contains(ty))
    .map(|(_, v)| v)
}

/// Variants of `value` with one member below the top level removed or set to `null`, named by
/// the member's JSON pointer (at most 64 per value).
fn nested_variants(value: &Value) -> Vec<(String, Value)> {
    fn walk(
        root: &Value,
        at: &Value,
        pointer: String,
        depth: usize,
        out: &mut Vec<(String, Value)>,
    ) {
        if depth > 8 {
            return;
        }
        let children: Vec<(String, &Value, bool)> = match at {
            Value::Object(members) => members
                .iter()
                .map(|(k, v)| {
                    (
                        format!("{pointer}/{}", k.replace('~', "~0").replace('/', "~1")),
                        v,
                        true,
                    )
                })
                .collect(),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (format!("{pointer}/{i}"), v, false))
                .collect(),
            _ => return,
        };
        for (child, member, is_member) in children {
            if is_member && depth > 0 {
                let mut nulled = root.clone();
                *nulled.pointer_mut(&child).expect("present") = Value::Null;
                out.push((format!("`{child}`: null"), nulled));
                let mut dropped = root.clone();
                let (parent, key) = child.rsplit_once('/').expect("a member pointer");
                let key = key.replace("~1", "/").replace("~0", "~");
                if let Some(Value::Object(members)) = dropped.pointer_mut(parent) {
                    members.remove(&key);
                }
                out.push((format!("`{child}` dropped"), dropped));
            }
            walk(root, member, child, depth + 1, out);
        }
    }
    let mut out = vec![];
    walk(value, value, String::new(), 0, &mut out);
    out.truncate(64);
    out
}

fn cases() -> Vec<Value> {
    let unions = rtwire_tests::unions();
    let mut cases = vec![];
    for example in examples() {
        let (union, message) = rtwire_tests::find(
            &unions,
            example.surface,
            example.version,
            &example.wire_name,
        )
        .expect("registered");
        let input = serde_json::to_string(&example.value).expect("serializes");
        let name = format!("tests/examples/{}", example.path.display());
        if example.result {
            let info = result_info(&example.wire_name).expect("a request");
            let server = unions
                .iter()
                .find(|u| u.info.surface == union.info.surface && u.info.name == "ServerMessage")
                .expect("the app-server ServerMessage");
            let expected = match info.roundtrip(&example.value) {
                Ok(r) => json!({ "kind": "event", "event": r.encoded }),
                Err(e) => json!({ "kind": "error", "message": e.message(), "path": e.path() }),
            };
            cases.push(json!({ "name": name, "decoder": decoder(server), "pending": example.wire_name, "input": input, "expected": expected }));
            continue;
        }
        cases.push(json!({ "name": name, "decoder": decoder(union), "input": input, "expected": rust_outcome(union, &input) }));
        if example.lenient {
            continue;
        }
        // Bad inputs derived from the canonical example: each member dropped, each member of a
        // wrong JSON type. The expected outcome is whatever Rust decides (most are errors).
        let Some(schema) = union.message_schema(&message) else {
            continue;
        };
        let Some(object) = example.value.as_object() else {
            continue;
        };
        // Nested members dropped or `null`: where Rust keeps a `null`, fills a default or tags a
        // type-less variant, the TypeScript decoder must do the same.
        for (pointer, nested) in nested_variants(&example.value) {
            cases.push(json!({ "name": format!("{name} with {pointer}"), "decoder": decoder(union), "input": nested.to_string(), "expected": outcome_of(union, &nested) }));
        }
        for (key, _) in object.iter().filter(|(k, _)| *k != union.info.tag) {
            let mut bad = object.clone();
            bad.remove(key);
            let bad = Value::Object(bad);
            cases.push(json!({ "name": format!("{name} without `{key}`"), "decoder": decoder(union), "input": bad.to_string(), "expected": outcome_of(union, &bad) }));
            if let Some(wrong) = schema
                .pointer(&format!("/properties/{key}"))
                .and_then(wrong_value_for)
            {
                let mut bad = object.clone();
                bad.insert(key.clone(), wrong.clone());
                let bad = Value::Object(bad);
                cases.push(json!({ "name": format!("{name} with `{key}`: {wrong}"), "decoder": decoder(union), "input": bad.to_string(), "expected": outcome_of(union, &bad) }));
            }
        }
    }
    cases.extend(hostile(&unions));
    cases.extend(generated(&unions));
    cases
}

/// Hostile input, for every union: not JSON, a top-level array, a non-string tag, a missing tag.
fn hostile(unions: &[UnionSchema]) -> Vec<Value> {
    let mut cases = vec![];
    for union in unions {
        let tag = union.info.tag;
        for (what, input) in [
            ("not JSON", "{\"type\": ".to_owned()),
            ("a top-level array", "[1]".to_owned()),
            ("a string", "\"text\"".to_owned()),
            ("a non-string tag", format!("{{\"{tag}\":7}}")),
            ("no tag", "{\"kind\":\"x\"}".to_owned()),
            (
                "an unknown tag",
                format!("{{\"{tag}\":\"rtwire.future\",\"a\":[1,{{\"b\":null}}]}}"),
            ),
        ] {
            cases.push(json!({ "name": format!("{} {}: {what}", union.info.module, union.info.name), "decoder": decoder(union), "input": input, "expected": rust_outcome(union, &input) }));
        }
    }
    cases
}

/// A few values generated from every message's schema (fixed seed), with what Rust makes of them.
fn generated(unions: &[UnionSchema]) -> Vec<Value> {
    const PER_MESSAGE: usize = 3;
    let mut cases = vec![];
    for union in unions {
        for message in (union.info.messages)() {
            let Some(schema) = union.message_schema(&message) else {
                continue;
            };
            let strategy = rtwire_tests::arbitrary::strategy(&schema);
            let mut runner = TestRunner::new_with_rng(
                Config::default(),
                TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]),
            );
            for i in 0..PER_MESSAGE {
                let Ok(tree) = strategy.new_tree(&mut runner) else {
                    continue;
                };
                let value = tree.current();
                let input = value.to_string();
                cases.push(json!({ "name": format!("generated {} {} #{i}", union.info.module, message.wire_name), "decoder": decoder(union), "input": input, "expected": outcome_of(union, &value) }));
            }
        }
    }
    cases
}

fn runtime_dir() -> PathBuf {
    rtwire_tests::root().join("tests/ts-runtime")
}

/// Installs the pinned packages of `tests/ts-runtime` with `npm ci` unless installed from the
/// same lockfile.
fn install() -> PathBuf {
    node::install(); // checks node and npm, with a clear message when they are missing
    let dir = runtime_dir();
    let stamp = dir.join("node_modules/.rtwire-installed-lockfile.json");
    let lockfile = std::fs::read(dir.join("package-lock.json")).expect("read the lockfile");
    if std::fs::read(&stamp).ok().as_deref() != Some(lockfile.as_slice()) {
        node::run(
            Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .current_dir(&dir),
            "npm ci (tests/ts-runtime)",
        );
        std::fs::write(&stamp, &lockfile).expect("write the install stamp");
    }
    dir
}

#[test]
fn typescript_decoders_agree_with_rust_on_examples_bad_inputs_and_generated_values() {
    let cases = cases();
    assert!(cases.len() > 500, "too few cases: {}", cases.len());
    let out = rtwire_tests::root().join("target/ts-runtime");
    std::fs::create_dir_all(&out).expect("create target/ts-runtime");
    let file = out.join("cases.json");
    std::fs::write(&file, serde_json::to_vec(&cases).expect("serializes")).expect("write cases");
    let dir = install();
    let mut command = Command::new("node");
    command
        .args(["--preserve-symlinks", "--test", "--test-reporter=spec"])
        .arg("test/")
        .env("RTWIRE_CASES", &file)
        .current_dir(&dir);
    let text = node::run(&mut command, "node --test (tests/ts-runtime)");
    // The spec reporter prints its summary as `ℹ fail 0`, the TAP one as `# fail 0`.
    let has_line = |wanted: &str| {
        text.lines()
            .any(|line| line.trim_start_matches(['#', 'ℹ', ' ']) == wanted)
    };
    assert!(has_line("fail 0"), "{text}");
    let agreement = format!("0 of {} cases disagree with the Rust decoder", cases.len());
    assert!(
        has_line(&agreement),
        "expected a line `{agreement}` in:\n{text}"
    );
}

/// The canonical-form facts codegen derives from the Rust decoders, `{module: {type: facts}}`.
fn derived_facts() -> Value {
    let ts = rtwire_codegen::typescript::generate();
    let schemas = rtwire_codegen::schema::generate(&ts);
    rtwire_codegen::forms::to_json(&rtwire_codegen::forms::derive(&schemas))
}

/// The `forms` tables of the generated decoder modules, merged per module.
fn runtime_tables() -> Value {
    let mut tables = serde_json::Map::new();
    for union in rtwire_tests::unions() {
        let path = rtwire_tests::root()
            .join("generated/typescript")
            .join(rtwire_codegen::ts_runtime::decoder_path(&union));
        let js = std::fs::read_to_string(&path).expect("the decoder module exists");
        let start =
            js.find("const forms = {\n").expect("a forms table") + "const forms = {\n".len();
        let end = start + js[start..].find("};\n").expect("the table ends");
        let module = tables.entry(union.info.module).or_insert_with(|| json!({}));
        for line in js[start..end].lines() {
            let line = line.trim().trim_end_matches(',');
            let (name, facts) = line.split_once(": ").expect("`\"name\": {facts}`");
            let name: String = serde_json::from_str(name).expect("a JSON string");
            let facts: Value = serde_json::from_str(facts).expect("JSON facts");
            if let Some(known) = module.get(&name) {
                assert_eq!(
                    known, &facts,
                    "{name}: two decoders of {} differ",
                    union.info.module
                );
            }
            module[name.as_str()] = facts;
        }
    }
    tables.retain(|_, facts| facts.as_object().is_some_and(|o| !o.is_empty()));
    Value::Object(tables)
}

#[test]
fn the_runtime_tables_hold_exactly_the_facts_derived_from_the_rust_decoders() {
    let derived = derived_facts();
    assert_eq!(runtime_tables(), derived);
    // What the decoders fold today, as one reviewed value: a fact that is lost, or a new alias
    // of a Rust type, shows here as a snapshot change.
    insta::assert_json_snapshot!(derived);
}

/// Every place where the Rust decoder turns a lenient corpus example into its canonical form by
/// renaming a member (same value, another name) or respelling a string, as `(module, kind, from,
/// to)`, kind being `member` or `value`.
fn corpus_foldings() -> std::collections::BTreeSet<(String, &'static str, String, String)> {
    fn walk(
        module: &str,
        input: &Value,
        output: &Value,
        out: &mut std::collections::BTreeSet<(String, &'static str, String, String)>,
    ) {
        match (input, output) {
            (Value::Object(i), Value::Object(o)) => {
                for (key, value) in i {
                    match o.get(key) {
                        Some(canonical) => walk(module, value, canonical, out),
                        None if !value.is_null() => {
                            let renamed =
                                o.iter().find(|(k, v)| !i.contains_key(*k) && *v == value);
                            if let Some((to, _)) = renamed {
                                out.insert((module.into(), "member", key.clone(), to.clone()));
                            }
                        }
                        None => {}
                    }
                }
            }
            (Value::Array(i), Value::Array(o)) if i.len() == o.len() => {
                for (a, b) in i.iter().zip(o) {
                    walk(module, a, b, out);
                }
            }
            (Value::String(a), Value::String(b)) if a != b => {
                out.insert((module.into(), "value", a.clone(), b.clone()));
            }
            _ => {}
        }
    }
    let unions = rtwire_tests::unions();
    let mut out = std::collections::BTreeSet::new();
    for example in examples().into_iter().filter(|e| e.lenient && !e.result) {
        let (union, _) = rtwire_tests::find(
            &unions,
            example.surface,
            example.version,
            &example.wire_name,
        )
        .expect("registered");
        if let Ok(r) = union.info.roundtrip(&example.value)
            && !r.unknown
        {
            // The message's own tag is folded by the union's tag aliases, not by a type's facts.
            let (mut input, mut output) = (example.value.clone(), r.encoded);
            input.as_object_mut().map(|o| o.remove(union.info.tag));
            output.as_object_mut().map(|o| o.remove(union.info.tag));
            walk(union.info.module, &input, &output, &mut out);
        }
    }
    out
}

#[test]
fn every_member_and_value_alias_the_corpus_shows_is_a_derived_fact() {
    let derived = derived_facts();
    let foldings = corpus_foldings();
    assert!(
        foldings.iter().any(|(_, kind, ..)| *kind == "member")
            && foldings.iter().any(|(_, kind, ..)| *kind == "value"),
        "the lenient corpus shows both kinds of alias: {foldings:?}"
    );
    let missing: Vec<_> = foldings
        .iter()
        .filter(|(module, kind, from, to)| {
            let key = if *kind == "member" {
                "memberAliases"
            } else {
                "valueAliases"
            };
            !derived[module.as_str()]
                .as_object()
                .into_iter()
                .flatten()
                .any(|(_, facts)| facts[key][from.as_str()].as_str() == Some(to.as_str()))
        })
        .collect();
    assert_eq!(missing, Vec::<&(String, &str, String, String)>::new());
}
