//! The edits that turn raw declarations (ts-rs output and our own union files) into the files of
//! the package, made on the syntax tree (parsed by deno_ast, i.e. swc) rather than on text, then
//! formatted by dprint (the formatter of `deno fmt`):
//!
//! * every optional member also accepts `undefined` (`name?: T | null | undefined`), so that
//!   `exactOptionalPropertyTypes` users can pass an optional value through: JSON encoding drops
//!   a member whose value is `undefined`, so the wire is unchanged;
//! * an open enum keeps its completions: the free `string` branch of a union of string literals
//!   becomes `(string & {})`, which TypeScript does not merge with the literals;
//! * an import that nothing uses is dropped (the package compiles under `noUnusedLocals`);
//! * import paths follow the files to where the package puts them.

use deno_ast::swc::ast::{TsKeywordTypeKind, TsLit, TsType as RawType};
use deno_ast::view::{self as v, NodeTrait};
use deno_ast::{MediaType, ModuleSpecifier, ParseParams, SourceRangedForSpanned, StartSourcePos};
use dprint_plugin_typescript::configuration::{
    Configuration, ConfigurationBuilder, QuoteProps, QuoteStyle, SemiColonOrComma, SemiColons,
    TrailingCommas,
};
use std::collections::BTreeSet;
use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

/// The formatting of every generated file: two-space indent, 100 columns, double quotes,
/// semicolons, property names unquoted where JavaScript allows it, LF line ends.
fn config() -> &'static Configuration {
    static CONFIG: OnceLock<Configuration> = OnceLock::new();
    CONFIG.get_or_init(|| {
        ConfigurationBuilder::new()
            .line_width(100)
            .indent_width(2)
            .use_tabs(false)
            .quote_style(QuoteStyle::AlwaysDouble)
            .quote_props(QuoteProps::AsNeeded)
            .semi_colons(SemiColons::Prefer)
            .trailing_commas(TrailingCommas::OnlyMultiLine)
            .type_literal_separator_kind(SemiColonOrComma::SemiColon)
            .build()
    })
}

/// One edit: replace the bytes `range` of the source with `text`.
struct Edit {
    range: Range<usize>,
    text: String,
}

/// One `import type { … } from "…"` declaration.
struct Import {
    range: Range<usize>,
    names: Vec<String>,
    from: String,
}

/// Rewrites the declarations `text` of the file `path` (see the module docs) and formats them.
/// `relocate` maps an import path as written (relative to `path`, ending in `.js`) to the path
/// to write instead. Panics with the file name when the text does not parse: it is generated,
/// so that is a defect of codegen. Returns the formatted text and the imports it keeps, each as
/// the imported name and its (relocated) path.
pub fn rewrite(
    path: &Path,
    text: &str,
    relocate: &dyn Fn(&str) -> String,
) -> (String, Vec<(String, String)>) {
    let (edited, kept) = edit(path, text, relocate);
    (format(path, edited, "d.ts"), kept)
}

/// Formats a declaration file written by codegen itself (no rewrite needed).
pub fn format_only(path: &Path, text: String) -> String {
    format(path, text, "d.ts")
}

fn parse(path: &Path, text: String) -> deno_ast::ParsedSource {
    let specifier = ModuleSpecifier::parse(&format!("file:///{}", path.display()))
        .expect("generated paths are valid URLs");
    deno_ast::parse_module(ParseParams {
        specifier,
        text: text.into(),
        media_type: MediaType::Dts,
        capture_tokens: true,
        scope_analysis: false,
        maybe_syntax: None,
    })
    .unwrap_or_else(|e| {
        panic!(
            "generated TypeScript {} does not parse: {e}",
            path.display()
        )
    })
}

fn edit(
    path: &Path,
    source: &str,
    relocate: &dyn Fn(&str) -> String,
) -> (String, Vec<(String, String)>) {
    let parsed = parse(path, source.to_owned());
    let mut edits: Vec<Edit> = vec![];
    let mut imports: Vec<Import> = vec![];
    let mut used: BTreeSet<String> = BTreeSet::new();
    parsed.with_view(|program| {
        let mut stack: Vec<v::Node> = program.children();
        while let Some(node) = stack.pop() {
            if let Some(decl) = node.to::<v::ImportDecl>() {
                imports.push(import(path, decl));
                continue;
            }
            if let Some(ident) = node.to::<v::Ident>() {
                used.insert(ident.inner.sym.to_string());
            }
            if let Some(member) = node.to::<v::TsPropertySignature>() {
                edits.extend(accept_undefined(member));
            }
            if let Some(union) = node.to::<v::TsUnionType>() {
                edits.extend(open_enum(union));
            }
            stack.extend(node.children());
        }
    });
    let mut kept = vec![];
    for import in imports {
        let names: Vec<&String> = import.names.iter().filter(|n| used.contains(*n)).collect();
        let text = if names.is_empty() {
            String::new()
        } else {
            let from = relocate(&import.from);
            kept.extend(names.iter().map(|n| ((*n).clone(), from.clone())));
            let names: Vec<&str> = names.iter().map(|n| n.as_str()).collect();
            format!("import type {{ {} }} from {from:?};", names.join(", "))
        };
        let mut range = import.range;
        if text.is_empty() && source.as_bytes().get(range.end) == Some(&b'\n') {
            range.end += 1;
        }
        edits.push(Edit { range, text });
    }
    edits.sort_by_key(|e| std::cmp::Reverse((e.range.start, e.range.end)));
    let mut out = source.to_owned();
    for e in edits {
        out.replace_range(e.range, &e.text);
    }
    kept.sort();
    (out, kept)
}

fn byte_range(node: &impl SourceRangedForSpanned) -> Range<usize> {
    node.range().as_byte_range(StartSourcePos::START_SOURCE_POS)
}

fn import(path: &Path, decl: &v::ImportDecl) -> Import {
    assert!(
        decl.inner.type_only,
        "{}: only `import type` is generated",
        path.display()
    );
    let names = decl
        .specifiers
        .iter()
        .map(|s| match s {
            v::ImportSpecifier::Named(named) if named.imported.is_none() => {
                named.local.inner.sym.to_string()
            }
            _ => panic!("{}: only plain named imports are generated", path.display()),
        })
        .collect();
    Import {
        range: byte_range(decl.inner),
        names,
        from: decl.src.inner.value.to_string_lossy().into_owned(),
    }
}

/// `name?: T` → `name?: T | undefined` (parenthesized where `|` would bind into `T`), unless
/// `T` already admits `undefined` or is `never` (a member that must be absent).
fn accept_undefined(member: &v::TsPropertySignature) -> Vec<Edit> {
    let Some(annotation) = member.inner.type_ann.as_ref() else {
        return vec![];
    };
    if !member.inner.optional {
        return vec![];
    }
    let ty = &annotation.type_ann;
    let is_keyword = |t: &RawType, kind| matches!(t, RawType::TsKeywordType(k) if k.kind == kind);
    if is_keyword(ty, TsKeywordTypeKind::TsNeverKeyword)
        || is_keyword(ty, TsKeywordTypeKind::TsUndefinedKeyword)
    {
        return vec![];
    }
    if let RawType::TsUnionOrIntersectionType(
        deno_ast::swc::ast::TsUnionOrIntersectionType::TsUnionType(union),
    ) = &**ty
        && union
            .types
            .iter()
            .any(|t| is_keyword(t, TsKeywordTypeKind::TsUndefinedKeyword))
    {
        return vec![];
    }
    let range = byte_range(&**ty);
    let needs_parens = matches!(
        &**ty,
        RawType::TsFnOrConstructorType(_) | RawType::TsConditionalType(_)
    );
    let mut edits = vec![];
    if needs_parens {
        edits.push(Edit {
            range: range.start..range.start,
            text: "(".into(),
        });
    }
    edits.push(Edit {
        range: range.end..range.end,
        text: if needs_parens {
            ") | undefined"
        } else {
            " | undefined"
        }
        .into(),
    });
    edits
}

/// `"a" | "b" | string` → `"a" | "b" | (string & {})`: the literals stay visible to editors.
fn open_enum(union: &v::TsUnionType) -> Option<Edit> {
    let types = &union.inner.types;
    let has_literal = types
        .iter()
        .any(|t| matches!(&**t, RawType::TsLitType(l) if matches!(l.lit, TsLit::Str(_))));
    let string = types.iter().find(|t| {
        matches!(&***t, RawType::TsKeywordType(k) if k.kind == TsKeywordTypeKind::TsStringKeyword)
    })?;
    has_literal.then(|| Edit {
        range: byte_range(&**string),
        text: "(string & {})".into(),
    })
}

fn format(path: &Path, text: String, extension: &str) -> String {
    let formatted =
        dprint_plugin_typescript::format_text(dprint_plugin_typescript::FormatTextOptions {
            path,
            extension: Some(extension),
            text: text.clone(),
            config: config(),
            external_formatter: None,
        })
        .unwrap_or_else(|e| panic!("dprint cannot format {}: {e}", path.display()));
    formatted.unwrap_or(text)
}
