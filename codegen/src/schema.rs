//! JSON Schema 2020-12 files: three per union (open, closed, generators: see
//! [`crate::unions`]), one per registered message, one per request's answer, and the catalog.
//!
//! Every file is a self-contained standard 2020-12 document (see [`crate::standard`]): its
//! `$id` is [`ID_BASE`] followed by its path under `schemas/`, and every `$ref` points into its
//! own `$defs`, so a validator resolves everything offline from the file alone, and a tool that
//! loads many files tells them apart by `$id`.

use rtwire_protocol::registry::branch_tag;
use rtwire_protocol::registry::{self, Message, ResultInfo, UnionInfo};
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use crate::standard::standardize;
use crate::text::{HEADER, json_text, plain_doc};
use crate::unions::{Form, View, describe, message_title, written_out};

const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The base of every file's `$id`: `https://rtwire.invalid/schemas/` + the path under
/// `schemas/` (e.g. `https://rtwire.invalid/schemas/realtime/v2/ServerEvent.json`). The host is
/// reserved (RFC 2606: `.invalid` never resolves): an `$id` names a file of this tree and is
/// never fetched.
pub const ID_BASE: &str = "https://rtwire.invalid/schemas/";

/// The `$id` of the file at `path` under `schemas/`.
pub fn id_of(path: &std::path::Path) -> String {
    let path: Vec<_> = path
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    format!("{ID_BASE}{}", path.join("/"))
}

/// A union's schema with every definition it uses, and its messages' branches.
pub struct UnionSchema {
    /// The union, as registered.
    pub info: UnionInfo,
    /// The registry's view of the union: a `oneOf` of one branch per tag (catch-all branches
    /// included) and the `$defs` they use. The files are built from it.
    pub view: Value,
    /// The open form of the union, as written to `schemas/<module>/<Union>.json`.
    pub root: Value,
}

impl UnionSchema {
    /// Builds the schema of `info`.
    pub fn of(info: UnionInfo) -> Self {
        let mut generator = SchemaSettings::draft2020_12()
            .with_transform(schemars::transform::RecursiveTransform(integer_bounds))
            .with_transform(schemars::transform::RecursiveTransform(plain_description))
            .into_generator();
        let schema = (info.schema)(&mut generator);
        let defs: Map<String, Value> = generator.take_definitions(true).into_iter().collect();
        let mut view = schema.to_value();
        view["$defs"] = Value::Object(defs);
        standardize(&mut view);
        prune_defs(&mut view);
        let mut union = UnionSchema {
            info,
            view,
            root: Value::Null,
        };
        union.root = union.form(&union.view, Form::Open, &union_path(&info), info.name);
        union
    }

    /// The union's file in one form, built from `view` (the whole union, or its stable surface).
    pub fn form(&self, view: &Value, form: Form, path: &std::path::Path, title: &str) -> Value {
        let branches = view["oneOf"].as_array().expect("unions are oneOf");
        let empty = Map::new();
        let defs = view["$defs"].as_object().unwrap_or(&empty);
        let view_of = View {
            tag: self.info.tag,
            branches,
            defs,
        };
        let body = match form {
            Form::Open => view_of.dispatch(false),
            Form::Closed => view_of.dispatch(true),
            Form::Generators => {
                let tags: Vec<&str> = branches
                    .iter()
                    .filter_map(|b| branch_tag(b, self.info.tag))
                    .collect();
                let messages: Vec<(&str, String)> = (self.info.messages)()
                    .into_iter()
                    .filter(|m| tags.contains(&m.wire_name))
                    .map(|m| (m.wire_name, self.title(&m)))
                    .collect();
                view_of.generators(&messages)
            }
        };
        let description = view["description"].as_str().unwrap_or_default();
        let mut root = document(path, title, &describe(description, form));
        merge(&mut root, Value::Object(body));
        prune_defs(&mut root);
        root
    }

    /// The name of the definition (and the title of the file) of `message`, after its Rust
    /// type (see [`message_title`]).
    pub fn title(&self, message: &Message) -> String {
        let rust_type = self.type_name(message);
        let shared = (self.info.messages)()
            .iter()
            .filter(|m| m.wire_name != message.wire_name)
            .any(|m| self.type_name(m).is_some() && self.type_name(m) == rust_type);
        message_title(message, rust_type.as_deref(), shared)
    }

    /// The union's view for the stable surface (`app-server.md` §7): without the branches of
    /// experimental messages, which the catch-all branch of unknown notifications then covers.
    /// `None` for a union without experimental messages.
    pub fn stable_view(&self) -> Option<Value> {
        let experimental: Vec<&str> = (self.info.messages)()
            .into_iter()
            .filter(|m| m.experimental)
            .map(|m| m.wire_name)
            .collect();
        if experimental.is_empty() {
            return None;
        }
        let tag = self.info.tag;
        let mut root = self.view.clone();
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
    /// name), as a self-contained schema: its members written out, titled after its Rust type.
    pub fn message_schema(&self, message: &Message) -> Option<Value> {
        let branches = self.view.get("oneOf")?.as_array()?;
        let branch = branches
            .iter()
            .find(|b| branch_tag(b, self.info.tag) == Some(message.wire_name))?;
        let empty = Map::new();
        let defs = self.view["$defs"].as_object().unwrap_or(&empty);
        let title = self.title(message);
        let mut schema = document(&message_path(self, message), &title, "");
        schema.as_object_mut().map(|o| o.remove("description"));
        merge(&mut schema, written_out(branch, defs, &title));
        schema["$defs"] = Value::Object(defs.clone());
        prune_defs(&mut schema);
        Some(schema)
    }

    /// The Rust type that carries `message` (the `$ref` of its branch, or of its `params`).
    pub fn type_name(&self, message: &Message) -> Option<String> {
        let branches = self.view.get("oneOf")?.as_array()?;
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
    let mut generator = SchemaSettings::draft2020_12()
        .with_transform(schemars::transform::RecursiveTransform(integer_bounds))
        .with_transform(schemars::transform::RecursiveTransform(plain_description))
        .into_generator();
    let schema = (result.schema)(&mut generator);
    let defs: Map<String, Value> = generator.take_definitions(true).into_iter().collect();
    let mut root = json!({
        "$schema": DIALECT,
        "$comment": HEADER,
        "title": format!("{} result", result.method),
    });
    merge(&mut root, schema.to_value());
    root["$defs"] = Value::Object(defs);
    standardize(&mut root);
    prune_defs(&mut root);
    root
}

/// The head of a generated schema document: dialect, `$id`, header, title and description.
fn document(path: &std::path::Path, title: &str, description: &str) -> Value {
    json!({
        "$schema": DIALECT,
        "$id": id_of(path),
        "$comment": HEADER,
        "title": title,
        "description": description,
    })
}

/// The path, under `schemas/`, of a union's file in `form`; `stable` for the union of the
/// app-server stable surface (see [`UnionSchema::stable_view`]), e.g.
/// `app-server/stable/ClientMessage.closed.json`.
pub fn form_path(info: &UnionInfo, form: Form, stable: bool) -> PathBuf {
    let folder = if stable { "/stable" } else { "" };
    PathBuf::from(format!(
        "{}{folder}/{}{}.json",
        info.module,
        info.name,
        form.suffix()
    ))
}

/// The path, under `schemas/`, of a union's stable-surface file (open form).
pub fn stable_union_path(info: &UnionInfo) -> PathBuf {
    form_path(info, Form::Open, true)
}

/// The path, under `schemas/`, of a union's file (open form).
pub fn union_path(info: &UnionInfo) -> PathBuf {
    form_path(info, Form::Open, false)
}

/// Every schema file and the catalog, keyed by path under `schemas/`. `ts` is the TypeScript
/// file set, for the catalog's references into it.
pub fn generate(ts: &BTreeMap<PathBuf, String>) -> BTreeMap<PathBuf, String> {
    let mut files: BTreeMap<PathBuf, Value> = BTreeMap::new();
    let insert = |files: &mut BTreeMap<PathBuf, Value>, path: PathBuf, mut schema: Value| {
        schema["$id"] = json!(id_of(&path));
        let previous = files.insert(path.clone(), schema);
        assert!(
            previous.is_none(),
            "two schemas map to schemas/{}",
            path.display()
        );
    };
    let mut catalog = vec![];
    let mut union_entries = vec![];
    for union in unions() {
        let stable_view = union.stable_view();
        let views =
            std::iter::once((&union.view, false)).chain(stable_view.as_ref().map(|v| (v, true)));
        for (view, stable) in views {
            let mut forms = Map::new();
            for form in Form::ALL {
                let path = form_path(&union.info, form, stable);
                // Titled after the Rust type, so generators name the root class after it; the
                // stable view says what it is in its description.
                let title = union.info.name.to_owned();
                insert(
                    &mut files,
                    path.clone(),
                    union.form(view, form, &path, &title),
                );
                forms.insert(form.as_str().into(), json!(path));
            }
            union_entries.push(json!({
                "name": union.info.name,
                "surface": union.info.surface.as_str(),
                "version": union.info.version.map(|v| v.as_str()),
                "direction": union.info.direction.as_str(),
                "tag": union.info.tag,
                "stable": stable,
                "forms": forms,
            }));
        }
        let stable = stable_view.map(|_| stable_union_path(&union.info));
        for message in (union.info.messages)() {
            let schema = union.message_schema(&message).unwrap_or_else(|| {
                panic!(
                    "{} has no schema branch for {}",
                    union.info.name, message.wire_name
                )
            });
            let path = message_path(&union, &message);
            insert(&mut files, path.clone(), schema);
            let typescript = union
                .type_name(&message)
                .and_then(|name| crate::typescript::find(ts, &name, union.info.module))
                .unwrap_or_else(|| crate::typescript::union_path(&union.info));
            let results = (union.info.results)();
            let result_schema = match results.iter().find(|r| r.method == message.wire_name) {
                Some(result) => {
                    let path = result_path(&union, &message);
                    insert(&mut files, path.clone(), result_schema(result));
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
                "title": union.title(&message),
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
    let catalog = json!({
        "$comment": HEADER,
        "description": CATALOG_DESCRIPTION,
        "id_base": ID_BASE,
        "unions": union_entries,
        "messages": catalog,
    });
    let mut out: BTreeMap<PathBuf, String> = files
        .into_iter()
        .map(|(path, schema)| (path, json_text(&schema)))
        .collect();
    out.insert(PathBuf::from("catalog.json"), json_text(&catalog));
    out
}

/// What the catalog says about the files it lists.
const CATALOG_DESCRIPTION: &str = "Every file of this tree. `messages`: one entry per registered message, with its own schema, the open union that holds it and its answers' schema. `unions`: each union (and the app-server unions of the stable surface, without experimental methods) in three forms: `open` for receivers (other tags are kept as raw JSON), `closed` for strict validators (known tags and known variants only), both dispatching on the tag with if/then so that an error is about the message its tag names; `generators` for code generators (a oneOf of one named definition per message, closed). Each file's `$id` is `id_base` followed by its path here; every `$ref` is local to its file.";

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
        if reached.insert(name.clone())
            && let Some(def) = defs.get(&name)
        {
            collect_refs(def, &mut pending);
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
            if let Some(Value::String(r)) = map.get("$ref")
                && let Some(name) = r.strip_prefix("#/$defs/")
            {
                out.push(name.to_owned());
            }
            map.values().for_each(|v| collect_refs(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}

/// Publishes a schema's `description` (a doc comment) as plain text: see [`plain_doc`].
fn plain_description(schema: &mut schemars::Schema) {
    if let Some(Value::String(description)) = schema.get_mut("description") {
        *description = plain_doc(description);
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
        // A signed 64-bit member is a JavaScript number: its decoder refuses what lies outside
        // the safe range (`rtwire_protocol::integer`).
        "int64" | "int" => (
            (-rtwire_protocol::integer::MAX_SAFE).into(),
            rtwire_protocol::integer::MAX_SAFE.into(),
        ),
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
