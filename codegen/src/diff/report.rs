//! Rendering findings: text for people, JSON for tools, Markdown for a pull-request comment.

use serde_json::{Value, json};
use std::fmt::Write as _;

use super::finding::{Finding, Format, Status};
use super::rules::Check;

/// Renders `findings` of the comparison of `old` with `new` (their labels).
pub fn render(findings: &[Finding], old: &str, new: &str, format: Format) -> String {
    match format {
        Format::Text => text(findings, old, new),
        Format::Json => {
            let mut out = serde_json::to_string_pretty(&to_json(findings, old, new))
                .expect("JSON values serialize");
            out.push('\n');
            out
        }
        Format::Markdown => markdown(findings, old, new),
    }
}

fn count(findings: &[Finding], status: Status) -> usize {
    findings.iter().filter(|f| f.status == status).count()
}

fn sides(check: Check) -> &'static str {
    match check {
        Check::Backward => "old accepts, new rejects",
        Check::Forward => "new accepts, old rejects",
    }
}

fn summary(findings: &[Finding]) -> String {
    format!(
        "{} breaking, {} allowed, {} unverified, {} compatible change(s)",
        count(findings, Status::Breaking),
        count(findings, Status::Allowed),
        count(findings, Status::Unverified),
        count(findings, Status::Compatible)
    )
}

fn location(f: &Finding) -> String {
    let path = if f.path.is_empty() {
        String::new()
    } else {
        format!(" at {}", f.path)
    };
    let def = f
        .definition
        .as_ref()
        .map(|d| format!(" (in #/$defs/{d})"))
        .unwrap_or_default();
    format!("{}{path}{def}", f.message)
}

fn text(findings: &[Finding], old: &str, new: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Comparing {old} (old) with {new} (new)");
    for f in findings {
        let _ = writeln!(
            out,
            "{:<10} {}: {}",
            f.status.as_str().to_uppercase(),
            f.rule,
            location(f)
        );
        let _ = writeln!(out, "           {} [checks: {}]", f.detail, f.mode.as_str());
        for w in &f.witnesses {
            let mark = if w.verified {
                ""
            } else {
                " (did not check out)"
            };
            let _ = writeln!(
                out,
                "           {} witness ({}){mark}: {}",
                w.check.as_str(),
                sides(w.check),
                w.instance
            );
        }
    }
    let _ = writeln!(out, "{}", summary(findings));
    out
}

/// The JSON report: `{old, new, breaking, summary, findings: [...]}`.
pub fn to_json(findings: &[Finding], old: &str, new: &str) -> Value {
    let items: Vec<Value> = findings
        .iter()
        .map(|f| {
            json!({
                "status": f.status.as_str(),
                "rule": f.rule.id(),
                "surface": f.message.surface,
                "version": f.message.version,
                "direction": f.message.direction,
                "wire_name": f.message.wire_name,
                "path": f.path,
                "definition": f.definition,
                "detail": f.detail,
                "mode": f.mode.as_str(),
                "witnesses": f.witnesses.iter().map(|w| json!({
                    "check": w.check.as_str(),
                    "instance": w.instance,
                    "verified": w.verified,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "old": old,
        "new": new,
        "breaking": count(findings, Status::Breaking) > 0,
        "summary": summary(findings),
        "findings": items,
    })
}

fn markdown(findings: &[Finding], old: &str, new: &str) -> String {
    let mut out = String::new();
    let breaking = count(findings, Status::Breaking);
    let title = if breaking > 0 {
        "❌ Breaking schema changes"
    } else {
        "✅ No breaking schema changes"
    };
    let _ = writeln!(out, "### {title}\n");
    let _ = writeln!(out, "`{old}` → `{new}`: {}.\n", summary(findings));
    if findings.is_empty() {
        return out;
    }
    let _ = writeln!(out, "| Status | Rule | Message | Path | Change |");
    let _ = writeln!(out, "|---|---|---|---|---|");
    for f in findings {
        let _ = writeln!(
            out,
            "| {} | `{}` | `{}` | `{}` | {} |",
            f.status.as_str(),
            f.rule,
            f.message,
            if f.path.is_empty() { "/" } else { &f.path },
            f.detail.replace('|', "\\|").replace('\n', " ")
        );
    }
    let shown: Vec<&Finding> = findings
        .iter()
        .filter(|f| matches!(f.status, Status::Breaking | Status::Allowed))
        .collect();
    if !shown.is_empty() {
        let _ = writeln!(out, "\n<details><summary>Witnesses</summary>\n");
        for f in shown {
            for w in f.witnesses.iter().filter(|w| w.verified) {
                let _ = writeln!(
                    out,
                    "`{}` {} ({}, {}):\n",
                    f.rule,
                    location(f),
                    w.check.as_str(),
                    sides(w.check)
                );
                let _ = writeln!(out, "```json\n{}\n```\n", w.instance);
            }
        }
        let _ = writeln!(out, "</details>");
    }
    out
}
