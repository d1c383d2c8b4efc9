//! The examples corpus: `tests/examples/<surface>/<version>/<wire name>/<case>.json`.
//!
//! * `<case>.json` is canonical: it decodes, validates, and re-encodes to an equal value.
//! * `<case>.lenient.json` is an input the decoder must accept although it is not canonical
//!   (aliases, `null` for optional members, unknown members): it decodes, and its re-encoding
//!   validates and decodes back equal.
//!
//! A wire name that contains `/` (app-server methods) is a nested folder.

use rtwire_protocol::registry::{Surface, Version};
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
    /// The JSON it holds.
    pub value: Value,
}

/// The folder of the corpus.
pub fn dir() -> PathBuf {
    crate::root().join("tests/examples")
}

/// Classifies the file at `path` (relative to [`dir`]); `Err` explains a misplaced file.
pub fn classify(path: &Path) -> Result<(Surface, Version, String, bool), String> {
    let parts: Vec<String> = path.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if parts.len() < 4 {
        return Err("expected <surface>/<version>/<wire name>/<case>.json".into());
    }
    let surface = match parts[0].as_str() {
        "realtime" => Surface::Realtime,
        "app-server" => Surface::AppServer,
        other => return Err(format!("unknown surface folder `{other}`")),
    };
    let version = match parts[1].as_str() {
        "v1" => Version::V1,
        "v2" => Version::V2,
        other => return Err(format!("unknown version folder `{other}`")),
    };
    let wire_name = parts[2..parts.len() - 1].join("/");
    let file = &parts[parts.len() - 1];
    let lenient = file.ends_with(".lenient.json");
    Ok((surface, version, wire_name, lenient))
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
            let path = full.strip_prefix(&base).expect("below the corpus").to_path_buf();
            let (surface, version, wire_name, lenient) =
                classify(&path).unwrap_or_else(|e| panic!("tests/examples/{}: {e}", path.display()));
            let text = std::fs::read_to_string(&full).expect("example files are readable");
            let value = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("tests/examples/{}: not JSON: {e}", path.display()));
            Example { path, surface, version, wire_name, lenient, value }
        })
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display())) {
        let path = entry.expect("readable entry").path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}
