//! `cargo codegen validate`: checks captured traffic (JSON Lines) against the protocol, message
//! by message, with both views of it: the Rust decoder of rtwire-protocol and the JSON Schema
//! that `cargo codegen` emits. See [`HELP`] for the report and the exit status.

mod checker;
mod input;

pub use checker::{
    Checker, DecoderVerdict, Finding, Outcome, SchemaVerdict, View, classify, union_names,
};
use input::Entry;

use serde_json::{Value, json};
use std::io::{self, BufRead, Write};
use std::path::PathBuf;

/// Exit status: every message is valid (unknown messages allowed unless `--strict`).
pub const EXIT_VALID: u8 = 0;
/// Exit status: some message is invalid, or the two views disagree on one.
pub const EXIT_INVALID: u8 = 1;
/// Exit status: a usage or I/O error (unknown union, unreadable file).
pub const EXIT_ERROR: u8 = 2;

/// The long help of the command: what it reports and its exit status.
pub const HELP: &str = "\
Each FILE is JSON Lines: one message per line (CRLF line ends are fine). A file whose first line \
opens a JSON document that continues on the next lines (a pretty-printed message) is read as \
one document. No FILE, or `-`, reads standard input. Memory stays bounded by the longest line.

Every message is decoded with the Rust type of the union and validated against the union's \
JSON Schema (built in memory from the same registry as schemas/). Each problem is reported on \
its own line as FILE:LINE: KIND: NAME: REASON (at POINTER) [VIEW], where NAME is the event \
`type` or JSON-RPC `method` (for a response, `(response to id ID)`), POINTER the JSON pointer \
of the offending value (left out for the message itself) and VIEW who rejected the message \
(decoder, schema, or json when the line is not a JSON document). Kinds:
  invalid       both views reject the message, or the line is not JSON: not valid UTF-8, \
not valid JSON, incomplete or truncated, or nested deeper than 128 levels;
  disagreement  one view accepts the message and the other rejects it: a defect of \
rtwire-protocol, to be reported;
  unknown       a message the protocol does not know but keeps as raw JSON (an event `type`, \
or a server notification `method`, of a newer protocol); not a failure unless --strict;
  note          a blank (empty or whitespace-only) line: skipped, not counted as a message, \
never a failure.
A summary ends the report. With --format json, every problem and the summary is one JSON \
object per line, with the members kind, file, line, name (the `type` or `method`, or null), \
view, pointer (\"\" for the message itself), reason, and accepted_by for a disagreement; an \
unreadable input is a record of kind error.

Exit status: 0 when every message is valid (unknown messages allowed unless --strict), 1 when \
a message is invalid or the views disagree on one, 2 for a usage or I/O error (unknown union, \
unreadable file).";

/// The arguments of `cargo codegen validate`.
#[derive(Debug, Clone, clap::Parser)]
#[command(name = "validate", after_long_help = HELP)]
pub struct Args {
    /// The union the messages belong to, by its schema path under schemas/ without `.json`:
    /// realtime/v1/ClientEvent, realtime/v1/ServerEvent, realtime/v2/ClientEvent,
    /// realtime/v2/ServerEvent, app-server/ClientMessage or app-server/ServerMessage.
    #[arg(value_name = "UNION")]
    pub union: String,
    /// JSON Lines files to check; none or `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Count unknown messages as failures.
    #[arg(long)]
    pub strict: bool,
    /// Report format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// How the report is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One line per problem, then a summary line.
    Text,
    /// One JSON object per problem, then one for the summary (JSON Lines).
    Json,
}

/// The counts of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Inputs read (files, or standard input).
    pub files: usize,
    /// Non-blank lines (or multi-line documents) read.
    pub messages: usize,
    /// Messages both views accept, of a registered kind.
    pub valid: usize,
    /// Messages both views reject, and lines that are not JSON documents.
    pub invalid: usize,
    /// Messages the protocol keeps as unknown.
    pub unknown: usize,
    /// Messages one view accepts and the other rejects.
    pub disagreements: usize,
    /// Blank lines skipped.
    pub blank: usize,
    /// Inputs that could not be read (to their end).
    pub io_errors: usize,
}

impl Summary {
    /// The exit status of a run with these counts.
    pub fn exit_code(&self, strict: bool) -> u8 {
        if self.io_errors > 0 {
            EXIT_ERROR
        } else if self.invalid > 0 || self.disagreements > 0 || (strict && self.unknown > 0) {
            EXIT_INVALID
        } else {
            EXIT_VALID
        }
    }
}

/// Runs `cargo codegen validate` with the process's standard streams.
pub fn main(args: &Args) -> std::process::ExitCode {
    let stdin = io::stdin();
    let code = run(
        args,
        &mut stdin.lock(),
        &mut io::stdout().lock(),
        &mut io::stderr().lock(),
    );
    std::process::ExitCode::from(code)
}

/// Runs `cargo codegen validate`: reads the inputs (`stdin` for `-` or no file), writes the
/// report to `out` and usage or I/O errors to `err`, and returns the exit status.
pub fn run(args: &Args, stdin: &mut dyn BufRead, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let mut checker = match Checker::new(&args.union) {
        Some(Ok(checker)) => checker,
        Some(Err(reason)) => {
            let _ = writeln!(err, "error: {reason}");
            return EXIT_ERROR;
        }
        None => {
            let _ = writeln!(
                err,
                "error: unknown union `{}`; the unions are:",
                args.union
            );
            for name in union_names() {
                let _ = writeln!(err, "  {name}");
            }
            return EXIT_ERROR;
        }
    };
    let mut report = Report {
        out,
        format: args.format,
        strict: args.strict,
        summary: Summary::default(),
    };
    let stdin_only = [PathBuf::from("-")];
    let files = if args.files.is_empty() {
        &stdin_only[..]
    } else {
        &args.files[..]
    };
    for file in files {
        report.summary.files += 1;
        let label = if file.as_os_str() == "-" {
            "<stdin>".to_owned()
        } else {
            file.display().to_string()
        };
        let result = if file.as_os_str() == "-" {
            report.input(&label, stdin, &mut checker)
        } else {
            std::fs::File::open(file)
                .and_then(|f| report.input(&label, &mut io::BufReader::new(f), &mut checker))
        };
        if let Err(e) = result {
            report.summary.io_errors += 1;
            let _ = writeln!(err, "error: cannot read {label}: {e}");
            report.io_error(&label, &e);
        }
    }
    let code = report.summary.exit_code(args.strict);
    report.summary(code);
    let _ = report.out.flush();
    code
}

/// The report being written.
struct Report<'a> {
    out: &'a mut dyn Write,
    format: Format,
    strict: bool,
    summary: Summary,
}

impl Report<'_> {
    fn input(
        &mut self,
        file: &str,
        reader: &mut dyn BufRead,
        checker: &mut Checker,
    ) -> io::Result<()> {
        let tag = checker.tag();
        input::read(reader, |line, entry| {
            let at = At { file, line };
            match entry {
                Entry::Blank => {
                    self.summary.blank += 1;
                    self.record(&at, "note", None, None, None, "blank line skipped", None);
                }
                Entry::Malformed(reason) => {
                    self.summary.messages += 1;
                    self.summary.invalid += 1;
                    self.record(&at, "invalid", None, Some("json"), None, &reason, None);
                }
                Entry::Message(value) => {
                    self.summary.messages += 1;
                    let name = Name {
                        name: value.get(tag).and_then(Value::as_str),
                        label: checker.label(&value),
                    };
                    let outcome = checker.check(&value);
                    self.outcome(&at, &name, outcome);
                }
            }
        })
    }

    fn outcome(&mut self, at: &At<'_>, shown: &Name<'_>, outcome: Outcome) {
        match outcome {
            Outcome::Valid => self.summary.valid += 1,
            Outcome::Unknown => {
                self.summary.unknown += 1;
                let reason = if self.strict {
                    "not part of this version of the protocol (kept as raw JSON; a failure with --strict)"
                } else {
                    "not part of this version of the protocol (kept as raw JSON)"
                };
                self.record(at, "unknown", Some(shown), None, None, reason, None);
            }
            Outcome::Invalid(findings) => {
                self.summary.invalid += 1;
                for f in findings {
                    self.record(
                        at,
                        "invalid",
                        Some(shown),
                        Some(f.view.as_str()),
                        Some(&f.pointer),
                        &f.reason,
                        None,
                    );
                }
            }
            Outcome::Disagreement {
                accepted_by,
                findings,
            } => {
                self.summary.disagreements += 1;
                for f in findings {
                    let view = f.view.as_str();
                    self.record(
                        at,
                        "disagreement",
                        Some(shown),
                        Some(view),
                        Some(&f.pointer),
                        &f.reason,
                        Some(accepted_by.as_str()),
                    );
                }
            }
        }
    }

    /// Writes one problem. `name` is `None` for a line that is not a message.
    #[allow(clippy::too_many_arguments)]
    fn record(
        &mut self,
        at: &At<'_>,
        kind: &str,
        name: Option<&Name<'_>>,
        view: Option<&str>,
        pointer: Option<&str>,
        reason: &str,
        accepted_by: Option<&str>,
    ) {
        let _ = match self.format {
            Format::Json => {
                let mut record = json!({
                    "kind": kind, "file": at.file, "line": at.line, "name": name.and_then(|n| n.name),
                    "view": view, "pointer": pointer, "reason": reason,
                });
                if let Some(accepted_by) = accepted_by {
                    record["accepted_by"] = accepted_by.into();
                }
                writeln!(self.out, "{record}")
            }
            Format::Text => {
                let mut text = format!("{}:{}: {kind}: ", at.file, at.line);
                if let Some(name) = name {
                    text.push_str(&name.label);
                    text.push_str(": ");
                }
                if let Some(accepted_by) = accepted_by {
                    let view = view.unwrap_or("?");
                    text.push_str(&format!(
                        "accepted by the {accepted_by} but rejected by the {view} (a defect of rtwire-protocol): "
                    ));
                }
                text.push_str(reason);
                if let Some(pointer) = pointer.filter(|p| !p.is_empty()) {
                    text.push_str(&format!(" (at {pointer})"));
                }
                if let Some(view) = view {
                    text.push_str(&format!(" [{view}]"));
                }
                writeln!(self.out, "{text}")
            }
        };
    }

    fn io_error(&mut self, file: &str, error: &io::Error) {
        if self.format == Format::Json {
            let record = json!({ "kind": "error", "file": file, "line": null, "name": null, "view": null,
                "pointer": null, "reason": format!("cannot read: {error}") });
            let _ = writeln!(self.out, "{record}");
        }
    }

    fn summary(&mut self, code: u8) {
        let s = self.summary;
        let _ = match self.format {
            Format::Json => {
                let record = json!({
                    "kind": "summary", "files": s.files, "messages": s.messages, "valid": s.valid,
                    "invalid": s.invalid, "unknown": s.unknown, "disagreements": s.disagreements,
                    "blank": s.blank, "io_errors": s.io_errors, "strict": self.strict, "exit_code": code,
                });
                writeln!(self.out, "{record}")
            }
            Format::Text => {
                let mut text = format!(
                    "{} message(s) in {} input(s): {} valid, {} invalid, {} unknown, {} disagreement(s)",
                    s.messages, s.files, s.valid, s.invalid, s.unknown, s.disagreements
                );
                if s.blank > 0 {
                    text.push_str(&format!("; {} blank line(s) skipped", s.blank));
                }
                if s.io_errors > 0 {
                    text.push_str(&format!("; {} input(s) unreadable", s.io_errors));
                }
                if self.strict && s.unknown > 0 {
                    text.push_str(" (--strict: unknown messages fail)");
                }
                writeln!(self.out, "{text}")
            }
        };
    }
}

/// The name of a message: its `type` or `method` when that is a string (JSON reports), and
/// how text reports call it.
struct Name<'a> {
    name: Option<&'a str>,
    label: String,
}

/// Where a problem is.
struct At<'a> {
    file: &'a str,
    line: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use rtwire_protocol::DecodeError;

    /// The report of one message whose two verdicts are given.
    fn report(format: Format, decoder: DecoderVerdict, schema: SchemaVerdict) -> (String, Summary) {
        let mut out = vec![];
        let mut report = Report {
            out: &mut out,
            format,
            strict: false,
            summary: Summary::default(),
        };
        let name = Name {
            name: Some("response.output_audio.delta"),
            label: "response.output_audio.delta".into(),
        };
        report.outcome(
            &At {
                file: "capture.jsonl",
                line: 7,
            },
            &name,
            classify(decoder, schema),
        );
        let summary = report.summary;
        (String::from_utf8(out).unwrap(), summary)
    }

    fn decoder_error() -> DecoderVerdict {
        DecoderVerdict::Rejected(DecodeError::new(
            Some("response.output_audio.delta"),
            "/output_index",
            "invalid type: floating point `1.0`, expected u32",
        ))
    }

    fn schema_error() -> SchemaVerdict {
        SchemaVerdict::Rejected(vec![Finding {
            view: View::Schema,
            pointer: "/output_index".into(),
            reason: "1.5 is not of type \"integer\"".into(),
        }])
    }

    #[test]
    fn a_message_the_schema_accepts_and_the_decoder_rejects_is_reported_as_a_disagreement() {
        let (text, summary) = report(Format::Text, decoder_error(), SchemaVerdict::Accepted);
        assert_eq!(
            text,
            "capture.jsonl:7: disagreement: response.output_audio.delta: accepted by the schema but rejected by the \
             decoder (a defect of rtwire-protocol): invalid type: floating point `1.0`, expected u32 (at /output_index) [decoder]\n"
        );
        assert_eq!(
            (summary.disagreements, summary.invalid, summary.valid),
            (1, 0, 0)
        );
        assert_eq!(summary.exit_code(false), EXIT_INVALID);
        let (json, _) = report(Format::Json, decoder_error(), SchemaVerdict::Accepted);
        assert_eq!(
            serde_json::from_str::<Value>(&json).unwrap(),
            json!({ "kind": "disagreement", "file": "capture.jsonl", "line": 7, "name": "response.output_audio.delta",
                "view": "decoder", "pointer": "/output_index", "reason": "invalid type: floating point `1.0`, expected u32",
                "accepted_by": "schema" })
        );
    }

    #[test]
    fn a_message_the_decoder_accepts_and_the_schema_rejects_is_reported_as_a_disagreement() {
        for decoder in [
            DecoderVerdict::Known(Some("response.output_audio.delta".into())),
            DecoderVerdict::Unknown,
        ] {
            let (text, summary) = report(Format::Text, decoder.clone(), schema_error());
            assert_eq!(
                text,
                "capture.jsonl:7: disagreement: response.output_audio.delta: accepted by the decoder but rejected by the \
                 schema (a defect of rtwire-protocol): 1.5 is not of type \"integer\" (at /output_index) [schema]\n"
            );
            assert_eq!(
                (summary.disagreements, summary.unknown, summary.valid),
                (1, 0, 0)
            );
            let (json, _) = report(Format::Json, decoder, schema_error());
            assert_eq!(
                serde_json::from_str::<Value>(&json).unwrap(),
                json!({ "kind": "disagreement", "file": "capture.jsonl", "line": 7, "name": "response.output_audio.delta",
                    "view": "schema", "pointer": "/output_index", "reason": "1.5 is not of type \"integer\"",
                    "accepted_by": "decoder" })
            );
        }
    }

    #[test]
    fn the_exit_status_is_2_for_io_errors_then_1_for_failures_then_0() {
        let counts = |invalid, unknown, disagreements, io_errors| Summary {
            invalid,
            unknown,
            disagreements,
            io_errors,
            ..Summary::default()
        };
        assert_eq!(counts(1, 0, 0, 1).exit_code(false), EXIT_ERROR);
        assert_eq!(counts(1, 0, 0, 0).exit_code(false), EXIT_INVALID);
        assert_eq!(counts(0, 0, 1, 0).exit_code(false), EXIT_INVALID);
        assert_eq!(counts(0, 3, 0, 0).exit_code(false), EXIT_VALID);
        assert_eq!(counts(0, 3, 0, 0).exit_code(true), EXIT_INVALID);
    }
}
