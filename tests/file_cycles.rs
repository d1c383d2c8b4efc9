//! Claim: the source files of `rtwire-protocol` and of `rtwire-codegen` import each other
//! without a cycle.
//!
//! A file depends on another when its code names an item the other file declares: a `use`
//! or an inline path starting with `crate::`, `$crate::`, `super::`, `self::` or a child
//! module, or a `macro_rules!` macro the other file defines. Paths through a `pub use`
//! re-export resolve to the file that declares the item, so a `mod.rs` that only re-exports
//! is not a hub. The graph is built from the source text; the test fails with every cycle
//! (a strongly connected component of more than one file), each edge with its line.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Punct(char),
}

/// Tokens of a Rust file with their line numbers; comments, strings and chars are dropped.
fn tokens(text: &str) -> Vec<(Tok, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = vec![];
    let mut i = 0;
    let mut line = 1;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if chars[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
        } else if c == 'r' && (next == Some('#') || next == Some('"')) && {
            let mut j = i + 1;
            while chars.get(j) == Some(&'#') {
                j += 1;
            }
            chars.get(j) == Some(&'"')
        } {
            // Raw string r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars[j] == '#' {
                hashes += 1;
                j += 1;
            }
            j += 1;
            loop {
                if j >= chars.len() {
                    break;
                }
                if chars[j] == '\n' {
                    line += 1;
                }
                if chars[j] == '"' && (1..=hashes).all(|k| chars.get(j + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            i = j;
        } else if c == '"' || (c == 'b' && next == Some('"')) {
            let mut j = if c == 'b' { i + 2 } else { i + 1 };
            while j < chars.len() && chars[j] != '"' {
                if chars[j] == '\\' {
                    j += 1;
                }
                if chars.get(j) == Some(&'\n') {
                    line += 1;
                }
                j += 1;
            }
            i = j + 1;
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{..}') or a lifetime ('a).
            if next == Some('\\') {
                let mut j = i + 2;
                while j < chars.len() && chars[j] != '\'' {
                    j += 1;
                }
                i = j + 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push((Tok::Ident(chars[start..i].iter().collect()), line));
        } else if c == '$' && chars.get(i + 1..i + 6) == Some(&['c', 'r', 'a', 't', 'e']) {
            out.push((Tok::Ident("crate".into()), line));
            i += 6;
        } else if c.is_whitespace() || c.is_ascii_digit() {
            i += 1;
        } else {
            out.push((Tok::Punct(c), line));
            i += 1;
        }
    }
    out
}

/// One source file: its module path, the items it declares, its re-exports and child modules.
struct File {
    path: PathBuf,
    module: Vec<String>,
    tokens: Vec<(Tok, usize)>,
    declared: BTreeSet<String>,
    children: BTreeSet<String>,
    /// `pub use` bindings: name → absolute path (module path + item).
    reexports: BTreeMap<String, Vec<String>>,
    /// `pub use …::*` globs: absolute module paths.
    globs: Vec<Vec<String>>,
}

fn ident(tok: Option<&(Tok, usize)>) -> Option<&str> {
    match tok {
        Some((Tok::Ident(s), _)) => Some(s),
        _ => None,
    }
}

fn punct(tok: Option<&(Tok, usize)>, c: char) -> bool {
    matches!(tok, Some((Tok::Punct(p), _)) if *p == c)
}

const ITEM_KEYWORDS: [&str; 9] = [
    "struct", "enum", "fn", "trait", "type", "const", "static", "mod", "union",
];

/// Parses a use tree starting at `i` (after `use`); returns the (path, binding) leaves and the
/// index after the tree. A glob leaf has the binding `*`.
fn use_tree(
    toks: &[(Tok, usize)],
    mut i: usize,
    prefix: &[String],
) -> (Vec<(Vec<String>, String)>, usize) {
    let mut path = prefix.to_vec();
    let mut leaves = vec![];
    loop {
        if punct(toks.get(i), '{') {
            i += 1;
            loop {
                if punct(toks.get(i), '}') {
                    i += 1;
                    break;
                }
                let (sub, next) = use_tree(toks, i, &path);
                leaves.extend(sub);
                i = next;
                if punct(toks.get(i), ',') {
                    i += 1;
                }
            }
            return (leaves, i);
        }
        if punct(toks.get(i), '*') {
            leaves.push((path, "*".into()));
            return (leaves, i + 1);
        }
        let Some(name) = ident(toks.get(i)) else {
            return (leaves, i);
        };
        path.push(name.to_owned());
        i += 1;
        if punct(toks.get(i), ':') && punct(toks.get(i + 1), ':') {
            i += 2;
            continue;
        }
        let mut binding = name.to_owned();
        if ident(toks.get(i)) == Some("as") {
            binding = ident(toks.get(i + 1)).unwrap_or("_").to_owned();
            i += 2;
        }
        if name == "self" {
            path.pop();
            binding = path.last().cloned().unwrap_or_default();
        }
        leaves.push((path, binding));
        return (leaves, i);
    }
}

/// The module path that a relative path's first segments denote, seen from `module`.
fn absolute(
    module: &[String],
    children: &BTreeSet<String>,
    path: &[String],
) -> Option<Vec<String>> {
    let first = path.first()?;
    match first.as_str() {
        "crate" => Some(path[1..].to_vec()),
        "self" => Some([module, &path[1..]].concat()),
        "super" => {
            let mut base = module.to_vec();
            let mut rest = path;
            while rest.first().map(String::as_str) == Some("super") {
                base.pop()?;
                rest = &rest[1..];
            }
            Some([base.as_slice(), rest].concat())
        }
        name if children.contains(name) => Some([module, path].concat()),
        _ => None,
    }
}

fn load(src: &Path) -> Vec<File> {
    let mut files = vec![];
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("a source folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(src).expect("under src");
                let mut module: Vec<String> = rel
                    .with_extension("")
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                if matches!(
                    module.last().map(String::as_str),
                    Some("mod" | "lib" | "main")
                ) {
                    module.pop();
                }
                let text = std::fs::read_to_string(&path).expect("a source file");
                files.push(parse(path, module, &text));
            }
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

fn parse(path: PathBuf, module: Vec<String>, text: &str) -> File {
    let toks = tokens(text);
    let mut file = File {
        path,
        module,
        tokens: vec![],
        declared: BTreeSet::new(),
        children: BTreeSet::new(),
        reexports: BTreeMap::new(),
        globs: vec![],
    };
    for (i, (tok, _)) in toks.iter().enumerate() {
        let Tok::Ident(word) = tok else { continue };
        if ITEM_KEYWORDS.contains(&word.as_str()) {
            if let Some(name) = ident(toks.get(i + 1)) {
                file.declared.insert(name.to_owned());
                if word == "mod" && punct(toks.get(i + 2), ';') {
                    file.children.insert(name.to_owned());
                }
            }
        } else if word == "macro_rules"
            && punct(toks.get(i + 1), '!')
            && let Some(name) = ident(toks.get(i + 2))
        {
            file.declared.insert(format!("{name}!"));
        }
    }
    for (i, (tok, _)) in toks.iter().enumerate() {
        if *tok != Tok::Ident("use".into()) || i == 0 {
            continue;
        }
        // `pub use` or `pub(crate) use`: a re-export.
        let public = ident(toks.get(i - 1)) == Some("pub")
            || (punct(toks.get(i - 1), ')') && i >= 4 && ident(toks.get(i - 4)) == Some("pub"));
        if !public {
            continue;
        }
        let (leaves, _) = use_tree(&toks, i + 1, &[]);
        for (leaf, binding) in leaves {
            let Some(abs) = absolute(&file.module, &file.children, &leaf) else {
                continue;
            };
            if binding == "*" {
                file.globs.push(abs);
            } else {
                file.reexports.insert(binding, abs);
            }
        }
    }
    file.tokens = toks;
    file
}

/// The file that declares the item at the absolute path `path` (a module path, or a module
/// path and an item name).
fn resolve(files: &[File], path: &[String], depth: usize) -> Option<usize> {
    if depth > 16 {
        return None;
    }
    // The longest prefix that is a file's module.
    let (index, used) = (0..=path.len()).rev().find_map(|n| {
        files
            .iter()
            .position(|f| f.module == path[..n])
            .map(|i| (i, n))
    })?;
    let Some(item) = path.get(used) else {
        return Some(index);
    };
    let file = &files[index];
    if file.declared.contains(item) || file.declared.contains(&format!("{item}!")) {
        return Some(index);
    }
    if let Some(target) = file.reexports.get(item) {
        let full = [target.as_slice(), &path[used + 1..]].concat();
        return resolve(files, &full, depth + 1).or(Some(index));
    }
    for glob in &file.globs {
        let full = [glob.as_slice(), &path[used..]].concat();
        if let Some(found) = resolve(files, &full, depth + 1)
            && (files[found].module != *glob || files[found].declared.contains(item))
        {
            return Some(found);
        }
    }
    Some(index)
}

/// Edges `from → to` with the first line of `from` that makes each.
fn edges(files: &[File]) -> BTreeMap<(usize, usize), usize> {
    let mut macros: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, file) in files.iter().enumerate() {
        for name in file.declared.iter().filter(|n| n.ends_with('!')) {
            macros.entry(name.clone()).or_default().push(i);
        }
    }
    let mut out: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for (from, file) in files.iter().enumerate() {
        let toks = &file.tokens;
        // The inline modules (`mod name { … }`) around each token.
        let mut inline: Vec<(String, usize)> = vec![];
        let mut depth = 0usize;
        let mut i = 0;
        while i < toks.len() {
            let line = toks[i].1;
            let mut add = |to: Option<usize>| {
                if let Some(to) = to.filter(|&to| to != from) {
                    out.entry((from, to)).or_insert(line);
                }
            };
            if punct(toks.get(i), '{') {
                depth += 1;
            } else if punct(toks.get(i), '}') {
                depth = depth.saturating_sub(1);
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
            }
            let module: Vec<String> = file
                .module
                .iter()
                .cloned()
                .chain(inline.iter().map(|(n, _)| n.clone()))
                .collect();
            let children = if inline.is_empty() {
                file.children.clone()
            } else {
                BTreeSet::new()
            };
            match &toks[i].0 {
                Tok::Ident(word) if word == "mod" => {
                    if let Some(name) = ident(toks.get(i + 1))
                        && punct(toks.get(i + 2), '{')
                    {
                        inline.push((name.to_owned(), depth));
                    }
                }
                Tok::Ident(word) if word == "use" => {
                    let (leaves, next) = use_tree(toks, i + 1, &[]);
                    // A re-export forwards a name; paths through it resolve to its target.
                    let reexport = i > 0
                        && (ident(toks.get(i - 1)) == Some("pub")
                            || (punct(toks.get(i - 1), ')')
                                && i >= 4
                                && ident(toks.get(i - 4)) == Some("pub")));
                    for (leaf, _) in leaves.into_iter().filter(|_| !reexport) {
                        if let Some(abs) = absolute(&module, &children, &leaf) {
                            add(resolve(files, &abs, 0));
                        }
                    }
                    i = next;
                    continue;
                }
                Tok::Ident(word) => {
                    let after_path = i > 0 && punct(toks.get(i - 1), ':');
                    if !after_path
                        && punct(toks.get(i + 1), '!')
                        && word != "macro_rules"
                        && let Some(defs) = macros.get(&format!("{word}!"))
                        && defs.len() == 1
                    {
                        add(Some(defs[0]));
                    }
                    if !after_path && punct(toks.get(i + 1), ':') && punct(toks.get(i + 2), ':') {
                        let mut path = vec![word.clone()];
                        let mut j = i + 3;
                        while let Some(name) = ident(toks.get(j)) {
                            path.push(name.to_owned());
                            if punct(toks.get(j + 1), ':') && punct(toks.get(j + 2), ':') {
                                j += 3;
                            } else {
                                j += 1;
                                break;
                            }
                        }
                        if let Some(abs) = absolute(&module, &children, &path) {
                            add(resolve(files, &abs, 0));
                        }
                        i = j;
                        continue;
                    }
                }
                Tok::Punct(_) => {}
            }
            i += 1;
        }
    }
    out
}

/// The strongly connected components of more than one file (Tarjan).
fn cycles(n: usize, edges: &BTreeMap<(usize, usize), usize>) -> Vec<Vec<usize>> {
    struct State<'a> {
        next: Vec<Vec<usize>>,
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        on_stack: Vec<bool>,
        stack: Vec<usize>,
        counter: usize,
        out: Vec<Vec<usize>>,
        _edges: &'a (),
    }
    fn visit(s: &mut State, v: usize) {
        s.index[v] = Some(s.counter);
        s.low[v] = s.counter;
        s.counter += 1;
        s.stack.push(v);
        s.on_stack[v] = true;
        for w in s.next[v].clone() {
            match s.index[w] {
                None => {
                    visit(s, w);
                    s.low[v] = s.low[v].min(s.low[w]);
                }
                Some(index) if s.on_stack[w] => s.low[v] = s.low[v].min(index),
                Some(_) => {}
            }
        }
        if Some(s.low[v]) == s.index[v] {
            let mut component = vec![];
            loop {
                let w = s.stack.pop().expect("on the stack");
                s.on_stack[w] = false;
                component.push(w);
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.out.push(component);
            }
        }
    }
    let mut next = vec![vec![]; n];
    for &(from, to) in edges.keys() {
        next[from].push(to);
    }
    let unit = ();
    let mut state = State {
        next,
        index: vec![None; n],
        low: vec![0; n],
        on_stack: vec![false; n],
        stack: vec![],
        counter: 0,
        out: vec![],
        _edges: &unit,
    };
    for v in 0..n {
        if state.index[v].is_none() {
            visit(&mut state, v);
        }
    }
    state.out
}

/// The cycles of one crate's `src/`, described file by file with the edges inside each.
fn crate_cycles(src: &Path) -> (usize, usize, Vec<String>) {
    let files = load(src);
    let edges = edges(&files);
    let name = |i: usize| {
        files[i]
            .path
            .strip_prefix(src)
            .expect("under src")
            .display()
            .to_string()
    };
    let found = cycles(files.len(), &edges)
        .into_iter()
        .map(|component| {
            let inside: Vec<String> = edges
                .iter()
                .filter(|((a, b), _)| component.contains(a) && component.contains(b))
                .map(|((a, b), line)| format!("    {}:{line} -> {}", name(*a), name(*b)))
                .collect();
            format!(
                "  {} files: {}\n{}",
                component.len(),
                component
                    .iter()
                    .map(|&i| name(i))
                    .collect::<Vec<_>>()
                    .join(", "),
                inside.join("\n")
            )
        })
        .collect();
    (files.len(), edges.len(), found)
}

fn assert_acyclic(krate: &str) {
    let src = rtwire_tests::root().join(krate).join("src");
    let (files, edges, found) = crate_cycles(&src);
    assert!(files > 10, "{krate}: only {files} source files found");
    assert!(edges > 10, "{krate}: only {edges} import edges found");
    assert!(
        found.is_empty(),
        "{krate}/src ({files} files, {edges} edges) has {} import cycle(s):\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_files_of_the_protocol_crate_import_each_other_without_a_cycle() {
    assert_acyclic("protocol");
}

#[test]
fn the_files_of_the_codegen_crate_import_each_other_without_a_cycle() {
    assert_acyclic("codegen");
}

/// The detector itself: it follows a `super` path through a re-export to the declaring file,
/// and counts a macro use as an edge to the file defining the macro (here `a/mod.rs`, outside
/// the cycle, since a re-export alone is no edge).
#[test]
fn the_cycle_detector_finds_a_cycle_through_a_reexport_a_super_path_and_a_macro() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let src = dir.path();
    std::fs::create_dir(src.join("a")).expect("a/");
    let write = |path: &str, text: &str| std::fs::write(src.join(path), text).expect("written");
    write("lib.rs", "mod a;\nmod c;\n");
    write(
        "a/mod.rs",
        "mod b;\npub use b::Thing;\nmacro_rules! m { () => {} }\n",
    );
    write(
        "a/b.rs",
        "pub struct Thing;\nfn f() { m!(); let _ = crate::c::Other; }\n",
    );
    write("c.rs", "pub struct Other;\nuse super::a::Thing;\n");
    let (_, _, found) = crate_cycles(src);
    assert_eq!(
        found,
        vec!["  2 files: a/b.rs, c.rs\n    a/b.rs:2 -> c.rs\n    c.rs:2 -> a/b.rs".to_owned()]
    );
}
