//! rtwire-codegen: generates `schemas/` and `generated/typescript/` from the registry of
//! rtwire-protocol, checks them for drift, and hosts the protocol tools.

pub mod check;
pub mod diff;
pub mod files;
pub mod schema;
pub mod standard;
pub mod typescript;
pub mod unions;
pub mod validate;

pub use files::{FileSet, HEADER, generate, write};

/// The workspace root this binary was built from (the parent of `codegen/`).
pub fn workspace_root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("codegen/ has a parent")
        .to_path_buf()
}
