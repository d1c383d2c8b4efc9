//! Values built from the emitted schemas for the probe of `forms`: small instances a schema
//! accepts, and the walk of `$ref` chains and union alternatives the TypeScript runtime follows.

use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A small value `schema` (a subschema of `root`) accepts, if one is easily built: constants and
/// first enum values, the first alternative of a union that gives one, required members only,
/// the smallest number and string allowed.
fn instance(root: &Value, schema: &Value, depth: usize) -> Option<Value> {
    instance_of(root, schema, depth, false)
}

/// Small values of `schema` to try, in order: the minimal [`instance`], then (for an object
/// whose members depend on one another, as `if`/`then` trees say) one with every member given.
pub(super) fn instances(root: &Value, schema: &Value) -> Vec<Value> {
    let mut out: Vec<Value> = instance(root, schema, 0).into_iter().collect();
    if let Some(all) = instance_of(root, schema, 0, true)
        && !out.contains(&all)
    {
        out.push(all);
    }
    out
}

/// [`instance`], with every member of the outer object when `all`.
fn instance_of(root: &Value, schema: &Value, depth: usize, all: bool) -> Option<Value> {
    if depth > 16 {
        return None;
    }
    let s = resolve(root, schema);
    if let Some(c) = s.get("const") {
        return Some(c.clone());
    }
    if let Some(first) = s
        .get("enum")
        .and_then(Value::as_array)
        .and_then(|e| e.first())
    {
        return Some(first.clone());
    }
    if let Some(alternatives) = alternatives(&s) {
        let non_null = alternatives
            .iter()
            .filter(|a| a.get("type") != Some(&Value::from("null")) && !is_catch_all(root, a))
            .find_map(|a| instance_of(root, &merge_branch(&s, a), depth + 1, all));
        return non_null.or_else(|| {
            alternatives
                .iter()
                .any(|a| a.get("type") == Some(&Value::from("null")))
                .then_some(Value::Null)
        });
    }
    let ty = match s.get("type") {
        Some(Value::String(t)) => t.as_str(),
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null")
            .unwrap_or("null"),
        _ if s.get("properties").is_some() => "object",
        // Any JSON value.
        _ => "null",
    };
    let number = |s: &Value| {
        s.get("minimum")
            .cloned()
            .or_else(|| {
                s.get("exclusiveMinimum")
                    .map(|m| (m.as_i64().unwrap_or(0) + 1).into())
            })
            .unwrap_or_else(|| 0.into())
    };
    Some(match ty {
        "null" => Value::Null,
        "boolean" => Value::Bool(false),
        "integer" | "number" => number(&s),
        "string" => {
            let length = s.get("minLength").and_then(Value::as_u64).unwrap_or(0);
            Value::from("a".repeat(length as usize))
        }
        "array" => {
            let count = s.get("minItems").and_then(Value::as_u64).unwrap_or(0);
            let items = s.get("items")?;
            let item = if count > 0 {
                Some(instance(root, items, depth + 1)?)
            } else {
                None
            };
            Value::Array(item.into_iter().cycle().take(count as usize).collect())
        }
        "object" => {
            let mut out = Map::new();
            for name in s["required"].as_array().into_iter().flatten() {
                let name = name.as_str()?;
                let member = s.get("properties").and_then(|p| p.get(name))?;
                out.insert(name.to_owned(), instance(root, member, depth + 1)?);
            }
            if all {
                for (name, member) in s
                    .get("properties")
                    .and_then(Value::as_object)
                    .into_iter()
                    .flatten()
                {
                    if !out.contains_key(name)
                        && let Some(value) = instance(root, member, depth + 1)
                    {
                        out.insert(name.clone(), value);
                    }
                }
            }
            Value::Object(out)
        }
        _ => return None,
    })
}

/// The string values a place of schema `s` can hold that name something: its `enum` strings
/// and the string `const` of each alternative.
pub(super) fn string_values(s: &Value) -> Vec<String> {
    let mut out: Vec<String> = s
        .get("enum")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect();
    // Only the alternatives' own constants: a `$ref` alternative is probed at its own place,
    // under its own name.
    for alternative in alternatives(s).into_iter().flatten() {
        if let Some(c) = alternative.get("const").and_then(Value::as_str) {
            out.push(c.to_owned());
        }
    }
    out
}

/// The tag of a union: the member most of its alternatives fix with a `const` (an alternative
/// chosen by `not`, such as the type-less one, fixes none). `None` unless two alternatives
/// have one: a nullable member is no tagged union.
pub(super) fn tag_member(root: &Value, alternatives: &[Value]) -> Option<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for a in alternatives.iter().filter(|a| !is_catch_all(root, a)) {
        let a = resolve(root, a);
        for (name, member) in a
            .get("properties")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            if member.get("const").is_some() {
                *counts.entry(name.clone()).or_default() += 1;
            }
        }
    }
    let (name, count) = counts
        .into_iter()
        .max_by_key(|(name, count)| (*count, std::cmp::Reverse(name.clone())))?;
    (count >= 2).then_some(name)
}

pub(super) fn alternatives(s: &Value) -> Option<&Vec<Value>> {
    s.get("oneOf")
        .or_else(|| s.get("anyOf"))
        .and_then(Value::as_array)
}

/// Every name `schema` (a subschema of `root`) reaches through `$ref`, transitively.
pub(super) fn names_below(
    module: &str,
    root: &Value,
    schema: &Value,
    refs: &mut HashMap<(String, String), Vec<String>>,
) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut todo = vec![];
    collect_refs(schema, &mut todo);
    while let Some(name) = todo.pop() {
        if !found.insert(name.clone()) {
            continue;
        }
        let direct = refs
            .entry((module.to_owned(), name.clone()))
            .or_insert_with(|| {
                let mut direct = vec![];
                if let Some(def) = root.pointer(&format!("/$defs/{}", escape(&name))) {
                    collect_refs(def, &mut direct);
                }
                direct
            });
        todo.extend(direct.iter().cloned());
    }
    found
}

fn collect_refs(schema: &Value, out: &mut Vec<String>) {
    match schema {
        Value::Object(o) => {
            for (k, v) in o {
                if k == "$ref"
                    && let Some(name) = v.as_str().and_then(|r| r.strip_prefix("#/$defs/"))
                {
                    out.push(name.to_owned());
                } else {
                    collect_refs(v, out);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}

/// The names along `schema`'s `$ref` chain.
pub(super) fn ref_chain(root: &Value, schema: &Value) -> Vec<String> {
    let mut names = vec![];
    let mut s = schema;
    while let Some(name) = s
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/$defs/"))
    {
        if names.len() > 64 {
            break;
        }
        names.push(name.to_owned());
        match root.pointer(&format!("/$defs/{}", escape(name))) {
            Some(next) => s = next,
            None => break,
        }
    }
    names
}

/// `schema` with its `$ref` chain followed; members written beside a `$ref` are merged in, as the
/// TypeScript runtime merges them.
pub(super) fn resolve(root: &Value, schema: &Value) -> Value {
    resolve_at(root, schema, 0)
}

fn resolve_at(root: &Value, schema: &Value, hops: usize) -> Value {
    let Some(reference) = schema.get("$ref").and_then(Value::as_str) else {
        return schema.clone();
    };
    let name = reference.strip_prefix("#/$defs/").unwrap_or(reference);
    let Some(target) = root.pointer(&format!("/$defs/{}", escape(name))) else {
        return schema.clone();
    };
    if hops > 64 {
        return schema.clone();
    }
    let target = resolve_at(root, target, hops + 1);
    let mut siblings = schema.as_object().cloned().unwrap_or_default();
    siblings.remove("$ref");
    if siblings.is_empty() {
        return target;
    }
    let mut merged = target.as_object().cloned().unwrap_or_default();
    let properties = merged_map(&target, &Value::Object(siblings.clone()), "properties");
    let required = concat(&target, &Value::Object(siblings.clone()), "required");
    merged.extend(siblings);
    merged.insert("properties".into(), properties);
    merged.insert("required".into(), required);
    Value::Object(merged)
}

/// A union alternative with the union's own members merged in, as the runtime walks it.
pub(super) fn merge_branch(s: &Value, branch: &Value) -> Value {
    let mut rest = s.as_object().cloned().unwrap_or_default();
    for k in ["oneOf", "anyOf", "not", "$ref", "description"] {
        rest.remove(k);
    }
    let rest = Value::Object(rest);
    let mut merged = rest.as_object().cloned().unwrap_or_default();
    merged.extend(branch.as_object().cloned().unwrap_or_default());
    if rest.get("properties").is_some() || branch.get("properties").is_some() {
        merged.insert("properties".into(), merged_map(&rest, branch, "properties"));
    }
    if rest.get("required").is_some() || branch.get("required").is_some() {
        merged.insert("required".into(), concat(&rest, branch, "required"));
    }
    Value::Object(merged)
}

fn merged_map(a: &Value, b: &Value, key: &str) -> Value {
    let mut out = a
        .get(key)
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    out.extend(
        b.get(key)
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default(),
    );
    Value::Object(out)
}

fn concat(a: &Value, b: &Value, key: &str) -> Value {
    let mut out = a
        .get(key)
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    out.extend(
        b.get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default(),
    );
    Value::Array(out)
}

/// Whether a union alternative is the catch-all of unknown variants (kept whole).
pub(super) fn is_catch_all(root: &Value, alternative: &Value) -> bool {
    resolve(root, alternative)
        .get("properties")
        .and_then(Value::as_object)
        .is_some_and(|p| p.values().any(|v| v.pointer("/not/enum").is_some()))
}

pub(super) fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}
