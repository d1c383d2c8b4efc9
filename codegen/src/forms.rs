//! The canonical-form facts of the TypeScript runtime decoders, derived from the Rust decoder's
//! own behavior: nothing here names a type, a member or a value.
//!
//! How the Rust decoder and encoder turn an accepted form into the canonical one is written in
//! the Rust types (serde attributes, hand-written wire structs, the union macros). Rather than
//! writing those facts a second time, codegen asks the decoder. For every message of every union
//! (and every answer of a request method) it builds a minimal valid instance from the message's
//! schema, then grows it member by member and variant by variant until every named type the
//! schema can reach sits somewhere in an instance the decoder accepts. At the first place each
//! named type (a `$defs` entry or a message title) is found, it changes the value there, decodes
//! and re-encodes the whole message with the registry's decoder, and looks at the same place:
//!
//! - member alias `(p, q)`: `q` removed and its value given as `p` comes back as `q`, `p` gone;
//! - keeps null: an optional member set to `null` comes back as `null` (otherwise it is dropped);
//! - default: an optional member removed comes back with a value;
//! - value alias: a string of an enum, or the tag `const` of a union variant, comes back as
//!   another string;
//! - the tag of type-less variants: an object of a tagged union without its `type` comes back
//!   with one.
//!
//! The walk follows the schema as the TypeScript runtime follows it (`$ref` chains, the first
//! alternative of a union the value is valid against), so a fact is keyed by the name the runtime
//! looks up at that place. Everything is visited in schema and member order: the result is
//! deterministic.

use rtwire_protocol::DecodeError;
use rtwire_protocol::app_server::{Request, Response};
use rtwire_protocol::registry::{
    self, MethodVariant, Surface, Union, UnionInfo, UnionVisitor, VariantVisitor,
};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use crate::schema::{message_path, result_path};
use schema_values::{
    alternatives, escape, instances, is_catch_all, merge_branch, names_below, ref_chain, resolve,
    string_values, tag_member,
};

mod schema_values;

/// The canonical-form facts of one named type, as the TypeScript runtime's `forms` table holds
/// them (empty parts are left out of the table).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    /// `alias → canonical` member names: the alias is read when the canonical member is absent
    /// or `null`, and never emitted.
    pub member_aliases: BTreeMap<String, String>,
    /// Optional members whose `null` is kept and emitted (absent and `null` differ).
    pub keeps_null: BTreeSet<String>,
    /// `member → value`: an absent member reads as this value, which is emitted.
    pub defaults: BTreeMap<String, Value>,
    /// `alias → canonical` spellings of a string enum value or of a union tag.
    pub value_aliases: BTreeMap<String, String>,
    /// The `type` of an object of this tagged union that has none.
    pub untagged: Option<String>,
}

impl Facts {
    /// Whether no fact is known.
    pub fn is_empty(&self) -> bool {
        *self == Facts::default()
    }

    /// The facts as an entry of the runtime's `forms` table.
    pub fn to_json(&self) -> Value {
        let mut out = Map::new();
        let pairs = |m: &BTreeMap<String, String>| -> Value {
            m.iter()
                .map(|(k, v)| (k.clone(), Value::from(v.as_str())))
                .collect::<Map<_, _>>()
                .into()
        };
        if !self.member_aliases.is_empty() {
            out.insert("memberAliases".into(), pairs(&self.member_aliases));
        }
        if !self.keeps_null.is_empty() {
            out.insert(
                "keepsNull".into(),
                self.keeps_null
                    .iter()
                    .map(|m| Value::from(m.as_str()))
                    .collect(),
            );
        }
        if !self.defaults.is_empty() {
            let defaults: Map<_, _> = self.defaults.clone().into_iter().collect();
            out.insert("defaults".into(), defaults.into());
        }
        if !self.value_aliases.is_empty() {
            out.insert("valueAliases".into(), pairs(&self.value_aliases));
        }
        if let Some(tag) = &self.untagged {
            out.insert("untagged".into(), tag.as_str().into());
        }
        Value::Object(out)
    }
}

/// The facts of every named type that has one, keyed by `(module, schema name)`: the module of
/// the unions whose messages hold it (`realtime/v2`, `app-server`, …), since schema names are
/// unique within a module only.
pub type Forms = BTreeMap<(String, String), Facts>;

/// The whole table as one JSON value: `{ module: { schema name: facts } }`.
pub fn to_json(forms: &Forms) -> Value {
    let mut out = Map::new();
    for ((module, name), facts) in forms {
        let entry = out
            .entry(module.clone())
            .or_insert_with(|| Value::Object(Map::new()));
        entry[name.as_str()] = facts.to_json();
    }
    Value::Object(out)
}

/// Derives the facts from the Rust decoders, probing instances of the message schemas in
/// `schemas` (keyed by path under `schemas/`, as written). Panics on a fact found at a place the
/// runtime cannot key (a schema with no name), so that no fact is silently lost.
pub fn derive(schemas: &BTreeMap<PathBuf, String>) -> Forms {
    let decoders = Decoders::of_registry();
    let mut prober = Prober::default();
    for union in crate::schema::unions() {
        let module = union.info.module;
        let decode = decoders.union(&union.info);
        for message in (union.info.messages)() {
            let root = parse(schemas, &message_path(&union, &message));
            let wire = message.wire_name;
            let accept = move |r: &Reencoded| !r.unknown && r.wire_name.as_deref() == Some(wire);
            prober.message(module, &root, &decode, &accept);
            if union.info.surface == Surface::AppServer
                && union.info.name == "ClientMessage"
                && let Some(decode) = decoders.result(wire)
            {
                let root = parse(schemas, &result_path(&union, &message));
                prober.message(module, &root, &decode, &|_| true);
            }
        }
    }
    prober.forms.retain(|_, facts| !facts.is_empty());
    prober.forms
}

/// A message decoded by the registry's decoder and encoded again.
struct Reencoded {
    /// The `type` or `method` of the message it decoded to; a typed result names its method.
    wire_name: Option<String>,
    /// Whether it was kept as an unknown message.
    unknown: bool,
    /// The decoded value, encoded again (the canonical form).
    encoded: Value,
}

type ReencodeFn = fn(&Value) -> Result<Reencoded, DecodeError>;

/// Decodes `value` as the union `U` and encodes it again.
fn reencode<U: Union>(value: &Value) -> Result<Reencoded, DecodeError> {
    let decoded: U = rtwire_protocol::decode_value(value, U::TAG)?;
    let encoded = rtwire_protocol::encode(&decoded);
    Ok(Reencoded {
        wire_name: encoded
            .get(U::TAG)
            .and_then(Value::as_str)
            .map(str::to_owned),
        unknown: decoded.is_unknown(),
        encoded,
    })
}

/// Decodes a whole response envelope `{"id", "result"}` answering a request of `R`, the result
/// typed as `R::Result`, and encodes it again.
fn reencode_result<R: Request>(value: &Value) -> Result<Reencoded, DecodeError> {
    let response: Response = rtwire_protocol::decode_value(value, "method")?;
    let result = response.decode_result::<R>()?;
    let encoded =
        serde_json::json!({ "id": response.id, "result": rtwire_protocol::encode(&result) });
    Ok(Reencoded {
        wire_name: Some(R::METHOD.to_owned()),
        unknown: false,
        encoded,
    })
}

impl VariantVisitor for Decoders {
    fn request<R: Request>(&mut self, method: MethodVariant) {
        self.results.push((method.method, reencode_result::<R>));
    }
}
impl UnionVisitor for Decoders {
    fn visit<U: Union>(&mut self) {
        self.unions.push((UnionInfo::of::<U>(), reencode::<U>));
        U::visit_variants(self);
    }
}

/// The decoders of every union and of every request method's typed result, by their Rust types,
/// found by walking the registry.
#[derive(Default)]
struct Decoders {
    unions: Vec<(UnionInfo, ReencodeFn)>,
    results: Vec<(&'static str, ReencodeFn)>,
}

impl Decoders {
    fn of_registry() -> Self {
        let mut decoders = Decoders::default();
        registry::visit_unions(&mut decoders);
        decoders
    }

    fn union(&self, info: &UnionInfo) -> ReencodeFn {
        self.unions
            .iter()
            .find(|(u, _)| u.module == info.module && u.name == info.name)
            .map(|(_, f)| *f)
            .unwrap_or_else(|| panic!("{info:?} is not a union of the registry"))
    }

    fn result(&self, method: &str) -> Option<ReencodeFn> {
        self.results
            .iter()
            .find(|(m, _)| *m == method)
            .map(|(_, f)| *f)
    }
}

fn parse(schemas: &BTreeMap<PathBuf, String>, path: &std::path::Path) -> Value {
    let text = schemas
        .get(path)
        .unwrap_or_else(|| panic!("no schema file {}", path.display()));
    serde_json::from_str(text).expect("schemas are JSON")
}

/// A place in a message: its JSON pointer, the names along its schema's `$ref` chain, and its
/// schema with the chain followed.
struct Place {
    pointer: String,
    names: Vec<String>,
    schema: Value,
}

#[derive(Default)]
struct Prober {
    forms: Forms,
    /// `(module, name)` of the types already probed.
    probed: BTreeSet<(String, String)>,
    /// The names each definition's schema names directly, by module and name.
    refs: HashMap<(String, String), Vec<String>>,
    /// `(module, message title, pointer)` of the places without a name already probed.
    nameless: BTreeSet<(String, String, String)>,
    /// Validators of union alternatives, by module and alternative (a definition of one name
    /// is the same type in every schema of a module).
    validators: HashMap<(String, String), jsonschema::Validator>,
}

type Decode<'a> = &'a dyn Fn(&Value) -> Result<Reencoded, DecodeError>;
type Accept<'a> = &'a dyn Fn(&Reencoded) -> bool;

/// The walk of one message schema, with the decoder that reads it.
struct Probe<'a> {
    module: &'a str,
    root: &'a Value,
    decode: Decode<'a>,
    accept: Accept<'a>,
}

impl Probe<'_> {
    /// The message decoded and encoded again, if the decoder accepts it as this message.
    fn canonical(&self, value: &Value) -> Option<Value> {
        let r = (self.decode)(value).ok()?;
        (self.accept)(&r).then_some(r.encoded)
    }

    /// The canonical message with the value at `pointer` replaced by `f` of it, and the canonical
    /// value found at the same place.
    fn after(&self, base: &Value, pointer: &str, f: impl FnOnce(&mut Value)) -> Option<Value> {
        let mut changed = base.clone();
        f(changed.pointer_mut(pointer)?);
        let out = self.canonical(&changed)?;
        out.pointer(pointer).cloned()
    }
}

impl Prober {
    fn message(&mut self, module: &str, root: &Value, decode: Decode<'_>, accept: Accept<'_>) {
        let probe = Probe {
            module,
            root,
            decode,
            accept,
        };
        let title = root["title"].as_str().unwrap_or_default().to_owned();
        let body: Value = root
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(k, _)| *k != "$defs")
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect::<Map<_, _>>()
            .into();
        let tried = instances(root, root);
        let Some(first) = tried.iter().find_map(|v| probe.canonical(v)) else {
            let minimal = tried.first();
            let why = minimal.map(|v| match (probe.decode)(v) {
                Ok(r) => format!("it reads as {:?}", r.wire_name),
                Err(e) => e.to_string(),
            });
            panic!(
                "{module} `{title}`: the decoder refuses the minimal instance of its schema {minimal:?}: {why:?}"
            );
        };
        let mut reached = BTreeSet::new();
        let mut queue = std::collections::VecDeque::from([first]);
        for place in self.walk(module, root, &body, &queue[0]) {
            reached.extend(place.names);
        }
        while let Some(base) = queue.pop_front() {
            let places = self.walk(module, root, &body, &base);
            for place in &places {
                if let Some(name) = place.names.last()
                    && self.probed.insert((module.to_owned(), name.clone()))
                {
                    let facts = self.facts(&probe, &title, &base, place);
                    self.forms
                        .entry((module.to_owned(), name.clone()))
                        .or_default()
                        .merge(facts, module, name);
                } else if place.names.is_empty()
                    && self.nameless.insert((
                        module.to_owned(),
                        title.clone(),
                        place.pointer.clone(),
                    ))
                {
                    let facts = self.facts(&probe, &title, &base, place);
                    assert!(
                        facts.is_empty(),
                        "{module} `{title}`: the decoder folds the value at {} ({facts:?}), whose schema has no name the TypeScript runtime could key it by",
                        place.pointer
                    );
                }
            }
            // Grow: every absent member, every other variant, one item in every empty array.
            for place in &places {
                let refs = &mut self.refs;
                let mut new_below = |schema: &Value| {
                    names_below(module, root, schema, refs)
                        .iter()
                        .any(|n| !reached.contains(n))
                };
                for grown in grow(root, &base, place, &mut new_below) {
                    let Some(grown) = probe.canonical(&grown) else {
                        continue;
                    };
                    let new: Vec<String> = self
                        .walk(module, root, &body, &grown)
                        .into_iter()
                        .flat_map(|p| p.names)
                        .filter(|n| !reached.contains(n))
                        .collect();
                    if !new.is_empty() {
                        reached.extend(new);
                        queue.push_back(grown);
                    }
                }
            }
        }
    }

    /// The facts the decoder shows at one place of `base`, a canonical message.
    fn facts(&mut self, probe: &Probe<'_>, title: &str, base: &Value, place: &Place) -> Facts {
        let mut facts = Facts::default();
        let at = &place.pointer;
        let s = &place.schema;
        let Some(here) = base.pointer(at) else {
            return facts;
        };
        // Strings: the values of an enum, and the string constants of a union's alternatives.
        if here.is_string() {
            for value in string_values(s) {
                if let Some(Value::String(out)) =
                    probe.after(base, at, |v| *v = Value::from(value.as_str()))
                    && out != value
                {
                    facts.value_aliases.insert(value, out);
                }
            }
            return facts;
        }
        let Some(object) = here.as_object() else {
            return facts;
        };
        if let Some(alternatives) = alternatives(s) {
            // A tagged union: every tag given to this object, and this object without its tag.
            let Some(tag) = tag_member(probe.root, alternatives) else {
                return facts;
            };
            for alternative in alternatives {
                let Some(c) = resolve(probe.root, alternative)
                    .pointer(&format!("/properties/{tag}/const"))
                    .and_then(Value::as_str)
                    .map(str::to_owned)
                else {
                    continue;
                };
                let retagged = probe
                    .after(base, at, |v| v[tag.as_str()] = Value::from(c.as_str()))
                    .or_else(|| {
                        instances(probe.root, &merge_branch(s, alternative))
                            .into_iter()
                            .find_map(|fresh| probe.after(base, at, |v| *v = fresh))
                    });
                if let Some(out) = retagged
                    && let Some(spelled) = out.get(tag.as_str()).and_then(Value::as_str)
                    && spelled != c
                {
                    facts.value_aliases.insert(c, spelled.to_owned());
                }
            }
            let bare = probe.after(base, at, |v| {
                v.as_object_mut().map(|o| o.remove(tag.as_str()));
            });
            if let Some(tagged) = bare
                .as_ref()
                .and_then(|o| o.get(tag.as_str()))
                .and_then(Value::as_str)
            {
                assert_eq!(
                    tag, "type",
                    "{} `{title}`: the tag of type-less variants at {at} is on `{tag}`; the TypeScript runtime reads it on `type` only",
                    probe.module
                );
                facts.untagged = Some(tagged.to_owned());
            }
            return facts;
        }
        let Some(properties) = s.get("properties").and_then(Value::as_object) else {
            return facts;
        };
        let required: Vec<&str> = s["required"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let free = |name: &str| properties[name].get("const").is_none();
        // The object with every optional member given a value, as the decoder writes it back.
        let mut full = base.clone();
        for (name, member) in properties {
            if object.contains_key(name) || !free(name) {
                continue;
            }
            for value in instances(probe.root, member) {
                let mut grown = full.clone();
                if let Some(Value::Object(o)) = grown.pointer_mut(at) {
                    o.insert(name.clone(), value);
                }
                if let Some(out) = probe.canonical(&grown) {
                    full = out;
                    break;
                }
            }
        }
        let Some(Value::Object(filled)) = full.pointer(at).cloned() else {
            return facts;
        };
        for name in properties.keys() {
            if !free(name) || required.contains(&name.as_str()) {
                continue;
            }
            let nulled = probe.after(&full, at, |v| v[name.as_str()] = Value::Null);
            if nulled.as_ref().and_then(|o| o.get(name.as_str())) == Some(&Value::Null) {
                facts.keeps_null.insert(name.clone());
            }
            let removed = probe.after(&full, at, |v| {
                v.as_object_mut().map(|o| o.remove(name.as_str()));
            });
            if let Some(value) = removed.as_ref().and_then(|o| o.get(name.as_str())) {
                facts.defaults.insert(name.clone(), value.clone());
            }
        }
        // Member aliases: a member the decoder never writes back, given the value of one it does.
        for alias in properties.keys() {
            if filled.contains_key(alias) || !free(alias) {
                continue;
            }
            for (canonical, value) in &filled {
                if canonical == alias || !properties.contains_key(canonical) || !free(canonical) {
                    continue;
                }
                let moved = probe.after(&full, at, |v| {
                    if let Some(o) = v.as_object_mut() {
                        o.remove(canonical.as_str());
                        o.insert(alias.clone(), value.clone());
                    }
                });
                let Some(Value::Object(moved)) = moved else {
                    continue;
                };
                if moved.get(canonical) == Some(value)
                    && !moved.contains_key(alias)
                    && facts.defaults.get(canonical) != Some(value)
                {
                    let previous = facts
                        .member_aliases
                        .insert(alias.clone(), canonical.clone());
                    assert!(
                        previous.is_none(),
                        "{} `{title}`: member `{alias}` at {at} reads as more than one member",
                        probe.module
                    );
                }
            }
        }
        facts
    }

    /// Every place of `value` (a message of schema `root`), in document order.
    /// `body` is `root` without its `$defs`: places hold their schema, and definitions are read
    /// from `root` where a `$ref` names them.
    fn walk(&mut self, module: &str, root: &Value, body: &Value, value: &Value) -> Vec<Place> {
        let mut out = vec![];
        self.walk_at(module, root, body, true, value, String::new(), &mut out);
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn walk_at(
        &mut self,
        module: &str,
        root: &Value,
        schema: &Value,
        is_root: bool,
        value: &Value,
        pointer: String,
        out: &mut Vec<Place>,
    ) {
        if out.len() > 10_000 {
            return;
        }
        let mut names = vec![];
        if is_root && let Some(t) = root["title"].as_str() {
            names.push(t.to_owned());
        }
        names.extend(ref_chain(root, schema));
        let s = resolve(root, schema);
        out.push(Place {
            pointer: pointer.clone(),
            names,
            schema: s.clone(),
        });
        if let Some(alternatives) = alternatives(&s) {
            let chosen = self.choose(module, root, alternatives, value);
            if let Some(a) = chosen
                && !is_catch_all(root, a)
            {
                let merged = merge_branch(&s, a);
                self.walk_at(module, root, &merged, false, value, pointer, out);
            }
            return;
        }
        match value {
            Value::Object(members) => {
                let properties = s.get("properties").and_then(Value::as_object);
                for (key, member) in members {
                    let sub = properties
                        .and_then(|p| p.get(key))
                        .or_else(|| s.get("additionalProperties").filter(|a| a.is_object()));
                    if let Some(sub) = sub {
                        let child = format!("{pointer}/{}", escape(key));
                        self.walk_at(module, root, sub, false, member, child, out);
                    }
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let sub = match s.get("prefixItems").and_then(Value::as_array) {
                        Some(prefix) => prefix.get(i),
                        None => s.get("items").filter(|a| a.is_object()),
                    };
                    if let Some(sub) = sub {
                        let child = format!("{pointer}/{i}");
                        self.walk_at(module, root, sub, false, item, child, out);
                    }
                }
            }
            _ => {}
        }
    }

    /// The first alternative of a union that accepts `value`, as the runtime chooses it. The
    /// alternative a tag, a string constant or nullability names is taken without validating
    /// (the value is part of a message the decoder accepted, so it is that alternative's).
    fn choose<'s>(
        &mut self,
        module: &str,
        root: &Value,
        alternatives: &'s [Value],
        value: &Value,
    ) -> Option<&'s Value> {
        let is_null = |a: &Value| a.get("type") == Some(&Value::from("null"));
        let non_null: Vec<&Value> = alternatives.iter().filter(|a| !is_null(a)).collect();
        let named = match value {
            Value::Null => alternatives.iter().find(|a| is_null(a)),
            _ if non_null.len() == 1 && alternatives.len() == 2 => Some(non_null[0]),
            Value::String(text) => alternatives
                .iter()
                .find(|a| a.get("const").and_then(Value::as_str) == Some(text)),
            Value::Object(members) => tag_member(root, alternatives).and_then(|tag| {
                let found = members.get(&tag)?;
                alternatives.iter().find(|a| {
                    resolve(root, a).pointer(&format!("/properties/{}/const", escape(&tag)))
                        == Some(found)
                })
            }),
            _ => None,
        };
        if named.is_some() {
            return named;
        }
        alternatives
            .iter()
            .find(|a| self.accepts(module, root, a, value))
    }

    /// Whether `alternative` (a subschema of `root`) accepts `value`.
    fn accepts(&mut self, module: &str, root: &Value, alternative: &Value, value: &Value) -> bool {
        let key = (module.to_owned(), alternative.to_string());
        let validator = self.validators.entry(key).or_insert_with(|| {
            let mut schema = alternative.clone();
            if let Some(o) = schema.as_object_mut() {
                o.remove("$id");
                if let Some(defs) = root.get("$defs") {
                    o.insert("$defs".into(), defs.clone());
                }
            }
            jsonschema::draft202012::new(&schema).expect("emitted subschemas compile")
        });
        validator.is_valid(value)
    }
}

impl Facts {
    fn merge(&mut self, other: Facts, module: &str, name: &str) {
        self.member_aliases.extend(other.member_aliases);
        self.keeps_null.extend(other.keeps_null);
        self.defaults.extend(other.defaults);
        self.value_aliases.extend(other.value_aliases);
        if let Some(tag) = other.untagged {
            assert!(
                self.untagged.as_ref().is_none_or(|t| *t == tag),
                "{module} `{name}`: type-less objects read as two variants"
            );
            self.untagged = Some(tag);
        }
    }
}

/// Variants of `base` with one thing added at `place`: each absent member of an object (a
/// minimal value), each other alternative of a union, one item of an empty array.
/// Only what can hold a name not yet reached is added (`new_below` of its schema).
fn grow(
    root: &Value,
    base: &Value,
    place: &Place,
    new_below: &mut dyn FnMut(&Value) -> bool,
) -> Vec<Value> {
    let mut out = vec![];
    let s = &place.schema;
    let Some(here) = base.pointer(&place.pointer) else {
        return out;
    };
    let mut with = |f: &dyn Fn(&mut Value)| {
        let mut grown = base.clone();
        if let Some(v) = grown.pointer_mut(&place.pointer) {
            f(v);
            out.push(grown);
        }
    };
    if let Some(alternatives) = alternatives(s) {
        for alternative in alternatives {
            if is_catch_all(root, alternative) || !new_below(alternative) {
                continue;
            }
            for fresh in instances(root, &merge_branch(s, alternative)) {
                with(&|v| *v = fresh.clone());
            }
        }
        return out;
    }
    match here {
        Value::Object(members) => {
            for (name, member) in s
                .get("properties")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
            {
                if members.contains_key(name) || !new_below(member) {
                    continue;
                }
                for fresh in instances(root, member) {
                    with(&|v| v[name.as_str()] = fresh.clone());
                }
            }
        }
        Value::Array(items) if items.is_empty() => {
            let items = s.get("items").filter(|i| new_below(i));
            for fresh in items.map(|i| instances(root, i)).unwrap_or_default() {
                with(&|v| *v = Value::Array(vec![fresh.clone()]));
            }
        }
        _ => {}
    }
    out
}
