//! Hostile input, pinned: each case has one documented outcome, the same in every view (the
//! one-pass decoder `serde_json::from_str`, `decode`, `Frame::decode`, and the emitted schema on
//! the shared JSON view `rtwire_protocol::parse`). The last tests run every fuzz target of
//! `tests/fuzz/` on the seeds and a bounded number of mutations (the stable-Rust driver).

use rtwire_fuzz::harness::{ResultCheck, TextCheck, UnionCheck};
use rtwire_fuzz::{Context, Limits, Target, corpus, driver};
use rtwire_protocol::app_server::{ClientMessage, ServerMessage};
use rtwire_protocol::realtime::v2;
use serde_json::{Value, json};
use std::sync::OnceLock;

/// Every view of the union at `path` (`realtime/v2/ClientEvent`) on `text`: the decoder's
/// canonical encoding or error (after checking that `decode`, `serde_json::from_str` and
/// `Frame::decode` agree), and the schema's verdict on the shared JSON view.
fn views(path: &str, text: &str) -> (Result<String, String>, Result<(), String>) {
    let union = rtwire_tests::unions()
        .into_iter()
        .find(|u| format!("{}/{}", u.info.module, u.info.name) == path)
        .unwrap_or_else(|| panic!("no union {path}"));
    let check: TextCheck = union.info.check_text(text);
    assert!(check.frame_agrees, "Frame::decode disagrees on {text}");
    let decoder = check.decoded.map_err(|e| e.to_string());
    assert_eq!(
        decoder.is_ok(),
        check.from_str.is_ok(),
        "decode and serde_json::from_str disagree on {text}: {decoder:?} / {:?}",
        check.from_str
    );
    let schema = match rtwire_protocol::parse(text) {
        Err(e) => Err(format!("json: {e}")),
        Ok(value) => {
            let errors = rtwire_tests::violations(&rtwire_tests::validator(&union.root), &value);
            if errors.is_empty() {
                Ok(())
            } else {
                Err(errors.join("; "))
            }
        }
    };
    (decoder, schema)
}

/// Asserts that the decoder refuses `text` with exactly `error` and that the schema view
/// refuses it too.
fn refused_everywhere(path: &str, text: &str, error: &str) {
    let (decoder, schema) = views(path, text);
    assert_eq!(decoder, Err(error.to_owned()), "decoder on {text}");
    assert!(schema.is_err(), "the schema view accepts {text}");
}

#[test]
fn a_repeated_type_is_refused_by_every_view_whichever_value_comes_first() {
    for (text, pointer) in [
        (r#"{"type":"","type":{}}"#, "/type"),
        (r#"{"type":"","type":true}"#, "/type"),
        (
            r#"{"type":"input_audio_buffer.clear","type":"input_audio_buffer.commit"}"#,
            "/type",
        ),
        (r#"{"type":"","type":"error","error":{}}"#, "/type"),
        (
            r#"{"event_id":"e","type":"response.cancel","type":"response.cancel"}"#,
            "/type",
        ),
    ] {
        for union in [
            "realtime/v2/ClientEvent",
            "realtime/v2/ServerEvent",
            "realtime/v1/ServerEvent",
        ] {
            refused_everywhere(
                union,
                text,
                &format!("duplicate member `type` (at {pointer})"),
            );
        }
    }
}

#[test]
fn a_repeated_member_is_refused_at_any_depth_known_or_not() {
    refused_everywhere(
        "realtime/v2/ClientEvent",
        r#"{"type":"conversation.item.delete","item_id":5,"item_id":"a"}"#,
        "duplicate member `item_id` (at /item_id)",
    );
    refused_everywhere(
        "realtime/v2/ClientEvent",
        r#"{"type":"input_audio_buffer.clear","x":1,"x":1}"#,
        "duplicate member `x` (at /x)",
    );
    refused_everywhere(
        "realtime/v2/ServerEvent",
        r#"{"type":"rate_limits.updated","rate_limits":[{"limit":1,"limit":2}]}"#,
        "duplicate member `limit` (at /rate_limits/0/limit)",
    );
    // Inside a message this version does not know: still refused (the raw JSON would be lossy).
    refused_everywhere(
        "realtime/v2/ServerEvent",
        r#"{"type":"x.y","a":{"b":1,"b":2}}"#,
        "duplicate member `b` (at /a/b)",
    );
}

#[test]
fn a_repeated_member_of_an_app_server_message_is_an_invalid_request() {
    let text =
        r#"{"method":"thread/realtime/error","params":{"threadId":"","message":"","message":""}}"#;
    let error = ServerMessage::decode(text).unwrap_err();
    assert_eq!(
        (
            error.code.code(),
            error.path.as_str(),
            error.message.as_str()
        ),
        (
            -32600,
            "/params/message",
            "duplicate member `message` (at /params/message)"
        )
    );
    assert!(serde_json::from_str::<ServerMessage>(text).is_err());
    let text = r#"{"id":1,"method":"thread/realtime/stop","method":"initialize","params":{"threadId":"t"}}"#;
    let error = ClientMessage::decode(text).unwrap_err();
    assert_eq!(
        (error.code.code(), error.message.as_str()),
        (-32600, "duplicate member `method` (at /method)")
    );
    let (decoder, schema) = views("app-server/ServerMessage", r#"{"method":"","":1,"":2}"#);
    assert_eq!(decoder, Err("duplicate member `` (at /)".into()));
    assert!(schema.is_err());
}

#[test]
fn floats_round_trip_to_the_same_text_in_the_default_build() {
    let text = r#"{"type":"rate_limits.updated","rate_limits":[{"reset_seconds":444e61}]}"#;
    let event = v2::ServerEvent::decode(text).unwrap();
    assert_eq!(
        rtwire_protocol::encode(&event),
        json!({"type": "rate_limits.updated", "rate_limits": [{"reset_seconds": 4.44e63}]})
    );
    assert_eq!(
        serde_json::to_string(&event).unwrap(),
        r#"{"type":"rate_limits.updated","rate_limits":[{"reset_seconds":4.44e+63}]}"#
    );
}

#[test]
fn the_protocol_crate_turns_on_float_roundtrip_itself() {
    // The workspace tests get the feature from jsonschema too; a consumer of rtwire-protocol
    // alone must get it from rtwire-protocol's own manifest.
    let output = std::process::Command::new(env!("CARGO"))
        .args([
            "tree",
            "-p",
            "rtwire-protocol",
            "-e",
            "features",
            "-i",
            "serde_json",
            "--prefix",
            "none",
        ])
        .current_dir(rtwire_tests::root())
        .output()
        .expect("cargo tree runs");
    let tree = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        tree.lines()
            .any(|l| l.starts_with("serde_json feature \"float_roundtrip\"")),
        "{tree}"
    );
    let manifest =
        std::fs::read_to_string(rtwire_tests::root().join("protocol/Cargo.toml")).unwrap();
    assert!(
        manifest.contains(r#"features = ["float_roundtrip"]"#),
        "{manifest}"
    );
}

#[test]
fn an_integer_beyond_64_bits_in_an_unknown_message_is_kept_as_the_nearest_double() {
    let text = r#"{"method":"","":1777777777777777777777777}"#;
    let message = ServerMessage::decode(text).unwrap();
    let encoded = serde_json::to_string(&message).unwrap();
    assert_eq!(encoded, r#"{"":1.7777777777777777e+24,"method":""}"#);
    // From then on the text is stable.
    let again = serde_json::to_string(&ServerMessage::decode(&encoded).unwrap()).unwrap();
    assert_eq!(again, encoded);
}

#[test]
fn an_ignored_member_must_still_be_valid_json_wherever_it_stands() {
    for text in [
        r#"{"type":"input_audio_buffer.clear","x":1e400}"#,
        r#"{"x":1e400,"type":"input_audio_buffer.clear"}"#,
        r#"{"type":"input_audio_buffer.clear","x":[{"y":-1e400}]}"#,
    ] {
        let (decoder, schema) = views("realtime/v2/ClientEvent", text);
        let error = decoder.unwrap_err();
        assert!(
            error.starts_with("not valid JSON: number out of range"),
            "{error}"
        );
        assert!(
            schema
                .unwrap_err()
                .starts_with("json: not valid JSON: number out of range")
        );
    }
    for (text, error) in [
        (
            r#"{"type":"input_audio_buffer.clear","x":"\udc00"}"#,
            "not valid JSON: lone leading surrogate in hex escape at line 1 column 46",
        ),
        (
            r#"{"type":"input_audio_buffer.clear","x":{"\ud800":1}}"#,
            "not valid JSON: unexpected end of hex escape at line 1 column 48",
        ),
    ] {
        refused_everywhere("realtime/v2/ClientEvent", text, error);
    }
    let error = ClientMessage::decode(r#"{"method":"initialized","params":"\udc00"}"#).unwrap_err();
    assert_eq!(error.code.code(), -32600);
    assert!(
        error
            .message
            .starts_with("not valid JSON: lone leading surrogate in hex escape"),
        "{}",
        error.message
    );
}

#[test]
fn integer_members_refuse_out_of_range_values_in_both_views() {
    let truncate = |n: &str| {
        format!(
            r#"{{"type":"conversation.item.truncate","item_id":"i","content_index":0,"audio_end_ms":{n}}}"#
        )
    };
    // 1e400 is not a JSON number any view accepts.
    refused_everywhere(
        "realtime/v2/ClientEvent",
        &truncate("1e400"),
        "not valid JSON: number out of range at line 1 column 89",
    );
    // 2^64: beyond u64, refused by the decoder and by the schema's maximum.
    let (decoder, schema) = views("realtime/v2/ClientEvent", &truncate("18446744073709551616"));
    assert_eq!(
        decoder,
        Err("conversation.item.truncate: invalid type: floating point `1.8446744073709552e+19`, expected u64 (at /audio_end_ms)".into())
    );
    assert!(schema.is_err());
    // serde_json reads -0 as the double -0.0: JSON Schema counts it as the integer 0, the decoder
    // refuses a float (the documented `1.0` class).
    let (decoder, schema) = views("realtime/v2/ClientEvent", &truncate("-0"));
    assert_eq!(
        decoder,
        Err("conversation.item.truncate: invalid type: floating point `-0.0`, expected u64 (at /audio_end_ms)".into())
    );
    assert_eq!(schema, Ok(()));
    assert!(rtwire_fuzz::targets::integral_float(
        "invalid type: floating point `-0.0`, expected u64"
    ));
}

#[test]
fn the_tag_need_not_come_first() {
    let first = views(
        "realtime/v2/ClientEvent",
        r#"{"type":"input_audio_buffer.clear","event_id":"e"}"#,
    );
    let last = views(
        "realtime/v2/ClientEvent",
        r#"{"event_id":"e","type":"input_audio_buffer.clear"}"#,
    );
    assert_eq!(first, last);
    assert_eq!(
        first.0,
        Ok(r#"{"type":"input_audio_buffer.clear","event_id":"e"}"#.into())
    );
}

#[test]
fn a_lone_surrogate_in_a_kept_string_is_refused() {
    refused_everywhere(
        "realtime/v2/ClientEvent",
        r#"{"type":"conversation.item.delete","item_id":"\ud800"}"#,
        "not valid JSON: unexpected end of hex escape at line 1 column 53",
    );
    // A pair is one character.
    let (decoder, schema) = views(
        "realtime/v2/ClientEvent",
        r#"{"type":"conversation.item.delete","item_id":"\ud83d\ude00"}"#,
    );
    assert_eq!(
        decoder,
        Ok("{\"type\":\"conversation.item.delete\",\"item_id\":\"\u{1f600}\"}".into())
    );
    assert_eq!(schema, Ok(()));
}

#[test]
fn a_byte_order_mark_and_trailing_garbage_are_refused() {
    refused_everywhere(
        "realtime/v2/ClientEvent",
        "\u{feff}{\"type\":\"input_audio_buffer.clear\"}",
        "not valid JSON: expected value at line 1 column 1",
    );
    refused_everywhere(
        "realtime/v2/ClientEvent",
        r#"{"type":"input_audio_buffer.clear"} x"#,
        "not valid JSON: trailing characters at line 1 column 37",
    );
    refused_everywhere(
        "realtime/v2/ClientEvent",
        r#"{"type":"input_audio_buffer.clear"}{}"#,
        "not valid JSON: trailing characters at line 1 column 36",
    );
}

#[test]
fn nesting_100000_deep_is_refused_by_every_decoder_without_overflowing_the_stack() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let objects = format!("{}1{}", r#"{"a":"#.repeat(100_000), "}".repeat(100_000));
    for union in rtwire_protocol::registry::unions() {
        for text in [
            format!(r#"{{"{}":"x","a":{deep}}}"#, union.tag),
            format!(r#"{{"a":{objects},"{}":"x"}}"#, union.tag),
            deep.clone(),
        ] {
            let check = union.check_text(&text);
            let error = check.decoded.unwrap_err();
            assert!(
                error.reason().contains("recursion limit exceeded"),
                "{}: {error}",
                union.name
            );
            assert!(check.from_str.is_err());
        }
    }
}

#[test]
fn a_100_mib_string_member_decodes_whole() {
    let audio = "A".repeat(100 << 20);
    let text = format!(r#"{{"type":"input_audio_buffer.append","audio":"{audio}"}}"#);
    let event = v2::ClientEvent::decode(&text).unwrap();
    match event {
        v2::ClientEvent::InputAudioBufferAppend(append) => {
            assert_eq!(append.audio.len(), 100 << 20)
        }
        other => panic!("{other:?}"),
    }
}

fn context() -> &'static Context {
    static CONTEXT: OnceLock<Context> = OnceLock::new();
    CONTEXT.get_or_init(Context::new)
}

/// Every pinned case above, through every fuzz target: no finding.
#[test]
fn the_pinned_cases_pass_every_fuzz_target() {
    for seed in corpus::seeds() {
        for target in Target::ALL {
            if let Err(finding) = driver::execute(context(), target, &seed) {
                panic!("{target} on {}: {finding}", String::from_utf8_lossy(&seed));
            }
        }
    }
}

/// The dictionary comes from the registry: every wire name, and member names of the schemas.
#[test]
fn the_dictionary_holds_every_wire_name_and_member_name() {
    let dictionary = corpus::dictionary();
    for message in rtwire_protocol::registry::messages() {
        assert!(
            dictionary.contains(&Value::from(message.wire_name).to_string()),
            "{}",
            message.wire_name
        );
    }
    for member in [
        "\"event_id\"",
        "\"threadId\"",
        "\"audio_end_ms\"",
        "\"server_vad\"",
    ] {
        assert!(dictionary.contains(&member.to_owned()), "{member}");
    }
}

/// The stable-Rust fallback of the fuzz smoke: each target replays the seeds and runs a bounded,
/// seeded number of mutations; any finding fails with its minimized input.
#[test]
fn every_fuzz_target_survives_a_bounded_mutation_run() {
    let seeds = corpus::seeds();
    let dictionary = corpus::dictionary();
    for target in Target::ALL {
        let limits = Limits {
            execs: seeds.len() as u64 + 1_500,
            time: None,
            seed: 20,
        };
        let report = driver::run(context(), target, &seeds, &dictionary, limits, |_| {});
        assert_eq!(report.execs, limits.execs, "{target}");
        let findings: Vec<String> = report
            .findings
            .iter()
            .map(|f| {
                format!(
                    "{}\n  input: {}",
                    f.message,
                    String::from_utf8_lossy(&f.input)
                )
            })
            .collect();
        assert!(findings.is_empty(), "{target}:\n{}", findings.join("\n"));
    }
}

/// The decoder's and the schema's verdicts on the answer `text` to a `method` request.
fn result_views(method: &str, text: &str) -> (Result<(), String>, Result<(), String>) {
    let result = rtwire_protocol::registry::result_for(method)
        .unwrap_or_else(|| panic!("no result for {method}"));
    let value = rtwire_protocol::parse(text).expect("JSON");
    let decoder = result
        .roundtrip(&value)
        .map(|_| ())
        .map_err(|e| e.to_string());
    let validator = rtwire_tests::validator(&rtwire_codegen::schema::result_schema(&result));
    let errors = rtwire_tests::violations(&validator, &value);
    let schema = if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("; "))
    };
    (decoder, schema)
}

/// Differential finding: serde's derived decoders fill a struct from a JSON array (members by
/// position, `[]` for a struct whose members are all optional); the schema wants an object.
/// Every decoder now refuses an array where a struct is expected, at any depth.
#[test]
fn an_array_where_a_struct_is_expected_is_refused_by_every_view() {
    refused_everywhere(
        "app-server/ClientMessage",
        r#"{"id":3,"method":"getAuthStatus","params":[]}"#,
        "getAuthStatus: invalid type: sequence, expected struct GetAuthStatusParams (at /params)",
    );
    refused_everywhere(
        "app-server/ServerMessage",
        r#"{"method":"authStatusChange","params":[]}"#,
        "authStatusChange: invalid type: sequence, expected struct AuthStatusChangeNotification (at /params)",
    );
    refused_everywhere(
        "realtime/v2/ServerEvent",
        r#"{"":"","rate_limits":[[]],"type":"rate_limits.updated"}"#,
        "rate_limits.updated: invalid type: sequence, expected struct RateLimit (at /rate_limits/0)",
    );
    let (decoder, schema) = result_views("loginApiKey", r#"{"id":3,"result":[]}"#);
    assert_eq!(
        decoder,
        Err(
            "loginApiKey: invalid type: sequence, expected struct LoginApiKeyResponse (at /result)"
                .into()
        )
    );
    assert!(schema.is_err());
}

/// Differential finding (long run, seed 20261201): the closed unions of the app-server tagged on
/// `type` (login params and result, the realtime transport) were read by serde's derived
/// decoder, which takes a JSON array as the tag followed by the members by position. They are
/// now read through the strict reader like the realtime ones: an object only.
#[test]
fn an_array_where_a_closed_app_server_union_is_expected_is_refused_by_every_view() {
    let (decoder, schema) = result_views("account/login/start", r#"{"id":"","result":["apiKey"]}"#);
    assert_eq!(
        decoder,
        Err(
            "account/login/start: invalid type: sequence, expected internally tagged enum LoginAccountResponse (at /result)"
                .into()
        )
    );
    assert!(schema.is_err());
    refused_everywhere(
        "app-server/ClientMessage",
        r#"{"id":1,"method":"account/login/start","params":["apiKey","sk"]}"#,
        "account/login/start: invalid type: sequence, expected internally tagged enum LoginAccountParams (at /params)",
    );
    refused_everywhere(
        "app-server/ClientMessage",
        r#"{"id":1,"method":"thread/realtime/start","params":{"threadId":"t","prompt":"p","transport":["websocket"]}}"#,
        "thread/realtime/start: invalid type: sequence, expected internally tagged enum ThreadRealtimeStartTransport (at /params/transport)",
    );
}

/// Differential finding: inside the known variant of an open union (`session`, items, content
/// parts, tools, …) serde's derived decoder buffers the payload and filled its nested structs
/// from arrays. The variant's payload is now decoded again through the strict reader, so a
/// struct is an object at every depth, as the schema says.
#[test]
fn an_array_where_a_struct_is_expected_inside_an_open_union_variant_is_refused_by_every_view() {
    refused_everywhere(
        "realtime/v2/ClientEvent",
        r#"{"session":{"audio":{"input":[]},"type":"transcription"},"type":"session.update"}"#,
        "session.update: invalid type: sequence, expected struct AudioInputConfig (at /session/audio/input)",
    );
    refused_everywhere(
        "realtime/v2/ClientEvent",
        r#"{"type":"session.update","session":{"type":"realtime","audio":{"output":[]}}}"#,
        "session.update: invalid type: sequence, expected struct AudioOutputConfig (at /session/audio/output)",
    );
    // An item's nested struct, and a tool (an open union inside the session open union).
    refused_everywhere(
        "realtime/v2/ClientEvent",
        r#"{"type":"conversation.item.create","item":{"type":"mcp_list_tools","server_label":"s","tools":[["n",{}]]}}"#,
        "conversation.item.create: invalid type: sequence, expected struct McpListedTool (at /item/tools/0)",
    );
    refused_everywhere(
        "realtime/v2/ClientEvent",
        r#"{"type":"session.update","session":{"type":"realtime","tools":[{"type":"mcp","server_label":"s","connector_id":"connector_gmail","require_approval":[]}]}}"#,
        "session.update: data did not match any variant of untagged enum McpRequireApproval (at /session/tools/0/require_approval)",
    );
    // Untagged unions (`require_approval`, `tracing`, `tool_choice`, …) and closed tagged ones
    // (`ForcedTool`) buffer their input in serde's own buffer: they too read their variants
    // through the strict reader now (found by the same fuzz target once the open unions were
    // fixed).
    refused_everywhere(
        "realtime/v2/ClientEvent",
        r#"{"type":"session.update","session":{"type":"realtime","tracing":[]}}"#,
        "session.update: data did not match any variant of untagged enum Tracing (at /session/tracing)",
    );
    refused_everywhere(
        "realtime/v2/ClientEvent",
        r#"{"type":"response.create","response":{"tool_choice":["function","f"]}}"#,
        "response.create: data did not match any variant of untagged enum ToolChoice (at /response/tool_choice)",
    );
    refused_everywhere(
        "realtime/v2/ClientEvent",
        r#"{"type":"session.update","session":{"type":"realtime","truncation":[]}}"#,
        "session.update: data did not match any variant of untagged enum Truncation (at /session/truncation)",
    );
    // An error member that is an array is kept as it is, not read as the error object.
    let (decoder, schema) = views(
        "realtime/v2/ServerEvent",
        r#"{"type":"error","error":["m","t"]}"#,
    );
    assert_eq!(decoder, Ok(r#"{"type":"error","error":["m","t"]}"#.into()));
    assert_eq!(schema, Ok(()));
    // The same members as objects decode, and the canonical form is unchanged.
    let (decoder, schema) = views(
        "realtime/v2/ClientEvent",
        r#"{"session":{"audio":{"input":{}},"type":"transcription"},"type":"session.update"}"#,
    );
    assert_eq!(
        decoder,
        Ok(
            r#"{"type":"session.update","session":{"type":"transcription","audio":{"input":{}}}}"#
                .into()
        )
    );
    assert_eq!(schema, Ok(()));
}

/// Differential finding: an answer envelope with a `method` member is not an answer; its schema
/// forbids `method`, and the typed result decoder refuses it.
#[test]
fn an_answer_with_a_method_member_is_refused_by_every_view() {
    let (decoder, schema) = result_views(
        "initialize",
        r#"{"id":"","method":"","result":{"":"","userAgent":""}}"#,
    );
    assert_eq!(
        decoder,
        Err("initialize: an answer has no `method` member (at /method)".into())
    );
    assert!(schema.is_err());
}

/// Differential finding and the int64 lower bound: a signed integer member (request id, error
/// code, timestamp) is a JavaScript number, so its range is -(2^53-1) … 2^53-1 in the decoder
/// and in the schema alike. An integer literal below -2^63, which serde_json reads as the double
/// -2^63, and one above i64 are refused by both.
#[test]
fn a_signed_integer_member_is_within_the_safe_range_in_every_view() {
    let stop = |id: &str| {
        format!(r#"{{"id":{id},"method":"thread/realtime/stop","params":{{"threadId":"t"}}}}"#)
    };
    refused_everywhere(
        "app-server/ClientMessage",
        &stop("-9223372036854775809"),
        "thread/realtime/stop: invalid type: floating point `-9.223372036854776e+18`, expected a string or an integer (at /id)",
    );
    refused_everywhere(
        "app-server/ClientMessage",
        &stop("-9223372036854775808"),
        "thread/realtime/stop: invalid value: integer `-9223372036854775808`, expected a string or an integer within -9007199254740991 … 9007199254740991 (at /id)",
    );
    refused_everywhere(
        "app-server/ClientMessage",
        &stop("9007199254740992"),
        "thread/realtime/stop: invalid value: integer `9007199254740992`, expected a string or an integer within -9007199254740991 … 9007199254740991 (at /id)",
    );
    refused_everywhere(
        "app-server/ClientMessage",
        &stop("-9007199254740992"),
        "thread/realtime/stop: invalid value: integer `-9007199254740992`, expected a string or an integer within -9007199254740991 … 9007199254740991 (at /id)",
    );
    for edge in ["9007199254740991", "-9007199254740991"] {
        let (decoder, schema) = views("app-server/ClientMessage", &stop(edge));
        assert!(
            decoder.is_ok() && schema.is_ok(),
            "{edge}: {decoder:?} {schema:?}"
        );
    }
    let (decoder, schema) =
        result_views("loginApiKey", r#"{"id":18446744073709551615,"result":{}}"#);
    assert_eq!(
        decoder,
        Err("loginApiKey: invalid value: integer `18446744073709551615`, expected a string or an integer within -9007199254740991 … 9007199254740991 (at /id)".into())
    );
    assert!(schema.is_err());
    refused_everywhere(
        "app-server/ServerMessage",
        r#"{"id":1,"error":{"code":-9223372036854775809,"message":"m"}}"#,
        "invalid type: floating point `-9.223372036854776e+18`, expected an integer within -9007199254740991 … 9007199254740991 (at /error/code)",
    );
    refused_everywhere(
        "app-server/ServerMessage",
        r#"{"id":1,"error":{"code":9007199254740992,"message":"m"}}"#,
        "invalid value: integer `9007199254740992`, expected an integer within -9007199254740991 … 9007199254740991 (at /error/code)",
    );
}

/// The normalized target maps the server events of every dialect that has a normalized view:
/// v1, v2 and v3; a handoff request of each comes out as a handoff request.
#[test]
fn the_normalized_target_covers_v1_v2_and_v3() {
    let v1 = r#"{"type":"conversation.handoff.requested","handoff_id":"h1","item_id":"i","input_transcript":"t"}"#;
    let v3 = r#"{"type":"delegation.created","item":{"id":"h3","type":"delegation","target":"client","content":[{"type":"input_text","text":"x"}]}}"#;
    let v2 = r#"{"type":"response.output_audio.delta","response_id":"r","item_id":"i","output_index":0,"content_index":0,"delta":"AAA="}"#;
    let key = |text: &str| {
        context()
            .run(Target::Normalized, text.as_bytes())
            .unwrap_or_else(|e| panic!("{text}: {e}"))
    };
    assert!(key(v1).contains("v1:HandoffRequested|"), "{}", key(v1));
    assert!(key(v3).contains("v3:HandoffRequested|"), "{}", key(v3));
    assert!(key(v2).contains("v2:"), "{}", key(v2));
}

/// The decode, round-trip and differential targets run over every union of the registry, the
/// realtime v3 and translation unions included, and over every typed result.
#[test]
fn the_fuzz_targets_cover_every_union_of_the_registry() {
    let registry: Vec<String> = rtwire_protocol::registry::unions()
        .iter()
        .map(rtwire_fuzz::targets::union_name)
        .collect();
    assert_eq!(context().union_names(), registry);
    for union in [
        "realtime/v3/ClientEvent",
        "realtime/v3/ServerEvent",
        "realtime/translation/ClientEvent",
        "realtime/translation/ServerEvent",
    ] {
        assert!(registry.iter().any(|u| u == union), "{union}");
    }
    assert_eq!(registry.len(), 10);
    assert_eq!(
        context().result_methods(),
        rtwire_protocol::registry::results()
            .iter()
            .map(|r| r.method)
            .collect::<Vec<_>>()
    );
}

/// Every example of the corpus, and copies of each in which one member of a nested object
/// tagged by a string `type` (an item, a content part, a tool, a format…) holds a value of
/// another kind (`[]`, or `{}` in place of an array): the inputs of the open unions' fast and
/// slow paths, accepted and refused.
fn open_union_inputs() -> Vec<String> {
    fn broken(value: &Value, depth: usize, out: &mut Vec<Value>, rebuild: &dyn Fn(Value) -> Value) {
        match value {
            Value::Object(members) => {
                if depth > 0 && members.get("type").is_some_and(Value::is_string) {
                    for name in members.keys().filter(|name| *name != "type") {
                        let mut copy = members.clone();
                        copy[name] = if copy[name].is_array() {
                            json!({})
                        } else {
                            json!([])
                        };
                        out.push(rebuild(Value::Object(copy)));
                    }
                }
                for (name, member) in members {
                    let within = |inner: Value| {
                        let mut copy = members.clone();
                        copy[name] = inner;
                        rebuild(Value::Object(copy))
                    };
                    broken(member, depth + 1, out, &within);
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let within = |inner: Value| {
                        let mut copy = items.clone();
                        copy[i] = inner;
                        rebuild(Value::Array(copy))
                    };
                    broken(item, depth + 1, out, &within);
                }
            }
            _ => {}
        }
    }
    let mut inputs = vec![];
    for example in rtwire_tests::corpus::examples() {
        let mut copies = vec![example.value.clone()];
        broken(&example.value, 0, &mut copies, &|v| v);
        inputs.extend(copies.iter().map(Value::to_string));
    }
    inputs
}

#[test]
fn an_open_union_decodes_alike_on_a_fresh_thread_and_after_it_has_seen_every_tag() {
    let unions = rtwire_tests::unions();
    let inputs = open_union_inputs();
    let refused = std::sync::atomic::AtomicUsize::new(0);
    let check_all =
        |text: &str| -> Vec<TextCheck> { unions.iter().map(|u| u.info.check_text(text)).collect() };
    // Each input first on a thread of its own, where no union has picked a variant for any tag.
    let fresh: Vec<Vec<TextCheck>> = std::thread::scope(|scope| {
        inputs
            .iter()
            .map(|text| {
                let checks = scope.spawn(|| check_all(text)).join().expect("no panic");
                let errors = checks.iter().filter(|c| c.decoded.is_err()).count();
                refused.fetch_add(errors, std::sync::atomic::Ordering::Relaxed);
                checks
            })
            .collect()
    });
    // Then all of them on this thread, twice: the second time every tag has been seen.
    for text in &inputs {
        check_all(text);
    }
    for (text, fresh) in inputs.iter().zip(&fresh) {
        assert_eq!(&check_all(text), fresh, "on {text}");
    }
    let refused = refused.into_inner();
    let decoded = inputs.len() * unions.len() - refused;
    eprintln!(
        "{} inputs: {decoded} decodes, {refused} errors",
        inputs.len()
    );
    assert!(
        inputs.len() > 900 && refused > 2000 && decoded > 2000,
        "{} inputs, {decoded} decodes, {refused} errors: the inputs no longer reach both paths",
        inputs.len()
    );
}
