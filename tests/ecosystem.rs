//! The published documents work in the tools people use with them:
//!
//! * every AsyncAPI document (`generated/asyncapi/`) parses with `@asyncapi/parser` under its
//!   default ruleset with no error and no warning;
//! * the OpenRPC document (`generated/openrpc/`) parses (dereferenced) with
//!   `@open-rpc/schema-utils-js` and validates against the OpenRPC meta-schema;
//! * Modelina (`@asyncapi/modelina`) generates Python and Go models from the realtime v2
//!   document, one per event;
//! * every embedded example is a file of the examples corpus, unchanged, and validates against
//!   its payload schema;
//! * the Markdown reference has a section for every registered message, and the catalog links
//!   each message to its views;
//! * a registry entry without an example or a doc comment fails generation, naming the entry.
//!
//! The npm tools are pinned by `tests/ecosystem/package-lock.json` and installed with `npm ci`
//! when `node_modules` is absent or was installed from another lockfile. Without node or npm
//! the tests fail with a clear message: they never skip.

use rtwire_codegen::corpus::{Corpus, message_doc};
use rtwire_codegen::schema::UnionSchema;
use rtwire_protocol::registry::{Direction, Kind, Message, Surface};
use rtwire_tests::{root, unions, validator, violations};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::rc::Rc;
use std::sync::Mutex;

fn ecosystem_dir() -> PathBuf {
    root().join("tests/ecosystem")
}

fn run(command: &mut Command, what: &str) -> String {
    let output = command.output().unwrap_or_else(|e| {
        panic!("cannot run {what}: {e}. Node.js and npm are required for the ecosystem checks (install them, e.g. `apt-get install nodejs npm`).")
    });
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{what} failed:\n{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

static INSTALL: Mutex<bool> = Mutex::new(false);

/// Installs the pinned npm packages unless `node_modules` already holds what the lockfile
/// pins (a copy of the lockfile is kept in `node_modules` after each install).
fn install() {
    let mut done = INSTALL.lock().unwrap_or_else(|e| e.into_inner());
    if *done {
        return;
    }
    let dir = ecosystem_dir();
    let lock = std::fs::read(dir.join("package-lock.json")).expect("the lockfile is committed");
    let stamp = dir.join("node_modules/.rtwire-package-lock.json");
    if std::fs::read(&stamp).ok().as_ref() != Some(&lock) {
        run(
            Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .current_dir(&dir),
            "npm ci (tests/ecosystem)",
        );
        std::fs::write(&stamp, &lock).expect("node_modules is writable");
    }
    *done = true;
}

/// Runs `node check.mjs <args>` and returns its JSON report.
fn check(args: &[&str]) -> Value {
    install();
    let out = run(
        Command::new("node")
            .arg("check.mjs")
            .args(args)
            .current_dir(ecosystem_dir()),
        &format!("node tests/ecosystem/check.mjs {}", args.join(" ")),
    );
    serde_json::from_str(out.trim())
        .unwrap_or_else(|e| panic!("check.mjs printed no JSON: {e}\n{out}"))
}

fn files_in(dir: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(root().join(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| {
            format!(
                "../../{dir}/{}",
                e.expect("entry").file_name().to_string_lossy()
            )
        })
        .filter(|f| f.ends_with(".json"))
        .collect();
    files.sort();
    files
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every registered message with its union.
fn registered() -> Vec<(Rc<UnionSchema>, Message)> {
    unions()
        .into_iter()
        .flat_map(|u| {
            let messages = (u.info.messages)();
            let u = Rc::new(u);
            messages.into_iter().map(move |m| (u.clone(), m))
        })
        .collect()
}

/// The AsyncAPI message keys that the registry puts in the document `file`.
fn expected_asyncapi_messages(file: &str) -> BTreeSet<String> {
    registered()
        .iter()
        .filter(|(u, m)| {
            rtwire_codegen::asyncapi::document_of(u.info.module, m).as_deref() == Some(file)
        })
        .map(|(_, m)| rtwire_codegen::asyncapi::message_key(m))
        .collect()
}

#[test]
fn every_asyncapi_document_parses_with_no_error_and_no_warning() {
    let files = files_in("generated/asyncapi");
    assert!(
        files.len() >= 3,
        "expected the realtime v1, v2 and app-server documents: {files:?}"
    );
    let args: Vec<&str> = std::iter::once("asyncapi")
        .chain(files.iter().map(String::as_str))
        .collect();
    let report = check(&args);
    for doc in report.as_array().expect("one entry per file") {
        let file = doc["file"].as_str().expect("file");
        assert_eq!(doc["parsed"], json!(true), "{file} does not parse: {doc:#}");
        // The only diagnostic left is information, not a warning: the parser suggests AsyncAPI
        // 3.1, and these documents are AsyncAPI 3.0 on purpose (the version tools support
        // widely, and the one this project publishes).
        let left: Vec<&Value> = doc["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter(|d| !(d["severity"] == "info" && d["code"] == "asyncapi-latest-version"))
            .collect();
        assert!(left.is_empty(), "{file}: {left:#?}");
        let name = file.rsplit('/').next().expect("file name");
        let parsed: BTreeSet<String> = doc["messages"]
            .as_array()
            .expect("messages")
            .iter()
            .map(|m| m.as_str().expect("message id").to_owned())
            .collect();
        assert_eq!(parsed, expected_asyncapi_messages(name), "{file}: messages");
    }
}

#[test]
fn the_openrpc_document_parses_and_validates_against_the_meta_schema() {
    let report = check(&["openrpc", "../../generated/openrpc/app-server.json"]);
    let doc = &report[0];
    assert_eq!(doc["errors"], json!([]), "{doc:#}");
    assert_eq!(doc["valid"], json!(true), "{doc:#}");
    assert_eq!(doc["parsed"], json!(true), "{doc:#}");
    let expected: Vec<(String, bool)> = registered()
        .iter()
        .filter(|(_, m)| rtwire_codegen::openrpc::is_method(m))
        .map(|(_, m)| (m.wire_name.to_owned(), m.kind == Kind::Request))
        .collect();
    let methods = doc["methods"].as_array().expect("methods");
    let got: Vec<(String, bool)> = methods
        .iter()
        .map(|m| {
            (
                m["name"].as_str().expect("name").to_owned(),
                m["result"] == json!(true),
            )
        })
        .collect();
    // Every request has a result schema; notifications (e.g. `initialized`) have none.
    assert_eq!(got, expected);
    for method in methods {
        for param in method["params"].as_array().expect("params") {
            assert_eq!(param["resolved"], json!(true), "{method:#}");
        }
    }
}

#[test]
fn modelina_generates_a_python_and_a_go_model_for_every_realtime_v2_event() {
    let out = std::env::temp_dir().join(format!("rtwire-modelina-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let report = check(&[
        "modelina",
        "../../generated/asyncapi/realtime-v2.json",
        out.to_str().expect("UTF-8 temp path"),
    ]);
    let _ = std::fs::remove_dir_all(&out);
    assert!(report.get("error").is_none(), "{report:#}");
    let events: Vec<String> = registered()
        .iter()
        .filter(|(u, m)| m.surface == Surface::Realtime && u.info.module == "realtime/v2")
        .map(|(_, m)| rtwire_codegen::asyncapi::payload_key(m))
        .collect();
    assert!(
        events.len() > 50,
        "realtime v2 has more events than {}",
        events.len()
    );
    for language in ["python", "go"] {
        let models: BTreeSet<&str> = report[language]["models"]
            .as_array()
            .unwrap_or_else(|| panic!("no {language} models: {report:#}"))
            .iter()
            .map(|m| m["name"].as_str().expect("model name"))
            .collect();
        let missing: Vec<&String> = events
            .iter()
            .filter(|e| !models.contains(e.as_str()))
            .collect();
        assert!(missing.is_empty(), "{language}: no model for {missing:?}");
        let files = report[language]["files"].as_array().expect("files");
        assert!(
            files.len() >= events.len(),
            "{language}: {} files",
            files.len()
        );
    }
}

/// The corpus file an embedded example names (`"From tests/examples/….json."`).
fn corpus_file(text: &str) -> PathBuf {
    let path = text
        .strip_prefix("From ")
        .and_then(|t| t.strip_suffix('.'))
        .unwrap_or_else(|| panic!("an embedded example must name its corpus file: {text:?}"));
    root().join(path)
}

#[test]
fn every_asyncapi_example_is_a_corpus_file_and_validates_against_its_payload_schema() {
    let mut checked = 0;
    for file in files_in("generated/asyncapi") {
        let path = root().join(file.trim_start_matches("../../"));
        let doc = read_json(&path);
        let base = path.parent().expect("folder");
        for (key, message) in doc["components"]["messages"].as_object().expect("messages") {
            let payload = message["payload"]["$ref"].as_str().expect("payload $ref");
            let component = doc
                .pointer(&payload.replacen('#', "", 1))
                .unwrap_or_else(|| panic!("{key}: dangling {payload}"));
            assert_eq!(
                component["schemaFormat"],
                json!(rtwire_codegen::asyncapi::SCHEMA_FORMAT)
            );
            let schema_file = component["schema"]["allOf"][0]["$ref"]
                .as_str()
                .expect("file $ref");
            let schema = read_json(&base.join(schema_file));
            let validator = validator(&schema);
            let examples = message["examples"].as_array().expect("examples");
            assert!(!examples.is_empty(), "{key} has no example");
            for example in examples {
                let source = corpus_file(example["summary"].as_str().expect("summary"));
                assert_eq!(
                    example["payload"],
                    read_json(&source),
                    "{key}: {} differs from its corpus file",
                    source.display()
                );
                let errors = violations(&validator, &example["payload"]);
                assert!(
                    errors.is_empty(),
                    "{key} example {}: {errors:?}",
                    example["name"]
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "only {checked} examples checked");
}

#[test]
fn every_openrpc_example_is_a_corpus_file_and_validates_against_its_schemas() {
    let dir = root().join("generated/openrpc");
    let doc = read_json(&dir.join("app-server.json"));
    let mut checked = 0;
    for method in doc["methods"].as_array().expect("methods") {
        let name = method["name"].as_str().expect("name");
        let (unions, message) = registered()
            .into_iter()
            .find(|(_, m)| rtwire_codegen::openrpc::is_method(m) && m.wire_name == name)
            .unwrap_or_else(|| panic!("{name} is not a registered method"));
        let message_schema = read_json(
            &root()
                .join("schemas")
                .join(rtwire_codegen::schema::message_path(&unions, &message)),
        );
        let validator = validator(&message_schema);
        for example in method["examples"].as_array().expect("examples") {
            let source = read_json(&corpus_file(
                example["description"].as_str().expect("description"),
            ));
            // The params by name are exactly the example's params.
            let params: serde_json::Map<String, Value> = example["params"]
                .as_array()
                .expect("params")
                .iter()
                .map(|p| {
                    (
                        p["name"].as_str().expect("name").to_owned(),
                        p["value"].clone(),
                    )
                })
                .collect();
            let given = source.get("params").cloned();
            assert_eq!(
                given.clone().unwrap_or(json!({})),
                Value::Object(params.clone()),
                "{name} example {}",
                example["name"]
            );
            let mut rebuilt = json!({ "method": name });
            if let Some(id) = source.get("id") {
                rebuilt["id"] = id.clone();
            }
            if given.is_some() {
                rebuilt["params"] = Value::Object(params);
            }
            assert_eq!(
                rebuilt, source,
                "{name}: the example rebuilds its corpus file"
            );
            let errors = violations(&validator, &rebuilt);
            assert!(
                errors.is_empty(),
                "{name} example {}: {errors:?}",
                example["name"]
            );
            if let Some(result) = example.get("result") {
                let path = root()
                    .join("schemas")
                    .join(rtwire_codegen::schema::result_path(&unions, &message));
                let answer = json!({ "id": source["id"], "result": result["value"] });
                let errors = violations(&validator_of(&path), &answer);
                assert!(
                    errors.is_empty(),
                    "{name} result {}: {errors:?}",
                    result["name"]
                );
                checked += 1;
            }
            checked += 1;
        }
        if message.kind == Kind::Request {
            assert!(method["result"].is_object(), "{name} has no result");
            assert!(
                method["errors"].as_array().is_some_and(|e| !e.is_empty()),
                "{name} has no errors"
            );
        }
    }
    assert!(checked > 20, "only {checked} examples checked");
}

fn validator_of(path: &Path) -> jsonschema::Validator {
    validator(&read_json(path))
}

#[test]
fn the_openrpc_methods_carry_the_experimental_flag_and_the_protocol_refusals() {
    let doc = read_json(&root().join("generated/openrpc/app-server.json"));
    let method = |name: &str| {
        doc["methods"]
            .as_array()
            .expect("methods")
            .iter()
            .find(|m| m["name"] == name)
            .unwrap_or_else(|| panic!("no method {name}"))
            .clone()
    };
    let start = method("thread/realtime/start");
    assert_eq!(start["x-experimental"], json!(true));
    assert_eq!(start["paramStructure"], json!("by-name"));
    assert!(
        start["tags"]
            .as_array()
            .expect("tags")
            .iter()
            .any(|t| t["name"] == "experimental")
    );
    assert_eq!(
        start["errors"],
        json!([
            { "code": -32600, "message": "Not initialized" },
            { "code": -32600, "message": "thread/realtime/start requires experimentalApi capability" },
            { "code": -32600, "message": "thread not found: {threadId}" },
            { "code": -32600, "message": "thread {threadId} does not support realtime conversation" },
            { "code": -32602, "message": "{reason}" },
            { "code": -32603, "message": "failed to start realtime conversation: {reason}" },
            { "code": -32001, "message": "Server overloaded; retry later." },
        ])
    );
    let initialize = method("initialize");
    assert_eq!(initialize["x-experimental"], json!(false));
    assert_eq!(
        initialize["errors"],
        json!([
            { "code": -32600, "message": "Already initialized" },
            { "code": -32600, "message": "Invalid clientInfo.name: '{name}'. Must be a valid HTTP header value." },
            { "code": -32602, "message": "{reason}" },
            { "code": -32001, "message": "Server overloaded; retry later." },
        ])
    );
    // A params union (tagged on `type`) is offered by name: the tag lists the variants.
    let login = method("account/login/start");
    let names: Vec<&str> = login["params"]
        .as_array()
        .expect("params")
        .iter()
        .map(|p| p["name"].as_str().expect("name"))
        .collect();
    assert_eq!(
        names,
        [
            "type",
            "accessToken",
            "apiKey",
            "appBrand",
            "chatgptAccountId",
            "chatgptPlanType",
            "codexStreamlinedLogin",
            "region",
            "useHostedLoginSuccessPage"
        ]
    );
    assert_eq!(login["params"][0]["required"], json!(true));
    assert_eq!(login["params"][1]["required"], json!(false));
    assert_eq!(
        login["x-params-schema"],
        json!({ "$ref": "#/components/schemas/LoginAccountParams" })
    );
    let initialized = method("initialized");
    assert_eq!(initialized["params"], json!([]));
    assert!(initialized.get("result").is_none());
}

#[test]
fn the_asyncapi_documents_describe_the_connection_and_unknown_events() {
    let doc = read_json(&root().join("generated/asyncapi/realtime-v2.json"));
    assert_eq!(doc["asyncapi"], json!("3.0.0"));
    assert_eq!(doc["servers"]["openai"]["host"], json!("api.openai.com"));
    assert_eq!(doc["servers"]["openai"]["protocol"], json!("wss"));
    let channel = &doc["channels"]["realtime"];
    assert_eq!(channel["address"], json!("/v1/realtime"));
    let query: Vec<&str> = channel["bindings"]["ws"]["query"]["properties"]
        .as_object()
        .expect("query")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(query, ["call_id", "intent", "model"]);
    assert_eq!(
        channel["bindings"]["ws"]["headers"]["required"],
        json!(["Authorization"])
    );
    assert!(
        channel["description"]
            .as_str()
            .expect("description")
            .contains("keeps it as raw JSON")
    );
    assert_eq!(
        doc["operations"]["sendClientEvents"]["action"],
        json!("send")
    );
    assert_eq!(
        doc["operations"]["receiveServerEvents"]["action"],
        json!("receive")
    );
    let update = &doc["components"]["messages"]["session.update"];
    assert_eq!(update["name"], json!("session.update"));
    assert_eq!(update["x-direction"], json!("client-to-server"));
    assert_eq!(
        doc["components"]["schemas"]["SessionUpdate"]["schema"]["allOf"],
        json!([{ "$ref": "../../schemas/realtime/v2/session.update.json" }])
    );
    let v1 = read_json(&root().join("generated/asyncapi/realtime-v1.json"));
    assert_eq!(
        v1["channels"]["realtime"]["bindings"]["ws"]["headers"]["required"],
        json!(["Authorization", "openai-alpha"])
    );
}

#[test]
fn every_registered_message_has_a_reference_section_with_its_example() {
    let docs = root().join("generated/docs");
    let corpus = Corpus::load(&root()).expect("the corpus loads");
    let mut count = 0;
    for (union, message) in registered() {
        let page = rtwire_codegen::reference::page_of(union.info.module, &message);
        let text =
            std::fs::read_to_string(docs.join(&page)).unwrap_or_else(|e| panic!("{page}: {e}"));
        let anchor = format!(
            "<a id=\"{}\"></a>",
            rtwire_codegen::reference::anchor(&message)
        );
        let start = text
            .find(&anchor)
            .unwrap_or_else(|| panic!("{page} has no section for {}", message.wire_name));
        let section = &text[start..];
        let end = section[anchor.len()..]
            .find("<a id=")
            .map_or(section.len(), |i| i + anchor.len());
        let section = &section[..end];
        assert!(
            section.contains(&format!("### `{}`", message.wire_name)),
            "{page}: {}",
            message.wire_name
        );
        let arrow = match message.direction {
            Direction::ClientToServer => "**client → server**",
            Direction::ServerToClient => "**server → client**",
        };
        assert!(
            section.contains(arrow),
            "{page}: {} has no direction",
            message.wire_name
        );
        let doc = message_doc(&union, &message).expect("documented");
        assert!(
            section.contains(&doc.description),
            "{page}: {} has no description",
            message.wire_name
        );
        let example = corpus
            .of(&message)
            .expect("has examples")
            .canonical()
            .expect("canonical");
        assert!(
            section.contains(&format!("```json\n{}\n```", example.text)),
            "{page}: {} lacks its example",
            message.wire_name
        );
        count += 1;
    }
    assert!(count > 90, "only {count} messages");
    let index = std::fs::read_to_string(docs.join("README.md")).expect("index");
    for page in [
        "realtime-v1.md",
        "realtime-v2.md",
        "app-server-v1.md",
        "app-server-v2.md",
        "app-server-sessions.md",
    ] {
        assert!(
            index.contains(&format!("]({page})")),
            "the index does not link {page}"
        );
    }
}

#[test]
fn the_session_diagrams_draw_every_line_of_every_session_file() {
    let text = std::fs::read_to_string(root().join("generated/docs/app-server-sessions.md"))
        .expect("sessions page");
    let corpus = Corpus::load(&root()).expect("corpus");
    assert!(corpus.sessions.len() >= 3);
    for (name, session) in &corpus.sessions {
        let start = text
            .find(&format!("## `{name}`"))
            .unwrap_or_else(|| panic!("no diagram for {name}"));
        let diagram = &text[start..];
        let diagram = &diagram[..diagram.find("\n```\n").expect("closed fence")];
        let arrows: Vec<&str> = diagram.lines().filter(|l| l.contains(">>")).collect();
        let lines: Vec<&str> = session.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(arrows.len(), lines.len(), "{name}");
        for (arrow, line) in arrows.iter().zip(&lines) {
            let record: Value = serde_json::from_str(line).expect("JSON line");
            let prefix = if record["from"] == "client" {
                "    C-"
            } else {
                "    S-"
            };
            assert!(arrow.starts_with(prefix), "{name}: {arrow} for {line}");
            if let Some(method) = record["message"]["method"].as_str() {
                assert!(arrow.contains(method), "{name}: {arrow} for {line}");
            }
        }
    }
    assert!(text.contains("    C->>S: initialize id 1\n    S-->>C: result id 1\n    C-->>S: initialized (notification)\n"));
}

#[test]
fn catalog_entries_link_each_message_to_its_views() {
    let catalog = read_json(&root().join("schemas/catalog.json"));
    let base = root().join("schemas");
    for entry in catalog["messages"].as_array().expect("messages") {
        let name = entry["wire_name"].as_str().expect("wire name");
        let reference = entry["reference"]
            .as_str()
            .unwrap_or_else(|| panic!("{name}: no reference link"));
        let (page, anchor) = reference.split_once('#').expect("anchor");
        let text =
            std::fs::read_to_string(base.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"));
        assert!(
            text.contains(&format!("<a id=\"{anchor}\"></a>")),
            "{reference}"
        );
        if let Some(link) = entry.get("asyncapi") {
            let (file, pointer) = link
                .as_str()
                .expect("string")
                .split_once('#')
                .expect("pointer");
            let doc = read_json(&base.join(file));
            let message = doc
                .pointer(pointer)
                .unwrap_or_else(|| panic!("{link}: dangling"));
            assert_eq!(message["name"], json!(name));
        }
        if let Some(link) = entry.get("openrpc") {
            let doc = read_json(&base.join(link["document"].as_str().expect("document")));
            assert!(
                doc["methods"]
                    .as_array()
                    .expect("methods")
                    .iter()
                    .any(|m| m["name"] == link["method"]),
                "{link}"
            );
        }
        let expect_asyncapi = entry["surface"] == "realtime"
            || (entry["kind"] == "notification" && entry["direction"] == "server-to-client");
        assert_eq!(entry.get("asyncapi").is_some(), expect_asyncapi, "{name}");
        let expect_openrpc =
            entry["surface"] == "app-server" && entry["direction"] == "client-to-server";
        assert_eq!(entry.get("openrpc").is_some(), expect_openrpc, "{name}");
    }
}

#[test]
fn a_registry_entry_without_an_example_fails_generation_naming_it() {
    let (_, message) = registered()
        .into_iter()
        .find(|(_, m)| {
            m.wire_name == "session.update" && m.version == rtwire_protocol::registry::Version::V2
        })
        .expect("registered");
    assert_eq!(
        Corpus::default().of(&message).unwrap_err(),
        "registry entry realtime v2 client-to-server `session.update` has no canonical example: add tests/examples/realtime/v2/session.update/<case>.json"
    );
}

#[test]
fn a_registry_entry_without_a_doc_comment_fails_generation_naming_it() {
    let (union, message) = registered()
        .into_iter()
        .find(|(_, m)| {
            m.wire_name == "input_audio_buffer.append"
                && m.version == rtwire_protocol::registry::Version::V2
        })
        .expect("registered");
    let mut union = UnionSchema::of(union.info);
    message_doc(&union, &message).expect("documented");
    let def = union.type_name(&message).expect("payload type");
    union.view["$defs"][&def]
        .as_object_mut()
        .expect("definition")
        .remove("description");
    assert_eq!(
        message_doc(&union, &message).unwrap_err(),
        "registry entry realtime v2 client-to-server `input_audio_buffer.append`: its type InputAudioBufferAppend has no doc comment; document it in rtwire-protocol"
    );
}

#[test]
fn every_link_in_the_reference_resolves() {
    let docs = root().join("generated/docs");
    let mut pages = 0;
    for entry in std::fs::read_dir(&docs).expect("generated/docs") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("page");
        let ids: BTreeSet<&str> = text
            .split("<a id=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        for link in text.split("](").skip(1) {
            let target = link.split(')').next().expect("link");
            let (file, anchor) = target.split_once('#').unwrap_or((target, ""));
            if file.is_empty() {
                assert!(
                    ids.contains(anchor),
                    "{}: no anchor #{anchor}",
                    path.display()
                );
            } else {
                assert!(
                    docs.join(file).exists(),
                    "{}: no file {file}",
                    path.display()
                );
                if !anchor.is_empty() {
                    let other = std::fs::read_to_string(docs.join(file)).expect("linked page");
                    assert!(
                        other.contains(&format!("<a id=\"{anchor}\"></a>")),
                        "{}: {target}",
                        path.display()
                    );
                }
            }
        }
        pages += 1;
    }
    assert!(pages >= 6, "{pages} pages");
}
