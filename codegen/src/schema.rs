//! JSON Schema 2020-12 files: one per union, one per registered message, and the catalog.

use rtwire_protocol::open_union::branch_tag;
use rtwire_protocol::registry::{self, Message, ResultInfo, UnionInfo};
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use crate::files::{HEADER, json_text};

const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// A union's schema with every definition it uses, and its messages' branches.
pub struct UnionSchema {
    /// The union, as registered.
    pub info: UnionInfo,
    /// The self-contained schema of the union (`$defs` included).
    pub root: Value,
}

impl UnionSchema {
    /// Builds the schema of `info`.
    pub fn of(info: UnionInfo) -> Self {
        let mut generator = SchemaSettings::draft2020_12()
            .with_transform(schemars::transform::RecursiveTransform(integer_bounds))
            .into_generator();
        let schema = (info.schema)(&mut generator);
        let defs: Map<String, Value> = generator.take_definitions(true).into_iter().collect();
        let mut root = json!({
            "$schema": DIALECT,
            "$comment": HEADER,
            "title": info.name,
        });
        merge(&mut root, schema.to_value());
        root["$defs"] = Value::Object(defs);
        prune_defs(&mut root);
        UnionSchema { info, root }
    }

    /// The union's schema for the stable surface (`app-server.md` §7): without the branches of
    /// experimental messages, which the catch-all branch of unknown notifications then covers.
    /// `None` for a union without experimental messages.
    pub fn stable_root(&self) -> Option<Value> {
        let experimental: Vec<&str> = (self.info.messages)()
            .into_iter()
            .filter(|m| m.experimental)
            .map(|m| m.wire_name)
            .collect();
        if experimental.is_empty() {
            return None;
        }
        let tag = self.info.tag;
        let mut root = self.root.clone();
        root["title"] = json!(format!("{} (stable)", self.info.name));
        let description = root["description"].as_str().unwrap_or_default().to_owned();
        root["description"] = json!(format!(
            "{description} Stable surface: experimental methods are excluded (they need `capabilities.experimentalApi`)."
        ));
        let branches = root["oneOf"].as_array_mut().expect("unions are oneOf");
        branches.retain(|b| !branch_tag(b, tag).is_some_and(|t| experimental.contains(&t)));
        for branch in branches.iter_mut() {
            if let Some(Value::Array(known)) =
                branch.pointer_mut(&format!("/properties/{tag}/not/enum"))
            {
                known.retain(|k| !k.as_str().is_some_and(|k| experimental.contains(&k)));
            }
        }
        prune_defs(&mut root);
        Some(root)
    }

    /// The branch of the union that holds `message` (its tag is a `const` equal to the wire
    /// name), as a self-contained schema.
    pub fn message_schema(&self, message: &Message) -> Option<Value> {
        let branches = self.root.get("oneOf")?.as_array()?;
        let branch = branches
            .iter()
            .find(|b| branch_tag(b, self.info.tag) == Some(message.wire_name))?;
        let mut schema = json!({
            "$schema": DIALECT,
            "$comment": HEADER,
            "title": message.wire_name,
        });
        merge(&mut schema, branch.clone());
        schema["$defs"] = self.root["$defs"].clone();
        prune_defs(&mut schema);
        Some(schema)
    }

    /// The Rust type that carries `message` (the `$ref` of its branch, or of its `params`).
    pub fn type_name(&self, message: &Message) -> Option<String> {
        let branches = self.root.get("oneOf")?.as_array()?;
        let branch = branches
            .iter()
            .find(|b| branch_tag(b, self.info.tag) == Some(message.wire_name))?;
        let reference = branch
            .get("$ref")
            .or_else(|| branch.pointer("/properties/params/$ref"))?
            .as_str()?;
        Some(reference.rsplit('/').next()?.to_owned())
    }
}

/// Every union of the registry, with its schema.
pub fn unions() -> Vec<UnionSchema> {
    registry::unions()
        .into_iter()
        .map(UnionSchema::of)
        .collect()
}

/// The path, under `schemas/`, of the file holding one registered message: its wire name, so
/// that two messages carried by one Rust type get a file each.
pub fn message_path(union: &UnionSchema, message: &Message) -> PathBuf {
    match union.info.version {
        // Realtime: one folder per version, one file per event type, named by its `type`.
        Some(_) => PathBuf::from(format!("{}/{}.json", union.info.module, message.wire_name)),
        // App-server: one folder per namespace, one file per method (slashes make folders).
        None => PathBuf::from(format!(
            "{}/{}/{}.json",
            union.info.module,
            message.version.as_str(),
            message.wire_name
        )),
    }
}

/// The path, under `schemas/`, of the schema of the answers to the request method `message`:
/// its message file with the suffix `.result.json`, e.g.
/// `app-server/v2/thread/realtime/start.result.json`.
pub fn result_path(union: &UnionSchema, message: &Message) -> PathBuf {
    message_path(union, message).with_extension("result.json")
}

/// The self-contained schema (a whole response envelope `{"id", "result"}`) of the answers to
/// one request method.
pub fn result_schema(result: &ResultInfo) -> Value {
    let mut generator = SchemaSettings::draft2020_12().into_generator();
    let schema = (result.schema)(&mut generator);
    let defs: Map<String, Value> = generator.take_definitions(true).into_iter().collect();
    let mut root = json!({
        "$schema": DIALECT,
        "$comment": HEADER,
        "title": format!("{} result", result.method),
    });
    merge(&mut root, schema.to_value());
    root["$defs"] = Value::Object(defs);
    prune_defs(&mut root);
    root
}

/// The path, under `schemas/`, of a union's stable-surface file (see
/// [`UnionSchema::stable_root`]), e.g. `app-server/stable/ClientMessage.json`.
pub fn stable_union_path(info: &UnionInfo) -> PathBuf {
    PathBuf::from(format!("{}/stable/{}.json", info.module, info.name))
}

/// The path, under `schemas/`, of a union's file.
pub fn union_path(info: &UnionInfo) -> PathBuf {
    PathBuf::from(format!("{}/{}.json", info.module, info.name))
}

/// Every schema file and the catalog, keyed by path under `schemas/`. `ts` is the TypeScript
/// file set, for the catalog's references into it.
pub fn generate(ts: &BTreeMap<PathBuf, String>) -> BTreeMap<PathBuf, String> {
    let mut files = BTreeMap::new();
    let mut catalog = vec![];
    for union in unions() {
        let previous = files.insert(union_path(&union.info), json_text(&union.root));
        assert!(
            previous.is_none(),
            "two unions map to schemas/{}",
            union_path(&union.info).display()
        );
        let stable = union.stable_root().map(|root| {
            files.insert(stable_union_path(&union.info), json_text(&root));
            stable_union_path(&union.info)
        });
        for message in (union.info.messages)() {
            let schema = union.message_schema(&message).unwrap_or_else(|| {
                panic!(
                    "{} has no schema branch for {}",
                    union.info.name, message.wire_name
                )
            });
            let path = message_path(&union, &message);
            let previous = files.insert(path.clone(), json_text(&schema));
            assert!(
                previous.is_none(),
                "two messages map to schemas/{}",
                path.display()
            );
            let typescript = union
                .type_name(&message)
                .and_then(|name| crate::typescript::find(ts, &name, union.info.module))
                .unwrap_or_else(|| crate::typescript::union_path(&union.info));
            let results = (union.info.results)();
            let result_schema = match results.iter().find(|r| r.method == message.wire_name) {
                Some(result) => {
                    let path = result_path(&union, &message);
                    let previous = files.insert(path.clone(), json_text(&result_schema(result)));
                    assert!(
                        previous.is_none(),
                        "two result schemas map to schemas/{}",
                        path.display()
                    );
                    Some(path)
                }
                None => None,
            };
            let mut entry = json!({
                "surface": message.surface.as_str(),
                "version": message.version.as_str(),
                "direction": message.direction.as_str(),
                "kind": message.kind.as_str(),
                "wire_name": message.wire_name,
                "experimental": message.experimental,
                "legacy": message.legacy(),
                "union": union.info.name,
                "rust_type": union.type_name(&message),
                "schema": path,
                "union_schema": union_path(&union.info),
                "typescript": typescript,
            });
            if let Some(path) = result_schema {
                entry["result_schema"] = json!(path);
            }
            if let Some(path) = stable.as_ref().filter(|_| !message.experimental) {
                entry["stable_union_schema"] = json!(path);
            }
            catalog.push(entry);
        }
    }
    let catalog = json!({ "$comment": HEADER, "messages": catalog });
    files.insert(PathBuf::from("catalog.json"), json_text(&catalog));
    files
}

/// Adds the members of `from` (an object) to `into`.
fn merge(into: &mut Value, from: Value) {
    if let (Value::Object(into), Value::Object(from)) = (into, from) {
        into.extend(from);
    }
}

/// Keeps only the `$defs` that the schema reaches through `$ref`s, transitively.
fn prune_defs(schema: &mut Value) {
    let defs = schema
        .get("$defs")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let mut reached = BTreeSet::new();
    let mut pending = vec![];
    let mut body = schema.clone();
    body.as_object_mut().map(|o| o.remove("$defs"));
    collect_refs(&body, &mut pending);
    while let Some(name) = pending.pop() {
        if reached.insert(name.clone()) {
            if let Some(def) = defs.get(&name) {
                collect_refs(def, &mut pending);
            }
        }
    }
    let kept: Map<String, Value> = defs
        .into_iter()
        .filter(|(k, _)| reached.contains(k))
        .collect();
    let object = schema.as_object_mut().expect("schemas here are objects");
    if kept.is_empty() {
        object.remove("$defs");
    } else {
        object.insert("$defs".into(), Value::Object(kept));
    }
}

fn collect_refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get("$ref") {
                if let Some(name) = r.strip_prefix("#/$defs/") {
                    out.push(name.to_owned());
                }
            }
            map.values().for_each(|v| collect_refs(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}

/// Gives an integer schema the range of its Rust type (schemars states the format, `uint32`,
/// but not the maximum), so that the schema rejects the numbers the decoder rejects.
fn integer_bounds(schema: &mut schemars::Schema) {
    let Some(format) = schema.get("format").and_then(Value::as_str) else {
        return;
    };
    let (min, max): (Value, Value) = match format {
        "uint8" => (0.into(), u8::MAX.into()),
        "uint16" => (0.into(), u16::MAX.into()),
        "uint32" => (0.into(), u32::MAX.into()),
        "uint64" | "uint" => (0.into(), u64::MAX.into()),
        "int8" => (i8::MIN.into(), i8::MAX.into()),
        "int16" => (i16::MIN.into(), i16::MAX.into()),
        "int32" => (i32::MIN.into(), i32::MAX.into()),
        "int64" | "int" => (i64::MIN.into(), i64::MAX.into()),
        _ => return,
    };
    let object = schema.ensure_object();
    let tighter = |key: &str, bound: &Value, object: &Map<String, Value>| match (
        object.get(key).and_then(Value::as_f64),
        bound.as_f64(),
    ) {
        (Some(existing), Some(new)) => {
            if key == "minimum" {
                existing >= new
            } else {
                existing <= new
            }
        }
        _ => false,
    };
    if !tighter("minimum", &min, object) {
        object.insert("minimum".into(), min);
    }
    if !tighter("maximum", &max, object) {
        object.insert("maximum".into(), max);
    }
}
