//! The app-server session sequences (`tests/examples/app-server/session*.jsonl`, one
//! `{"from": "client" | "server", "message": …}` per line), walked as a peer would: each line
//! decoded with the union of its sender, each answer with the method of its pending request.
//! (Every other example file is checked by `examples.rs`.)

use rtwire_protocol::app_server::v1::{AuthMode, PlatformOs};
use rtwire_protocol::app_server::v2::{
    CodexResponseHandoffMode, ConversationTextRole, RealtimeCloseReason,
    RealtimeConversationVersion, RealtimeOutputModality, RealtimeVoice, ThreadRealtimeInitialItem,
    ThreadRealtimeStartTransport, TranscriptRole,
};
use rtwire_protocol::app_server::{
    ClientMessage, ClientNotification, ClientRequest, ClientResult, ErrorObject, NoParams, Notify,
    RequestId, ServerMessage, ServerNotification,
};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn examples_dir() -> PathBuf {
    rtwire_tests::root().join("tests/examples/app-server")
}

/// One line of a session file: who sent it and the message.
fn session(name: &str) -> Vec<(String, Value)> {
    let text =
        std::fs::read_to_string(examples_dir().join(name)).expect("session file is readable");
    text.lines()
        .map(|line| {
            let mut entry: Value = serde_json::from_str(line).expect("session lines are JSON");
            (
                entry["from"].as_str().expect("`from`").to_owned(),
                entry["message"].take(),
            )
        })
        .collect()
}

/// What a session walk saw, for assertions on the typed values.
#[derive(Default)]
struct Walk {
    requests: Vec<ClientRequest>,
    notifications: Vec<ServerNotification>,
    results: Vec<ClientResult>,
    errors: Vec<ErrorObject>,
}

/// Decodes every line with the union of its sender, checks that each re-encodes to the line,
/// and decodes each response with the method of the pending request it answers.
fn walk_session(name: &str) -> Walk {
    let mut pending: BTreeMap<String, &'static str> = BTreeMap::new();
    let mut walk = Walk::default();
    for (index, (from, message)) in session(name).into_iter().enumerate() {
        let at = format!("{name}:{}", index + 1);
        let text = message.to_string();
        if from == "client" {
            let decoded = ClientMessage::decode(&text).unwrap_or_else(|e| panic!("{at}: {e}"));
            assert_eq!(
                serde_json::to_value(&decoded).unwrap(),
                message,
                "{at}: re-encoding"
            );
            match decoded {
                ClientMessage::Request(request) => {
                    assert_eq!(request.method(), message["method"], "{at}: request variant");
                    let previous = pending.insert(request.id().to_string(), request.method());
                    assert!(previous.is_none(), "{at}: id reused while pending");
                    walk.requests.push(request);
                }
                ClientMessage::Notification(notification) => {
                    assert_eq!(
                        notification.method(),
                        message["method"].as_str(),
                        "{at}: notification variant"
                    );
                    assert_eq!(
                        notification,
                        ClientNotification::Initialized(Notify::new(NoParams))
                    );
                }
            }
        } else {
            assert_eq!(from, "server", "{at}: `from`");
            let decoded = ServerMessage::decode(&text).unwrap_or_else(|e| panic!("{at}: {e}"));
            assert_eq!(
                serde_json::to_value(&decoded).unwrap(),
                message,
                "{at}: re-encoding"
            );
            match decoded {
                ServerMessage::Response(response) => {
                    let method = pending
                        .remove(&response.id.to_string())
                        .unwrap_or_else(|| panic!("{at}: no pending request"));
                    let result = response
                        .decode_result_for(method)
                        .unwrap_or_else(|e| panic!("{at}: {e}"));
                    assert_eq!(result.method(), method, "{at}: result variant");
                    assert_eq!(
                        serde_json::to_value(&result).unwrap(),
                        message["result"],
                        "{at}: result re-encoding"
                    );
                    walk.results.push(result);
                }
                ServerMessage::Error(error) => {
                    pending
                        .remove(&error.id.to_string())
                        .unwrap_or_else(|| panic!("{at}: no pending request"));
                    walk.errors.push(error.error);
                }
                ServerMessage::Notification(notification) => {
                    assert_eq!(
                        notification.method(),
                        message["method"].as_str(),
                        "{at}: notification variant"
                    );
                    walk.notifications.push(notification);
                }
            }
        }
    }
    assert!(
        pending.is_empty(),
        "{name}: unanswered requests {pending:?}"
    );
    walk
}

#[test]
fn spec_session_sequence_decodes_line_by_line_into_typed_messages() {
    let walk = walk_session("session.jsonl");
    let methods: Vec<&str> = walk.requests.iter().map(ClientRequest::method).collect();
    assert_eq!(
        methods,
        [
            "initialize",
            "account/login/start",
            "thread/start",
            "thread/realtime/start",
            "thread/realtime/appendAudio",
            "thread/realtime/appendText",
            "thread/realtime/stop"
        ]
    );
    let ClientRequest::Initialize(initialize) = &walk.requests[0] else {
        panic!("initialize first")
    };
    assert_eq!(initialize.id, RequestId::Integer(1));
    assert_eq!(
        initialize
            .params
            .capabilities
            .as_ref()
            .and_then(|c| c.experimental_api),
        Some(true)
    );
    let ClientRequest::ThreadRealtimeStart(start) = &walk.requests[3] else {
        panic!("realtime start fourth")
    };
    assert_eq!(start.params.voice, Some(RealtimeVoice::Marin));

    let ClientResult::Initialize(init) = &walk.results[0] else {
        panic!("initialize result first")
    };
    assert_eq!(init.platform_os, Some(PlatformOs::Linux));
    let ClientResult::ThreadStart(thread) = &walk.results[2] else {
        panic!("thread/start result third")
    };
    assert_eq!(thread.thread.id, "0199a8d2-6d3e-7c31-9f5e-2b7c4e1a9f00");
    assert_eq!(walk.results.len(), 7);
    assert!(walk.errors.is_empty());

    let ServerNotification::AccountUpdated(updated) = &walk.notifications[1] else {
        panic!("account/updated")
    };
    assert_eq!(updated.params.auth_mode, Some(AuthMode::ApiKey));
    let ServerNotification::ThreadRealtimeStarted(started) = &walk.notifications[3] else {
        panic!("started")
    };
    assert_eq!(
        started.params.version,
        Some(RealtimeConversationVersion::V2)
    );
    // The requested session id: by default the thread id, not an upstream `sess_…` id.
    assert_eq!(
        started.params.realtime_session_id.as_deref(),
        Some("0199a8d2-6d3e-7c31-9f5e-2b7c4e1a9f00")
    );
    let ServerNotification::ThreadRealtimeTranscriptDone(done) = &walk.notifications[5] else {
        panic!("done")
    };
    assert_eq!(done.params.role, TranscriptRole::User);
    let Some(ServerNotification::ThreadRealtimeClosed(closed)) = walk.notifications.last() else {
        panic!("closed last")
    };
    assert_eq!(closed.params.reason, Some(RealtimeCloseReason::Requested));
    assert_eq!(walk.notifications.len(), 12);
}

#[test]
fn spec_webrtc_start_decodes_with_its_sdp_answer() {
    let walk = walk_session("session-webrtc.jsonl");
    let ClientRequest::ThreadRealtimeStart(start) = &walk.requests[0] else {
        panic!("realtime start")
    };
    assert!(matches!(
        start.params.transport,
        Some(ThreadRealtimeStartTransport::Webrtc { .. })
    ));
    let ServerNotification::ThreadRealtimeStarted(started) = &walk.notifications[0] else {
        panic!("started first")
    };
    // A WebRTC start without `version` uses v1.
    assert_eq!(start.params.version, None);
    assert_eq!(
        started.params.version,
        Some(RealtimeConversationVersion::V1)
    );
    assert!(matches!(
        walk.notifications[1],
        ServerNotification::ThreadRealtimeSdp(_)
    ));
}

#[test]
fn spec_refusals_are_the_refusal_constructors() {
    let walk = walk_session("session-refusals.jsonl");
    assert_eq!(
        walk.errors,
        [
            ErrorObject::requires_experimental_api("thread/realtime/start"),
            ErrorObject::realtime_not_supported("0199a8d2-6d3e-7c31-9f5e-2b7c4e1a9f00"),
            ErrorObject::existing_call_unsupported("prompt"),
        ]
    );
}

#[test]
fn spec_existing_call_refusals_follow_the_server_check_order() {
    let walk = walk_session("session-refusals.jsonl");
    let ClientRequest::ThreadRealtimeStart(with_prompt) = &walk.requests[2] else {
        panic!("the existingCall start with a prompt is third")
    };
    // The wire accepts the combination; the server refuses it, and the helper says how.
    assert_eq!(
        with_prompt.params.existing_call_refusal(),
        Some(walk.errors[2].clone())
    );
    let ClientRequest::ThreadRealtimeStart(v2_call) = &walk.requests[3] else {
        panic!("the existingCall start on v2 is fourth")
    };
    assert_eq!(v2_call.params.existing_call_refusal(), None);
    assert_eq!(
        v2_call.params.version,
        Some(RealtimeConversationVersion::V2)
    );
    // That one is refused after its `{}` result, by `thread/realtime/error` alone.
    let [ServerNotification::ThreadRealtimeError(error)] = walk.notifications.as_slice() else {
        panic!(
            "one error notification and nothing else: {:?}",
            walk.notifications
        )
    };
    assert_eq!(
        error.params.message,
        "AVAS realtime calls require realtime v1 or v3"
    );
}

#[test]
fn spec_existing_call_start_attaches_without_sdp() {
    let walk = walk_session("session-existing-call.jsonl");
    let ClientRequest::ThreadRealtimeStart(start) = &walk.requests[0] else {
        panic!("realtime start")
    };
    assert_eq!(
        start.params.transport,
        Some(ThreadRealtimeStartTransport::ExistingCall {
            call_id: "rtc_123".into()
        })
    );
    assert_eq!(
        start.params.realtime_session_id.as_deref(),
        Some("sess_123")
    );
    let [ServerNotification::ThreadRealtimeStarted(started)] = walk.notifications.as_slice() else {
        panic!("only `started`, no `sdp`: {:?}", walk.notifications)
    };
    assert_eq!(
        started.params.realtime_session_id.as_deref(),
        Some("sess_123")
    );
    assert_eq!(
        started.params.version,
        Some(RealtimeConversationVersion::V3)
    );
}

#[test]
fn spec_v3_start_keeps_every_member_and_its_voice_failure() {
    let walk = walk_session("session-v3.jsonl");
    let ClientRequest::ThreadRealtimeStart(start) = &walk.requests[0] else {
        panic!("realtime start")
    };
    let p = &start.params;
    assert_eq!(p.version, Some(RealtimeConversationVersion::V3));
    assert_eq!(p.model.as_deref(), Some("realtime-treatment-model"));
    assert_eq!(p.output_modality, RealtimeOutputModality::Audio);
    assert_eq!(p.prompt, Some(Some("You are on a call".into())));
    assert_eq!(p.realtime_session_id.as_deref(), Some("sess_456"));
    assert_eq!(p.include_startup_context, Some(false));
    assert_eq!(
        p.initial_items,
        Some(vec![
            ThreadRealtimeInitialItem {
                role: ConversationTextRole::Developer,
                text: "Remember this.".into()
            },
            ThreadRealtimeInitialItem {
                role: ConversationTextRole::Assistant,
                text: "Understood.".into()
            },
        ])
    );
    assert_eq!(
        p.realtime_start_instructions.as_deref(),
        Some("Use realtime output channels.")
    );
    assert_eq!(
        p.realtime_end_instructions.as_deref(),
        Some("Resume normal text responses.")
    );
    assert_eq!(p.client_managed_handoffs, Some(true));
    assert_eq!(p.delegation_ack_filler, Some(false));
    assert_eq!(p.flush_transcript_tail_on_session_end, Some(true));
    assert_eq!(
        p.codex_response_handoff_mode,
        Some(CodexResponseHandoffMode::BemTags)
    );
    let prefixes = p.codex_response_handoff_channel_prefixes.as_ref().unwrap();
    assert_eq!(prefixes["commentary"], ["[PROGRESS]", "[UPDATE]"]);
    assert_eq!(p.voice, Some(RealtimeVoice::Marin));

    let ServerNotification::ThreadRealtimeError(error) = &walk.notifications[0] else {
        panic!("the voice failure first")
    };
    assert_eq!(
        error.params.message,
        "realtime voice `marin` is not supported for v3; supported voices: juniper, maple, spruce, ember, vale, breeze, arbor, sol, cove"
    );
    let ClientRequest::ThreadRealtimeStart(retry) = &walk.requests[1] else {
        panic!("the retry")
    };
    assert_eq!(retry.params.voice, Some(RealtimeVoice::Cove));
    let ServerNotification::ThreadRealtimeStarted(started) = &walk.notifications[1] else {
        panic!("started after the retry")
    };
    assert_eq!(
        (
            started.params.realtime_session_id.as_deref(),
            started.params.version
        ),
        (Some("sess_456"), Some(RealtimeConversationVersion::V3))
    );
}

#[test]
fn spec_prompt_absent_and_null_stay_distinct_through_a_session() {
    // The walk already checks that each line re-encodes to itself: absent stays absent, and
    // `null` stays `null`.
    let walk = walk_session("session-prompt.jsonl");
    let prompts: Vec<Option<Option<String>>> = walk
        .requests
        .iter()
        .map(|r| match r {
            ClientRequest::ThreadRealtimeStart(start) => start.params.prompt.clone(),
            other => panic!("only starts: {other:?}"),
        })
        .collect();
    assert_eq!(prompts, [None, Some(None)]);
}

#[test]
fn validate_strict_accepts_every_session_line_in_both_unions() {
    use rtwire_codegen::validate::{Args, EXIT_VALID, Format, run};
    let mut sessions: Vec<PathBuf> = std::fs::read_dir(examples_dir())
        .expect("examples folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("session") && n.ends_with(".jsonl"))
        })
        .collect();
    sessions.sort();
    assert_eq!(sessions.len(), 6, "{sessions:?}");
    for (from, union) in [
        ("client", "app-server/ClientMessage"),
        ("server", "app-server/ServerMessage"),
    ] {
        let lines: Vec<String> = sessions
            .iter()
            .flat_map(|path| session(path.file_name().unwrap().to_str().unwrap()))
            .filter(|(sender, _)| sender == from)
            .map(|(_, message)| message.to_string())
            .collect();
        let input = lines.join("\n") + "\n";
        let args = Args {
            union: union.to_owned(),
            files: vec![],
            strict: true,
            format: Format::Text,
        };
        let (mut out, mut err) = (vec![], vec![]);
        let code = run(&args, &mut input.as_bytes(), &mut out, &mut err);
        let out = String::from_utf8(out).unwrap();
        assert_eq!(
            out.trim_end(),
            format!(
                "{n} message(s) in 1 input(s): {n} valid, 0 invalid, 0 unknown, 0 disagreement(s)",
                n = lines.len()
            ),
            "{union}: {}",
            String::from_utf8_lossy(&err)
        );
        assert_eq!(code, EXIT_VALID, "{union}");
    }
}
