//! Rewrites what schemars emits into standard JSON Schema 2020-12 that every common tool takes
//! as it is: Ajv 8 in `strict: true` mode (no unknown formats, no union types, `required` only
//! of declared members, a `type` for every type-specific keyword), Python `jsonschema`, and the
//! `jsonschema` crate. Applied once to every generated schema, before it is written.
//!
//! The rewrites keep the accepted set of values unchanged:
//!
//! * a numeric `format` (`uint32`, `int64`, `double`…) is an annotation no standard vocabulary
//!   defines; the integer bounds (`minimum`/`maximum`, added from the same format before this
//!   pass) carry the range, so the `format` is dropped;
//! * `type: [a, b, …]` with more than one non-null type is written as `not: {type: "null"}` when
//!   it lists every type but `null`, and as an `anyOf` of single types otherwise;
//! * `not: {required: [k]}` ("member `k` is absent") declares `k` inside the `not`, and any
//!   subschema that uses object keywords without saying it is about objects gets
//!   `type: "object"` where that keeps its meaning (inside `not`, a `required` or `properties`
//!   only ever held for objects).

use serde_json::{Map, Value, json};

/// Formats that no standard vocabulary (nor Ajv, ajv-formats and Python `jsonschema` together)
/// knows; schemars emits them for Rust numbers.
const NUMERIC_FORMATS: &[&str] = &[
    "uint8", "uint16", "uint32", "uint64", "uint128", "uint", "int8", "int16", "int32", "int64",
    "int128", "int", "float", "double",
];

/// Every JSON type but `null`.
const NON_NULL: &[&str] = &["array", "boolean", "number", "object", "string"];

/// Rewrites `schema` (a whole document) in place.
pub fn standardize(schema: &mut Value) {
    walk(schema);
}

fn walk(node: &mut Value) {
    match node {
        Value::Object(map) => {
            rewrite(map);
            for (key, value) in map.iter_mut() {
                match key.as_str() {
                    // Maps of names to subschemas.
                    "properties" | "$defs" | "patternProperties" | "dependentSchemas" => {
                        if let Value::Object(children) = value {
                            children.values_mut().for_each(walk);
                        }
                    }
                    // Values, not schemas.
                    "const" | "enum" | "default" | "examples" | "required" => {}
                    _ => walk(value),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(walk),
        _ => {}
    }
}

fn rewrite(map: &mut Map<String, Value>) {
    if map
        .get("format")
        .and_then(Value::as_str)
        .is_some_and(|f| NUMERIC_FORMATS.contains(&f))
    {
        map.remove("format");
    }
    union_types(map);
    if let Some(Value::Object(not)) = map.get_mut("not") {
        declare_object(not);
        if let Some(Value::Array(alternatives)) = not.get_mut("anyOf") {
            for alternative in alternatives.iter_mut() {
                if let Value::Object(alternative) = alternative {
                    declare_object(alternative);
                }
            }
        }
    }
}

/// A subschema that only tests members (`required`, `properties`) inside a `not` is about
/// objects: it gets `type: "object"` and declares each required member it names. Inside a
/// `not`, adding `type: "object"` changes nothing for objects and makes the `not` hold for every
/// non-object, which the schemas using it already exclude with their own `type: "object"`.
fn declare_object(map: &mut Map<String, Value>) {
    let Some(Value::Array(required)) = map.get("required").cloned() else {
        return;
    };
    map.entry("type").or_insert_with(|| json!("object"));
    let properties = map
        .entry("properties")
        .or_insert_with(|| Value::Object(Map::new()));
    if let Value::Object(properties) = properties {
        for name in required.iter().filter_map(Value::as_str) {
            properties.entry(name).or_insert(Value::Bool(true));
        }
    }
}

/// `type: [a, b, …]` with several non-null types, which Ajv's strict mode refuses.
fn union_types(map: &mut Map<String, Value>) {
    let Some(Value::Array(types)) = map.get("type") else {
        return;
    };
    let types: Vec<String> = types
        .iter()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect();
    let non_null: Vec<&String> = types.iter().filter(|t| *t != "null").collect();
    if non_null.len() < 2 {
        return;
    }
    map.remove("type");
    let mut sorted: Vec<&str> = non_null.iter().map(|t| t.as_str()).collect();
    sorted.sort_unstable();
    sorted.dedup();
    let nullable = types.iter().any(|t| t == "null");
    if sorted == NON_NULL && !nullable {
        map.insert("not".into(), json!({ "type": "null" }));
        return;
    }
    let mut alternatives: Vec<Value> = types.iter().map(|t| json!({ "type": t })).collect();
    if sorted.contains(&"number") {
        alternatives.retain(|a| a["type"] != "integer");
    }
    map.insert("anyOf".into(), Value::Array(alternatives));
}
