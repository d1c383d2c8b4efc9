//! `cargo codegen diff`: a direction-aware breaking-change checker for `schemas/`.
//!
//! Two schema trees (old, new) are matched message by message through their `catalog.json`
//! (surface, version, direction, wire name). Each pair of message schemas is compared
//! structurally ([`compare`]): `$ref`s are followed (recursion included) and the accepted
//! value sets are compared, not the text. Every change is classified by a [`Rule`] of the
//! table in [`rules`], whose verdict depends on the check: client→server messages are checked
//! *backward* (old clients → new server), server→client messages *forward* (new server → old
//! clients), unless a [`Mode`] overrides it. A breaking finding is printed only with a witness:
//! an instance the sending side's schema accepts and the receiving side's rejects, both checked
//! with the `jsonschema` validator.

pub mod cli;
pub mod compare;
mod finding;
pub mod load;
pub mod report;
pub mod rules;
pub mod shape;
pub mod witness;

use serde_json::Value;
use std::path::PathBuf;

pub use finding::{Finding, Format, Status, Witness};
pub use load::{LoadError, MessageKey, SchemaSet};
pub use rules::{Check, Mode, ReceiverView, Rule};

use shape::{Doc, understood};
use witness::{accepts, minimal};

/// Where the old schema tree comes from.
#[derive(Debug, Clone)]
pub enum OldSource {
    /// A `schemas/` directory.
    Dir(PathBuf),
    /// The new `schemas/` directory as it was at this git revision.
    Git(String),
}

/// What `cargo codegen diff` was asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    /// The old tree.
    pub old: OldSource,
    /// The new `schemas/` directory.
    pub new: PathBuf,
    /// Overrides every message's default check.
    pub mode: Option<Mode>,
    /// The report format.
    pub format: Format,
    /// Rule ids whose breaks are accepted.
    pub allow: Vec<String>,
}

/// The result of a run.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Every change, breaking first.
    pub findings: Vec<Finding>,
    /// 1 when a finding is breaking, else 0.
    pub exit_code: u8,
    /// The report in the requested format.
    pub report: String,
}

/// Runs the checker: loads both trees, compares them, renders the report.
pub fn run(options: &Options) -> Result<Outcome, LoadError> {
    let allow = options
        .allow
        .iter()
        .map(|id| Rule::from_id(id).ok_or_else(|| LoadError(format!("--allow {id}: no such rule"))))
        .collect::<Result<Vec<_>, _>>()?;
    let new = SchemaSet::from_dir(&options.new)?;
    let old = match &options.old {
        OldSource::Dir(dir) => SchemaSet::from_dir(dir)?,
        OldSource::Git(rev) => SchemaSet::from_git(&options.new, rev)?,
    };
    let findings = diff(&old, &new, options.mode, &allow);
    let exit_code = u8::from(findings.iter().any(|f| f.status == Status::Breaking));
    let report = report::render(&findings, &old.label, &new.label, options.format);
    Ok(Outcome {
        findings,
        exit_code,
        report,
    })
}

/// The default checks for a direction: backward for client→server, forward for server→client.
pub fn default_mode(direction: &str) -> Mode {
    if direction == "client-to-server" {
        Mode::Backward
    } else {
        Mode::Forward
    }
}

/// Compares two loaded trees.
pub fn diff(old: &SchemaSet, new: &SchemaSet, mode: Option<Mode>, allow: &[Rule]) -> Vec<Finding> {
    let mut findings = vec![];
    let renamed = renamed_messages(old, new);
    let keys: std::collections::BTreeSet<&MessageKey> =
        old.entries.keys().chain(new.entries.keys()).collect();
    for key in keys {
        let mode = mode.unwrap_or_else(|| default_mode(&key.direction));
        let (o, n) = (old.entries.get(key), new.entries.get(key));
        if o.is_none() && renamed.iter().any(|(_, to)| to == key) {
            continue;
        }
        let rename = renamed
            .iter()
            .find(|(from, _)| from == key)
            .and_then(|(_, to)| new.entries.get(to));
        let (changes, n) = match (o, n) {
            (Some(o), Some(n)) => (
                compare::compare(
                    Doc { root: &o.schema },
                    &o.schema,
                    Doc { root: &n.schema },
                    &n.schema,
                ),
                Some(n),
            ),
            (Some(o), None) if rename.is_some() => {
                let to = rename.expect("checked");
                let change = compare::Change {
                    rule: Rule::UnionTagChanged,
                    path: vec![],
                    definition: None,
                    detail: format!(
                        "message `{}` became `{}` (same body)",
                        key.wire_name, to.key.wire_name
                    ),
                    backward: minimal(Doc { root: &o.schema }, &o.schema),
                    forward: minimal(Doc { root: &to.schema }, &to.schema),
                };
                (vec![change], rename)
            }
            (Some(o), None) => (
                vec![compare::Change {
                    rule: Rule::MessageRemoved,
                    path: vec![],
                    definition: None,
                    detail: format!("message `{}` was removed", key.wire_name),
                    backward: minimal(Doc { root: &o.schema }, &o.schema),
                    forward: None,
                }],
                None,
            ),
            (None, Some(n)) => {
                let instance = minimal(Doc { root: &n.schema }, &n.schema);
                let closed = old_union(old, n)
                    .zip(instance.as_ref())
                    .is_some_and(|(u, i)| !accepts(u, i));
                let (rule, detail) = if closed {
                    (
                        Rule::MessageAddedClosedUnion,
                        format!(
                            "message `{}` was added; the old union rejects it",
                            key.wire_name
                        ),
                    )
                } else {
                    (
                        Rule::MessageAdded,
                        format!("message `{}` was added", key.wire_name),
                    )
                };
                (
                    vec![compare::Change {
                        rule,
                        path: vec![],
                        definition: None,
                        detail,
                        backward: None,
                        forward: instance,
                    }],
                    Some(n),
                )
            }
            (None, None) => continue,
        };
        for change in changes {
            findings.push(judge(old, new, key, (o, n), mode, allow, change));
        }
    }
    findings.sort_by(|a, b| {
        (a.status, &a.message, &a.path, a.rule).cmp(&(b.status, &b.message, &b.path, b.rule))
    });
    findings
}

/// Messages that disappear under one wire name and appear under another with the same body
/// (same surface, version and direction): old key → new key.
fn renamed_messages(old: &SchemaSet, new: &SchemaSet) -> Vec<(MessageKey, MessageKey)> {
    let body = |e: &load::Entry| {
        let mut c = Doc { root: &e.schema }.canonical(&e.schema);
        if let Some(p) = c.get_mut("properties").and_then(Value::as_object_mut) {
            p.remove("type");
            p.remove("method");
        }
        c
    };
    let mut added: Vec<&load::Entry> = new
        .entries
        .values()
        .filter(|e| !old.entries.contains_key(&e.key))
        .collect();
    let mut pairs = vec![];
    for o in old
        .entries
        .values()
        .filter(|e| !new.entries.contains_key(&e.key))
    {
        let same = |n: &&load::Entry| {
            n.key.surface == o.key.surface
                && n.key.version == o.key.version
                && n.key.direction == o.key.direction
                && body(n) == body(o)
        };
        if let Some(i) = added.iter().position(same) {
            pairs.push((o.key.clone(), added.remove(i).key.clone()));
        }
    }
    pairs
}

/// The old union schema a new message would have reached: the old file of the union that
/// holds it now. A union that is new (a new realtime version or surface) has no old receivers.
fn old_union<'a>(old: &'a SchemaSet, new_entry: &load::Entry) -> Option<&'a Value> {
    old.unions.get(&new_entry.union_path)
}

fn judge(
    old: &SchemaSet,
    new: &SchemaSet,
    key: &MessageKey,
    (old_entry, new_entry): (Option<&load::Entry>, Option<&load::Entry>),
    mode: Mode,
    allow: &[Rule],
    change: compare::Change,
) -> Finding {
    let mut witnesses = vec![];
    for &check in mode.checks() {
        if !change.rule.breaks(check) {
            continue;
        }
        let (instance, sender, receiver, receiver_set) = match check {
            Check::Backward => (&change.backward, old_entry, new_entry, new),
            Check::Forward => (&change.forward, new_entry, old_entry, old),
        };
        let Some(instance) = instance.clone() else {
            continue;
        };
        let sent = sender.is_some_and(|e| accepts(&e.schema, &instance));
        let any_message = || {
            !receiver_set.entries.values().any(|e| {
                e.key.surface == key.surface
                    && e.key.direction == key.direction
                    && accepts(&understood(&e.schema), &instance)
            })
        };
        // A message added, removed or renamed is judged against every message of the receiving
        // side (or, when added, against the old union), not against one counterpart.
        let message_level = old_entry.map(|e| &e.key) != new_entry.map(|e| &e.key);
        let rejected = match (change.rule.receiver_view(), receiver) {
            _ if change.rule == Rule::MessageAddedClosedUnion => new_entry
                .and_then(|n| old_union(old, n))
                .is_some_and(|u| !accepts(u, &instance)),
            _ if message_level => any_message(),
            (ReceiverView::AnyMessage, _) | (_, None) => any_message(),
            (ReceiverView::Accepted, Some(e)) => !accepts(&e.schema, &instance),
            (ReceiverView::Understood, Some(e)) => !accepts(&understood(&e.schema), &instance),
        };
        witnesses.push(Witness {
            check,
            instance,
            verified: sent && rejected,
        });
    }
    let status = if !change.rule.breaks_mode(mode) {
        Status::Compatible
    } else if !witnesses.iter().any(|w| w.verified) {
        Status::Unverified
    } else if allow.contains(&change.rule) {
        Status::Allowed
    } else {
        Status::Breaking
    };
    let path = change
        .path
        .iter()
        .map(|s| format!("/{s}"))
        .collect::<String>();
    Finding {
        rule: change.rule,
        message: key.clone(),
        path,
        definition: change.definition,
        detail: change.detail,
        mode,
        witnesses,
        status,
    }
}
