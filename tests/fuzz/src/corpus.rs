//! The dictionary and the seed corpus, generated from the registry and the examples: a new
//! message brings its wire name, member names and enum values, and its examples, with no edit.

use rtwire_protocol::registry;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

/// Tokens that stress the JSON layer: numbers at the edges of every range, escapes, a byte order
/// mark, repeated tags.
const HOSTILE: &[&str] = &[
    "1e400",
    "-1e400",
    "-0",
    "-0.0",
    "1.0",
    "0.5",
    "18446744073709551615",
    "18446744073709551616",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "-9223372036854775809",
    "4294967296",
    "65536",
    "444e61",
    "1777777777777777777777777",
    "\"\\ud800\"",
    "\"\\udc00\"",
    "\"\\ud83d\\ude00\"",
    "\"\\u0000\"",
    "\u{feff}",
    "null",
    "true",
    "[]",
    "{}",
    "\"\"",
    "\"type\":",
    "\"method\":",
    "\"id\":",
    "\"params\":",
    "\"result\":",
    "\"error\":",
];

/// The dictionary: JSON-quoted wire names, member names and string enum values of every
/// registered message (from the emitted schemas), then the hostile tokens.
pub fn dictionary() -> Vec<String> {
    let mut words = BTreeSet::new();
    for message in registry::messages() {
        words.insert(quote(message.wire_name));
    }
    for union in rtwire_codegen::schema::unions() {
        collect(&union.root, &mut words);
    }
    for result in registry::results() {
        words.insert(quote(result.method));
        collect(&rtwire_codegen::schema::result_schema(&result), &mut words);
    }
    let mut out: Vec<String> = words.into_iter().collect();
    out.extend(HOSTILE.iter().map(|s| (*s).to_owned()));
    out
}

fn quote(s: &str) -> String {
    Value::from(s).to_string()
}

/// Member names (`properties`, `required`) and string `const` / `enum` values of a schema.
fn collect(schema: &Value, words: &mut BTreeSet<String>) {
    match schema {
        Value::Object(object) => {
            for (key, value) in object {
                match (key.as_str(), value) {
                    ("properties", Value::Object(properties)) => {
                        for (name, member) in properties {
                            words.insert(quote(name));
                            collect(member, words);
                        }
                    }
                    ("const", Value::String(s)) => {
                        words.insert(quote(s));
                    }
                    ("enum", Value::Array(values)) => {
                        for s in values.iter().filter_map(Value::as_str) {
                            words.insert(quote(s));
                        }
                    }
                    // Descriptions are prose, not wire tokens.
                    ("description" | "$comment" | "title", _) => {}
                    _ => collect(value, words),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect(v, words)),
        _ => {}
    }
}

/// The dictionary in libFuzzer's format (`-dict=`), one quoted token per line.
pub fn libfuzzer_dictionary() -> String {
    dictionary()
        .iter()
        .map(|w| format!("{}\n", Value::from(w.as_str())))
        .collect()
}

/// The seeds: every example of `tests/examples/` (each line of a `.jsonl` file is a seed,
/// a `.json` file is one compact seed), then hand-made hostile inputs.
pub fn seeds() -> Vec<Vec<u8>> {
    let mut seeds = BTreeSet::new();
    let dir = rtwire_codegen::workspace_root().join("tests/examples");
    walk(&dir, &mut seeds);
    let mut out: Vec<Vec<u8>> = seeds.into_iter().collect();
    for hostile in [
        r#"{"type":"","type":{}}"#,
        r#"{"type":"input_audio_buffer.clear","type":"input_audio_buffer.commit"}"#,
        r#"{"type":"conversation.item.delete","item_id":5,"item_id":"a"}"#,
        r#"{"type":"input_audio_buffer.clear","x":1e400}"#,
        r#"{"method":"initialized","params":"\udc00"}"#,
        r#"{"type":"rate_limits.updated","rate_limits":[{"reset_seconds":444e61}]}"#,
        r#"{"id":-9223372036854775809,"method":"thread/realtime/stop","params":{"threadId":"t"}}"#,
        r#"{"id":1,"result":{}}"#,
        r#"{"id":1,"error":{"code":-32600,"message":""}}"#,
    ] {
        out.push(hostile.as_bytes().to_vec());
    }
    out
}

fn walk(dir: &Path, seeds: &mut BTreeSet<Vec<u8>>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, seeds);
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        match path.extension().and_then(|e| e.to_str()) {
            Some("jsonl") => {
                for line in text.lines().filter(|l| !l.trim().is_empty()) {
                    seeds.insert(line.as_bytes().to_vec());
                }
            }
            Some("json") => {
                if let Ok(value) = serde_json::from_str::<Value>(&text) {
                    seeds.insert(value.to_string().into_bytes());
                }
            }
            _ => {}
        }
    }
}
