//! What the published documents (AsyncAPI, OpenRPC, the Markdown reference) take from outside
//! the Rust types: the examples corpus (`tests/examples/`) and each message's description.
//!
//! The corpus is read in a fixed order (paths sorted byte-wise), so the documents built from it
//! are deterministic and `cargo codegen check` sees the same bytes on every run.

use rtwire_protocol::registry::{Message, Surface};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::schema::UnionSchema;

/// One example file of the corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// The case name: the file name without `.json` / `.result.json` (e.g. `basic`).
    pub case: String,
    /// The path relative to the workspace root, with forward slashes.
    pub path: String,
    /// The JSON it holds.
    pub value: Value,
    /// The file's text, as written (member order kept), without trailing whitespace.
    pub text: String,
}

/// The examples of one message: canonical messages, and answers (request methods only).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Examples {
    /// `<case>.json`: canonical messages, sorted by case. Lenient inputs are not published.
    pub messages: Vec<Example>,
    /// `<case>.result.json`: whole answers `{"id", "result"}`, sorted by case.
    pub results: Vec<Example>,
}

impl Examples {
    /// The example a reader sees first: `basic`, else `official`, else the first by name.
    pub fn canonical(&self) -> Option<&Example> {
        ["basic", "official"]
            .iter()
            .find_map(|name| self.messages.iter().find(|e| e.case == *name))
            .or_else(|| self.messages.first())
    }

    /// The answer with the same case as `example`, if the corpus has one.
    pub fn result_for(&self, example: &Example) -> Option<&Example> {
        self.results.iter().find(|r| r.case == example.case)
    }
}

/// The key of a message in the corpus: surface, version folder (`Version::as_str`), wire name.
pub type Key = (Surface, String, String);

/// The examples corpus, read from `<root>/tests/examples`.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Examples by message.
    pub examples: BTreeMap<Key, Examples>,
    /// The app-server session files (`tests/examples/app-server/session*.jsonl`), by file name.
    pub sessions: BTreeMap<String, String>,
}

/// The folder of the corpus under the workspace root.
pub const DIR: &str = "tests/examples";

impl Corpus {
    /// Reads the corpus under `root`. A file that is not JSON, or that sits where no surface or
    /// version folder is expected, is an error naming the file.
    pub fn load(root: &Path) -> Result<Corpus, String> {
        let base = root.join(DIR);
        let mut paths = vec![];
        collect(&base, &mut paths)?;
        paths.sort();
        let mut corpus = Corpus::default();
        for full in paths {
            let rel = full.strip_prefix(&base).expect("below the corpus");
            let shown = format!("{DIR}/{}", slashes(rel));
            let name = rel
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let text =
                std::fs::read_to_string(&full).map_err(|e| format!("{shown}: cannot read: {e}"))?;
            if name.ends_with(".jsonl") {
                if rel.parent() == Some(Path::new("app-server")) && name.starts_with("session") {
                    corpus.sessions.insert(name, text);
                }
                continue;
            }
            if !name.ends_with(".json") || name.ends_with(".lenient.json") {
                continue;
            }
            let parts: Vec<String> = rel
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            if parts.len() < 4 {
                return Err(format!(
                    "{shown}: expected <surface>/<version>/<wire name>/<case>.json"
                ));
            }
            let surface = match parts[0].as_str() {
                "realtime" => Surface::Realtime,
                "app-server" => Surface::AppServer,
                other => return Err(format!("{shown}: unknown surface folder `{other}`")),
            };
            // The version folder is kept as written: it is matched against
            // `Version::as_str()` of the registered messages, so a new version needs no edit.
            let version = parts[1].clone();
            let wire_name = parts[2..parts.len() - 1].join("/");
            let value: Value =
                serde_json::from_str(&text).map_err(|e| format!("{shown}: not JSON: {e}"))?;
            let entry = corpus
                .examples
                .entry((surface, version, wire_name))
                .or_default();
            if let Some(case) = name.strip_suffix(".result.json") {
                entry.results.push(Example {
                    case: case.to_owned(),
                    path: shown,
                    value,
                    text: text.trim_end().to_owned(),
                });
            } else {
                entry.messages.push(Example {
                    case: name.trim_end_matches(".json").to_owned(),
                    path: shown,
                    value,
                    text: text.trim_end().to_owned(),
                });
            }
        }
        Ok(corpus)
    }

    /// The examples of `message`, or an error naming the registry entry when it has no
    /// canonical example: no published document has an empty example section.
    pub fn of(&self, message: &Message) -> Result<&Examples, String> {
        let key = (
            message.surface,
            message.version.as_str().to_owned(),
            message.wire_name.to_owned(),
        );
        self.examples
            .get(&key)
            .filter(|e| !e.messages.is_empty())
            .ok_or_else(|| {
                format!(
                    "registry entry {} {} {} `{}` has no canonical example: add {DIR}/{}/{}/{}/<case>.json",
                    message.surface.as_str(),
                    message.version.as_str(),
                    message.direction.as_str(),
                    message.wire_name,
                    message.surface.as_str(),
                    message.version.as_str(),
                    message.wire_name
                )
            })
    }
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
            .path();
        if path.is_dir() {
            collect(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// A relative path with forward slashes, whatever the platform.
pub fn slashes(path: &Path) -> String {
    path.iter()
        .map(|p| p.to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// What a published document says about one message, from its doc comment (carried by the
/// emitted JSON Schema as `description`).
#[derive(Debug, Clone, PartialEq)]
pub struct MessageDoc {
    /// The wire name (event `type` or JSON-RPC `method`).
    pub title: String,
    /// The first sentence of the description.
    pub summary: String,
    /// The description, one paragraph per blank-line-separated block, lines joined.
    pub description: String,
    /// The name of the `$defs` entry that carries the message's members (the event payload, or
    /// the params of an app-server method); `None` for a method without params.
    pub payload_def: Option<String>,
}

/// The description of `message` in `union`, from the doc comment of the type that carries it.
/// An entry whose type has no doc comment is an error naming the entry. A JSON-RPC method with
/// no params type at all (its wire form is only `{"method"}`) is described by its registry
/// facts, since there is no type to document.
pub fn message_doc(union: &UnionSchema, message: &Message) -> Result<MessageDoc, String> {
    let entry = || {
        format!(
            "registry entry {} {} {} `{}`",
            message.surface.as_str(),
            message.version.as_str(),
            message.direction.as_str(),
            message.wire_name
        )
    };
    let schema = union
        .message_schema(message)
        .ok_or_else(|| format!("{}: no schema branch in {}", entry(), union.info.name))?;
    let reference = schema
        .get("$ref")
        .or_else(|| schema.pointer("/properties/params/$ref"))
        .and_then(Value::as_str);
    let payload_def = reference.and_then(|r| r.strip_prefix("#/$defs/").map(str::to_owned));
    let text = match &payload_def {
        Some(def) => schema
            .pointer(&format!("/$defs/{}/description", pointer_escape(def)))
            .and_then(Value::as_str)
            .map(str::to_owned),
        None => schema
            .get("description")
            .and_then(Value::as_str)
            .map(str::to_owned),
    };
    let text = match text {
        Some(text) if !text.trim().is_empty() => text,
        // Only an app-server method without params has no type to document.
        _ if message.surface == rtwire_protocol::registry::Surface::AppServer
            && payload_def.is_none()
            && schema.pointer("/properties/params").is_none() =>
        {
            let who = match message.direction {
                rtwire_protocol::registry::Direction::ClientToServer => "the client",
                rtwire_protocol::registry::Direction::ServerToClient => "the server",
            };
            format!(
                "A {} that {who} sends; it carries no params.",
                message.kind.as_str()
            )
        }
        _ => {
            return Err(format!(
                "{}: its type {} has no doc comment; document it in rtwire-protocol",
                entry(),
                payload_def
                    .clone()
                    .or_else(|| union.type_name(message))
                    .unwrap_or_else(|| "(inline)".to_owned())
            ));
        }
    };
    let description = paragraphs(&text);
    Ok(MessageDoc {
        title: message.wire_name.to_owned(),
        summary: first_sentence(&description),
        description,
        payload_def,
    })
}

/// Joins the lines of each paragraph of a doc comment with spaces; paragraphs stay separated
/// by a blank line.
pub fn paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(|p| {
            p.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The first sentence of the first paragraph: up to the first `. ` outside backticks, or the
/// whole paragraph.
pub fn first_sentence(text: &str) -> String {
    let first = text.split("\n\n").next().unwrap_or_default();
    let mut in_code = false;
    let chars: Vec<char> = first.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        match c {
            '`' => in_code = !in_code,
            '.' if !in_code && chars.get(i + 1).is_none_or(|n| *n == ' ') => {
                return chars[..=i].iter().collect();
            }
            _ => {}
        }
    }
    first.to_owned()
}

/// Escapes a JSON pointer token (`~` → `~0`, `/` → `~1`).
pub fn pointer_escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}
