//! Claims about the realtime v3 ("Frameless Bidi") events beyond what the generic example tests
//! check: the canonical bodies the Codex client sends (snapshots), the 500-byte chunking rule,
//! channel selection, the handoff accessor of `delegation.created`, the frame rules (untyped and
//! binary frames), pinned decode errors, the connection facts, and the typical exchange checked
//! by `cargo codegen validate --strict`. The catalog, the diff tool and the TypeScript index
//! reach v3 through the registry alone.

use rtwire_codegen::diff::{self, SchemaSet, Status};
use rtwire_codegen::validate::{Args, EXIT_VALID, Format, run};
use rtwire_protocol::realtime::v3::connection::{
    self, CallCreateRequest, CallIdError, InvalidCallId, call_id_from_location, normalize_path,
    sideband_path,
};
use rtwire_protocol::realtime::v3::{
    Channel, ChannelTags, ClientEvent, DelegationContextAppend, DelegationCreated, FrameError,
    Handoff, HandoffMode, Handshake, InitialItem, MAX_CONTEXT_TEXT_BYTES, NotHandoff, OutputVoice,
    Received, Role, ServerEvent, Session, SessionClose, SessionContextAppend, SessionUpdate,
    Speaker, StreamEnd, TurnRole, Voice, chunk_context_text, receive_binary, receive_text,
};
use rtwire_protocol::{decode_value, encode};
use rtwire_tests::root;
use serde_json::{Value, json};
use std::path::PathBuf;

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

fn delegation(value: Value) -> DelegationCreated {
    match server(value) {
        ServerEvent::DelegationCreated(event) => event,
        other => panic!("not a delegation.created: {other:?}"),
    }
}

// --- Canonical bodies of the Codex client ---------------------------------------------------

#[test]
fn canonical_session_update_is_the_typical_exchange_first_line() {
    let event = ClientEvent::SessionUpdate(SessionUpdate::new("backend prompt\n\nstartup context"));
    assert_eq!(
        encode(&event),
        json!({"type":"session.update","session":{"instructions":"backend prompt\n\nstartup context","audio":{"output":{"voice":"cove"}},"delegation":{"type":"client"}}})
    );
    insta::assert_json_snapshot!("canonical_session_update", encode(&event));
}

#[test]
fn session_update_with_a_voice_and_ack_filler_is_the_spec_unit_test_body() {
    let event = ClientEvent::SessionUpdate(
        SessionUpdate::new("instructions")
            .with_voice(OutputVoice::Other("marin".into()))
            .with_ack_filler(false),
    );
    assert_eq!(
        encode(&event),
        json!({"type":"session.update","session":{"instructions":"instructions","audio":{"output":{"voice":"marin"}},"delegation":{"type":"client","ack_filler":false}}})
    );
    insta::assert_json_snapshot!("session_update_voice_and_ack_filler", encode(&event));
}

#[test]
fn session_update_with_initial_items_types_assistant_text_as_output_text() {
    let event = ClientEvent::SessionUpdate(
        SessionUpdate::new("backend prompt").with_initial_items(vec![
            InitialItem::text(Role::Developer, "Remember this."),
            InitialItem::text(Role::User, "What do you remember?"),
            InitialItem::text(Role::Assistant, "I remember."),
        ]),
    );
    assert_eq!(
        encode(&event),
        json!({"type":"session.update","session":{"instructions":"backend prompt","audio":{"output":{"voice":"cove"}},"delegation":{"type":"client"},"initial_items":[{"type":"message","role":"developer","content":[{"type":"input_text","text":"Remember this."}]},{"type":"message","role":"user","content":[{"type":"input_text","text":"What do you remember?"}]},{"type":"message","role":"assistant","content":[{"type":"output_text","text":"I remember."}]}]}})
    );
    insta::assert_json_snapshot!("session_update_initial_items", encode(&event));
}

#[test]
fn an_empty_initial_item_list_sends_no_initial_items_member() {
    let event = SessionUpdate::new("p").with_initial_items(vec![]);
    assert_eq!(
        encode(&ClientEvent::SessionUpdate(event)),
        json!({"type":"session.update","session":{"instructions":"p","audio":{"output":{"voice":"cove"}},"delegation":{"type":"client"}}})
    );
}

#[test]
fn call_creation_session_part_and_chatgpt_body_are_the_spec_bodies() {
    let mut session = Session::new("backend prompt\n\nstartup context");
    session.delegation.ack_filler = Some(false);
    session.model = Some(connection::DEFAULT_MODEL.into());
    assert_eq!(
        serde_json::to_value(&session).unwrap(),
        json!({"audio":{"output":{"voice":"cove"}},"delegation":{"ack_filler":false,"type":"client"},"instructions":"backend prompt\n\nstartup context","model":"gpt-live-1-boulder-alpha"})
    );
    let body = CallCreateRequest {
        sdp: "v=0\r\n".into(),
        session,
    };
    let encoded = serde_json::to_value(&body).unwrap();
    insta::assert_json_snapshot!("chatgpt_call_creation_body", encoded);
    let decoded: CallCreateRequest = serde_json::from_value(encoded).unwrap();
    assert_eq!(decoded, body);
}

#[test]
fn voices_are_the_v1_voices_and_others_are_kept_but_unsupported() {
    for voice in Voice::LIST {
        assert!(OutputVoice::from(voice).is_supported());
    }
    assert_eq!(OutputVoice::default(), OutputVoice::Supported(Voice::Cove));
    let marin: OutputVoice = serde_json::from_value(json!("marin")).unwrap();
    assert_eq!(marin, OutputVoice::Other("marin".into()));
    assert!(!marin.is_supported());
    let juniper: OutputVoice = serde_json::from_value(json!("juniper")).unwrap();
    assert_eq!(juniper, OutputVoice::Supported(Voice::Juniper));
}

#[test]
fn session_close_has_no_other_member() {
    assert_eq!(
        encode(&ClientEvent::SessionClose(SessionClose::default())),
        json!({"type":"session.close"})
    );
}

// --- The 500-byte chunking rule --------------------------------------------------------------

fn assert_chunks_rebuild(text: &str) -> Vec<&str> {
    let pieces = chunk_context_text(text);
    assert_eq!(pieces.concat(), text, "the pieces concatenate to the text");
    for (i, piece) in pieces.iter().enumerate() {
        assert!(
            piece.len() <= MAX_CONTEXT_TEXT_BYTES,
            "piece {i} is {} bytes",
            piece.len()
        );
        if i + 1 < pieces.len() {
            // As long as allowed: the next character would not have fit.
            let next = pieces[i + 1].chars().next().expect("non-empty next piece");
            assert!(piece.len() + next.len_utf8() > MAX_CONTEXT_TEXT_BYTES);
        }
    }
    pieces
}

#[test]
fn a_text_of_at_most_500_bytes_is_one_piece_and_the_empty_text_is_one_empty_piece() {
    assert_eq!(chunk_context_text(""), vec![""]);
    let exact = "a".repeat(500);
    assert_eq!(chunk_context_text(&exact), vec![exact.as_str()]);
}

#[test]
fn a_501_byte_ascii_text_is_split_into_500_and_1_bytes() {
    let text = "a".repeat(501);
    let pieces = assert_chunks_rebuild(&text);
    assert_eq!(
        pieces.iter().map(|p| p.len()).collect::<Vec<_>>(),
        vec![500, 1]
    );
}

#[test]
fn multibyte_characters_are_never_split() {
    // 499 ASCII bytes, then a 3-byte euro sign that does not fit in the first piece.
    let text = format!("{}€tail", "a".repeat(499));
    let pieces = assert_chunks_rebuild(&text);
    assert_eq!(pieces, vec!["a".repeat(499).as_str(), "€tail"]);
    // 4-byte characters only: 125 per piece.
    let emoji = "🎙".repeat(300);
    let pieces = assert_chunks_rebuild(&emoji);
    assert_eq!(
        pieces.iter().map(|p| p.len()).collect::<Vec<_>>(),
        vec![500, 500, 200]
    );
    // Mixed widths.
    assert_chunks_rebuild(&"aé€🎙".repeat(400));
}

#[test]
fn chunked_appends_carry_the_same_channel_and_id_in_order() {
    let text = format!("{}{}", "x".repeat(500), "y".repeat(20));
    let events = SessionContextAppend::chunked(Some(Channel::Speakable), &text);
    assert_eq!(
        events
            .iter()
            .map(|e| encode(&ClientEvent::SessionContextAppend(e.clone())))
            .collect::<Vec<_>>(),
        vec![
            json!({"type":"session.context.append","channel":"speakable","content":[{"type":"input_text","text":"x".repeat(500)}]}),
            json!({"type":"session.context.append","channel":"speakable","content":[{"type":"input_text","text":"y".repeat(20)}]}),
        ]
    );
    let answers = DelegationContextAppend::chunked("delegation_frameless", None, &text);
    assert_eq!(
        answers
            .iter()
            .map(|e| encode(&ClientEvent::DelegationContextAppend(e.clone())))
            .collect::<Vec<_>>(),
        vec![
            json!({"type":"delegation.context.append","delegation_item_id":"delegation_frameless","content":[{"type":"input_text","text":"x".repeat(500)}]}),
            json!({"type":"delegation.context.append","delegation_item_id":"delegation_frameless","content":[{"type":"input_text","text":"y".repeat(20)}]}),
        ]
    );
    assert_eq!(answers[1].text(), "y".repeat(20));
}

#[test]
fn context_append_bodies_are_locked() {
    let bodies: Vec<Value> = [
        ClientEvent::SessionContextAppend(SessionContextAppend::new(None, "typed by the user")),
        ClientEvent::SessionContextAppend(SessionContextAppend::new(
            Some(Channel::Speakable),
            "manual spoken update",
        )),
        ClientEvent::DelegationContextAppend(DelegationContextAppend::new(
            "handoff-123",
            Some(Channel::Commentary),
            "The result",
        )),
    ]
    .iter()
    .map(encode)
    .collect();
    insta::assert_json_snapshot!("context_append_bodies", bodies);
}

// --- Channel selection for automatic Codex output --------------------------------------------

#[test]
fn channel_selection_follows_the_handoff_mode() {
    let texts = [
        "[ANALYSIS]silent context",
        "[COMMENTARY]still working",
        "[FINAL]finished",
        "no tag",
    ];
    let channels = |mode: &HandoffMode| texts.map(|t| mode.channel_for(t));
    assert_eq!(channels(&HandoffMode::Thinking), [None; 4]);
    assert_eq!(
        channels(&HandoffMode::Commentary),
        [Some(Channel::Commentary); 4]
    );
    // The bemTags lines of the typical exchange: analysis and commentary → commentary, final
    // and untagged → speakable.
    assert_eq!(
        channels(&HandoffMode::BemTags(ChannelTags::default())),
        [
            Some(Channel::Commentary),
            Some(Channel::Commentary),
            Some(Channel::Speakable),
            Some(Channel::Speakable)
        ]
    );
    let custom = ChannelTags {
        analysis: vec!["<think>".into()],
        ..ChannelTags::default()
    };
    let mode = HandoffMode::BemTags(custom);
    assert_eq!(mode.channel_for("<think>hmm"), Some(Channel::Commentary));
    assert_eq!(
        mode.channel_for("[ANALYSIS]replaced list"),
        Some(Channel::Speakable)
    );
}

// --- delegation.created: handoff or not ------------------------------------------------------

#[test]
fn a_client_delegation_is_a_handoff_with_the_item_id_twice_and_the_concatenated_text() {
    let event = delegation(json!({
        "type": "delegation.created", "offset_ms": 1000,
        "item": {"id": "handoff-123", "type": "delegation", "target": "client", "content": [
            {"type": "input_text", "text": "check "},
            {"type": "image", "text": "skipped: not input_text"},
            {"type": "input_text"},
            {"type": "input_text", "text": 5},
            {"type": "input_text", "text": "the weather"}
        ]}
    }));
    assert_eq!(
        event.handoff(),
        Ok(Handoff {
            handoff_id: "handoff-123".into(),
            item_id: "handoff-123".into(),
            input_transcript: "check the weather".into(),
        })
    );
}

#[test]
fn the_spec_examples_of_delegation_created_are_handoffs() {
    let event = delegation(
        json!({"type":"delegation.created","item":{"id":"delegation_stream","type":"delegation","target":"client","content":[{"type":"input_text","text":"delegate streaming"}]}}),
    );
    assert_eq!(
        event,
        DelegationCreated::client("delegation_stream", "delegate streaming")
    );
    assert_eq!(
        event.handoff().map(|h| h.input_transcript),
        Ok("delegate streaming".into())
    );
}

#[test]
fn delegations_that_are_not_for_this_client_decode_and_say_why_they_are_no_handoff() {
    let item = |extra: Value| {
        let mut item = json!({"id": "d1", "type": "delegation", "target": "client", "content": []});
        for (k, v) in extra.as_object().unwrap() {
            if v.is_null() {
                item.as_object_mut().unwrap().remove(k);
            } else {
                item[k] = v.clone();
            }
        }
        delegation(json!({"type": "delegation.created", "item": item})).handoff()
    };
    assert_eq!(
        item(json!({"type": null})),
        Err(NotHandoff::NotADelegation(None))
    );
    assert_eq!(
        item(json!({"type": "message"})),
        Err(NotHandoff::NotADelegation(Some("message".into())))
    );
    assert_eq!(
        item(json!({"target": null})),
        Err(NotHandoff::NotForClient(None))
    );
    assert_eq!(
        item(json!({"target": "server"})),
        Err(NotHandoff::NotForClient(Some("server".into())))
    );
    assert_eq!(item(json!({"content": null})), Err(NotHandoff::NoContent));
    assert_eq!(
        item(json!({"content": {"text": "x"}})),
        Err(NotHandoff::NoContent)
    );
    // An empty array is an array: a handoff with an empty request.
    assert_eq!(
        item(json!({})).map(|h| h.input_transcript),
        Ok(String::new())
    );
    assert_eq!(
        NotHandoff::NotForClient(Some("server".into())).to_string(),
        "`item.target` is `server`, not `client`"
    );
}

#[test]
fn a_delegation_keeps_unknown_members_of_its_item_and_non_array_content_verbatim() {
    let raw = json!({"type":"delegation.created","item":{"id":"d2","type":"delegation","target":"client","content":"x","priority":3}});
    let event = server(raw.clone());
    assert_eq!(encode(&event), raw);
}

// --- turn.done -------------------------------------------------------------------------------

#[test]
fn turn_done_gives_the_final_transcript_of_user_and_assistant_and_nothing_for_other_roles() {
    let turn = |role: &str| match server(
        json!({"type":"turn.done","turn":{"role":role,"transcript":"hello"}}),
    ) {
        ServerEvent::TurnDone(done) => done,
        other => panic!("not a turn.done: {other:?}"),
    };
    assert_eq!(
        turn("user").final_transcript(),
        Some((Speaker::User, "hello"))
    );
    assert_eq!(
        turn("assistant").final_transcript(),
        Some((Speaker::Assistant, "hello"))
    );
    let system = turn("system");
    assert_eq!(system.turn.role, TurnRole::Other("system".into()));
    assert_eq!(system.final_transcript(), None);
    assert_eq!(
        encode(&ServerEvent::TurnDone(system)),
        json!({"type":"turn.done","turn":{"role":"system","transcript":"hello"}})
    );
}

// --- Forward compatibility and unknown members -----------------------------------------------

#[test]
fn events_of_other_dialects_are_unknown_v3_events_kept_verbatim() {
    for raw in [
        json!({"type":"conversation.output_audio.delta","delta":"AAE=","sample_rate":24000}),
        json!({"type":"response.output_audio.delta","delta":"AAE=","item_id":"i"}),
        json!({"type":"rtwire.test.unknown","nested":{"a":[1,null]}}),
    ] {
        let event = server(raw.clone());
        assert_eq!(event, ServerEvent::Unknown(raw.clone()));
        assert_eq!(event.wire_name(), None);
        assert_eq!(encode(&event), raw);
    }
    let raw = json!({"type":"response.create"});
    let event: ClientEvent = decode_value(&raw, "type").unwrap();
    assert_eq!(event, ClientEvent::Unknown(raw.clone()));
    assert_eq!(encode(&event), raw);
}

#[test]
fn nested_unknown_members_are_kept_and_top_level_ones_such_as_event_id_are_ignored() {
    let event = server(json!({
        "type": "input_transcript.added", "event_id": "evt_1",
        "item": {"id": "input-1", "type": "input_transcript", "text": "hello", "extra": {"a": 1}}
    }));
    let ServerEvent::InputTranscriptAdded(added) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(added.delta(), "hello");
    assert_eq!(added.item.id(), Some("input-1"));
    assert_eq!(
        encode(&event),
        json!({"type":"input_transcript.added","item":{"id":"input-1","type":"input_transcript","text":"hello","extra":{"a":1}}})
    );
}

#[test]
fn output_audio_timing_members_are_read_when_integers_and_kept_verbatim_otherwise() {
    let ServerEvent::OutputAudioDelta(delta) =
        server(json!({"type":"output_audio.delta","audio":"AAE=","start_ms":0,"end_ms":100}))
    else {
        panic!()
    };
    assert_eq!((delta.start_ms(), delta.end_ms()), (Some(0), Some(100)));
    let raw = json!({"type":"output_audio.delta","audio":"AAE=","start_ms":"soon"});
    let event = server(raw.clone());
    let ServerEvent::OutputAudioDelta(delta) = &event else {
        panic!()
    };
    assert_eq!(delta.start_ms(), None);
    assert_eq!(encode(&event), raw);
}

#[test]
fn the_error_event_gives_its_message_in_the_spec_order() {
    let message = |raw: Value| match server(raw) {
        ServerEvent::Error(e) => e.display_message(),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        message(json!({"type":"error","message":"bad request"})),
        "bad request"
    );
    assert_eq!(
        message(
            json!({"type":"error","error":{"type":"invalid_request_error","message":"bad request"}})
        ),
        "bad request"
    );
    assert_eq!(
        message(json!({"type":"error","error":"bad request"})),
        "bad request"
    );
    assert_eq!(
        message(json!({"type":"error","error":{"code":42}})),
        r#"{"code":42}"#
    );
}

// --- Frame rules and pinned errors -----------------------------------------------------------

#[test]
fn a_frame_without_a_string_type_is_untyped_and_an_error_for_the_plain_decoder() {
    for text in [r#"{"audio":"AAE="}"#, r#"{"type":7}"#, "[1,2]", "\"text\""] {
        let value: Value = serde_json::from_str(text).unwrap();
        assert_eq!(receive_text(text), Ok(Received::Untyped(value)), "{text}");
    }
    assert_eq!(
        ServerEvent::decode(r#"{"audio":"AAE="}"#)
            .unwrap_err()
            .to_string(),
        "missing or non-string `type` member"
    );
    assert_eq!(
        receive_text(r#"{"type":"turn.done","turn":{"role":"user","transcript":"hi"}}"#),
        Ok(Received::Event(server(
            json!({"type":"turn.done","turn":{"role":"user","transcript":"hi"}})
        )))
    );
}

#[test]
fn a_binary_frame_is_the_binary_frame_error() {
    let err = receive_binary(b"\x00\x01").unwrap_err();
    assert_eq!(err, FrameError::Binary);
    assert_eq!(
        err.to_string(),
        "unexpected binary realtime websocket event"
    );
}

#[test]
fn a_text_frame_that_is_not_json_or_misses_a_needed_member_is_a_decode_error() {
    let Err(FrameError::Decode(e)) = receive_text("{not json") else {
        panic!("not a decode error")
    };
    assert_eq!(e.message(), None);
    assert_eq!(
        receive_text(r#"{"type":"delegation.created","item":{"type":"delegation"}}"#)
            .unwrap_err()
            .to_string(),
        "delegation.created: missing field `id` (at /item)"
    );
}

#[test]
fn decode_errors_name_the_event_and_the_path() {
    assert_eq!(
        server_error(
            json!({"type":"delegation.created","item":{"type":"delegation","target":"client"}})
        ),
        "delegation.created: missing field `id` (at /item)"
    );
    assert_eq!(
        server_error(json!({"type":"delegation.created"})),
        "delegation.created: missing field `item`"
    );
    assert_eq!(
        server_error(json!({"type":"turn.done","turn":{"transcript":"x"}})),
        "turn.done: missing field `role` (at /turn)"
    );
    assert_eq!(
        server_error(json!({"type":"turn.done","turn":{"role":1,"transcript":"x"}})),
        "turn.done: data did not match any variant of untagged enum TurnRole (at /turn/role)"
    );
    assert_eq!(
        server_error(json!({"type":"output_audio.delta","start_ms":0})),
        "output_audio.delta: missing field `audio`"
    );
    assert_eq!(
        server_error(json!({"type":"input_transcript.added","item":{"text":7}})),
        "input_transcript.added: invalid type: integer `7`, expected a string (at /item/text)"
    );
    assert_eq!(
        server_error(json!({"type":"session.started","session":{"instructions":"x"}})),
        "session.started: missing field `id` (at /session)"
    );
    assert_eq!(
        server_error(json!({"type":"error"})),
        "error: an `error` event needs a top-level `message` or an `error` member"
    );
    assert_eq!(
        client_error(
            json!({"type":"session.context.append","content":[{"type":"input_text","text":"a"},{"type":"input_text","text":"b"}]})
        ),
        "session.context.append: invalid length 2, expected fewer elements in array (at /content)"
    );
    assert_eq!(
        client_error(
            json!({"type":"session.update","session":{"instructions":"x","audio":{"output":{"voice":"cove"}}}})
        ),
        "session.update: missing field `delegation` (at /session)"
    );
}

#[test]
fn the_start_handshake_skips_unknown_events_and_fails_on_any_other_before_session_started() {
    let on = |raw: Value| Handshake::on(&server(raw));
    assert_eq!(on(json!({"type":"rtwire.test.unknown"})), Handshake::Skip);
    assert_eq!(
        on(json!({"type":"session.started","session":{"id":"s"}})),
        Handshake::Started
    );
    assert_eq!(
        on(json!({"type":"session.updated","session":{"id":"s"}})),
        Handshake::Started
    );
    assert_eq!(
        on(json!({"type":"error","error":{"type":"server_error","message":"boom"}})),
        Handshake::Failed("boom".into())
    );
    assert_eq!(
        on(json!({"type":"output_audio.delta","audio":"AAE="})),
        Handshake::Failed(
            "frameless realtime session received an event before session.started".into()
        )
    );
    assert_eq!(
        rtwire_protocol::realtime::v3::ENDED_BEFORE_STARTED,
        "frameless realtime session ended before session.started"
    );
}

#[test]
fn only_close_status_1000_ends_the_stream_normally() {
    assert_eq!(
        StreamEnd::Close {
            status: Some(1000),
            reason: ""
        }
        .outcome(),
        Ok(())
    );
    assert_eq!(
        StreamEnd::Close {
            status: Some(1011),
            reason: "internal"
        }
        .outcome(),
        Err("realtime websocket closed unexpectedly: code=1011 reason=internal".into())
    );
    assert_eq!(
        StreamEnd::Close {
            status: None,
            reason: ""
        }
        .outcome(),
        Err("realtime websocket closed unexpectedly without a status code".into())
    );
    assert_eq!(
        StreamEnd::Eof.outcome(),
        Err("realtime websocket event stream ended unexpectedly".into())
    );
}

// --- Connection facts ------------------------------------------------------------------------

#[test]
fn connection_constants_are_the_v3_facts() {
    assert_eq!(
        connection::DEFAULT_URL,
        format!("wss://api.openai.com{}", connection::ENDPOINT_PATH)
    );
    assert_eq!(
        (
            connection::OPENAI_ALPHA_HEADER,
            connection::OPENAI_ALPHA_VALUE
        ),
        ("openai-alpha", "quicksilver=v2")
    );
    assert_eq!(
        connection::HEADERS,
        [
            "openai-alpha",
            "x-session-id",
            "session-id",
            "thread-id",
            "originator"
        ]
    );
    assert_eq!(connection::DEFAULT_MODEL, "gpt-live-1-boulder-alpha");
    assert!(connection::DROPPED_PROVIDER_QUERY_PARAMETERS.contains(&"intent"));
    assert_eq!(connection::NORMAL_CLOSE_STATUS, 1000);
}

#[test]
fn base_paths_are_normalized_to_the_live_endpoint() {
    for (path, normalized) in [
        ("", "/v1/live"),
        ("/", "/v1/live"),
        ("/v1", "/v1/live"),
        ("/v1/", "/v1/live"),
        ("/v1/realtime", "/v1/live"),
        ("/v1/realtime/", "/v1/live"),
        ("/proxy/v1/realtime", "/proxy/v1/live"),
        ("/v1/live/", "/v1/live"),
        ("/v1/live", "/v1/live"),
        ("/custom/path", "/custom/path"),
    ] {
        assert_eq!(normalize_path(path), normalized, "{path:?}");
    }
}

#[test]
fn sideband_paths_append_the_call_id_as_one_encoded_segment() {
    assert_eq!(
        sideband_path("/v1/live", "rtc_frameless").unwrap(),
        "/v1/live/rtc_frameless"
    );
    assert_eq!(
        sideband_path("/v1/live", "../../admin").unwrap(),
        "/v1/live/..%2F..%2Fadmin"
    );
    assert_eq!(
        sideband_path("/v1/live", "a b?c").unwrap(),
        "/v1/live/a%20b%3Fc"
    );
    for id in [".", ".."] {
        let err = sideband_path("/v1/live", id).unwrap_err();
        assert_eq!(err, InvalidCallId(id.into()));
        assert_eq!(err.to_string(), format!("invalid realtime call id: {id}"));
    }
}

#[test]
fn the_call_id_comes_from_the_location_header() {
    assert_eq!(
        call_id_from_location(Some("/v1/live/rtc_frameless")),
        Ok("rtc_frameless")
    );
    assert_eq!(
        call_id_from_location(Some(
            "https://api.openai.com/v1/live/rtc_abc/status?x=rtc_q"
        )),
        Ok("rtc_abc")
    );
    assert_eq!(
        call_id_from_location(Some("/calls/123e4567-e89b-12d3-a456-426614174000")),
        Ok("123e4567-e89b-12d3-a456-426614174000")
    );
    assert_eq!(
        call_id_from_location(None).unwrap_err().to_string(),
        "realtime call response missing Location"
    );
    assert_eq!(
        call_id_from_location(Some("/v1/live/rtc_")),
        Err(CallIdError::NoCallId("/v1/live/rtc_".into()))
    );
    assert_eq!(
        call_id_from_location(Some("/v1/live/abc"))
            .unwrap_err()
            .to_string(),
        "realtime call Location does not contain a call id: /v1/live/abc"
    );
}

// --- The typical exchange, and the tools ------------------------------------------------------

fn validate_strict(union: &str, file: &str) -> (u8, String) {
    let args = Args {
        union: union.to_owned(),
        files: vec![PathBuf::from(file)],
        strict: true,
        format: Format::Text,
    };
    let (mut out, mut err) = (vec![], vec![]);
    let code = run(&args, &mut &b""[..], &mut out, &mut err);
    assert_eq!(String::from_utf8(err).unwrap(), "");
    (code, String::from_utf8(out).unwrap())
}

#[test]
fn the_typical_exchange_validates_strictly_in_both_directions() {
    let (code, out) = validate_strict(
        "realtime/v3/ServerEvent",
        "fixtures/validate/realtime/v3/ServerEvent/valid.jsonl",
    );
    assert_eq!(
        (code, out.as_str()),
        (
            EXIT_VALID,
            "5 message(s) in 1 input(s): 5 valid, 0 invalid, 0 unknown, 0 disagreement(s)\n"
        )
    );
    let (code, out) = validate_strict(
        "realtime/v3/ClientEvent",
        "fixtures/validate/realtime/v3/ClientEvent/valid.jsonl",
    );
    assert_eq!(
        (code, out.as_str()),
        (
            EXIT_VALID,
            "6 message(s) in 1 input(s): 6 valid, 0 invalid, 0 unknown, 0 disagreement(s)\n"
        )
    );
}

#[test]
fn the_exchange_fixtures_are_what_the_builders_and_the_decoder_agree_on() {
    let lines = |union: &str| -> Vec<Value> {
        std::fs::read_to_string(format!("fixtures/validate/realtime/v3/{union}/valid.jsonl"))
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let client = lines("ClientEvent");
    let tags = ChannelTags::default();
    let mode = HandoffMode::BemTags(tags);
    let mut built = vec![encode(&ClientEvent::SessionUpdate(SessionUpdate::new(
        "backend prompt\n\nstartup context",
    )))];
    for text in [
        "[ANALYSIS]silent context",
        "[COMMENTARY]still working",
        "[FINAL]finished",
    ] {
        for event in
            DelegationContextAppend::chunked("delegation_frameless", mode.channel_for(text), text)
        {
            built.push(encode(&ClientEvent::DelegationContextAppend(event)));
        }
    }
    built.push(encode(&ClientEvent::SessionContextAppend(
        SessionContextAppend::new(Some(Channel::Speakable), "manual spoken update"),
    )));
    built.push(encode(&ClientEvent::SessionClose(SessionClose::default())));
    assert_eq!(built, client);

    let server_lines = lines("ServerEvent");
    let ServerEvent::DelegationCreated(created) = server(server_lines[4].clone()) else {
        panic!("line 5 is the delegation")
    };
    assert_eq!(
        created
            .handoff()
            .map(|h| (h.handoff_id, h.input_transcript)),
        Ok((
            "delegation_frameless".into(),
            "delegate from frameless".into()
        ))
    );
}

#[test]
fn the_catalog_lists_every_v3_message_from_the_registry() {
    let catalog: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schemas/catalog.json")).unwrap(),
    )
    .unwrap();
    let mut listed: Vec<(String, String)> = catalog["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["surface"] == "realtime" && m["version"] == "v3")
        .map(|m| {
            (
                m["direction"].as_str().unwrap().to_owned(),
                m["wire_name"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    listed.sort();
    let expected: Vec<(String, String)> = [
        ("client-to-server", "delegation.context.append"),
        ("client-to-server", "input_audio.append"),
        ("client-to-server", "session.close"),
        ("client-to-server", "session.context.append"),
        ("client-to-server", "session.update"),
        ("server-to-client", "delegation.created"),
        ("server-to-client", "error"),
        ("server-to-client", "input_transcript.added"),
        ("server-to-client", "output_audio.delta"),
        ("server-to-client", "output_transcript.added"),
        ("server-to-client", "session.started"),
        ("server-to-client", "session.updated"),
        ("server-to-client", "turn.done"),
    ]
    .iter()
    .map(|(d, w)| (d.to_string(), w.to_string()))
    .collect();
    assert_eq!(listed, expected);
    let index =
        std::fs::read_to_string(root().join("generated/typescript/realtime/index.d.ts")).unwrap();
    assert!(index.contains("v3"), "{index}");
}

#[test]
fn the_diff_tool_reports_every_v3_message_added_and_none_as_breaking() {
    let with = SchemaSet::from_dir(&root().join("schemas")).unwrap();
    let mut without = with.clone();
    without.entries.retain(|key, _| key.version != "v3");
    without
        .unions
        .retain(|path, _| !path.starts_with("realtime/v3/"));

    let added = diff::diff(&without, &with, None, &[]);
    let mut names: Vec<String> = added
        .iter()
        .filter(|f| f.message.version == "v3" && f.rule.id().starts_with("message-added"))
        .map(|f| f.message.wire_name.clone())
        .collect();
    names.sort();
    assert_eq!(names.len(), 13, "{added:#?}");
    assert_eq!(added.len(), 13, "only the v3 messages change: {added:#?}");
    assert!(
        added.iter().all(|f| f.status != Status::Breaking),
        "{added:#?}"
    );
}

#[test]
fn the_diff_tool_catches_a_v3_server_member_that_became_optional() {
    let old = SchemaSet::from_dir(&root().join("schemas")).unwrap();
    let mut new = old.clone();
    let drop_transcript = |schema: &mut Value| {
        let required = schema["$defs"]["Turn"]["required"].as_array_mut().unwrap();
        required.retain(|name| name != "transcript");
    };
    for (key, entry) in new.entries.iter_mut() {
        if key.version == "v3" && key.wire_name == "turn.done" {
            drop_transcript(&mut entry.schema);
        }
    }
    drop_transcript(new.unions.get_mut("realtime/v3/ServerEvent.json").unwrap());

    let findings = diff::diff(&old, &new, None, &[]);
    let breaking: Vec<String> = findings
        .iter()
        .filter(|f| f.status == Status::Breaking)
        .map(|f| format!("{} {} {}", f.message, f.rule.id(), f.path))
        .collect();
    assert_eq!(
        breaking,
        vec!["realtime v3 server-to-client turn.done field-became-optional /turn/transcript"]
    );
}
