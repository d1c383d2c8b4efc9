//! rtwire-codegen: generates `schemas/`, `generated/typescript/` and the published documents
//! (`generated/asyncapi/`, `generated/openrpc/`, `generated/docs/`) from the registry of
//! rtwire-protocol, checks them for drift, and hosts the protocol tools.

pub mod asyncapi;
pub mod check;
pub mod connection;
pub mod corpus;
pub mod diff;
pub mod files;
pub mod forms;
pub mod openrpc;
pub mod reference;
pub mod schema;
pub mod standard;
pub mod text;
pub mod ts_rewrite;
pub mod ts_runtime;
pub mod ts_unions;
pub mod typescript;
pub mod unions;
pub mod validate;

pub use files::{FileSet, HEADER, generate, generate_in, try_generate_in, write};

/// The rtwire workspace that contains `start`: the nearest directory at or above `start` whose
/// `Cargo.toml` declares `[workspace]`. `None` when no such directory exists.
///
/// The root is found at run time rather than compiled in, so a `cargo codegen` binary built from
/// one checkout works on the checkout it is run in.
pub fn find_workspace_root(start: &std::path::Path) -> Option<std::path::PathBuf> {
    start.ancestors().find_map(|dir| {
        let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).ok()?;
        manifest
            .lines()
            .any(|line| line.trim() == "[workspace]")
            .then(|| dir.to_path_buf())
    })
}

/// The workspace that contains the current directory (see [`find_workspace_root`]).
///
/// # Panics
/// When the current directory is unreadable or inside no Cargo workspace; the `cargo codegen`
/// binary reports that case as an error instead.
pub fn workspace_root() -> std::path::PathBuf {
    let cwd = std::env::current_dir().expect("the current directory is readable");
    find_workspace_root(&cwd).unwrap_or_else(|| {
        panic!(
            "no Cargo.toml with [workspace] at or above {}",
            cwd.display()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::find_workspace_root;

    #[test]
    fn the_root_is_the_nearest_ancestor_declaring_a_workspace() {
        let base = std::env::temp_dir().join(format!("rtwire-root-{}", std::process::id()));
        let member = base.join("ws/member/src");
        std::fs::create_dir_all(&member).unwrap();
        std::fs::write(
            base.join("ws/Cargo.toml"),
            "[workspace]\nmembers = [\"member\"]\n",
        )
        .unwrap();
        std::fs::write(
            base.join("ws/member/Cargo.toml"),
            "[package]\nname = \"m\"\n",
        )
        .unwrap();
        let found = find_workspace_root(&member);
        let outside = find_workspace_root(&base);
        std::fs::remove_dir_all(&base).unwrap();
        assert_eq!(found, Some(base.join("ws")));
        // The temporary directory itself is in no workspace.
        assert_eq!(outside, None);
    }
}
