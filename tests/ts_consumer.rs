//! `@rtwire/protocol` as a TypeScript user installs it: `npm pack` of `generated/typescript`,
//! installed into a scratch project, then a realistic client (`tests/ts/consumer/client.ts`,
//! plus an exhaustive switch over every realtime v2 server event generated from the registry)
//!
//! * compiles under `@tsconfig/strictest` (`noUnusedLocals`, `exactOptionalPropertyTypes`,
//!   `skipLibCheck: false`, …) with NodeNext resolution, and runs with node (value imports of
//!   the root and of a deep path resolve at run time);
//! * compiles with bundler resolution, is bundled by esbuild, and the bundle runs;
//! * runs under tsx;
//! * compiles with the oldest supported compiler, TypeScript 5.0;
//! * the package README's example compiles, and a CommonJS module can `import type` the types;
//! * a value import of a type-only name fails to compile with the compiler's usual error.
//!
//! The npm packages come from `tests/ts/package-lock.json` (see `rtwire_tests::node`).

use rtwire_protocol::registry::{Direction, Surface, Version};
use rtwire_tests::node::{install, node, package_file, run, run_status};
use rtwire_tests::root;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The scratch project, set up once: the packed package installed, the client and its
/// configurations written.
fn project() -> &'static Path {
    static PROJECT: OnceLock<PathBuf> = OnceLock::new();
    PROJECT.get_or_init(setup)
}

fn setup() -> PathBuf {
    let tools = install();
    let package = root().join("generated/typescript");
    assert_package_is_fresh(&package);
    let dir = tools.join(".generated/consumer");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create the scratch project");
    let packed = run(
        Command::new("npm")
            .args(["pack", "--json", "--pack-destination"])
            .arg(&dir)
            .arg(&package)
            .current_dir(&dir),
        "npm pack generated/typescript",
    );
    let packed: Value = serde_json::from_str(packed.trim()).expect("npm pack --json prints JSON");
    let tarball = packed[0]["filename"]
        .as_str()
        .expect("a tarball")
        .to_owned();
    write_json(
        &dir.join("package.json"),
        &json!({ "name": "rtwire-consumer", "private": true, "type": "module" }),
    );
    run(
        Command::new("npm")
            .args([
                "install",
                "--offline",
                "--no-audit",
                "--no-fund",
                "--no-package-lock",
            ])
            .arg(format!("./{tarball}"))
            .current_dir(&dir),
        "npm install of the packed package",
    );
    for file in ["client.ts", "value-import.ts", "types-from-commonjs.cts"] {
        std::fs::copy(tools.join("consumer").join(file), dir.join(file)).expect("copy the client");
    }
    std::fs::write(dir.join("events.ts"), exhaustive_switch()).expect("write events.ts");
    std::fs::write(dir.join("readme.ts"), readme_example(&package)).expect("write readme.ts");
    let strictest = |options: Value, include: &[&str]| {
        let mut options = options;
        let extra = json!({
            "target": "ES2022", "skipLibCheck": false, "verbatimModuleSyntax": true,
            "isolatedModules": true, "types": [], "lib": ["ES2022", "DOM"]
        });
        for (k, v) in extra.as_object().expect("object") {
            options[k] = v.clone();
        }
        json!({ "extends": "@tsconfig/strictest/tsconfig.json", "compilerOptions": options, "include": include })
    };
    let client = ["client.ts", "events.ts"];
    write_json(
        &dir.join("tsconfig.nodenext.json"),
        &strictest(
            json!({ "module": "NodeNext", "moduleResolution": "NodeNext", "outDir": "dist" }),
            &client,
        ),
    );
    write_json(
        &dir.join("tsconfig.bundler.json"),
        &strictest(
            json!({ "module": "ESNext", "moduleResolution": "Bundler", "noEmit": true }),
            &client,
        ),
    );
    write_json(
        &dir.join("tsconfig.value-import.json"),
        &strictest(
            json!({ "module": "NodeNext", "moduleResolution": "NodeNext", "noEmit": true }),
            &["value-import.ts"],
        ),
    );
    write_json(
        &dir.join("tsconfig.commonjs.json"),
        &strictest(
            json!({ "module": "NodeNext", "moduleResolution": "NodeNext", "noEmit": true }),
            &["types-from-commonjs.cts"],
        ),
    );
    write_json(
        &dir.join("tsconfig.readme.json"),
        &strictest(
            json!({ "module": "NodeNext", "moduleResolution": "NodeNext", "noEmit": true }),
            &["readme.ts"],
        ),
    );
    dir
}

/// The TypeScript example of the package's README, with the two functions it calls declared.
fn readme_example(package: &Path) -> String {
    let readme = std::fs::read_to_string(package.join("README.md")).expect("the package README");
    let start = readme.find("```ts\n").expect("a TypeScript example") + "```ts\n".len();
    let end = start + readme[start..].find("```").expect("the example ends");
    format!(
        "{}\ndeclare function play(delta: string): void;\ndeclare function stopPlayback(): void;\n",
        &readme[start..end]
    )
}

fn write_json(path: &Path, value: &Value) {
    std::fs::write(
        path,
        serde_json::to_string_pretty(value).expect("JSON") + "\n",
    )
    .expect("write JSON");
}

/// The package on disk is what codegen generates now (else `cargo codegen` was not run).
fn assert_package_is_fresh(package: &Path) {
    let generated = rtwire_codegen::generate();
    let prefix = Path::new("generated/typescript");
    let (drift, _) = rtwire_codegen::check::drift(&root(), &generated).expect("readable");
    let stale: Vec<_> = [&drift.added, &drift.removed, &drift.changed]
        .into_iter()
        .flatten()
        .filter(|p| p.starts_with(prefix))
        .collect();
    assert!(
        stale.is_empty(),
        "{} is stale (run `cargo codegen`): {stale:?}",
        package.display()
    );
}

/// `events.ts`: `describe(event)` switches over every realtime v2 server event of the registry,
/// with a `never` check, so that the union and the registry agree on the list of events.
fn exhaustive_switch() -> String {
    let mut tags: Vec<&str> = rtwire_protocol::registry::unions()
        .into_iter()
        .filter(|u| {
            u.surface == Surface::Realtime
                && u.version == Some(Version::V2)
                && u.direction == Direction::ServerToClient
        })
        .flat_map(|u| (u.messages)())
        .map(|m| m.wire_name)
        .collect();
    tags.sort();
    assert!(tags.len() > 20, "the v2 server events: {tags:?}");
    let mut text = String::from(
        "// Generated by tests/ts_consumer.rs from the registry: every realtime v2 server event.\n\
         import type { ServerEvent } from \"@rtwire/protocol/realtime/v2\";\n\n\
         export function describe(event: ServerEvent): string {\n  switch (event.type) {\n",
    );
    for tag in &tags {
        text.push_str(&format!("    case {tag:?}:\n"));
    }
    text.push_str(
        "      return `${event.type} (${Object.keys(event).length} members)`;\n    default: {\n      const unreachable: never = event;\n      return unreachable;\n    }\n  }\n}\n",
    );
    text
}

fn tsc(compiler: &str, config: &str) -> (bool, String) {
    let dir = project();
    run_status(
        &mut node(
            dir,
            &package_file(&format!("{compiler}/bin/tsc")),
            &["--project", config, "--pretty", "false"],
        ),
        &format!("{compiler} --project {config}"),
    )
}

/// What the client prints, whichever way it is built and run.
const CLIENT_OUTPUT: &str = r#"response.output_audio.delta (6 members)
error (2 members)
response.output_audio.delta 8 base64 chars
Unknown parameter.
{"type":"session.update","event_id":"evt_client_1","session":{"type":"realtime","model":"gpt-realtime","output_modalities":["audio"],"audio":{"input":{"format":{"type":"audio/pcm","rate":24000},"transcription":{"model":"gpt-4o-transcribe","language":"en"},"noise_reduction":{"type":"near_field"},"turn_detection":{"type":"server_vad","threshold":0.5,"silence_duration_ms":500,"create_response":true}},"output":{"format":{"type":"audio/pcm","rate":24000},"voice":"marin"}},"tools":[{"type":"function","name":"lookup_order","description":"Looks an order up by its number.","parameters":{"type":"object","properties":{"order":{"type":"string"}},"required":["order"]}}],"tool_choice":"auto"}}
{"id":1,"method":"thread/realtime/start","params":{"threadId":"0199a8d2-6d3e-7c31-9f5e-2b7c4e1a9f00","prompt":"Keep answers short.","outputModality":"audio","voice":"marin"}}
{}
value exports: 0
"#;

#[test]
fn npm_pack_ships_only_declarations_javascript_modules_readme_and_package_json() {
    install();
    let listed = run(
        Command::new("npm")
            .args(["pack", "--dry-run", "--json"])
            .current_dir(root().join("generated/typescript")),
        "npm pack --dry-run",
    );
    let listed: Value = serde_json::from_str(listed.trim()).expect("JSON");
    let mut files: Vec<String> = listed[0]["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["path"].as_str().expect("path").to_owned())
        .collect();
    files.sort();
    let mut expected: Vec<String> = rtwire_codegen::generate()
        .into_keys()
        .filter_map(|p| {
            p.strip_prefix("generated/typescript")
                .ok()
                .map(|p| p.to_string_lossy().into_owned())
        })
        .collect();
    expected.sort();
    assert_eq!(files, expected);
    assert!(
        files.iter().all(|f| f.ends_with(".d.ts")
            || f.ends_with(".js")
            || f == "package.json"
            || f == "README.md"),
        "{files:?}"
    );
    assert!(
        files.iter().any(|f| f == "realtime/v2/ServerEvent.d.ts"),
        "{files:?}"
    );
}

#[test]
fn the_client_compiles_under_strictest_with_nodenext_and_runs_with_node() {
    let (ok, out) = tsc("typescript", "tsconfig.nodenext.json");
    assert!(ok && out.trim().is_empty(), "{out}");
    let ran = run(
        &mut node(project(), Path::new("dist/client.js"), &[]),
        "node dist/client.js",
    );
    assert_eq!(ran, CLIENT_OUTPUT);
}

#[test]
fn the_client_compiles_with_bundler_resolution_and_its_esbuild_bundle_runs() {
    let (ok, out) = tsc("typescript", "tsconfig.bundler.json");
    assert!(ok && out.trim().is_empty(), "{out}");
    let dir = project();
    let script = "import { build } from \"esbuild\";\n\
        await build({ entryPoints: [\"client.ts\"], bundle: true, format: \"esm\", platform: \"node\", outfile: \"bundle/client.mjs\", logLevel: \"error\" });\n";
    std::fs::write(dir.join("bundle.mjs"), script).expect("write bundle.mjs");
    // esbuild is resolved from tests/ts/node_modules, above the scratch project.
    run(&mut node(dir, Path::new("bundle.mjs"), &[]), "esbuild");
    let ran = run(
        &mut node(dir, Path::new("bundle/client.mjs"), &[]),
        "node bundle/client.mjs",
    );
    assert_eq!(ran, CLIENT_OUTPUT);
}

#[test]
fn the_client_runs_under_tsx() {
    let tsx = package_file("tsx/dist/cli.mjs");
    let ran = run(&mut node(project(), &tsx, &["client.ts"]), "tsx client.ts");
    assert_eq!(ran, CLIENT_OUTPUT);
}

#[test]
fn the_oldest_supported_typescript_5_0_compiles_the_client() {
    let (ok, out) = tsc("typescript-5.0", "tsconfig.bundler.json");
    assert!(ok && out.trim().is_empty(), "{out}");
    let version = run(
        &mut node(
            project(),
            &package_file("typescript-5.0/bin/tsc"),
            &["--version"],
        ),
        "tsc --version",
    );
    assert_eq!(version.trim(), "Version 5.0.4");
}

#[test]
fn the_package_readme_example_compiles_under_strictest() {
    let (ok, out) = tsc("typescript", "tsconfig.readme.json");
    assert!(ok && out.trim().is_empty(), "{out}");
}

#[test]
fn a_commonjs_module_imports_the_types_with_import_type() {
    let (ok, out) = tsc("typescript", "tsconfig.commonjs.json");
    assert!(ok && out.trim().is_empty(), "{out}");
}

#[test]
fn a_value_import_of_a_type_only_name_is_a_compile_error() {
    let (ok, out) = tsc("typescript", "tsconfig.value-import.json");
    assert!(!ok, "the value import compiled:\n{out}");
    assert_eq!(
        out.trim(),
        "value-import.ts(3,1): error TS6133: 'ServerEvent' is declared but its value is never read.\n\
         value-import.ts(3,10): error TS1484: 'ServerEvent' is a type and must be imported using a type-only import when 'verbatimModuleSyntax' is enabled.\n\
         value-import.ts(5,13): error TS2693: 'ServerEvent' only refers to a type, but is being used as a value here."
    );
}
