//! The app-server as codex speaks it now, and as older peers spoke it: renamed members decode
//! under both names to the same value and encode under the new one, in all three views;
//! tri-state `prompt` keeps absent, `null` and a value apart; legacy methods and values still
//! decode; combinations only the server refuses still decode; malformed members are errors
//! naming the message and the JSON path.

use rtwire_protocol::app_server::v2::{
    self, AskForApproval, GranularApprovalConfig, RealtimeOutputModality,
    ThreadRealtimeStartParams, ThreadRealtimeStartTransport, ThreadRealtimeStartedNotification,
};
use rtwire_protocol::app_server::{
    Call, ClientMessage, ClientRequest, ErrorCode, ErrorObject, ServerMessage, ServerNotification,
};
use rtwire_protocol::registry::{self, Surface, Version};
use rtwire_protocol::{decode_value, encode};
use rtwire_tests::{find, unions, validator, violations};
use serde_json::{Value, json};

const THREAD: &str = "0199a8d2-6d3e-7c31-9f5e-2b7c4e1a9f00";

fn start_params(params: Value) -> ThreadRealtimeStartParams {
    let message = json!({"id": 4, "method": "thread/realtime/start", "params": params});
    match ClientMessage::decode(&message.to_string()).unwrap_or_else(|e| panic!("{e}")) {
        ClientMessage::Request(ClientRequest::ThreadRealtimeStart(call)) => call.params,
        other => panic!("decoded as {other:?}"),
    }
}

fn started_params(params: Value) -> ThreadRealtimeStartedNotification {
    let message = json!({"method": "thread/realtime/started", "params": params});
    match ServerMessage::decode(&message.to_string()).unwrap_or_else(|e| panic!("{e}")) {
        ServerMessage::Notification(ServerNotification::ThreadRealtimeStarted(n)) => n.params,
        other => panic!("decoded as {other:?}"),
    }
}

fn encoded_start(params: ThreadRealtimeStartParams) -> Value {
    encode(&Call::<v2::ThreadRealtimeStart>::new(4, params))["params"].clone()
}

/// The violations of `message` against the schema of its union and of its own message.
fn schema_violations(wire_name: &str, message: &Value) -> Vec<String> {
    let unions = unions();
    let (union, registered) =
        find(&unions, Surface::AppServer, Version::V2, wire_name).expect("registered");
    let own = union.message_schema(&registered).expect("message schema");
    [&union.root, &own]
        .into_iter()
        .flat_map(|schema| violations(&validator(schema), message))
        .collect()
}

#[test]
fn start_session_id_alias_decodes_like_realtime_session_id_and_encodes_the_new_name() {
    let old =
        start_params(json!({"threadId": THREAD, "outputModality": "audio", "sessionId": "sess_1"}));
    let new = start_params(
        json!({"threadId": THREAD, "outputModality": "audio", "realtimeSessionId": "sess_1"}),
    );
    assert_eq!(old, new);
    assert_eq!(old.realtime_session_id.as_deref(), Some("sess_1"));
    assert_eq!(
        encoded_start(old),
        json!({"threadId": THREAD, "outputModality": "audio", "realtimeSessionId": "sess_1"})
    );
}

#[test]
fn started_session_id_alias_decodes_like_realtime_session_id_and_encodes_the_new_name() {
    let old = started_params(json!({"threadId": THREAD, "sessionId": "sess_1", "version": "v2"}));
    let new =
        started_params(json!({"threadId": THREAD, "realtimeSessionId": "sess_1", "version": "v2"}));
    assert_eq!(old, new);
    assert_eq!(
        encode(&rtwire_protocol::app_server::Notify::<
            v2::ThreadRealtimeStarted,
        >::new(old)),
        json!({"method": "thread/realtime/started", "params": {"threadId": THREAD, "realtimeSessionId": "sess_1", "version": "v2"}})
    );
}

#[test]
fn the_canonical_name_wins_when_both_names_are_present_in_either_order() {
    for params in [
        json!({"threadId": THREAD, "sessionId": "old", "realtimeSessionId": "new"}),
        json!({"threadId": THREAD, "realtimeSessionId": "new", "sessionId": "old"}),
    ] {
        assert_eq!(
            started_params(params.clone())
                .realtime_session_id
                .as_deref(),
            Some("new")
        );
        assert_eq!(
            start_params(params).realtime_session_id.as_deref(),
            Some("new")
        );
    }
    // A `null` canonical member is "none", so the alias supplies the value.
    let params = json!({"threadId": THREAD, "realtimeSessionId": null, "sessionId": "old"});
    assert_eq!(
        started_params(params).realtime_session_id.as_deref(),
        Some("old")
    );
}

#[test]
fn the_schemas_accept_the_alias_and_refuse_it_with_a_wrong_type_like_the_decoder() {
    let started = |session_id: Value| json!({"method": "thread/realtime/started", "params": {"threadId": THREAD, "sessionId": session_id, "version": "v3"}});
    assert_eq!(
        schema_violations("thread/realtime/started", &started(json!("sess_1"))),
        Vec::<String>::new()
    );
    assert!(ServerMessage::decode(&started(json!("sess_1")).to_string()).is_ok());

    let bad = started(json!(7));
    assert!(!schema_violations("thread/realtime/started", &bad).is_empty());
    let error = ServerMessage::decode(&bad.to_string()).expect_err("a number is not an id");
    assert_eq!(
        error.message,
        "invalid params for thread/realtime/started: invalid type: integer `7`, expected a string (at /params/sessionId)"
    );

    let start = json!({"id": 4, "method": "thread/realtime/start", "params": {"threadId": THREAD, "sessionId": "sess_1"}});
    assert_eq!(
        schema_violations("thread/realtime/start", &start),
        Vec::<String>::new()
    );
}

#[test]
fn the_typescript_types_declare_the_alias_as_an_optional_member() {
    for file in [
        "ThreadRealtimeStartParams.d.ts",
        "ThreadRealtimeStartedNotification.d.ts",
    ] {
        let text = std::fs::read_to_string(
            rtwire_tests::root()
                .join("generated/typescript/app-server/v2")
                .join(file),
        )
        .expect("generated file");
        assert!(
            text.contains("\n  realtimeSessionId?: string | null | undefined;\n")
                && text.contains("\n  sessionId?: string | null | undefined;\n"),
            "{file} declares both names:\n{text}"
        );
    }
}

#[test]
fn prompt_keeps_absent_null_and_a_value_apart_through_decode_and_encode() {
    let cases = [
        (json!({"threadId": THREAD, "outputModality": "audio"}), None),
        (
            json!({"threadId": THREAD, "outputModality": "audio", "prompt": null}),
            Some(None),
        ),
        (
            json!({"threadId": THREAD, "outputModality": "audio", "prompt": ""}),
            Some(Some(String::new())),
        ),
        (
            json!({"threadId": THREAD, "outputModality": "audio", "prompt": "Be brief."}),
            Some(Some("Be brief.".to_owned())),
        ),
    ];
    for (params, prompt) in cases {
        let decoded = start_params(params.clone());
        assert_eq!(decoded.prompt, prompt, "{params}");
        assert_eq!(encoded_start(decoded), params);
    }
}

#[test]
fn output_modality_is_always_emitted_and_absent_or_null_decodes_as_audio() {
    assert_eq!(
        encoded_start(ThreadRealtimeStartParams::new(THREAD)),
        json!({"threadId": THREAD, "outputModality": "audio"})
    );
    for params in [
        json!({"threadId": THREAD}),
        json!({"threadId": THREAD, "outputModality": null}),
    ] {
        assert_eq!(
            start_params(params).output_modality,
            RealtimeOutputModality::Audio
        );
    }
}

#[test]
fn on_failure_is_read_as_on_request_and_never_emitted() {
    let policy = |value: Value| -> AskForApproval {
        serde_json::from_value(value).unwrap_or_else(|e| panic!("{e}"))
    };
    assert_eq!(policy(json!("on-failure")), AskForApproval::OnRequest);
    assert_eq!(policy(json!("on-request")), AskForApproval::OnRequest);
    assert_eq!(
        serde_json::to_value(policy(json!("on-failure"))).unwrap(),
        json!("on-request")
    );
    let granular =
        json!({"granular": {"sandbox_approval": true, "rules": false, "mcp_elicitations": true}});
    assert_eq!(
        policy(granular.clone()),
        AskForApproval::Granular(GranularApprovalConfig {
            sandbox_approval: true,
            rules: false,
            skill_approval: None,
            request_permissions: None,
            mcp_elicitations: true,
        })
    );
    assert_eq!(
        serde_json::to_value(policy(granular.clone())).unwrap(),
        granular
    );
    let error = serde_json::from_value::<AskForApproval>(json!("sometimes")).unwrap_err();
    assert_eq!(
        error.to_string(),
        "unknown variant `sometimes`, expected one of `untrusted`, `on-request`, `never`, `granular`, `on-failure`"
    );
}

#[test]
fn legacy_methods_are_marked_in_the_catalog_and_still_decode() {
    let legacy: Vec<&str> = registry::messages()
        .into_iter()
        .filter(|m| m.legacy())
        .map(|m| m.wire_name)
        .collect();
    assert_eq!(legacy, ["loginApiKey", "authStatusChange"]);
    let catalog: Value = serde_json::from_str(
        &std::fs::read_to_string(rtwire_tests::root().join("schemas/catalog.json")).unwrap(),
    )
    .unwrap();
    let marked: Vec<&str> = catalog["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["legacy"] == json!(true))
        .map(|m| m["wire_name"].as_str().unwrap())
        .collect();
    assert_eq!(marked, ["loginApiKey", "authStatusChange"]);
    assert!(
        ClientMessage::decode(r#"{"id":1,"method":"loginApiKey","params":{"apiKey":"sk"}}"#)
            .is_ok()
    );
    assert!(
        ServerMessage::decode(r#"{"method":"authStatusChange","params":{"authMethod":"apikey"}}"#)
            .is_ok()
    );
}

#[test]
fn combinations_the_server_refuses_still_decode() {
    let params = start_params(json!({
        "threadId": THREAD, "outputModality": "text", "version": "v3",
        "transport": {"type": "existingCall", "callId": "rtc_1"},
        "includeStartupContext": true, "prompt": null, "model": "m", "voice": "marin",
        "initialItems": [{"role": "user", "text": "hi"}], "delegationAckFiller": false
    }));
    assert_eq!(
        params.transport,
        Some(ThreadRealtimeStartTransport::ExistingCall {
            call_id: "rtc_1".into()
        })
    );
    // The server checks `includeStartupContext` first.
    assert_eq!(
        params.existing_call_refusal(),
        Some(ErrorObject::existing_call_unsupported(
            "includeStartupContext"
        ))
    );
    let error = params.existing_call_refusal().unwrap();
    assert_eq!(
        (error.code, error.message.as_str()),
        (
            -32600,
            "existingCall transport does not support includeStartupContext"
        )
    );
    // `initialItems` on v1 decodes too: the server reports it after its `{}` result.
    let v1 = start_params(
        json!({"threadId": THREAD, "version": "v1", "initialItems": [{"role": "developer", "text": "x"}]}),
    );
    assert_eq!(v1.existing_call_refusal(), None);
}

#[test]
fn malformed_start_members_name_the_message_and_the_json_path() {
    let cases = [
        (
            json!({"outputModality": "audio"}),
            "",
            "missing field `threadId`",
        ),
        (
            json!({"threadId": THREAD, "prompt": 3}),
            "/prompt",
            "invalid type: integer `3`, expected a string",
        ),
        (
            json!({"threadId": THREAD, "version": "v4"}),
            "/version",
            "unknown variant `v4`, expected one of `v1`, `v2`, `v3`",
        ),
        (
            json!({"threadId": THREAD, "transport": {"type": "existingCall"}}),
            "/transport",
            "missing field `callId`",
        ),
        (
            json!({"threadId": THREAD, "initialItems": [{"role": "system", "text": "x"}]}),
            "/initialItems/0/role",
            "unknown variant `system`, expected one of `user`, `developer`, `assistant`",
        ),
        (
            json!({"threadId": THREAD, "codexResponseHandoffMode": "tags"}),
            "/codexResponseHandoffMode",
            "unknown variant `tags`, expected one of `thinking`, `commentary`, `bemTags`",
        ),
    ];
    for (params, path, reason) in cases {
        let message = json!({"id": 4, "method": "thread/realtime/start", "params": params});
        let error = ClientMessage::decode(&message.to_string()).expect_err("malformed");
        assert_eq!(error.code, ErrorCode::InvalidParams, "{message}");
        assert_eq!(error.path, format!("/params{path}"), "{message}");
        let at = format!(" (at /params{path})");
        assert_eq!(
            error.message,
            format!("invalid params for thread/realtime/start: {reason}{at}"),
            "{message}"
        );
        let decoded = decode_value::<ClientMessage>(&message, "method").unwrap_err();
        assert_eq!(decoded.message(), Some("thread/realtime/start"));
    }
}
