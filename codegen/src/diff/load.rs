//! Reading a `schemas/` tree (from a directory or from a git revision) and checking that its
//! catalog matches its files.

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Why a schema tree could not be read. Its message names the file or revision at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError(pub String);

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LoadError {}

fn err<T>(message: impl Into<String>) -> Result<T, LoadError> {
    Err(LoadError(message.into()))
}

/// What identifies a message across two schema trees.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MessageKey {
    /// `realtime` or `app-server`.
    pub surface: String,
    /// The registry's version: `v1`, `v2`, `translation`, …
    pub version: String,
    /// `client-to-server` or `server-to-client`.
    pub direction: String,
    /// The event `type` or JSON-RPC `method`.
    pub wire_name: String,
}

impl fmt::Display for MessageKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {} {}",
            self.surface, self.version, self.direction, self.wire_name
        )
    }
}

/// One catalog entry with its schemas.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The message.
    pub key: MessageKey,
    /// Path of its schema file, relative to `schemas/`.
    pub schema_path: String,
    /// Its self-contained schema.
    pub schema: Value,
    /// Path of its union's schema file, relative to `schemas/`.
    pub union_path: String,
}

/// A loaded and checked `schemas/` tree.
#[derive(Debug, Clone)]
pub struct SchemaSet {
    /// Where it came from (a directory, or `rev:path`), for messages.
    pub label: String,
    /// Every message of the catalog.
    pub entries: BTreeMap<MessageKey, Entry>,
    /// Every union schema, by path relative to `schemas/`.
    pub unions: BTreeMap<String, Value>,
}

impl SchemaSet {
    /// Reads the tree under `dir`.
    pub fn from_dir(dir: &Path) -> Result<SchemaSet, LoadError> {
        if !dir.is_dir() {
            return err(format!("{}: no such schema directory", dir.display()));
        }
        let mut files = BTreeMap::new();
        walk(dir, dir, &mut files)?;
        SchemaSet::from_files(&dir.display().to_string(), files)
    }

    /// Reads `schemas` (a directory inside a git work tree) as it was at revision `rev`.
    pub fn from_git(schemas: &Path, rev: &str) -> Result<SchemaSet, LoadError> {
        let abs = std::fs::canonicalize(schemas)
            .map_err(|e| LoadError(format!("{}: {e}", schemas.display())))?;
        let top = git(&abs, &["rev-parse", "--show-toplevel"]).map_err(|e| {
            LoadError(format!(
                "{}: not inside a git work tree ({e})",
                schemas.display()
            ))
        })?;
        let top = PathBuf::from(String::from_utf8_lossy(&top).trim());
        let top = std::fs::canonicalize(&top).unwrap_or(top);
        let prefix = abs.strip_prefix(&top).map_err(|_| {
            LoadError(format!(
                "{}: outside the git work tree {}",
                abs.display(),
                top.display()
            ))
        })?;
        let prefix = prefix.to_string_lossy().replace('\\', "/");
        if git(
            &top,
            &[
                "rev-parse",
                "--verify",
                "--quiet",
                &format!("{rev}^{{commit}}"),
            ],
        )
        .is_err()
        {
            return err(format!(
                "git revision `{rev}` does not exist in {}",
                top.display()
            ));
        }
        let listing = git(
            &top,
            &[
                "ls-tree",
                "-r",
                "-z",
                "--name-only",
                rev,
                "--",
                &format!("{prefix}/"),
            ],
        )
        .map_err(|e| LoadError(format!("git ls-tree {rev} {prefix}: {e}")))?;
        let mut files = BTreeMap::new();
        for path in listing.split(|&b| b == 0).filter(|p| !p.is_empty()) {
            let path = String::from_utf8_lossy(path).into_owned();
            let bytes = git(&top, &["show", &format!("{rev}:{path}")])
                .map_err(|e| LoadError(format!("{rev}:{path}: {e}")))?;
            let rel = path
                .strip_prefix(&format!("{prefix}/"))
                .unwrap_or(&path)
                .to_owned();
            files.insert(rel, bytes);
        }
        if files.is_empty() {
            return err(format!(
                "{rev}:{prefix}: no schema directory at that revision"
            ));
        }
        SchemaSet::from_files(&format!("{rev}:{prefix}"), files)
    }

    /// Builds a set from file contents keyed by path relative to `schemas/` (forward slashes).
    pub fn from_files(
        label: &str,
        files: BTreeMap<String, Vec<u8>>,
    ) -> Result<SchemaSet, LoadError> {
        let parse = |path: &str| -> Result<Value, LoadError> {
            let bytes = files.get(path).ok_or_else(|| {
                LoadError(format!(
                    "{label}/catalog.json lists {path}, which does not exist"
                ))
            })?;
            let value: Value = serde_json::from_slice(bytes)
                .map_err(|e| LoadError(format!("{label}/{path}: malformed JSON: {e}")))?;
            if !value.is_object() {
                return err(format!("{label}/{path}: a schema must be a JSON object"));
            }
            check_refs(&value, &value)
                .map_err(|r| LoadError(format!("{label}/{path}: unresolved $ref `{r}`")))?;
            jsonschema::validator_for(&value)
                .map_err(|e| LoadError(format!("{label}/{path}: invalid schema: {e}")))?;
            Ok(value)
        };
        let catalog = files
            .get("catalog.json")
            .ok_or_else(|| LoadError(format!("{label}/catalog.json: missing")))?;
        let catalog: Value = serde_json::from_slice(catalog)
            .map_err(|e| LoadError(format!("{label}/catalog.json: malformed JSON: {e}")))?;
        let list = catalog
            .get("messages")
            .and_then(Value::as_array)
            .ok_or_else(|| LoadError(format!("{label}/catalog.json: no `messages` array")))?;
        let mut set = SchemaSet {
            label: label.to_owned(),
            entries: BTreeMap::new(),
            unions: BTreeMap::new(),
        };
        let mut listed = BTreeSet::from(["catalog.json".to_owned()]);
        for (i, item) in list.iter().enumerate() {
            let field = |name: &str| -> Result<String, LoadError> {
                item.get(name)
                    .and_then(Value::as_str)
                    .map(str::to_owned)
                    .ok_or_else(|| {
                        LoadError(format!(
                            "{label}/catalog.json: messages[{i}] has no string `{name}`"
                        ))
                    })
            };
            let key = MessageKey {
                surface: field("surface")?,
                version: field("version")?,
                direction: field("direction")?,
                wire_name: field("wire_name")?,
            };
            if !matches!(
                key.direction.as_str(),
                "client-to-server" | "server-to-client"
            ) {
                return err(format!(
                    "{label}/catalog.json: messages[{i}] has unknown direction `{}`",
                    key.direction
                ));
            }
            let schema_path = field("schema")?;
            let union_path = field("union_schema")?;
            let schema = parse(&schema_path)?;
            if !declares_tag(&schema, &key.wire_name) {
                return err(format!(
                    "{label}/{schema_path}: does not declare the wire name `{}` that catalog.json gives it",
                    key.wire_name
                ));
            }
            if !set.unions.contains_key(&union_path) {
                let union = parse(&union_path)?;
                set.unions.insert(union_path.clone(), union);
            }
            // The schema of a request's answers and the stable-surface union (app-server) are
            // listed so the tree is complete; the comparison covers messages and unions.
            for optional in ["result_schema", "stable_union_schema"] {
                if let Some(path) = item.get(optional) {
                    let path = path.as_str().ok_or_else(|| {
                        LoadError(format!(
                            "{label}/catalog.json: messages[{i}] has a non-string `{optional}`"
                        ))
                    })?;
                    if listed.insert(path.to_owned()) {
                        parse(path)?;
                    }
                }
            }
            listed.insert(schema_path.clone());
            listed.insert(union_path.clone());
            let entry = Entry {
                key: key.clone(),
                schema_path,
                schema,
                union_path,
            };
            if set.entries.insert(key.clone(), entry).is_some() {
                return err(format!("{label}/catalog.json: lists {key} twice"));
            }
        }
        // The union files in every form (open, closed, generators; whole and stable surface):
        // listed so the tree is complete, and checked to be valid self-contained schemas. The
        // comparison reads the open union through each message's `union_schema`.
        if let Some(unions) = catalog.get("unions") {
            let unions = unions.as_array().ok_or_else(|| {
                LoadError(format!("{label}/catalog.json: `unions` is not an array"))
            })?;
            for (i, union) in unions.iter().enumerate() {
                let forms = union
                    .get("forms")
                    .and_then(Value::as_object)
                    .ok_or_else(|| {
                        LoadError(format!(
                            "{label}/catalog.json: unions[{i}] has no `forms` object"
                        ))
                    })?;
                for (form, path) in forms {
                    let path = path.as_str().ok_or_else(|| {
                        LoadError(format!(
                            "{label}/catalog.json: unions[{i}].forms.{form} is not a string"
                        ))
                    })?;
                    if listed.insert(path.to_owned()) {
                        parse(path)?;
                    }
                }
            }
        }
        if let Some(stray) = files
            .keys()
            .find(|p| p.ends_with(".json") && !listed.contains(*p))
        {
            return err(format!("{label}/{stray}: not listed in catalog.json"));
        }
        Ok(set)
    }
}

/// Whether a message schema carries its wire name as the `const` of `type` or `method`.
fn declares_tag(schema: &Value, wire_name: &str) -> bool {
    ["type", "method"].iter().any(|tag| {
        schema
            .pointer(&format!("/properties/{tag}/const"))
            .and_then(Value::as_str)
            == Some(wire_name)
    })
}

/// Every `$ref` must be a local `#/$defs/<name>` that exists.
fn check_refs<'a>(root: &Value, value: &'a Value) -> Result<(), &'a str> {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get("$ref") {
                let ok = r.strip_prefix("#/$defs/").is_some_and(|name| {
                    root.pointer(&format!("/$defs/{}", escape(name))).is_some()
                }) || r == "#";
                if !ok {
                    return Err(r);
                }
            }
            map.values().try_for_each(|v| check_refs(root, v))
        }
        Value::Array(items) => items.iter().try_for_each(|v| check_refs(root, v)),
        _ => Ok(()),
    }
}

fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) -> Result<(), LoadError> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| LoadError(format!("{}: {e}", dir.display())))?;
    for entry in entries {
        let entry = entry.map_err(|e| LoadError(format!("{}: {e}", dir.display())))?;
        let path = entry.path();
        if path.is_dir() {
            walk(root, &path, out)?;
        } else {
            let bytes =
                std::fs::read(&path).map_err(|e| LoadError(format!("{}: {e}", path.display())))?;
            let rel = path.strip_prefix(root).expect("walked below root");
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            out.insert(rel, bytes);
        }
    }
    Ok(())
}

/// Runs git in `dir`; stdout on success, stderr as the error.
fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(String::from_utf8_lossy(&output.stderr).trim().to_owned())
    }
}
