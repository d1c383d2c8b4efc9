//! Realtime translation claims beyond the generic corpus tests: the translation unions are not
//! the conversation (v2) unions (the shared names decode differently), the typical exchange
//! validates strictly, tri-state members, base64 audio, pinned errors for bad input that both
//! the decoder and the schema refuse, and the client-secret session object.

use rtwire_codegen::validate::{Args, EXIT_VALID, Format, run};
use rtwire_fuzz::harness::UnionCheck;
use rtwire_protocol::realtime::translation::{
    Base64, ClientEvent, ErrorEvent, NoiseReductionType, ServerEvent, TranslationAudio,
    TranslationAudioFormat, TranslationAudioInput, TranslationAudioOutput,
    TranslationInputAudioBufferAppend, TranslationNoiseReduction, TranslationSession,
    TranslationSessionType, TranslationSessionUpdate, TranslationSessionUpdateEvent,
    TranslationTranscription,
};
use rtwire_protocol::realtime::v2;
use rtwire_protocol::registry::{self, Direction, Surface, Version};
use rtwire_protocol::{decode_value, encode};
use rtwire_tests::{unions, validator, violations};
use serde_json::{Value, json};
use std::path::PathBuf;

const EXAMPLES: &str = "examples/realtime/translation";

fn example(path: &str) -> Value {
    let text = std::fs::read_to_string(format!("{EXAMPLES}/{path}")).expect("readable example");
    serde_json::from_str(&text).expect("JSON")
}

fn client(value: &Value) -> ClientEvent {
    decode_value(value, "type").unwrap_or_else(|e| panic!("{e}"))
}

fn server(value: &Value) -> ServerEvent {
    decode_value(value, "type").unwrap_or_else(|e| panic!("{e}"))
}

/// The module/name of a translation union, as `cargo codegen validate` names it.
fn translation_union(direction: Direction) -> String {
    let union = registry::unions()
        .into_iter()
        .find(|u| u.version == Some(Version::Translation) && u.direction == direction)
        .expect("a translation union in each direction");
    format!("{}/{}", union.module, union.name)
}

// ---- separate unions: the shared names mean different payloads ------------------------------

#[test]
fn translation_session_created_decodes_as_translation_and_v2_sees_no_realtime_session_in_it() {
    let value = example("session.created/default.json");
    let ServerEvent::SessionCreated(created) = server(&value) else {
        panic!("not a translation session.created");
    };
    assert_eq!(created.session.kind, TranslationSessionType::Translation);
    assert_eq!(created.session.model, "<translation model id>");

    // The v2 union knows the name `session.created` but not the session type `translation`:
    // it keeps the whole session as an unknown session type, and reads none of its members.
    let v2_event: v2::ServerEvent = decode_value(&value, "type").expect("v2 keeps it");
    let v2::ServerEvent::SessionCreated(v2_created) = v2_event else {
        panic!("v2 decoded another event: {v2_event:?}");
    };
    assert_eq!(
        v2_created.session,
        v2::SessionEcho::Unknown(value["session"].clone())
    );
}

#[test]
fn v2_session_created_is_refused_by_the_translation_union_naming_the_session_type() {
    let value: Value = serde_json::from_str(
        &std::fs::read_to_string("examples/realtime/v2/session.created/realtime.json")
            .expect("readable"),
    )
    .expect("JSON");
    let error = decode_value::<ServerEvent>(&value, "type").expect_err("refused");
    assert_eq!(
        error.to_string(),
        "session.created: unknown variant `realtime`, expected `translation` (at /session/type)"
    );
}

#[test]
fn translation_session_update_is_refused_by_v2_which_requires_a_session_type() {
    let value = example("session.update/enable.json");
    let ClientEvent::SessionUpdate(update) = client(&value) else {
        panic!("not a translation session.update");
    };
    assert_eq!(
        update
            .session
            .audio
            .and_then(|a| a.output)
            .and_then(|o| o.language),
        Some("es".to_owned())
    );
    let error = decode_value::<v2::ClientEvent>(&value, "type").expect_err("v2 refuses it");
    assert_eq!(
        error.to_string(),
        "session.update: missing or non-string `type` member (at /session)"
    );
}

#[test]
fn v2_session_update_read_by_the_translation_union_keeps_only_the_translation_members() {
    // Why the endpoint picks the union: a conversation update is a valid translation update
    // once every member translation does not have is ignored.
    let value = json!({
        "type": "session.update",
        "session": {
            "type": "realtime",
            "instructions": "be brief",
            "audio": {
                "input": {"format": {"type": "audio/pcm", "rate": 24000}, "noise_reduction": {"type": "far_field"}},
                "output": {"voice": "marin"}
            }
        }
    });
    let event = client(&value);
    assert_eq!(
        encode(&event),
        json!({
            "type": "session.update",
            "session": {"audio": {"input": {"noise_reduction": {"type": "far_field"}}, "output": {}}}
        })
    );
}

#[test]
fn event_names_of_one_protocol_are_unknown_to_the_other_and_kept_verbatim() {
    let v2_only = json!({"type": "response.output_audio.delta", "response_id": "r", "item_id": "i",
        "output_index": 0, "content_index": 0, "delta": "AAAA"});
    assert_eq!(server(&v2_only), ServerEvent::Unknown(v2_only.clone()));
    let v2_append = json!({"type": "input_audio_buffer.append", "audio": "AAAA"});
    assert_eq!(client(&v2_append), ClientEvent::Unknown(v2_append.clone()));

    let delta = example("session.output_audio.delta/full.json");
    let v2_event: v2::ServerEvent = decode_value(&delta, "type").expect("kept");
    assert_eq!(v2_event, v2::ServerEvent::Unknown(delta));
    let append = example("session.input_audio_buffer.append/basic.json");
    let v2_event: v2::ClientEvent = decode_value(&append, "type").expect("kept");
    assert_eq!(v2_event, v2::ClientEvent::Unknown(append));
}

// ---- the registry and the typical exchange --------------------------------------------------

#[test]
fn the_registry_lists_the_translation_events_under_version_translation() {
    let names = |direction: Direction| -> Vec<&'static str> {
        registry::messages()
            .into_iter()
            .filter(|m| m.version == Version::Translation && m.direction == direction)
            .inspect(|m| assert_eq!(m.surface, Surface::Realtime))
            .map(|m| m.wire_name)
            .collect()
    };
    assert_eq!(
        names(Direction::ClientToServer),
        [
            "session.update",
            "session.input_audio_buffer.append",
            "session.close"
        ]
    );
    assert_eq!(
        names(Direction::ServerToClient),
        [
            "session.created",
            "session.updated",
            "session.closed",
            "session.input_transcript.delta",
            "session.output_transcript.delta",
            "session.output_audio.delta",
            "error",
        ]
    );
    assert_eq!(Version::Translation.as_str(), "translation");
    assert_eq!(
        translation_union(Direction::ServerToClient),
        "realtime/translation/ServerEvent"
    );
}

fn validate_strict(union: &str, file: &str) -> (u8, String, String) {
    let args = Args {
        union: union.to_owned(),
        files: vec![PathBuf::from(file)],
        strict: true,
        format: Format::Text,
    };
    let (mut out, mut err) = (vec![], vec![]);
    let code = run(&args, &mut &b""[..], &mut out, &mut err);
    (
        code,
        String::from_utf8(out).expect("UTF-8"),
        String::from_utf8(err).expect("UTF-8"),
    )
}

#[test]
fn the_typical_exchange_validates_strictly_in_both_directions() {
    let server_file = format!("{EXAMPLES}/typical-exchange.server.jsonl");
    assert_eq!(
        validate_strict(&translation_union(Direction::ServerToClient), &server_file),
        (
            EXIT_VALID,
            "10 message(s) in 1 input(s): 10 valid, 0 invalid, 0 unknown, 0 disagreement(s)\n"
                .to_owned(),
            String::new()
        )
    );
    let client_file = format!("{EXAMPLES}/typical-exchange.client.jsonl");
    assert_eq!(
        validate_strict(&translation_union(Direction::ClientToServer), &client_file),
        (
            EXIT_VALID,
            "5 message(s) in 1 input(s): 5 valid, 0 invalid, 0 unknown, 0 disagreement(s)\n"
                .to_owned(),
            String::new()
        )
    );
}

#[test]
fn the_typical_exchange_decodes_line_by_line_in_the_order_of_a_session() {
    let text = std::fs::read_to_string(format!("{EXAMPLES}/typical-exchange.server.jsonl"))
        .expect("readable");
    let events: Vec<ServerEvent> = text
        .lines()
        .map(|line| ServerEvent::decode(line).unwrap_or_else(|e| panic!("{e}")))
        .collect();
    let names: Vec<&str> = events
        .iter()
        .map(|e| e.wire_name().expect("known"))
        .collect();
    assert_eq!(names.first(), Some(&"session.created"));
    assert_eq!(names.get(1), Some(&"session.updated"));
    assert_eq!(names.last(), Some(&"session.closed"));
    // The target transcript is the output deltas concatenated as they are.
    let transcript: String = events
        .iter()
        .filter_map(|e| match e {
            ServerEvent::OutputTranscriptDelta(d) => Some(d.delta.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(transcript, "Buenos días");
    // The translated audio is every chunk decoded and queued whole: 12 + 6 bytes of silence.
    let audio: Vec<u8> = events
        .iter()
        .filter_map(|e| match e {
            ServerEvent::OutputAudioDelta(d) => Some(d.delta.decode().expect("base64")),
            _ => None,
        })
        .flatten()
        .collect();
    assert_eq!(audio, vec![0u8; 18]);
}

// ---- building and round-tripping -------------------------------------------------------------

#[test]
fn a_session_update_built_from_types_is_exactly_the_enable_example() {
    let event = ClientEvent::SessionUpdate(TranslationSessionUpdateEvent {
        event_id: Some("evt_c_001".into()),
        session: TranslationSessionUpdate {
            audio: Some(TranslationAudio {
                input: Some(TranslationAudioInput {
                    noise_reduction: Some(Some(TranslationNoiseReduction {
                        kind: NoiseReductionType::NearField,
                        strength: Some(0.5),
                    })),
                    transcription: Some(Some(TranslationTranscription {
                        model: "<transcription model id>".into(),
                    })),
                }),
                output: Some(TranslationAudioOutput {
                    language: Some("es".into()),
                }),
            }),
        },
    });
    insta::assert_json_snapshot!("translation_session_update_enable", event);
    assert_eq!(encode(&event), example("session.update/enable.json"));
}

#[test]
fn tri_state_input_members_keep_absent_null_and_value_apart_and_round_trip() {
    let input = |v: Value| -> TranslationAudioInput {
        let event = client(&json!({"type": "session.update", "session": {"audio": {"input": v}}}));
        let ClientEvent::SessionUpdate(update) = event else {
            panic!("not an update")
        };
        update.session.audio.and_then(|a| a.input).expect("input")
    };
    let absent = input(json!({}));
    assert_eq!((absent.noise_reduction, absent.transcription), (None, None));
    let off = input(json!({"noise_reduction": null, "transcription": null}));
    assert_eq!(
        (&off.noise_reduction, &off.transcription),
        (&Some(None), &Some(None))
    );
    assert_eq!(
        serde_json::to_value(&off).expect("encodes"),
        json!({"noise_reduction": null, "transcription": null})
    );
    let on =
        input(json!({"noise_reduction": {"type": "far_field"}, "transcription": {"model": "m"}}));
    assert_eq!(
        on.noise_reduction,
        Some(Some(TranslationNoiseReduction {
            kind: NoiseReductionType::FarField,
            strength: None
        }))
    );
    assert_eq!(
        serde_json::to_value(&on).expect("encodes"),
        json!({"noise_reduction": {"type": "far_field"}, "transcription": {"model": "m"}})
    );
}

#[test]
fn optional_audio_delta_members_are_none_when_absent_or_null_and_set_otherwise() {
    let ServerEvent::OutputAudioDelta(full) =
        server(&example("session.output_audio.delta/full.json"))
    else {
        panic!("not an audio delta")
    };
    assert_eq!(
        (
            full.format,
            full.sample_rate,
            full.channels,
            full.elapsed_ms
        ),
        (
            Some(TranslationAudioFormat::Pcm16),
            Some(24000),
            Some(1),
            Some(1600)
        )
    );
    let nulls = json!({"type": "session.output_audio.delta", "delta": "AAAA", "format": null,
        "sample_rate": null, "channels": null, "elapsed_ms": null});
    assert_eq!(
        encode(&server(&nulls)),
        json!({"type": "session.output_audio.delta", "delta": "AAAA"})
    );
}

#[test]
fn the_error_event_is_the_shared_realtime_error_event_with_its_lenient_shapes() {
    let value = example("error/official.lenient.json");
    let ServerEvent::Error(error) = server(&value) else {
        panic!("not an error")
    };
    // The same Rust type as the v2 `error` payload.
    let shared: &rtwire_protocol::realtime::ErrorEvent = &error;
    let v2::ServerEvent::Error(v2_error) = decode_value(&value, "type").expect("v2 decodes") else {
        panic!("v2: not an error")
    };
    assert_eq!(*shared, v2_error);
    assert_eq!(error.display_message(), "<human-readable message>");
    let top_level = json!({"type": "error", "message": "slow down"});
    assert_eq!(
        server(&top_level),
        ServerEvent::Error(ErrorEvent {
            event_id: None,
            message: Some("slow down".into()),
            error: None
        })
    );
}

// ---- base64 audio ----------------------------------------------------------------------------

#[test]
fn base64_encodes_and_decodes_every_tail_length() {
    assert_eq!(Base64::encode(b"Man").as_str(), "TWFu");
    assert_eq!(Base64::encode(b"Ma").as_str(), "TWE=");
    assert_eq!(Base64::encode(b"M").as_str(), "TQ==");
    assert_eq!(Base64::encode(b"").as_str(), "");
    let bytes: Vec<u8> = (0..=255).collect();
    for len in 0..bytes.len() {
        let text = Base64::encode(&bytes[..len]);
        assert_eq!(text.decode().expect("valid"), &bytes[..len], "{len} bytes");
    }
    assert_eq!(
        Base64("+/+/".into()).decode().expect("valid"),
        vec![0xfb, 0xff, 0xbf]
    );
}

#[test]
fn base64_check_names_the_first_bad_character_or_the_length() {
    let reasons: Vec<String> = ["AAA", "AA!A", "A=AA", "A===", "AAAA AAA"]
        .iter()
        .map(|t| Base64::check(t).expect_err(t).to_string())
        .collect();
    assert_eq!(
        reasons,
        [
            "not base64: the length is not a multiple of 4 at offset 3",
            "not base64: a character outside the base64 alphabet at offset 2",
            "not base64: padding `=` before the end at offset 1",
            "not base64: padding `=` before the end at offset 1",
            "not base64: a character outside the base64 alphabet at offset 4",
        ]
    );
    for valid in ["", "AAAA", "AA==", "AAA=", "ab+/Zz09"] {
        assert_eq!(Base64::check(valid), Ok(()), "{valid}");
    }
}

// ---- bad input: the decoder and the schema refuse alike --------------------------------------

/// Decodes `value` with the translation union of `direction` and validates it against that
/// union's schema; returns the decode error and whether the schema rejected it too.
fn refused(direction: Direction, value: &Value) -> (String, Vec<String>) {
    let unions = unions();
    let union = unions
        .iter()
        .find(|u| u.info.version == Some(Version::Translation) && u.info.direction == direction)
        .expect("translation union");
    let error = union
        .info
        .roundtrip(value)
        .expect_err("the decoder refuses it");
    let schema_errors = violations(&validator(&union.root), value);
    (error.to_string(), schema_errors)
}

#[test]
fn bad_input_is_refused_by_decoder_and_schema_naming_the_event_and_the_path() {
    let cases = [
        (
            Direction::ClientToServer,
            json!({"type": "session.input_audio_buffer.append", "audio": "AA!A"}),
            "session.input_audio_buffer.append: not base64: a character outside the base64 alphabet at offset 2 (at /audio)",
        ),
        (
            Direction::ClientToServer,
            json!({"type": "session.input_audio_buffer.append", "audio": "AAA"}),
            "session.input_audio_buffer.append: not base64: the length is not a multiple of 4 at offset 3 (at /audio)",
        ),
        (
            Direction::ServerToClient,
            json!({"type": "session.output_audio.delta", "delta": "AA=A"}),
            "session.output_audio.delta: not base64: padding `=` before the end at offset 2 (at /delta)",
        ),
        (
            Direction::ServerToClient,
            json!({"type": "session.output_transcript.delta", "delta": "Hola", "elapsed_ms": -200}),
            "session.output_transcript.delta: invalid value: integer `-200`, expected u32 (at /elapsed_ms)",
        ),
        (
            Direction::ServerToClient,
            json!({"type": "session.output_audio.delta", "delta": "AAAA", "elapsed_ms": -1}),
            "session.output_audio.delta: invalid value: integer `-1`, expected u32 (at /elapsed_ms)",
        ),
        (
            Direction::ServerToClient,
            json!({"type": "session.output_audio.delta", "delta": "AAAA", "format": "opus"}),
            "session.output_audio.delta: unknown variant `opus`, expected `pcm16` (at /format)",
        ),
        (
            Direction::ClientToServer,
            json!({"type": "session.update", "session": {"audio": {"input": {"noise_reduction": {"type": "room"}}}}}),
            "session.update: unknown variant `room`, expected `near_field` or `far_field` (at /session/audio/input/noise_reduction/type)",
        ),
        (
            Direction::ClientToServer,
            json!({"type": "session.update", "session": {"audio": {"input": {"noise_reduction": {"strength": 0.2}}}}}),
            "session.update: missing field `type` (at /session/audio/input/noise_reduction)",
        ),
        (
            Direction::ServerToClient,
            json!({"type": "session.updated", "session": {"id": "sess_1", "type": "translation", "model": "m", "audio": {}}}),
            "session.updated: missing field `expires_at` (at /session)",
        ),
    ];
    for (direction, value, expected) in cases {
        let (error, schema_errors) = refused(direction, &value);
        assert_eq!(error, expected, "{value}");
        assert!(!schema_errors.is_empty(), "the schema accepts {value}");
    }
}

#[test]
fn open_string_members_accept_any_model_and_language() {
    let value = json!({"type": "session.updated", "session": {"id": "sess_1", "type": "translation",
        "model": "x-future-translate", "expires_at": 1, "audio": {"input": {"transcription": {"model": "x-future-transcribe"}},
        "output": {"language": "es-MX"}}}});
    let event = server(&value);
    assert_eq!(encode(&event), value);
}

// ---- the client-secret REST bodies carry the same session object -----------------------------

#[test]
fn the_client_secret_response_session_is_a_translation_session() {
    // The spec's example response body of `POST /v1/realtime/translations/client_secrets`.
    let response = json!({"value": "ek_1234", "expires_at": 1767225600, "session": {"id": "sess_1234567890abcdef",
        "type": "translation", "model": "<translation model id>", "expires_at": 1767229200,
        "audio": {"output": {"language": "es"}}}});
    let session: TranslationSession =
        serde_json::from_value(response["session"].clone()).expect("decodes");
    assert_eq!(session.expires_at, 1767229200);
    assert_eq!(
        serde_json::to_value(&session).expect("encodes"),
        response["session"]
    );
    // The example request body's `session.audio` is the same audio object.
    let request = json!({"session": {"model": "<translation model id>", "audio": {"output": {"language": "es"}}},
        "expires_after": {"anchor": "created_at", "seconds": 600}});
    let audio: TranslationAudio =
        serde_json::from_value(request["session"]["audio"].clone()).expect("decodes");
    assert_eq!(
        serde_json::to_value(&audio).expect("encodes"),
        request["session"]["audio"]
    );
}

#[test]
fn an_append_built_from_pcm_bytes_carries_their_base64() {
    let samples: Vec<u8> = [0i16, 1, -1].iter().flat_map(|s| s.to_le_bytes()).collect();
    let event = ClientEvent::InputAudioBufferAppend(TranslationInputAudioBufferAppend {
        event_id: None,
        audio: Base64::encode(&samples),
    });
    assert_eq!(
        encode(&event),
        json!({"type": "session.input_audio_buffer.append", "audio": "AAABAP//"})
    );
}

// ---- bad input: decoder and schema agree on every value, not only on the pinned ones ---------

/// Runs `check` on values of `strategy` with a fixed seed, so that CI is reproducible.
fn agree_on<S: proptest::strategy::Strategy<Value = Value>>(
    direction: Direction,
    strategy: S,
) -> Result<(), proptest::test_runner::TestError<Value>> {
    use proptest::test_runner::{Config, RngSeed, TestCaseError, TestRunner};
    let unions = unions();
    let union = unions
        .iter()
        .find(|u| u.info.version == Some(Version::Translation) && u.info.direction == direction)
        .expect("translation union");
    let schema = validator(&union.root);
    let config = Config {
        cases: 256,
        failure_persistence: None,
        rng_seed: RngSeed::Fixed(0x7472_616e_736c),
        ..Config::default()
    };
    TestRunner::new(config).run(&strategy, |value| {
        let decoded = union.info.roundtrip(&value);
        let valid = violations(&schema, &value).is_empty();
        if decoded.is_ok() != valid {
            return Err(TestCaseError::fail(format!(
                "decoder says {decoded:?}, schema says valid={valid}: {value}"
            )));
        }
        Ok(())
    })
}

#[test]
fn decoder_and_schema_accept_the_same_audio_strings() {
    use proptest::prelude::*;
    // Base64-like strings: mostly alphabet characters, with padding and stray characters.
    let text = proptest::collection::vec(
        prop_oneof![
            8 => proptest::char::ranges(vec!['A'..='Z', 'a'..='z', '0'..='9'].into()),
            1 => Just('+'), 1 => Just('/'), 2 => Just('='), 1 => Just(' '), 1 => Just('-'), 1 => Just('_'),
        ],
        0..14,
    )
    .prop_map(|chars| chars.into_iter().collect::<String>());
    let append = text
        .clone()
        .prop_map(|a| json!({"type": "session.input_audio_buffer.append", "audio": a}));
    agree_on(Direction::ClientToServer, append).unwrap_or_else(|e| panic!("{e}"));
    let delta = text.prop_map(|d| json!({"type": "session.output_audio.delta", "delta": d}));
    agree_on(Direction::ServerToClient, delta).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn decoder_and_schema_accept_the_same_numbers_and_formats() {
    use proptest::prelude::*;
    let number = prop_oneof![
        Just(json!(null)),
        (-5_000i64..5_000).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        Just(json!(4_294_967_296u64)),
        Just(json!(1.5)),
        Just(json!("1400")),
    ];
    let transcript = number.clone().prop_map(
        |n| json!({"type": "session.input_transcript.delta", "delta": "x", "elapsed_ms": n}),
    );
    agree_on(Direction::ServerToClient, transcript).unwrap_or_else(|e| panic!("{e}"));
    let format = prop_oneof![
        Just(json!("pcm16")),
        Just(json!("PCM16")),
        Just(json!("g711_ulaw")),
        Just(json!(null)),
        "[a-z0-9_]{0,8}".prop_map(Value::from),
    ];
    let delta = (format, number.clone(), number).prop_map(|(f, rate, channels)| {
        json!({"type": "session.output_audio.delta", "delta": "AAAA", "format": f,
            "sample_rate": rate, "channels": channels})
    });
    agree_on(Direction::ServerToClient, delta).unwrap_or_else(|e| panic!("{e}"));
}
