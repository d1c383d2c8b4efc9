//! The three forms of every union file, built from the registry's view of the union (a `oneOf`
//! of one branch per tag, catch-all branches included):
//!
//! * **open** (`<Union>.json`), for receivers: dispatches on the tag with `if`/`then` and keeps
//!   every message whose tag it does not know (the catch-all). A known tag is checked against its
//!   message only, so an error is about that message (every `if` is still evaluated: see
//!   BENCHMARKS.md for what that costs).
//! * **closed** (`<Union>.closed.json`), for strict validators: the same dispatch, but the tag
//!   must be a known one, and nested unions (items, content parts, tools…) lose their catch-all
//!   branches too. An unknown tag fails on the tag itself.
//! * **generators** (`<Union>.generators.json`), for code generators (json-schema-to-typescript,
//!   datamodel-code-generator…): the closed union as a `oneOf` of one `$ref` per message, each to
//!   a definition named after the message's Rust type whose members are all written out, with
//!   the tag as a `const`. It accepts what the closed form accepts, less the input aliases of
//!   tags; validating against it tries every branch.

use rtwire_protocol::registry::branch_tag;
use rtwire_protocol::registry::{Message, Surface};
use serde_json::{Map, Value, json};

/// One form of a union file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Known messages dispatched on the tag; other tags kept.
    Open,
    /// Known messages dispatched on the tag; other tags and unknown nested variants refused.
    Closed,
    /// Known messages as a `oneOf` of named definitions, nested unions closed.
    Generators,
}

impl Form {
    /// Every form, in file order.
    pub const ALL: [Form; 3] = [Form::Open, Form::Closed, Form::Generators];

    /// Its name in the catalog: `open`, `closed` or `generators`.
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Open => "open",
            Form::Closed => "closed",
            Form::Generators => "generators",
        }
    }

    /// The suffix of its file name before `.json`: none, `.closed` or `.generators`.
    pub fn suffix(self) -> &'static str {
        match self {
            Form::Open => "",
            Form::Closed => ".closed",
            Form::Generators => ".generators",
        }
    }

    fn sentence(self) -> &'static str {
        match self {
            Form::Open => {
                "Open form, for receivers: a message is checked against the message its tag names; a message with another tag is kept as raw JSON."
            }
            Form::Closed => {
                "Closed form, for strict validators: a message is checked against the message its tag names; another tag, or an unknown variant of a nested union, is refused."
            }
            Form::Generators => {
                "Closed form for code generators: one branch per known message, each a named definition with its tag as a constant; another tag, an input alias of a tag, or an unknown variant of a nested union is refused."
            }
        }
    }
}

/// The name of the definition of `message`, after its Rust type: the payload type when it
/// carries only this message in its union (`ResponseOutputAudioDelta`), else the union variant
/// (`SessionCreated`, for `session.created` and `session.updated` sharing `SessionEvent`); for an
/// app-server message, the type that implements the method (`ThreadRealtimeStart`).
pub fn message_title(message: &Message, rust_type: Option<&str>, shared: bool) -> String {
    match (message.surface, rust_type) {
        (Surface::Realtime, Some(name)) if !shared => name.to_owned(),
        (Surface::AppServer, Some(name)) => {
            let name = name.strip_suffix("Params").unwrap_or(name);
            name.strip_suffix("Notification").unwrap_or(name).to_owned()
        }
        _ => pascal_case(message.wire_name),
    }
}

/// `session.created` → `SessionCreated`, `thread/realtime/start` → `ThreadRealtimeStart`.
fn pascal_case(name: &str) -> String {
    name.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// Whether `branch` is a catch-all: a tag that is any string but the known ones, or a value
/// without a string tag kept as raw JSON (only a `not` and annotations).
pub fn is_catch_all(branch: &Value) -> bool {
    let Some(map) = branch.as_object() else {
        return false;
    };
    let tag_is_other = map
        .get("properties")
        .and_then(Value::as_object)
        .is_some_and(|p| {
            p.values()
                .any(|s| s.pointer("/not/enum").is_some() && s.get("const").is_none())
        });
    let raw_untagged = map.contains_key("not")
        && map
            .keys()
            .all(|k| matches!(k.as_str(), "not" | "description" | "title"));
    tag_is_other || raw_untagged
}

/// Whether `branch` accepts any object, kept as raw JSON: only `"type": "object"` and
/// annotations.
fn is_raw_object(branch: &Value) -> bool {
    branch.as_object().is_some_and(|map| {
        map.get("type") == Some(&Value::from("object"))
            && map
                .keys()
                .all(|k| matches!(k.as_str(), "type" | "description" | "title"))
    })
}

/// Removes the catch-all branches of every nested `oneOf` in `defs` (a closed form refuses
/// unknown variants). A union left with one branch keeps it.
pub fn close_nested(defs: &mut Map<String, Value>) {
    defs.values_mut().for_each(close_in);
}

fn close_in(node: &mut Value) {
    match node {
        Value::Object(map) => {
            if let Some(Value::Array(branches)) = map.get_mut("oneOf")
                && branches.iter().any(is_catch_all)
                && branches.len() > 1
            {
                branches.retain(|b| !is_catch_all(b));
            }
            // A known variant or any other object kept as raw JSON (a conversation item that
            // does not decode as a known item): the closed form keeps the known variants.
            if let Some(Value::Array(branches)) = map.get_mut("anyOf") {
                let has_known = branches.iter().any(|b| b.get("$ref").is_some());
                if has_known && branches.iter().any(is_raw_object) {
                    branches.retain(|b| !is_raw_object(b));
                }
            }
            map.values_mut().for_each(close_in);
        }
        Value::Array(items) => items.iter_mut().for_each(close_in),
        _ => {}
    }
}

/// A union's view, as the registry gives it: `oneOf` branches (tagged, catch-all, untagged
/// answers) and `$defs`.
pub struct View<'a> {
    /// The tag member: `type` or `method`.
    pub tag: &'a str,
    /// The `oneOf` branches.
    pub branches: &'a [Value],
    /// The definitions.
    pub defs: &'a Map<String, Value>,
}

impl View<'_> {
    fn tagged(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.branches
            .iter()
            .filter_map(|b| branch_tag(b, self.tag).map(|t| (t, b)))
    }

    fn untagged(&self) -> impl Iterator<Item = &Value> {
        self.branches
            .iter()
            .filter(|b| branch_tag(b, self.tag).is_none())
    }

    /// The dispatch form (open or closed): a balanced tree of `if` (tag in the first half of
    /// the known tags) `then` (the first half's tree) `else` (the second half's), whose leaves
    /// are `$ref`s to one definition per tag (`<Tag>Message`: `ResponseOutputAudioDeltaMessage`
    /// for `response.output_audio.delta`) holding the message of that tag, tag included; and the tag (or, for app-server unions,
    /// the answers without a tag) in an `anyOf` of what may be sent.
    ///
    /// A message is checked against about log2(tags) `if`s and its own message only. A leaf is
    /// a definition of its own (not the payload's `$ref` itself) so that validators that
    /// compile a schema into code (Ajv) compile each message once, as a function of its own,
    /// instead of inlining every message into one function too large to be optimized.
    pub fn dispatch(&self, closed: bool) -> Map<String, Value> {
        let tag = self.tag;
        let known: Vec<&str> = self.tagged().map(|(t, _)| t).collect();
        let mut defs = self.defs.clone();
        let mut leaves = vec![];
        for (t, branch) in self.tagged() {
            let name = format!("{}Message", pascal_case(t));
            // The whole branch, tag included: a definition of a `$ref` alone is looked through
            // by Ajv, which would inline the payload again.
            let mut leaf = branch.as_object().cloned().unwrap_or_default();
            leaf.insert(
                "description".into(),
                json!(format!("The message whose `{tag}` is `{t}`.")),
            );
            let leaf = Value::Object(leaf);
            let previous = defs.insert(name.clone(), leaf);
            assert!(
                previous.is_none(),
                "the dispatch definition {name} of `{t}` clashes with another definition"
            );
            leaves.push((t, name));
        }
        let known_branch = json!({
            "description": "A message of a known tag: checked by the dispatch above.",
            "properties": { tag: { "enum": known } },
            "required": [tag],
        });
        let mut kinds = vec![known_branch];
        for branch in self.untagged() {
            if is_catch_all(branch) {
                if closed {
                    continue;
                }
                let mut open = branch.clone();
                if let Some(schema) = open.pointer_mut(&format!("/properties/{tag}")) {
                    *schema = json!({ "type": "string" });
                }
                kinds.push(open);
            } else {
                kinds.push(branch.clone());
            }
        }
        let mut out = Map::new();
        out.insert("type".into(), json!("object"));
        let plain_catch_all =
            json!({ "properties": { tag: { "type": "string" } }, "required": [tag] });
        let only_tagged = kinds.len() == 1
            || (kinds.len() == 2 && without_annotations(&kinds[1]) == plain_catch_all);
        if only_tagged {
            // Only tagged messages: the tag is required, a known string (closed) or any string
            // (open).
            let schema = if closed {
                json!({ "enum": known })
            } else {
                json!({ "type": "string" })
            };
            out.insert("properties".into(), json!({ tag: schema }));
            out.insert("required".into(), json!([tag]));
        } else {
            out.insert("anyOf".into(), Value::Array(kinds));
        }
        // Only a closed union of tagged messages reaches the tree with a known tag for sure;
        // otherwise the last leaf (where an unknown tag or an untagged answer ends up) checks
        // its tag before its message.
        let guarded = true;
        if !leaves.is_empty() {
            out.insert(
                "allOf".into(),
                json!([dispatch_tree(tag, &leaves, guarded)]),
            );
        }
        if closed {
            close_nested(&mut defs);
        }
        out.insert("$defs".into(), Value::Object(defs));
        out
    }

    /// The generators form: `oneOf` of a `$ref` per message (`messages`: wire name and
    /// definition name) to its written-out definition, then the untagged answers.
    pub fn generators(&self, messages: &[(&str, String)]) -> Map<String, Value> {
        let mut defs = self.defs.clone();
        let mut bodies = vec![];
        for (wire_name, title) in messages {
            let branch = self
                .tagged()
                .find(|(t, _)| t == wire_name)
                .map(|(_, b)| b)
                .unwrap_or_else(|| panic!("no branch for {wire_name}"));
            bodies.push((title.clone(), written_out(branch, self.defs, title)));
        }
        let mut branches: Vec<Value> = vec![];
        let mut names = vec![];
        for (title, _) in &bodies {
            let mut name = title.clone();
            // A payload type of the same name stays a definition of its own when something else
            // uses it; the message then takes a suffix.
            if defs.contains_key(&name) && used_elsewhere(&name, &bodies, &defs) {
                name.push_str("Message");
            }
            names.push(name.clone());
            branches.push(json!({ "$ref": format!("#/$defs/{name}") }));
        }
        for (name, (_, body)) in names.into_iter().zip(bodies) {
            defs.insert(name, body);
        }
        // The untagged answers (JSON-RPC responses) become definitions named by their `title`
        // (the Rust type), so a generator names their classes too.
        for answer in self.untagged().filter(|b| !is_catch_all(b)) {
            let Some(name) = answer.get("title").and_then(Value::as_str) else {
                branches.push(answer.clone());
                continue;
            };
            assert!(!defs.contains_key(name), "definition {name} exists twice");
            defs.insert(name.to_owned(), answer.clone());
            branches.push(json!({ "$ref": format!("#/$defs/{name}") }));
        }
        close_nested(&mut defs);
        let mut out = Map::new();
        out.insert("oneOf".into(), Value::Array(branches));
        out.insert("$defs".into(), Value::Object(defs));
        out
    }
}

/// The dispatch over `leaves` (tag, definition name), in their order: one leaf is a `$ref` to
/// its definition, behind an `if` on its tag when `guarded` (the value may carry another tag,
/// or none); more are split in two halves, `if` the tag is one of the first half's `then` the
/// first half's tree `else` the second's, so a value meets about log2(leaves) `if`s.
pub fn dispatch_tree(tag: &str, leaves: &[(&str, String)], guarded: bool) -> Value {
    if let [(t, name)] = leaves {
        let leaf = json!({ "$ref": format!("#/$defs/{name}") });
        return if guarded {
            json!({ "if": tag_in(tag, &[t]), "then": leaf })
        } else {
            leaf
        };
    }
    let (first, second) = leaves.split_at(leaves.len().div_ceil(2));
    let first_tags: Vec<&str> = first.iter().map(|(t, _)| *t).collect();
    json!({
        "if": tag_in(tag, &first_tags),
        "then": dispatch_tree(tag, first, false),
        "else": dispatch_tree(tag, second, guarded),
    })
}

/// "The value is an object whose `tag` is one of `tags`."
fn tag_in(tag: &str, tags: &[&str]) -> Value {
    let schema = match tags {
        [one] => json!({ "const": one }),
        _ => json!({ "enum": tags }),
    };
    json!({ "type": "object", "properties": { tag: schema }, "required": [tag] })
}

/// `schema` without annotations and without `type: "object"`.
fn without_annotations(schema: &Value) -> Value {
    let mut map = schema.as_object().cloned().unwrap_or_default();
    for key in ["description", "title", "$comment"] {
        map.remove(key);
    }
    if map.get("type") == Some(&json!("object")) {
        map.remove("type");
    }
    Value::Object(map)
}

/// Whether a definition is used by anything but the written-out message bodies' former
/// `$ref`s (that is: by another definition or by a message body's members).
fn used_elsewhere(name: &str, bodies: &[(String, Value)], defs: &Map<String, Value>) -> bool {
    let target = format!("#/$defs/{name}");
    let mut uses = false;
    let mut visit = |v: &Value| uses |= mentions(v, &target);
    defs.iter()
        .filter(|(k, _)| *k != name)
        .for_each(|(_, v)| visit(v));
    bodies.iter().for_each(|(_, b)| visit(b));
    uses
}

fn mentions(value: &Value, target: &str) -> bool {
    match value {
        Value::Object(map) => {
            map.get("$ref").and_then(Value::as_str) == Some(target)
                || map.values().any(|v| mentions(v, target))
        }
        Value::Array(items) => items.iter().any(|v| mentions(v, target)),
        _ => false,
    }
}

/// A tagged branch with its payload's members written out (no `$ref` beside sibling members,
/// which generators read as "only the siblings"), titled `title`.
pub fn written_out(branch: &Value, defs: &Map<String, Value>, title: &str) -> Value {
    let mut out = branch.as_object().cloned().unwrap_or_default();
    let payload = out
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/$defs/"))
        .and_then(|name| defs.get(name))
        .and_then(Value::as_object)
        .filter(|def| {
            // A payload that is itself a union cannot be written out; a constraint beside its
            // members (`anyOf` of required members) moves with them unless the branch has one.
            let blocked = ["oneOf", "allOf", "not", "if", "$ref"]
                .iter()
                .any(|k| def.contains_key(*k) || (*k != "$ref" && out.contains_key(*k)));
            let both_any_of = def.contains_key("anyOf") && out.contains_key("anyOf");
            !blocked && !both_any_of
        })
        .cloned();
    if let Some(mut payload) = payload {
        out.remove("$ref");
        let branch_properties = out
            .remove("properties")
            .and_then(|p| p.as_object().cloned())
            .unwrap_or_default();
        let mut properties = payload
            .remove("properties")
            .and_then(|p| p.as_object().cloned())
            .unwrap_or_default();
        properties.extend(branch_properties);
        let mut required: Vec<Value> = payload
            .remove("required")
            .and_then(|r| r.as_array().cloned())
            .unwrap_or_default();
        for r in out
            .remove("required")
            .and_then(|r| r.as_array().cloned())
            .unwrap_or_default()
        {
            if !required.contains(&r) {
                required.push(r);
            }
        }
        // The branch's own description (if any) wins over the payload type's.
        for (k, v) in payload {
            out.entry(k).or_insert(v);
        }
        out.insert("properties".into(), Value::Object(properties));
        out.insert("required".into(), Value::Array(required));
        out.insert("type".into(), json!("object"));
        // Generators read an `anyOf` beside members as "one of these shapes" and drop the
        // members; the same constraint as `if`/`else` (anyOf [a, b] = if a, else b) keeps them.
        let chain = out
            .get("anyOf")
            .and_then(Value::as_array)
            .and_then(|alternatives| if_else_chain(alternatives));
        if let Some(chain) = chain {
            out.remove("anyOf");
            out.extend(chain);
        }
    }
    out.insert("title".into(), json!(title));
    Value::Object(out)
}

/// `anyOf: [a, b, c…]` as `if: a, else: {if: b, else: c…}`: the same accepted set.
fn if_else_chain(alternatives: &[Value]) -> Option<Map<String, Value>> {
    if alternatives.len() < 2 {
        return None;
    }
    let (last, rest) = alternatives.split_last()?;
    let mut tail = last.as_object()?.clone();
    for alternative in rest.iter().rev() {
        let mut node = Map::new();
        node.insert("if".into(), alternative.clone());
        node.insert("else".into(), Value::Object(tail));
        tail = node;
    }
    Some(tail)
}

/// The sentence a union form's description ends with.
pub fn describe(description: &str, form: Form) -> String {
    let description = description.trim();
    if description.is_empty() {
        form.sentence().to_owned()
    } else {
        format!("{description} {}", form.sentence())
    }
}
