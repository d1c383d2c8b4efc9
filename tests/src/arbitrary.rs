//! Property strategies generated from the emitted JSON Schemas.
//!
//! [`strategy`] turns a self-contained schema (as codegen emits it: `$ref` into `$defs`,
//! `oneOf`/`anyOf`, `const`, `enum`, `type` lists with `null`, `properties`/`required`,
//! `items`, `additionalProperties`, numeric bounds, `pattern`, `not: {enum}` for open tags) into
//! a proptest strategy of JSON values that the schema accepts. The property tests then require
//! that every such value decodes, and that its re-encoding validates and decodes back equal:
//! the schema never promises more than the decoder accepts, and the encoder never emits what
//! the schema rejects. Writing no strategy per type means every registered message is covered.

use proptest::prelude::*;
use proptest::strategy::Union as OneOf;
use serde_json::{Map, Number, Value};

/// Past this depth of nested schemas, optional members are left out and arrays kept minimal.
const SHALLOW: u32 = 6;

/// A strategy for the values `root` accepts (`root` holds the `$defs` its `$ref`s point to).
pub fn strategy(root: &Value) -> BoxedStrategy<Value> {
    values(root, root, 0)
}

fn values(schema: &Value, root: &Value, depth: u32) -> BoxedStrategy<Value> {
    let schema = match schema {
        Value::Bool(true) => return any_json(2),
        Value::Object(map) if map.is_empty() => return any_json(2),
        Value::Object(_) => resolve(schema, root),
        other => panic!("unsupported schema {other}"),
    };
    if let Some(options) = dispatch_options(&schema) {
        let options: Vec<_> = options.iter().map(|o| values(o, root, depth + 1)).collect();
        return OneOf::new(options).boxed();
    }
    if let Some(c) = schema.get("const") {
        return Just(c.clone()).boxed();
    }
    if let Some(Value::Array(values)) = schema.get("enum") {
        return proptest::sample::select(values.clone()).boxed();
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(Value::Array(branches)) = schema.get(key) {
            let mut parent = schema.clone();
            parent.as_object_mut().expect("object").remove(key);
            let options: Vec<_> = branches
                .iter()
                .map(|b| values(&merge(&parent, b), root, depth + 1))
                .collect();
            return OneOf::new(options).boxed();
        }
    }
    match schema.get("type") {
        Some(Value::Array(types)) => {
            let options: Vec<_> = types
                .iter()
                .map(|t| {
                    let mut one = schema.clone();
                    one["type"] = t.clone();
                    values(&one, root, depth)
                })
                .collect();
            OneOf::new(options).boxed()
        }
        Some(Value::String(t)) => typed(t, &schema, root, depth),
        None if schema.get("properties").is_some() || schema.get("required").is_some() => {
            typed("object", &schema, root, depth)
        }
        None => any_json(2),
        Some(other) => panic!("unsupported type {other}"),
    }
}

/// The alternatives of a union that dispatches on its tag (`allOf` of one tree of `if` tag in
/// some tags `then` … `else` …, whose leaves are the messages): one per known tag (its tag and
/// its leaf merged), and, when the union keeps other tags, the union's own shape with a tag
/// that no leaf names (or its untagged answers).
fn dispatch_options(schema: &Value) -> Option<Vec<Value>> {
    let parts = schema.get("allOf")?.as_array()?;
    let [tree] = parts.as_slice() else {
        return None;
    };
    tree.get("if")?;
    let tag = tree["if"]["properties"].as_object()?.keys().next()?.clone();
    let mut leaves = vec![];
    dispatch_leaves(tree, &tag, None, &mut leaves)?;
    let mut base = schema.clone();
    let object = base.as_object_mut()?;
    object.remove("allOf");
    let alternatives = object.remove("anyOf");
    let mut known = vec![];
    let mut options = vec![];
    for (value, leaf) in leaves {
        known.push(value.clone());
        let mut option = merge(&base, leaf);
        option["type"] = Value::from("object");
        option["properties"][&tag] = serde_json::json!({ "const": value });
        let required = option["required"].as_array().cloned().unwrap_or_default();
        if !required.contains(&Value::from(tag.as_str())) {
            let mut required = required;
            required.push(Value::from(tag.as_str()));
            option["required"] = Value::Array(required);
        }
        options.push(option);
    }
    let unknown_tag = |schema: &mut Value| {
        if schema.pointer(&format!("/properties/{tag}/type")) == Some(&Value::from("string"))
            && schema.pointer(&format!("/properties/{tag}/enum")).is_none()
        {
            schema["properties"][&tag]["not"] = serde_json::json!({ "enum": known.clone() });
            true
        } else {
            false
        }
    };
    match alternatives {
        // The tag, and the answers without one: every alternative but the known tags'.
        Some(Value::Array(alternatives)) => {
            for alternative in alternatives {
                let mut option = merge(&base, &alternative);
                if option.pointer(&format!("/properties/{tag}/enum")).is_some() {
                    continue;
                }
                unknown_tag(&mut option);
                options.push(option);
            }
        }
        _ => {
            let mut option = base.clone();
            if unknown_tag(&mut option) {
                options.push(option);
            }
        }
    }
    Some(options)
}

/// The leaves of a dispatch tree, each with the tag value that reaches it: a node `if` (tag in
/// some values) `then` … `else` … sends those values to `then` and the others to `else`; a
/// leaf is `if` (tag = value) `then` message, or the message alone when one value reaches it.
fn dispatch_leaves<'a>(
    node: &'a Value,
    tag: &str,
    reaching: Option<Vec<Value>>,
    out: &mut Vec<(Value, &'a Value)>,
) -> Option<()> {
    let Some(condition) = node.get("if") else {
        let [value] = reaching?.try_into().ok()?;
        out.push((value, node));
        return Some(());
    };
    let tested = &condition["properties"][tag];
    let values: Vec<Value> = match (tested.get("const"), tested.get("enum")) {
        (Some(one), _) => vec![one.clone()],
        (None, Some(Value::Array(many))) => many.clone(),
        _ => return None,
    };
    match node.get("else") {
        None => {
            let [value] = values.try_into().ok()?;
            out.push((value, node.get("then")?));
        }
        Some(other) => {
            dispatch_leaves(node.get("then")?, tag, Some(values.clone()), out)?;
            let rest = reaching.map(|r| r.into_iter().filter(|v| !values.contains(v)).collect());
            dispatch_leaves(other, tag, rest, out)?;
        }
    }
    Some(())
}

/// `if: a, else: b` (no `then`) accepts what `anyOf: [a, b]` accepts.
fn if_else_as_any_of(schema: &mut Value) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    if object.contains_key("if")
        && object.contains_key("else")
        && !object.contains_key("then")
        && !object.contains_key("anyOf")
    {
        let first = object.remove("if").expect("checked");
        let second = object.remove("else").expect("checked");
        object.insert("anyOf".into(), Value::Array(vec![first, second]));
    }
    // `not: {type: "null"}` alone: any JSON value but `null`.
    if object.get("not") == Some(&serde_json::json!({ "type": "null" }))
        && !object.contains_key("type")
    {
        object.remove("not");
        object.insert(
            "type".into(),
            serde_json::json!(["string", "number", "boolean", "array", "object"]),
        );
    }
}

/// Inlines `$ref` (merged with the keywords beside it) and `allOf` (but a dispatch `allOf`).
fn resolve(schema: &Value, root: &Value) -> Value {
    let mut schema = schema.clone();
    loop {
        let object = schema.as_object_mut().expect("object schema");
        if let Some(Value::String(reference)) = object.remove("$ref") {
            let name = reference
                .strip_prefix("#/$defs/")
                .unwrap_or_else(|| panic!("unsupported $ref {reference}"));
            let target = root["$defs"]
                .get(name)
                .unwrap_or_else(|| panic!("dangling $ref {reference}"));
            schema = merge(target, &schema);
            continue;
        }
        if object
            .get("allOf")
            .and_then(Value::as_array)
            .is_some_and(|parts| parts.iter().any(|p| p.get("then").is_some()))
        {
            return schema;
        }
        if let Some(Value::Array(parts)) = object.remove("allOf") {
            for part in parts {
                schema = merge(&schema, &part);
            }
            continue;
        }
        if_else_as_any_of(&mut schema);
        return schema;
    }
}

/// `base` with the keywords of `extra` added: `properties` merged, `required` united, other
/// keywords of `extra` win.
fn merge(base: &Value, extra: &Value) -> Value {
    let mut out = base.as_object().cloned().unwrap_or_default();
    let Some(extra) = extra.as_object() else {
        return Value::Object(out);
    };
    for (key, value) in extra {
        match (key.as_str(), out.get_mut(key)) {
            ("properties", Some(Value::Object(props))) => {
                for (name, schema) in value.as_object().into_iter().flatten() {
                    props.insert(name.clone(), schema.clone());
                }
            }
            ("required", Some(Value::Array(required))) => {
                for name in value.as_array().into_iter().flatten() {
                    if !required.contains(name) {
                        required.push(name.clone());
                    }
                }
            }
            ("description" | "title", _) => {}
            _ => {
                out.insert(key.clone(), value.clone());
            }
        }
    }
    Value::Object(out)
}

fn typed(ty: &str, schema: &Value, root: &Value, depth: u32) -> BoxedStrategy<Value> {
    match ty {
        "null" => Just(Value::Null).boxed(),
        "boolean" => any::<bool>().prop_map(Value::Bool).boxed(),
        "integer" => integer(schema),
        "number" => number(schema),
        "string" => string(schema),
        "array" => array(schema, root, depth),
        "object" => object(schema, root, depth),
        other => panic!("unsupported type {other}"),
    }
}

fn integer(schema: &Value) -> BoxedStrategy<Value> {
    const SAFE: i64 = (1 << 53) - 1;
    let (mut lo, mut hi) = match schema.get("format").and_then(Value::as_str) {
        Some("uint8") => (0, u8::MAX as i64),
        Some("uint16") => (0, u16::MAX as i64),
        Some("uint32") => (0, u32::MAX as i64),
        Some("uint64" | "uint") => (0, SAFE),
        Some("int8") => (i8::MIN as i64, i8::MAX as i64),
        Some("int16") => (i16::MIN as i64, i16::MAX as i64),
        Some("int32") => (i32::MIN as i64, i32::MAX as i64),
        _ => (-SAFE, SAFE),
    };
    if let Some(min) = schema.get("minimum").and_then(Value::as_f64) {
        lo = lo.max(min.ceil() as i64);
    }
    if let Some(max) = schema.get("maximum").and_then(Value::as_f64) {
        hi = hi.min(max.floor() as i64);
    }
    let edges = vec![lo, hi, lo.max(0).min(hi)];
    prop_oneof![proptest::sample::select(edges), lo..=hi]
        .prop_map(|n| Value::Number(n.into()))
        .boxed()
}

fn number(schema: &Value) -> BoxedStrategy<Value> {
    let lo = schema
        .get("minimum")
        .and_then(Value::as_f64)
        .unwrap_or(-1e9);
    let hi = schema.get("maximum").and_then(Value::as_f64).unwrap_or(1e9);
    (lo..=hi)
        .prop_map(|f: f64| Value::Number(Number::from_f64(f).expect("finite")))
        .boxed()
}

fn string(schema: &Value) -> BoxedStrategy<Value> {
    if let Some(Value::Array(taken)) = schema.pointer("/not/enum") {
        // An open tag: any string but the known ones.
        let taken = taken.clone();
        return "[a-z][a-z_.]{0,12}"
            .prop_map(|s| format!("x_unknown.{s}"))
            .prop_filter("not a known value", move |s| {
                !taken.contains(&Value::String(s.clone()))
            })
            .prop_map(Value::String)
            .boxed();
    }
    if let Some(pattern) = schema.get("pattern").and_then(Value::as_str) {
        let pattern = pattern.trim_start_matches('^').trim_end_matches('$');
        return proptest::string::string_regex(pattern)
            .unwrap_or_else(|e| panic!("unsupported pattern {pattern}: {e}"))
            .prop_map(Value::String)
            .boxed();
    }
    let min = schema.get("minLength").and_then(Value::as_u64).unwrap_or(0) as usize;
    let max = schema
        .get("maxLength")
        .and_then(Value::as_u64)
        .map(|m| m as usize)
        .unwrap_or(min + 12);
    proptest::collection::vec(proptest::char::range(' ', '~'), min..=max.max(min))
        .prop_map(|chars| Value::String(chars.into_iter().collect()))
        .boxed()
}

fn array(schema: &Value, root: &Value, depth: u32) -> BoxedStrategy<Value> {
    let items = schema.get("items").cloned().unwrap_or(Value::Bool(true));
    let min = schema.get("minItems").and_then(Value::as_u64).unwrap_or(0) as usize;
    let cap = if depth >= SHALLOW { min } else { min + 3 };
    let max = schema
        .get("maxItems")
        .and_then(Value::as_u64)
        .map(|m| m as usize)
        .unwrap_or(cap)
        .min(cap.max(min));
    proptest::collection::vec(values(&items, root, depth + 1), min..=max)
        .prop_map(Value::Array)
        .boxed()
}

fn object(schema: &Value, root: &Value, depth: u32) -> BoxedStrategy<Value> {
    let properties = schema
        .get("properties")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let required: Vec<String> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| {
            r.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let mut members: Vec<BoxedStrategy<Option<(String, Value)>>> = vec![];
    for (name, member) in &properties {
        let value = values(member, root, depth + 1);
        let key = name.clone();
        if required.contains(name) {
            members.push(value.prop_map(move |v| Some((key.clone(), v))).boxed());
        } else if depth < SHALLOW {
            members.push(proptest::option::of(value.prop_map(move |v| (key.clone(), v))).boxed());
        }
    }
    for name in required.iter().filter(|r| !properties.contains_key(*r)) {
        let key = name.clone();
        members.push(
            any_json(1)
                .prop_map(move |v| Some((key.clone(), v)))
                .boxed(),
        );
    }
    let extra = match schema.get("additionalProperties") {
        Some(additional @ Value::Object(_)) if properties.is_empty() && depth < SHALLOW => {
            proptest::collection::btree_map("[a-z]{1,6}", values(additional, root, depth + 1), 0..3)
                .boxed()
        }
        _ => Just(Default::default()).boxed(),
    };
    (members, extra)
        .prop_map(|(members, extra)| {
            let mut map: Map<String, Value> = extra.into_iter().collect();
            map.extend(members.into_iter().flatten());
            Value::Object(map)
        })
        .boxed()
}

/// Any JSON value, nested at most `depth` levels.
pub fn any_json(depth: u32) -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-1000i64..1000).prop_map(|n| Value::Number(n.into())),
        "[a-z ]{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(depth, 8, 3, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            proptest::collection::btree_map("[a-z]{1,5}", inner, 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
    .boxed()
}
