//! `cargo codegen` refuses to publish a registered message that has no canonical example: it
//! exits 2 and names the entry and the file to add, instead of writing an empty section.

use std::path::{Path, PathBuf};
use std::process::Command;

fn copy_dir(from: &Path, to: &Path, skip: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read folder") {
        let entry = entry.expect("entry");
        let path = entry.path();
        if path == skip {
            continue;
        }
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target, skip);
        } else {
            std::fs::copy(&path, &target).expect("copy file");
        }
    }
}

#[test]
fn a_registered_message_without_an_example_stops_generation_with_exit_2_naming_it() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace");
    let scratch: PathBuf =
        std::env::temp_dir().join(format!("rtwire-publish-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    let examples = workspace.join("tests/examples");
    copy_dir(
        &examples,
        &scratch.join("tests/examples"),
        &examples.join("realtime/v2/input_audio_buffer.clear"),
    );
    std::fs::write(scratch.join("Cargo.toml"), "[workspace]\n").expect("manifest");
    let output = Command::new(env!("CARGO_BIN_EXE_rtwire-codegen"))
        .arg("--root")
        .arg(&scratch)
        .arg("check")
        .output()
        .expect("the codegen binary runs");
    let _ = std::fs::remove_dir_all(&scratch);
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: cannot generate: registry entry realtime v2 client-to-server `input_audio_buffer.clear` has no canonical example: add tests/examples/realtime/v2/input_audio_buffer.clear/<case>.json\n"
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
}
