//! Claims about the v3 ("Frameless Bidi") column of the version-independent view: every v3 row
//! of the mapping table gives exactly its normalized event (fixed 24 kHz mono audio, no ids);
//! a `delegation.created` that is not a client delegation and a `turn.done` of another role map
//! to nothing with a typed reason; the mapper's settings do not change v3; the running
//! transcript feeds a v3 handoff and survives a reconnection; and the typical v3 exchange is
//! walked event by event, in both directions.

use rtwire_protocol::decode_value;
use rtwire_protocol::realtime::normalized::{
    AudioOut, Event, HandoffRequest, NormalizeOptions, TranscriptDelta, TranscriptDone,
};
use rtwire_protocol::realtime::normalized_v3::V3Unmapped;
use rtwire_protocol::realtime::outbound::{self, Variant};
use rtwire_protocol::realtime::v1::TranscriptEntry;
use rtwire_protocol::realtime::v3::{self, HandoffMode, NotHandoff};
use rtwire_protocol::realtime::{Normalizer, v1, v2};
use rtwire_protocol::registry::Union;
use serde_json::{Value, json};

/// Decodes `raw` as a v3 server event (it must decode).
fn server(raw: &Value) -> v3::ServerEvent {
    decode_value(raw, "type").unwrap_or_else(|e| panic!("v3 {raw}: {e}"))
}

fn delta(text: &str) -> TranscriptDelta {
    TranscriptDelta {
        delta: text.into(),
        item_id: None,
        output_index: None,
        content_index: None,
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

fn handoff(id: &str, request: &str, active: Vec<TranscriptEntry>) -> Event {
    Event::HandoffRequested(HandoffRequest {
        handoff_id: id.into(),
        item_id: id.into(),
        input_transcript: request.into(),
        active_transcript: active,
    })
}

fn entry(role: &str, text: &str) -> TranscriptEntry {
    TranscriptEntry {
        role: role.into(),
        text: text.into(),
    }
}

fn audio(data: &str) -> Event {
    Event::AudioOut(AudioOut {
        data: data.into(),
        sample_rate: 24_000,
        num_channels: 1,
        samples_per_channel: None,
        item_id: None,
    })
}

/// Every v3 row of the mapping table, as `(wire event, normalized event or reason)`.
fn mapping_table() -> Vec<(Value, Result<Event, V3Unmapped>)> {
    let session = |id: &str, instructions: Option<&str>| Event::SessionUpdated {
        realtime_session_id: id.into(),
        instructions: instructions.map(str::to_owned),
    };
    vec![
        // session.started and session.updated → SessionUpdated; instructions optional.
        (
            json!({"type": "session.started", "session": {"id": "sess_initial_items", "instructions": "backend prompt"}}),
            Ok(session("sess_initial_items", Some("backend prompt"))),
        ),
        (
            json!({"type": "session.started", "session": {"id": "sess_1", "instructions": null, "model": "m"}}),
            Ok(session("sess_1", None)),
        ),
        (
            json!({"type": "session.updated", "session": {"id": "sess_reconnect_flood"}}),
            Ok(session("sess_reconnect_flood", None)),
        ),
        (
            json!({"type": "session.updated", "session": {"id": "sess_2", "instructions": ""}}),
            Ok(session("sess_2", Some(""))),
        ),
        // output_audio.delta → AudioOut, 24 000 Hz mono, no samples per channel, no item id;
        // the timing members are not part of the view.
        (
            json!({"type": "output_audio.delta", "audio": "AAE=", "start_ms": 0, "end_ms": 100}),
            Ok(audio("AAE=")),
        ),
        (
            json!({"type": "output_audio.delta", "audio": "AQIDBA==", "item_id": "ignored", "sample_rate": 48000}),
            Ok(audio("AQIDBA==")),
        ),
        // input_transcript.added / output_transcript.added → deltas, ids never provided.
        (
            json!({"type": "input_transcript.added", "item": {"id": "input-1", "type": "input_transcript", "text": "hello"}}),
            Ok(Event::InputTranscriptDelta(delta("hello"))),
        ),
        (
            json!({"type": "output_transcript.added", "item": {"text": "after reconnect"}}),
            Ok(Event::OutputTranscriptDelta(delta("after reconnect"))),
        ),
        (
            json!({"type": "output_transcript.added", "item": {"text": ""}}),
            Ok(Event::OutputTranscriptDelta(delta(""))),
        ),
        // turn.done → final transcript by role; other roles map to nothing.
        (
            json!({"type": "turn.done", "turn": {"id": "turn-1", "role": "user", "transcript": "hello"}}),
            Ok(Event::InputTranscriptDone(done("hello"))),
        ),
        (
            json!({"type": "turn.done", "turn": {"role": "assistant", "transcript": "hi there"}}),
            Ok(Event::OutputTranscriptDone(done("hi there"))),
        ),
        (
            json!({"type": "turn.done", "turn": {"role": "system", "transcript": "note"}}),
            Err(V3Unmapped::OtherTurnRole("system".into())),
        ),
        (
            json!({"type": "turn.done", "turn": {"role": "", "transcript": "x"}}),
            Err(V3Unmapped::OtherTurnRole(String::new())),
        ),
        // delegation.created of a client delegation → HandoffRequested: item.id is both ids;
        // the input_text texts are concatenated without separator, other parts skipped.
        (
            json!({"type": "delegation.created", "offset_ms": 1000, "item": {"id": "handoff-123", "type": "delegation", "target": "client",
                "content": [{"type": "input_text", "text": "check the weather"}]}}),
            Ok(handoff("handoff-123", "check the weather", vec![])),
        ),
        (
            json!({"type": "delegation.created", "item": {"id": "d1", "type": "delegation", "target": "client",
                "content": [{"type": "input_text", "text": "check "}, {"type": "output_text", "text": "NOT THIS"},
                    {"type": "input_text", "text": 7}, {"type": "input_text", "text": "the weather"}, {"text": "nor this"}]}}),
            Ok(handoff("d1", "check the weather", vec![])),
        ),
        (
            json!({"type": "delegation.created", "item": {"id": "d2", "type": "delegation", "target": "client", "content": []}}),
            Ok(handoff("d2", "", vec![])),
        ),
        // Any other delegation.created maps to nothing, with the reason.
        (
            json!({"type": "delegation.created", "item": {"id": "d3", "type": "delegation", "target": "server",
                "content": [{"type": "input_text", "text": "x"}]}}),
            Err(V3Unmapped::NotHandoff(NotHandoff::NotForClient(Some(
                "server".into(),
            )))),
        ),
        (
            json!({"type": "delegation.created", "item": {"id": "d4", "type": "delegation",
                "content": [{"type": "input_text", "text": "x"}]}}),
            Err(V3Unmapped::NotHandoff(NotHandoff::NotForClient(None))),
        ),
        (
            json!({"type": "delegation.created", "item": {"id": "d5", "type": "message", "target": "client",
                "content": [{"type": "input_text", "text": "x"}]}}),
            Err(V3Unmapped::NotHandoff(NotHandoff::NotADelegation(Some(
                "message".into(),
            )))),
        ),
        (
            json!({"type": "delegation.created", "item": {"id": "d6", "target": "client", "content": []}}),
            Err(V3Unmapped::NotHandoff(NotHandoff::NotADelegation(None))),
        ),
        (
            json!({"type": "delegation.created", "item": {"id": "d7", "type": "delegation", "target": "client",
                "content": "check the weather"}}),
            Err(V3Unmapped::NotHandoff(NotHandoff::NoContent)),
        ),
        (
            json!({"type": "delegation.created", "item": {"id": "d8", "type": "delegation", "target": "client"}}),
            Err(V3Unmapped::NotHandoff(NotHandoff::NoContent)),
        ),
        // error → Error, message in the order top-level, error.message, error itself.
        (
            json!({"type": "error", "message": "bad request"}),
            Ok(Event::Error {
                message: "bad request".into(),
            }),
        ),
        (
            json!({"type": "error", "error": {"type": "invalid_request_error", "message": "nested"}}),
            Ok(Event::Error {
                message: "nested".into(),
            }),
        ),
        (
            json!({"type": "error", "message": "top-level wins", "error": {"message": "nested"}}),
            Ok(Event::Error {
                message: "top-level wins".into(),
            }),
        ),
        (
            json!({"type": "error", "error": "bad request"}),
            Ok(Event::Error {
                message: "bad request".into(),
            }),
        ),
        (
            json!({"type": "error", "error": {"code": 42}}),
            Ok(Event::Error {
                message: "{\"code\":42}".into(),
            }),
        ),
        // Unknown types (v1 and GA names included) map to nothing.
        (
            json!({"type": "conversation.handoff.requested", "handoff_id": "h", "item_id": "i", "input_transcript": "x"}),
            Err(V3Unmapped::UnknownType),
        ),
        (
            json!({"type": "response.created", "response": {"id": "resp_1"}}),
            Err(V3Unmapped::UnknownType),
        ),
        (
            json!({"type": "input_audio_buffer.speech_started"}),
            Err(V3Unmapped::UnknownType),
        ),
    ]
}

#[test]
fn every_v3_row_of_the_mapping_table_gives_its_normalized_event_or_its_reason() {
    for (raw, expected) in mapping_table() {
        let event = server(&raw);
        let options = NormalizeOptions::default();
        assert_eq!(Event::try_from_v3(&event, &options), expected, "{raw}");
        assert_eq!(Event::from_v3(&event, &options), expected.ok(), "{raw}");
    }
}

#[test]
fn every_v3_server_event_type_is_in_the_mapping_table() {
    let mut covered: Vec<&str> = mapping_table()
        .iter()
        .filter_map(|(raw, _)| server(raw).wire_name())
        .collect();
    covered.sort_unstable();
    covered.dedup();
    // The registry lists every server event v3 defines.
    let mut known: Vec<&str> = <v3::ServerEvent as Union>::messages()
        .iter()
        .map(|message| message.wire_name)
        .collect();
    known.sort_unstable();
    assert_eq!(known.len(), 8);
    assert_eq!(covered, known);
}

#[test]
fn no_mapper_setting_changes_the_v3_mapping() {
    let settings = [
        NormalizeOptions::default(),
        NormalizeOptions::legacy(),
        NormalizeOptions::with_handoff_tool("codex"),
        NormalizeOptions::with_handoff_tool("delegation.created"),
        NormalizeOptions::default().transcripts_from_finished_items(true),
    ];
    for (raw, expected) in mapping_table() {
        for options in &settings {
            assert_eq!(
                Event::try_from_v3(&server(&raw), options),
                expected,
                "{raw} with {options:?}"
            );
        }
    }
}

#[test]
fn unmapped_reasons_read_as_sentences() {
    let reasons = [
        V3Unmapped::NotHandoff(NotHandoff::NotForClient(Some("server".into()))),
        V3Unmapped::NotHandoff(NotHandoff::NotADelegation(None)),
        V3Unmapped::NotHandoff(NotHandoff::NoContent),
        V3Unmapped::OtherTurnRole("system".into()),
        V3Unmapped::UnknownType,
    ]
    .map(|reason| reason.to_string());
    assert_eq!(
        reasons,
        [
            "delegation.created is not a handoff request: `item.target` is `server`, not `client`",
            "delegation.created is not a handoff request: `item.type` is absent",
            "delegation.created is not a handoff request: `item.content` is absent or not an array",
            "turn.done with `turn.role` `system` carries no final transcript (only `user` and `assistant` do)",
            "an event of an unknown `type`",
        ]
    );
}

/// Events missing a member the mapping needs never reach the view: decoding fails with the
/// event and the path named.
#[test]
fn v3_events_without_a_needed_member_are_refused_by_the_decoder_with_its_path() {
    let cases = [
        (
            json!({"type": "delegation.created", "item": {"type": "delegation", "target": "client", "content": []}}),
            "delegation.created: missing field `id` (at /item)",
        ),
        (
            json!({"type": "turn.done", "turn": {"transcript": "hello"}}),
            "turn.done: missing field `role` (at /turn)",
        ),
        (
            json!({"type": "turn.done", "turn": {"role": 7, "transcript": "hello"}}),
            "turn.done: data did not match any variant of untagged enum TurnRole (at /turn/role)",
        ),
        (
            json!({"type": "input_transcript.added", "item": {"id": "input-1"}}),
            "input_transcript.added: missing field `text` (at /item)",
        ),
        (
            json!({"type": "output_audio.delta", "audio": null}),
            "output_audio.delta: invalid type: null, expected a string (at /audio)",
        ),
        (
            json!({"type": "session.started", "session": {}}),
            "session.started: missing field `id` (at /session)",
        ),
    ];
    for (raw, message) in cases {
        let error = decode_value::<v3::ServerEvent>(&raw, "type")
            .expect_err("refused")
            .to_string();
        assert_eq!(error, message, "{raw}");
    }
}

#[test]
fn a_v3_handoff_takes_the_running_transcript_and_adds_a_request_not_already_said() {
    let mut normalizer = Normalizer::default();
    let events = [
        json!({"type": "input_transcript.added", "item": {"text": "what's the "}}),
        json!({"type": "input_transcript.added", "item": {"text": "weathr"}}),
        json!({"type": "turn.done", "turn": {"role": "user", "transcript": "what's the weather"}}),
        json!({"type": "output_transcript.added", "item": {"text": "Let me "}}),
        json!({"type": "output_transcript.added", "item": {"text": "check."}}),
        json!({"type": "turn.done", "turn": {"role": "narrator", "transcript": "ignored"}}),
    ];
    for raw in &events {
        normalizer.v3(&server(raw));
    }
    assert_eq!(
        normalizer.transcript().entries(),
        &[
            entry("user", "what's the weather"),
            entry("assistant", "Let me check."),
        ]
    );
    let request = json!({"type": "delegation.created", "item": {"id": "d1", "type": "delegation", "target": "client",
        "content": [{"type": "input_text", "text": "  check the weather in Paris "}]}});
    assert_eq!(
        normalizer.v3(&server(&request)),
        Some(handoff(
            "d1",
            "  check the weather in Paris ",
            vec![
                entry("user", "what's the weather"),
                entry("assistant", "Let me check."),
                entry("user", "check the weather in Paris"),
            ]
        ))
    );
    assert_eq!(normalizer.transcript().entries(), &[] as &[TranscriptEntry]);
    // A delegation for someone else changes nothing and gives nothing.
    normalizer.v3(&server(
        &json!({"type": "output_transcript.added", "item": {"text": "Working on it."}}),
    ));
    let other = json!({"type": "delegation.created", "item": {"id": "d2", "type": "delegation", "target": "server", "content": []}});
    assert_eq!(normalizer.v3(&server(&other)), None);
    assert_eq!(
        normalizer.transcript().entries(),
        &[entry("assistant", "Working on it.")]
    );
}

#[test]
fn the_v3_running_transcript_survives_a_sideband_reconnection() {
    let mut normalizer = Normalizer::default();
    for raw in [
        json!({"type": "session.started", "session": {"id": "sess_1"}}),
        json!({"type": "output_transcript.added", "item": {"text": "before "}}),
        // The sideband reconnects: the same conversation, the same mapper.
        json!({"type": "session.updated", "session": {"id": "sess_1"}}),
        json!({"type": "output_transcript.added", "item": {"text": "after reconnect"}}),
    ] {
        normalizer.v3(&server(&raw));
    }
    assert_eq!(
        normalizer.transcript().entries(),
        &[entry("assistant", "before after reconnect")]
    );
}

/// One mapper per conversation serves every variant: the same transcript texts give the same
/// running transcript whether they came over v1, v2 or v3.
#[test]
fn the_same_conversation_gives_the_same_handoff_transcript_in_v1_v2_and_v3() {
    let mut by_v1 = Normalizer::default();
    for raw in [
        json!({"type": "conversation.input_transcript.delta", "delta": "hello"}),
        json!({"type": "conversation.output_transcript.delta", "delta": "hi"}),
    ] {
        by_v1.v1(&decode_value::<v1::ServerEvent>(&raw, "type").expect("decodes"));
    }
    let mut by_v2 = Normalizer::default();
    for raw in [
        json!({"type": "conversation.item.input_audio_transcription.delta", "delta": "hello"}),
        json!({"type": "response.output_audio_transcript.delta", "delta": "hi"}),
    ] {
        by_v2.v2(&decode_value::<v2::ServerEvent>(&raw, "type").expect("decodes"));
    }
    let mut by_v3 = Normalizer::default();
    for raw in [
        json!({"type": "input_transcript.added", "item": {"text": "hello"}}),
        json!({"type": "output_transcript.added", "item": {"text": "hi"}}),
    ] {
        by_v3.v3(&server(&raw));
    }
    let expected = [entry("user", "hello"), entry("assistant", "hi")];
    assert_eq!(by_v1.transcript().entries(), &expected);
    assert_eq!(by_v2.transcript().entries(), &expected);
    assert_eq!(by_v3.transcript().entries(), &expected);
}

/// The typical v3 exchange, line by line: client lines are built by the outbound intents and
/// compared with the wire text as whole JSON values; server lines decode, and each gives the
/// normalized event the mapping says (with the running transcript).
#[test]
fn the_typical_v3_exchange_walks_through_the_normalized_view_event_by_event() {
    let exchange = [
        r#"C {"type":"session.update","session":{"instructions":"backend prompt\n\nstartup context","audio":{"output":{"voice":"cove"}},"delegation":{"type":"client"}}}"#,
        r#"S {"type":"session.started","session":{"id":"sess_frameless","instructions":"backend prompt"}}"#,
        r#"S {"type":"input_transcript.added","item":{"id":"input-1","type":"input_transcript","text":"hello"}}"#,
        r#"S {"type":"turn.done","turn":{"id":"turn-1","role":"user","transcript":"hello"}}"#,
        r#"S {"type":"output_audio.delta","audio":"AAE=","start_ms":0,"end_ms":100}"#,
        r#"S {"type":"delegation.created","offset_ms":100,"item":{"id":"delegation_frameless","type":"delegation","target":"client","content":[{"type":"input_text","text":"delegate from frameless"}]}}"#,
        r#"C {"type":"delegation.context.append","delegation_item_id":"delegation_frameless","channel":"commentary","content":[{"type":"input_text","text":"[ANALYSIS]silent context"}]}"#,
        r#"C {"type":"delegation.context.append","delegation_item_id":"delegation_frameless","channel":"commentary","content":[{"type":"input_text","text":"[COMMENTARY]still working"}]}"#,
        r#"C {"type":"delegation.context.append","delegation_item_id":"delegation_frameless","channel":"speakable","content":[{"type":"input_text","text":"[FINAL]finished"}]}"#,
        r#"C {"type":"session.context.append","content":[{"type":"input_text","text":"manual spoken update"}],"channel":"speakable"}"#,
        r#"C {"type":"session.close"}"#,
    ];

    // What the client sends, in order, from the intents (bemTags routing picks each channel).
    let v3 = Variant::V3;
    let bem = HandoffMode::BemTags(Default::default());
    let handoff_id = "delegation_frameless";
    let answer = |text: &str| v3.answer_handoff_on(handoff_id, text, bem.channel_for(text));
    let mut sent: Vec<Vec<outbound::ClientEvent>> = vec![
        vec![v3.configure_session(
            outbound::SessionMode::Conversation,
            "backend prompt\n\nstartup context",
        )],
        answer("[ANALYSIS]silent context"),
        answer("[COMMENTARY]still working"),
        answer("[FINAL]finished"),
        v3.speak("manual spoken update"),
        v3.end_session(),
    ]
    .into_iter()
    .rev()
    .collect();

    // What the view gives for each server line, in order.
    let mut expected_events = vec![
        Event::SessionUpdated {
            realtime_session_id: "sess_frameless".into(),
            instructions: Some("backend prompt".into()),
        },
        Event::InputTranscriptDelta(delta("hello")),
        Event::InputTranscriptDone(done("hello")),
        audio("AAE="),
        handoff(
            "delegation_frameless",
            "delegate from frameless",
            vec![
                entry("user", "hello"),
                entry("user", "delegate from frameless"),
            ],
        ),
    ]
    .into_iter()
    .rev()
    .collect::<Vec<_>>();

    let mut normalizer = Normalizer::default();
    let mut client_lines = 0;
    let mut server_lines = 0;
    for line in exchange {
        let (side, text) = line.split_once(' ').expect("a side and a frame");
        let wire: Value = serde_json::from_str(text).expect("JSON");
        match side {
            "C" => {
                client_lines += 1;
                let events = sent.pop().expect("an intent for every client line");
                let [event] = events.as_slice() else {
                    panic!("one event expected for {text}, got {events:?}")
                };
                assert_eq!(serde_json::to_value(event).expect("encodes"), wire);
                // And the line itself decodes as the v3 client event it is.
                let decoded: v3::ClientEvent = decode_value(&wire, "type").expect("decodes");
                assert_eq!(&outbound::ClientEvent::V3(decoded), event);
            }
            "S" => {
                server_lines += 1;
                let event = rtwire_protocol::realtime::v3::receive_text(text)
                    .unwrap_or_else(|e| panic!("{text}: {e}"));
                let v3::Received::Event(event) = event else {
                    panic!("{text}: not an event: {event:?}")
                };
                assert_eq!(
                    normalizer.v3(&event),
                    Some(expected_events.pop().expect("an expected event")),
                    "{text}"
                );
            }
            other => panic!("unknown side {other}"),
        }
    }
    assert_eq!((client_lines, server_lines), (6, 5));
    assert!(sent.is_empty() && expected_events.is_empty());
    // After the handoff the running transcript is empty: nothing was said since.
    assert_eq!(normalizer.transcript().entries(), &[] as &[TranscriptEntry]);
}
