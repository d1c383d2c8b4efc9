//! Bad input gets a clear error naming the message and the JSON path, never a panic.

use rtwire_fuzz::harness::UnionCheck;
use rtwire_protocol::DecodeError;
use rtwire_protocol::realtime::v2::ServerEvent;
use rtwire_protocol::registry::branch_tag;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

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
    // The first typed member of each corpus event; the nested unions' variants are reached by
    // the next test.
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
        match union.info.roundtrip(&bad) {
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
        "errors without their JSON path:\n{}",
        failures.join("\n")
    );
}

/// A `$ref` to a `$defs` entry: the entry's name.
fn def_name(schema: &Value) -> Option<&str> {
    schema.get("$ref")?.as_str()?.strip_prefix("#/$defs/")
}

/// The nested open unions of a union's schema: `$defs` entries whose `oneOf` ends with the
/// branch of unknown variants, each with its tagged branches `(tag, branch)`.
fn nested_unions(defs: &Map<String, Value>, tag: &str) -> BTreeMap<String, Vec<(String, Value)>> {
    let mut out = BTreeMap::new();
    for (name, def) in defs {
        let Some(branches) = def.get("oneOf").and_then(Value::as_array) else {
            continue;
        };
        let open = branches.iter().any(|b| {
            b.get("description")
                .and_then(Value::as_str)
                .is_some_and(|d| d.starts_with("A variant this version of rtwire does not know"))
        });
        if !open {
            continue;
        }
        let tagged = branches
            .iter()
            .filter_map(|b| Some((branch_tag(b, tag)?.to_owned(), b.clone())))
            .collect();
        out.insert(name.clone(), tagged);
    }
    out
}

/// A place of a corpus event where a nested union is expected.
#[derive(Clone)]
struct Place {
    /// The union's `$defs` name.
    union: String,
    /// The JSON pointer of the union value.
    pointer: String,
    /// For a member the event omits: the pointer of the object to add it to, the member, and
    /// whether it holds an array of the union (the value goes at index 0).
    insert: Option<(String, String, bool)>,
}

impl Place {
    /// The event with `variant` at this place.
    fn build(&self, event: &Value, variant: Value) -> Value {
        let mut event = event.clone();
        match &self.insert {
            None => *event.pointer_mut(&self.pointer).expect("the place exists") = variant,
            Some((parent, member, array)) => {
                let value = if *array { json!([variant]) } else { variant };
                event.pointer_mut(parent).expect("the parent exists")[member] = value;
            }
        }
        event
    }
}

/// The nested union an absent member of schema `member` would hold (through an optional
/// wrapper), and whether as an array of it.
fn absent_union<'a>(
    member: &'a Value,
    unions: &BTreeMap<String, Vec<(String, Value)>>,
) -> Option<(&'a str, bool)> {
    let mut candidates = vec![member];
    candidates.extend(
        member
            .get("anyOf")
            .and_then(Value::as_array)
            .into_iter()
            .flatten(),
    );
    candidates.iter().find_map(|c| {
        if let Some(name) = def_name(c).filter(|n| unions.contains_key(*n)) {
            return Some((name, false));
        }
        let name = def_name(c.get("items")?).filter(|n| unions.contains_key(*n))?;
        Some((name, true))
    })
}

/// Every place in `value` (a JSON pointer) where `schema` expects one of the nested unions
/// `unions`: present values, and optional members the value omits or leaves empty.
fn union_places(
    value: &Value,
    schema: &Value,
    defs: &Map<String, Value>,
    unions: &BTreeMap<String, Vec<(String, Value)>>,
    pointer: &str,
    out: &mut Vec<Place>,
) {
    if let Some(name) = def_name(schema) {
        if unions.contains_key(name) {
            out.push(Place {
                union: name.to_owned(),
                pointer: pointer.to_owned(),
                insert: None,
            });
        }
        if let Some(def) = defs.get(name) {
            union_places(value, def, defs, unions, pointer, out);
        }
    }
    for key in ["anyOf", "oneOf", "allOf"] {
        for branch in schema
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            // The branch of the value's tag when there is one, else the untagged branches.
            let wanted = branch_tag(branch, "type");
            let tag = value.get("type").and_then(Value::as_str);
            let tagged = schema[key].as_array().is_some_and(|all| {
                all.iter()
                    .any(|b| tag.is_some() && branch_tag(b, "type") == tag)
            });
            if (tagged && wanted == tag) || (!tagged && wanted.is_none()) {
                union_places(value, branch, defs, unions, pointer, out);
            }
        }
    }
    if let (Some(members), Some(object)) = (
        schema.get("properties").and_then(Value::as_object),
        value.as_object(),
    ) {
        for (name, member) in members {
            let at = format!("{pointer}/{}", name.replace('~', "~0").replace('/', "~1"));
            match object.get(name) {
                // An empty array holds no place; it is filled like an absent member.
                Some(inner) if inner.as_array().is_none_or(|a| !a.is_empty()) => {
                    union_places(inner, member, defs, unions, &at, out)
                }
                _ => {
                    if let Some((union, array)) = absent_union(member, unions) {
                        out.push(Place {
                            union: union.to_owned(),
                            pointer: if array { format!("{at}/0") } else { at },
                            insert: Some((pointer.to_owned(), name.clone(), array)),
                        });
                    }
                }
            }
        }
    }
    if let (Some(items), Some(array)) = (schema.get("items"), value.as_array()) {
        for (i, inner) in array.iter().enumerate() {
            union_places(inner, items, defs, unions, &format!("{pointer}/{i}"), out);
        }
    }
}

/// The smallest value `schema` accepts, as far as this simple builder knows: constants, the
/// first enum value or branch, required members only, minimum counts and bounds.
fn minimal(schema: &Value, defs: &Map<String, Value>, depth: usize) -> Value {
    if depth > 24 {
        return Value::Null;
    }
    if let Some(c) = schema.get("const") {
        return c.clone();
    }
    if let Some(first) = schema.get("enum").and_then(|e| e.get(0)) {
        return first.clone();
    }
    let mut out = match def_name(schema).and_then(|n| defs.get(n)) {
        Some(def) => minimal(def, defs, depth + 1),
        None => Value::Null,
    };
    for key in ["oneOf", "anyOf"] {
        if let Some(first) = schema.get(key).and_then(|b| b.get(0))
            && out.is_null()
        {
            out = minimal(first, defs, depth + 1);
        }
    }
    let ty = match schema.get("type") {
        Some(Value::String(t)) => Some(t.as_str()),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).find(|t| *t != "null"),
        _ => None,
    };
    match ty {
        Some("object") => {
            let mut object = match out {
                Value::Object(o) => o,
                _ => Map::new(),
            };
            let members = schema.get("properties").and_then(Value::as_object);
            for name in schema
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let name = name.as_str().expect("a member name");
                if let Some(member) = members.and_then(|m| m.get(name)) {
                    object.insert(name.to_owned(), minimal(member, defs, depth + 1));
                }
            }
            Value::Object(object)
        }
        Some("array") if !out.is_array() => {
            let count = schema.get("minItems").and_then(Value::as_u64).unwrap_or(0);
            let item = schema.get("items").map(|i| minimal(i, defs, depth + 1));
            Value::Array((0..count).filter_map(|_| item.clone()).collect())
        }
        Some("string") if !out.is_string() => json!("x"),
        Some("integer" | "number") if !out.is_number() => {
            json!(
                schema
                    .get("minimum")
                    .and_then(Value::as_i64)
                    .unwrap_or(0)
                    .max(0)
            )
        }
        Some("boolean") if !out.is_boolean() => json!(false),
        _ => out,
    }
}

/// Every variant of every nested open union of the realtime unions (the item, content-part,
/// tool, audio-format, turn-detection, session and usage kinds…): built into a corpus event at
/// a place where that union is expected, the event decodes; with one typed member of the
/// variant replaced by a value of the wrong JSON type, the error names the event and the JSON
/// path of that member.
#[test]
fn a_wrong_member_inside_every_variant_of_every_nested_union_is_reported_at_its_json_path() {
    let schemas = rtwire_tests::unions();
    let examples: Vec<_> = rtwire_tests::corpus::examples()
        .into_iter()
        .filter(|e| !e.lenient && !e.result && e.surface == rtwire_protocol::Surface::Realtime)
        .collect();
    let (mut total, mut reached, mut failures, mut untyped) = (0, 0, vec![], vec![]);
    for union in schemas
        .iter()
        .filter(|u| u.info.surface == rtwire_protocol::Surface::Realtime)
    {
        let defs = union.view["$defs"].as_object().cloned().unwrap_or_default();
        let nested = nested_unions(&defs, "type");
        // Every corpus place of each nested union, present members first.
        let mut places: BTreeMap<String, Vec<(&rtwire_tests::corpus::Example, Place)>> =
            BTreeMap::new();
        for example in &examples {
            let Ok((found, message)) = rtwire_tests::find(
                std::slice::from_ref(union),
                example.surface,
                example.version,
                &example.wire_name,
            ) else {
                continue;
            };
            let schema = found.message_schema(&message).expect("a message schema");
            let mut found_places = vec![];
            union_places(
                &example.value,
                &schema,
                &defs,
                &nested,
                "",
                &mut found_places,
            );
            for place in found_places {
                places
                    .entry(place.union.clone())
                    .or_default()
                    .push((example, place));
            }
        }
        for list in places.values_mut() {
            list.sort_by_key(|(_, place)| place.insert.is_some());
        }
        for (name, variants) in &nested {
            for (tag, branch) in variants {
                total += 1;
                let label = format!("{}/{} {name} `{tag}`", union.info.module, union.info.name);
                let payload = def_name(branch).and_then(|n| defs.get(n)).unwrap_or(branch);
                let members = payload.get("properties").and_then(Value::as_object);
                let Some((member, wrong)) = members.into_iter().flatten().find_map(|(m, s)| {
                    (m != "type").then(|| wrong_value_for(s).map(|w| (m.clone(), w)))?
                }) else {
                    untyped.push(label);
                    continue;
                };
                let mut variant = minimal(payload, &defs, 0);
                variant["type"] = json!(tag);
                let mut bad_variant = variant.clone();
                bad_variant[&member] = wrong;
                // The first place that decodes the variant and refuses the wrong member
                // decides; a place that keeps an invalid value as raw JSON (a documented
                // leniency) is passed over.
                let mut verdict = Err(format!("{label}: no corpus event holds a {name}"));
                for (example, place) in places.get(name).into_iter().flatten() {
                    let event = place.build(&example.value, variant.clone());
                    if let Err(e) = union.info.roundtrip(&event) {
                        verdict = Err(format!(
                            "{label}: the variant built into {} does not decode: {e}",
                            example.path.display()
                        ));
                        continue;
                    }
                    let expected = format!("{}/{member}", place.pointer);
                    match union
                        .info
                        .roundtrip(&place.build(&example.value, bad_variant.clone()))
                    {
                        Ok(_) => {
                            verdict = Err(format!(
                                "{label}: every place accepts a wrong `{member}` (last: {expected} in {})",
                                example.path.display()
                            ));
                        }
                        Err(e)
                            if e.path() == expected && e.message() == Some(&example.wire_name) =>
                        {
                            verdict = Ok(());
                            break;
                        }
                        Err(e) => {
                            verdict = Err(format!(
                                "{label}: `{e}` in {} (path `{}`, expected `{expected}`)",
                                example.path.display(),
                                e.path()
                            ));
                            break;
                        }
                    }
                }
                match verdict {
                    Ok(()) => reached += 1,
                    Err(failure) => failures.push(failure),
                }
            }
        }
    }
    assert!(
        total > 40 && failures.is_empty() && reached + untyped.len() == total,
        "{reached} of {total} nested union variants report a wrong member at its path \
         ({} have no typed member besides `type`: {untyped:?}); failures:\n{}",
        untyped.len(),
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
