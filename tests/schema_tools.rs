//! The schemas as the standard JSON Schema tools that non-Rust users run take them:
//!
//! * Ajv 8 (draft 2020-12, `strict: true`, ajv-formats) compiles every file of `schemas/` with
//!   zero warnings, and accepts every example of `tests/examples` under its message schema and
//!   under the open, closed and generators forms of its union; a lenient example with an
//!   unknown variant passes the open form only;
//! * json-schema-to-typescript keeps every member of the closed realtime v2 server union and a
//!   `switch` on `type` narrows each branch (`tsc --strict`);
//! * Python `jsonschema` accepts every file (`Draft202012Validator.check_schema`) and validates
//!   every example with a `FormatChecker`, resolving references offline by `$id`;
//! * datamodel-code-generator (pydantic v2) turns the generators form of every union into one
//!   class per message named after its Rust type, and the generated models accept every
//!   canonical example and refuse it without a required member or with an unknown tag;
//! * a closed union refuses an unknown tag with an error about the tag, and a malformed known
//!   message with the errors of that message only.
//!
//! npm packages come from `tests/schema-tools/package-lock.json` (`npm ci` when absent), Python
//! packages from `tests/schema-tools/requirements.txt` (hashes required) in a virtual
//! environment the test creates. Without node, npm or python3 the test fails with a clear
//! message: it never skips.

use rtwire_tests::{root, validator, violations};
use serde_json::{Value, json};
use std::path::PathBuf;
use std::process::Command;
use std::sync::Mutex;

fn tools_dir() -> PathBuf {
    root().join("tests/schema-tools")
}

/// Installation steps must not run twice at once (the tests of this file run in parallel).
static INSTALL: Mutex<()> = Mutex::new(());

fn run(command: &mut Command, what: &str) -> (bool, String) {
    let output = command.output().unwrap_or_else(|e| {
        panic!("cannot run {what}: {e}. Node.js, npm and Python 3 (with venv) are required for the schema tool checks (e.g. `apt-get install nodejs npm python3-venv`).")
    });
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), text)
}

fn npm_ci() {
    let _guard = INSTALL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tools_dir();
    let installed = [
        "ajv",
        "ajv-formats",
        "json-schema-to-typescript",
        "typescript",
    ]
    .iter()
    .all(|p| {
        dir.join("node_modules")
            .join(p)
            .join("package.json")
            .exists()
    });
    if !installed {
        let (ok, out) = run(
            Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .current_dir(&dir),
            "npm ci (tests/schema-tools)",
        );
        assert!(ok, "npm ci (tests/schema-tools) failed:\n{out}");
    }
}

fn node(script: &str, args: &[&str]) -> (bool, String) {
    npm_ci();
    run(
        Command::new("node")
            .arg(tools_dir().join(script))
            .arg(root())
            .args(args),
        &format!("node {script}"),
    )
}

#[test]
fn ajv_strict_compiles_every_file_without_a_warning_and_accepts_every_example_in_every_form() {
    let (ok, out) = node("check.mjs", &[]);
    assert!(ok, "Ajv check failed:\n{out}");
    let files = std::fs::read_to_string(root().join("schemas/catalog.json")).expect("catalog");
    let catalog: Value = serde_json::from_str(&files).expect("catalog JSON");
    let count = count_files(&root().join("schemas")) - 1;
    let summary = out.lines().last().unwrap_or_default();
    assert!(
        summary.starts_with(&format!(
            "{count} schema file(s) compiled under strict mode, 0 warning(s); "
        )) && summary.ends_with("; 0 problem(s)"),
        "unexpected summary: {summary}"
    );
    assert!(catalog["unions"].as_array().is_some_and(|u| !u.is_empty()));
}

#[test]
fn json_schema_to_typescript_narrows_every_branch_of_the_closed_v2_server_union() {
    let (ok, out) = node("narrow.mjs", &[]);
    assert!(ok, "json-schema-to-typescript check failed:\n{out}");
    let union: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schemas/realtime/v2/ServerEvent.generators.json"))
            .expect("generators form"),
    )
    .expect("JSON");
    let branches = union["oneOf"].as_array().expect("oneOf").len();
    assert_eq!(
        out.lines().last().unwrap_or_default(),
        format!(
            "{branches} branch(es) of realtime/v2/ServerEvent.generators.json narrowed on type; 0 problem(s)"
        )
    );
    let generated =
        std::fs::read_to_string(tools_dir().join(".generated/union.ts")).expect("generated TS");
    assert!(
        generated.contains("export interface ResponseOutputAudioDelta {")
            && generated.contains("  type: \"response.output_audio.delta\";")
            && generated.contains("  delta: string;"),
        "the audio delta lost a member:\n{generated}"
    );
}

/// The Python interpreter of the test's virtual environment, created and filled from
/// `requirements.txt` (hashes required) when absent.
fn python() -> PathBuf {
    let _guard = INSTALL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tools_dir();
    let venv = dir.join(".venv");
    let python = venv.join("bin/python");
    let marker = venv.join("requirements.installed");
    let requirements = std::fs::read(dir.join("requirements.txt")).expect("requirements.txt");
    if std::fs::read(&marker).ok().as_deref() != Some(&requirements[..]) {
        if !python.exists() {
            let (ok, out) = run(
                Command::new("python3").arg("-m").arg("venv").arg(&venv),
                "python3 -m venv",
            );
            assert!(ok, "python3 -m venv failed:\n{out}");
        }
        let (ok, out) = run(
            Command::new(&python)
                .args([
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "--require-hashes",
                    "--no-deps",
                ])
                .args(["--only-binary", ":all:", "-r"])
                .arg(dir.join("requirements.txt")),
            "pip install -r tests/schema-tools/requirements.txt",
        );
        assert!(ok, "pip install failed:\n{out}");
        std::fs::write(&marker, &requirements).expect("marker");
    }
    python
}

#[test]
fn python_jsonschema_checks_every_file_and_validates_every_example_with_formats() {
    let python = python();
    let (ok, out) = run(
        Command::new(python)
            .arg(tools_dir().join("check_schemas.py"))
            .arg(root()),
        "check_schemas.py",
    );
    assert!(ok, "Python jsonschema check failed:\n{out}");
    let count = count_files(&root().join("schemas")) - 1;
    let summary = out.lines().last().unwrap_or_default();
    assert!(
        summary.starts_with(&format!("{count} schema file(s) checked; "))
            && summary.ends_with("; 0 problem(s)"),
        "unexpected summary: {summary}"
    );
}

#[test]
fn datamodel_code_generator_names_one_class_per_message_and_its_models_refuse_malformed_messages() {
    let python = python();
    let (ok, out) = run(
        Command::new(python)
            .arg(tools_dir().join("check_generators.py"))
            .arg(root()),
        "check_generators.py",
    );
    assert!(ok, "datamodel-code-generator check failed:\n{out}");
    let catalog: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schemas/catalog.json")).expect("catalog"),
    )
    .expect("JSON");
    let unions = catalog["unions"].as_array().expect("unions").len();
    let summary = out.lines().last().unwrap_or_default();
    assert!(
        summary.starts_with(&format!("{unions} union(s), "))
            && summary.ends_with("; 0 problem(s)")
            && !summary.contains(" 0 example(s)")
            && !summary.contains(" 0 malformed"),
        "unexpected summary: {summary}"
    );
}

fn count_files(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .expect("readable")
        .map(|e| e.expect("entry").path())
        .map(|p| if p.is_dir() { count_files(&p) } else { 1 })
        .sum()
}

fn schema(path: &str) -> Value {
    serde_json::from_str(
        &std::fs::read_to_string(root().join("schemas").join(path)).expect("schema file"),
    )
    .expect("JSON")
}

#[test]
fn a_closed_union_refuses_an_unknown_type_by_naming_it() {
    let closed = validator(&schema("realtime/v2/ServerEvent.closed.json"));
    let open = validator(&schema("realtime/v2/ServerEvent.json"));
    let event = json!({ "type": "response.audio_beep.delta", "delta": "AAA=" });
    assert!(open.is_valid(&event), "the open form keeps unknown types");
    assert_eq!(
        violations(&closed, &event),
        vec![
            "/type: \"response.audio_beep.delta\" is not one of \"session.created\", \"session.updated\" or 46 other candidates"
        ]
    );
}

#[test]
fn a_malformed_known_message_gets_the_errors_of_its_own_message_in_every_dispatch_form() {
    let event = json!({
        "type": "response.output_audio.delta",
        "event_id": "event_1",
        "response_id": "resp_1",
        "item_id": "item_1",
        "output_index": "0",
        "content_index": 0
    });
    for path in [
        "realtime/v2/ServerEvent.json",
        "realtime/v2/ServerEvent.closed.json",
    ] {
        let errors = violations(&validator(&schema(path)), &event);
        assert_eq!(
            errors,
            vec![
                ": \"delta\" is a required property".to_owned(),
                "/output_index: \"0\" is not of types \"null\", \"integer\"".to_owned(),
            ],
            "{path}"
        );
    }
    let generators = validator(&schema("realtime/v2/ServerEvent.generators.json"));
    assert!(!generators.is_valid(&event));
}
