//! The examples corpus: `tests/examples/<surface>/<version>/<wire name>/<case>.json`.
//!
//! * `<case>.json` is canonical: it decodes, validates, and re-encodes to an equal value.
//! * `<case>.lenient.json` is an input the decoder must accept although it is not canonical
//!   (aliases, `null` for optional members, unknown members): it decodes, and its re-encoding
//!   validates and decodes back equal.
//!
//! * `<case>.result.json` (app-server request methods only) is a whole answer
//!   `{"id", "result"}` to a request of the folder's method: a response does not name its
//!   method, so it is checked with the method's [`ResultInfo`] (`registry::result_for`) and
//!   its result schema, not with a union.
//!
//! A wire name that contains `/` (app-server methods) is a nested folder.

use rtwire_protocol::registry::{ResultInfo, Surface, Version};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// One example file.
#[derive(Debug, Clone)]
pub struct Example {
    /// Its path relative to `tests/examples/`.
    pub path: PathBuf,
    /// The protocol.
    pub surface: Surface,
    /// The version or namespace.
    pub version: Version,
    /// The event `type` or JSON-RPC `method` it exemplifies.
    pub wire_name: String,
    /// Whether it is a lenient (non-canonical) input.
    pub lenient: bool,
    /// Whether it is an answer to a request of `wire_name` (`<case>.result.json`).
    pub result: bool,
    /// The JSON it holds.
    pub value: Value,
}

/// The folder of the corpus.
pub fn dir() -> PathBuf {
    crate::root().join("tests/examples")
}

/// Classifies the file at `path` (relative to [`dir`]); `Err` explains a misplaced file.
pub fn classify(path: &Path) -> Result<(Surface, Version, String, bool), String> {
    let parts: Vec<String> = path
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if parts.len() < 4 {
        return Err("expected <surface>/<version>/<wire name>/<case>.json".into());
    }
    let surface = match parts[0].as_str() {
        "realtime" => Surface::Realtime,
        "app-server" => Surface::AppServer,
        other => return Err(format!("unknown surface folder `{other}`")),
    };
    // The versions are those of the registered messages of this surface: a new version or
    // surface folder needs no edit here.
    let version = rtwire_protocol::registry::messages()
        .into_iter()
        .filter(|m| m.surface == surface)
        .map(|m| m.version)
        .find(|v| v.as_str() == parts[1])
        .ok_or_else(|| format!("unknown version folder `{}`", parts[1]))?;
    let wire_name = parts[2..parts.len() - 1].join("/");
    let file = &parts[parts.len() - 1];
    let lenient = file.ends_with(".lenient.json");
    Ok((surface, version, wire_name, lenient))
}

/// Whether the file at `path` is a result example (`<case>.result.json`).
pub fn is_result(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|f| f.to_string_lossy().ends_with(".result.json"))
}

/// The result of the request method of a result example; `Err` when it names no request.
pub fn result_info(wire_name: &str) -> Result<ResultInfo, String> {
    rtwire_protocol::registry::result_for(wire_name).ok_or_else(|| {
        format!("`{wire_name}` is not a request method: only requests have `.result.json` examples")
    })
}

/// Every `.json` example of the corpus, sorted by path.
pub fn examples() -> Vec<Example> {
    let base = dir();
    let mut paths = vec![];
    collect(&base, &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|full| {
            let path = full
                .strip_prefix(&base)
                .expect("below the corpus")
                .to_path_buf();
            let (surface, version, wire_name, lenient) = classify(&path)
                .unwrap_or_else(|e| panic!("tests/examples/{}: {e}", path.display()));
            let text = std::fs::read_to_string(&full).expect("example files are readable");
            let value = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("tests/examples/{}: not JSON: {e}", path.display()));
            let result = is_result(&path);
            Example {
                path,
                surface,
                version,
                wire_name,
                lenient,
                result,
                value,
            }
        })
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
    {
        let path = entry.expect("readable entry").path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}
