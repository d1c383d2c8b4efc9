//! Bad input gets a clear error naming the message and the JSON path, never a panic.

use rtwire_protocol::DecodeError;
use rtwire_protocol::realtime::v2::ServerEvent;

fn error_of(text: &str) -> DecodeError {
    ServerEvent::decode(text).expect_err("must be rejected")
}

#[test]
fn text_that_is_not_json_is_rejected_without_a_message_name() {
    let err = error_of("{\"type\": ");
    assert_eq!(err.message(), None);
    assert_eq!(
        err.to_string(),
        "not valid JSON: EOF while parsing a value at line 1 column 9"
    );
}

#[test]
fn a_missing_required_member_names_the_event_and_the_member() {
    let err = error_of(
        r#"{"type":"response.output_audio.delta","response_id":"r","item_id":"i","output_index":0,"content_index":0}"#,
    );
    assert_eq!(
        err.to_string(),
        "response.output_audio.delta: missing field `delta`"
    );
    assert_eq!(err.message(), Some("response.output_audio.delta"));
    assert_eq!(err.path(), "");
}

#[test]
fn a_member_of_the_wrong_type_names_its_json_path() {
    let err = error_of(
        r#"{"type":"response.output_audio.delta","response_id":"r","item_id":"i","output_index":"0","content_index":0,"delta":""}"#,
    );
    assert_eq!(err.path(), "/output_index");
    assert_eq!(
        err.to_string(),
        "response.output_audio.delta: invalid type: string \"0\", expected u32 (at /output_index)"
    );
}

#[test]
fn an_alias_decodes_to_the_canonical_event_and_encodes_canonically() {
    let event = ServerEvent::decode(r#"{"type":"response.audio.delta","response_id":"r","item_id":"i","output_index":0,"content_index":0,"delta":"AA=="}"#)
    .expect("alias accepted");
    assert!(matches!(event, ServerEvent::ResponseOutputAudioDelta(_)));
    assert_eq!(
        rtwire_protocol::encode(&event)["type"],
        "response.output_audio.delta"
    );
}

#[test]
fn a_message_without_a_string_type_is_rejected() {
    assert_eq!(
        error_of(r#"{"kind":"x"}"#).to_string(),
        "missing or non-string `type` member"
    );
    assert_eq!(
        error_of("{}").to_string(),
        "missing or non-string `type` member"
    );
    assert_eq!(
        error_of(r#"{"type":7}"#).to_string(),
        "invalid type: integer `7`, expected a string `type` (at /type)"
    );
    assert_eq!(
        error_of("[1]").to_string(),
        "invalid type: sequence, expected an object with a string `type` member"
    );
}

#[test]
fn an_unknown_event_is_kept_verbatim_not_rejected() {
    let text = r#"{"type":"response.future_thing","payload":{"a":[1,2,{"b":null}]}}"#;
    let event = ServerEvent::decode(text).expect("unknown is not bad");
    let raw: serde_json::Value = serde_json::from_str(text).expect("JSON");
    assert_eq!(event, ServerEvent::Unknown(raw.clone()));
    assert_eq!(rtwire_protocol::encode(&event), raw);
}

/// A JSON value whose type the property schema does not allow, if the schema names its types.
fn wrong_value_for(property: &serde_json::Value) -> Option<serde_json::Value> {
    let allowed: Vec<&str> = match property.get("type")? {
        serde_json::Value::String(t) => vec![t.as_str()],
        serde_json::Value::Array(ts) => ts.iter().filter_map(|t| t.as_str()).collect(),
        _ => return None,
    };
    [
        ("boolean", serde_json::json!(true)),
        ("string", serde_json::json!("rtwire")),
        ("object", serde_json::json!({})),
        ("array", serde_json::json!([])),
    ]
    .into_iter()
    .find(|(ty, _)| !allowed.contains(ty))
    .map(|(_, v)| v)
}

#[test]
fn a_wrong_member_inside_any_known_event_is_reported_at_its_json_path() {
    // Guards the `payloads = [...]` lists of the unions: a payload type missing from its list
    // would leave this error without a path.
    let unions = rtwire_tests::unions();
    let mut failures = vec![];
    for example in rtwire_tests::corpus::examples()
        .into_iter()
        .filter(|e| !e.lenient)
    {
        let (union, message) = rtwire_tests::find(
            &unions,
            example.surface,
            example.version,
            &example.wire_name,
        )
        .expect("registered");
        if union.info.surface != rtwire_protocol::Surface::Realtime {
            continue;
        }
        let schema = union.message_schema(&message).expect("schema");
        let payload = match schema
            .get("$ref")
            .and_then(|r| r.as_str())
            .and_then(|r| r.strip_prefix("#/$defs/"))
        {
            Some(name) => schema["$defs"][name].clone(),
            None => schema.clone(),
        };
        let Some(properties) = payload.get("properties").and_then(|p| p.as_object()) else {
            continue;
        };
        let Some((name, wrong)) = properties
            .iter()
            .filter(|(name, _)| name.as_str() != union.info.tag)
            .find_map(|(name, p)| wrong_value_for(p).map(|w| (name.clone(), w)))
        else {
            continue;
        };
        let mut bad = example.value.clone();
        bad[&name] = wrong;
        match union.info.decode(&bad) {
            Ok(_) => failures.push(format!(
                "{}: accepted a wrong `{name}`",
                example.path.display()
            )),
            Err(e) if e.path() != format!("/{name}") || e.message() != Some(&example.wire_name) => {
                failures.push(format!(
                    "{}: `{e}` (path `{}`)",
                    example.path.display(),
                    e.path()
                ))
            }
            Err(_) => {}
        }
    }
    assert!(
        failures.is_empty(),
        "errors without their JSON path (is a payload type missing from `payloads = [...]`?):\n{}",
        failures.join("\n")
    );
}

#[test]
fn app_server_start_and_started_errors_name_the_method_and_the_json_path() {
    use rtwire_protocol::app_server::{ClientMessage, ServerMessage};
    let started = rtwire_protocol::decode_value::<ServerMessage>(
        &serde_json::json!({"method":"thread/realtime/started","params":{"threadId":"t","version":"v4"}}),
        "method",
    )
    .expect_err("v4 is not a version");
    assert_eq!(
        started.to_string(),
        "thread/realtime/started: unknown variant `v4`, expected one of `v1`, `v2`, `v3` (at /params/version)"
    );
    let start = rtwire_protocol::decode_value::<ClientMessage>(
        &serde_json::json!({"id":1,"method":"thread/realtime/start","params":{"threadId":"t","transport":{"type":"existingCall","callId":7}}}),
        "method",
    )
    .expect_err("callId is a string");
    // The transport is a closed union tagged on `type` (serde's internally tagged enum, which
    // buffers the object), so the path names the transport object, not its member.
    assert_eq!(
        start.to_string(),
        "thread/realtime/start: invalid type: integer `7`, expected a string (at /params/transport)"
    );
}
