//! The OpenRPC 1.3 document of the app-server (`generated/openrpc/app-server.json`): every
//! method a client calls, with its params by name (the members of its params type), its
//! result, the errors the protocol defines for it, its experimental flag, and examples from
//! `tests/examples/`.
//!
//! The document is self-contained, as OpenRPC tools expect (their dereferencers resolve a `$ref`
//! inside an external file against the document, not the file): the definitions of the emitted
//! schema files under `schemas/` are gathered in `components/schemas` and each param or result
//! schema refers to them. Where a message schema and a result schema define a type under one
//! name, the message schema's definition is kept: the two differ only in the integer bounds the
//! Rust type imposes anyway. Server → client notifications cannot be OpenRPC methods (a method is something
//! the client calls); they are published in the companion AsyncAPI document
//! [`crate::asyncapi::APP_SERVER_FILE`], which AsyncAPI tools understand, and the document
//! points to it with the `x-notifications` extension.

use rtwire_protocol::app_server::ErrorObject;
use rtwire_protocol::registry::{Direction, Kind, Message, Surface};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::corpus::{Corpus, message_doc, pointer_escape, slashes};
use crate::schema::{UnionSchema, message_path, result_path, result_schema};

/// The folder of the OpenRPC document, relative to the workspace root.
pub const DIR: &str = "generated/openrpc";

/// The file name of the app-server document under [`DIR`].
pub const FILE: &str = "app-server.json";

/// Whether `message` is an OpenRPC method: an app-server message the client sends.
pub fn is_method(message: &Message) -> bool {
    message.surface == Surface::AppServer && message.direction == Direction::ClientToServer
}

/// The errors the protocol defines for a request of `method` (`params` is its params schema):
/// the refusals, with their exact messages (`{placeholders}` for the variable parts).
pub fn errors(message: &Message, params: Option<&Value>) -> Vec<ErrorObject> {
    if message.kind != Kind::Request {
        return vec![];
    }
    let method = message.wire_name;
    let has = |member: &str| {
        params
            .and_then(|p| p.get("properties"))
            .and_then(|p| p.get(member))
            .is_some()
    };
    let mut out = vec![];
    if method == "initialize" {
        out.push(ErrorObject::already_initialized());
        out.push(ErrorObject::invalid_client_name("{name}"));
    } else {
        out.push(ErrorObject::not_initialized());
    }
    if message.experimental {
        out.push(ErrorObject::requires_experimental_api(method));
    }
    if has("threadId") {
        out.push(ErrorObject::thread_not_found("{threadId}"));
    }
    let failure = match method {
        "thread/realtime/start" => Some(ErrorObject::failed_to_start_realtime("{reason}")),
        "thread/realtime/appendAudio" => Some(ErrorObject::failed_to_append_audio("{reason}")),
        "thread/realtime/appendText" => Some(ErrorObject::failed_to_append_text("{reason}")),
        "thread/realtime/appendSpeech" => Some(ErrorObject::failed_to_append_speech("{reason}")),
        "thread/realtime/stop" => Some(ErrorObject::failed_to_stop_realtime("{reason}")),
        _ => None,
    };
    if failure.is_some() {
        out.push(ErrorObject::realtime_not_supported("{threadId}"));
    }
    out.push(ErrorObject::invalid_params("{reason}"));
    out.extend(failure);
    out.push(ErrorObject::server_overloaded());
    out
}

fn error_value(error: &ErrorObject) -> Value {
    json!({ "code": error.code, "message": error.message })
}

/// The OpenRPC document, keyed by file name under [`DIR`].
pub fn generate(
    unions: &[UnionSchema],
    corpus: &Corpus,
) -> Result<BTreeMap<PathBuf, String>, String> {
    let mut methods = vec![];
    let mut components = Map::new();
    for union in unions {
        for message in (union.info.messages)().into_iter().filter(is_method) {
            methods.push(method(union, &message, corpus, &mut components)?);
        }
    }
    if methods.is_empty() {
        return Ok(BTreeMap::new());
    }
    let document = json!({
        "openrpc": "1.3.2",
        "info": {
            "title": "rtwire app-server",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "The app-server JSON-RPC protocol that drives a realtime conversation on a thread, generated from the rtwire-protocol registry. Transport: over stdio (the default) every message is one line of compact UTF-8 JSON; over a WebSocket, one message per text frame. Messages carry no `jsonrpc` member. Params are always by name. Methods tagged `experimental` (`x-experimental: true`) need `capabilities.experimentalApi` in `initialize`; without it they fail with -32600 `{method} requires experimentalApi capability`. An unknown method fails with -32601. The notifications the server sends are described by the AsyncAPI document `generated/asyncapi/app-server-notifications.json` (see `x-notifications`).",
            "license": { "name": "Apache-2.0" },
        },
        "methods": methods,
        "components": { "schemas": components },
        "x-generated": crate::text::HEADER,
        "x-notifications": format!("../asyncapi/{}", crate::asyncapi::APP_SERVER_FILE),
    });
    Ok(BTreeMap::from([(
        PathBuf::from(FILE),
        crate::text::json_text(&document),
    )]))
}

/// The params of a method as one object, for by-name params. A params type that is a union of
/// objects (tagged on a member such as `type`) becomes one object with every member of every
/// variant: the tag lists the variants' values, a member required by every variant is
/// required, and the description of a member that only some variants have says which (the
/// exact union stays in the method's `x-params-schema`).
fn by_name(params: &Value, root: &Value) -> Value {
    let branches = match params.get("oneOf").or_else(|| params.get("anyOf")) {
        Some(Value::Array(branches)) if params.get("properties").is_none() => branches,
        _ => return params.clone(),
    };
    let resolved: Vec<Value> = branches
        .iter()
        .map(|b| match b.get("$ref").and_then(Value::as_str) {
            Some(r) => root
                .pointer(&r.replacen('#', "", 1))
                .cloned()
                .unwrap_or_else(|| b.clone()),
            None => b.clone(),
        })
        .collect();
    let tag_of = |b: &Value| -> Option<(String, Value)> {
        b.get("properties")?
            .as_object()?
            .iter()
            .find_map(|(k, v)| v.get("const").map(|c| (k.clone(), c.clone())))
    };
    let mut properties = Map::new();
    let mut owners: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut tags: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for b in &resolved {
        let tag = tag_of(b);
        if let Some((name, value)) = &tag {
            tags.entry(name.clone()).or_default().push(value.clone());
        }
        for (name, member) in b
            .get("properties")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            if tag.as_ref().is_some_and(|(t, _)| t == name) {
                continue;
            }
            properties
                .entry(name.clone())
                .or_insert_with(|| member.clone());
            if let Some((t, v)) = &tag {
                owners
                    .entry(name.clone())
                    .or_default()
                    .push(format!("`{t}` is {v}"));
            }
        }
    }
    for (name, values) in &tags {
        properties.insert(
            name.clone(),
            json!({ "type": "string", "enum": values, "description": "Which variant the params are." }),
        );
    }
    for (name, who) in owners {
        if who.len() < resolved.len()
            && let Some(member) = properties.get_mut(&name)
        {
            let text = member
                .get("description")
                .and_then(Value::as_str)
                .unwrap_or_default();
            member["description"] = json!(
                format!("Only when {}. {text}", who.join(" or "))
                    .trim_end()
                    .to_owned()
            );
        }
    }
    let required: Vec<Value> = properties
        .keys()
        .filter(|name| {
            resolved.iter().all(|b| {
                b.get("required")
                    .and_then(Value::as_array)
                    .is_some_and(|r| r.contains(&json!(name)))
            })
        })
        .map(|n| json!(n))
        .collect();
    json!({
        "description": params.get("description").cloned().unwrap_or(Value::Null),
        "type": "object",
        "properties": properties,
        "required": required,
        "x-union": true,
    })
}

/// `schema` with its references into `$defs` pointed at `components/schemas`.
fn rewrite(schema: &Value) -> Value {
    match schema {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| match (k.as_str(), v) {
                    ("$ref", Value::String(r)) => (
                        k.clone(),
                        json!(r.replacen("#/$defs/", "#/components/schemas/", 1)),
                    ),
                    _ => (k.clone(), rewrite(v)),
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(rewrite).collect()),
        other => other.clone(),
    }
}

/// Adds the `$defs` of `schema` to `components` (a name already there is kept).
fn gather(schema: &Value, components: &mut Map<String, Value>) {
    for (name, def) in schema
        .get("$defs")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        components
            .entry(name.clone())
            .or_insert_with(|| rewrite(def));
    }
}

fn method(
    union: &UnionSchema,
    message: &Message,
    corpus: &Corpus,
    components: &mut Map<String, Value>,
) -> Result<Value, String> {
    let doc = message_doc(union, message)?;
    let examples = corpus.of(message)?;
    let schema = union
        .message_schema(message)
        .expect("message_doc found the branch");
    gather(&schema, components);
    let params_schema = doc
        .payload_def
        .as_ref()
        .and_then(|def| schema.pointer(&format!("/$defs/{}", pointer_escape(def))));
    let flat = params_schema.map(|p| by_name(p, &schema));
    let params_schema = flat.as_ref();
    let mut params = vec![];
    if let (Some(def), Some(params_schema)) = (&doc.payload_def, params_schema) {
        let required: Vec<&str> = params_schema
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let mut names: Vec<&String> = params_schema
            .get("properties")
            .and_then(Value::as_object)
            .map(|p| p.keys().collect())
            .unwrap_or_default();
        names.sort_by_key(|n| (!required.contains(&n.as_str()), n.to_owned()));
        for name in names {
            let member = &params_schema["properties"][name];
            let mut descriptor = json!({
                "name": name,
                "required": required.contains(&name.as_str()),
                "schema": rewrite(member),
                "x-schema-file": format!(
                    "../../schemas/{}#/$defs/{}/properties/{}",
                    slashes(&message_path(union, message)),
                    pointer_escape(def),
                    pointer_escape(name)
                ),
            });
            if let Some(text) = member.get("description").and_then(Value::as_str) {
                descriptor["description"] = json!(crate::corpus::paragraphs(text));
            }
            params.push(descriptor);
        }
    }
    let mut method = json!({
        "name": message.wire_name,
        "summary": doc.summary,
        "description": doc.description,
        "paramStructure": "by-name",
        "params": params,
        "tags": [{ "name": message.version.as_str() }],
        "x-experimental": message.experimental,
        "x-kind": message.kind.as_str(),
    });
    if let (Some(def), Some(flat)) = (&doc.payload_def, params_schema)
        && flat.get("x-union").is_some()
    {
        method["x-params-schema"] =
            json!({ "$ref": format!("#/components/schemas/{}", pointer_escape(def)) });
    }
    if message.experimental {
        method["tags"]
            .as_array_mut()
            .expect("tags")
            .push(json!({ "name": "experimental", "description": "Needs `capabilities.experimentalApi`." }));
    }
    let result = (union.info.results)()
        .into_iter()
        .find(|r| r.method == message.wire_name);
    if let Some(result) = result {
        let answer = result_schema(&result);
        gather(&answer, components);
        method["result"] = json!({
            "name": "result",
            "schema": rewrite(&answer["properties"]["result"]),
            "x-schema-file": format!(
                "../../schemas/{}#/properties/result",
                slashes(&result_path(union, message))
            ),
        });
    }
    let errors: Vec<Value> = errors(message, params_schema)
        .iter()
        .map(error_value)
        .collect();
    if !errors.is_empty() {
        method["errors"] = json!(errors);
    }
    let mut pairings = vec![];
    for example in &examples.messages {
        let given = example.value.get("params").and_then(Value::as_object);
        let mut pairing = json!({
            "name": example.case,
            "description": format!("From {}.", example.path),
            "params": given.map(|p| p.iter().map(|(k, v)| json!({ "name": k, "value": v })).collect::<Vec<_>>()).unwrap_or_default(),
        });
        if let Some(answer) = examples.result_for(example) {
            pairing["result"] = json!({
                "name": format!("{}.result", answer.case),
                "value": answer.value.get("result").cloned().unwrap_or(Value::Null),
            });
        }
        pairings.push(pairing);
    }
    method["examples"] = json!(pairings);
    Ok(method)
}
