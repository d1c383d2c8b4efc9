//! The Markdown reference (`generated/docs/`): one page per surface and version, for a person
//! to read. Each message has its direction, its description, a member table (name, type,
//! presence, meaning, from the doc comments carried by the emitted schemas) and its canonical
//! example; each page ends with the types its messages use. The app-server session flows of
//! `tests/examples/app-server/session*.jsonl` become Mermaid sequence diagrams.
//!
//! [`publish`] also builds the AsyncAPI and OpenRPC documents and links each catalog entry to
//! its views.

use rtwire_protocol::registry::{Direction, Kind, Message, Surface};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::corpus::{Corpus, message_doc, paragraphs, pointer_escape, slashes};
use crate::schema::{UnionSchema, message_path, result_path, result_schema};
use crate::text::FileSet;

/// The folder of the reference, relative to the workspace root.
pub const DIR: &str = "generated/docs";

/// Builds the published documents (AsyncAPI, OpenRPC, the reference) from the registry and the
/// examples corpus under `root`, and links the catalog in `files` (if present) to them.
pub fn publish_into(root: &Path, files: &mut FileSet) -> Result<(), String> {
    let corpus = Corpus::load(root)?;
    let unions = crate::schema::unions();
    for (dir, set) in [
        (
            crate::asyncapi::DIR,
            crate::asyncapi::generate(&unions, &corpus)?,
        ),
        (
            crate::openrpc::DIR,
            crate::openrpc::generate(&unions, &corpus)?,
        ),
        (DIR, generate(&unions, &corpus)?),
    ] {
        for (path, text) in set {
            files.insert(Path::new(dir).join(path), text.into_bytes());
        }
    }
    link_catalog(&unions, files)
}

/// The page of `message` in a union of `module`, as a file name under [`DIR`].
pub fn page_of(module: &str, message: &Message) -> String {
    match message.surface {
        Surface::Realtime => format!("{}.md", module.replace('/', "-")),
        Surface::AppServer => format!("app-server-{}.md", message.version.as_str()),
    }
}

/// The anchor of a message's section on its page.
pub fn anchor(message: &Message) -> String {
    format!(
        "{}-{}",
        match message.direction {
            Direction::ClientToServer => "c2s",
            Direction::ServerToClient => "s2c",
        },
        message.wire_name.replace(['/', '.'], "-")
    )
}

/// Adds to every entry of `schemas/catalog.json` the views of its message: `asyncapi` (the
/// message component), `openrpc` (the method) and `reference` (its section), as URI
/// references relative to the catalog file.
fn link_catalog(unions: &[UnionSchema], files: &mut FileSet) -> Result<(), String> {
    let path = PathBuf::from("schemas/catalog.json");
    let Some(bytes) = files.get(&path) else {
        return Ok(());
    };
    let mut catalog: Value =
        serde_json::from_slice(bytes).map_err(|e| format!("schemas/catalog.json: {e}"))?;
    let mut views: BTreeMap<(String, String, String, String), Value> = BTreeMap::new();
    for union in unions {
        for message in (union.info.messages)() {
            let mut links = Map::new();
            if let Some(document) = crate::asyncapi::document_of(union.info.module, &message) {
                links.insert(
                    "asyncapi".into(),
                    json!(format!(
                        "../{}/{document}#/components/messages/{}",
                        crate::asyncapi::DIR,
                        pointer_escape(&crate::asyncapi::message_key(&message))
                    )),
                );
            }
            if crate::openrpc::is_method(&message) {
                links.insert(
                    "openrpc".into(),
                    json!({
                        "document": format!("../{}/{}", crate::openrpc::DIR, crate::openrpc::FILE),
                        "method": message.wire_name,
                    }),
                );
            }
            links.insert(
                "reference".into(),
                json!(format!(
                    "../{DIR}/{}#{}",
                    page_of(union.info.module, &message),
                    anchor(&message)
                )),
            );
            views.insert(
                (
                    message.surface.as_str().to_owned(),
                    message.version.as_str().to_owned(),
                    message.direction.as_str().to_owned(),
                    message.wire_name.to_owned(),
                ),
                Value::Object(links),
            );
        }
    }
    let entries = catalog
        .get_mut("messages")
        .and_then(Value::as_array_mut)
        .ok_or("schemas/catalog.json: no `messages` array")?;
    for entry in entries {
        let field = |name: &str| entry[name].as_str().unwrap_or_default().to_owned();
        let key = (
            field("surface"),
            field("version"),
            field("direction"),
            field("wire_name"),
        );
        if let (Some(Value::Object(links)), Some(object)) = (views.get(&key), entry.as_object_mut())
        {
            object.extend(links.clone());
        }
    }
    files.insert(path, crate::text::json_text(&catalog).into_bytes());
    Ok(())
}

/// One message on a page.
struct Entry<'a> {
    union: &'a UnionSchema,
    message: Message,
}

/// Every page of the reference, keyed by file name under [`DIR`].
pub fn generate(
    unions: &[UnionSchema],
    corpus: &Corpus,
) -> Result<BTreeMap<PathBuf, String>, String> {
    let mut pages: BTreeMap<String, Vec<Entry>> = BTreeMap::new();
    for union in unions {
        for message in (union.info.messages)() {
            pages
                .entry(page_of(union.info.module, &message))
                .or_default()
                .push(Entry { union, message });
        }
    }
    let mut files = BTreeMap::new();
    let mut index = String::new();
    let _ = writeln!(index, "# rtwire protocol reference\n");
    let _ = writeln!(index, "{}\n", comment());
    let _ = writeln!(
        index,
        "One page per protocol and version. Each message has its direction, its description, a table of its members and its canonical example (checked by the tests). Machine-readable views: JSON Schema (`schemas/`), AsyncAPI 3.0 (`generated/asyncapi/`), OpenRPC 1.3 (`generated/openrpc/`), TypeScript (`generated/typescript/`).\n"
    );
    let _ = writeln!(index, "| page | messages |\n|---|---|");
    for (page, entries) in &pages {
        let text = page_text(entries, corpus)?;
        let _ = writeln!(
            index,
            "| [{}]({page}) | {} |",
            title_of(entries),
            entries.len()
        );
        files.insert(PathBuf::from(page), text);
    }
    if !corpus.sessions.is_empty() {
        let _ = writeln!(
            index,
            "| [app-server session flows](app-server-sessions.md) | {} sequence diagram(s) |",
            corpus.sessions.len()
        );
        files.insert(
            PathBuf::from("app-server-sessions.md"),
            sessions_page(corpus)?,
        );
    }
    files.insert(PathBuf::from("README.md"), index);
    Ok(files)
}

fn comment() -> String {
    format!("<!-- {} -->", crate::text::HEADER)
}

fn title_of(entries: &[Entry]) -> String {
    let first = &entries[0];
    match first.message.surface {
        Surface::Realtime => crate::connection::of(first.union.info.module)
            .map(|c| c.title.to_owned())
            .unwrap_or_else(|_| first.union.info.module.to_owned()),
        Surface::AppServer => format!("app-server {}", first.message.version.as_str()),
    }
}

fn arrow(direction: Direction) -> &'static str {
    match direction {
        Direction::ClientToServer => "client → server",
        Direction::ServerToClient => "server → client",
    }
}

fn page_text(entries: &[Entry], corpus: &Corpus) -> Result<String, String> {
    let mut out = String::new();
    let first = &entries[0];
    let _ = writeln!(out, "# {}\n", title_of(entries));
    let _ = writeln!(out, "{}\n", comment());
    match first.message.surface {
        Surface::Realtime => {
            let connection = crate::connection::of(first.union.info.module)?;
            let _ = writeln!(out, "{}\n", connection.description);
            let _ = writeln!(
                out,
                "**Endpoint:** `{}://{}{}` · **AsyncAPI:** [`{}`](../asyncapi/{})\n",
                connection.protocol,
                connection.host,
                connection.path,
                crate::asyncapi::realtime_file(first.union.info.module),
                crate::asyncapi::realtime_file(first.union.info.module)
            );
            for (what, params) in [
                ("Query parameters", connection.query),
                ("Headers", connection.headers),
            ] {
                let _ = writeln!(
                    out,
                    "{what}:\n\n| name | presence | meaning | example |\n|---|---|---|---|"
                );
                for p in params {
                    let _ = writeln!(
                        out,
                        "| `{}` | {} | {} | `{}` |",
                        p.name,
                        if p.required { "required" } else { "optional" },
                        cell(p.description),
                        p.example
                    );
                }
                out.push('\n');
            }
            let _ = writeln!(
                out,
                "Unknown events: an event whose `type` this page does not list is not an error. rtwire keeps it as raw JSON (an `Unknown` value that re-encodes unchanged); so are unknown variants of open unions inside a payload. Members a receiver does not know are ignored at every depth.\n"
            );
        }
        Surface::AppServer => {
            let _ = writeln!(
                out,
                "JSON-RPC without a `jsonrpc` member: over stdio, one message per line; over a WebSocket, one per text frame. Requests carry `id`, `method` and `params` (by name); answers carry the request's `id` and `result` or `error`. Methods marked experimental need `capabilities.experimentalApi` in `initialize`. **OpenRPC:** [`app-server.json`](../openrpc/app-server.json) · **Notifications (AsyncAPI):** [`{}`](../asyncapi/{}) · **Session flows:** [sequence diagrams](app-server-sessions.md)\n",
                crate::asyncapi::APP_SERVER_FILE,
                crate::asyncapi::APP_SERVER_FILE
            );
        }
    }
    let _ = writeln!(
        out,
        "Presence: *required* members are always there; *optional* members may be absent, and `null` means the same as absent; *nullable* members are required but may be `null`; *tri-state* members mean three things: absent (keep the current value), `null` (turn it off) and a value.\n"
    );
    let mut defs = Map::new();
    let mut shown_defs = vec![];
    let mut sections: BTreeMap<(Direction, u8), Vec<String>> = BTreeMap::new();
    let _ = writeln!(out, "## Contents\n");
    let mut toc = String::new();
    for Entry { union, message } in entries {
        let doc = message_doc(union, message)?;
        let examples = corpus.of(message)?;
        let schema = union
            .message_schema(message)
            .expect("message_doc found the branch");
        if let Some(Value::Object(d)) = schema.get("$defs") {
            for (k, v) in d {
                defs.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
        let mut s = String::new();
        let _ = writeln!(s, "<a id=\"{}\"></a>\n", anchor(message));
        let _ = writeln!(s, "### `{}`\n", message.wire_name);
        let mut facts = vec![
            format!("**{}**", arrow(message.direction)),
            message.kind.as_str().to_owned(),
        ];
        if message.experimental {
            facts.push("**experimental**".into());
        }
        // A payload type with members is shown here; a union (e.g. params tagged on `type`)
        // is listed with the types, and linked.
        let payload_union = doc.payload_def.as_ref().filter(|def| {
            schema
                .pointer(&format!("/$defs/{}", pointer_escape(def)))
                .is_some_and(|d| d.get("properties").is_none())
        });
        if let Some(def) = &doc.payload_def {
            facts.push(format!("Rust `{def}`"));
            if payload_union.is_none() {
                shown_defs.push(def.clone());
            }
        }
        facts.push(format!(
            "schema [`{0}`](../../schemas/{0})",
            slashes(&message_path(union, message))
        ));
        let _ = writeln!(s, "{}\n", facts.join(" · "));
        let _ = writeln!(s, "{}\n", doc.description);
        let members_of = match message.surface {
            Surface::Realtime => Some(schema.clone()),
            Surface::AppServer => doc
                .payload_def
                .as_ref()
                .map(|d| json!({ "$ref": format!("#/$defs/{d}") })),
        };
        let what = match message.surface {
            Surface::Realtime => "Members",
            Surface::AppServer => "Params",
        };
        match members_of {
            Some(_) if payload_union.is_some() => {
                let def = payload_union.expect("checked");
                let _ = writeln!(
                    s,
                    "{what}: one of the variants of [`{def}`](#type-{}).\n",
                    def.to_lowercase()
                );
            }
            Some(m) => s.push_str(&member_table(what, &m, &schema)),
            None => {
                let _ = writeln!(s, "{what}: none.\n");
            }
        }
        let result = (union.info.results)()
            .into_iter()
            .find(|r| r.method == message.wire_name);
        if let Some(result) = &result {
            let rs = result_schema(result);
            if let Some(Value::Object(d)) = rs.get("$defs") {
                for (k, v) in d {
                    defs.entry(k.clone()).or_insert_with(|| v.clone());
                }
            }
            let _ = writeln!(
                s,
                "Result (schema [`{0}`](../../schemas/{0})): {1}\n",
                slashes(&result_path(union, message)),
                type_of(&rs["properties"]["result"]).0
            );
            let target = resolve(&rs["properties"]["result"], &rs);
            if target.get("properties").is_some() {
                s.push_str(&member_table(
                    "Result members",
                    &rs["properties"]["result"],
                    &rs,
                ));
            }
        }
        let errors = crate::openrpc::errors(
            message,
            doc.payload_def
                .as_ref()
                .and_then(|d| schema.pointer(&format!("/$defs/{}", pointer_escape(d)))),
        );
        if !errors.is_empty() {
            let _ = writeln!(s, "Errors:\n\n| code | message |\n|---|---|");
            for e in &errors {
                let _ = writeln!(s, "| {} | `{}` |", e.code, cell(&e.message));
            }
            s.push('\n');
        }
        let example = examples.canonical().expect("Corpus::of checked");
        let _ = writeln!(s, "Example (`{}`):\n", example.path);
        let _ = writeln!(s, "```json\n{}\n```\n", example.text);
        if let Some(answer) = examples.result_for(example) {
            let _ = writeln!(s, "Answer (`{}`):\n", answer.path);
            let _ = writeln!(s, "```json\n{}\n```\n", answer.text);
        }
        let order = match message.kind {
            Kind::Request => 0,
            Kind::Notification => 1,
            Kind::Event => 0,
        };
        let _ = writeln!(
            toc,
            "- [`{}`](#{}) ({}, {})",
            message.wire_name,
            anchor(message),
            arrow(message.direction),
            message.kind.as_str()
        );
        sections
            .entry((message.direction, order))
            .or_default()
            .push(s);
    }
    out.push_str(&toc);
    out.push('\n');
    for ((direction, order), texts) in sections {
        let kind = match (first.message.surface, order) {
            (Surface::Realtime, _) => "events",
            (_, 0) => "requests",
            _ => "notifications",
        };
        let _ = writeln!(out, "## {} {kind}\n", capitalize(arrow(direction)));
        for text in texts {
            out.push_str(&text);
        }
    }
    let root = json!({ "$defs": defs });
    let mut names: Vec<&String> = defs.keys().filter(|k| !shown_defs.contains(k)).collect();
    names.sort();
    if !names.is_empty() {
        let _ = writeln!(out, "## Types\n");
        for name in names {
            out.push_str(&type_section(name, &defs[name.as_str()], &root));
        }
    }
    Ok(out)
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

/// Text fit for a table cell: one line, pipes escaped.
fn cell(text: &str) -> String {
    paragraphs(text).replace('\n', " ").replace('|', "\\|")
}

/// `schema` with its `$ref`s (into `root`'s `$defs`) and `allOf` parts merged in.
fn resolve(schema: &Value, root: &Value) -> Value {
    let mut out = schema.as_object().cloned().unwrap_or_default();
    let mut guard = 0;
    loop {
        guard += 1;
        if guard > 32 {
            break;
        }
        if let Some(Value::String(r)) = out.remove("$ref") {
            let name = r.strip_prefix("#/$defs/").unwrap_or(&r);
            if let Some(Value::Object(target)) = root.get("$defs").and_then(|d| d.get(name)) {
                for (k, v) in target {
                    merge_key(&mut out, k, v);
                }
            }
            continue;
        }
        if let Some(Value::Array(parts)) = out.remove("allOf") {
            for part in parts {
                let part = resolve(&part, root);
                for (k, v) in part.as_object().into_iter().flatten() {
                    merge_key(&mut out, k, v);
                }
            }
            continue;
        }
        break;
    }
    Value::Object(out)
}

fn merge_key(out: &mut Map<String, Value>, key: &str, value: &Value) {
    match (key, out.get_mut(key)) {
        ("properties", Some(Value::Object(props))) => {
            for (k, v) in value.as_object().into_iter().flatten() {
                props.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
        ("required", Some(Value::Array(req))) => {
            for v in value.as_array().into_iter().flatten() {
                if !req.contains(v) {
                    req.push(v.clone());
                }
            }
        }
        (_, Some(_)) => {}
        (_, None) => {
            out.insert(key.to_owned(), value.clone());
        }
    }
}

/// A short type for a person, and whether `null` is accepted.
fn type_of(schema: &Value) -> (String, bool) {
    let Some(object) = schema.as_object() else {
        return ("any".into(), false);
    };
    if let Some(Value::String(r)) = object.get("$ref") {
        let name = r.rsplit('/').next().unwrap_or(r);
        return (format!("[`{name}`](#type-{})", name.to_lowercase()), false);
    }
    if let Some(c) = object.get("const") {
        return (format!("`{c}`"), false);
    }
    if let Some(Value::Array(values)) = object.get("enum") {
        let nullable = values.contains(&Value::Null);
        let shown: Vec<String> = values
            .iter()
            .filter(|v| !v.is_null())
            .map(|v| format!("`{v}`"))
            .collect();
        return (shown.join(" \\| "), nullable);
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(Value::Array(branches)) = object.get(key) {
            let mut nullable = false;
            let mut shown = vec![];
            for b in branches {
                if b.get("type") == Some(&json!("null")) {
                    nullable = true;
                    continue;
                }
                let (t, n) = type_of(b);
                nullable |= n;
                if !shown.contains(&t) {
                    shown.push(t);
                }
            }
            return (shown.join(" \\| "), nullable);
        }
    }
    let types: Vec<String> = match object.get("type") {
        Some(Value::String(t)) => vec![t.clone()],
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        _ if object.contains_key("properties") => vec!["object".into()],
        _ => return ("any".into(), false),
    };
    let nullable = types.iter().any(|t| t == "null");
    let shown: Vec<String> = types
        .iter()
        .filter(|t| *t != "null")
        .map(|t| match t.as_str() {
            "array" => match object.get("items") {
                Some(items) => format!("{}[]", type_of(items).0),
                None => "array".into(),
            },
            "object" => match object.get("additionalProperties") {
                Some(v) if v.is_object() => format!("map of {}", type_of(v).0),
                _ => "object".into(),
            },
            "integer" => match object.get("format").and_then(Value::as_str) {
                Some(f) => format!("integer ({f})"),
                None => "integer".into(),
            },
            other => other.to_owned(),
        })
        .collect();
    (shown.join(" \\| "), nullable)
}

/// The member table of the object `schema` (refs into `root`).
fn member_table(what: &str, schema: &Value, root: &Value) -> String {
    let object = resolve(schema, root);
    let Some(Value::Object(props)) = object.get("properties") else {
        return format!("{what}: none.\n\n");
    };
    let required: Vec<&str> = object
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut names: Vec<&String> = props.keys().collect();
    // The tag (a constant) first, then required members, then optional ones.
    names.sort_by_key(|n| {
        (
            props[n.as_str()].get("const").is_none(),
            !required.contains(&n.as_str()),
            n.to_owned(),
        )
    });
    let mut out = format!("{what}:\n\n| member | type | presence | meaning |\n|---|---|---|---|\n");
    for name in names {
        let member = &props[name.as_str()];
        let (ty, nullable) = type_of(member);
        let tag = member
            .get("const")
            .map(|c| format!("Always `{c}`: names the message or variant."));
        let description = member
            .get("description")
            .and_then(Value::as_str)
            .or(tag.as_deref())
            .unwrap_or_default();
        let presence = if required.contains(&name.as_str()) {
            if nullable {
                "required, nullable"
            } else {
                "required"
            }
        } else if description.to_lowercase().contains("tri-state") {
            "optional, tri-state"
        } else {
            "optional"
        };
        let _ = writeln!(
            out,
            "| `{name}` | {ty} | {presence} | {} |",
            cell(description)
        );
    }
    out.push('\n');
    out
}

fn type_section(name: &str, schema: &Value, root: &Value) -> String {
    let mut out = format!(
        "<a id=\"type-{}\"></a>\n\n### `{name}`\n\n",
        name.to_lowercase()
    );
    if let Some(d) = schema.get("description").and_then(Value::as_str) {
        let _ = writeln!(out, "{}\n", paragraphs(d));
    }
    let resolved = resolve(schema, root);
    if resolved.get("properties").is_some() {
        out.push_str(&member_table("Members", schema, root));
    } else if let Some(Value::Array(branches)) =
        resolved.get("oneOf").or_else(|| resolved.get("anyOf"))
    {
        let _ = writeln!(out, "One of:\n");
        for branch in branches {
            let (ty, _) = type_of(branch);
            let b = resolve(branch, root);
            let note = b
                .get("description")
                .and_then(Value::as_str)
                .map(cell)
                .unwrap_or_default();
            if branch.get("$ref").is_none() && b.get("properties").is_some() {
                let tag = b["properties"]
                    .as_object()
                    .and_then(|p| {
                        p.iter()
                            .find_map(|(k, v)| v.get("const").map(|c| format!("`{k}: {c}`")))
                    })
                    .unwrap_or_else(|| "an object".into());
                let _ = writeln!(out, "- {tag}: {note}\n");
                let table = member_table("  Members", branch, root);
                for line in table.lines() {
                    let _ = writeln!(out, "  {}", line.trim_start());
                }
            } else {
                let _ = writeln!(
                    out,
                    "- {ty}{}{note}",
                    if note.is_empty() { "" } else { ": " }
                );
            }
        }
        out.push('\n');
    } else {
        let (ty, nullable) = type_of(schema);
        let _ = writeln!(
            out,
            "Type: {ty}{}\n",
            if nullable { " (or `null`)" } else { "" }
        );
    }
    out
}

/// The Mermaid sequence diagrams of the app-server session files.
fn sessions_page(corpus: &Corpus) -> Result<String, String> {
    let mut out = String::from("# app-server session flows\n\n");
    let _ = writeln!(out, "{}\n", comment());
    let _ = writeln!(
        out,
        "Each diagram is drawn from a session file of the examples corpus, line by line; the tests decode every line of these files into typed messages. Methods are described in [app-server v1](app-server-v1.md) and [app-server v2](app-server-v2.md).\n"
    );
    for (name, text) in &corpus.sessions {
        let path = format!("{}/app-server/{name}", crate::corpus::DIR);
        let _ = writeln!(out, "## `{name}`\n\nFrom `{path}`.\n");
        let _ = writeln!(
            out,
            "```mermaid\nsequenceDiagram\n    participant C as Client\n    participant S as app-server"
        );
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let record: Value = serde_json::from_str(line)
                .map_err(|e| format!("{path}:{}: not JSON: {e}", i + 1))?;
            let from = record["from"].as_str().unwrap_or_default();
            let message = &record["message"];
            let (a, b) = match from {
                "client" => ("C", "S"),
                "server" => ("S", "C"),
                other => {
                    return Err(format!(
                        "{path}:{}: `from` must be \"client\" or \"server\", not {other:?}",
                        i + 1
                    ));
                }
            };
            let id = message.get("id").map(|id| format!(" #{id}"));
            let label = if let Some(method) = message.get("method").and_then(Value::as_str) {
                match &id {
                    Some(id) => format!("{method}{id}"),
                    None => format!("{method} (notification)"),
                }
            } else if let Some(error) = message.get("error") {
                format!(
                    "error{} {} {}",
                    id.clone().unwrap_or_default(),
                    error["code"],
                    error["message"].as_str().unwrap_or_default()
                )
            } else {
                format!("result{}", id.clone().unwrap_or_default())
            };
            let arrow = if message.get("method").is_some() && message.get("id").is_some() {
                "->>"
            } else {
                "-->>"
            };
            let _ = writeln!(out, "    {a}{arrow}{b}: {}", mermaid_text(&label));
        }
        let _ = writeln!(out, "```\n");
    }
    Ok(out)
}

/// Text safe in a Mermaid message label (`;` and `#` have meanings there).
fn mermaid_text(text: &str) -> String {
    text.replace('#', "id ").replace(';', ",")
}
