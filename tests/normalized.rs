//! Claims about the version-independent views (`realtime-normalized.md`): every row of the
//! mapping table, for both variants, gives exactly the normalized event of the spec (defaults
//! included); the v2 `conversation.item.done` rules; the error message order; events that map
//! to nothing give `None`; the outbound intents build the exact wire events of each variant.

use rtwire_protocol::decode_value;
use rtwire_protocol::realtime::normalized::{
    AudioOut, Event, HandoffRequest, NormalizeOptions, TranscriptDelta, TranscriptDone,
};
use rtwire_protocol::realtime::v1::TranscriptEntry;
use rtwire_protocol::realtime::{v1, v2};
use serde_json::{Value, json};

#[derive(Debug, Clone, Copy)]
enum Variant {
    V1,
    V2,
}

/// Decodes `raw` as a server event of `variant` and normalizes it with the default options.
fn normalize(variant: Variant, raw: &Value) -> Option<Event> {
    normalize_with(variant, raw, &NormalizeOptions::default())
}

fn normalize_with(variant: Variant, raw: &Value, options: &NormalizeOptions) -> Option<Event> {
    match variant {
        Variant::V1 => {
            let event: v1::ServerEvent =
                decode_value(raw, "type").unwrap_or_else(|e| panic!("v1 {raw}: {e}"));
            Event::from_v1(&event)
        }
        Variant::V2 => {
            let event: v2::ServerEvent =
                decode_value(raw, "type").unwrap_or_else(|e| panic!("v2 {raw}: {e}"));
            Event::from_v2(&event, options)
        }
    }
}

fn delta(text: &str) -> TranscriptDelta {
    TranscriptDelta {
        delta: text.into(),
        item_id: None,
        output_index: None,
        content_index: None,
    }
}

fn delta_with_ids(text: &str) -> TranscriptDelta {
    TranscriptDelta {
        delta: text.into(),
        item_id: Some("item_1".into()),
        output_index: Some(0),
        content_index: Some(1),
    }
}

fn done(text: &str) -> TranscriptDone {
    TranscriptDone {
        text: text.into(),
        item_id: None,
        output_index: None,
        content_index: None,
    }
}

fn done_with_ids(text: &str) -> TranscriptDone {
    TranscriptDone {
        text: text.into(),
        item_id: Some("item_1".into()),
        output_index: Some(0),
        content_index: Some(1),
    }
}

fn handoff(handoff_id: &str, item_id: &str, input_transcript: &str) -> Event {
    Event::HandoffRequested(HandoffRequest {
        handoff_id: handoff_id.into(),
        item_id: item_id.into(),
        input_transcript: input_transcript.into(),
        active_transcript: vec![],
    })
}

/// Every row of the mapping table, as `(variant, wire event, normalized event)`.
fn mapping_table() -> Vec<(Variant, Value, Option<Event>)> {
    use Variant::V1;
    let ids = json!({"item_id": "item_1", "output_index": 0, "content_index": 1});
    let with = |mut base: Value, extra: &Value| {
        for (k, v) in extra.as_object().expect("object") {
            base[k] = v.clone();
        }
        base
    };
    vec![
        // session.updated
        (
            V1,
            json!({"type": "session.updated", "session": {"id": "sess_1", "instructions": "be brief"}}),
            Some(Event::SessionUpdated { session_id: "sess_1".into(), instructions: Some("be brief".into()) }),
        ),
        (V1, json!({"type": "session.updated", "session": {"id": "sess_1"}}), Some(Event::SessionUpdated { session_id: "sess_1".into(), instructions: None })),
        // conversation.output_audio.delta (v1 only, no defaults)
        (
            V1,
            json!({"type": "conversation.output_audio.delta", "delta": "AQIDBA==", "sample_rate": 48000, "channels": 2, "samples_per_channel": 1}),
            Some(Event::AudioOut(AudioOut { data: "AQIDBA==".into(), sample_rate: 48000, num_channels: 2, samples_per_channel: Some(1), item_id: None })),
        ),
        (
            V1,
            json!({"type": "conversation.output_audio.delta", "data": "AQIDBA==", "sample_rate": 24000, "num_channels": 1}),
            Some(Event::AudioOut(AudioOut { data: "AQIDBA==".into(), sample_rate: 24000, num_channels: 1, samples_per_channel: None, item_id: None })),
        ),
        // transcripts
        (V1, json!({"type": "conversation.input_transcript.delta", "delta": "run "}), Some(Event::InputTranscriptDelta(delta("run ")))),
        (V1, with(json!({"type": "conversation.input_transcript.delta", "delta": "run "}), &ids), Some(Event::InputTranscriptDelta(delta_with_ids("run ")))),
        (V1, json!({"type": "conversation.item.input_audio_transcription.delta", "delta": "run "}), Some(Event::InputTranscriptDelta(delta("run ")))),
        (
            V1,
            with(json!({"type": "conversation.item.input_audio_transcription.delta", "delta": "run "}), &ids),
            Some(Event::InputTranscriptDelta(delta_with_ids("run "))),
        ),
        (V1, json!({"type": "conversation.item.input_audio_transcription.completed", "transcript": "run it"}), Some(Event::InputTranscriptDone(done("run it")))),
        (
            V1,
            with(json!({"type": "conversation.item.input_audio_transcription.completed", "transcript": "run it"}), &ids),
            Some(Event::InputTranscriptDone(done_with_ids("run it"))),
        ),
        (V1, json!({"type": "conversation.output_transcript.delta", "delta": "On it."}), Some(Event::OutputTranscriptDelta(delta("On it.")))),
        (
            V1,
            with(json!({"type": "conversation.output_transcript.delta", "delta": "On it."}), &ids),
            Some(Event::OutputTranscriptDelta(delta_with_ids("On it."))),
        ),
        (V1, json!({"type": "response.output_text.delta", "delta": "On "}), Some(Event::OutputTranscriptDelta(delta("On ")))),
        (
            V1,
            with(json!({"type": "response.output_text.delta", "delta": "On ", "response_id": "resp_1"}), &ids),
            Some(Event::OutputTranscriptDelta(delta_with_ids("On "))),
        ),
        (V1, json!({"type": "response.output_audio_transcript.delta", "delta": "it."}), Some(Event::OutputTranscriptDelta(delta("it.")))),
        (V1, json!({"type": "response.output_audio_transcript.done", "transcript": "On it."}), Some(Event::OutputTranscriptDone(done("On it.")))),
        (
            V1,
            with(json!({"type": "response.output_audio_transcript.done", "transcript": "On it."}), &ids),
            Some(Event::OutputTranscriptDone(done_with_ids("On it."))),
        ),
        // items
        (
            V1,
            json!({"type": "conversation.item.added", "item": {"type": "spawn_transcript", "seq": 7}}),
            Some(Event::ConversationItemAdded { item: json!({"type": "spawn_transcript", "seq": 7}) }),
        ),
        (
            V1,
            json!({"type": "conversation.item.done", "item": {"id": "item_10", "role": "assistant", "content": [{"transcript": "done"}]}}),
            Some(Event::ConversationItemDone { item_id: "item_10".into() }),
        ),
        // handoff
        (
            V1,
            json!({"type": "conversation.handoff.requested", "handoff_id": "handoff_1", "item_id": "item_9", "input_transcript": "run the tests"}),
            Some(handoff("handoff_1", "item_9", "run the tests")),
        ),
        (
            V1,
            json!({"type": "conversation.handoff.requested", "handoff_id": "handoff_1", "item_id": "item_9", "input_transcript": "run the tests",
                   "active_transcript": [{"role": "user", "text": "run the tests"}]}),
            Some(Event::HandoffRequested(HandoffRequest {
                handoff_id: "handoff_1".into(),
                item_id: "item_9".into(),
                input_transcript: "run the tests".into(),
                active_transcript: vec![TranscriptEntry { role: "user".into(), text: "run the tests".into() }],
            })),
        ),
        // events that map to nothing in v1 (unknown to a v1 client)
        (V1, json!({"type": "response.created", "response": {"id": "resp_1"}}), None),
        (V1, json!({"type": "input_audio_buffer.speech_started", "item_id": "item_1"}), None),
        (V1, json!({"type": "response.output_audio.delta", "delta": "AAAA"}), None),
        (V1, json!({"type": "session.created", "session": {"id": "sess_1"}}), None),
    ]
    .into_iter()
    .chain(v2_rows())
    .collect()
}

/// The members every v2 content event requires.
fn content(ty: &str, extra: Value) -> Value {
    let mut event = json!({"type": ty, "response_id": "resp_1", "item_id": "item_1", "output_index": 0, "content_index": 1});
    for (k, v) in extra.as_object().expect("object") {
        event[k] = v.clone();
    }
    event
}

fn audio_out(
    sample_rate: u32,
    num_channels: u16,
    samples_per_channel: Option<u32>,
) -> Option<Event> {
    Some(Event::AudioOut(AudioOut {
        data: "AQIDBA==".into(),
        sample_rate,
        num_channels,
        samples_per_channel,
        item_id: Some("item_1".into()),
    }))
}

/// The v2 rows of the mapping table.
fn v2_rows() -> Vec<(Variant, Value, Option<Event>)> {
    use Variant::V2;
    let user_item = json!({"type": "message", "id": "item_1", "role": "user", "content": [{"type": "input_text", "text": "hi"}]});
    vec![
        // session.updated: realtime echo (bare, spec v2 §5.9) and transcription echo
        (
            V2,
            json!({"type": "session.updated", "session": {"id": "sess_1", "instructions": "be brief"}}),
            Some(Event::SessionUpdated {
                session_id: "sess_1".into(),
                instructions: Some("be brief".into()),
            }),
        ),
        (
            V2,
            json!({"type": "session.updated", "session": {"type": "transcription", "id": "sess_2", "object": "realtime.transcription_session"}}),
            Some(Event::SessionUpdated {
                session_id: "sess_2".into(),
                instructions: None,
            }),
        ),
        // response.output_audio.delta: defaults 24000 Hz and 1 channel; channels else num_channels
        (
            V2,
            content("response.output_audio.delta", json!({"delta": "AQIDBA=="})),
            audio_out(24000, 1, None),
        ),
        (
            V2,
            content(
                "response.output_audio.delta",
                json!({"delta": "AQIDBA==", "sample_rate": 48000, "channels": 2, "samples_per_channel": 4}),
            ),
            audio_out(48000, 2, Some(4)),
        ),
        (
            V2,
            content(
                "response.audio.delta",
                json!({"delta": "AQIDBA==", "num_channels": 2}),
            ),
            audio_out(24000, 2, None),
        ),
        (
            V2,
            content(
                "response.output_audio.delta",
                json!({"delta": "AQIDBA==", "channels": 1, "num_channels": 2}),
            ),
            audio_out(24000, 1, None),
        ),
        (
            V2,
            content(
                "response.output_audio.delta",
                json!({"delta": "AQIDBA==", "sample_rate": 16000}),
            ),
            audio_out(16000, 1, None),
        ),
        // a channel count that does not fit the normalized u16 maps to nothing (never a panic)
        (
            V2,
            content(
                "response.output_audio.delta",
                json!({"delta": "AQIDBA==", "channels": 70000}),
            ),
            None,
        ),
        // transcripts
        (
            V2,
            json!({"type": "conversation.item.input_audio_transcription.delta", "item_id": "item_1", "content_index": 1, "delta": "run "}),
            Some(Event::InputTranscriptDelta(TranscriptDelta {
                delta: "run ".into(),
                item_id: Some("item_1".into()),
                output_index: None,
                content_index: Some(1),
            })),
        ),
        (
            V2,
            json!({"type": "conversation.item.input_audio_transcription.delta", "item_id": "item_1"}),
            None,
        ),
        (
            V2,
            json!({"type": "conversation.item.input_audio_transcription.completed", "item_id": "item_1", "content_index": 1,
                   "transcript": "run it", "usage": {"type": "duration", "seconds": 1.5}}),
            Some(Event::InputTranscriptDone(TranscriptDone {
                text: "run it".into(),
                item_id: Some("item_1".into()),
                output_index: None,
                content_index: Some(1),
            })),
        ),
        (
            V2,
            content("response.output_text.delta", json!({"delta": "run "})),
            Some(Event::OutputTranscriptDelta(delta_with_ids("run "))),
        ),
        (
            V2,
            content(
                "response.output_audio_transcript.delta",
                json!({"delta": "run "}),
            ),
            Some(Event::OutputTranscriptDelta(delta_with_ids("run "))),
        ),
        (
            V2,
            content("response.output_text.done", json!({"text": "run it"})),
            Some(Event::OutputTranscriptDone(done_with_ids("run it"))),
        ),
        (
            V2,
            content(
                "response.output_audio_transcript.done",
                json!({"transcript": "run it"}),
            ),
            Some(Event::OutputTranscriptDone(done_with_ids("run it"))),
        ),
        // voice activity
        (
            V2,
            json!({"type": "input_audio_buffer.speech_started", "audio_start_ms": 1200, "item_id": "item_1"}),
            Some(Event::InputAudioSpeechStarted {
                item_id: Some("item_1".into()),
            }),
        ),
        // items
        (
            V2,
            json!({"type": "conversation.item.added", "item": user_item}),
            Some(Event::ConversationItemAdded {
                item: user_item.clone(),
            }),
        ),
        (
            V2,
            json!({"type": "conversation.item.added", "item": {"type": "spawn_transcript", "seq": 7}}),
            Some(Event::ConversationItemAdded {
                item: json!({"type": "spawn_transcript", "seq": 7}),
            }),
        ),
        (
            V2,
            json!({"type": "conversation.item.done", "item": {"type": "function_call_output", "id": "item_2", "call_id": "call_1", "output": "ok"}}),
            Some(Event::ConversationItemDone {
                item_id: "item_2".into(),
            }),
        ),
        // response lifecycle: id from response.id, else response_id
        (
            V2,
            json!({"type": "response.created", "response": {"id": "resp_1"}}),
            Some(Event::ResponseCreated {
                response_id: Some("resp_1".into()),
            }),
        ),
        (
            V2,
            json!({"type": "response.created", "response": {}, "response_id": "resp_2"}),
            Some(Event::ResponseCreated {
                response_id: Some("resp_2".into()),
            }),
        ),
        (
            V2,
            json!({"type": "response.created", "response": {}}),
            Some(Event::ResponseCreated { response_id: None }),
        ),
        (
            V2,
            json!({"type": "response.done", "response": {"id": "resp_1", "status": "completed"}, "response_id": "resp_2"}),
            Some(Event::ResponseDone {
                response_id: Some("resp_1".into()),
            }),
        ),
        (
            V2,
            json!({"type": "response.cancelled", "response": {"id": "resp_1"}}),
            Some(Event::ResponseCancelled {
                response_id: Some("resp_1".into()),
            }),
        ),
        (
            V2,
            json!({"type": "response.cancelled", "response_id": "resp_3"}),
            Some(Event::ResponseCancelled {
                response_id: Some("resp_3".into()),
            }),
        ),
        (
            V2,
            json!({"type": "response.cancelled"}),
            Some(Event::ResponseCancelled { response_id: None }),
        ),
        // events that map to nothing
        (V2, json!({"type": "input_audio_buffer.cleared"}), None),
        (V2, content("response.output_audio.done", json!({})), None),
        (
            V2,
            json!({"type": "conversation.output_audio.delta", "delta": "AAAA", "sample_rate": 24000, "channels": 1}),
            None,
        ),
        (
            V2,
            json!({"type": "conversation.handoff.requested", "handoff_id": "h", "item_id": "i", "input_transcript": "t"}),
            None,
        ),
    ]
}

#[test]
fn every_row_of_the_mapping_table_gives_its_normalized_event() {
    for (variant, raw, expected) in mapping_table() {
        assert_eq!(normalize(variant, &raw), expected, "{variant:?} {raw}");
    }
}

#[test]
fn error_messages_follow_the_spec_order_in_both_variants() {
    let cases = [
        (
            json!({"type": "error", "message": "bad request"}),
            "bad request",
        ),
        (
            json!({"type": "error", "error": {"type": "invalid_request_error", "message": "nested"}}),
            "nested",
        ),
        (
            json!({"type": "error", "message": "top-level wins", "error": {"type": "server_error", "message": "nested"}}),
            "top-level wins",
        ),
        (
            json!({"type": "error", "error": "plain text"}),
            "plain text",
        ),
        (
            json!({"type": "error", "error": {"code": 42}}),
            "{\"code\":42}",
        ),
        (json!({"type": "error", "error": [1, "two"]}), "[1,\"two\"]"),
        (
            json!({"type": "error", "message": null, "error": "plain text"}),
            "plain text",
        ),
    ];
    for variant in [Variant::V1, Variant::V2] {
        for (raw, message) in &cases {
            assert_eq!(
                normalize(variant, raw),
                Some(Event::Error {
                    message: (*message).to_owned()
                }),
                "{variant:?} {raw}"
            );
        }
    }
}

#[test]
fn an_error_event_without_any_message_form_is_rejected() {
    for raw in [
        json!({"type": "error"}),
        json!({"type": "error", "message": null, "error": null, "event_id": "e1"}),
    ] {
        let v1 = decode_value::<v1::ServerEvent>(&raw, "type")
            .expect_err("v1 rejects it")
            .to_string();
        let v2 = decode_value::<v2::ServerEvent>(&raw, "type")
            .expect_err("v2 rejects it")
            .to_string();
        assert_eq!(
            v1,
            "error: an `error` event needs a top-level `message` or an `error` member"
        );
        assert_eq!(v2, v1);
    }
}

/// A v2 `conversation.item.done` carrying `item`.
fn item_done(item: Value) -> Value {
    json!({"type": "conversation.item.done", "item": item})
}

fn call(name: &str, arguments: &str) -> Value {
    json!({"type": "function_call", "id": "item_5", "call_id": "call_5", "name": name, "arguments": arguments})
}

#[test]
fn v2_handoff_tool_calls_become_handoff_requests_with_call_id_and_id_fallbacks() {
    let args = r#"{"prompt":"run the tests"}"#;
    assert_eq!(
        normalize(Variant::V2, &item_done(call("codex", args))),
        Some(handoff("call_5", "item_5", "run the tests"))
    );
    let without_call_id =
        json!({"type": "function_call", "id": "item_5", "name": "codex", "arguments": args});
    assert_eq!(
        normalize(Variant::V2, &item_done(without_call_id)),
        Some(handoff("item_5", "item_5", "run the tests"))
    );
    let without_id =
        json!({"type": "function_call", "call_id": "call_5", "name": "codex", "arguments": args});
    assert_eq!(
        normalize(Variant::V2, &item_done(without_id)),
        Some(handoff("call_5", "call_5", "run the tests"))
    );
    let without_either = json!({"type": "function_call", "name": "codex", "arguments": args});
    assert_eq!(normalize(Variant::V2, &item_done(without_either)), None);
}

#[test]
fn v2_handoff_tool_name_is_configurable_and_defaults_to_codex() {
    let args = r#"{"prompt":"run the tests"}"#;
    let background = NormalizeOptions::with_handoff_tool("background_agent");
    assert_eq!(NormalizeOptions::default().handoff_tool, "codex");
    assert_eq!(
        normalize_with(
            Variant::V2,
            &item_done(call("background_agent", args)),
            &background
        ),
        Some(handoff("call_5", "item_5", "run the tests"))
    );
    // A call of any other function is an item that finished.
    assert_eq!(
        normalize_with(Variant::V2, &item_done(call("codex", args)), &background),
        Some(Event::ConversationItemDone {
            item_id: "item_5".into()
        })
    );
    assert_eq!(
        normalize(Variant::V2, &item_done(call("lookup", args))),
        Some(Event::ConversationItemDone {
            item_id: "item_5".into()
        })
    );
}

#[test]
fn v2_handoff_transcript_takes_the_first_non_empty_argument_in_key_order() {
    let transcript =
        |arguments: &str| match normalize(Variant::V2, &item_done(call("codex", arguments))) {
            Some(Event::HandoffRequested(request)) => request.input_transcript,
            other => panic!("not a handoff: {other:?}"),
        };
    let all =
        json!({"query": "q", "prompt": "p", "text": "t", "input": "i", "input_transcript": "it"});
    let mut arguments = all.as_object().expect("object").clone();
    for (key, expected) in [
        ("input_transcript", "it"),
        ("input", "i"),
        ("text", "t"),
        ("prompt", "p"),
        ("query", "q"),
    ] {
        assert_eq!(
            transcript(&Value::Object(arguments.clone()).to_string()),
            expected,
            "with {key} first"
        );
        arguments.remove(key);
    }
    // Blank and non-string values are skipped; the chosen value is trimmed.
    assert_eq!(
        transcript(
            r#"{"input_transcript":"  ","input":5,"text":null,"prompt":"  run the tests\n"}"#
        ),
        "run the tests"
    );
    // Arguments that are not an object with such a member are used as raw text.
    assert_eq!(transcript("run the tests"), "run the tests");
    assert_eq!(
        transcript(r#"["run", "the tests"]"#),
        r#"["run", "the tests"]"#
    );
    assert_eq!(
        transcript(r#"{"task": "run the tests"}"#),
        r#"{"task": "run the tests"}"#
    );
    assert_eq!(transcript(r#""run the tests""#), r#""run the tests""#);
    // No arguments: empty.
    assert_eq!(transcript(""), "");
    assert_eq!(transcript("  "), "");
}

#[test]
fn v2_messages_with_text_give_final_transcripts_and_other_items_finish() {
    let message = |role: &str, content: Value| {
        item_done(json!({"type": "message", "id": "item_7", "role": role, "content": content}))
    };
    let done = |text: &str| TranscriptDone {
        text: text.into(),
        item_id: Some("item_7".into()),
        output_index: None,
        content_index: None,
    };
    assert_eq!(
        normalize(
            Variant::V2,
            &message(
                "user",
                json!([{"type": "input_text", "text": "run "}, {"type": "input_audio", "transcript": "the tests"}])
            )
        ),
        Some(Event::InputTranscriptDone(done("run the tests")))
    );
    assert_eq!(
        normalize(
            Variant::V2,
            &message(
                "assistant",
                json!([{"type": "output_audio", "transcript": "On it."}])
            )
        ),
        Some(Event::OutputTranscriptDone(done("On it.")))
    );
    assert_eq!(
        normalize(
            Variant::V2,
            &message(
                "assistant",
                json!([{"type": "text", "text": "On "}, {"type": "output_text", "text": ""}, {"type": "x_part", "text": "it."}])
            )
        ),
        Some(Event::OutputTranscriptDone(done("On it.")))
    );
    let finished = Some(Event::ConversationItemDone {
        item_id: "item_7".into(),
    });
    assert_eq!(
        normalize(
            Variant::V2,
            &message("assistant", json!([{"type": "output_audio"}]))
        ),
        finished
    );
    assert_eq!(
        normalize(Variant::V2, &message("user", json!([]))),
        finished
    );
    assert_eq!(
        normalize(
            Variant::V2,
            &message(
                "system",
                json!([{"type": "input_text", "text": "be brief"}])
            )
        ),
        finished
    );
    assert_eq!(
        normalize(
            Variant::V2,
            &item_done(json!({"type": "x_future_item", "id": "item_8"}))
        ),
        Some(Event::ConversationItemDone {
            item_id: "item_8".into()
        })
    );
    assert_eq!(
        normalize(Variant::V2, &item_done(json!({"type": "x_future_item"}))),
        None
    );
}

#[test]
fn unknown_events_of_either_variant_map_to_nothing() {
    let raw = json!({"type": "x_future.event", "payload": [1, 2]});
    assert_eq!(normalize(Variant::V1, &raw), None);
    assert_eq!(normalize(Variant::V2, &raw), None);
}

mod outbound {
    use rtwire_protocol::realtime::outbound::{ClientEvent, Role, SessionMode, Variant};

    /// The exact wire text of the intent in each variant, one `vN: {json}` line per variant.
    fn both(intent: impl Fn(Variant) -> ClientEvent) -> String {
        [Variant::V1, Variant::V2]
            .map(|variant| {
                format!(
                    "{variant:?}: {}",
                    serde_json::to_string(&intent(variant)).expect("events encode")
                )
            })
            .join("\n")
    }

    #[test]
    fn configure_a_conversation() {
        insta::assert_snapshot!(both(
            |v| v.configure_session(SessionMode::Conversation, "Be brief.")
        ));
    }

    #[test]
    fn configure_a_transcription() {
        insta::assert_snapshot!(both(
            |v| v.configure_session(SessionMode::Transcription, "Be brief.")
        ));
    }

    #[test]
    fn send_audio() {
        insta::assert_snapshot!(both(|v| v.send_audio("AAAAAAAA")));
    }

    #[test]
    fn add_text_as_each_role() {
        let lines = [Role::User, Role::Developer, Role::Assistant]
            .map(|role| both(|v| v.add_text(role, "The build passed.")));
        insta::assert_snapshot!(lines.join("\n"));
    }

    #[test]
    fn answer_a_handoff() {
        insta::assert_snapshot!(both(|v| v.answer_handoff("handoff_1", "All 42 tests pass.")));
    }

    #[test]
    fn request_a_response() {
        insta::assert_snapshot!(both(|v| v.request_response()));
    }
}
