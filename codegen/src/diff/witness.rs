//! Witnesses: minimal valid instances generated from a schema, and the check that a witness
//! is accepted by the sending side's schema and rejected by the receiving side's.

use serde_json::{Map, Value, json};

use super::shape::{Body, Doc, MAX_DEPTH};

/// A string no common `format` accepts.
pub fn bad_format(format: &str) -> Value {
    Value::String(format!("not a valid {format}"))
}

/// A string the validator accepts for `format` (empty for formats it does not know).
pub fn format_example(format: &str) -> &'static str {
    match format {
        "date-time" => "1970-01-01T00:00:00Z",
        "date" => "1970-01-01",
        "time" => "00:00:00Z",
        "uuid" => "00000000-0000-0000-0000-000000000000",
        "email" | "idn-email" => "a@example.com",
        "uri" | "iri" | "uri-reference" | "iri-reference" => "https://example.com/",
        "hostname" | "idn-hostname" => "example.com",
        "ipv4" => "127.0.0.1",
        "ipv6" => "::1",
        "duration" => "P1D",
        _ => "",
    }
}

/// A minimal instance that `node` accepts, if one can be built. `null` is preferred where it
/// is accepted; a definition is not expanded again inside itself (a required recursion has no
/// finite instance along that path).
pub fn minimal(doc: Doc<'_>, node: &Value) -> Option<Value> {
    Gen { doc, stack: vec![] }.node(node)
}

/// A minimal instance of `node` (flattened keywords) of JSON type `ty`.
pub fn of_type(doc: Doc<'_>, ty: &str, node: &Map<String, Value>) -> Option<Value> {
    Gen { doc, stack: vec![] }.of_type(ty, node)
}

struct Gen<'a> {
    doc: Doc<'a>,
    /// The definitions being expanded, outermost first.
    stack: Vec<String>,
}

impl Gen<'_> {
    fn node(&mut self, node: &Value) -> Option<Value> {
        let shape = self.doc.shape(node);
        if shape.nullable {
            return Some(Value::Null);
        }
        if let Some(def) = &shape.def {
            if self.stack.contains(def) || self.stack.len() >= MAX_DEPTH {
                return None;
            }
            self.stack.push(def.clone());
        }
        let found = match &shape.body {
            Body::Any => Some(json!({})),
            Body::Never => None,
            Body::Null => Some(Value::Null),
            Body::Enum { values, .. } => values.first().cloned(),
            Body::Union { variants, .. } => variants.values().find_map(|b| self.node(b)),
            Body::Alts(branches) => branches.iter().find_map(|b| self.node(b)),
            Body::Typed { types, node } => {
                ["object", "string", "integer", "number", "boolean", "array"]
                    .iter()
                    .filter(|t| types.contains(**t))
                    .find_map(|t| self.of_type(t, node))
            }
        };
        if shape.def.is_some() {
            self.stack.pop();
        }
        found
    }

    fn of_type(&mut self, ty: &str, node: &Map<String, Value>) -> Option<Value> {
        let num = |k: &str| node.get(k).and_then(Value::as_f64);
        match ty {
            "object" => {
                let mut out = Map::new();
                let props = node.get("properties").and_then(Value::as_object);
                for name in node
                    .get("required")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                {
                    let schema = props
                        .and_then(|p| p.get(name))
                        .cloned()
                        .unwrap_or(Value::Bool(true));
                    out.insert(name.to_owned(), self.node(&schema)?);
                }
                Some(Value::Object(out))
            }
            "string" => {
                let format = node.get("format").and_then(Value::as_str).unwrap_or("");
                let mut s = format_example(format).to_owned();
                let min = num("minLength").unwrap_or(0.0) as usize;
                while s.chars().count() < min {
                    s.push('a');
                }
                Some(Value::String(s))
            }
            "integer" | "number" => {
                let mut v = 0.0_f64;
                if let Some(m) = num("minimum") {
                    v = v.max(m);
                }
                if let Some(m) = num("exclusiveMinimum").filter(|m| v <= *m) {
                    v = m + 1.0;
                }
                if let Some(m) = num("maximum") {
                    v = v.min(m);
                }
                if let Some(m) = num("exclusiveMaximum").filter(|m| v >= *m) {
                    v = m - 1.0;
                }
                Some(number(v))
            }
            "boolean" => Some(Value::Bool(false)),
            "array" => {
                let n = num("minItems").unwrap_or(0.0) as usize;
                if n == 0 {
                    return Some(json!([]));
                }
                let item = self.node(node.get("items").unwrap_or(&Value::Bool(true)))?;
                Some(Value::Array(vec![item; n]))
            }
            "null" => Some(Value::Null),
            _ => None,
        }
    }
}

/// A JSON number, as an integer when it is one.
pub fn number(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        json!(v as i64)
    } else {
        json!(v)
    }
}

/// Whether `schema` accepts `instance` (formats checked). A schema the validator cannot
/// compile accepts nothing.
pub fn accepts(schema: &Value, instance: &Value) -> bool {
    jsonschema::options()
        .should_validate_formats(true)
        .build(schema)
        .map(|v| v.is_valid(instance))
        .unwrap_or(false)
}
