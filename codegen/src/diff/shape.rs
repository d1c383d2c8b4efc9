//! Reading the schemas schemars emits as shapes: `$ref`s resolved, annotations dropped,
//! `null` split off, tagged unions, open enums and untagged alternatives recognised.

use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// Keywords that do not change the accepted set.
const ANNOTATIONS: &[&str] = &[
    "description",
    "title",
    "$schema",
    "$comment",
    "$defs",
    "examples",
    "default",
    "deprecated",
    "readOnly",
    "writeOnly",
    "$id",
];

/// How deep `$ref` chains and generated instances may go.
pub const MAX_DEPTH: usize = 24;

/// A self-contained schema document (a message or union file): the root of its `$defs`.
#[derive(Clone, Copy)]
pub struct Doc<'a> {
    /// The whole document.
    pub root: &'a Value,
}

/// A node with its `$ref` (and `allOf`) merged in and annotations dropped.
#[derive(Debug, Clone, PartialEq)]
pub struct Flat {
    /// The keywords; empty means "anything".
    pub map: Map<String, Value>,
    /// The node is `false`.
    pub never: bool,
    /// The definition the node's `$ref` pointed at, if any.
    pub def: Option<String>,
}

/// What a node accepts, classified.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// Any value.
    Any,
    /// No value.
    Never,
    /// Only `null` (then `nullable` is false).
    Null,
    /// A set of values (`enum`, `const`, or an `anyOf` of `const`s); `open` when a free-string
    /// branch keeps other values.
    Enum {
        /// The known values.
        values: Vec<Value>,
        /// Any other string is accepted too.
        open: bool,
    },
    /// A `oneOf`/`anyOf` of objects told apart by the `const` of one member.
    Union {
        /// The member that carries the tag.
        tag: String,
        /// Tag value → flattened branch (an object schema).
        variants: BTreeMap<String, Value>,
        /// A catch-all branch accepts other tags.
        open: bool,
    },
    /// An untagged `anyOf`/`oneOf`: the flattened branches.
    Alts(Vec<Value>),
    /// One or more JSON types with their keywords.
    Typed {
        /// `object`, `array`, `string`, `integer`, `number`, `boolean`.
        types: BTreeSet<String>,
        /// The flattened keywords.
        node: Map<String, Value>,
    },
}

/// A classified node.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    /// `null` is accepted besides the body.
    pub nullable: bool,
    /// What else is accepted.
    pub body: Body,
    /// The definition reached through `$ref`, if any.
    pub def: Option<String>,
}

impl<'a> Doc<'a> {
    /// The definition `name` of `$defs`.
    pub fn def(&self, name: &str) -> Option<&'a Value> {
        self.root.get("$defs")?.get(name)
    }

    fn target(&self, reference: &str) -> Option<(&'a Value, Option<String>)> {
        if reference == "#" {
            return Some((self.root, None));
        }
        let name = reference.strip_prefix("#/$defs/")?;
        Some((self.def(name)?, Some(name.to_owned())))
    }

    /// Merges `$ref` and `allOf` into one keyword map.
    pub fn flatten(&self, node: &Value) -> Flat {
        self.flatten_depth(node, 0)
    }

    fn flatten_depth(&self, node: &Value, depth: usize) -> Flat {
        let map = match node {
            Value::Bool(true) => {
                return Flat {
                    map: Map::new(),
                    never: false,
                    def: None,
                };
            }
            Value::Bool(false) => {
                return Flat {
                    map: Map::new(),
                    never: true,
                    def: None,
                };
            }
            Value::Object(map) => map,
            _ => {
                return Flat {
                    map: Map::new(),
                    never: false,
                    def: None,
                };
            }
        };
        let mut own: Map<String, Value> = map
            .iter()
            .filter(|(k, _)| !ANNOTATIONS.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let mut out = Flat {
            map: Map::new(),
            never: false,
            def: None,
        };
        let reference = own.remove("$ref");
        let target = reference
            .as_ref()
            .and_then(Value::as_str)
            .filter(|_| depth < MAX_DEPTH)
            .and_then(|r| self.target(r));
        if let Some((target, def)) = target {
            out = self.flatten_depth(target, depth + 1);
            out.def = def.or(out.def);
        }
        if let Some(Value::Array(parts)) = own.remove("allOf") {
            for part in parts {
                let part = self.flatten_depth(&part, depth + 1);
                out.never |= part.never;
                merge(&mut out.map, part.map);
                out.def = out.def.or(part.def);
            }
        }
        merge(&mut out.map, own);
        normalize(&mut out.map);
        out
    }

    /// Classifies a node.
    pub fn shape(&self, node: &Value) -> Shape {
        let flat = self.flatten(node);
        let def = flat.def.clone();
        if flat.never {
            return Shape {
                nullable: false,
                body: Body::Never,
                def,
            };
        }
        let mut shape = self.classify(flat.map);
        shape.def = shape.def.or(def);
        shape
    }

    fn classify(&self, mut map: Map<String, Value>) -> Shape {
        let plain = |body| Shape {
            nullable: false,
            body,
            def: None,
        };
        if let Some(c) = map.remove("const") {
            return split_null(vec![c]);
        }
        if let Some(Value::Array(values)) = map.remove("enum") {
            return split_null(values);
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(Value::Array(branches)) = map.get(key).cloned() {
                let mut nullable = false;
                let mut flats = vec![];
                for branch in &branches {
                    let flat = self.flatten(branch);
                    if flat.never {
                        continue;
                    }
                    if flat.map.len() == 1
                        && flat.map.get("type") == Some(&Value::String("null".into()))
                    {
                        nullable = true;
                        continue;
                    }
                    flats.push(flat);
                }
                if flats.len() == 1 {
                    let flat = flats.pop().expect("one branch");
                    let mut shape = self.classify(flat.map);
                    shape.def = shape.def.or(flat.def);
                    shape.nullable |= nullable;
                    return shape;
                }
                let maps: Vec<Map<String, Value>> = flats.into_iter().map(|f| f.map).collect();
                let body = if let Some(body) = open_enum(&maps) {
                    body
                } else if let Some(body) = tagged_union(&maps) {
                    body
                } else {
                    Body::Alts(maps.into_iter().map(Value::Object).collect())
                };
                return Shape {
                    nullable,
                    body,
                    def: None,
                };
            }
        }
        let mut types: BTreeSet<String> = match map.get("type") {
            Some(Value::String(t)) => BTreeSet::from([t.clone()]),
            Some(Value::Array(ts)) => ts
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect(),
            _ => BTreeSet::new(),
        };
        let nullable = types.remove("null");
        if types.is_empty() {
            if nullable {
                return plain(Body::Null);
            }
            if map.contains_key("properties")
                || map.contains_key("required")
                || map.contains_key("additionalProperties")
            {
                types.insert("object".into());
            } else if map.contains_key("items") {
                types.insert("array".into());
            } else {
                return plain(Body::Any);
            }
        }
        Shape {
            nullable,
            body: Body::Typed { types, node: map },
            def: None,
        }
    }

    /// The node with every `$ref` resolved and annotations dropped: two nodes with equal
    /// canonical forms accept the same values. A definition met again inside itself stays a
    /// `$ref` (so recursive definitions have a finite form).
    pub fn canonical(&self, node: &Value) -> Value {
        self.canonical_in(node, &mut vec![])
    }

    fn canonical_in(&self, node: &Value, stack: &mut Vec<String>) -> Value {
        let reference = node
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("#/$defs/"));
        if let Some(name) =
            reference.filter(|name| stack.iter().any(|s| s == name) || stack.len() >= MAX_DEPTH)
        {
            return serde_json::json!({ "$ref": name });
        }
        let flat = self.flatten(node);
        if flat.never {
            return Value::Bool(false);
        }
        let pushed = flat.def.clone().map(|d| stack.push(d)).is_some();
        let mut out = Map::new();
        for (k, v) in flat.map {
            // A numeric format (`uint32`…) is an annotation: the bounds carry the range.
            if k == "format" && v.as_str().is_some_and(is_numeric_format) {
                continue;
            }
            let v = match k.as_str() {
                "properties" => Value::Object(
                    v.as_object()
                        .into_iter()
                        .flatten()
                        .map(|(p, s)| (p.clone(), self.canonical_in(s, stack)))
                        .collect(),
                ),
                "items" | "additionalProperties" | "not" => self.canonical_in(&v, stack),
                "anyOf" | "oneOf" | "prefixItems" => Value::Array(
                    v.as_array()
                        .into_iter()
                        .flatten()
                        .map(|s| self.canonical_in(s, stack))
                        .collect(),
                ),
                "required" | "enum" | "type" => match v {
                    Value::Array(mut items) => {
                        items.sort_by_key(|a| a.to_string());
                        Value::Array(items)
                    }
                    other => other,
                },
                _ => v,
            };
            out.insert(k, v);
        }
        if pushed {
            stack.pop();
        }
        Value::Object(out)
    }
}

fn merge(into: &mut Map<String, Value>, from: Map<String, Value>) {
    for (k, v) in from {
        match (k.as_str(), into.get_mut(&k), v) {
            ("properties", Some(Value::Object(have)), Value::Object(more)) => have.extend(more),
            ("required", Some(Value::Array(have)), Value::Array(more)) => {
                for r in more {
                    if !have.contains(&r) {
                        have.push(r);
                    }
                }
            }
            (_, _, v) => {
                into.insert(k, v);
            }
        }
    }
}

fn split_null(values: Vec<Value>) -> Shape {
    let nullable = values.contains(&Value::Null);
    let values: Vec<Value> = values.into_iter().filter(|v| !v.is_null()).collect();
    let body = if values.is_empty() {
        Body::Null
    } else {
        Body::Enum {
            values,
            open: false,
        }
    };
    Shape {
        nullable: nullable && !matches!(body, Body::Null),
        body,
        def: None,
    }
}

/// Whether a branch is a bare `{"type": "string"}`.
pub fn is_free_string(map: &Map<String, Value>) -> bool {
    map.len() == 1 && map.get("type") == Some(&Value::String("string".into()))
}

/// The values of a branch that only allows constants (`const` or `enum`, optionally typed).
fn constants(map: &Map<String, Value>) -> Option<Vec<Value>> {
    let values = if let Some(c) = map.get("const") {
        vec![c.clone()]
    } else {
        map.get("enum")?.as_array()?.clone()
    };
    map.keys()
        .all(|k| matches!(k.as_str(), "const" | "enum" | "type"))
        .then_some(values)
}

fn open_enum(branches: &[Map<String, Value>]) -> Option<Body> {
    let mut values = vec![];
    let mut open = false;
    for branch in branches {
        if is_free_string(branch) {
            open = true;
        } else {
            values.extend(constants(branch)?);
        }
    }
    (!values.is_empty()).then_some(Body::Enum { values, open })
}

/// The tag member of a union branch that is a catch-all (its tag has a `not`).
pub fn catch_all_tag(branch: &Map<String, Value>) -> Option<String> {
    branch
        .get("properties")?
        .as_object()?
        .iter()
        .find(|(_, s)| s.get("not").is_some())
        .map(|(k, _)| k.clone())
}

fn branch_const(branch: &Map<String, Value>, tag: &str) -> Option<String> {
    Some(
        branch
            .get("properties")?
            .get(tag)?
            .get("const")?
            .as_str()?
            .to_owned(),
    )
}

fn tagged_union(branches: &[Map<String, Value>]) -> Option<Body> {
    let first = branches.iter().find(|b| catch_all_tag(b).is_none())?;
    let candidates: Vec<String> = first
        .get("properties")?
        .as_object()?
        .iter()
        .filter(|(_, s)| s.get("const").is_some())
        .map(|(k, _)| k.clone())
        .collect();
    'tags: for tag in candidates {
        let mut variants = BTreeMap::new();
        let mut open = false;
        for branch in branches {
            if catch_all_tag(branch).as_deref() == Some(tag.as_str()) {
                open = true;
                continue;
            }
            match branch_const(branch, &tag) {
                Some(value) if !variants.contains_key(&value) => {
                    variants.insert(value, Value::Object(branch.clone()));
                }
                _ => continue 'tags,
            }
        }
        return Some(Body::Union {
            tag,
            variants,
            open,
        });
    }
    None
}

/// The schema with every catch-all branch removed: what it *understands*, as opposed to what
/// it keeps as unknown.
pub fn understood(schema: &Value) -> Value {
    match schema {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let v = match (k.as_str(), v) {
                        ("anyOf" | "oneOf", Value::Array(branches)) => {
                            let typed = |b: &Value| b.as_object().map(strip).unwrap_or_default();
                            let has_consts =
                                branches.iter().any(|b| constants(&typed(b)).is_some());
                            let kept: Vec<Value> = branches
                                .iter()
                                .filter(|b| {
                                    let m = typed(b);
                                    !(catch_all_tag(&m).is_some()
                                        || (has_consts && is_free_string(&m)))
                                })
                                .map(understood)
                                .collect();
                            Value::Array(kept)
                        }
                        _ => understood(v),
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(understood).collect()),
        other => other.clone(),
    }
}

fn strip(map: &Map<String, Value>) -> Map<String, Value> {
    map.iter()
        .filter(|(k, _)| !ANNOTATIONS.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// Writes the standard-JSON-Schema spellings that `cargo codegen` emits (see
/// `crate::standard` and `crate::unions`) as the spellings of earlier layouts, so that two
/// layouts of the same accepted set compare equal:
///
/// * `if: a, else: b` (no `then`) is `anyOf: [a, b]`;
/// * `not: {type: "null"}` alone is `type: [every type but null]`;
/// * inside a `not`, `type: "object"` beside only member tests, and `properties` entries that
///   are `true`, are dropped (the schemas holding such a `not` are objects already).
fn normalize(map: &mut Map<String, Value>) {
    if map.contains_key("if")
        && map.contains_key("else")
        && !map.contains_key("then")
        && !map.contains_key("anyOf")
    {
        let first = map.remove("if").expect("checked");
        let second = map.remove("else").expect("checked");
        let mut alternatives = vec![first];
        match second {
            Value::Object(mut rest)
                if rest.contains_key("if") && rest.contains_key("else") && rest.len() == 2 =>
            {
                normalize(&mut rest);
                match rest.remove("anyOf") {
                    Some(Value::Array(more)) => alternatives.extend(more),
                    _ => alternatives.push(Value::Object(rest)),
                }
            }
            other => alternatives.push(other),
        }
        map.insert("anyOf".into(), Value::Array(alternatives));
    }
    if map.get("not") == Some(&serde_json::json!({ "type": "null" })) && !map.contains_key("type") {
        map.remove("not");
        map.insert(
            "type".into(),
            serde_json::json!(["array", "boolean", "number", "object", "string"]),
        );
    }
    if let Some(Value::Object(not)) = map.get_mut("not") {
        strip_object_test(not);
        if let Some(Value::Array(alternatives)) = not.get_mut("anyOf") {
            for alternative in alternatives.iter_mut() {
                if let Value::Object(alternative) = alternative {
                    strip_object_test(alternative);
                }
            }
        }
    }
}

fn strip_object_test(map: &mut Map<String, Value>) {
    if let Some(Value::Object(properties)) = map.get_mut("properties") {
        properties.retain(|_, v| *v != Value::Bool(true));
        if properties.is_empty() {
            map.remove("properties");
        }
    }
    let member_tests_only = map
        .keys()
        .all(|k| matches!(k.as_str(), "type" | "required" | "properties"));
    if member_tests_only && map.get("type") == Some(&Value::String("object".into())) {
        map.remove("type");
    }
}

/// Whether `format` is one of the numeric formats schemars emitted for Rust numbers (an
/// annotation no standard vocabulary defines).
pub fn is_numeric_format(format: &str) -> bool {
    let digits = format.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let head = &format[..format.len() - digits.len()];
    matches!(head, "int" | "uint") && digits.chars().all(|c| c.is_ascii_digit())
        || matches!(format, "float" | "double")
}
