//! Claims about the realtime v1 ("quicksilver") events beyond what the generic example tests
//! check: aliases, lenient GA names, closed enums, pinned decode errors, the canonical
//! `session.update`.

use rtwire_protocol::realtime::v1::{
    ClientEvent, ConversationHandoffAppend, ConversationItemCreate, ConversationOutputAudioDelta,
    InputTranscriptTurnMarked, Role, ServerEvent, SessionUpdate, Voice,
};
use rtwire_protocol::{decode_value, encode};
use serde_json::{Value, json};

fn server(value: Value) -> ServerEvent {
    decode_value(&value, "type").unwrap_or_else(|e| panic!("{value} does not decode: {e}"))
}

fn server_error(value: Value) -> String {
    match decode_value::<ServerEvent>(&value, "type") {
        Ok(event) => panic!("{value} decoded to {event:?}"),
        Err(e) => e.to_string(),
    }
}

fn client_error(value: Value) -> String {
    match decode_value::<ClientEvent>(&value, "type") {
        Ok(event) => panic!("{value} decoded to {event:?}"),
        Err(e) => e.to_string(),
    }
}

fn audio(event: ServerEvent) -> ConversationOutputAudioDelta {
    match event {
        ServerEvent::ConversationOutputAudioDelta(audio) => audio,
        other => panic!("not an audio delta: {other:?}"),
    }
}

#[test]
fn unknown_server_event_round_trips_unchanged() {
    let raw =
        json!({"type": "response.output_audio.delta", "delta": "AQID", "extra": {"a": [1, null]}});
    let event = server(raw.clone());
    assert_eq!(event, ServerEvent::Unknown(raw.clone()));
    assert_eq!(encode(&event), raw);
}

#[test]
fn unknown_client_event_round_trips_unchanged() {
    let raw = json!({"type": "input_audio_buffer.commit", "event_id": "e1"});
    let event: ClientEvent = decode_value(&raw, "type").expect("unknown events decode");
    assert_eq!(event, ClientEvent::Unknown(raw.clone()));
    assert_eq!(encode(&event), raw);
}

#[test]
fn audio_aliases_decode_to_the_canonical_members_and_encode_canonically() {
    let event = server(json!({
        "type": "conversation.output_audio.delta", "data": "AQIDBA==", "sample_rate": 48000, "num_channels": 2
    }));
    assert_eq!(
        audio(event.clone()),
        ConversationOutputAudioDelta {
            event_id: None,
            delta: "AQIDBA==".into(),
            sample_rate: 48000,
            channels: 2,
            samples_per_channel: None,
        }
    );
    assert_eq!(
        encode(&event),
        json!({"type": "conversation.output_audio.delta", "delta": "AQIDBA==", "sample_rate": 48000, "channels": 2})
    );
}

#[test]
fn audio_canonical_spellings_win_over_their_aliases() {
    let event = server(json!({
        "type": "conversation.output_audio.delta",
        "delta": "AAAA", "data": "BBBB", "sample_rate": 24000, "channels": 1, "num_channels": 2
    }));
    let audio = audio(event);
    assert_eq!((audio.delta.as_str(), audio.channels), ("AAAA", 1));
}

#[test]
fn audio_null_canonical_spellings_fall_back_to_their_aliases() {
    let event = server(json!({
        "type": "conversation.output_audio.delta",
        "delta": null, "data": "BBBB", "sample_rate": 24000, "channels": null, "num_channels": 2
    }));
    let audio = audio(event);
    assert_eq!((audio.delta.as_str(), audio.channels), ("BBBB", 2));
}

#[test]
fn audio_without_audio_sample_rate_or_channels_is_rejected() {
    let cases = [
        (
            json!({"type": "conversation.output_audio.delta", "sample_rate": 24000, "channels": 1}),
            "conversation.output_audio.delta: missing field `delta` (or its alias `data`)",
        ),
        (
            json!({"type": "conversation.output_audio.delta", "delta": null, "data": null, "sample_rate": 24000, "channels": 1}),
            "conversation.output_audio.delta: missing field `delta` (or its alias `data`)",
        ),
        (
            json!({"type": "conversation.output_audio.delta", "delta": "AAAA", "channels": 1}),
            "conversation.output_audio.delta: missing field `sample_rate`",
        ),
        (
            json!({"type": "conversation.output_audio.delta", "delta": "AAAA", "sample_rate": 24000}),
            "conversation.output_audio.delta: missing field `channels` (or its alias `num_channels`)",
        ),
        (
            json!({"type": "conversation.output_audio.delta", "delta": "AAAA", "sample_rate": "24000", "channels": 1}),
            "conversation.output_audio.delta: invalid type: string \"24000\", expected u32 (at /sample_rate)",
        ),
        (
            json!({"type": "conversation.output_audio.delta", "data": 7, "sample_rate": 24000, "channels": 1}),
            "conversation.output_audio.delta: invalid type: integer `7`, expected a string (at /data)",
        ),
        (
            json!({"type": "conversation.output_audio.delta", "delta": "AAAA", "sample_rate": 24000, "num_channels": 70000}),
            "conversation.output_audio.delta: invalid value: integer `70000`, expected u16 (at /num_channels)",
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(server_error(input), expected);
    }
}

#[test]
fn needed_members_of_server_events_are_enforced_with_their_paths() {
    let cases = [
        (
            json!({"type": "session.updated", "session": {}}),
            "session.updated: missing field `id` (at /session)",
        ),
        (
            json!({"type": "session.updated"}),
            "session.updated: missing field `session`",
        ),
        (
            json!({"type": "conversation.input_transcript.delta"}),
            "conversation.input_transcript.delta: missing field `delta`",
        ),
        (
            json!({"type": "conversation.item.added"}),
            "conversation.item.added: missing field `item`",
        ),
        (
            json!({"type": "conversation.item.done", "item": {"role": "user"}}),
            "conversation.item.done: missing field `id` (at /item)",
        ),
        (
            json!({"type": "conversation.item.done", "item": "item_1"}),
            "conversation.item.done: invalid type: string \"item_1\", expected struct DoneItem (at /item)",
        ),
        (
            json!({"type": "conversation.handoff.requested", "handoff_id": "h", "item_id": "i"}),
            "conversation.handoff.requested: missing field `input_transcript`",
        ),
        (
            json!({"type": "conversation.handoff.requested", "handoff_id": "h", "item_id": "i", "input_transcript": "t",
                   "active_transcript": [{"role": "user"}]}),
            "conversation.handoff.requested: missing field `text` (at /active_transcript/0)",
        ),
        (
            json!({"type": "response.output_audio_transcript.done", "item_id": "i"}),
            "response.output_audio_transcript.done: missing field `transcript`",
        ),
        (
            json!({"type": "conversation.input_transcript.turn_marked", "item_id": "i"}),
            "conversation.input_transcript.turn_marked: missing field `transcript`",
        ),
        (
            json!({"type": "conversation.input_transcript.turn_marked", "transcript": 7}),
            "conversation.input_transcript.turn_marked: invalid type: integer `7`, expected a string (at /transcript)",
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(server_error(input), expected);
    }
}

#[test]
fn ga_named_events_need_only_their_text_member() {
    for (ty, member) in [
        ("conversation.item.input_audio_transcription.delta", "delta"),
        (
            "conversation.item.input_audio_transcription.completed",
            "transcript",
        ),
        ("response.output_text.delta", "delta"),
        ("response.output_audio_transcript.delta", "delta"),
        ("response.output_audio_transcript.done", "transcript"),
    ] {
        let raw = json!({"type": ty, member: "hello"});
        let event = server(raw.clone());
        assert!(!matches!(event, ServerEvent::Unknown(_)), "{ty} is known");
        assert_eq!(encode(&event), raw);
    }
}

#[test]
fn closed_enums_reject_other_values() {
    let session = |ty: &str, voice: &str| {
        json!({"type": "session.update", "session": {"type": ty, "instructions": "x",
            "audio": {"input": {"format": {"type": "audio/pcm", "rate": 24000}}, "output": {"voice": voice}}}})
    };
    assert_eq!(
        client_error(session("realtime", "cove")),
        "session.update: unknown variant `realtime`, expected `quicksilver` (at /session/type)"
    );
    assert_eq!(
        client_error(session("quicksilver", "marin")),
        "session.update: unknown variant `marin`, expected one of `juniper`, `maple`, `spruce`, `ember`, `vale`, `breeze`, `arbor`, `sol`, `cove` (at /session/audio/output/voice)"
    );
    let item = json!({"type": "conversation.item.create", "item": {"type": "message", "role": "system",
        "content": [{"type": "input_text", "text": "x"}]}});
    assert_eq!(
        client_error(item),
        "conversation.item.create: unknown variant `system`, expected one of `user`, `developer`, `assistant` (at /item/role)"
    );
    let part = json!({"type": "conversation.item.create", "item": {"type": "message", "role": "user",
        "content": [{"type": "input_audio", "audio": "AAAA"}]}});
    assert_eq!(
        client_error(part),
        "conversation.item.create: unknown variant `input_audio`, expected `input_text` or `output_text` (at /item/content/0/type)"
    );
}

#[test]
fn voice_list_is_the_spec_order_and_defaults_to_cove() {
    let names: Vec<Value> = Voice::LIST.iter().map(encode).collect();
    assert_eq!(
        Value::Array(names),
        json!([
            "juniper", "maple", "spruce", "ember", "vale", "breeze", "arbor", "sol", "cove"
        ])
    );
    assert_eq!(Voice::default(), Voice::Cove);
}

#[test]
fn canonical_session_update_is_the_spec_payload() {
    let event = ClientEvent::SessionUpdate(SessionUpdate::new(
        "<backend prompt supplied by the caller>",
    ));
    let text = serde_json::to_string_pretty(&event).expect("events encode");
    insta::assert_snapshot!(text);
}

#[test]
fn session_update_voice_can_be_chosen() {
    let event = ClientEvent::SessionUpdate(SessionUpdate::new("x").with_voice(Voice::Ember));
    assert_eq!(
        encode(&event)["session"]["audio"]["output"]["voice"],
        json!("ember")
    );
}

#[test]
fn text_items_use_output_text_for_the_assistant_only() {
    let encoded = |role| {
        encode(&ClientEvent::ConversationItemCreate(
            ConversationItemCreate::text(role, "hi"),
        ))
    };
    assert_eq!(
        encoded(Role::User),
        json!({"type": "conversation.item.create", "item": {"type": "message", "role": "user",
            "content": [{"type": "input_text", "text": "hi"}]}})
    );
    assert_eq!(
        encoded(Role::Developer),
        json!({"type": "conversation.item.create", "item": {"type": "message", "role": "developer",
            "content": [{"type": "input_text", "text": "hi"}]}})
    );
    assert_eq!(
        encoded(Role::Assistant),
        json!({"type": "conversation.item.create", "item": {"type": "message", "role": "assistant",
            "content": [{"type": "output_text", "text": "hi"}]}})
    );
}

#[test]
fn handoff_answer_carries_the_agent_final_message_prefix() {
    let event = ClientEvent::ConversationHandoffAppend(
        ConversationHandoffAppend::agent_final_message("handoff_1", "All tests pass."),
    );
    assert_eq!(
        encode(&event),
        json!({"type": "conversation.handoff.append", "handoff_id": "handoff_1",
            "output_text": "\"Agent Final Message\":\n\nAll tests pass."})
    );
}

#[test]
fn item_done_keeps_every_other_member_verbatim() {
    let raw = json!({"type": "conversation.item.done", "item": {"id": "item_1", "role": "assistant",
        "content": [{"transcript": "ok", "x": [1, {"y": null}]}], "status": "completed"}});
    assert_eq!(encode(&server(raw.clone())), raw);
}

#[test]
fn item_done_gives_the_final_transcript_of_user_and_assistant_messages() {
    let transcript =
        |item: Value| match server(json!({"type": "conversation.item.done", "item": item})) {
            ServerEvent::ConversationItemDone(done) => done.item.transcript(),
            other => panic!("not an item.done: {other:?}"),
        };
    assert_eq!(
        transcript(
            json!({"id": "i", "role": "assistant", "content": [{"transcript": "All 42 "}, {"text": "tests pass."}]})
        ),
        Some((Role::Assistant, "All 42 tests pass.".to_owned()))
    );
    assert_eq!(
        transcript(
            json!({"id": "i", "role": "user", "content": [{"text": "", "transcript": "run it"}]})
        ),
        Some((Role::User, "run it".to_owned()))
    );
    assert_eq!(
        transcript(json!({"id": "i", "role": "user", "content": [{"text": ""}]})),
        None
    );
    assert_eq!(
        transcript(json!({"id": "i", "role": "system", "content": [{"text": "x"}]})),
        None
    );
    assert_eq!(
        transcript(json!({"id": "i", "content": [{"text": "x"}]})),
        None
    );
}

#[test]
fn turn_marked_is_a_known_event_carrying_the_final_user_transcript() {
    let minimal = json!({"type": "conversation.input_transcript.turn_marked", "transcript": "hello realtime"});
    let event = server(minimal.clone());
    assert_eq!(
        event,
        ServerEvent::ConversationInputTranscriptTurnMarked(InputTranscriptTurnMarked {
            event_id: None,
            transcript: "hello realtime".into(),
            item_id: None,
            output_index: None,
            content_index: None,
        })
    );
    assert_eq!(encode(&event), minimal);
    let full = json!({"type": "conversation.input_transcript.turn_marked", "event_id": "e1", "transcript": "hi",
                      "item_id": "item_1", "output_index": 0, "content_index": 1});
    assert_eq!(encode(&server(full.clone())), full);
}
