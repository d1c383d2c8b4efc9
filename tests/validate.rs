//! `cargo codegen validate` on the fixtures under `tests/fixtures/validate/<union>/`:
//! `valid.jsonl` (every line valid), `unknown.jsonl` (valid and unknown messages) and
//! `invalid.jsonl` (one line of each kind of problem, the last one truncated).
//!
//! The command runs in-process through `rtwire_codegen::validate::run`; the real binary is
//! exercised by `codegen/tests/validate_cli.rs`. Paths are relative to this crate's folder
//! (`tests/`), the working directory of its tests.

use rtwire_codegen::validate::{
    Args, EXIT_ERROR, EXIT_INVALID, EXIT_VALID, Format, run, union_names,
};
use serde_json::{Value, json};
use std::path::PathBuf;

/// The exit status, standard output and standard error of one run.
struct Run {
    code: u8,
    out: String,
    err: String,
}

fn validate(union: &str, files: &[&str], strict: bool, format: Format, stdin: &[u8]) -> Run {
    let args = Args {
        union: union.to_owned(),
        files: files.iter().map(PathBuf::from).collect(),
        strict,
        format,
    };
    let (mut out, mut err) = (vec![], vec![]);
    let code = run(&args, &mut &stdin[..], &mut out, &mut err);
    Run {
        code,
        out: String::from_utf8(out).unwrap(),
        err: String::from_utf8(err).unwrap(),
    }
}

fn text(union: &str, files: &[&str]) -> Run {
    validate(union, files, false, Format::Text, b"")
}

fn fixture(union: &str, case: &str) -> String {
    format!("fixtures/validate/{union}/{case}.jsonl")
}

fn json_records(out: &str) -> Vec<Value> {
    out.lines()
        .map(|line| serde_json::from_str(line).expect("every JSON report line is one JSON object"))
        .collect()
}

/// The unions whose decoders keep messages of unknown names: all of them (client JSON-RPC
/// messages keep unknown notifications; their unknown request methods are refused).
fn unions_with_unknowns() -> Vec<String> {
    union_names()
}

#[test]
fn every_union_has_valid_and_invalid_fixtures_and_unknown_ones_where_it_keeps_unknowns() {
    for union in union_names() {
        assert!(
            std::path::Path::new(&fixture(&union, "valid")).is_file(),
            "{union}"
        );
        assert!(
            std::path::Path::new(&fixture(&union, "invalid")).is_file(),
            "{union}"
        );
        let keeps_unknowns = unions_with_unknowns().contains(&union);
        assert_eq!(
            std::path::Path::new(&fixture(&union, "unknown")).is_file(),
            keeps_unknowns,
            "{union}"
        );
    }
}

#[test]
fn all_valid_fixtures_exit_0_with_nothing_but_the_summary() {
    for union in union_names() {
        let file = fixture(&union, "valid");
        let lines = std::fs::read_to_string(&file).unwrap().lines().count();
        let run = text(&union, &[&file]);
        assert_eq!(
            (run.code, run.out.as_str(), run.err.as_str()),
            (
                EXIT_VALID,
                format!("{lines} message(s) in 1 input(s): {lines} valid, 0 invalid, 0 unknown, 0 disagreement(s)\n").as_str(),
                ""
            ),
            "{union}"
        );
    }
}

#[test]
fn every_kind_of_bad_line_is_reported_for_every_union_in_text() {
    for union in union_names() {
        let run = text(&union, &[&fixture(&union, "invalid")]);
        assert_eq!(run.code, EXIT_INVALID, "{union}");
        insta::assert_snapshot!(
            format!("invalid_text__{}", union.replace('/', "_")),
            run.out
        );
    }
}

#[test]
fn every_kind_of_bad_line_is_reported_for_every_union_in_json() {
    for union in union_names() {
        let run = validate(
            &union,
            &[&fixture(&union, "invalid")],
            false,
            Format::Json,
            b"",
        );
        assert_eq!(run.code, EXIT_INVALID, "{union}");
        let records = json_records(&run.out);
        assert_eq!(records.last().unwrap()["kind"], "summary", "{union}");
        assert_eq!(records.last().unwrap()["exit_code"], 1, "{union}");
        insta::assert_snapshot!(
            format!("invalid_json__{}", union.replace('/', "_")),
            run.out
        );
    }
}

#[test]
fn bad_lines_of_realtime_v2_server_events_are_reported_with_line_name_pointer_and_reason() {
    let union = "realtime/v2/ServerEvent";
    let file = fixture(union, "invalid");
    let run = text(union, &[&file]);
    let expected = [
        "2: invalid: response.output_audio.delta: missing field `delta` [decoder]",
        "2: invalid: response.output_audio.delta: \"delta\" is a required property [schema]",
        "3: invalid: response.output_audio.delta: invalid type: string \"0\", expected u32 (at /output_index) [decoder]",
        "3: invalid: response.output_audio.delta: \"0\" is not of types \"null\", \"integer\" (at /output_index) [schema]",
        "4: note: blank line skipped",
        "5: invalid: incomplete JSON: the line ends inside a JSON document (EOF while parsing an object, at column 57) [json]",
        "6: invalid: not valid JSON: expected ident (at column 2) [json]",
        "7: invalid: not valid UTF-8 (at column 50) [json]",
        "8: invalid: (no string `type`): invalid type: integer `5`, expected a string `type` (at /type) [decoder]",
        "8: invalid: (no string `type`): 5 is not of type \"string\" (at /type) [schema]",
        "9: invalid: truncated: the input ends inside a JSON document (EOF while parsing a string, at column 127) [json]",
    ];
    let mut lines: Vec<String> = expected
        .iter()
        .map(|line| format!("{file}:{line}"))
        .collect();
    lines.push("8 message(s) in 1 input(s): 1 valid, 7 invalid, 0 unknown, 0 disagreement(s); 1 blank line(s) skipped".into());
    assert_eq!(run.out, lines.join("\n") + "\n");
    assert_eq!(run.code, EXIT_INVALID);

    let run = validate(union, &[&file], false, Format::Json, b"");
    let record = |line: usize,
                  kind: &str,
                  name: Value,
                  view: Value,
                  pointer: Value,
                  reason: &str| {
        json!({ "kind": kind, "file": file, "line": line, "name": name, "view": view, "pointer": pointer, "reason": reason })
    };
    let delta = || json!("response.output_audio.delta");
    assert_eq!(
        json_records(&run.out),
        vec![
            record(
                2,
                "invalid",
                delta(),
                json!("decoder"),
                json!(""),
                "missing field `delta`"
            ),
            record(
                2,
                "invalid",
                delta(),
                json!("schema"),
                json!(""),
                "\"delta\" is a required property"
            ),
            record(
                3,
                "invalid",
                delta(),
                json!("decoder"),
                json!("/output_index"),
                "invalid type: string \"0\", expected u32"
            ),
            record(
                3,
                "invalid",
                delta(),
                json!("schema"),
                json!("/output_index"),
                "\"0\" is not of types \"null\", \"integer\""
            ),
            record(
                4,
                "note",
                Value::Null,
                Value::Null,
                Value::Null,
                "blank line skipped"
            ),
            record(
                5,
                "invalid",
                Value::Null,
                json!("json"),
                Value::Null,
                "incomplete JSON: the line ends inside a JSON document (EOF while parsing an object, at column 57)"
            ),
            record(
                6,
                "invalid",
                Value::Null,
                json!("json"),
                Value::Null,
                "not valid JSON: expected ident (at column 2)"
            ),
            record(
                7,
                "invalid",
                Value::Null,
                json!("json"),
                Value::Null,
                "not valid UTF-8 (at column 50)"
            ),
            record(
                8,
                "invalid",
                Value::Null,
                json!("decoder"),
                json!("/type"),
                "invalid type: integer `5`, expected a string `type`"
            ),
            record(
                8,
                "invalid",
                Value::Null,
                json!("schema"),
                json!("/type"),
                "5 is not of type \"string\""
            ),
            record(
                9,
                "invalid",
                Value::Null,
                json!("json"),
                Value::Null,
                "truncated: the input ends inside a JSON document (EOF while parsing a string, at column 127)"
            ),
            json!({ "kind": "summary", "files": 1, "messages": 8, "valid": 1, "invalid": 7, "unknown": 0,
                "disagreements": 0, "blank": 1, "io_errors": 0, "strict": false, "exit_code": 1 }),
        ]
    );
}

#[test]
fn unknown_messages_are_reported_and_pass_unless_strict() {
    for union in unions_with_unknowns() {
        let file = fixture(&union, "unknown");
        let run = text(&union, &[&file]);
        assert_eq!(run.code, EXIT_VALID, "{union}");
        let unknown: Vec<&str> = run
            .out
            .lines()
            .filter(|l| l.contains(": unknown: "))
            .collect();
        assert!(!unknown.is_empty(), "{union}");
        assert!(unknown.iter().all(|l| l.ends_with("not part of this version of the protocol (kept as raw JSON)")), "{union}");
        assert!(!run.out.contains("invalid:"), "{union}");

        let strict = validate(&union, &[&file], true, Format::Json, b"");
        assert_eq!(strict.code, EXIT_INVALID, "{union}");
        let records = json_records(&strict.out);
        let summary = records.last().unwrap();
        assert_eq!(
            (summary["unknown"].as_u64(), summary["invalid"].as_u64()),
            (Some(unknown.len() as u64), Some(0)),
            "{union}"
        );
        assert_eq!(
            (&summary["strict"], &summary["exit_code"]),
            (&json!(true), &json!(1)),
            "{union}"
        );
    }
}

#[test]
fn an_unknown_realtime_event_is_named_in_text_and_json() {
    let input = b"{\"type\":\"response.text.delta\",\"response_id\":\"resp_1\"}\n";
    let run = validate("realtime/v2/ServerEvent", &[], false, Format::Text, input);
    assert_eq!(
        run.out,
        "<stdin>:1: unknown: response.text.delta: not part of this version of the protocol (kept as raw JSON)\n\
         1 message(s) in 1 input(s): 0 valid, 0 invalid, 1 unknown, 0 disagreement(s)\n"
    );
    let run = validate("realtime/v2/ServerEvent", &["-"], true, Format::Json, input);
    assert_eq!(
        json_records(&run.out)[0],
        json!({ "kind": "unknown", "file": "<stdin>", "line": 1, "name": "response.text.delta", "view": null,
            "pointer": null, "reason": "not part of this version of the protocol (kept as raw JSON; a failure with --strict)" })
    );
    assert_eq!(run.code, EXIT_INVALID);
}

#[test]
fn unknown_client_methods_are_invalid_because_the_server_refuses_them() {
    let input = b"{\"id\":4,\"method\":\"thread/teleport\",\"params\":{}}\n";
    let run = validate("app-server/ClientMessage", &[], false, Format::Text, input);
    assert_eq!(run.code, EXIT_INVALID);
    assert_eq!(
        run.out.lines().next().unwrap(),
        "<stdin>:1: invalid: thread/teleport: method not found: thread/teleport [decoder]"
    );
}

#[test]
fn nesting_100000_levels_deep_is_reported_for_every_union_and_the_next_line_is_still_checked() {
    for union in union_names() {
        let valid_line = std::fs::read_to_string(fixture(&union, "valid"))
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .to_owned();
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            let input = format!(
                "{}1{}\n{valid_line}\n",
                open.repeat(100_000),
                close.repeat(100_000)
            );
            let run = validate(&union, &[], false, Format::Text, input.as_bytes());
            let first = run.out.lines().next().unwrap();
            assert!(
                first.starts_with("<stdin>:1: invalid: nested deeper than 128 levels, the most this tool reads (at column "),
                "{union}: {first}"
            );
            assert!(
                run.out.ends_with(
                    "2 message(s) in 1 input(s): 1 valid, 1 invalid, 0 unknown, 0 disagreement(s)\n"
                ),
                "{union}"
            );
            assert_eq!(run.code, EXIT_INVALID);
        }
    }
}

#[test]
fn a_10_mb_audio_delta_line_is_checked_and_never_quoted() {
    let audio = "A".repeat(10 << 20);
    let good = json!({ "type": "response.output_audio.delta", "response_id": "resp_1", "item_id": "item_1",
        "output_index": 0, "content_index": 0, "delta": audio });
    let mut bad = good.clone();
    bad["content_index"] = json!(-1);
    let input = format!("{good}\n{bad}\n");
    let run = validate(
        "realtime/v2/ServerEvent",
        &[],
        false,
        Format::Text,
        input.as_bytes(),
    );
    assert_eq!(
        run.out,
        "<stdin>:2: invalid: response.output_audio.delta: invalid value: integer `-1`, expected u32 (at /content_index) [decoder]\n\
         <stdin>:2: invalid: response.output_audio.delta: -1 is less than the minimum of 0 (at /content_index) [schema]\n\
         2 message(s) in 1 input(s): 1 valid, 1 invalid, 0 unknown, 0 disagreement(s)\n"
    );
}

#[test]
fn blank_lines_and_crlf_line_ends_never_fail() {
    let input = b"\r\n{\"type\":\"input_audio_buffer.commit\"}\r\n  \t\r\n\r\n{\"type\":\"input_audio_buffer.commit\"}\r\n";
    let run = validate("realtime/v2/ClientEvent", &[], true, Format::Text, input);
    assert_eq!(
        run.out,
        "<stdin>:1: note: blank line skipped\n<stdin>:3: note: blank line skipped\n<stdin>:4: note: blank line skipped\n\
         2 message(s) in 1 input(s): 2 valid, 0 invalid, 0 unknown, 0 disagreement(s); 3 blank line(s) skipped\n"
    );
    assert_eq!(run.code, EXIT_VALID);
}

#[test]
fn a_pretty_printed_message_is_read_as_one_document() {
    let input = b"{\n  \"id\": \"req-1\",\n  \"method\": \"loginApiKey\",\n  \"params\": {\n    \"apiKey\": 7\n  }\n}\n";
    let run = validate(
        "app-server/ClientMessage",
        &["-"],
        false,
        Format::Text,
        input,
    );
    assert_eq!(
        run.out,
        "<stdin>:1: invalid: loginApiKey: invalid type: integer `7`, expected a string (at /params/apiKey) [decoder]\n\
         <stdin>:1: invalid: loginApiKey: 7 is not of type \"string\" (at /params/apiKey) [schema]\n\
         1 message(s) in 1 input(s): 0 valid, 1 invalid, 0 unknown, 0 disagreement(s)\n"
    );
}

#[test]
fn an_unknown_union_is_a_usage_error_that_lists_the_unions() {
    let run = text("realtime/v0/ServerEvent", &[]);
    assert_eq!(run.code, EXIT_ERROR);
    assert_eq!(run.out, "");
    // The list is every registered union, `<module>/<name>`, in registry order.
    let listed: String = rtwire_protocol::registry::unions()
        .iter()
        .map(|u| format!("  {}/{}\n", u.module, u.name))
        .collect();
    assert!(
        listed.contains("  realtime/v2/ServerEvent\n  ")
            && listed.contains("  realtime/translation/ServerEvent\n")
            && listed.ends_with("  app-server/ServerMessage\n"),
        "{listed}"
    );
    assert_eq!(
        run.err,
        format!("error: unknown union `realtime/v0/ServerEvent`; the unions are:\n{listed}")
    );
}

#[test]
fn an_unreadable_file_exits_2_after_the_other_files_are_checked() {
    let union = "app-server/ServerMessage";
    let missing = "fixtures/validate/no-such-file.jsonl";
    let invalid = fixture(union, "invalid");
    let run = text(union, &[missing, &invalid, "fixtures/validate"]);
    assert_eq!(run.code, EXIT_ERROR);
    assert!(
        run.err
            .starts_with(&format!("error: cannot read {missing}: ")),
        "{}",
        run.err
    );
    assert!(
        run.err.contains("error: cannot read fixtures/validate: "),
        "{}",
        run.err
    );
    assert!(
        run.out
            .starts_with(&format!("{invalid}:2: invalid: thread/realtime/closed: ")),
        "{}",
        run.out
    );
    assert!(
        run.out
            .ends_with("; 1 blank line(s) skipped; 2 input(s) unreadable\n"),
        "{}",
        run.out
    );

    let run = validate(union, &[missing], false, Format::Json, b"");
    let records = json_records(&run.out);
    assert_eq!(records[0]["kind"], "error");
    assert_eq!(records[0]["file"], missing);
    assert_eq!(
        (&records[1]["io_errors"], &records[1]["exit_code"]),
        (&json!(1), &json!(2))
    );
}

#[test]
fn several_files_are_reported_by_name_and_summed() {
    let union = "realtime/v1/ServerEvent";
    let (valid, unknown) = (fixture(union, "valid"), fixture(union, "unknown"));
    let run = text(union, &[&valid, &unknown]);
    assert_eq!(
        run.out,
        format!(
            "{unknown}:2: unknown: session.created: not part of this version of the protocol (kept as raw JSON)\n\
             4 message(s) in 2 input(s): 3 valid, 0 invalid, 1 unknown, 0 disagreement(s)\n"
        )
    );
    assert_eq!(run.code, EXIT_VALID);
}
