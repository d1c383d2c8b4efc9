//! Claims about the version-independent views (`realtime-normalized.md`): every row of the
//! mapping table, for both variants, gives exactly the normalized event of the spec (defaults
//! included); the `conversation.item.done` rules and their opt-in legacy settings; the error
//! message order; events that map to nothing give `None`; the running transcript and the
//! stateful mapper; the outbound intents build the exact wire events of each variant.

use rtwire_protocol::decode_value;
use rtwire_protocol::realtime::normalized::{
    AudioOut, Event, HandoffRequest, NormalizeOptions, TranscriptDelta, TranscriptDone,
};
use rtwire_protocol::realtime::v1::TranscriptEntry;
use rtwire_protocol::realtime::{Normalizer, RunningTranscript, TRANSCRIPT_BOUND_BYTES};
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
            Event::from_v1(&event, options)
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
            Some(Event::SessionUpdated { realtime_session_id: "sess_1".into(), instructions: Some("be brief".into()) }),
        ),
        (V1, json!({"type": "session.updated", "session": {"id": "sess_1"}}), Some(Event::SessionUpdated { realtime_session_id: "sess_1".into(), instructions: None })),
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
        // the server's own active_transcript stays in the typed event: the normalized one comes
        // from the running transcript (empty in the stateless conversion)
        (
            V1,
            json!({"type": "conversation.handoff.requested", "handoff_id": "handoff_1", "item_id": "item_9", "input_transcript": "run the tests",
                   "active_transcript": [{"role": "user", "text": "run the tests"}]}),
            Some(handoff("handoff_1", "item_9", "run the tests")),
        ),
        // turn_marked: the final user transcript
        (
            V1,
            json!({"type": "conversation.input_transcript.turn_marked", "transcript": "hello realtime"}),
            Some(Event::InputTranscriptDone(done("hello realtime"))),
        ),
        (
            V1,
            with(json!({"type": "conversation.input_transcript.turn_marked", "transcript": "hello realtime"}), &ids),
            Some(Event::InputTranscriptDone(done_with_ids("hello realtime"))),
        ),
        // a finished message item is only a finished item (transcripts come from the .done events)
        (
            V1,
            json!({"type": "conversation.item.done", "item": {"id": "item_output_1", "type": "message", "role": "assistant",
                   "content": [{"type": "output_text", "text": "hello"}, {"type": "output_text", "text": " world"}]}}),
            Some(Event::ConversationItemDone { item_id: "item_output_1".into() }),
        ),
        // events that map to nothing in v1 (unknown to a v1 client)
        (V1, json!({"type": "response.created", "response": {"id": "resp_1"}}), None),
        (V1, json!({"type": "input_audio_buffer.speech_started", "item_id": "item_1"}), None),
        (V1, json!({"type": "response.output_audio.delta", "delta": "AAAA"}), None),
        (V1, json!({"type": "session.created", "session": {"id": "sess_1"}}), None),
        (V1, json!({"type": "conversation.item.created", "item": {"type": "message", "role": "user"}}), None),
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
                realtime_session_id: "sess_1".into(),
                instructions: Some("be brief".into()),
            }),
        ),
        (
            V2,
            json!({"type": "session.updated", "session": {"type": "transcription", "id": "sess_2", "object": "realtime.transcription_session"}}),
            Some(Event::SessionUpdated {
                realtime_session_id: "sess_2".into(),
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
        // conversation.item.created maps like conversation.item.added
        (
            V2,
            json!({"type": "conversation.item.created", "item": user_item}),
            Some(Event::ConversationItemAdded {
                item: user_item.clone(),
            }),
        ),
        // the minimal forms of Codex-compatible peers
        (
            V2,
            json!({"type": "response.output_audio.delta", "delta": "AQIDBA=="}),
            Some(Event::AudioOut(AudioOut {
                data: "AQIDBA==".into(),
                sample_rate: 24000,
                num_channels: 1,
                samples_per_channel: None,
                item_id: None,
            })),
        ),
        (
            V2,
            json!({"type": "response.output_text.delta", "delta": "working"}),
            Some(Event::OutputTranscriptDelta(delta("working"))),
        ),
        (
            V2,
            json!({"type": "response.output_audio_transcript.delta", "delta": "working"}),
            Some(Event::OutputTranscriptDelta(delta("working"))),
        ),
        (
            V2,
            json!({"type": "response.output_text.done", "text": "done"}),
            Some(Event::OutputTranscriptDone(done("done"))),
        ),
        (
            V2,
            json!({"type": "response.output_audio_transcript.done", "transcript": "done"}),
            Some(Event::OutputTranscriptDone(done("done"))),
        ),
        (
            V2,
            json!({"type": "conversation.item.input_audio_transcription.delta", "delta": "delegate "}),
            Some(Event::InputTranscriptDelta(delta("delegate "))),
        ),
        (
            V2,
            json!({"type": "conversation.item.input_audio_transcription.completed", "transcript": "delegate now"}),
            Some(Event::InputTranscriptDone(done("delegate now"))),
        ),
        (
            V2,
            json!({"type": "input_audio_buffer.speech_started"}),
            Some(Event::InputAudioSpeechStarted { item_id: None }),
        ),
        (
            V2,
            json!({"type": "response.created"}),
            Some(Event::ResponseCreated { response_id: None }),
        ),
        (
            V2,
            json!({"type": "response.done", "response_id": "resp_4"}),
            Some(Event::ResponseDone {
                response_id: Some("resp_4".into()),
            }),
        ),
        (
            V2,
            json!({"type": "conversation.item.added", "item": {"type": "message", "role": "user"}}),
            Some(Event::ConversationItemAdded {
                item: json!({"type": "message", "role": "user"}),
            }),
        ),
        (
            V2,
            json!({"type": "conversation.item.done", "item": {"type": "message", "id": "item_3", "role": "user"}}),
            Some(Event::ConversationItemDone {
                item_id: "item_3".into(),
            }),
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
        normalize(Variant::V2, &item_done(call("background_agent", args))),
        Some(handoff("call_5", "item_5", "run the tests"))
    );
    let without_call_id = json!({"type": "function_call", "id": "item_5", "name": "background_agent", "arguments": args});
    assert_eq!(
        normalize(Variant::V2, &item_done(without_call_id)),
        Some(handoff("item_5", "item_5", "run the tests"))
    );
    let without_id = json!({"type": "function_call", "call_id": "call_5", "name": "background_agent", "arguments": args});
    assert_eq!(
        normalize(Variant::V2, &item_done(without_id)),
        Some(handoff("call_5", "call_5", "run the tests"))
    );
    let without_either =
        json!({"type": "function_call", "name": "background_agent", "arguments": args});
    assert_eq!(normalize(Variant::V2, &item_done(without_either)), None);
}

#[test]
fn v2_handoff_tool_defaults_to_background_agent_and_the_old_codex_name_is_opt_in() {
    let args = r#"{"prompt":"run the tests"}"#;
    assert_eq!(NormalizeOptions::default().handoff_tool, "background_agent");
    assert!(!NormalizeOptions::default().transcripts_from_finished_items);
    // By default a call of `codex` is an item that finished, like any other function.
    for name in ["codex", "lookup"] {
        assert_eq!(
            normalize(Variant::V2, &item_done(call(name, args))),
            Some(Event::ConversationItemDone {
                item_id: "item_5".into()
            }),
            "{name}"
        );
    }
    // Configuring the old name restores the old behaviour, for both ways of asking for it.
    for legacy in [
        NormalizeOptions::with_handoff_tool("codex"),
        NormalizeOptions::legacy(),
    ] {
        assert_eq!(
            normalize_with(Variant::V2, &item_done(call("codex", args)), &legacy),
            Some(handoff("call_5", "item_5", "run the tests"))
        );
        assert_eq!(
            normalize_with(
                Variant::V2,
                &item_done(call("background_agent", args)),
                &legacy
            ),
            Some(Event::ConversationItemDone {
                item_id: "item_5".into()
            })
        );
    }
}

#[test]
fn v2_remain_silent_calls_become_noop_requests_with_call_id_and_id_fallbacks() {
    assert_eq!(
        normalize(Variant::V2, &item_done(call("remain_silent", "{}"))),
        Some(Event::NoopRequested {
            call_id: "call_5".into(),
            item_id: "item_5".into()
        })
    );
    let without_call_id = json!({"type": "function_call", "id": "item_5", "name": "remain_silent", "arguments": "{}"});
    assert_eq!(
        normalize(Variant::V2, &item_done(without_call_id)),
        Some(Event::NoopRequested {
            call_id: "item_5".into(),
            item_id: "item_5".into()
        })
    );
    let without_id = json!({"type": "function_call", "call_id": "call_5", "name": "remain_silent", "arguments": "{}"});
    assert_eq!(
        normalize(Variant::V2, &item_done(without_id)),
        Some(Event::NoopRequested {
            call_id: "call_5".into(),
            item_id: "call_5".into()
        })
    );
    // Without either id the item falls through to "item finished", which needs an id.
    let without_either =
        json!({"type": "function_call", "name": "remain_silent", "arguments": "{}"});
    assert_eq!(normalize(Variant::V2, &item_done(without_either)), None);
    // The legacy settings do not change it.
    assert_eq!(
        normalize_with(
            Variant::V2,
            &item_done(call("remain_silent", "{}")),
            &NormalizeOptions::legacy()
        ),
        Some(Event::NoopRequested {
            call_id: "call_5".into(),
            item_id: "item_5".into()
        })
    );
}

#[test]
fn v2_handoff_transcript_takes_the_first_non_empty_argument_in_key_order() {
    let transcript = |arguments: &str| match normalize(
        Variant::V2,
        &item_done(call("background_agent", arguments)),
    ) {
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
fn v2_finished_messages_give_final_transcripts_only_with_the_legacy_setting() {
    let legacy = NormalizeOptions::default().transcripts_from_finished_items(true);
    let normalize = |variant: Variant, raw: &Value| normalize_with(variant, raw, &legacy);
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
fn v2_finished_messages_with_text_are_finished_items_by_default() {
    let message = json!({"type": "message", "id": "item_7", "role": "user",
                         "content": [{"type": "input_text", "text": "run the tests"}]});
    assert_eq!(
        normalize(Variant::V2, &item_done(message.clone())),
        Some(Event::ConversationItemDone {
            item_id: "item_7".into()
        })
    );
    assert_eq!(
        normalize_with(
            Variant::V2,
            &item_done(message),
            &NormalizeOptions::legacy()
        ),
        Some(Event::InputTranscriptDone(TranscriptDone {
            text: "run the tests".into(),
            item_id: Some("item_7".into()),
            output_index: None,
            content_index: None,
        }))
    );
}

#[test]
fn v1_finished_messages_give_final_transcripts_only_with_the_legacy_setting() {
    let item_done = |item: Value| json!({"type": "conversation.item.done", "item": item});
    let assistant = item_done(
        json!({"id": "item_output_1", "type": "message", "role": "assistant",
        "content": [{"type": "output_text", "text": "hello"}, {"type": "output_text", "text": " world"}]}),
    );
    let user =
        item_done(json!({"id": "item_2", "role": "user", "content": [{"transcript": "run it"}]}));
    let finished = |id: &str| Some(Event::ConversationItemDone { item_id: id.into() });
    assert_eq!(
        normalize(Variant::V1, &assistant),
        finished("item_output_1")
    );
    assert_eq!(normalize(Variant::V1, &user), finished("item_2"));
    let legacy = NormalizeOptions::default().transcripts_from_finished_items(true);
    let done = |text: &str, id: &str| TranscriptDone {
        text: text.into(),
        item_id: Some(id.into()),
        output_index: None,
        content_index: None,
    };
    assert_eq!(
        normalize_with(Variant::V1, &assistant, &legacy),
        Some(Event::OutputTranscriptDone(done(
            "hello world",
            "item_output_1"
        )))
    );
    assert_eq!(
        normalize_with(Variant::V1, &user, &legacy),
        Some(Event::InputTranscriptDone(done("run it", "item_2")))
    );
    // Without text, or from another role, the item only finished, even with the setting.
    let empty = item_done(json!({"id": "item_3", "role": "assistant", "content": [{"text": ""}]}));
    assert_eq!(
        normalize_with(Variant::V1, &empty, &legacy),
        finished("item_3")
    );
    let system = item_done(json!({"id": "item_4", "role": "system", "content": [{"text": "x"}]}));
    assert_eq!(
        normalize_with(Variant::V1, &system, &legacy),
        finished("item_4")
    );
}

#[test]
fn unknown_events_of_either_variant_map_to_nothing() {
    let raw = json!({"type": "x_future.event", "payload": [1, 2]});
    assert_eq!(normalize(Variant::V1, &raw), None);
    assert_eq!(normalize(Variant::V2, &raw), None);
}

/// `{role, text}`.
fn entry(role: &str, text: &str) -> TranscriptEntry {
    TranscriptEntry {
        role: role.into(),
        text: text.into(),
    }
}

/// The `active_transcript` the mapper gives the v1 handoff request `input_transcript` after
/// `events` (v1 wire events).
fn v1_handoff_after(
    normalizer: &mut Normalizer,
    events: &[Value],
    input_transcript: &str,
) -> Vec<TranscriptEntry> {
    for raw in events {
        let event: v1::ServerEvent = decode_value(raw, "type").expect("decodes");
        normalizer.v1(&event);
    }
    let request = json!({"type": "conversation.handoff.requested", "handoff_id": "h", "item_id": "i", "input_transcript": input_transcript});
    let event: v1::ServerEvent = decode_value(&request, "type").expect("decodes");
    match normalizer.v1(&event) {
        Some(Event::HandoffRequested(request)) => request.active_transcript,
        other => panic!("not a handoff: {other:?}"),
    }
}

#[test]
fn running_transcript_appends_deltas_replaces_with_done_texts_and_feeds_the_handoff() {
    let mut normalizer = Normalizer::default();
    let active = v1_handoff_after(
        &mut normalizer,
        &[
            json!({"type": "conversation.input_transcript.delta", "delta": "run "}),
            json!({"type": "conversation.input_transcript.delta", "delta": ""}),
            json!({"type": "conversation.input_transcript.delta", "delta": "the tes"}),
            json!({"type": "conversation.input_transcript.turn_marked", "transcript": "run the tests"}),
            json!({"type": "conversation.output_transcript.delta", "delta": "On "}),
            json!({"type": "conversation.output_transcript.delta", "delta": "it."}),
            json!({"type": "conversation.input_transcript.delta", "delta": "and lint"}),
        ],
        "and lint",
    );
    // The server's own active_transcript would be ignored; the request is already an entry.
    assert_eq!(
        active,
        vec![
            entry("user", "run the tests"),
            entry("assistant", "On it."),
            entry("user", "and lint"),
        ]
    );
    // The handoff emptied the list; both flags are set, so the next texts start new entries.
    assert_eq!(normalizer.transcript().entries(), &[] as &[TranscriptEntry]);
    let active = v1_handoff_after(
        &mut normalizer,
        &[json!({"type": "conversation.output_transcript.delta", "delta": "Done."})],
        "  what next?  ",
    );
    assert_eq!(
        active,
        vec![entry("assistant", "Done."), entry("user", "what next?")]
    );
}

#[test]
fn running_transcript_starts_new_entries_after_speech_started_and_response_created() {
    let mut normalizer = Normalizer::default();
    for raw in [
        json!({"type": "conversation.item.input_audio_transcription.delta", "delta": "one"}),
        json!({"type": "input_audio_buffer.speech_started"}),
        json!({"type": "conversation.item.input_audio_transcription.delta", "delta": "two"}),
        json!({"type": "conversation.item.input_audio_transcription.completed", "transcript": "two!"}),
        json!({"type": "response.output_text.delta", "delta": "a"}),
        json!({"type": "response.created"}),
        json!({"type": "response.output_text.done", "text": "b"}),
    ] {
        let event: v2::ServerEvent = decode_value(&raw, "type").expect("decodes");
        normalizer.v2(&event);
    }
    assert_eq!(
        normalizer.transcript().entries(),
        &[
            entry("user", "one"),
            entry("user", "two!"),
            entry("assistant", "a"),
            entry("assistant", "b"),
        ]
    );
    // A v2 handoff takes the list; a request already present as a user entry is not added.
    let call = json!({"type": "conversation.item.done", "item": {"type": "function_call", "id": "item_5",
        "call_id": "call_5", "name": "background_agent", "arguments": "{\"prompt\":\" two! \"}"}});
    let event: v2::ServerEvent = decode_value(&call, "type").expect("decodes");
    assert_eq!(
        normalizer.v2(&event),
        Some(Event::HandoffRequested(HandoffRequest {
            handoff_id: "call_5".into(),
            item_id: "item_5".into(),
            input_transcript: "two!".into(),
            active_transcript: vec![
                entry("user", "one"),
                entry("user", "two!"),
                entry("assistant", "a"),
                entry("assistant", "b"),
            ],
        }))
    );
}

#[test]
fn running_transcript_stays_within_its_byte_bound() {
    let size = |entries: &[TranscriptEntry]| -> usize {
        entries
            .iter()
            .map(|e| e.role.len() + e.text.len() + 3)
            .sum()
    };
    assert_eq!(TRANSCRIPT_BOUND_BYTES, 8192);
    // Oldest entries are dropped while over the bound.
    let mut transcript = RunningTranscript::new();
    let text = "x".repeat(3000);
    for n in 0..4 {
        let mut event = if n % 2 == 0 {
            Event::InputTranscriptDone(done(&format!("{n}{text}")))
        } else {
            Event::OutputTranscriptDone(done(&format!("{n}{text}")))
        };
        transcript.observe(&mut event);
    }
    let kept: Vec<&str> = transcript.entries().iter().map(|e| &e.text[..1]).collect();
    assert_eq!(kept, ["2", "3"]);
    assert!(size(transcript.entries()) <= TRANSCRIPT_BOUND_BYTES);
    // A single entry too long keeps its end, prefixed with an ellipsis, and fits exactly.
    let mut transcript = RunningTranscript::new();
    let long = format!("start{}end", "é".repeat(5000));
    transcript.observe(&mut Event::InputTranscriptDone(done(&long)));
    let [only] = transcript.entries() else {
        panic!("one entry expected: {:?}", transcript.entries())
    };
    assert!(only.text.starts_with('…'), "{}", &only.text[..10]);
    assert!(only.text.ends_with("éend"));
    assert!(size(transcript.entries()) <= TRANSCRIPT_BOUND_BYTES);
    assert!(size(transcript.entries()) >= TRANSCRIPT_BOUND_BYTES - 1);
}

mod outbound {
    use rtwire_protocol::realtime::outbound::{ClientEvent, Role, SessionMode, Variant};
    use rtwire_protocol::realtime::v3::Channel;
    use serde_json::json;

    const VARIANTS: [Variant; 3] = [Variant::V1, Variant::V2, Variant::V3];

    /// The exact wire text of the intent in each variant, one `vN: {json}` line per event in
    /// sending order, and `vN: (no event)` when the variant sends none.
    fn every(intent: impl Fn(Variant) -> Vec<ClientEvent>) -> String {
        VARIANTS
            .map(|variant| {
                let events = intent(variant);
                if events.is_empty() {
                    return format!("{variant:?}: (no event)");
                }
                events
                    .iter()
                    .map(|event| {
                        format!(
                            "{variant:?}: {}",
                            serde_json::to_string(event).expect("events encode")
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .join("\n")
    }

    #[test]
    fn configure_a_conversation() {
        insta::assert_snapshot!(every(|v| vec![
            v.configure_session(SessionMode::Conversation, "Be brief.")
        ]));
    }

    #[test]
    fn configure_a_transcription() {
        insta::assert_snapshot!(every(|v| vec![
            v.configure_session(SessionMode::Transcription, "Be brief.")
        ]));
    }

    #[test]
    fn send_audio() {
        insta::assert_snapshot!(every(|v| vec![v.send_audio("AAAAAAAA")]));
    }

    #[test]
    fn add_text_as_each_role() {
        let lines = [Role::User, Role::Developer, Role::Assistant]
            .map(|role| every(|v| v.add_text(role, "The build passed.")));
        insta::assert_snapshot!(lines.join("\n"));
    }

    #[test]
    fn answer_a_handoff() {
        insta::assert_snapshot!(every(
            |v| v.answer_handoff("handoff_1", "All 42 tests pass.")
        ));
    }

    #[test]
    fn answer_a_handoff_on_a_v3_channel_which_v1_and_v2_ignore() {
        insta::assert_snapshot!(every(|v| v.answer_handoff_on(
            "handoff_1",
            "[FINAL]All 42 tests pass.",
            Some(Channel::Speakable)
        )));
    }

    #[test]
    fn speak_a_text() {
        insta::assert_snapshot!(every(|v| v.speak("manual spoken update")));
    }

    #[test]
    fn end_the_session() {
        insta::assert_snapshot!(every(|v| v.end_session()));
    }

    /// A text of `n` bytes of three-byte characters (`€`) is split by v3 into pieces of at most
    /// 500 bytes that never cut a character; v1 and v2 send it whole, in one event.
    #[test]
    fn v3_splits_long_texts_and_handoff_answers_into_pieces_of_at_most_500_bytes() {
        let text = "€".repeat(400); // 1 200 bytes
        let texts = |events: Vec<ClientEvent>| -> Vec<String> {
            events
                .iter()
                .map(|event| {
                    let value = serde_json::to_value(event).expect("encodes");
                    value["content"][0]["text"]
                        .as_str()
                        .expect("a v3 text")
                        .to_owned()
                })
                .collect()
        };
        let expected = vec!["€".repeat(166), "€".repeat(166), "€".repeat(68)];
        assert_eq!(
            texts(Variant::V3.add_text(Role::User, text.clone())),
            expected
        );
        assert_eq!(texts(Variant::V3.answer_handoff("h", &text)), expected);
        assert_eq!(texts(Variant::V3.speak(&text)), expected);
        for event in Variant::V3.answer_handoff_on("h", &text, Some(Channel::Commentary)) {
            let value = serde_json::to_value(&event).expect("encodes");
            assert_eq!(value["delegation_item_id"], json!("h"));
            assert_eq!(value["channel"], json!("commentary"));
        }
        for variant in [Variant::V1, Variant::V2] {
            assert_eq!(variant.add_text(Role::User, text.clone()).len(), 1);
            assert_eq!(variant.answer_handoff("h", &text).len(), 1);
        }
    }

    #[test]
    fn answer_a_silence_request() {
        assert_eq!(Variant::V1.answer_silence("call_1"), None);
        assert_eq!(Variant::V3.answer_silence("call_1"), None);
        let v2 = Variant::V2.answer_silence("call_1").expect("v2 answers");
        assert_eq!(
            serde_json::to_value(&v2).expect("encodes"),
            json!({"type": "conversation.item.create",
                "item": {"type": "function_call_output", "call_id": "call_1", "output": ""}})
        );
    }

    #[test]
    fn connection_path_query_and_alpha_header_of_each_variant() {
        assert_eq!(
            VARIANTS.map(Variant::url_path),
            ["/v1/realtime", "/v1/realtime", "/v1/live"]
        );
        assert_eq!(
            VARIANTS.map(Variant::url_intent),
            [Some("quicksilver"), None, None]
        );
        assert_eq!(
            VARIANTS.map(Variant::alpha_header),
            [
                Some(("openai-alpha", "quicksilver=v1")),
                None,
                Some(("openai-alpha", "quicksilver=v2")),
            ]
        );
    }

    #[test]
    fn request_a_response() {
        insta::assert_snapshot!(every(|v| v.request_response().into_iter().collect()));
    }
}
