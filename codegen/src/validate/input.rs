//! Reading JSON Lines: one message per line, memory bounded by the longest line.
//!
//! A file whose first non-blank line opens a JSON document that the line does not close (a
//! pretty-printed message, such as the examples under `tests/examples/`) is read as one
//! document instead, up to [`DOCUMENT_LIMIT`] bytes; if it turns out not to be one document,
//! its lines are reported one by one as JSON Lines.

use serde_json::Value;
use serde_json::error::Category;
use std::io::{self, BufRead};

/// The most bytes read as one multi-line document before giving up and reading the input as
/// JSON Lines.
pub(crate) const DOCUMENT_LIMIT: usize = 64 << 20;

/// What one line (or one multi-line document) of the input holds.
#[derive(Debug)]
pub enum Entry {
    /// An empty or whitespace-only line: skipped.
    Blank,
    /// Not a JSON document, with the reason.
    Malformed(String),
    /// A JSON document.
    Message(Value),
}

/// Reads `reader` to its end, calling `each` with the 1-based line number of every entry.
/// Only I/O errors stop the reading; every bad line is an entry.
pub fn read(reader: &mut dyn BufRead, mut each: impl FnMut(usize, Entry)) -> io::Result<()> {
    let mut line = Vec::new();
    let mut number = 0;
    let mut seen_content = false;
    let mut document: Option<Document> = None;
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        number += 1;
        if number == 1 && line.starts_with(b"\xEF\xBB\xBF") {
            line.drain(..3);
        }
        if let Some(doc) = document.as_mut() {
            doc.push(&line);
            if doc.text.len() > DOCUMENT_LIMIT {
                document.take().expect("document is open").lines(&mut each);
            }
            continue;
        }
        if !seen_content && !is_blank(&line) {
            seen_content = true;
            if opens_document(&line) {
                document = Some(Document {
                    first: number,
                    text: line.clone(),
                    starts: vec![0],
                });
                continue;
            }
        }
        each(number, entry(&line));
    }
    if let Some(doc) = document {
        doc.finish(&mut each);
    }
    Ok(())
}

/// The entry of one line (with its line end, if any).
fn entry(line: &[u8]) -> Entry {
    let terminated = line.ends_with(b"\n");
    let body = line.strip_suffix(b"\n").unwrap_or(line);
    let body = body.strip_suffix(b"\r").unwrap_or(body);
    if is_blank(body) {
        return Entry::Blank;
    }
    let text = match std::str::from_utf8(body) {
        Ok(text) => text,
        Err(e) => {
            return Entry::Malformed(format!(
                "not valid UTF-8 (at column {})",
                e.valid_up_to() + 1
            ));
        }
    };
    match serde_json::from_str::<Value>(text) {
        Ok(value) => Entry::Message(value),
        Err(e) => Entry::Malformed(describe(&e, terminated, false)),
    }
}

fn is_blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
}

/// Whether `line` (ending with a line feed) starts a JSON document that it does not finish.
fn opens_document(line: &[u8]) -> bool {
    line.ends_with(b"\n")
        && std::str::from_utf8(line).is_ok_and(|text| {
            serde_json::from_str::<Value>(text).is_err_and(|e| e.classify() == Category::Eof)
        })
}

/// A JSON parse error in words. `terminated`: the text ended with a line feed (so an early end
/// is an incomplete line, not a truncated file); `multiline`: keep serde's line number.
fn describe(error: &serde_json::Error, terminated: bool, multiline: bool) -> String {
    let full = error.to_string();
    let what = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(what, _)| what);
    let position = if multiline {
        format!("line {} column {}", error.line(), error.column())
    } else {
        format!("column {}", error.column())
    };
    if what.starts_with("recursion limit exceeded") {
        return format!("nested deeper than 128 levels, the most this tool reads (at {position})");
    }
    match error.classify() {
        Category::Eof if !terminated => {
            format!("truncated: the input ends inside a JSON document ({what}, at {position})")
        }
        Category::Eof => {
            format!("incomplete JSON: the line ends inside a JSON document ({what}, at {position})")
        }
        Category::Io | Category::Syntax | Category::Data => {
            format!("not valid JSON: {what} (at {position})")
        }
    }
}

/// A multi-line document being read.
struct Document {
    /// The line number of its first line.
    first: usize,
    /// Its text so far.
    text: Vec<u8>,
    /// The offset in `text` of each of its lines.
    starts: Vec<usize>,
}

impl Document {
    fn push(&mut self, line: &[u8]) {
        self.starts.push(self.text.len());
        self.text.extend_from_slice(line);
    }

    fn line(&self, index: usize) -> &[u8] {
        let end = self
            .starts
            .get(index + 1)
            .copied()
            .unwrap_or(self.text.len());
        &self.text[self.starts[index]..end]
    }

    /// Reports the lines read so far one by one, as JSON Lines.
    fn lines(self, each: &mut impl FnMut(usize, Entry)) {
        for index in 0..self.starts.len() {
            each(self.first + index, entry(self.line(index)));
        }
    }

    /// At the end of the input: one message if the text is one JSON document; else JSON Lines
    /// if some later line holds a complete object of its own; else the document's parse error.
    fn finish(self, each: &mut impl FnMut(usize, Entry)) {
        let error = match std::str::from_utf8(&self.text) {
            Ok(text) => match serde_json::from_str::<Value>(text) {
                Ok(value) => return each(self.first, Entry::Message(value)),
                Err(error) => error,
            },
            Err(_) => return self.lines(each),
        };
        let json_lines = (1..self.starts.len())
            .any(|i| matches!(entry(self.line(i)), Entry::Message(Value::Object(_))));
        if json_lines {
            return self.lines(each);
        }
        let terminated = self.text.ends_with(b"\n");
        let line = self.first + error.line().saturating_sub(1);
        let reason = describe(&error, terminated, true).replacen(
            &format!("line {} column", error.line()),
            &format!("line {line} column"),
            1,
        );
        each(
            line.max(self.first),
            Entry::Malformed(format!(
                "in the document that starts on line {}: {reason}",
                self.first
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(input: &[u8]) -> Vec<(usize, String)> {
        let mut out = vec![];
        read(&mut &input[..], |line, entry| {
            out.push((
                line,
                match entry {
                    Entry::Blank => "blank".to_owned(),
                    Entry::Malformed(reason) => format!("malformed: {reason}"),
                    Entry::Message(value) => value.to_string(),
                },
            ))
        })
        .unwrap();
        out
    }

    fn expect(pairs: &[(usize, &str)]) -> Vec<(usize, String)> {
        pairs.iter().map(|(n, s)| (*n, (*s).to_owned())).collect()
    }

    #[test]
    fn json_lines_are_read_one_message_per_line_with_crlf_and_blank_lines() {
        let input = b"{\"a\":1}\r\n\r\n  \n{\"b\":2}";
        assert_eq!(
            entries(input),
            expect(&[
                (1, "{\"a\":1}"),
                (2, "blank"),
                (3, "blank"),
                (4, "{\"b\":2}")
            ])
        );
    }

    #[test]
    fn bad_lines_are_reported_with_their_reason_and_reading_goes_on() {
        let input = b"nope\n{\"a\":\xff}\n{\"a\":\n[1,2]\n{\"b\":";
        assert_eq!(
            entries(input),
            expect(&[
                (1, "malformed: not valid JSON: expected ident (at column 2)"),
                (2, "malformed: not valid UTF-8 (at column 6)"),
                (
                    3,
                    "malformed: incomplete JSON: the line ends inside a JSON document (EOF while parsing a value, at column 5)"
                ),
                (4, "[1,2]"),
                (
                    5,
                    "malformed: truncated: the input ends inside a JSON document (EOF while parsing a value, at column 5)"
                ),
            ])
        );
    }

    #[test]
    fn nesting_deeper_than_128_levels_is_malformed_not_a_stack_overflow() {
        let mut input = "[".repeat(100_000).into_bytes();
        input.extend(b"\n{}\n");
        assert_eq!(
            entries(&input),
            expect(&[
                (
                    1,
                    "malformed: nested deeper than 128 levels, the most this tool reads (at column 128)"
                ),
                (2, "{}")
            ])
        );
    }

    #[test]
    fn a_pretty_printed_file_is_read_as_one_document() {
        let input = b"\n{\n  \"a\": [\n    1\n  ]\n}\n\n";
        assert_eq!(entries(input), expect(&[(1, "blank"), (2, "{\"a\":[1]}")]));
    }

    #[test]
    fn a_broken_pretty_printed_document_is_reported_at_the_line_of_its_error() {
        let input = b"{\n  \"a\": 1\n  \"b\": 2\n}\n";
        assert_eq!(
            entries(input),
            expect(&[(
                3,
                "malformed: in the document that starts on line 1: not valid JSON: expected `,` or `}` (at line 3 column 3)"
            )])
        );
    }

    #[test]
    fn json_lines_whose_first_line_is_incomplete_are_still_read_line_by_line() {
        let input = b"{\"a\":\n{\"b\":2}\n";
        assert_eq!(
            entries(input),
            expect(&[
                (
                    1,
                    "malformed: incomplete JSON: the line ends inside a JSON document (EOF while parsing a value, at column 5)"
                ),
                (2, "{\"b\":2}"),
            ])
        );
    }
}
