//! The rule table: every kind of change the checker recognises, with a stable id and its
//! verdict per compatibility check.
//!
//! Two checks exist. **Backward**: what an *old sender* produced must stay valid for a *new
//! receiver* (the default for client→server messages: a new server keeps serving old clients).
//! **Forward**: what a *new sender* produces must have been valid for an *old receiver* (the
//! default for server→client messages: old clients keep working against a new server).
//! `full` runs both. A rule breaks a check when some instance exists that the sending side
//! accepts and the receiving side rejects; every such finding carries that instance (a witness).
//!
//! Conventions of the model, shared by all rules:
//! - Senders emit only the members their schema declares; receivers ignore undeclared members
//!   unless `additionalProperties` forbids them. So adding or removing an *optional* member of
//!   an open object breaks nothing.
//! - Open unions (a catch-all branch for unknown tags) and open enums (a free string branch)
//!   let an old receiver keep a value it does not know: adding a variant or value breaks no
//!   one. A new receiver that only keeps, as unknown, a value it used to understand has lost
//!   it: removing a variant or a value of an open enum breaks the backward check, and the
//!   witness is checked against the receiver's *understood* schema (catch-all branches
//!   removed).

use std::fmt;

/// A compatibility check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Check {
    /// Old senders → new receivers.
    Backward,
    /// New senders → old receivers.
    Forward,
}

impl Check {
    /// `backward` or `forward`.
    pub fn as_str(self) -> &'static str {
        match self {
            Check::Backward => "backward",
            Check::Forward => "forward",
        }
    }
}

/// Which checks to run, from `--mode` or the message's direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Old senders → new receivers only.
    Backward,
    /// New senders → old receivers only.
    Forward,
    /// Both.
    Full,
}

impl Mode {
    /// The checks this mode runs.
    pub fn checks(self) -> &'static [Check] {
        match self {
            Mode::Backward => &[Check::Backward],
            Mode::Forward => &[Check::Forward],
            Mode::Full => &[Check::Backward, Check::Forward],
        }
    }

    /// `backward`, `forward` or `full`.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Backward => "backward",
            Mode::Forward => "forward",
            Mode::Full => "full",
        }
    }
}

/// Which schema of the receiving side a witness is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReceiverView {
    /// Everything the schema accepts.
    Accepted,
    /// What the schema understands: catch-all branches of open unions and enums removed.
    Understood,
    /// Every message schema of the receiving side (none may accept the witness).
    AnyMessage,
}

macro_rules! rules {
    ($( $(#[$doc:meta])* $variant:ident = $id:literal, backward: $b:literal, forward: $f:literal, view: $view:ident; )*) => {
        /// A kind of change. See the module documentation for the model.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule {
            $( $(#[$doc])* $variant, )*
        }

        impl Rule {
            /// Every rule, in table order.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant),*];

            /// The stable id (used by `--allow` and in reports).
            pub fn id(self) -> &'static str {
                match self { $(Rule::$variant => $id,)* }
            }

            /// Whether this change breaks `check`.
            pub fn breaks(self, check: Check) -> bool {
                match (self, check) {
                    $((Rule::$variant, Check::Backward) => $b, (Rule::$variant, Check::Forward) => $f,)*
                }
            }

            /// The receiving schema a witness of this rule is checked against.
            pub fn receiver_view(self) -> ReceiverView {
                match self { $(Rule::$variant => ReceiverView::$view,)* }
            }
        }
    };
}

rules! {
    /// A message appears; the old union accepts it (open union, or unknown messages kept).
    MessageAdded = "message-added", backward: false, forward: false, view: Accepted;
    /// A message appears that the old union rejects (closed union): old receivers fail on it.
    MessageAddedClosedUnion = "message-added-closed-union", backward: false, forward: true, view: Accepted;
    /// A message disappears: new receivers no longer handle what old senders send.
    MessageRemoved = "message-removed", backward: true, forward: false, view: AnyMessage;
    /// An optional member appears.
    FieldAddedOptional = "field-added-optional", backward: false, forward: false, view: Accepted;
    /// A required member appears: old senders omit it.
    FieldAddedRequired = "field-added-required", backward: true, forward: false, view: Accepted;
    /// A member appears in an object the old schema closed (`additionalProperties: false`).
    FieldAddedClosedObject = "field-added-closed-object", backward: false, forward: true, view: Accepted;
    /// An optional member disappears from an open object (new receivers ignore it).
    FieldRemovedOptional = "field-removed-optional", backward: false, forward: false, view: Accepted;
    /// A required member disappears: new senders omit what old receivers require.
    FieldRemovedRequired = "field-removed-required", backward: false, forward: true, view: Accepted;
    /// A member disappears from an object the new schema closes: old senders' member is rejected.
    FieldRemovedClosedObject = "field-removed-closed-object", backward: true, forward: false, view: Accepted;
    /// A required member is renamed (same schema): each side requires a name the other omits.
    FieldRenamed = "field-renamed", backward: true, forward: true, view: Accepted;
    /// An optional member is renamed (same schema): no instance breaks, but a value sent under
    /// one name is ignored under the other.
    FieldRenamedOptional = "field-renamed-optional", backward: false, forward: false, view: Accepted;
    /// An optional member becomes required: old senders may omit it.
    FieldBecameRequired = "field-became-required", backward: true, forward: false, view: Accepted;
    /// A required member becomes optional: new senders may omit what old receivers require.
    FieldBecameOptional = "field-became-optional", backward: false, forward: true, view: Accepted;
    /// `null` becomes accepted: new senders may send it, old receivers reject it.
    NullableAdded = "nullable-added", backward: false, forward: true, view: Accepted;
    /// `null` stops being accepted: old senders may send it.
    NullableRemoved = "nullable-removed", backward: true, forward: false, view: Accepted;
    /// The accepted JSON types grow (e.g. integer → number, string → string | integer).
    TypeWidened = "type-widened", backward: false, forward: true, view: Accepted;
    /// The accepted JSON types shrink.
    TypeNarrowed = "type-narrowed", backward: true, forward: false, view: Accepted;
    /// The accepted JSON types change incompatibly (neither contains the other).
    TypeChanged = "type-changed", backward: true, forward: true, view: Accepted;
    /// A value is added to a closed enum (or a `const` changes): old receivers reject it.
    EnumValueAdded = "enum-value-added", backward: false, forward: true, view: Accepted;
    /// A value is removed from a closed enum: old senders may send it.
    EnumValueRemoved = "enum-value-removed", backward: true, forward: false, view: Accepted;
    /// A value is added to an open enum: old receivers keep it as an unknown value.
    OpenEnumValueAdded = "open-enum-value-added", backward: false, forward: false, view: Accepted;
    /// A value is removed from an open enum: new receivers only keep it as an unknown value.
    OpenEnumValueRemoved = "open-enum-value-removed", backward: true, forward: false, view: Understood;
    /// A closed enum becomes open: new senders may send values old receivers reject.
    EnumOpened = "enum-opened", backward: false, forward: true, view: Accepted;
    /// An open enum becomes closed: old senders' unknown values are rejected.
    EnumClosed = "enum-closed", backward: true, forward: false, view: Accepted;
    /// A variant is added to an open union: old receivers keep it as unknown.
    UnionVariantAdded = "union-variant-added", backward: false, forward: false, view: Accepted;
    /// A variant is added to a closed union: old receivers reject it.
    UnionVariantAddedClosed = "union-variant-added-closed", backward: false, forward: true, view: Accepted;
    /// A variant is removed: new receivers no longer understand what old senders send.
    UnionVariantRemoved = "union-variant-removed", backward: true, forward: false, view: Understood;
    /// A variant (or a message: its `type`/`method`) keeps its body but changes its tag value:
    /// each side sends a tag the other does not understand.
    UnionTagChanged = "union-tag-changed", backward: true, forward: true, view: Understood;
    /// An open union loses its catch-all branch: unknown variants are rejected.
    UnionClosed = "union-closed", backward: true, forward: false, view: Accepted;
    /// A closed union gains a catch-all branch: new senders may send variants old receivers reject.
    UnionOpened = "union-opened", backward: false, forward: true, view: Accepted;
    /// An alternative of an untagged union (`anyOf`) is added.
    AlternativeAdded = "alternative-added", backward: false, forward: true, view: Accepted;
    /// An alternative of an untagged union (`anyOf`) is removed.
    AlternativeRemoved = "alternative-removed", backward: true, forward: false, view: Accepted;
    /// A bound tightens (minimum, maximum, exclusive bounds, minLength, maxLength, minItems,
    /// maxItems): old senders' values may fall outside.
    BoundsNarrowed = "bounds-narrowed", backward: true, forward: false, view: Accepted;
    /// A bound loosens: new senders' values may fall outside the old bound.
    BoundsWidened = "bounds-widened", backward: false, forward: true, view: Accepted;
    /// A string gains a `format`: old senders' strings may not match it.
    FormatAdded = "format-added", backward: true, forward: false, view: Accepted;
    /// A string loses its `format`: new senders' strings may not match the old one.
    FormatRemoved = "format-removed", backward: false, forward: true, view: Accepted;
    /// A string's `format` changes.
    FormatChanged = "format-changed", backward: true, forward: true, view: Accepted;
    /// A numeric `format` (int64, uint32…) changes: an annotation only, bounds carry the range.
    NumericFormatChanged = "numeric-format-changed", backward: false, forward: false, view: Accepted;
    /// An object starts rejecting undeclared members: old senders' extra members are rejected.
    AdditionalPropertiesClosed = "additional-properties-closed", backward: true, forward: false, view: Accepted;
    /// An object stops rejecting undeclared members: new senders' extras reach old receivers.
    AdditionalPropertiesOpened = "additional-properties-opened", backward: false, forward: true, view: Accepted;
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl Rule {
    /// The rule with this id.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.id() == id)
    }

    /// Whether this change breaks any check of `mode`.
    pub fn breaks_mode(self, mode: Mode) -> bool {
        mode.checks().iter().any(|&c| self.breaks(c))
    }
}
