//! The Rust API a downstream crate writes with: decode and encode by union, `From` from every
//! payload and wrapper, `new` + `with_`/`without_` builders. Each claim compares whole JSON
//! values or whole decoded values.

use rtwire_protocol::app_server::{
    Call, ClientMessage, ClientRequest, Notify, Response, ServerMessage, ServerNotification,
    v2 as app,
};
use rtwire_protocol::realtime::{InputAudioBufferAppend, v1, v2, v3};
use rtwire_protocol::registry::Union;
use serde_json::{Value, json};

/// The first member name of the JSON object `text`.
fn first_member(text: &str) -> String {
    let rest = text.strip_prefix("{\"").expect("an object");
    rest[..rest.find('"').expect("a member name")].to_owned()
}

#[test]
fn every_realtime_union_decodes_by_type_as_serde_does_and_encodes_with_the_tag_first() {
    fn check<U: Union + Clone>(
        decode: fn(&str) -> Result<U, rtwire_protocol::DecodeError>,
        to_json: fn(&U) -> String,
        text: &str,
    ) {
        let decoded = decode(text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            decoded,
            serde_json::from_str::<U>(text).expect("serde decodes it too")
        );
        let json = to_json(&decoded);
        assert_eq!(first_member(&json), "type", "{json}");
        assert_eq!(
            serde_json::from_str::<Value>(&json).unwrap(),
            rtwire_protocol::encode(&decoded)
        );
    }
    // The tag last on input: the encoder still writes it first.
    check(
        v2::ServerEvent::decode,
        v2::ServerEvent::to_json,
        r#"{"event_id":"e","delta":"AA==","response_id":"r","item_id":"i","output_index":0,"content_index":0,"type":"response.output_audio.delta"}"#,
    );
    check(
        v2::ClientEvent::decode,
        v2::ClientEvent::to_json,
        r#"{"audio":"AA==","type":"input_audio_buffer.append"}"#,
    );
    check(
        v1::ClientEvent::decode,
        v1::ClientEvent::to_json,
        r#"{"audio":"AA==","type":"input_audio_buffer.append"}"#,
    );
    check(
        v1::ServerEvent::decode,
        v1::ServerEvent::to_json,
        r#"{"message":"m","type":"error"}"#,
    );
    check(
        v3::ClientEvent::decode,
        v3::ClientEvent::to_json,
        r#"{"type":"session.close"}"#,
    );
    check(
        v3::ServerEvent::decode,
        v3::ServerEvent::to_json,
        r#"{"message":"m","type":"error"}"#,
    );
    check(
        rtwire_protocol::realtime::translation::ServerEvent::decode,
        rtwire_protocol::realtime::translation::ServerEvent::to_json,
        r#"{"message":"m","type":"error"}"#,
    );
    check(
        rtwire_protocol::realtime::translation::ClientEvent::decode,
        rtwire_protocol::realtime::translation::ClientEvent::to_json,
        r#"{"type":"future.event","x":[1]}"#,
    );
}

#[test]
fn an_unknown_event_reencodes_as_received_and_its_member_order_is_kept_by_to_json() {
    let text = r#"{"type":"response.future_thing","z":1,"a":{"b":null}}"#;
    let event = v2::ServerEvent::decode(text).expect("kept");
    assert_eq!(event.wire_name(), None);
    assert_eq!(
        event.to_value(),
        serde_json::from_str::<Value>(text).unwrap()
    );
}

#[test]
fn decode_by_type_names_the_event_and_the_json_path_of_a_fault() {
    let error = v2::ClientEvent::decode(r#"{"type":"input_audio_buffer.append","audio":7}"#)
        .expect_err("audio must be a string");
    assert_eq!(
        error.to_string(),
        "input_audio_buffer.append: invalid type: integer `7`, expected a string (at /audio)"
    );
    let value = json!({"type": "session.close", "extra": true});
    assert_eq!(
        v3::ClientEvent::decode_value(&value).expect("extra members are ignored"),
        v3::ClientEvent::decode(&value.to_string()).unwrap()
    );
}

#[test]
#[allow(deprecated)]
fn the_deprecated_stringly_decoder_still_agrees_with_decode_by_type() {
    for text in [
        r#"{"type":"error","message":"m"}"#,
        r#"{"type":"response.done"}"#,
        r#"{"type":"later.event"}"#,
    ] {
        let old: Result<v2::ServerEvent, _> = rtwire_protocol::decode(text, "type");
        assert_eq!(old, v2::ServerEvent::decode(text));
    }
}

#[test]
fn a_payload_converts_into_the_variant_of_its_union() {
    let append = InputAudioBufferAppend {
        event_id: None,
        audio: "AA==".into(),
    };
    assert_eq!(
        v2::ClientEvent::from(append.clone()),
        v2::ClientEvent::InputAudioBufferAppend(append.clone())
    );
    assert_eq!(
        v1::ClientEvent::from(append.clone()),
        v1::ClientEvent::InputAudioBufferAppend(append)
    );
    let update = v3::SessionUpdate::new("Be brief.");
    assert_eq!(
        v3::ClientEvent::from(update.clone()),
        v3::ClientEvent::SessionUpdate(update)
    );
}

#[test]
fn the_builders_reach_every_member_of_the_canonical_conversational_session() {
    let built = v2::SessionUpdate::new(
        v2::RealtimeSessionConfig::new()
            .with_instructions("Be brief.")
            .with_output_modalities(vec![v2::Modality::Audio])
            .with_audio(
                v2::AudioConfig::new()
                    .with_input(
                        v2::AudioInputConfig::new()
                            .with_format(v2::AudioFormat::pcm_24khz())
                            .with_transcription(
                                v2::AudioTranscription::new()
                                    .with_model(v2::TranscriptionModel::Gpt4oMiniTranscribe),
                            )
                            .with_noise_reduction(
                                v2::NoiseReduction::new()
                                    .with_kind(v2::NoiseReductionType::NearField),
                            )
                            .with_turn_detection(
                                v2::ServerVad::new()
                                    .with_interrupt_response(true)
                                    .with_create_response(true)
                                    .with_silence_duration_ms(500u32),
                            ),
                    )
                    .with_output(
                        v2::AudioOutputConfig::new()
                            .with_format(v2::AudioFormat::pcm_24khz())
                            .with_voice(v2::VoiceName::Marin),
                    ),
            )
            .with_tools(vec![
                v2::Tool::background_agent(),
                v2::Tool::remain_silent(),
            ])
            .with_tool_choice(v2::ToolChoice::Mode(v2::ToolChoiceMode::Auto)),
    );
    let canonical = v2::ConversationalSession::new("Be brief.").session_update();
    assert_eq!(built, canonical);
    assert_eq!(
        v2::ClientEvent::from(built).to_json(),
        v2::ClientEvent::SessionUpdate(canonical).to_json()
    );
}

#[test]
fn without_sends_null_for_a_tri_state_member_and_with_sends_the_value() {
    let off = v2::ClientEvent::from(v2::SessionUpdate::new(
        v2::RealtimeSessionConfig::new()
            .without_tracing()
            .without_prompt()
            .with_audio(
                v2::AudioConfig::new()
                    .with_input(v2::AudioInputConfig::new().without_turn_detection()),
            ),
    ));
    assert_eq!(
        off.to_value(),
        json!({"type": "session.update", "session": {"type": "realtime", "tracing": null, "prompt": null,
            "audio": {"input": {"turn_detection": null}}}})
    );
    let on = v2::SessionUpdate::new(
        v2::RealtimeSessionConfig::new().with_audio(
            v2::AudioConfig::new()
                .with_input(v2::AudioInputConfig::new().with_turn_detection(
                    v2::SemanticVad::new().with_eagerness(v2::Eagerness::Low),
                )),
        ),
    )
    .with_event_id("evt_1");
    assert_eq!(
        serde_json::to_value(&on).unwrap(),
        json!({"event_id": "evt_1", "session": {"type": "realtime",
            "audio": {"input": {"turn_detection": {"type": "semantic_vad", "eagerness": "low"}}}}})
    );
    let transcription =
        v2::SessionUpdate::new(v2::TranscriptionSessionConfig::new().with_include(vec![]));
    assert_eq!(
        v2::ClientEvent::from(transcription).to_value(),
        json!({"type": "session.update", "session": {"type": "transcription", "include": []}})
    );
}

#[test]
fn an_app_server_call_converts_into_a_client_message_and_encodes_id_method_params_in_order() {
    let params = app::ThreadRealtimeStartParams::new("thr_1")
        .without_prompt()
        .with_voice(app::RealtimeVoice::Marin)
        .with_include_startup_context(false);
    let call = Call::<app::ThreadRealtimeStart>::new(7, params);
    let message = ClientMessage::from(call.clone());
    assert_eq!(
        message,
        ClientMessage::Request(ClientRequest::ThreadRealtimeStart(call.clone()))
    );
    assert_eq!(ClientMessage::from(ClientRequest::from(call)), message);
    assert_eq!(
        message.to_json(),
        r#"{"id":7,"method":"thread/realtime/start","params":{"threadId":"thr_1","outputModality":"audio","prompt":null,"voice":"marin","includeStartupContext":false}}"#
    );
    assert_eq!(
        ClientMessage::decode(&message.to_json()).expect("decodes"),
        message
    );
}

#[test]
fn server_notifications_and_answers_convert_into_a_server_message() {
    let closed = Notify::<app::ThreadRealtimeClosed>::new(app::ThreadRealtimeClosedNotification {
        thread_id: "thr_1".into(),
        reason: None,
    });
    let message = ServerMessage::from(closed.clone());
    assert_eq!(
        message,
        ServerMessage::Notification(ServerNotification::ThreadRealtimeClosed(closed))
    );
    assert_eq!(
        message.to_json(),
        r#"{"method":"thread/realtime/closed","params":{"threadId":"thr_1"}}"#
    );
    let answer =
        Response::new::<app::ThreadRealtimeStart>(7.into(), &app::ThreadRealtimeStartResponse {});
    assert_eq!(
        ServerMessage::from(answer.clone()),
        ServerMessage::Response(answer)
    );
    assert_eq!(
        ServerMessage::from(Response::new::<app::ThreadRealtimeStart>(
            7.into(),
            &app::ThreadRealtimeStartResponse {}
        ))
        .to_json(),
        r#"{"id":7,"result":{}}"#
    );
}
