//! The TypeScript view: `tsc --strict` accepts the generated package, and accepts every
//! canonical example assigned to its TypeScript type as a fresh object literal, while rejecting
//! the same literal with an extra property or without a required one.
//!
//! TypeScript comes from npm, pinned by `tests/ts/package-lock.json` (see `rtwire_tests::node`).
//! Without node or npm the test fails with a clear message: it never skips. The package as users
//! install it is checked by `tests/ts_consumer.rs`.

use rtwire_protocol::registry::Surface;
use rtwire_tests::corpus::{examples, result_info};
use rtwire_tests::node::{package_file, run};
use rtwire_tests::{find, root, unions};
use serde_json::Value;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

fn ts_dir() -> PathBuf {
    root().join("tests/ts")
}

fn tsc_project(project: &Path) -> String {
    let tsc = package_file("typescript/bin/tsc");
    run(
        Command::new("node")
            .arg(tsc)
            .arg("--project")
            .arg(project)
            .arg("--pretty")
            .arg("false"),
        &format!("tsc --project {}", project.display()),
    )
}

/// The TypeScript type of one message: its branch of the union, narrowed on the tag.
fn message_type(surface: Surface, module: &str, union: &str, tag: &str, wire_name: &str) -> String {
    let namespace = match surface {
        Surface::Realtime => format!("realtime.{}", module.rsplit('/').next().expect("module")),
        Surface::AppServer => "appServer".to_owned(),
    };
    format!("Extract<{namespace}.{union}, {{ {tag}: {wire_name:?} }}>")
}

#[test]
fn every_canonical_example_type_checks_and_malformed_literals_do_not() {
    let unions = unions();
    let mut file = String::from(
        "// Written by tests/typescript.rs from tests/examples; not checked in.\n\
         import type { appServer, realtime } from \"../../../generated/typescript/index.js\";\n\n",
    );
    let mut count = 0;
    for example in examples().into_iter().filter(|e| !e.lenient) {
        let (union, message) = find(
            &unions,
            example.surface,
            example.version,
            &example.wire_name,
        )
        .expect("registered");
        let (ty, schema) = if example.result {
            // An answer to a request: typed by the method map's result type.
            let info = result_info(&example.wire_name).unwrap_or_else(|e| panic!("{e}"));
            let ty = format!(
                "{{ id: appServer.RequestId, result: appServer.ResultOf<{:?}> }}",
                example.wire_name
            );
            (ty, rtwire_codegen::schema::result_schema(&info))
        } else {
            let ty = message_type(
                example.surface,
                union.info.module,
                union.info.name,
                union.info.tag,
                &example.wire_name,
            );
            (ty, union.message_schema(&message).expect("schema"))
        };
        let literal = serde_json::to_string_pretty(&example.value).expect("JSON");
        let _ = writeln!(
            file,
            "// tests/examples/{}\nexport const example{count}: {ty} = {literal};\n",
            example.path.display()
        );
        let mut extra = example.value.clone();
        extra["rtwire_not_a_member"] = Value::from(1);
        let _ = writeln!(
            file,
            "// @ts-expect-error an extra property is rejected\nexport const example{count}Extra: {ty} = {};\n",
            serde_json::to_string(&extra).expect("JSON")
        );
        if let Some(member) = first_required_member(&schema, union.info.tag, &example.value) {
            let mut missing = example.value.clone();
            missing.as_object_mut().expect("object").remove(&member);
            let _ = writeln!(
                file,
                "// @ts-expect-error `{member}` is required\nexport const example{count}Missing: {ty} = {};\n",
                serde_json::to_string(&missing).expect("JSON")
            );
        }
        count += 1;
    }
    assert!(count > 0, "no canonical examples");
    let generated = ts_dir().join(".generated");
    std::fs::create_dir_all(&generated).expect("create tests/ts/.generated");
    std::fs::write(generated.join("examples.ts"), file).expect("write the check file");
    let out = tsc_project(&ts_dir().join("tsconfig.json"));
    assert!(out.trim().is_empty(), "{out}");
}

/// A member the message requires (besides its tag) that the example has, if any.
fn first_required_member(schema: &Value, tag: &str, example: &Value) -> Option<String> {
    let mut required: Vec<&Value> = vec![];
    required.extend(
        schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten(),
    );
    if let Some(target) = schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/$defs/"))
    {
        required.extend(
            schema["$defs"][target]
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten(),
        );
    }
    required
        .into_iter()
        .filter_map(Value::as_str)
        .find(|name| *name != tag && example.get(*name).is_some())
        .map(str::to_owned)
}
