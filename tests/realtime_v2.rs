//! Realtime v2 claims beyond the generic corpus tests: the canonical `session.update` payloads
//! of spec §6, tri-state members, the extensions of spec §5, forward compatibility, raw frames,
//! and pinned error messages for bad input.

use rtwire_protocol::encode;
use rtwire_protocol::realtime::Frame;
use rtwire_protocol::realtime::v2::{
    AudioFormat, ClientEvent, ContentPart, ConversationItem, ConversationalSession, ErrorEvent,
    Modality, ServerEvent, SessionConfig, SessionEcho, SessionUpdate, Tool, TurnDetection, Voice,
    VoiceName,
};
use serde_json::{Value, json};

fn client(text: &str) -> ClientEvent {
    ClientEvent::decode(text).unwrap_or_else(|e| panic!("{e}"))
}

fn server(text: &str) -> ServerEvent {
    ServerEvent::decode(text).unwrap_or_else(|e| panic!("{e}"))
}

fn client_error(text: &str) -> String {
    ClientEvent::decode(text)
        .expect_err("must be rejected")
        .to_string()
}

fn server_error(text: &str) -> String {
    ServerEvent::decode(text)
        .expect_err("must be rejected")
        .to_string()
}

fn value(text: &str) -> Value {
    serde_json::from_str(text).expect("JSON")
}

// ---- spec §6: canonical session.update payloads -------------------------------------------

const PROMPT: &str = "<realtime prompt supplied by the caller>";

/// The conversational `session.update` body the Codex client sends, verbatim.
const CONVERSATIONAL_SESSION_UPDATE: &str = r#"{
  "type": "session.update",
  "session": {
    "type": "realtime",
    "instructions": "<realtime prompt supplied by the caller>",
    "output_modalities": ["audio"],
    "audio": {
      "input": {
        "format": {"type": "audio/pcm", "rate": 24000},
        "noise_reduction": {"type": "near_field"},
        "transcription": {"model": "gpt-4o-mini-transcribe"},
        "turn_detection": {
          "type": "server_vad",
          "interrupt_response": true,
          "create_response": true,
          "silence_duration_ms": 500
        }
      },
      "output": {
        "format": {"type": "audio/pcm", "rate": 24000},
        "voice": "marin"
      }
    },
    "tools": [
      {
        "type": "function",
        "name": "background_agent",
        "description": "Send a user request to the background agent. Use this as the default action. Do not rephrase the user's ask or rewrite it in your own words; pass along the user's own words. If the background agent is idle, this starts a new task and returns the final result to the user. If the background agent is already working on a task, this sends the request as guidance to steer that previous task. If the user asks to do something next, later, after this, or once current work finishes, call this tool so the work is actually queued instead of merely promising to do it later.",
        "parameters": {
          "type": "object",
          "properties": {
            "prompt": {
              "type": "string",
              "description": "The user request to delegate to the background agent."
            }
          },
          "required": ["prompt"],
          "additionalProperties": false
        }
      },
      {
        "type": "function",
        "name": "remain_silent",
        "description": "Call this when the best response is to say nothing. Use it instead of speaking after hidden system/control messages, after background agent updates in silent modes, or whenever acknowledging aloud would be distracting. This tool has no user-visible effect.",
        "parameters": {
          "type": "object",
          "properties": {},
          "additionalProperties": false
        }
      }
    ],
    "tool_choice": "auto"
  }
}"#;

/// The transcription `session.update` body the Codex client sends, verbatim.
const TRANSCRIPTION_SESSION_UPDATE: &str = r#"{
  "type": "session.update",
  "session": {
    "type": "transcription",
    "audio": {
      "input": {
        "format": {"type": "audio/pcm", "rate": 24000},
        "transcription": {"model": "gpt-4o-mini-transcribe"}
      }
    }
  }
}"#;

#[test]
fn conversational_session_update_is_exactly_the_spec_payload() {
    let event = ClientEvent::SessionUpdate(ConversationalSession::new(PROMPT).session_update());
    insta::assert_json_snapshot!("conversational_session_update", event);
    assert_eq!(encode(&event), value(CONVERSATIONAL_SESSION_UPDATE));
}

#[test]
fn conversational_session_update_with_text_output_and_another_voice_changes_only_those() {
    let mut session = ConversationalSession::new("Be brief.");
    session.text_output = true;
    session.voice = Voice::Name(VoiceName::Cedar);
    let event = ClientEvent::SessionUpdate(session.session_update());
    insta::assert_json_snapshot!("conversational_session_update_text_output", event);
    let encoded = encode(&event);
    assert_eq!(encoded["session"]["output_modalities"], json!(["text"]));
    assert_eq!(
        encoded["session"]["audio"]["output"]["voice"],
        json!("cedar")
    );
    let mut audio = ConversationalSession::new("Be brief.").session_update();
    if let SessionConfig::Realtime(config) = &mut audio.session {
        config.output_modalities = Some(vec![Modality::Text]);
        if let Some(output) = config.audio.as_mut().and_then(|a| a.output.as_mut()) {
            output.voice = Some(Voice::Name(VoiceName::Cedar));
        }
    }
    assert_eq!(encode(&ClientEvent::SessionUpdate(audio)), encoded);
}

#[test]
fn transcription_session_update_is_exactly_the_spec_payload() {
    let event = ClientEvent::SessionUpdate(SessionUpdate::transcription());
    insta::assert_json_snapshot!("transcription_session_update", event);
    assert_eq!(encode(&event), value(TRANSCRIPTION_SESSION_UPDATE));
}

#[test]
fn the_spec_session_updates_decode_to_what_the_constructors_build() {
    assert_eq!(
        client(CONVERSATIONAL_SESSION_UPDATE),
        ClientEvent::SessionUpdate(ConversationalSession::new(PROMPT).session_update())
    );
    assert_eq!(
        client(TRANSCRIPTION_SESSION_UPDATE),
        ClientEvent::SessionUpdate(SessionUpdate::transcription())
    );
}

#[test]
fn the_old_codex_tool_is_still_available_for_peers_that_match_it() {
    let mut session = ConversationalSession::new(PROMPT);
    session.tools = vec![Tool::codex()];
    let encoded = encode(&ClientEvent::SessionUpdate(session.session_update()));
    let tools = &encoded["session"]["tools"];
    assert_eq!(tools.as_array().map(Vec::len), Some(1));
    assert_eq!(tools[0]["name"], json!("codex"));
    assert_eq!(
        tools[0]["parameters"],
        value(CONVERSATIONAL_SESSION_UPDATE)["session"]["tools"][0]["parameters"]
    );
}

#[test]
fn canonical_session_updates_decode_back_to_themselves() {
    for update in [
        ConversationalSession::new(PROMPT).session_update(),
        SessionUpdate::transcription(),
    ] {
        let event = ClientEvent::SessionUpdate(update);
        let again = ClientEvent::decode(&encode(&event).to_string()).expect("decodes");
        assert_eq!(again, event);
    }
}

// ---- tri-state members (Opt+Null ⚑) -------------------------------------------------------

#[test]
fn tri_state_members_keep_absent_null_and_value_apart_and_round_trip() {
    let cases = [
        (
            r#"{"type":"session.update","session":{"type":"realtime","audio":{"input":{}}}}"#,
            None,
        ),
        (
            r#"{"type":"session.update","session":{"type":"realtime","audio":{"input":{"turn_detection":null}}}}"#,
            Some(None),
        ),
        (
            r#"{"type":"session.update","session":{"type":"realtime","audio":{"input":{"turn_detection":{"type":"semantic_vad"}}}}}"#,
            Some(Some(TurnDetection::SemanticVad(Default::default()))),
        ),
    ];
    for (text, expected) in cases {
        let event = client(text);
        let ClientEvent::SessionUpdate(SessionUpdate {
            session: SessionConfig::Realtime(config),
            ..
        }) = &event
        else {
            panic!("not a realtime session.update: {event:?}");
        };
        let input = config
            .audio
            .as_ref()
            .and_then(|a| a.input.as_ref())
            .expect("audio.input");
        assert_eq!(input.turn_detection, expected, "{text}");
        assert_eq!(encode(&event), value(text), "{text}");
    }
}

#[test]
fn response_metadata_null_is_an_explicit_clear() {
    let text = r#"{"type":"response.create","response":{"metadata":null,"prompt":null}}"#;
    let ClientEvent::ResponseCreate(create) = client(text) else {
        panic!("not response.create")
    };
    let params = create.response.as_ref().expect("response");
    assert_eq!(params.metadata, Some(None));
    assert_eq!(params.prompt, Some(None));
    assert_eq!(encode(&ClientEvent::ResponseCreate(create)), value(text));
}

// ---- extensions (spec §5) -------------------------------------------------------------------

#[test]
fn audio_delta_alias_and_num_channels_decode_to_the_canonical_event() {
    let ServerEvent::ResponseOutputAudioDelta(delta) = server(
        r#"{"type":"response.audio.delta","response_id":"r","item_id":"i","output_index":0,"content_index":0,"delta":"AA==","sample_rate":16000,"num_channels":2}"#,
    ) else {
        panic!("not an audio delta")
    };
    assert_eq!((delta.sample_rate, delta.channels), (Some(16000), Some(2)));
    let encoded = encode(&ServerEvent::ResponseOutputAudioDelta(delta));
    assert_eq!(
        encoded,
        json!({"type":"response.output_audio.delta","response_id":"r","item_id":"i","output_index":0,"content_index":0,"delta":"AA==","sample_rate":16000,"channels":2})
    );
}

#[test]
fn channels_wins_over_num_channels_when_both_are_sent() {
    let ServerEvent::ResponseOutputAudioDelta(delta) = server(
        r#"{"type":"response.output_audio.delta","response_id":"r","item_id":"i","output_index":0,"content_index":0,"delta":"AA==","num_channels":1,"channels":2}"#,
    ) else {
        panic!("not an audio delta")
    };
    assert_eq!(delta.channels, Some(2));
}

#[test]
fn error_event_display_message_follows_the_spec_order() {
    let cases = [
        (
            r#"{"type":"error","event_id":"e1","error":{"type":"invalid_request_error","message":"bad"}}"#,
            "bad",
        ),
        (r#"{"type":"error","message":"top"}"#, "top"),
        (
            r#"{"type":"error","message":"top","error":{"type":"server_error","message":"nested"}}"#,
            "top",
        ),
        (r#"{"type":"error","error":"plain text"}"#, "plain text"),
        (
            r#"{"type":"error","error":{"message":"untyped"}}"#,
            "untyped",
        ),
        (
            r#"{"type":"error","error":{"code":"x","n":[1,2]}}"#,
            r#"{"code":"x","n":[1,2]}"#,
        ),
        (r#"{"type":"error","error":42}"#, "42"),
    ];
    for (text, shown) in cases {
        let ServerEvent::Error(event) = server(text) else {
            panic!("not an error event: {text}")
        };
        assert_eq!(event.display_message(), shown, "{text}");
        assert_eq!(encode(&ServerEvent::Error(event)), value(text), "{text}");
    }
}

#[test]
fn error_event_without_any_source_is_rejected() {
    for text in [
        r#"{"type":"error"}"#,
        r#"{"type":"error","event_id":"e","message":null,"error":null}"#,
    ] {
        assert_eq!(
            server_error(text),
            "error: an `error` event needs a top-level `message` or an `error` member",
            "{text}"
        );
    }
}

#[test]
fn error_event_is_shared_with_the_crate_root_name() {
    let event: ErrorEvent =
        rtwire_protocol::realtime::ErrorEvent::new(rtwire_protocol::realtime::RealtimeError {
            kind: rtwire_protocol::realtime::ErrorType::ServerError,
            message: "boom".into(),
            code: None,
            param: None,
            event_id: Some("evt_1".into()),
        });
    assert_eq!(
        encode(&ServerEvent::Error(event)),
        json!({"type":"error","error":{"type":"server_error","message":"boom","event_id":"evt_1"}})
    );
}

#[test]
fn response_ids_follow_the_spec_rule() {
    let ServerEvent::ResponseCancelled(cancelled) = server(
        r#"{"type":"response.cancelled","response":{"id":"resp_a"},"response_id":"resp_b"}"#,
    ) else {
        panic!("not response.cancelled")
    };
    assert_eq!(cancelled.id(), Some("resp_a"));
    let ServerEvent::ResponseCancelled(cancelled) =
        server(r#"{"type":"response.cancelled","response_id":"resp_b"}"#)
    else {
        panic!("not response.cancelled")
    };
    assert_eq!(cancelled.id(), Some("resp_b"));
    let ServerEvent::ResponseDone(done) =
        server(r#"{"type":"response.done","response":{},"response_id":"resp_c"}"#)
    else {
        panic!("not response.done")
    };
    assert_eq!(done.id(), Some("resp_c"));
}

#[test]
fn bare_session_echo_is_a_realtime_session_and_encodes_with_its_type() {
    let event =
        server(r#"{"type":"session.updated","session":{"id":"sess_1","instructions":"Hi"}}"#);
    let ServerEvent::SessionUpdated(updated) = &event else {
        panic!("not session.updated")
    };
    assert!(matches!(updated.session, SessionEcho::Realtime(_)));
    assert_eq!(
        encode(&event),
        json!({"type":"session.updated","session":{"type":"realtime","id":"sess_1","instructions":"Hi"}})
    );
}

#[test]
fn untyped_audio_format_is_pcm_and_untyped_tool_is_a_function() {
    let event = client(
        r#"{"type":"session.update","session":{"type":"realtime","tools":[{"name":"f"}],"audio":{"output":{"format":{"rate":24000}}}}}"#,
    );
    let ClientEvent::SessionUpdate(SessionUpdate {
        session: SessionConfig::Realtime(config),
        ..
    }) = &event
    else {
        panic!("not a realtime session.update")
    };
    assert!(
        matches!(config.tools.as_deref(), Some([Tool::Function(f)]) if f.name.as_deref() == Some("f"))
    );
    let format = config
        .audio
        .as_ref()
        .and_then(|a| a.output.as_ref())
        .and_then(|o| o.format.clone());
    assert_eq!(format, Some(AudioFormat::pcm_24khz()));
    assert_eq!(
        encode(&event),
        json!({"type":"session.update","session":{"type":"realtime","tools":[{"type":"function","name":"f"}],"audio":{"output":{"format":{"type":"audio/pcm","rate":24000}}}}})
    );
}

#[test]
fn content_part_spellings_text_and_audio_encode_officially() {
    let event = server(
        r#"{"type":"conversation.item.done","item":{"type":"message","role":"assistant","content":[{"type":"text","text":"a"},{"type":"audio","transcript":"b"}]}}"#,
    );
    assert_eq!(
        encode(&event),
        json!({"type":"conversation.item.done","item":{"type":"message","role":"assistant","content":[{"type":"output_text","text":"a"},{"type":"output_audio","transcript":"b"}]}})
    );
}

#[test]
fn developer_role_messages_round_trip() {
    let item =
        ConversationItem::input_text(rtwire_protocol::realtime::v2::Role::Developer, "context");
    let event = ClientEvent::ConversationItemCreate(
        rtwire_protocol::realtime::v2::ConversationItemCreate::new(item),
    );
    let expected = json!({"type":"conversation.item.create","item":{"type":"message","role":"developer","content":[{"type":"input_text","text":"context"}]}});
    assert_eq!(encode(&event), expected);
    assert_eq!(client(&expected.to_string()), event);
}

// ---- forward compatibility ----------------------------------------------------------------

#[test]
fn unknown_event_types_round_trip_unchanged_in_both_directions() {
    let text =
        r#"{"type":"transcription_session.updated","session":{"x":[1,{"y":null}]},"event_id":"e"}"#;
    assert_eq!(server(text), ServerEvent::Unknown(value(text)));
    assert_eq!(encode(&server(text)), value(text));
    let text = r#"{"type":"response.text.delta","delta":"pre-GA"}"#;
    assert_eq!(encode(&server(text)), value(text));
    let text = r#"{"type":"conversation.future_request","item_id":"i"}"#;
    assert_eq!(client(text), ClientEvent::Unknown(value(text)));
    assert_eq!(encode(&client(text)), value(text));
}

#[test]
fn unknown_items_parts_tools_and_formats_inside_known_events_round_trip_unchanged() {
    let texts = [
        r#"{"type":"conversation.item.done","event_id":"e","item":{"type":"reasoning","id":"rs_1","summary":[{"t":1}]}}"#,
        r#"{"type":"conversation.item.done","item":{"type":"message","role":"user","content":[{"type":"input_file","file_id":"f"},{"no_type":true}]}}"#,
        r#"{"type":"session.update","session":{"type":"realtime","tools":[{"type":"web_search","k":1}],"audio":{"input":{"format":{"type":"audio/opus"},"turn_detection":{"type":"future_vad"}}}}}"#,
        r#"{"type":"conversation.item.input_audio_transcription.completed","item_id":"i","content_index":0,"transcript":"t","usage":{"type":"credits","n":1}}"#,
        r#"{"type":"session.update","session":{"type":"translation","languages":["fr"]}}"#,
    ];
    for text in texts {
        let encoded = match ServerEvent::decode(text) {
            Ok(event) if !matches!(event, ServerEvent::Unknown(_)) => encode(&event),
            _ => encode(&client(text)),
        };
        assert_eq!(encoded, value(text), "{text}");
    }
    let ServerEvent::ConversationItemDone(done) = server(texts[1]) else {
        panic!("not conversation.item.done")
    };
    let ConversationItem::Message(message) = &done.item else {
        panic!("not a message")
    };
    assert!(
        message
            .content
            .iter()
            .all(|part| matches!(part, ContentPart::Unknown(_)))
    );
}

#[test]
fn frame_keeps_the_exact_text_next_to_the_typed_event() {
    let text = "{ \"type\" : \"response.output_text.delta\", \"event_id\":\"e\", \"response_id\":\"r\", \"item_id\":\"i\", \"output_index\":0, \"content_index\":0, \"delta\":\"hé\", \"obfuscation\":\"zz\" }";
    let frame = Frame::<ServerEvent>::decode(text).expect("decodes");
    assert_eq!(frame.raw, text);
    assert!(matches!(&frame.event, ServerEvent::ResponseOutputTextDelta(d) if d.delta == "hé"));
    let unknown = Frame::<ServerEvent>::decode(r#"{"type":"x.y","z":1}"#).expect("unknown is kept");
    assert_eq!(
        (unknown.raw.as_str(), unknown.event),
        (
            r#"{"type":"x.y","z":1}"#,
            ServerEvent::Unknown(json!({"type":"x.y","z":1}))
        )
    );
    assert_eq!(
        Frame::<ServerEvent>::decode(r#"{"type":"output_audio_buffer.started"}"#)
            .expect_err("bad")
            .to_string(),
        "output_audio_buffer.started: missing field `response_id`"
    );
}

// ---- bad input: pinned messages with the event type and the JSON path ---------------------

#[test]
fn missing_required_members_name_the_event_and_the_member() {
    assert_eq!(
        server_error(
            r#"{"type":"response.output_audio.delta","response_id":"r","item_id":"i","output_index":0,"content_index":0}"#
        ),
        "response.output_audio.delta: missing field `delta`"
    );
    assert_eq!(
        server_error(r#"{"type":"rate_limits.updated"}"#),
        "rate_limits.updated: missing field `rate_limits`"
    );
    assert_eq!(
        client_error(r#"{"type":"session.update"}"#),
        "session.update: missing field `session`"
    );
    assert_eq!(
        client_error(r#"{"type":"conversation.item.truncate","item_id":"i","content_index":0}"#),
        "conversation.item.truncate: missing field `audio_end_ms`"
    );
}

#[test]
fn errors_inside_nested_objects_carry_their_json_path() {
    assert_eq!(
        server_error(
            r#"{"type":"response.done","response":{"output":[{"type":"message","content":[]}]}}"#
        ),
        "response.done: missing field `role` (at /response/output/0)"
    );
    assert_eq!(
        server_error(
            r#"{"type":"response.done","response":{"output":[{"type":"message","role":"assistant","content":[{"type":"output_text","text":5}]}]}}"#
        ),
        "response.done: invalid type: integer `5`, expected a string (at /response/output/0/content/0/text)"
    );
    assert_eq!(
        client_error(
            r#"{"type":"conversation.item.create","item":{"type":"message","role":"robot","content":[]}}"#
        ),
        "conversation.item.create: unknown variant `robot`, expected one of `system`, `developer`, `user`, `assistant` (at /item/role)"
    );
    assert_eq!(
        client_error(
            r#"{"type":"session.update","session":{"type":"realtime","tools":[{"type":"mcp"}]}}"#
        ),
        "session.update: missing field `server_label` (at /session/tools/0)"
    );
    assert_eq!(
        client_error(
            r#"{"type":"session.update","session":{"type":"realtime","audio":{"input":{"format":{"type":"audio/pcm","rate":16000}}}}}"#
        ),
        "session.update: invalid value: integer `16000`, expected 24000 (at /session/audio/input/format/rate)"
    );
    assert_eq!(
        server_error(
            r#"{"type":"conversation.item.input_audio_transcription.completed","item_id":"i","content_index":0,"transcript":"t","usage":{"type":"tokens","input_tokens":1}}"#
        ),
        "conversation.item.input_audio_transcription.completed: missing field `output_tokens` (at /usage)"
    );
}

#[test]
fn closed_enums_reject_unknown_values() {
    assert_eq!(
        client_error(
            r#"{"type":"session.update","session":{"type":"realtime","output_modalities":["video"]}}"#
        ),
        "session.update: unknown variant `video`, expected `text` or `audio` (at /session/output_modalities/0)"
    );
    assert_eq!(
        server_error(r#"{"type":"response.done","response":{"status":"paused"}}"#),
        "response.done: unknown variant `paused`, expected one of `in_progress`, `completed`, `cancelled`, `failed`, `incomplete` (at /response/status)"
    );
}

#[test]
fn open_enums_keep_unknown_strings() {
    let text = r#"{"type":"session.update","session":{"type":"realtime","model":"gpt-realtime-9","audio":{"output":{"voice":"nova-x"},"input":{"transcription":{"model":"whisper-9"}}}}}"#;
    assert_eq!(encode(&client(text)), value(text));
    let text = r#"{"type":"session.update","session":{"type":"realtime","model":"gpt-realtime","audio":{"output":{"voice":"marin"}}}}"#;
    let ClientEvent::SessionUpdate(SessionUpdate {
        session: SessionConfig::Realtime(config),
        ..
    }) = client(text)
    else {
        panic!("not a realtime session.update")
    };
    assert_eq!(
        config.model,
        Some(rtwire_protocol::realtime::v2::RealtimeModel::GptRealtime)
    );
}

#[test]
fn decoder_and_union_schema_agree_on_edge_inputs() {
    let unions = rtwire_tests::unions();
    let schema_of = |name: &str| {
        let union = unions
            .iter()
            .find(|u| u.info.module == "realtime/v2" && u.info.name == name)
            .expect("union");
        rtwire_tests::validator(&union.root)
    };
    let (client_schema, server_schema) = (schema_of("ClientEvent"), schema_of("ServerEvent"));
    let item = |part: &str| {
        format!(
            r#"{{"type":"conversation.item.create","item":{{"type":"message","role":"user","content":[{part}]}}}}"#
        )
    };
    let format = |format: &str| {
        format!(
            r#"{{"type":"session.update","session":{{"type":"realtime","audio":{{"input":{{"format":{format}}}}}}}}}"#
        )
    };
    let input =
        |input: &str| format!(r#"{{"type":"response.create","response":{{"input":[{input}]}}}}"#);
    let client_cases = [
        (item(r#"{"type":5,"text":"x"}"#), true),
        (item(r#""just text""#), true),
        (item(r#"{"text":"x"}"#), true),
        (item(r#"{"type":"input_text","text":7}"#), false),
        (format(r#"{"type":5}"#), false),
        (format(r#"{"rate":24000}"#), true),
        (format(r#"{"rate":16000}"#), false),
        (input(r#"{"type":"item_reference"}"#), false),
        (input(r#"{"type":"item_reference","id":"item_1"}"#), true),
    ];
    for (text, accepted) in client_cases {
        assert_eq!(
            ClientEvent::decode(&text).is_ok(),
            accepted,
            "decoder on {text}"
        );
        assert_eq!(
            client_schema.is_valid(&value(&text)),
            accepted,
            "schema on {text}"
        );
    }
    let delta = |extra: &str| {
        format!(
            r#"{{"type":"response.output_audio.delta","response_id":"r","item_id":"i","output_index":0,"content_index":0,"delta":"AA=="{extra}}}"#
        )
    };
    let server_cases = [
        (r#"{"type":"error","error":null}"#.to_owned(), false),
        (
            r#"{"type":"error","message":null,"error":"x"}"#.to_owned(),
            true,
        ),
        (
            r#"{"type":"error","message":"m","error":null}"#.to_owned(),
            true,
        ),
        (delta(r#","num_channels":"two""#), false),
        (delta(r#","num_channels":2"#), true),
        (
            r#"{"type":"session.created","session":{"type":7,"id":"s"}}"#.to_owned(),
            false,
        ),
        (
            r#"{"type":"session.created","session":{"id":"s"}}"#.to_owned(),
            true,
        ),
    ];
    for (text, accepted) in server_cases {
        assert_eq!(
            ServerEvent::decode(&text).is_ok(),
            accepted,
            "decoder on {text}"
        );
        assert_eq!(
            server_schema.is_valid(&value(&text)),
            accepted,
            "schema on {text}"
        );
    }
}

#[test]
fn delegation_answer_uses_call_id_else_item_id() {
    let call = |item: &str| {
        let ServerEvent::ConversationItemDone(done) = server(&format!(
            r#"{{"type":"conversation.item.done","item":{item}}}"#
        )) else {
            panic!("not conversation.item.done")
        };
        let ConversationItem::FunctionCall(call) = done.item else {
            panic!("not a function call")
        };
        call
    };
    let with_call_id = call(
        r#"{"type":"function_call","id":"item_1","call_id":"call_1","name":"codex","arguments":"{}"}"#,
    );
    assert_eq!(with_call_id.answer_call_id(), Some("call_1"));
    let without = call(
        r#"{"type":"function_call","id":"item_2","name":"codex","arguments":"{\"prompt\":\"x\"}"}"#,
    );
    assert_eq!(without.answer_call_id(), Some("item_2"));
    let answer =
        ConversationItem::function_call_output(without.answer_call_id().expect("id"), "done");
    assert_eq!(
        encode(&ClientEvent::ConversationItemCreate(
            rtwire_protocol::realtime::v2::ConversationItemCreate::new(answer)
        )),
        json!({"type":"conversation.item.create","item":{"type":"function_call_output","call_id":"item_2","output":"done"}})
    );
}

#[test]
fn type_less_defaults_aliases_and_minimal_forms_type_check_in_typescript_as_they_decode() {
    // An audio format, a tool and a session echo without `type` decode as their default
    // variant (and the schema accepts them), so the TypeScript types accept them too.
    let accepted = [
        (
            "realtime.v2.AudioOutputConfig",
            r#"{"format":{"rate":24000},"voice":"marin"}"#,
        ),
        (
            "realtime.v2.RealtimeSessionConfig",
            r#"{"tools":[{"name":"lookup","parameters":{"type":"object"}}]}"#,
        ),
        (
            "realtime.v2.SessionEvent",
            r#"{"session":{"id":"sess_1","instructions":"Hi"}}"#,
        ),
        // The beta content part spellings are aliases in TypeScript too.
        (
            "realtime.v2.ConversationItemRetrieved",
            r#"{"item":{"type":"message","role":"assistant","content":[{"type":"audio","transcript":"Yes.","audio":"UklGR"},{"type":"text","text":"Hi"}]}}"#,
        ),
        (
            "realtime.v2.ResponseContentPartEvent",
            r#"{"response_id":"r","item_id":"i","output_index":0,"content_index":0,"part":{"type":"output_text","text":"Hi"}}"#,
        ),
        // The minimal forms of Codex-compatible peers.
        (
            "realtime.v2.ResponseOutputTextDelta",
            r#"{"delta":"working"}"#,
        ),
        ("realtime.v2.InputAudioBufferSpeechStarted", r#"{}"#),
        ("realtime.v2.ResponseEvent", r#"{"response_id":"resp_1"}"#),
        (
            "realtime.v2.InputAudioTranscriptionCompleted",
            r#"{"transcript":"delegate now"}"#,
        ),
    ];
    let rejected = [(
        "realtime.v2.AudioOutputConfig",
        r#"{"format":{"type":"audio/pcmu","rate":24000}}"#,
    )];
    let mut file = String::from(
        "import type { realtime } from \"../../../../generated/typescript/index.js\";\n\n",
    );
    for (i, (ty, literal)) in accepted.iter().enumerate() {
        assert!(decode_nested(ty, literal), "the decoder accepts {literal}");
        file.push_str(&format!("export const accepted{i}: {ty} = {literal};\n"));
    }
    for (i, (ty, literal)) in rejected.iter().enumerate() {
        file.push_str(&format!(
            "// @ts-expect-error\nexport const rejected{i}: {ty} = {literal};\n"
        ));
    }
    let dir = rtwire_tests::root().join("tests/ts/.generated/realtime_v2");
    std::fs::create_dir_all(&dir).expect("create the check folder");
    std::fs::write(dir.join("check.ts"), file).expect("write check.ts");
    let config = json!({
        "compilerOptions": {
            "strict": true, "noEmit": true, "target": "ES2022", "module": "NodeNext",
            "moduleResolution": "NodeNext", "verbatimModuleSyntax": true, "isolatedModules": true,
            "exactOptionalPropertyTypes": true, "types": []
        },
        "include": ["check.ts", "../../../../generated/typescript/**/*.ts"]
    });
    std::fs::write(dir.join("tsconfig.json"), config.to_string()).expect("write tsconfig.json");
    let ts = rtwire_tests::root().join("tests/ts");
    let tsc = ts.join("node_modules/typescript/bin/tsc");
    if !tsc.exists() {
        let status = std::process::Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&ts)
            .status();
        assert!(
            status.is_ok_and(|s| s.success()),
            "npm ci (tests/ts) failed; Node.js and npm are required"
        );
    }
    let output = std::process::Command::new("node")
        .arg(&tsc)
        .args([
            "--project",
            &dir.join("tsconfig.json").to_string_lossy(),
            "--pretty",
            "false",
        ])
        .output()
        .expect("run tsc (Node.js is required)");
    let text = String::from_utf8_lossy(&output.stdout).into_owned()
        + String::from_utf8_lossy(&output.stderr).as_ref();
    assert!(output.status.success() && text.trim().is_empty(), "{text}");
}

/// Whether the decoder accepts `literal` as the member type named like the TypeScript `ty`.
fn decode_nested(ty: &str, literal: &str) -> bool {
    use rtwire_protocol::realtime::v2::{
        AudioOutputConfig, ConversationItemRetrieved, InputAudioBufferSpeechStarted,
        InputAudioTranscriptionCompleted, RealtimeSessionConfig, ResponseContentPartEvent,
        ResponseEvent, ResponseOutputTextDelta, SessionEvent,
    };
    fn ok<T: serde::de::DeserializeOwned>(literal: &str) -> bool {
        serde_json::from_str::<T>(literal).is_ok()
    }
    match ty.rsplit('.').next() {
        Some("ConversationItemRetrieved") => ok::<ConversationItemRetrieved>(literal),
        Some("ResponseContentPartEvent") => ok::<ResponseContentPartEvent>(literal),
        Some("ResponseOutputTextDelta") => ok::<ResponseOutputTextDelta>(literal),
        Some("InputAudioBufferSpeechStarted") => ok::<InputAudioBufferSpeechStarted>(literal),
        Some("ResponseEvent") => ok::<ResponseEvent>(literal),
        Some("InputAudioTranscriptionCompleted") => ok::<InputAudioTranscriptionCompleted>(literal),
        Some("AudioOutputConfig") => serde_json::from_str::<AudioOutputConfig>(literal).is_ok(),
        Some("RealtimeSessionConfig") => {
            serde_json::from_str::<RealtimeSessionConfig>(literal).is_ok()
        }
        Some("SessionEvent") => serde_json::from_str::<SessionEvent>(literal).is_ok(),
        _ => false,
    }
}

// ---- minimal events of Codex-compatible peers ---------------------------------------------

/// The minimal form of each event that accepts one: only the needed members.
const MINIMAL_FORMS: [&str; 16] = [
    r#"{"type":"session.updated","session":{"id":"sess_1"}}"#,
    r#"{"type":"session.created","session":{"id":"sess_1"}}"#,
    r#"{"type":"response.output_audio.delta","delta":"AQID"}"#,
    r#"{"type":"conversation.item.input_audio_transcription.delta","delta":"dele"}"#,
    r#"{"type":"conversation.item.input_audio_transcription.completed","transcript":"delegate now"}"#,
    r#"{"type":"response.output_text.delta","delta":"working"}"#,
    r#"{"type":"response.output_audio_transcript.delta","delta":"working"}"#,
    r#"{"type":"response.output_text.done","text":"done"}"#,
    r#"{"type":"response.output_audio_transcript.done","transcript":"done"}"#,
    r#"{"type":"input_audio_buffer.speech_started"}"#,
    r#"{"type":"conversation.item.added","item":{"type":"message","role":"user"}}"#,
    r#"{"type":"conversation.item.created","item":{"type":"message","role":"user"}}"#,
    r#"{"type":"conversation.item.done","item":{"type":"function_call","name":"remain_silent","call_id":"call_1","arguments":"{}"}}"#,
    r#"{"type":"response.created"}"#,
    r#"{"type":"response.done"}"#,
    r#"{"type":"response.done","response_id":"resp_1"}"#,
];

#[test]
fn minimal_forms_decode_and_re_encode_to_what_the_union_schema_accepts() {
    let unions = rtwire_tests::unions();
    let union = unions
        .iter()
        .find(|u| u.info.module == "realtime/v2" && u.info.name == "ServerEvent")
        .expect("union");
    let schema = rtwire_tests::validator(&union.root);
    for text in MINIMAL_FORMS {
        let event = server(text);
        assert!(
            !matches!(event, ServerEvent::Unknown(_)),
            "{text} decoded as unknown"
        );
        let encoded = encode(&event);
        // A bare session echo gets its `type`; every other minimal form re-encodes unchanged.
        let mut expected = value(text);
        if text.contains(r#""session":"#) {
            expected["session"]["type"] = json!("realtime");
        }
        assert_eq!(encoded, expected, "{text}");
        for json in [value(text), encoded] {
            assert_eq!(
                rtwire_tests::violations(&schema, &json),
                Vec::<String>::new(),
                "{json}"
            );
        }
    }
}

#[test]
fn minimal_forms_still_need_their_needed_members() {
    let cases = [
        (
            r#"{"type":"session.updated","session":{}}"#,
            "session.updated: missing field `id` (at /session)",
        ),
        (
            r#"{"type":"response.output_audio.delta"}"#,
            "response.output_audio.delta: missing field `delta`",
        ),
        (
            r#"{"type":"conversation.item.input_audio_transcription.completed"}"#,
            "conversation.item.input_audio_transcription.completed: missing field `transcript`",
        ),
        (
            r#"{"type":"response.output_text.delta"}"#,
            "response.output_text.delta: missing field `delta`",
        ),
        (
            r#"{"type":"response.output_text.done"}"#,
            "response.output_text.done: missing field `text`",
        ),
        (
            r#"{"type":"response.output_audio_transcript.done"}"#,
            "response.output_audio_transcript.done: missing field `transcript`",
        ),
        (
            r#"{"type":"conversation.item.added"}"#,
            "conversation.item.added: missing field `item`",
        ),
        (
            r#"{"type":"conversation.item.done","item":"item_1"}"#,
            "conversation.item.done: invalid type: a string, expected an item object (at /item)",
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(server_error(text), expected, "{text}");
    }
}

#[test]
fn events_outside_the_minimal_list_keep_their_required_members() {
    let cases = [
        (
            r#"{"type":"response.output_audio.done"}"#,
            "response.output_audio.done: missing field `response_id`",
        ),
        (
            r#"{"type":"response.output_item.added","item":{"type":"message","role":"user","content":[]}}"#,
            "response.output_item.added: missing field `response_id`",
        ),
        (
            r#"{"type":"input_audio_buffer.speech_stopped"}"#,
            "input_audio_buffer.speech_stopped: missing field `audio_end_ms`",
        ),
        (
            r#"{"type":"conversation.item.retrieved","item":{"type":"message","role":"user"}}"#,
            "conversation.item.retrieved: missing field `content` (at /item)",
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(server_error(text), expected, "{text}");
    }
}

#[test]
fn an_item_event_keeps_an_item_that_does_not_decode_as_raw_json() {
    let raw = r#"{"type":"conversation.item.added","item":{"type":"message","role":"user"}}"#;
    match server(raw) {
        ServerEvent::ConversationItemAdded(event) => assert_eq!(
            event.item,
            ConversationItem::Unknown(json!({"type":"message","role":"user"}))
        ),
        other => panic!("not an item event: {other:?}"),
    }
    // A complete item still decodes to its typed variant.
    let full = r#"{"type":"conversation.item.added","item":{"type":"message","role":"user","content":[]}}"#;
    match server(full) {
        ServerEvent::ConversationItemAdded(event) => {
            assert!(matches!(event.item, ConversationItem::Message(_)))
        }
        other => panic!("not an item event: {other:?}"),
    }
}

#[test]
fn beta_content_part_spellings_decode_to_the_official_variants() {
    let beta = server(
        r#"{"type":"conversation.item.retrieved","item":{"type":"message","role":"assistant","content":[{"type":"audio","transcript":"hi","audio":"AQID","format":"pcm16"},{"type":"text","text":"a"}]}}"#,
    );
    let official = server(
        r#"{"type":"conversation.item.retrieved","item":{"type":"message","role":"assistant","content":[{"type":"output_audio","transcript":"hi","audio":"AQID"},{"type":"output_text","text":"a"}]}}"#,
    );
    assert_eq!(beta, official);
    let ServerEvent::ConversationItemRetrieved(event) = &beta else {
        panic!("not retrieved: {beta:?}")
    };
    let ConversationItem::Message(message) = &event.item else {
        panic!("not a message")
    };
    assert!(matches!(message.content[0], ContentPart::OutputAudio(_)));
    assert!(matches!(message.content[1], ContentPart::OutputText(_)));
    // The part kind of response.content_part.* is the other way round: `text` is official.
    let part = |ty: &str| {
        format!(
            r#"{{"type":"response.content_part.added","response_id":"r","item_id":"i","output_index":0,"content_index":0,"part":{{"type":"{ty}","text":"a"}}}}"#
        )
    };
    assert_eq!(server(&part("output_text")), server(&part("text")));
    assert_eq!(
        encode(&server(&part("output_text")))["part"]["type"],
        "text"
    );
}

#[test]
fn members_from_the_official_sdk_round_trip() {
    for text in [
        r#"{"type":"session.update","session":{"type":"realtime","audio":{"input":{"noise_reduction":{"type":"far_field","strength":0.4}}}}}"#,
        r#"{"type":"session.update","session":{"type":"transcription","audio":{"input":{"transcription":{"model":"gpt-realtime-whisper","keywords":["rtwire"],"delay":"low"}}}}}"#,
    ] {
        assert_eq!(encode(&client(text)), value(text), "{text}");
    }
    for text in [
        r#"{"type":"session.updated","session":{"type":"transcription","id":"sess_1","object":"realtime.transcription_session","audio":{"input":{"noise_reduction":{"strength":0.5},"transcription":{"model":"gpt-transcribe","keywords":["a"],"delay":"minimal"},"turn_detection":{"type":"semantic_vad","create_response":true,"interrupt_response":false,"eagerness":"high"}}}}}"#,
        r#"{"type":"session.updated","session":{"type":"transcription","id":"sess_1","object":"realtime.transcription_session","audio":{"input":{"turn_detection":{"type":"server_vad","idle_timeout_ms":6000}}}}}"#,
        r#"{"type":"response.done","response":{"id":"resp_1","status":"failed","status_details":{"type":"failed","error":{"type":"server_error","code":"oops","message":"The server had an error."}}}}"#,
        r#"{"type":"conversation.item.input_audio_transcription.delta","event_id":"e1","item_id":"item_1","content_index":0,"delta":"Hello","obfuscation":"aLxx0jTEciOGe"}"#,
        r#"{"type":"mcp_list_tools.completed","event_id":"e1","item_id":"mcp_1"}"#,
        r#"{"type":"conversation.item.done","item":{"type":"mcp_list_tools","id":"mcp_1","server_label":"s","tools":[{"name":"t","input_schema":true,"annotations":["read_only"]}]}}"#,
    ] {
        assert_eq!(encode(&server(text)), value(text), "{text}");
    }
}
