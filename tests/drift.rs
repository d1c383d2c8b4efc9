//! The checked-in `schemas/` and `generated/typescript/` are exactly what the registry generates.

use rtwire_codegen::check::{drift, report};
use std::path::PathBuf;

#[test]
fn checked_in_files_match_the_registry() {
    let generated = rtwire_codegen::generate();
    let (drift, existing) =
        drift(&rtwire_tests::root(), &generated).expect("generated folders are readable");
    assert!(
        drift.is_clean(),
        "{}",
        report(&drift, &generated, &existing)
    );
}

#[test]
fn generation_is_byte_identical_across_runs() {
    assert_eq!(rtwire_codegen::generate(), rtwire_codegen::generate());
}

#[test]
fn every_generated_file_names_the_command_that_regenerates_it() {
    for (path, bytes) in rtwire_codegen::generate() {
        let text = String::from_utf8(bytes).expect("generated files are UTF-8");
        assert!(
            text.contains("cargo codegen"),
            "{} has no header",
            path.display()
        );
        assert!(!text.contains('\r'), "{} has a CR", path.display());
        assert!(
            text.ends_with('\n'),
            "{} lacks a final newline",
            path.display()
        );
    }
}

#[test]
fn no_generated_typescript_mentions_bigint() {
    for (path, bytes) in rtwire_codegen::generate() {
        if path.extension().is_some_and(|e| e == "ts") {
            assert!(
                !String::from_utf8_lossy(&bytes).contains("bigint"),
                "{} mentions bigint",
                path.display()
            );
        }
    }
}

/// A scratch workspace root under the target folder, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("rtwire-drift-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn check_names_changed_deleted_and_stale_files_and_write_restores_a_clean_tree() {
    let scratch = Scratch::new("check");
    let generated = rtwire_codegen::generate();
    rtwire_codegen::write(&scratch.0, &generated).expect("write");
    assert!(drift(&scratch.0, &generated).expect("read").0.is_clean());

    let changed = PathBuf::from("schemas/realtime/v2/ServerEvent.json");
    let deleted = PathBuf::from("generated/typescript/realtime/v2/ServerEvent.d.ts");
    let stale = PathBuf::from("schemas/realtime/v2/Stale.json");
    let text = std::fs::read_to_string(scratch.0.join(&changed)).expect("read");
    std::fs::write(
        scratch.0.join(&changed),
        text.replace("\"delta\"", "\"delta_renamed\""),
    )
    .expect("write");
    std::fs::remove_file(scratch.0.join(&deleted)).expect("remove");
    std::fs::write(scratch.0.join(&stale), "{}\n").expect("write");

    let (found, existing) = drift(&scratch.0, &generated).expect("read");
    assert_eq!(found.added, vec![deleted.clone()]);
    assert_eq!(found.changed, vec![changed.clone()]);
    assert_eq!(found.removed, vec![stale.clone()]);
    let text = report(&found, &generated, &existing);
    assert!(
        text.contains(
            "added:   generated/typescript/realtime/v2/ServerEvent.d.ts (missing on disk)"
        ),
        "{text}"
    );
    assert!(
        text.contains("changed: schemas/realtime/v2/ServerEvent.json"),
        "{text}"
    );
    assert!(
        text.contains("removed: schemas/realtime/v2/Stale.json (no longer generated)"),
        "{text}"
    );
    assert!(
        text.contains("-        \"delta_renamed\": {\n+        \"delta\": {"),
        "{text}"
    );
    assert!(
        text.contains("Run `cargo codegen` to regenerate them"),
        "{text}"
    );

    let written = rtwire_codegen::write(&scratch.0, &generated).expect("write");
    assert_eq!(written.written, vec![deleted, changed]);
    assert_eq!(written.removed, vec![stale]);
    assert!(drift(&scratch.0, &generated).expect("read").0.is_clean());
}

/// Every line of a generated TypeScript or JSON file under `generated/` and `schemas/` that
/// carries Rust intra-doc link syntax (`` [`Foo`] ``), a Rust path in a code span
/// (`` `Foo::bar` ``) or a reference to a document outside the repository (`spec §`).
fn rust_or_outside_references(dir: &std::path::Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).expect("generated folder is readable") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_or_outside_references(&path, out);
            continue;
        }
        let name = path.to_string_lossy();
        if !(name.ends_with(".ts") || name.ends_with(".json")) {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("generated files are UTF-8");
        for (number, line) in text.lines().enumerate() {
            let intra_doc = line.split("[`").skip(1).any(|after| {
                after
                    .split_once("`]")
                    .is_some_and(|(name, _)| !name.contains('`'))
            });
            let rust_path = line.split('`').skip(1).step_by(2).any(|span| {
                span.split_once("::").is_some_and(|(a, b)| {
                    a.chars().all(|c| c.is_alphanumeric() || c == '_')
                        && !a.is_empty()
                        && b.starts_with(|c: char| c.is_alphabetic())
                })
            });
            if intra_doc || rust_path || line.contains("spec §") || line.contains("shared/spec") {
                out.push(format!(
                    "{}:{}: {}",
                    path.display(),
                    number + 1,
                    line.trim()
                ));
            }
        }
    }
}

#[test]
fn generated_typescript_and_schemas_carry_no_rust_links_or_outside_references() {
    let root = rtwire_tests::root();
    let mut found = vec![];
    for dir in ["generated", "schemas"] {
        rust_or_outside_references(&root.join(dir), &mut found);
    }
    assert!(
        found.is_empty(),
        "{} generated line(s) with Rust doc syntax or an outside reference:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_reference_check_finds_intra_doc_links_rust_paths_and_spec_references() {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::write(
        dir.path().join("a.d.ts"),
        "/** See [`Tracing`]. */\n/** Uses `ErrorEvent::display_message`. */\n/** (spec §4.7) */\n/** plain `a` and [b] */\n",
    )
    .expect("write");
    let mut found = vec![];
    rust_or_outside_references(dir.path(), &mut found);
    let lines: Vec<&str> = found
        .iter()
        .map(|l| l.rsplit_once(": ").map_or("", |(_, line)| line))
        .collect();
    assert_eq!(
        lines,
        [
            "/** See [`Tracing`]. */",
            "/** Uses `ErrorEvent::display_message`. */",
            "/** (spec §4.7) */"
        ]
    );
}
