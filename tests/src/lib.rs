//! Helpers shared by the workspace tests: the examples corpus, the emitted schemas and their
//! validators, and property strategies generated from the schemas.

pub mod arbitrary;
pub mod corpus;
pub mod node;

use rtwire_codegen::schema::UnionSchema;
use rtwire_protocol::registry::{Message, Surface, Version};
use serde_json::Value;
use std::path::PathBuf;

/// The workspace root.
pub fn root() -> PathBuf {
    rtwire_codegen::workspace_root()
}

/// Every union of the registry with its emitted schema.
pub fn unions() -> Vec<UnionSchema> {
    rtwire_codegen::schema::unions()
}

/// The union and registered message named `wire_name` in `surface`/`version`.
pub fn find<'a>(
    unions: &'a [UnionSchema],
    surface: Surface,
    version: Version,
    wire_name: &str,
) -> Result<(&'a UnionSchema, Message), String> {
    let mut found = vec![];
    for union in unions.iter().filter(|u| u.info.surface == surface) {
        for message in (union.info.messages)() {
            if message.version == version && message.wire_name == wire_name {
                found.push((union, message));
            }
        }
    }
    match found.len() {
        1 => Ok(found.pop().expect("one")),
        0 => Err(format!(
            "no registered {} {} message named `{wire_name}`",
            surface.as_str(),
            version.as_str()
        )),
        _ => Err(format!(
            "`{wire_name}` names several messages; examples must be unambiguous"
        )),
    }
}

/// A compiled validator for a self-contained schema.
pub fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::validator_for(schema)
        .unwrap_or_else(|e| panic!("the emitted schema does not compile: {e}\n{schema:#}"))
}

/// The validation errors of `instance`, one line each (`/pointer: message`); empty when valid.
pub fn violations(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}
