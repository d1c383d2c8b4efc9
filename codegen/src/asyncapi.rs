//! AsyncAPI 3.0 documents (`generated/asyncapi/`): one per realtime dialect, and one for the
//! app-server's server → client notification stream (the companion of the OpenRPC document,
//! which can only describe methods a client calls).
//!
//! Every message is a component with its wire name as name and title, the summary and
//! description of its doc comment, a payload that `$ref`s a schema component (named by
//! [`payload_key`]) which `$ref`s the emitted JSON Schema file under `schemas/` (schema format
//! JSON Schema 2020-12; nothing is copied), and its canonical examples
//! from `tests/examples/`. Operations are written from the client's point of view: it sends
//! the client → server messages and receives the server → client ones.

use rtwire_protocol::registry::{Direction, Kind, Message, Surface};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::corpus::{Corpus, message_doc, pointer_escape, slashes};
use crate::schema::{UnionSchema, message_path};

/// The folder of the AsyncAPI documents, relative to the workspace root.
pub const DIR: &str = "generated/asyncapi";

/// The `schemaFormat` of every payload: the emitted files are JSON Schema 2020-12.
pub const SCHEMA_FORMAT: &str = "application/schema+json;version=2020-12";

/// The file name of the app-server notification stream document.
pub const APP_SERVER_FILE: &str = "app-server-notifications.json";

/// The file name, under [`DIR`], of the document of the realtime dialect in `module`
/// (`realtime/v2` → `realtime-v2.json`).
pub fn realtime_file(module: &str) -> String {
    format!("{}.json", module.replace('/', "-"))
}

/// The document (file name under [`DIR`]) that describes `message` of a union in `module`,
/// if any: realtime events, and app-server server → client notifications.
pub fn document_of(module: &str, message: &Message) -> Option<String> {
    match (message.surface, message.kind, message.direction) {
        (Surface::Realtime, _, _) => Some(realtime_file(module)),
        (Surface::AppServer, Kind::Notification, Direction::ServerToClient) => {
            Some(APP_SERVER_FILE.to_owned())
        }
        _ => None,
    }
}

/// The key of `message` under `components/messages`: its wire name (`/` of app-server methods
/// become `.`, which component keys allow).
pub fn message_key(message: &Message) -> String {
    message.wire_name.replace('/', ".")
}

/// The key of `message`'s payload under `components/schemas`: its wire name in PascalCase
/// (`response.output_audio.delta` → `ResponseOutputAudioDelta`), the name code generators
/// such as Modelina give its model.
pub fn payload_key(message: &Message) -> String {
    message
        .wire_name
        .split(['.', '/', '_', '-'])
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(c) => c.to_uppercase().collect::<String>() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

/// The `$ref` of a schema file from a document in [`DIR`].
fn schema_ref(path: &std::path::Path) -> String {
    format!("../../schemas/{}", slashes(path))
}

struct Entry<'a> {
    union: &'a UnionSchema,
    message: Message,
}

/// Every AsyncAPI document, keyed by file name under [`DIR`].
pub fn generate(
    unions: &[UnionSchema],
    corpus: &Corpus,
) -> Result<BTreeMap<PathBuf, String>, String> {
    let mut groups: BTreeMap<String, Vec<Entry>> = BTreeMap::new();
    for union in unions {
        for message in (union.info.messages)() {
            if let Some(file) = document_of(union.info.module, &message) {
                groups
                    .entry(file)
                    .or_default()
                    .push(Entry { union, message });
            }
        }
    }
    let mut files = BTreeMap::new();
    for (file, entries) in groups {
        let document = if file == APP_SERVER_FILE {
            app_server_document(&entries, corpus)?
        } else {
            realtime_document(&entries, corpus)?
        };
        files.insert(PathBuf::from(file), crate::text::json_text(&document));
    }
    Ok(files)
}

fn info(title: String, description: String) -> Value {
    json!({
        "title": title,
        "version": env!("CARGO_PKG_VERSION"),
        "description": description,
        "license": { "name": "Apache-2.0" },
        "x-generated": crate::text::HEADER,
    })
}

/// The references to message components, by the direction of the messages.
type ByDirection = BTreeMap<Direction, Vec<String>>;

/// The message components and the references to them, by direction.
fn messages(
    entries: &[Entry],
    corpus: &Corpus,
    schemas: &mut Map<String, Value>,
) -> Result<(Map<String, Value>, ByDirection), String> {
    let mut components = Map::new();
    let mut by_direction: BTreeMap<Direction, Vec<String>> = BTreeMap::new();
    for Entry { union, message } in entries {
        let doc = message_doc(union, message)?;
        let examples = corpus.of(message)?;
        let mut key = message_key(message);
        if components.contains_key(&key) {
            key = format!("{key}.{}", message.direction.as_str());
        }
        let mut payload = payload_key(message);
        if schemas.contains_key(&payload) {
            payload.push_str(match message.direction {
                Direction::ClientToServer => "FromClient",
                Direction::ServerToClient => "FromServer",
            });
        }
        schemas.insert(
            payload.clone(),
            json!({
                "schemaFormat": SCHEMA_FORMAT,
                "schema": {
                    "$id": payload,
                    "title": payload,
                    "allOf": [{ "$ref": schema_ref(&message_path(union, message)) }],
                },
            }),
        );
        let mut component = json!({
            "name": message.wire_name,
            "title": doc.title,
            "summary": doc.summary,
            "description": doc.description,
            "contentType": "application/json",
            "payload": { "$ref": format!("#/components/schemas/{payload}") },
            "examples": examples.messages.iter().map(|e| json!({
                "name": e.case,
                "summary": format!("From {}.", e.path),
                "payload": e.value,
            })).collect::<Vec<_>>(),
            "x-direction": message.direction.as_str(),
            "x-experimental": message.experimental,
        });
        if let Some(def) = &doc.payload_def {
            component["x-rust-type"] = json!(def);
        }
        if message.experimental {
            component["tags"] = json!([{ "name": "experimental" }]);
        }
        by_direction
            .entry(message.direction)
            .or_default()
            .push(key.clone());
        components.insert(key, component);
    }
    Ok((components, by_direction))
}

fn channel_messages(keys: &[String]) -> Map<String, Value> {
    let mut sorted = keys.to_vec();
    sorted.sort();
    sorted
        .into_iter()
        .map(|k| {
            let reference =
                json!({ "$ref": format!("#/components/messages/{}", pointer_escape(&k)) });
            (k, reference)
        })
        .collect()
}

fn operation(
    action: &str,
    channel: &str,
    keys: &[String],
    summary: &str,
    description: &str,
) -> Value {
    let mut sorted = keys.to_vec();
    sorted.sort();
    json!({
        "action": action,
        "channel": { "$ref": format!("#/channels/{channel}") },
        "summary": summary,
        "description": description,
        "messages": sorted.iter().map(|k| json!({
            "$ref": format!("#/channels/{channel}/messages/{}", pointer_escape(k))
        })).collect::<Vec<_>>(),
    })
}

fn params_schema(params: &[crate::connection::Param]) -> Value {
    let mut properties = Map::new();
    for p in params {
        properties.insert(
            p.name.to_owned(),
            json!({ "type": "string", "description": p.description, "examples": [p.example] }),
        );
    }
    let required: Vec<&str> = params
        .iter()
        .filter(|p| p.required)
        .map(|p| p.name)
        .collect();
    json!({ "type": "object", "properties": properties, "required": required })
}

fn realtime_document(entries: &[Entry], corpus: &Corpus) -> Result<Value, String> {
    let module = entries[0].union.info.module;
    let connection = crate::connection::of(module)?;
    let mut schemas = Map::new();
    let (components, by_direction) = messages(entries, corpus, &mut schemas)?;
    let client = by_direction
        .get(&Direction::ClientToServer)
        .cloned()
        .unwrap_or_default();
    let server = by_direction
        .get(&Direction::ServerToClient)
        .cloned()
        .unwrap_or_default();
    let mut all = client.clone();
    all.extend(server.iter().cloned());
    let channel = "realtime";
    let description = format!(
        "{} Every message is one JSON object in one WebSocket text frame, named by its string member `type`. Receivers ignore members they do not know, at every depth. An event whose `type` is not listed here (for example one added by a newer server) is not an error: rtwire keeps it as raw JSON (an `Unknown` value that re-encodes unchanged) and hands it to the application, which may ignore it; the same holds for unknown variants of open unions inside a payload.",
        connection.description
    );
    let mut operations = Map::new();
    if !client.is_empty() {
        operations.insert(
            "sendClientEvents".into(),
            operation(
                "send",
                channel,
                &client,
                "Events the client sends to the server.",
                "The client writes these events to the socket, each as one text frame.",
            ),
        );
    }
    if !server.is_empty() {
        operations.insert(
            "receiveServerEvents".into(),
            operation(
                "receive",
                channel,
                &server,
                "Events the client receives from the server.",
                "The server writes these events to the socket, each as one text frame; an event type not listed here is kept as raw JSON.",
            ),
        );
    }
    Ok(json!({
        "asyncapi": "3.0.0",
        "id": format!("urn:rtwire:{}", module.replace('/', ":")),
        "info": info(
            format!("rtwire {}", connection.title),
            format!(
                "The {} WebSocket protocol, generated from the rtwire-protocol registry. Each message's payload is its JSON Schema 2020-12 file under `schemas/`; each example comes from the examples corpus that the tests check.",
                connection.title
            ),
        ),
        "defaultContentType": "application/json",
        "servers": {
            "openai": {
                "host": connection.host,
                "protocol": connection.protocol,
                "title": "OpenAI",
                "summary": "The public endpoint.",
                "description": format!(
                    "The WebSocket endpoint `{}://{}{}`. The handshake carries the query parameters and headers described by the channel's `ws` binding; authorization is a bearer token in the `Authorization` header.",
                    connection.protocol, connection.host, connection.path
                ),
                "security": [{ "$ref": "#/components/securitySchemes/bearer" }],
            }
        },
        "channels": {
            channel: {
                "address": connection.path,
                "title": connection.title,
                "summary": format!("The {} socket.", connection.title),
                "description": description,
                "servers": [{ "$ref": "#/servers/openai" }],
                "messages": channel_messages(&all),
                "bindings": {
                    "ws": {
                        "method": "GET",
                        "query": params_schema(connection.query),
                        "headers": params_schema(connection.headers),
                        "bindingVersion": "0.1.0",
                    }
                },
            }
        },
        "operations": operations,
        "components": {
            "messages": components,
            "schemas": schemas,
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "`Authorization: Bearer <API key or ephemeral client secret>` on the WebSocket handshake.",
                }
            },
        },
    }))
}

fn app_server_document(entries: &[Entry], corpus: &Corpus) -> Result<Value, String> {
    let mut schemas = Map::new();
    let (components, by_direction) = messages(entries, corpus, &mut schemas)?;
    let server = by_direction
        .get(&Direction::ServerToClient)
        .cloned()
        .unwrap_or_default();
    let channel = "notifications";
    Ok(json!({
        "asyncapi": "3.0.0",
        "id": "urn:rtwire:app-server:notifications",
        "info": info(
            "rtwire app-server notifications".to_owned(),
            "The notifications an app-server sends to its client, unprompted, on the JSON-RPC connection. The methods a client calls (and their results and errors) are described by the OpenRPC document `generated/openrpc/app-server.json`; OpenRPC has no way to describe server → client notifications, so they are published here, where AsyncAPI tools (documentation, Modelina, validators) understand them.".to_owned(),
        ),
        "defaultContentType": "application/json",
        "channels": {
            channel: {
                "address": null,
                "title": "app-server connection",
                "summary": "The JSON-RPC connection between a client and its app-server.",
                "description": "Over stdio (the default) every message is one line of compact UTF-8 JSON; over a WebSocket, one message per text frame. A notification is an object with `method` and usually `params`, and no `id`; there is no `jsonrpc` member. Experimental notifications (tagged `experimental`) are sent only to a client that opted in with `capabilities.experimentalApi`. A notification whose `method` is not listed here is not an error: rtwire keeps it as raw JSON, and the client may ignore it.",
                "messages": channel_messages(&server),
            }
        },
        "operations": {
            "receiveNotifications": operation(
                "receive",
                channel,
                &server,
                "Notifications the client receives from the app-server.",
                "The app-server sends these without a request; the client never answers them.",
            ),
        },
        "components": { "messages": components, "schemas": schemas },
    }))
}
