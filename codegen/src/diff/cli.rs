//! The `cargo codegen diff` command line.

use clap::{Args, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Format, Mode, OldSource, Options, run};

/// `cargo codegen diff <OLD> [<NEW>]` or `cargo codegen diff --base <REV> [<NEW>]`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The old `schemas/` directory. With `--base`, the only directory given is NEW.
    #[arg(value_name = "OLD")]
    pub first: Option<PathBuf>,
    /// The new `schemas/` directory (default: `schemas/` of the working tree).
    #[arg(value_name = "NEW")]
    pub second: Option<PathBuf>,
    /// Read the old tree from the new directory as it was at this git revision.
    #[arg(long, value_name = "GIT-REV")]
    pub base: Option<String>,
    /// Run these checks for every message instead of its direction's default
    /// (client→server: backward, server→client: forward).
    #[arg(long, value_enum)]
    pub mode: Option<ModeArg>,
    /// Report format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: FormatArg,
    /// Accept breaks of this rule id (repeatable).
    #[arg(long, value_name = "RULE-ID")]
    pub allow: Vec<String>,
}

/// `--mode`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ModeArg {
    /// Old senders → new receivers.
    Backward,
    /// New senders → old receivers.
    Forward,
    /// Both.
    Full,
}

/// `--format`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    /// For people.
    Text,
    /// For tools.
    Json,
    /// A pull-request comment.
    Markdown,
}

impl DiffArgs {
    /// The options these arguments mean, with `root` the working tree.
    pub fn options(&self, root: &Path) -> Result<Options, String> {
        let default_new = || root.join("schemas");
        let (old, new) = match &self.base {
            Some(rev) => {
                if self.second.is_some() {
                    return Err("give at most one directory (NEW) with --base".into());
                }
                (
                    OldSource::Git(rev.clone()),
                    self.first.clone().unwrap_or_else(default_new),
                )
            }
            None => {
                let old = self
                    .first
                    .clone()
                    .ok_or("give the old schemas/ directory, or --base <GIT-REV>")?;
                (
                    OldSource::Dir(old),
                    self.second.clone().unwrap_or_else(default_new),
                )
            }
        };
        Ok(Options {
            old,
            new,
            mode: self.mode.map(|m| match m {
                ModeArg::Backward => Mode::Backward,
                ModeArg::Forward => Mode::Forward,
                ModeArg::Full => Mode::Full,
            }),
            format: match self.format {
                FormatArg::Text => Format::Text,
                FormatArg::Json => Format::Json,
                FormatArg::Markdown => Format::Markdown,
            },
            allow: self.allow.clone(),
        })
    }
}

/// Runs the command: prints the report; exit 1 on a breaking change, 2 on bad input.
pub fn main(root: &Path, args: &DiffArgs) -> ExitCode {
    let outcome = args
        .options(root)
        .and_then(|options| run(&options).map_err(|e| e.to_string()));
    match outcome {
        Ok(outcome) => {
            print!("{}", outcome.report);
            ExitCode::from(outcome.exit_code)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
