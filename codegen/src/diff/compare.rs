//! The structural comparison of two schemas of one message: every change, classified by a
//! [`Rule`], with a candidate witness per check that the rule breaks.

use serde_json::{Map, Value, json};
use std::collections::BTreeSet;

use super::rules::Rule;
use super::shape::{Body, Doc, Shape};
use super::witness::{bad_format, format_example, minimal, number, of_type};

/// The name used for an undeclared member in witnesses.
pub const EXTRA_MEMBER: &str = "rtwire_undeclared_member";
/// The value used for an unknown enum value or tag in witnesses.
pub const UNKNOWN_VALUE: &str = "rtwire.unknown_value";

/// A change found between two schemas, before its witnesses are checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// What kind of change.
    pub rule: Rule,
    /// Where, in the instance: JSON-pointer segments; `{tag=value}` marks a union variant.
    pub path: Vec<String>,
    /// The innermost `$defs` entry the change sits in.
    pub definition: Option<String>,
    /// What changed, for people.
    pub detail: String,
    /// An instance of the old schema the new one should reject (the backward witness).
    pub backward: Option<Value>,
    /// An instance of the new schema the old one should reject (the forward witness).
    pub forward: Option<Value>,
}

impl Change {
    fn new(rule: Rule, detail: impl Into<String>) -> Self {
        Change {
            rule,
            path: vec![],
            definition: None,
            detail: detail.into(),
            backward: None,
            forward: None,
        }
    }
    fn backward(mut self, w: Option<Value>) -> Self {
        self.backward = w;
        self
    }
    fn forward(mut self, w: Option<Value>) -> Self {
        self.forward = w;
        self
    }
}

/// Compares the schema `old` (in document `old_doc`) with `new`.
pub fn compare(old_doc: Doc<'_>, old: &Value, new_doc: Doc<'_>, new: &Value) -> Vec<Change> {
    Cmp {
        old: old_doc,
        new: new_doc,
        stack: vec![],
    }
    .node(old, new)
}

struct Cmp<'a> {
    old: Doc<'a>,
    new: Doc<'a>,
    /// Pairs of definitions being compared, outermost first: a pair met again is a recursion,
    /// assumed equal there (it is compared where it was first met).
    stack: Vec<(String, String)>,
}

/// Rewrites the witnesses of `changes` found at a child into witnesses of the parent.
fn wrap(
    changes: Vec<Change>,
    segment: &str,
    mut backward: impl FnMut(Value) -> Option<Value>,
    mut forward: impl FnMut(Value) -> Option<Value>,
) -> Vec<Change> {
    changes
        .into_iter()
        .map(|mut c| {
            c.path.insert(0, segment.to_owned());
            c.backward = c.backward.and_then(&mut backward);
            c.forward = c.forward.and_then(&mut forward);
            c
        })
        .collect()
}

fn with(base: &Option<Value>, key: &str, value: Value) -> Option<Value> {
    let mut base = base.clone()?;
    base.as_object_mut()?.insert(key.to_owned(), value);
    Some(base)
}

fn without(base: &Option<Value>, key: &str) -> Option<Value> {
    let mut base = base.clone()?;
    base.as_object_mut()?.remove(key);
    Some(base)
}

fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// The JSON types a body may accept (`integer` included in `number`).
fn kinds(doc: Doc<'_>, body: &Body) -> BTreeSet<String> {
    let all = ["object", "array", "string", "integer", "number", "boolean"];
    let mut out: BTreeSet<String> = match body {
        Body::Any => all.iter().map(|s| s.to_string()).collect(),
        Body::Never | Body::Null => BTreeSet::new(),
        Body::Enum { values, open } => {
            let mut k: BTreeSet<String> = values.iter().map(json_type).collect();
            if *open {
                k.insert("string".into());
            }
            k
        }
        Body::Union { .. } => BTreeSet::from(["object".to_owned()]),
        Body::Alts(branches) => branches
            .iter()
            .flat_map(|b| kinds(doc, &doc.shape(b).body))
            .collect(),
        Body::Typed { types, .. } => types.clone(),
    };
    if out.contains("number") {
        out.insert("integer".into());
    }
    out
}

fn json_type(v: &Value) -> String {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
    .to_owned()
}

/// A value of JSON type `ty`, taken from `body` when it can give one.
fn sample(doc: Doc<'_>, body: &Body, ty: &str) -> Option<Value> {
    match body {
        Body::Typed { node, types } => {
            if ty == "integer" && !types.contains("integer") && types.contains("number") {
                return of_type(doc, "integer", node);
            }
            if ty == "number" && types.contains("number") {
                return Some(json!(0.5));
            }
            of_type(doc, ty, node)
        }
        Body::Enum { values, open } => values
            .iter()
            .find(|v| json_type(v) == ty)
            .cloned()
            .or_else(|| (*open && ty == "string").then(|| json!(UNKNOWN_VALUE))),
        _ => match ty {
            "object" => Some(json!({})),
            "array" => Some(json!([])),
            "string" => Some(json!("")),
            "integer" => Some(json!(0)),
            "number" => Some(json!(0.5)),
            "boolean" => Some(json!(false)),
            _ => None,
        },
    }
}

impl Cmp<'_> {
    fn node(&mut self, old: &Value, new: &Value) -> Vec<Change> {
        let so = self.old.shape(old);
        let sn = self.new.shape(new);
        let pair = so.def.clone().zip(sn.def.clone());
        if let Some(pair) = &pair {
            if self.stack.contains(pair) {
                return vec![];
            }
            self.stack.push(pair.clone());
        }
        let mut changes = vec![];
        if !so.nullable && sn.nullable && so.body != Body::Any {
            changes.push(
                Change::new(Rule::NullableAdded, "`null` is now accepted")
                    .forward(Some(Value::Null)),
            );
        }
        if so.nullable && !sn.nullable && sn.body != Body::Any {
            changes.push(
                Change::new(Rule::NullableRemoved, "`null` is no longer accepted")
                    .backward(Some(Value::Null)),
            );
        }
        changes.extend(self.bodies(old, &so, new, &sn));
        if pair.is_some() {
            self.stack.pop();
        }
        let def = sn.def.or(so.def);
        for c in &mut changes {
            if c.definition.is_none() {
                c.definition = def.clone();
            }
        }
        changes
    }

    fn bodies(&mut self, old: &Value, so: &Shape, new: &Value, sn: &Shape) -> Vec<Change> {
        match (&so.body, &sn.body) {
            (Body::Any, Body::Any) | (Body::Null, Body::Null) | (Body::Never, Body::Never) => {
                vec![]
            }
            (
                Body::Enum {
                    values: vo,
                    open: oo,
                },
                Body::Enum {
                    values: vn,
                    open: on,
                },
            ) => enums(vo, *oo, vn, *on),
            (
                Body::Union {
                    tag: to,
                    variants: vo,
                    open: oo,
                },
                Body::Union {
                    tag: tn,
                    variants: vn,
                    open: on,
                },
            ) if to == tn => self.unions(to, vo, *oo, vn, *on),
            (Body::Alts(bo), Body::Alts(bn)) => self.alts(bo, bn),
            (
                Body::Typed {
                    types: to,
                    node: no,
                },
                Body::Typed {
                    types: tn,
                    node: nn,
                },
            ) => self.typed(to, no, tn, nn),
            (
                Body::Enum {
                    values,
                    open: false,
                },
                Body::Typed { types, .. },
            ) if types.contains("string") && values.iter().all(Value::is_string) => {
                vec![
                    Change::new(Rule::TypeWidened, "a closed enum became any string")
                        .forward(Some(json!(UNKNOWN_VALUE))),
                ]
            }
            (
                Body::Typed { types, .. },
                Body::Enum {
                    values,
                    open: false,
                },
            ) if types.contains("string") && values.iter().all(Value::is_string) => {
                vec![
                    Change::new(Rule::TypeNarrowed, "any string became a closed enum")
                        .backward(Some(json!(UNKNOWN_VALUE))),
                ]
            }
            (Body::Enum { open: true, .. }, Body::Typed { types, .. })
            | (Body::Typed { types, .. }, Body::Enum { open: true, .. })
                if types.len() == 1 && types.contains("string") =>
            {
                vec![]
            }
            _ => {
                let ko = kinds(self.old, &so.body);
                let kn = kinds(self.new, &sn.body);
                let lost: Vec<&String> = ko.difference(&kn).collect();
                let gained: Vec<&String> = kn.difference(&ko).collect();
                let back = lost
                    .first()
                    .and_then(|t| sample(self.old, &so.body, t))
                    .or_else(|| minimal(self.old, old));
                let fwd = gained
                    .first()
                    .and_then(|t| sample(self.new, &sn.body, t))
                    .or_else(|| minimal(self.new, new));
                let detail = format!("{} became {}", describe(&so.body), describe(&sn.body));
                let change = if lost.is_empty() && !gained.is_empty() {
                    Change::new(Rule::TypeWidened, detail).forward(fwd)
                } else if gained.is_empty() && !lost.is_empty() {
                    Change::new(Rule::TypeNarrowed, detail).backward(back)
                } else {
                    Change::new(Rule::TypeChanged, detail)
                        .backward(back)
                        .forward(fwd)
                };
                vec![change]
            }
        }
    }

    fn typed(
        &mut self,
        to: &BTreeSet<String>,
        no: &Map<String, Value>,
        tn: &BTreeSet<String>,
        nn: &Map<String, Value>,
    ) -> Vec<Change> {
        let has = |set: &BTreeSet<String>, t: &str| {
            set.contains(t) || (t == "integer" && set.contains("number"))
        };
        let lost: Vec<&String> = to.iter().filter(|t| !has(tn, t)).collect();
        let gained: Vec<&String> = tn.iter().filter(|t| !has(to, t)).collect();
        let mut changes = vec![];
        if !lost.is_empty() || !gained.is_empty() {
            let sample_of = |doc, node: &Map<String, Value>, types: &BTreeSet<String>, t: &str| {
                sample(
                    doc,
                    &Body::Typed {
                        types: types.clone(),
                        node: node.clone(),
                    },
                    t,
                )
            };
            let back = lost.first().and_then(|t| sample_of(self.old, no, to, t));
            let fwd = gained.first().and_then(|t| sample_of(self.new, nn, tn, t));
            let detail = format!("type {} became {}", list(to), list(tn));
            changes.push(if lost.is_empty() {
                Change::new(Rule::TypeWidened, detail).forward(fwd)
            } else if gained.is_empty() {
                Change::new(Rule::TypeNarrowed, detail).backward(back)
            } else {
                Change::new(Rule::TypeChanged, detail)
                    .backward(back)
                    .forward(fwd)
            });
        }
        if to.contains("object") && tn.contains("object") {
            changes.extend(self.object(no, nn));
        }
        if to.contains("array") && tn.contains("array") {
            changes.extend(self.array(no, nn));
        }
        if to.contains("string") && tn.contains("string") {
            changes.extend(string_format(no, nn));
            changes.extend(bounds(self, no, nn, "string"));
        }
        let numeric = |s: &BTreeSet<String>| s.contains("integer") || s.contains("number");
        if numeric(to) && numeric(tn) {
            let kind = if to.contains("number") && tn.contains("number") {
                "number"
            } else {
                "integer"
            };
            changes.extend(bounds(self, no, nn, kind));
            if !to.contains("string") || !tn.contains("string") {
                let (fo, fne) = (no.get("format"), nn.get("format"));
                if fo != fne {
                    changes.push(Change::new(
                        Rule::NumericFormatChanged,
                        format!("format {} became {}", show(fo), show(fne)),
                    ));
                }
            }
        }
        changes
    }

    fn object(&mut self, no: &Map<String, Value>, nn: &Map<String, Value>) -> Vec<Change> {
        let empty = Map::new();
        let po = no
            .get("properties")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        let pn = nn
            .get("properties")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        let req = |m: &Map<String, Value>| -> BTreeSet<String> {
            m.get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        };
        let (ro, rn) = (req(no), req(nn));
        let closed =
            |m: &Map<String, Value>| m.get("additionalProperties") == Some(&Value::Bool(false));
        let (co, cn) = (closed(no), closed(nn));
        let min_o = of_type(self.old, "object", no);
        let min_n = of_type(self.new, "object", nn);
        // A base instance for a child's witness: the sender's minimal object, completed with
        // the members the receiver requires that the sender does not declare.
        let joint =
            |sender: &Option<Value>, receiver: &Option<Value>, declared: &Map<String, Value>| {
                let mut base = sender.clone()?;
                if let (Some(b), Some(Value::Object(r))) = (base.as_object_mut(), receiver) {
                    for (k, v) in r {
                        if !b.contains_key(k) && !declared.contains_key(k) {
                            b.insert(k.clone(), v.clone());
                        }
                    }
                }
                Some(base)
            };
        let base_b = joint(&min_o, &min_n, po);
        let base_f = joint(&min_n, &min_o, pn);
        let mut changes = vec![];
        let removed: Vec<&String> = po.keys().filter(|k| !pn.contains_key(*k)).collect();
        let mut added: Vec<&String> = pn.keys().filter(|k| !po.contains_key(*k)).collect();
        for r in removed {
            let renamed = added.iter().position(|a| {
                ro.contains(r) == rn.contains(*a)
                    && self.old.canonical(&po[r]) == self.new.canonical(&pn[*a])
            });
            if let Some(i) = renamed {
                let a = added.remove(i);
                let detail = format!("member `{r}` was renamed `{a}`");
                let change = if ro.contains(r) {
                    Change::new(Rule::FieldRenamed, detail)
                        .backward(without(&base_b, a))
                        .forward(without(&base_f, r))
                } else {
                    Change::new(
                        Rule::FieldRenamedOptional,
                        detail + " (a value under the old name is ignored)",
                    )
                };
                changes.push(change);
                continue;
            }
            let value = minimal(self.old, &po[r]);
            let change = if cn {
                Change::new(
                    Rule::FieldRemovedClosedObject,
                    format!("member `{r}` was removed and undeclared members are rejected"),
                )
                .backward(value.and_then(|v| with(&base_b, r, v)))
            } else if ro.contains(r) {
                Change::new(
                    Rule::FieldRemovedRequired,
                    format!("required member `{r}` was removed"),
                )
                .forward(without(&base_f, r))
            } else {
                Change::new(
                    Rule::FieldRemovedOptional,
                    format!("optional member `{r}` was removed"),
                )
            };
            let mut change = change;
            change.path.push(escape(r));
            changes.push(change);
        }
        for a in added {
            let value = minimal(self.new, &pn[a]);
            let mut change = if co {
                Change::new(
                    Rule::FieldAddedClosedObject,
                    format!("member `{a}` was added to an object old receivers close"),
                )
                .forward(value.and_then(|v| with(&base_f, a, v)))
            } else if rn.contains(a) {
                Change::new(
                    Rule::FieldAddedRequired,
                    format!("required member `{a}` was added"),
                )
                .backward(min_o.clone())
            } else {
                Change::new(
                    Rule::FieldAddedOptional,
                    format!("optional member `{a}` was added"),
                )
            };
            change.path.push(escape(a));
            changes.push(change);
        }
        for (p, so) in po {
            let Some(sn) = pn.get(p) else { continue };
            if !ro.contains(p) && rn.contains(p) {
                let mut c = Change::new(
                    Rule::FieldBecameRequired,
                    format!("member `{p}` became required"),
                )
                .backward(base_b.clone());
                c.path.push(escape(p));
                changes.push(c);
            }
            if ro.contains(p) && !rn.contains(p) {
                let mut c = Change::new(
                    Rule::FieldBecameOptional,
                    format!("member `{p}` became optional"),
                )
                .forward(base_f.clone());
                c.path.push(escape(p));
                changes.push(c);
            }
            let inner = self.node(so, sn);
            changes.extend(wrap(
                inner,
                &escape(p),
                |w| with(&base_b, p, w),
                |w| with(&base_f, p, w),
            ));
        }
        let ao = no.get("additionalProperties");
        let an = nn.get("additionalProperties");
        if !co && cn {
            let v = ao.and_then(|s| minimal(self.old, s)).unwrap_or(json!(0));
            changes.push(
                Change::new(
                    Rule::AdditionalPropertiesClosed,
                    "undeclared members are now rejected",
                )
                .backward(with(&base_b, EXTRA_MEMBER, v)),
            );
        } else if co && !cn {
            let v = an.and_then(|s| minimal(self.new, s)).unwrap_or(json!(0));
            changes.push(
                Change::new(
                    Rule::AdditionalPropertiesOpened,
                    "undeclared members are now accepted",
                )
                .forward(with(&base_f, EXTRA_MEMBER, v)),
            );
        } else if let (Some(ao @ Value::Object(_)), Some(an @ Value::Object(_))) = (ao, an) {
            let inner = self.node(ao, an);
            changes.extend(wrap(
                inner,
                "*",
                |w| with(&base_b, EXTRA_MEMBER, w),
                |w| with(&base_f, EXTRA_MEMBER, w),
            ));
        }
        changes
    }

    fn array(&mut self, no: &Map<String, Value>, nn: &Map<String, Value>) -> Vec<Change> {
        let t = Value::Bool(true);
        let io = no.get("items").unwrap_or(&t);
        let inn = nn.get("items").unwrap_or(&t);
        let base = |doc, node: &Map<String, Value>| of_type(doc, "array", node);
        let (bo, bn) = (base(self.old, no), base(self.new, nn));
        let put = |base: &Option<Value>, w: Value| -> Option<Value> {
            match base.clone() {
                Some(Value::Array(mut items)) if !items.is_empty() => {
                    items[0] = w;
                    Some(Value::Array(items))
                }
                _ => Some(Value::Array(vec![w])),
            }
        };
        let mut changes = wrap(self.node(io, inn), "0", |w| put(&bo, w), |w| put(&bn, w));
        changes.extend(bounds(self, no, nn, "array"));
        changes
    }

    fn unions(
        &mut self,
        tag: &str,
        vo: &std::collections::BTreeMap<String, Value>,
        oo: bool,
        vn: &std::collections::BTreeMap<String, Value>,
        on: bool,
    ) -> Vec<Change> {
        let mut changes = vec![];
        let body = |doc: Doc<'_>, branch: &Value| {
            let mut c = doc.canonical(branch);
            if let Some(p) = c.get_mut("properties").and_then(Value::as_object_mut) {
                p.remove(tag);
            }
            c
        };
        let mut added: Vec<&String> = vn.keys().filter(|k| !vo.contains_key(*k)).collect();
        for (t, branch) in vo.iter().filter(|(k, _)| !vn.contains_key(*k)) {
            let segment = format!("{{{tag}={t}}}");
            let renamed = added
                .iter()
                .position(|a| body(self.old, branch) == body(self.new, &vn[*a]));
            let mut change = if let Some(i) = renamed {
                let a = added.remove(i);
                Change::new(
                    Rule::UnionTagChanged,
                    format!("variant `{tag}: {t}` became `{tag}: {a}`"),
                )
                .backward(minimal(self.old, branch))
                .forward(minimal(self.new, &vn[a]))
            } else {
                Change::new(
                    Rule::UnionVariantRemoved,
                    format!("variant `{tag}: {t}` was removed"),
                )
                .backward(minimal(self.old, branch))
            };
            change.path.push(segment);
            changes.push(change);
        }
        for a in added {
            let mut change = if oo {
                Change::new(
                    Rule::UnionVariantAdded,
                    format!("variant `{tag}: {a}` was added (old receivers keep it as unknown)"),
                )
            } else {
                Change::new(
                    Rule::UnionVariantAddedClosed,
                    format!("variant `{tag}: {a}` was added to a closed union"),
                )
                .forward(minimal(self.new, &vn[a]))
            };
            change.path.push(format!("{{{tag}={a}}}"));
            changes.push(change);
        }
        for (t, bo) in vo {
            if let Some(bn) = vn.get(t) {
                let inner = self.node(bo, bn);
                changes.extend(wrap(inner, &format!("{{{tag}={t}}}"), Some, Some));
            }
        }
        let unknown = json!({ tag: UNKNOWN_VALUE });
        if oo && !on {
            changes.push(
                Change::new(
                    Rule::UnionClosed,
                    "the catch-all branch for unknown variants was removed",
                )
                .backward(Some(unknown)),
            );
        } else if !oo && on {
            changes.push(
                Change::new(
                    Rule::UnionOpened,
                    "a catch-all branch for unknown variants was added",
                )
                .forward(Some(unknown)),
            );
        }
        changes
    }

    fn alts(&mut self, bo: &[Value], bn: &[Value]) -> Vec<Change> {
        let mut changes = vec![];
        let mut left: Vec<usize> = (0..bn.len()).collect();
        let mut unpaired = vec![];
        for o in bo {
            let co = self.old.canonical(o);
            if let Some(i) = left.iter().position(|&j| self.new.canonical(&bn[j]) == co) {
                left.remove(i);
            } else {
                unpaired.push(o);
            }
        }
        let primary = |v: &Value| v.get("type").cloned();
        for o in unpaired {
            let same_type: Vec<usize> = left
                .iter()
                .copied()
                .filter(|&j| primary(&bn[j]).is_some() && primary(&bn[j]) == primary(o))
                .collect();
            if let [j] = same_type[..] {
                left.retain(|&k| k != j);
                changes.extend(self.node(o, &bn[j]));
            } else {
                changes.push(
                    Change::new(
                        Rule::AlternativeRemoved,
                        format!("alternative {} was removed", self.old.canonical(o)),
                    )
                    .backward(minimal(self.old, o)),
                );
            }
        }
        for j in left {
            changes.push(
                Change::new(
                    Rule::AlternativeAdded,
                    format!("alternative {} was added", self.new.canonical(&bn[j])),
                )
                .forward(minimal(self.new, &bn[j])),
            );
        }
        changes
    }
}

fn enums(vo: &[Value], oo: bool, vn: &[Value], on: bool) -> Vec<Change> {
    let mut changes = vec![];
    for v in vn.iter().filter(|v| !vo.contains(v)) {
        changes.push(if oo {
            Change::new(
                Rule::OpenEnumValueAdded,
                format!("value {v} was added to an open enum"),
            )
        } else {
            Change::new(Rule::EnumValueAdded, format!("value {v} was added"))
                .forward(Some(v.clone()))
        });
    }
    for v in vo.iter().filter(|v| !vn.contains(v)) {
        changes.push(if on {
            Change::new(
                Rule::OpenEnumValueRemoved,
                format!("value {v} was removed (new receivers keep it as unknown)"),
            )
            .backward(Some(v.clone()))
        } else {
            Change::new(Rule::EnumValueRemoved, format!("value {v} was removed"))
                .backward(Some(v.clone()))
        });
    }
    if !oo && on {
        changes.push(
            Change::new(Rule::EnumOpened, "the enum now accepts any string")
                .forward(Some(json!(UNKNOWN_VALUE))),
        );
    } else if oo && !on {
        changes.push(
            Change::new(Rule::EnumClosed, "the enum no longer accepts other strings")
                .backward(Some(json!(UNKNOWN_VALUE))),
        );
    }
    changes
}

fn string_format(no: &Map<String, Value>, nn: &Map<String, Value>) -> Vec<Change> {
    let fo = no.get("format").and_then(Value::as_str);
    let fne = nn.get("format").and_then(Value::as_str);
    match (fo, fne) {
        (None, Some(f)) => vec![
            Change::new(Rule::FormatAdded, format!("format `{f}` was added"))
                .backward(Some(bad_format(f))),
        ],
        (Some(f), None) => vec![
            Change::new(Rule::FormatRemoved, format!("format `{f}` was removed"))
                .forward(Some(bad_format(f))),
        ],
        (Some(a), Some(b)) if a != b => vec![
            Change::new(Rule::FormatChanged, format!("format `{a}` became `{b}`"))
                .backward(Some(json!(format_example(a))))
                .forward(Some(json!(format_example(b)))),
        ],
        _ => vec![],
    }
}

/// Lower and upper bound keywords per kind of value.
fn bound_keys(kind: &str) -> &'static [(&'static str, bool, bool)] {
    // (keyword, is_lower, is_exclusive)
    match kind {
        "string" => &[("minLength", true, false), ("maxLength", false, false)],
        "array" => &[("minItems", true, false), ("maxItems", false, false)],
        _ => &[
            ("minimum", true, false),
            ("exclusiveMinimum", true, true),
            ("maximum", false, false),
            ("exclusiveMaximum", false, true),
        ],
    }
}

fn bounds(
    cmp: &Cmp<'_>,
    no: &Map<String, Value>,
    nn: &Map<String, Value>,
    kind: &str,
) -> Vec<Change> {
    let mut changes = vec![];
    for &(key, lower, exclusive) in bound_keys(kind) {
        let o = no.get(key).and_then(Value::as_f64);
        let n = nn.get(key).and_then(Value::as_f64);
        let narrowed = match (o, n) {
            (None, Some(_)) => true,
            (Some(_), None) => false,
            (Some(o), Some(n)) if o != n => (n > o) == lower,
            _ => continue,
        };
        // The value just outside the bound that moved in: the new bound when narrowed, the
        // old one when widened.
        let (bound, doc, node) = if narrowed {
            (n, cmp.old, no)
        } else {
            (o, cmp.new, nn)
        };
        let bound = bound.expect("the moved-in bound exists");
        let edge = match (lower, exclusive) {
            (true, false) => bound - 1.0,
            (false, false) => bound + 1.0,
            (_, true) => bound,
        };
        let witness = match kind {
            "string" => (edge >= 0.0).then(|| Value::String("a".repeat(edge as usize))),
            "array" => (edge >= 0.0)
                .then(|| {
                    minimal(doc, node.get("items").unwrap_or(&Value::Bool(true)))
                        .map(|item| Value::Array(vec![item; edge as usize]))
                })
                .flatten(),
            _ => Some(number(edge)),
        };
        let detail = format!("`{key}` {} became {}", show_num(o), show_num(n));
        changes.push(if narrowed {
            Change::new(Rule::BoundsNarrowed, detail).backward(witness)
        } else {
            Change::new(Rule::BoundsWidened, detail).forward(witness)
        });
    }
    changes
}

fn show_num(v: Option<f64>) -> String {
    v.map(|v| number(v).to_string())
        .unwrap_or_else(|| "absent".into())
}

fn show(v: Option<&Value>) -> String {
    v.map(Value::to_string).unwrap_or_else(|| "absent".into())
}

fn list(types: &BTreeSet<String>) -> String {
    types.iter().cloned().collect::<Vec<_>>().join(" | ")
}

fn describe(body: &Body) -> String {
    match body {
        Body::Any => "any value".into(),
        Body::Never => "no value".into(),
        Body::Null => "null".into(),
        Body::Enum { values, open } => {
            format!(
                "{}enum [{}]",
                if *open { "open " } else { "" },
                values
                    .iter()
                    .map(Value::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
        Body::Union { tag, .. } => format!("a union tagged on `{tag}`"),
        Body::Alts(b) => format!("one of {} alternatives", b.len()),
        Body::Typed { types, .. } => list(types),
    }
}
