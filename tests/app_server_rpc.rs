//! The app-server JSON-RPC envelope: refusal messages, decode errors a server answers with,
//! the `jsonrpc` member, `params` rules, typed results and the registry flags.

use rtwire_protocol::app_server::v1::{self, InitializeResponse, Initialized, PlatformFamily};
use rtwire_protocol::app_server::v2::{self, ThreadRealtimeStopParams};
use rtwire_protocol::app_server::{
    Call, ClientMessage, ClientNotification, ClientRequest, ClientResult, ErrorCode, ErrorObject,
    ErrorResponse, NoParams, Notify, RequestId, Response, RpcDecodeError, ServerMessage,
    ServerNotification,
};
use rtwire_protocol::registry::{self, Kind, Surface};
use serde_json::{Value, json};

const THREAD: &str = "0199a8d2-6d3e-7c31-9f5e-2b7c4e1a9f00";

fn encode<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap()
}

#[test]
fn refusal_constructors_give_the_spec_messages_and_codes() {
    let cases = [
        (
            ErrorObject::not_initialized(),
            -32600,
            "Not initialized".to_owned(),
        ),
        (
            ErrorObject::already_initialized(),
            -32600,
            "Already initialized".to_owned(),
        ),
        (
            ErrorObject::invalid_client_name("bad\nname"),
            -32600,
            "Invalid clientInfo.name: 'bad\nname'. Must be a valid HTTP header value.".to_owned(),
        ),
        (
            ErrorObject::requires_experimental_api("thread/realtime/start"),
            -32600,
            "thread/realtime/start requires experimentalApi capability".to_owned(),
        ),
        (
            ErrorObject::realtime_not_supported(THREAD),
            -32600,
            format!("thread {THREAD} does not support realtime conversation"),
        ),
        (
            ErrorObject::thread_not_found(THREAD),
            -32600,
            format!("thread not found: {THREAD}"),
        ),
        (
            ErrorObject::method_not_found("thread/teleport"),
            -32601,
            "method not found: thread/teleport".to_owned(),
        ),
        (
            ErrorObject::invalid_params("missing field `threadId`"),
            -32602,
            "missing field `threadId`".to_owned(),
        ),
        (
            ErrorObject::failed_to_start_realtime("boom"),
            -32603,
            "failed to start realtime conversation: boom".to_owned(),
        ),
        (
            ErrorObject::failed_to_append_audio("boom"),
            -32603,
            "failed to append realtime conversation audio: boom".to_owned(),
        ),
        (
            ErrorObject::failed_to_append_text("boom"),
            -32603,
            "failed to append realtime conversation text: boom".to_owned(),
        ),
        (
            ErrorObject::failed_to_append_speech("boom"),
            -32603,
            "failed to append realtime conversation speech: boom".to_owned(),
        ),
        (
            ErrorObject::failed_to_stop_realtime("boom"),
            -32603,
            "failed to stop realtime conversation: boom".to_owned(),
        ),
        (
            ErrorObject::server_overloaded(),
            -32001,
            "Server overloaded; retry later.".to_owned(),
        ),
    ];
    for (error, code, message) in cases {
        assert_eq!(encode(&error), json!({ "code": code, "message": message }));
        assert_eq!(error.error_code().map(ErrorCode::code), Some(code));
    }
}

#[test]
fn error_codes_map_to_their_integers_and_back() {
    let codes = [
        (ErrorCode::InvalidRequest, -32600),
        (ErrorCode::MethodNotFound, -32601),
        (ErrorCode::InvalidParams, -32602),
        (ErrorCode::InternalError, -32603),
        (ErrorCode::ServerOverloaded, -32001),
    ];
    for (code, integer) in codes {
        assert_eq!(code.code(), integer);
        assert_eq!(ErrorCode::from_code(integer), Some(code));
    }
    assert_eq!(ErrorCode::from_code(-32000), None);
}

fn rejected(text: &str) -> RpcDecodeError {
    ClientMessage::decode(text).expect_err("must be rejected")
}

#[test]
fn unknown_request_method_is_answered_with_method_not_found_and_its_id() {
    let error = rejected(r#"{"id":"req-7","method":"thread/teleport","params":{}}"#);
    assert_eq!(error.id, Some(RequestId::String("req-7".into())));
    assert_eq!(error.code, ErrorCode::MethodNotFound);
    assert_eq!(error.message, "method not found: thread/teleport");
    let answer = error
        .to_error_response()
        .expect("a request can be answered");
    assert_eq!(
        encode(&answer),
        json!({"id":"req-7","error":{"code":-32601,"message":"method not found: thread/teleport"}})
    );
}

#[test]
fn params_of_the_wrong_shape_are_invalid_params_with_the_json_path() {
    let cases = [
        (
            json!({"id":1,"method":"thread/realtime/start","params":{"prompt":"hi","outputModality":"audio"}}),
            "/params",
            "invalid params for thread/realtime/start: missing field `threadId` (at /params)",
        ),
        (
            json!({"id":2,"method":"thread/realtime/appendAudio","params":{"threadId":THREAD,"audio":{"data":"AAAA","sampleRate":"24000","numChannels":1}}}),
            "/params/audio/sampleRate",
            "invalid params for thread/realtime/appendAudio: invalid type: string \"24000\", expected u32 (at /params/audio/sampleRate)",
        ),
        (
            json!({"id":3,"method":"thread/realtime/appendText","params":{"threadId":THREAD,"text":"hi","role":"system"}}),
            "/params/role",
            "invalid params for thread/realtime/appendText: unknown variant `system`, expected one of `user`, `developer`, `assistant` (at /params/role)",
        ),
        (
            json!({"id":4,"method":"thread/realtime/stop"}),
            "",
            "invalid params for thread/realtime/stop: missing field `params`",
        ),
        (
            json!({"id":5,"method":"account/login/start","params":{"type":"password"}}),
            "/params/type",
            "invalid params for account/login/start: unknown variant `password`, expected one of `apiKey`, `chatgpt`, `chatgptDeviceCode`, `chatgptAuthTokens`, `amazonBedrock` (at /params/type)",
        ),
    ];
    for (input, path, message) in cases {
        let error = rejected(&input.to_string());
        assert_eq!(
            error.id,
            Some(serde_json::from_value(input["id"].clone()).unwrap()),
            "{input}"
        );
        assert_eq!(error.code, ErrorCode::InvalidParams, "{input}");
        assert_eq!(error.path, path, "{input}");
        assert_eq!(error.message, message, "{input}");
        let answer = encode(&error.to_error_response().expect("answerable"));
        assert_eq!(
            answer,
            json!({"id": input["id"], "error": {"code": -32602, "message": message}})
        );
    }
}

#[test]
fn messages_that_are_no_client_message_are_invalid_requests_without_an_id() {
    let cases = [
        (
            "not json",
            "not valid JSON: expected ident at line 1 column 2",
        ),
        ("[1,2]", "a message must be a JSON object"),
        (
            r#"{"params":{}}"#,
            "neither a request, a notification, a response nor an error",
        ),
        (
            r#"{"id":1,"result":{}}"#,
            "a client sends no responses or errors",
        ),
        (
            r#"{"id":1,"error":{"code":-32600,"message":"x"}}"#,
            "a client sends no responses or errors",
        ),
        (
            r#"{"id":1,"method":7}"#,
            "`method` must be a string (at /method)",
        ),
        (
            r#"{"id":null,"method":"initialize","params":{}}"#,
            "invalid type: null, expected a string or an integer (at /id)",
        ),
        (
            r#"{"id":1.5,"method":"initialize","params":{}}"#,
            "invalid type: floating point `1.5`, expected a string or an integer (at /id)",
        ),
        (
            r#"{"id":9223372036854775808,"method":"initialize","params":{}}"#,
            "invalid value: integer `9223372036854775808`, expected a string or an integer within -9007199254740991 … 9007199254740991 (at /id)",
        ),
    ];
    for (text, message) in cases {
        let error = rejected(text);
        assert_eq!(
            (error.id.clone(), error.code, error.message.as_str()),
            (None, ErrorCode::InvalidRequest, message),
            "{text}"
        );
        assert_eq!(error.to_error_response(), None, "{text}: nothing to answer");
    }
}

/// Differential finding: a message with a request's method and no `id` decoded as a client
/// notification of an unknown method, while the schema requires `id` for that method. It is
/// refused: -32600, ``missing field `id` `` at `/id`, naming the method, with nothing to answer.
#[test]
fn a_request_method_without_an_id_is_refused_not_kept_as_an_unknown_notification() {
    let cases = [
        r#"{"t":{"":""},"e":"","method":"initialize","":2}"#,
        r#"{"method":"initialize","params":{"clientInfo":{"name":"n","version":"1"}}}"#,
        r#"{"method":"thread/realtime/stop","params":{"threadId":"t"}}"#,
        r#"{"params":{"threadId":"t"},"method":"thread/realtime/stop"}"#,
    ];
    for text in cases {
        let method = rtwire_protocol::parse(text).unwrap()["method"]
            .as_str()
            .unwrap()
            .to_owned();
        let error = rejected(text);
        assert_eq!(
            (
                error.id.clone(),
                error.code,
                error.path.as_str(),
                error.message.as_str()
            ),
            (
                None,
                ErrorCode::InvalidRequest,
                "/id",
                format!("missing field `id`: `{method}` is a request method, and a request has an `id` (at /id)").as_str()
            ),
            "{text}"
        );
        assert_eq!(error.to_error_response(), None, "{text}: nothing to answer");
        // serde's view (which adds the position in the text) and the borrowed decoder say the
        // same.
        let serde_error = serde_json::from_str::<ClientMessage>(text).unwrap_err();
        assert_eq!(
            serde_error.to_string(),
            format!(
                "missing field `id`: `{method}` is a request method, and a request has an `id` (at /id) at line 1 column {}",
                text.len()
            ),
            "{text}"
        );
        assert_eq!(ClientMessage::decode_borrowed(text).unwrap_err(), error);
        // The schema refuses it too, at the same place.
        let validator = rtwire_tests::validator(&schema_file("app-server/ClientMessage.json"));
        let value = rtwire_protocol::parse(text).unwrap();
        assert!(!validator.is_valid(&value), "the schema accepts {text}");
    }
    // A method no request or notification has is still an unknown notification, kept verbatim.
    let text = r#"{"method":"thread/teleported","params":{"to":"mars"}}"#;
    assert_eq!(
        ClientMessage::decode(text).map(|m| encode(&m)),
        Ok(json!({"method":"thread/teleported","params":{"to":"mars"}}))
    );
}

#[test]
fn bad_notification_params_are_invalid_params_that_cannot_be_answered() {
    let error = ServerMessage::decode(
        r#"{"method":"thread/realtime/closed","params":{"reason":"requested"}}"#,
    )
    .expect_err("threadId is required");
    assert_eq!(
        (error.id.clone(), error.code, error.path.as_str()),
        (None, ErrorCode::InvalidParams, "/params")
    );
    assert_eq!(
        error.message,
        "invalid params for thread/realtime/closed: missing field `threadId` (at /params)"
    );
    assert_eq!(error.to_error_response(), None);
    let error = rejected(r#"{"method":"initialized","id":1}"#);
    assert_eq!(
        (error.code, error.message.as_str()),
        (ErrorCode::MethodNotFound, "method not found: initialized")
    );
}

#[test]
fn a_request_from_the_server_is_answered_with_method_not_found() {
    let error = ServerMessage::decode(
        r#"{"id":"s-1","method":"item/commandExecution/requestApproval","params":{}}"#,
    )
    .expect_err("a server sends no requests this crate knows");
    let answer = error.to_error_response().expect("answerable");
    assert_eq!(
        encode(&answer),
        json!({"id":"s-1","error":{"code":-32601,"message":"method not found: item/commandExecution/requestApproval"}})
    );
}

#[test]
fn malformed_answers_are_invalid_requests_with_the_json_path() {
    let cases = [
        (
            r#"{"id":true,"result":{}}"#,
            "/id",
            "invalid type: boolean `true`, expected a string or an integer",
        ),
        (
            r#"{"id":1,"error":{"code":"x","message":"m"}}"#,
            "/error/code",
            "invalid type: string \"x\", expected an integer within -9007199254740991 … 9007199254740991",
        ),
        (
            r#"{"id":1,"error":{"code":-32600}}"#,
            "/error",
            "missing field `message`",
        ),
        (
            r#"{"params":{}}"#,
            "",
            "neither a request, a notification, a response nor an error",
        ),
    ];
    for (text, path, reason) in cases {
        let error = ServerMessage::decode(text).expect_err(text);
        assert_eq!(
            (error.code, error.path.as_str(), error.reason()),
            (ErrorCode::InvalidRequest, path, reason),
            "{text}"
        );
    }
}

#[test]
fn serde_decoding_of_a_client_message_reports_the_same_error_with_its_path() {
    let value = json!({"id":2,"method":"thread/realtime/appendAudio","params":{"threadId":THREAD,"audio":{"data":"AAAA"}}});
    let error = rtwire_protocol::decode_value::<ClientMessage>(&value, "method")
        .expect_err("sampleRate is required");
    assert_eq!(
        error.to_string(),
        "thread/realtime/appendAudio: missing field `sampleRate` (at /params/audio)"
    );
}

#[test]
fn jsonrpc_member_is_accepted_and_never_emitted() {
    let request = json!({"jsonrpc":"2.0","id":1,"method":"thread/realtime/stop","params":{"threadId":THREAD}});
    let decoded = ClientMessage::decode(&request.to_string()).unwrap();
    assert_eq!(
        encode(&decoded),
        json!({"id":1,"method":"thread/realtime/stop","params":{"threadId":THREAD}})
    );
    let odd = ClientMessage::decode(r#"{"jsonrpc":1,"method":"initialized"}"#).unwrap();
    assert_eq!(encode(&odd), json!({"method":"initialized"}));
    let answers = [
        (
            json!({"jsonrpc":"2.0","id":1,"result":{}}),
            json!({"id":1,"result":{}}),
        ),
        (
            json!({"jsonrpc":"2.0","id":"a","error":{"code":-32600,"message":"Not initialized"}}),
            json!({"id":"a","error":{"code":-32600,"message":"Not initialized"}}),
        ),
        (
            json!({"jsonrpc":"2.0","method":"thread/realtime/closed","params":{"threadId":THREAD}}),
            json!({"method":"thread/realtime/closed","params":{"threadId":THREAD}}),
        ),
    ];
    for (input, canonical) in answers {
        assert_eq!(
            encode(&ServerMessage::decode(&input.to_string()).unwrap()),
            canonical
        );
    }
}

#[test]
fn initialized_is_exactly_the_method_without_params() {
    let sent = ClientMessage::Notification(ClientNotification::Initialized(
        Notify::<Initialized>::new(NoParams),
    ));
    assert_eq!(
        serde_json::to_string(&sent).unwrap(),
        r#"{"method":"initialized"}"#
    );
    let incoming = [
        r#"{"method":"initialized","params":{"x":1}}"#,
        r#"{"method":"initialized","params":null}"#,
        "{\"method\":\"initialized\"}\r\n",
    ];
    for incoming in incoming {
        assert_eq!(ClientMessage::decode(incoming).unwrap(), sent, "{incoming}");
    }
}

#[test]
fn absent_params_are_empty_params_only_when_nothing_is_required() {
    let list = ClientMessage::decode(r#"{"id":1,"method":"thread/realtime/listVoices"}"#).unwrap();
    assert_eq!(
        encode(&list),
        json!({"id":1,"method":"thread/realtime/listVoices","params":{}})
    );
    let start = ClientMessage::decode(r#"{"id":2,"method":"thread/start"}"#).unwrap();
    assert_eq!(
        encode(&start),
        json!({"id":2,"method":"thread/start","params":{}})
    );
    let status = ClientMessage::decode(r#"{"id":3,"method":"getAuthStatus"}"#).unwrap();
    assert_eq!(
        encode(&status),
        json!({"id":3,"method":"getAuthStatus","params":{}})
    );
    let logged_out = ServerMessage::decode(r#"{"method":"account/updated"}"#).unwrap();
    assert_eq!(
        encode(&logged_out),
        json!({"method":"account/updated","params":{}})
    );
    assert_eq!(
        rejected(r#"{"id":4,"method":"loginApiKey"}"#).code,
        ErrorCode::InvalidParams
    );
}

#[test]
fn schema_requires_params_exactly_when_the_decoder_does() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../schemas/app-server/ClientMessage.generators.json"
    );
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut checked = 0;
    for branch in schema["oneOf"].as_array().unwrap() {
        let name = branch["$ref"]
            .as_str()
            .unwrap()
            .trim_start_matches("#/$defs/");
        let branch = &schema["$defs"][name];
        let Some(method) = branch
            .pointer("/properties/method/const")
            .and_then(Value::as_str)
        else {
            continue;
        };
        if branch.pointer("/properties/id").is_none() {
            continue;
        }
        let schema_requires = branch["required"]
            .as_array()
            .unwrap()
            .contains(&json!("params"));
        let decoder_requires =
            ClientMessage::decode(&json!({"id":1,"method":method}).to_string()).is_err();
        assert_eq!(schema_requires, decoder_requires, "{method}");
        checked += 1;
    }
    assert_eq!(checked, 11);
}

#[test]
fn request_ids_keep_their_json_type() {
    for id in [
        json!(7),
        json!("7"),
        json!(-9007199254740991_i64),
        json!(""),
    ] {
        let request =
            json!({"id": id, "method":"thread/realtime/stop","params":{"threadId":THREAD}});
        let decoded = ClientMessage::decode(&request.to_string()).unwrap();
        let ClientMessage::Request(ClientRequest::ThreadRealtimeStop(call)) = &decoded else {
            panic!("stop")
        };
        assert_eq!(encode(&call.id), id);
        let answer = ServerMessage::Response(Response::new::<v2::ThreadRealtimeStop>(
            call.id.clone(),
            &Default::default(),
        ));
        assert_eq!(encode(&answer), json!({"id": id, "result": {}}));
    }
}

#[test]
fn request_id_is_string_or_number_in_typescript() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../generated/typescript/app-server/RequestId.d.ts"
    );
    let text = std::fs::read_to_string(path).unwrap();
    assert!(
        text.contains("export type RequestId = number | string;"),
        "{text}"
    );
}

#[test]
fn a_typed_call_encodes_its_method_and_params() {
    let call = Call::<v2::ThreadRealtimeStop>::new(
        7,
        ThreadRealtimeStopParams {
            thread_id: THREAD.into(),
        },
    );
    let message = ClientMessage::Request(ClientRequest::ThreadRealtimeStop(call));
    assert_eq!(
        encode(&message),
        json!({"id":7,"method":"thread/realtime/stop","params":{"threadId":THREAD}})
    );
}

#[test]
fn responses_decode_into_the_result_type_of_the_pending_method() {
    let ServerMessage::Response(response) = ServerMessage::decode(
        r#"{"id":1,"result":{"userAgent":"rtwire_demo/0.1.0","platformFamily":"unix","platformOs":"linux"}}"#,
    )
    .unwrap() else {
        panic!("a response")
    };
    let typed: InitializeResponse = response.decode_result::<v1::Initialize>().unwrap();
    assert_eq!(typed.platform_family, Some(PlatformFamily::Unix));
    assert_eq!(
        response.decode_result_for("initialize").unwrap(),
        ClientResult::Initialize(typed)
    );
    let error = response.decode_result::<v2::ThreadStart>().unwrap_err();
    assert_eq!(
        error.to_string(),
        "thread/start: missing field `thread` (at /result)"
    );
    let error = response.decode_result_for("thread/teleport").unwrap_err();
    assert_eq!(
        error.to_string(),
        "thread/teleport: not a request method of this protocol (at /result)"
    );
    let nested = Response {
        id: RequestId::Integer(3),
        result: json!({"voices":{"v1":["cove"],"v2":["nova"],"defaultV1":"cove","defaultV2":"marin"}}),
    };
    let error = nested
        .decode_result::<v2::ThreadRealtimeListVoices>()
        .unwrap_err();
    assert_eq!(error.path(), "/result/voices/v2/0");
}

#[test]
fn unknown_notifications_are_kept_verbatim() {
    let raw = json!({"method":"thread/teleported","params":{"where":"mars"}});
    let server = ServerMessage::decode(&raw.to_string()).unwrap();
    assert_eq!(
        server,
        ServerMessage::Notification(ServerNotification::Unknown(raw.clone()))
    );
    assert_eq!(encode(&server), raw);
    let client = ClientMessage::decode(&raw.to_string()).unwrap();
    assert_eq!(
        client,
        ClientMessage::Notification(ClientNotification::Unknown(raw.clone()))
    );
    assert_eq!(encode(&client), raw);
}

#[test]
fn error_answers_round_trip() {
    let answer = ErrorResponse {
        id: RequestId::Integer(9),
        error: ErrorObject::thread_not_found(THREAD),
    };
    let text = serde_json::to_string(&ServerMessage::Error(answer.clone())).unwrap();
    assert_eq!(
        text,
        format!(r#"{{"id":9,"error":{{"code":-32600,"message":"thread not found: {THREAD}"}}}}"#)
    );
    assert_eq!(
        ServerMessage::decode(&text).unwrap(),
        ServerMessage::Error(answer)
    );
}

#[test]
fn registry_lists_every_method_and_a_result_per_request() {
    let methods: Vec<_> = registry::messages()
        .into_iter()
        .filter(|m| m.surface == Surface::AppServer)
        .collect();
    assert_eq!(
        methods.iter().filter(|m| m.kind == Kind::Request).count(),
        11
    );
    assert_eq!(
        methods
            .iter()
            .filter(|m| m.kind == Kind::Notification)
            .count(),
        13
    );
    let results: Vec<&str> = registry::results().iter().map(|r| r.method).collect();
    let requests: Vec<&str> = methods
        .iter()
        .filter(|m| m.kind == Kind::Request)
        .map(|m| m.wire_name)
        .collect();
    assert_eq!(results, requests);
    assert!(
        registry::result_for("thread/realtime/closed").is_none(),
        "notifications have no result"
    );
}

fn schema_file(path: &str) -> Value {
    let full = rtwire_tests::root().join("schemas").join(path);
    serde_json::from_str(&std::fs::read_to_string(&full).unwrap()).unwrap()
}

#[test]
fn stable_schemas_exclude_exactly_the_experimental_methods() {
    let client =
        jsonschema::validator_for(&schema_file("app-server/stable/ClientMessage.json")).unwrap();
    let stop = json!({"id":7,"method":"thread/realtime/stop","params":{"threadId":THREAD}});
    assert!(
        !client.is_valid(&stop),
        "experimental requests are not part of the stable surface"
    );
    assert!(client.is_valid(&json!({"id":3,"method":"thread/start","params":{}})));
    assert!(client.is_valid(&json!({"method":"initialized"})));

    let server =
        jsonschema::validator_for(&schema_file("app-server/stable/ServerMessage.json")).unwrap();
    let open = schema_file("app-server/stable/ServerMessage.json");
    assert_eq!(
        (dispatched(&open), open["anyOf"].as_array().unwrap().len()),
        (4, 4),
        "four stable notifications dispatched; known, unknown notifications, response, error"
    );
    let generators = schema_file("app-server/stable/ServerMessage.generators.json");
    assert_eq!(
        generators["oneOf"].as_array().unwrap().len(),
        4 + 2,
        "four stable notifications, response, error"
    );
    // To a client of the stable surface, an experimental notification is an unknown one.
    assert!(server.is_valid(&json!({"method":"thread/realtime/closed","params":{}})));
    assert!(server.is_valid(&json!({"method":"account/updated","params":{"authMode":"apikey"}})));
    assert!(!server.is_valid(&json!({"method":"account/updated","params":{"authMode":7}})));
}

#[test]
fn one_pass_decoding_of_a_method_first_notification_agrees_with_buffered_decoding() {
    let texts = [
        json!({"method":"thread/realtime/transcript/delta","params":{"threadId":THREAD,"role":"user","delta":"hi"}}).to_string(),
        format!(r#"{{"method":"thread/realtime/closed","params":{{"threadId":"{THREAD}"}},"jsonrpc":"2.0","extra":[1,{{}}]}}"#),
        r#"{"method":"account/updated"}"#.to_owned(),
        r#"{"method":"thread/realtime/closed","params":{"threadId":1}}"#.to_owned(),
        r#"{"method":"thread/realtime/closed","params":{"threadId":"t"},"id":7}"#.to_owned(),
        r#"{"method":"thread/realtime/closed","params":{"threadId":"t"},"id":[]}"#.to_owned(),
        r#"{"method":"thread/realtime/closed"}"#.to_owned(),
        r#"{"method":"future/notification","params":{"x":1}}"#.to_owned(),
    ];
    for text in &texts {
        let buffered = ServerMessage::decode_value(serde_json::from_str(text).unwrap());
        assert_eq!(ServerMessage::decode(text), buffered, "{text}");
        assert_eq!(
            serde_json::from_str::<ServerMessage>(text).ok(),
            buffered.ok(),
            "{text}"
        );
    }
    // A repeated member (`method`, `params`, or any other) is refused by every decoder alike:
    // no view reads the first or the last value (-32600, at the repeated member).
    for (text, pointer) in [
        (
            format!(
                r#"{{"method":"thread/realtime/sdp","method":"thread/realtime/closed","params":{{"threadId":"{THREAD}"}}}}"#
            ),
            "/method",
        ),
        (
            format!(
                r#"{{"method":"thread/realtime/closed","params":{{"threadId":"a"}},"params":{{"threadId":"{THREAD}"}}}}"#
            ),
            "/params",
        ),
    ] {
        assert!(
            serde_json::from_str::<ServerMessage>(&text).is_err(),
            "{text}"
        );
        let error = ServerMessage::decode(&text).unwrap_err();
        let member = &pointer[1..];
        assert_eq!(
            (error.code.code(), error.message.as_str()),
            (
                -32600,
                format!("duplicate member `{member}` (at {pointer})").as_str()
            ),
            "{text}"
        );
    }
}

/// How many leaves (messages) the dispatch tree of a union file has: a node with `else` splits
/// the tags in two, anything else is one message.
fn dispatched(union: &Value) -> usize {
    fn leaves(node: &Value) -> usize {
        match (node.get("then"), node.get("else")) {
            (Some(then), Some(other)) => leaves(then) + leaves(other),
            _ => 1,
        }
    }
    union["allOf"]
        .as_array()
        .map_or(0, |t| t.iter().map(leaves).sum())
}
