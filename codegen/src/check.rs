//! `cargo codegen check`: regenerate in memory and compare with the files on disk.

use similar::TextDiff;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::files::{FileSet, read_existing};

/// How many lines of unified diff are printed per changed file at most.
pub const DIFF_LINES: usize = 40;

/// The difference between the generated files and the files on disk.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Drift {
    /// Generated but missing on disk.
    pub added: Vec<PathBuf>,
    /// On disk but no longer generated.
    pub removed: Vec<PathBuf>,
    /// On disk with other bytes.
    pub changed: Vec<PathBuf>,
}

impl Drift {
    /// No file differs.
    pub fn is_clean(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// Compares `generated` with what is on disk under `root`.
pub fn drift(root: &Path, generated: &FileSet) -> std::io::Result<(Drift, FileSet)> {
    let existing = read_existing(root)?;
    let mut drift = Drift::default();
    for (path, bytes) in generated {
        match existing.get(path) {
            None => drift.added.push(path.clone()),
            Some(old) if old != bytes => drift.changed.push(path.clone()),
            Some(_) => {}
        }
    }
    drift.removed = existing
        .keys()
        .filter(|p| !generated.contains_key(*p))
        .cloned()
        .collect();
    Ok((drift, existing))
}

/// The report printed on drift: every added, removed and changed file, each change with a
/// bounded unified diff, then the command that fixes it.
pub fn report(drift: &Drift, generated: &FileSet, existing: &FileSet) -> String {
    let mut out = String::new();
    let total = drift.added.len() + drift.removed.len() + drift.changed.len();
    let _ = writeln!(
        out,
        "Generated files are out of date ({total} file(s) differ):"
    );
    for path in &drift.added {
        let _ = writeln!(out, "  added:   {} (missing on disk)", path.display());
    }
    for path in &drift.removed {
        let _ = writeln!(out, "  removed: {} (no longer generated)", path.display());
    }
    for path in &drift.changed {
        let _ = writeln!(out, "  changed: {}", path.display());
    }
    for path in &drift.changed {
        let old = String::from_utf8_lossy(&existing[path]);
        let new = String::from_utf8_lossy(&generated[path]);
        let shown = path.display().to_string();
        let diff = TextDiff::from_lines(old.as_ref(), new.as_ref())
            .unified_diff()
            .context_radius(2)
            .header(
                &format!("{shown} (on disk)"),
                &format!("{shown} (generated)"),
            )
            .to_string();
        let lines: Vec<&str> = diff.lines().collect();
        let _ = writeln!(out);
        for line in lines.iter().take(DIFF_LINES) {
            let _ = writeln!(out, "{line}");
        }
        if lines.len() > DIFF_LINES {
            let _ = writeln!(out, "… {} more diff line(s)", lines.len() - DIFF_LINES);
        }
    }
    let _ = writeln!(
        out,
        "\nRun `cargo codegen` to regenerate them, then commit the result."
    );
    out
}
