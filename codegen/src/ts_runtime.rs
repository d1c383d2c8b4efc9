//! The runtime decoders of the TypeScript package: one module per union
//! (`realtime/v2/decodeServerEvent.js`, `app-server/decodeServerMessage.js`, …) and the shared
//! machinery (`runtime.js`, written once in `ts-runtime.js`).
//!
//! Every protocol fact a decoder uses comes from the registry here, never from hand-written
//! TypeScript: the tag member, the wire names, the input aliases of tags (the union's tagged
//! branches that share a registered message's schema), the canonical-form facts that
//! [`crate::forms`] derives from the Rust decoders (member aliases, tri-state members, defaults,
//! value and tag aliases, the tag of type-less variants), and the message schemas themselves: the schemas of
//! `schemas/<…>.json` with their annotations removed and their `$defs` shared by the messages of
//! the union, so that the TypeScript decoder and the schema accept the same JSON. Validation is
//! Ajv 8 (draft 2020-12), compiled per message on first use.

use crate::files::HEADER;
use crate::forms::Forms;
use crate::schema::{UnionSchema, message_path, result_path};
use rtwire_protocol::registry::Surface;
use rtwire_protocol::registry::branch_tag;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The shared decoder machinery, and its declarations.
const RUNTIME_JS: &str = include_str!("ts-runtime.js");
const RUNTIME_DTS: &str = include_str!("ts-runtime.d.ts");

/// The function name of a union's decoder: `decodeServerEvent`.
pub fn decoder_name(union: &str) -> String {
    format!("decode{union}")
}

/// The module path, under `generated/typescript/`, of a union's decoder.
pub fn decoder_path(union: &UnionSchema) -> PathBuf {
    Path::new(union.info.module).join(format!("{}.js", decoder_name(union.info.name)))
}

/// Every runtime file, keyed by path under `generated/typescript/`. `schemas` holds the schema
/// files keyed by path under `schemas/`, as they are written.
pub fn generate(schemas: &BTreeMap<PathBuf, String>) -> BTreeMap<PathBuf, String> {
    let mut out = BTreeMap::new();
    out.insert(
        PathBuf::from("runtime.js"),
        format!("// {HEADER}\n\n{RUNTIME_JS}"),
    );
    out.insert(
        PathBuf::from("runtime.d.ts"),
        format!("// {HEADER}\n\n{RUNTIME_DTS}"),
    );
    let forms = crate::forms::derive(schemas);
    for union in crate::schema::unions() {
        let path = decoder_path(&union);
        let (js, dts) = decoder_module(&union, schemas, &forms, &path);
        out.insert(path.with_extension("d.ts"), dts);
        out.insert(path, js);
    }
    out
}

fn schema_text<'a>(schemas: &'a BTreeMap<PathBuf, String>, path: &Path) -> &'a str {
    schemas
        .get(path)
        .unwrap_or_else(|| panic!("no schema file {}", path.display()))
        .trim_end()
}

fn js_string(text: &str) -> String {
    serde_json::to_string(text).expect("strings serialize")
}

fn decoder_module(
    union: &UnionSchema,
    schemas: &BTreeMap<PathBuf, String>,
    forms: &Forms,
    path: &Path,
) -> (String, String) {
    let info = &union.info;
    let name = decoder_name(info.name);
    let runtime = crate::ts_unions::import_path(path, Path::new("runtime.ts"));
    let messages = (info.messages)();
    // Results of request methods (the ServerMessage of the app-server).
    let results = (info.results)();
    let mut result_entries = vec![];
    if info.surface == Surface::AppServer && info.name == "ServerMessage" {
        for union in crate::schema::unions() {
            for message in (union.info.messages)() {
                if results.iter().any(|r| r.method == message.wire_name)
                    || rtwire_protocol::registry::result_for(message.wire_name).is_some()
                        && union.info.name == "ClientMessage"
                {
                    let text = schema_text(schemas, &result_path(&union, &message));
                    result_entries.push((message, text));
                }
            }
        }
    }
    let message_texts: Vec<&str> = messages
        .iter()
        .map(|m| schema_text(schemas, &message_path(union, m)))
        .collect();
    let mut all_texts = message_texts.clone();
    all_texts.extend(result_entries.iter().map(|(_, text)| *text));
    let shared = SharedDefs::of(&all_texts);
    let mut js = format!("// {HEADER}\n\nimport {{ makeDecoder }} from \"{runtime}\";\n\n");
    js.push_str(&shared.prelude());
    // Message schemas: each a function so that the object is built on first use only.
    js.push_str("const messages = {\n");
    for (message, text) in messages.iter().zip(&message_texts) {
        js.push_str(&format!(
            "  {}: {{ version: {}, schema: () => {} }},\n",
            js_string(message.wire_name),
            js_string(message.version.as_str()),
            shared.embed(text),
        ));
    }
    js.push_str("};\n\n");
    // Input aliases of tags: a tagged branch of the union whose tag is not a registered wire
    // name, sharing the schema of a registered message.
    let branches = union.view["oneOf"].as_array().cloned().unwrap_or_default();
    let registered: Vec<&str> = messages.iter().map(|m| m.wire_name).collect();
    let target_of = |tag: &str| {
        branches
            .iter()
            .find(|b| branch_tag(b, info.tag) == Some(tag))
            .map(|b| strip_tag(b, info.tag))
    };
    js.push_str("const aliases = {\n");
    for branch in &branches {
        let Some(tag) = branch_tag(branch, info.tag) else {
            continue;
        };
        if registered.contains(&tag) {
            continue;
        }
        let body = strip_tag(branch, info.tag);
        let canonical = registered
            .iter()
            .find(|r| target_of(r).as_ref() == Some(&body))
            .unwrap_or_else(|| panic!("tag `{tag}` of {} is no alias", info.name));
        js.push_str(&format!(
            "  {}: {},\n",
            js_string(tag),
            js_string(canonical)
        ));
    }
    js.push_str("};\n\n");
    let mut result_lines = String::new();
    for (message, text) in &result_entries {
        result_lines.push_str(&format!(
            "  {}: {{ version: {}, schema: () => {} }},\n",
            js_string(message.wire_name),
            js_string(message.version.as_str()),
            shared.embed(text),
        ));
    }
    js.push_str(&format!("const results = {{\n{result_lines}}};\n\n"));
    js.push_str(&forms_table(union, schemas, forms));
    js.push_str(&format!(
        "/** Decodes one `{}` of {}: see `runtime.d.ts`. */\nexport const {name} = makeDecoder({{\n  union: {},\n  tag: {},\n  messages,\n  aliases,\n  results,\n  forms,\n}});\n",
        info.name,
        info.module,
        js_string(info.name),
        js_string(info.tag),
    ));
    let encoder = info
        .name
        .starts_with("Client")
        .then(|| encoder_name(info.name));
    if let Some(encoder) = &encoder {
        js.push_str(&format!(
            "\n/** Encodes one `{union}` as canonical JSON text; throws a `TypeError` naming the message and the JSON pointer when the value is not one. */\nexport function {encoder}(event) {{\n  const decoded = {name}(event);\n  if (decoded.kind === \"error\") throw new TypeError(decoded.error.text);\n  return JSON.stringify(decoded.kind === \"event\" ? decoded.event : decoded.raw);\n}}\n",
            union = info.name,
        ));
    }
    let types = crate::ts_unions::import_path(
        &path.with_extension("ts"),
        &Path::new(info.module).join(format!("{}.ts", info.name)),
    );
    let runtime_types =
        crate::ts_unions::import_path(&path.with_extension("ts"), Path::new("runtime.ts"));
    let pending = if info.name == "ServerMessage" {
        ", pending?: PendingMethod"
    } else {
        ""
    };
    let pending_import = if info.name == "ServerMessage" {
        ", PendingMethod"
    } else {
        ""
    };
    let dts = format!(
        "// {HEADER}\n\nimport type {{ {union} }} from \"{types}\";\nimport type {{ Decoded{pending_import} }} from \"{runtime_types}\";\n\n/**\n * Decodes one `{union}` ({module}) from JSON text or an already-parsed value. Never throws:\n * a known message gives `{{ kind: \"event\" }}` in its canonical form, an unknown `{tag}` gives\n * `{{ kind: \"unknown\" }}` with the value verbatim, bad input gives `{{ kind: \"error\" }}`.\n */\nexport declare function {name}(input: unknown{pending}): Decoded<{union}>;\n",
        union = info.name,
        module = info.module,
        tag = info.tag,
    );
    let dts = match &encoder {
        Some(encoder) => format!(
            "{dts}\n/**\n * Encodes one `{union}` as canonical JSON text: aliases folded, members the Rust encoder\n * would not emit left out. Throws a `TypeError` naming the message and the JSON pointer when\n * the value is not a valid `{union}`.\n */\nexport declare function {encoder}(event: {union}): string;\n",
            union = info.name,
        ),
        None => dts,
    };
    (js, dts)
}

/// The `$defs` of a module's schemas, written once and shared by every schema that uses them:
/// a definition of one name is the same type in every schema of one union, so each message
/// schema is its own text without `$defs`, plus the union's shared `$defs` (a superset of its
/// own, which leaves what it accepts unchanged). A schema whose definition of a name differs
/// from another schema's keeps its own `$defs`.
struct SharedDefs {
    defs: serde_json::Map<String, serde_json::Value>,
    conflicts: std::collections::BTreeSet<String>,
}

impl SharedDefs {
    fn of(texts: &[&str]) -> Self {
        let mut defs = serde_json::Map::new();
        let mut conflicts = std::collections::BTreeSet::new();
        for text in texts {
            let mut root: serde_json::Value = serde_json::from_str(text).expect("schemas are JSON");
            strip_annotations(&mut root);
            for (name, def) in root["$defs"].as_object().into_iter().flatten() {
                match defs.get(name) {
                    Some(known) if known != def => {
                        conflicts.insert(name.clone());
                    }
                    Some(_) => {}
                    None => {
                        defs.insert(name.clone(), def.clone());
                    }
                }
            }
        }
        for name in &conflicts {
            defs.remove(name);
        }
        SharedDefs { defs, conflicts }
    }

    /// The shared `$defs`, built on first use.
    fn prelude(&self) -> String {
        format!(
            "let shared;\nconst withDefs = (schema) => {{\n  schema.$defs = shared ??= {};\n  return schema;\n}};\n\n",
            serde_json::Value::Object(self.defs.clone())
        )
    }

    /// The expression that builds one schema.
    fn embed(&self, text: &str) -> String {
        let mut root: serde_json::Value = serde_json::from_str(text).expect("schemas are JSON");
        strip_annotations(&mut root);
        let own = root.as_object_mut().and_then(|o| o.remove("$defs"));
        let Some(own) = own else {
            return format!("({root})");
        };
        let shares = own
            .as_object()
            .is_some_and(|o| o.keys().all(|k| !self.conflicts.contains(k)));
        if shares {
            format!("withDefs({root})")
        } else {
            root["$defs"] = own;
            format!("({root})")
        }
    }
}

/// Removes the annotations no decoder reads (`description`, `$comment`, `examples`) from a
/// schema and its subschemas, so that the embedded schemas are smaller; what they accept is
/// unchanged. Member names are never touched: only schema positions are walked.
fn strip_annotations(schema: &mut serde_json::Value) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    for annotation in ["description", "$comment", "examples"] {
        object.remove(annotation);
    }
    for (keyword, value) in object.iter_mut() {
        match keyword.as_str() {
            "properties" | "$defs" | "patternProperties" | "dependentSchemas" => {
                for sub in value.as_object_mut().into_iter().flatten() {
                    strip_annotations(sub.1);
                }
            }
            "oneOf" | "anyOf" | "allOf" | "prefixItems" => {
                for sub in value.as_array_mut().into_iter().flatten() {
                    strip_annotations(sub);
                }
            }
            "items"
            | "additionalProperties"
            | "not"
            | "if"
            | "then"
            | "else"
            | "contains"
            | "propertyNames"
            | "unevaluatedProperties"
            | "unevaluatedItems" => strip_annotations(value),
            _ => {}
        }
    }
}

/// The schema names (`$defs` keys and message titles) of the schema texts, with the members
/// each declares.
fn named_schemas(texts: &[&str]) -> BTreeMap<String, Vec<String>> {
    let mut names = BTreeMap::new();
    let members = |schema: &serde_json::Value| -> Vec<String> {
        schema["properties"]
            .as_object()
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default()
    };
    for text in texts {
        let root: serde_json::Value = serde_json::from_str(text).expect("schemas are JSON");
        if let Some(title) = root["title"].as_str() {
            names.insert(title.to_owned(), members(&root));
        }
        for (name, schema) in root["$defs"].as_object().into_iter().flatten() {
            names.insert(name.clone(), members(schema));
        }
    }
    names
}

/// The canonical-form facts (derived from the Rust decoder by [`crate::forms::derive`]) of the
/// named types of `union`'s schemas (its messages and, for the app-server `ServerMessage`, the
/// results), as a `forms` table keyed by schema name, in name order.
fn forms_table(union: &UnionSchema, schemas: &BTreeMap<PathBuf, String>, forms: &Forms) -> String {
    let names = named_schemas(&union_texts(union, schemas));
    let mut table = String::from("const forms = {\n");
    for ((module, name), facts) in forms {
        if module != union.info.module || !names.contains_key(name) {
            continue;
        }
        table.push_str(&format!("  {}: {},\n", js_string(name), facts.to_json()));
    }
    table.push_str("};\n\n");
    table
}

/// The schema texts of `union`: its messages and, for the app-server `ServerMessage`, the
/// results of every request method.
fn union_texts<'a>(union: &UnionSchema, schemas: &'a BTreeMap<PathBuf, String>) -> Vec<&'a str> {
    let mut texts: Vec<&str> = (union.info.messages)()
        .iter()
        .map(|m| schema_text(schemas, &message_path(union, m)))
        .collect();
    if union.info.surface == Surface::AppServer && union.info.name == "ServerMessage" {
        texts.extend(
            schemas
                .iter()
                .filter(|(path, _)| path.to_string_lossy().ends_with(".result.json"))
                .map(|(_, text)| text.trim_end()),
        );
    }
    texts
}

/// The function name of a client union's encoder: `encodeClientEvent`.
pub fn encoder_name(union: &str) -> String {
    format!("encode{union}")
}

fn strip_tag(branch: &serde_json::Value, tag: &str) -> serde_json::Value {
    let mut body = branch.clone();
    if let Some(props) = body.get_mut("properties").and_then(|p| p.as_object_mut()) {
        props.remove(tag);
    }
    if let Some(obj) = body.as_object_mut() {
        obj.remove("description");
    }
    body
}
