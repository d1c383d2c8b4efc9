//! Collecting the TypeScript declarations of a type and everything it uses (feature `ts`).

use std::any::TypeId;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use ts_rs::{Config, TS, TypeVisitor};

/// The ts-rs file of `T` and of every exportable type it depends on, transitively, keyed by
/// their paths relative to the output folder.
pub fn collect<T: TS + 'static + ?Sized>(config: &Config) -> Vec<(PathBuf, String)> {
    let mut visitor = Collect {
        config,
        seen: BTreeSet::new(),
        files: BTreeMap::new(),
    };
    visitor.visit::<T>();
    visitor.files.into_iter().collect()
}

struct Collect<'a> {
    config: &'a Config,
    seen: BTreeSet<TypeId>,
    files: BTreeMap<PathBuf, String>,
}

impl TypeVisitor for Collect<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        if let Some(path) = T::output_path() {
            let text = T::export_to_string(self.config).unwrap_or_else(|e| {
                panic!("ts-rs cannot export {}: {e}", std::any::type_name::<T>())
            });
            self.files.insert(path, text);
        }
        T::visit_dependencies(self);
        T::visit_generics(self);
    }
}

/// The import path of the file `to` from the file `from` (both relative to the output folder),
/// with the `.js` extension that NodeNext resolution requires.
pub fn import_path(from: &Path, to: &Path) -> String {
    let from_dir: Vec<_> = from
        .parent()
        .map(|p| p.components().collect())
        .unwrap_or_default();
    let to_parts: Vec<_> = to.components().collect();
    let common = from_dir
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut parts: Vec<String> = vec![];
    for _ in common..from_dir.len() {
        parts.push("..".into());
    }
    for part in &to_parts[common..] {
        parts.push(part.as_os_str().to_string_lossy().into_owned());
    }
    let joined = parts.join("/");
    let joined = joined.strip_suffix(".ts").unwrap_or(&joined).to_owned() + ".js";
    if joined.starts_with("..") {
        joined
    } else {
        format!("./{joined}")
    }
}

/// One variant of an event union, for [`event_union_files`].
pub struct Variant {
    /// Its `type`.
    pub tag: &'static str,
    /// The TypeScript name of its payload type.
    pub name: String,
    /// The file of its payload type.
    pub path: Option<PathBuf>,
    /// The files of its payload type and everything it uses.
    pub files: Vec<(PathBuf, String)>,
}

/// The files of an event union: its payload types', and `<module>/<name>.ts` declaring the
/// union of `{ "type": tag } & Payload` for every variant, and `<name>Of<T>`, the variant whose
/// tag is `T` (so that a handler typed by one event keeps its tag even when several events
/// share a payload type). Input aliases are left out: the TypeScript view lists the canonical
/// form.
pub fn event_union_files(
    name: &str,
    module: &str,
    doc: &str,
    variants: Vec<Variant>,
) -> Vec<(PathBuf, String)> {
    let path = PathBuf::from(format!("{module}/{name}.ts"));
    let mut files: BTreeMap<PathBuf, String> = BTreeMap::new();
    let mut imports: BTreeMap<String, String> = BTreeMap::new();
    let mut branches = vec![];
    let first_tag = variants.first().map_or("", |v| v.tag);
    for variant in variants {
        files.extend(variant.files);
        if let Some(p) = &variant.path {
            imports.insert(variant.name.clone(), import_path(&path, p));
        }
        branches.push(format!(
            "{{ \"type\": {:?} }} & {}",
            variant.tag, variant.name
        ));
    }
    let mut text = String::new();
    for (ty, from) in &imports {
        text.push_str(&format!("import type {{ {ty} }} from \"{from}\";\n"));
    }
    text.push_str(&format!(
        "\n/**\n * {doc}\n */\nexport type {name} =\n  | {};\n",
        branches.join("\n  | ")
    ));
    text.push_str(&format!(
        "\n/**\n * The event of `{name}` whose `type` is `T`, with its tag, e.g. `{name}Of<\"{example}\">`.\n */\nexport type {name}Of<T extends {name}[\"type\"]> = Extract<{name}, {{ \"type\": T }}>;\n",
        example = first_tag,
    ));
    files.insert(path, text);
    files.into_iter().collect()
}
