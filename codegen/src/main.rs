//! `cargo codegen`: the rtwire code generator and protocol tools.

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Generates the JSON Schemas and TypeScript types of rtwire-protocol and checks them.
#[derive(Parser)]
#[command(name = "cargo codegen", version, about)]
struct Cli {
    /// The workspace root (default: the nearest directory at or above the current one whose
    /// Cargo.toml declares `[workspace]`).
    #[arg(long, global = true)]
    root: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Write `schemas/`, `generated/typescript/` and the published documents (the default).
    Generate,
    /// Regenerate in memory and compare with the files on disk: exit 1 on drift.
    Check,
    /// Compare two `schemas/` trees for breaking changes: exit 1 on one, 2 on bad input.
    Diff(rtwire_codegen::diff::cli::DiffArgs),
    /// Check captured traffic (JSON Lines) against the protocol, message by message.
    Validate(rtwire_codegen::validate::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // `diff` and `validate` work on the files they are given, in any folder: only generation
    // needs the workspace.
    let needs_workspace = matches!(cli.command, None | Some(Command::Generate | Command::Check));
    let root = match cli.root {
        Some(root) => root,
        None => {
            let cwd = std::env::current_dir().unwrap_or_default();
            match rtwire_codegen::find_workspace_root(&cwd) {
                Some(root) => root,
                None if !needs_workspace => cwd,
                None => {
                    eprintln!(
                        "error: no Cargo.toml with [workspace] at or above {}; run inside the rtwire workspace or pass --root",
                        cwd.display()
                    );
                    return ExitCode::from(2);
                }
            }
        }
    };
    match cli.command.unwrap_or(Command::Generate) {
        Command::Generate => generate(&root),
        Command::Check => check(&root),
        Command::Diff(args) => rtwire_codegen::diff::cli::main(&root, &args),
        Command::Validate(args) => rtwire_codegen::validate::main(&args),
    }
}

/// The generated files, or the error that stops generation (printed, exit 2).
fn generated(root: &std::path::Path) -> Result<rtwire_codegen::FileSet, ExitCode> {
    rtwire_codegen::try_generate_in(root).map_err(|e| {
        eprintln!("error: cannot generate: {e}");
        ExitCode::from(2)
    })
}

fn generate(root: &std::path::Path) -> ExitCode {
    let files = match generated(root) {
        Ok(files) => files,
        Err(code) => return code,
    };
    match rtwire_codegen::write(root, &files) {
        Ok(report) => {
            for path in &report.written {
                println!("wrote   {}", path.display());
            }
            for path in &report.removed {
                println!("removed {}", path.display());
            }
            println!(
                "{} generated file(s): {} written, {} removed, {} unchanged",
                files.len(),
                report.written.len(),
                report.removed.len(),
                files.len() - report.written.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!(
                "error: cannot write generated files under {}: {e}",
                root.display()
            );
            ExitCode::from(2)
        }
    }
}

fn check(root: &std::path::Path) -> ExitCode {
    let files = match generated(root) {
        Ok(files) => files,
        Err(code) => return code,
    };
    match rtwire_codegen::check::drift(root, &files) {
        Ok((drift, _)) if drift.is_clean() => {
            println!("{} generated file(s) are up to date", files.len());
            ExitCode::SUCCESS
        }
        Ok((drift, existing)) => {
            print!(
                "{}",
                rtwire_codegen::check::report(&drift, &files, &existing)
            );
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!(
                "error: cannot read generated files under {}: {e}",
                root.display()
            );
            ExitCode::from(2)
        }
    }
}
