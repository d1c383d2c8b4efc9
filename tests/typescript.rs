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

#[test]
fn declarations_are_rewritten_on_the_syntax_tree_and_formatted() {
    // Unused imports go, optional members accept `undefined` (parenthesized where needed,
    // `never` left alone), open enums keep their literals, imports are relocated, and the
    // result is laid out like hand-written TypeScript.
    let source = "// h\n\nimport type { A } from \"./A.js\";\nimport type { Unused } from \"./Unused.js\";\n\n/**\n * T.\n */\nexport type T = { \n/**\n * a.\n */\na?: A | null, f?: () => void, c?: string, n?: never, u?: string | undefined, voice: \"alloy\" | \"ash\" | string, id: number | string, };\n";
    let (text, kept) =
        rtwire_codegen::ts_rewrite::rewrite(Path::new("x/T.d.ts"), source, &|spec| {
            spec.replace("./", "../")
        });
    assert_eq!(
        text,
        r#"// h

import type { A } from "../A.js";

/**
 * T.
 */
export type T = {
  /**
   * a.
   */
  a?: A | null | undefined;
  f?: (() => void) | undefined;
  c?: string | undefined;
  n?: never;
  u?: string | undefined;
  voice: "alloy" | "ash" | (string & {});
  id: number | string;
};
"#
    );
    assert_eq!(kept, vec![("A".to_owned(), "../A.js".to_owned())]);
    let (again, _) =
        rtwire_codegen::ts_rewrite::rewrite(Path::new("x/T.d.ts"), &text, &|spec| spec.to_owned());
    assert_eq!(again, text, "rewriting is idempotent");
}

/// The generated package files, by path under `generated/typescript/`.
fn package_files() -> Vec<(PathBuf, String)> {
    rtwire_codegen::generate()
        .into_iter()
        .filter_map(|(path, bytes)| {
            let path = path
                .strip_prefix("generated/typescript")
                .ok()?
                .to_path_buf();
            Some((path, String::from_utf8(bytes).expect("UTF-8")))
        })
        .collect()
}

#[test]
fn every_declaration_file_has_a_javascript_module_and_no_typescript_source_is_shipped() {
    let files = package_files();
    let paths: std::collections::BTreeSet<String> = files
        .iter()
        .map(|(p, _)| p.to_string_lossy().into_owned())
        .collect();
    let mut declarations = 0;
    for path in &paths {
        if let Some(stem) = path.strip_suffix(".d.ts") {
            declarations += 1;
            assert!(paths.contains(&format!("{stem}.js")), "{path} has no .js");
        } else if let Some(stem) = path.strip_suffix(".js") {
            assert!(
                paths.contains(&format!("{stem}.d.ts")),
                "{path} has no .d.ts"
            );
        } else {
            assert!(
                path == "package.json" || path == "README.md",
                "unexpected file {path}"
            );
        }
    }
    assert!(declarations > 100, "{declarations} declaration files");
    // The runtime decoders (and their shared `runtime.js`) are the only value modules; every
    // other `.js` is the empty module beside a declaration file.
    let decoders: std::collections::BTreeMap<PathBuf, String> = unions()
        .iter()
        .map(|u| {
            let name = rtwire_codegen::ts_runtime::decoder_name(u.info.name);
            (rtwire_codegen::ts_runtime::decoder_path(u), name)
        })
        .collect();
    for (path, text) in &files {
        if !path.extension().is_some_and(|e| e == "js") {
            continue;
        }
        if let Some(name) = decoders.get(path) {
            let export = format!("export const {name} = makeDecoder(");
            assert!(
                text.contains(&export),
                "{} lacks `{export}`",
                path.display()
            );
        } else if path == Path::new("runtime.js") {
            assert!(
                text.contains("export function makeDecoder("),
                "runtime.js lacks makeDecoder"
            );
        } else {
            assert!(
                text.ends_with("\n\nexport {};\n"),
                "{} exports a value",
                path.display()
            );
        }
    }
}

#[test]
fn no_open_enum_collapses_to_string_and_every_optional_member_accepts_undefined() {
    let mut open_enums = 0;
    let mut optional = 0;
    for (path, text) in package_files() {
        if !path.to_string_lossy().ends_with(".d.ts") {
            continue;
        }
        for line in text.lines().map(str::trim) {
            // A union of string literals whose free branch is a bare `string` collapses to
            // `string` in editors.
            assert!(
                !(line.starts_with("| string") && text.contains("| \"")),
                "{}: {line}",
                path.display()
            );
            open_enums += usize::from(line.contains("(string & {})"));
            if let Some((name, ty)) = line.split_once("?: ") {
                if name.contains(' ') || !line.ends_with(';') {
                    continue;
                }
                optional += 1;
                assert!(
                    ty.ends_with("| undefined;") || ty == "never;",
                    "{}: {line}",
                    path.display()
                );
            }
        }
    }
    assert!(open_enums >= 10, "{open_enums} open enums");
    assert!(optional > 100, "{optional} optional members");
}

#[test]
fn package_json_exports_every_folder_and_file_with_types_first() {
    let files = package_files();
    let text = &files
        .iter()
        .find(|(p, _)| p == Path::new("package.json"))
        .expect("package.json")
        .1;
    let value: Value = serde_json::from_str(text).expect("JSON");
    let folder = |prefix: &str| serde_json::json!({ "types": format!("{prefix}index.d.ts"), "default": format!("{prefix}index.js") });
    let exports = &value["exports"];
    assert_eq!(exports["."], folder("./"));
    for sub in [
        "realtime",
        "realtime/v1",
        "realtime/v2",
        "app-server",
        "app-server/v1",
        "app-server/v2",
    ] {
        assert_eq!(
            exports[format!("./{sub}")],
            folder(&format!("./{sub}/")),
            "{sub}"
        );
    }
    assert_eq!(
        exports["./*.js"],
        serde_json::json!({ "types": "./*.d.ts", "default": "./*.js" })
    );
    // Conditions are matched in order: `types` must come before `default`.
    assert!(text.contains(
        "\".\": {\n      \"types\": \"./index.d.ts\",\n      \"default\": \"./index.js\"\n    }"
    ));
    assert_eq!(value["type"], "module");
    assert_eq!(value["sideEffects"], false);
    assert_eq!(value["types"], "./index.d.ts");
    assert_eq!(value["license"], "MIT OR Apache-2.0");
    assert_eq!(value["files"], serde_json::json!(["**/*.d.ts", "**/*.js"]));
    assert_eq!(
        value["peerDependencies"],
        serde_json::json!({ "typescript": ">=5.0" })
    );
    assert_eq!(
        value["peerDependenciesMeta"],
        serde_json::json!({ "typescript": { "optional": true } })
    );
    assert!(value["repository"]["url"].is_string() && value["engines"]["node"].is_string());
}

#[test]
fn each_version_namespace_exports_its_error_event_and_the_tag_helpers() {
    let files: std::collections::BTreeMap<PathBuf, String> = package_files().into_iter().collect();
    for version in ["v1", "v2"] {
        let index = &files[&PathBuf::from(format!("realtime/{version}/index.d.ts"))];
        assert!(
            index.contains("export type { ErrorEvent } from \"../ErrorEvent.js\";"),
            "realtime/{version}/index.d.ts:\n{index}"
        );
        let server = &files[&PathBuf::from(format!("realtime/{version}/ServerEvent.d.ts"))];
        assert!(server.contains(
            "export type ServerEventOf<T extends ServerEvent[\"type\"]> = Extract<ServerEvent, { type: T }>;"
        ));
    }
    let methods = &files[&PathBuf::from("app-server/ClientMethods.d.ts")];
    assert!(methods.contains(
        "export type RequestOf<M extends keyof ClientRequestMap> = Extract<ClientMessage, { method: M }>;"
    ), "{methods}");
    let root = &files[&PathBuf::from("index.d.ts")];
    assert!(
        root.contains("export type * from \"./JsonValue.js\";"),
        "{root}"
    );
    assert!(!files.keys().any(|p| p.starts_with("serde_json")));
}
