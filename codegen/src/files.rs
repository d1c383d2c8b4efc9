//! The generated file set, in memory, and writing it to disk.

use std::io;
use std::path::{Path, PathBuf};

pub use crate::text::{FileSet, HEADER, json_text};

/// The folders codegen owns, relative to the workspace root: every file in them is generated.
pub const OWNED_DIRS: &[&str] = &[
    "schemas",
    "generated/typescript",
    crate::asyncapi::DIR,
    crate::openrpc::DIR,
    crate::reference::DIR,
];

/// Generates every file, in memory, for the workspace that contains the current directory.
pub fn generate() -> FileSet {
    generate_in(&crate::workspace_root())
}

/// Generates every file, in memory, reading the examples corpus of the workspace at `root`
/// (the published documents embed its examples).
///
/// # Panics
/// When [`try_generate_in`] fails.
pub fn generate_in(root: &Path) -> FileSet {
    try_generate_in(root).unwrap_or_else(|e| panic!("{e}"))
}

/// Generates every file, in memory, reading the examples corpus of the workspace at `root`.
/// Fails when the corpus is unreadable, or when a registry entry has no doc comment or no
/// canonical example: the error names the entry.
pub fn try_generate_in(root: &Path) -> Result<FileSet, String> {
    let mut files = FileSet::new();
    let ts = crate::typescript::generate();
    let schemas = crate::schema::generate(&ts);
    for (path, text) in crate::ts_runtime::generate(&schemas) {
        files.insert(
            Path::new("generated/typescript").join(path),
            text.into_bytes(),
        );
    }
    for (path, text) in schemas {
        files.insert(Path::new("schemas").join(path), text.into_bytes());
    }
    for (path, text) in ts {
        files.insert(
            Path::new("generated/typescript").join(path),
            text.into_bytes(),
        );
    }
    crate::reference::publish_into(root, &mut files)?;
    Ok(files)
}

/// The files currently on disk in the folders codegen owns.
pub fn read_existing(root: &Path) -> io::Result<FileSet> {
    let mut files = FileSet::new();
    for dir in OWNED_DIRS {
        let dir = root.join(dir);
        if dir.exists() {
            walk(root, &dir, &mut files)?;
        }
    }
    Ok(files)
}

fn walk(root: &Path, dir: &Path, out: &mut FileSet) -> io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            walk(root, &path, out)?;
        } else {
            let rel = path
                .strip_prefix(root)
                .expect("walked below root")
                .to_path_buf();
            out.insert(rel, std::fs::read(&path)?);
        }
    }
    Ok(())
}

/// What [`write`] changed.
#[derive(Debug, Default)]
pub struct WriteReport {
    /// Files created or rewritten.
    pub written: Vec<PathBuf>,
    /// Stale files removed.
    pub removed: Vec<PathBuf>,
}

/// Writes `files` under `root`, leaving identical files untouched and removing stale files of
/// earlier runs (and the folders they leave empty).
pub fn write(root: &Path, files: &FileSet) -> io::Result<WriteReport> {
    let existing = read_existing(root)?;
    let mut report = WriteReport::default();
    for path in existing.keys() {
        if !files.contains_key(path) {
            std::fs::remove_file(root.join(path))?;
            report.removed.push(path.clone());
        }
    }
    for (path, bytes) in files {
        if existing.get(path) != Some(bytes) {
            let full = root.join(path);
            std::fs::create_dir_all(full.parent().expect("files live in folders"))?;
            std::fs::write(&full, bytes)?;
            report.written.push(path.clone());
        }
    }
    for dir in OWNED_DIRS {
        remove_empty_dirs(&root.join(dir))?;
    }
    Ok(report)
}

fn remove_empty_dirs(dir: &Path) -> io::Result<bool> {
    if !dir.is_dir() {
        return Ok(false);
    }
    let mut empty = true;
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if !(path.is_dir() && remove_empty_dirs(&path)?) {
            empty = false;
        }
    }
    if empty {
        std::fs::remove_dir(dir)?;
    }
    Ok(empty)
}
