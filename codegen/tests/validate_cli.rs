//! `cargo codegen validate` as a real process: arguments, standard streams and exit status.
//! The reports themselves are tested in-process by `tests/tests/validate.rs`.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/validate");

fn codegen(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rtwire-codegen"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn the_binary_exits_0_1_and_2_for_valid_invalid_and_usage_errors() {
    let valid = format!("{FIXTURES}/realtime/v2/ServerEvent/valid.jsonl");
    let output = codegen(&["validate", "realtime/v2/ServerEvent", &valid], b"");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        "4 message(s) in 1 input(s): 4 valid, 0 invalid, 0 unknown, 0 disagreement(s)\n"
    );

    let invalid = format!("{FIXTURES}/app-server/ServerMessage/invalid.jsonl");
    let output = codegen(
        &[
            "validate",
            "--format",
            "json",
            "app-server/ServerMessage",
            &invalid,
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(1));
    let last: serde_json::Value =
        serde_json::from_str(stdout(&output).lines().last().unwrap()).unwrap();
    assert_eq!(
        (&last["kind"], &last["invalid"], &last["exit_code"]),
        (&"summary".into(), &8.into(), &1.into())
    );

    let output = codegen(&["validate", "ServerEvent"], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .starts_with("error: unknown union `ServerEvent`; the unions are:\n")
    );

    let output = codegen(
        &["validate", "realtime/v2/ServerEvent", "--format", "yaml"],
        b"",
    );
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn the_binary_reads_standard_input_and_strict_fails_unknown_messages() {
    let input = b"{\"type\":\"transcription_session.update\"}\n";
    let output = codegen(&["validate", "realtime/v1/ClientEvent"], input);
    assert_eq!(output.status.code(), Some(0));
    let output = codegen(
        &["validate", "--strict", "realtime/v1/ClientEvent", "-"],
        input,
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        "<stdin>:1: unknown: transcription_session.update: not part of this version of the protocol (kept as raw JSON; a failure with --strict)\n\
         1 message(s) in 1 input(s): 0 valid, 0 invalid, 1 unknown, 0 disagreement(s) (--strict: unknown messages fail)\n"
    );
}

#[test]
fn the_long_help_documents_blank_lines_and_the_exit_status() {
    let output = codegen(&["validate", "--help"], b"");
    assert_eq!(output.status.code(), Some(0));
    let help = stdout(&output);
    assert!(help.contains("a blank (empty or whitespace-only) line: skipped, not counted as a message, never a failure"), "{help}");
    assert!(
        help.contains("Exit status: 0 when every message is valid"),
        "{help}"
    );
}
