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
