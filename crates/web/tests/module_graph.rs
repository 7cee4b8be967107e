//! The module graph of `crates/web/src`: no import cycle between modules, and no route module
//! taking helpers from another route module (shared helpers live in `form`, `views`, …).
//!
//! An edge `a → b` is any path in `a`'s non-test code that starts with `crate::`, `super::` or
//! `self::` and names an item of module `b` (a `use` or a path written inline), `mod`
//! declarations aside. Comments and `#[cfg(test)] mod tests` blocks are left out.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Route modules that still use another route module: none (the question form's rules live in
/// `question`, the field errors in `form`). An entry here makes the test accept that edge
/// and fail once it is gone.
const KNOWN_ROUTE_EDGES: &[(&str, &str)] = &[];

/// `routes::api::*` is one room (the JSON API): its modules may use each other.
fn same_room(a: &str, b: &str) -> bool {
    let room = |m: &str| m.split("::").take(3).collect::<Vec<_>>().join("::");
    room(a) == room(b)
}

type Graph = BTreeMap<String, BTreeSet<String>>;

/// Module path of a source file: `src/views/grid.rs` → `crate::views::grid`.
fn module_of(rel: &Path) -> String {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    std::iter::once("crate".to_string())
        .chain(parts)
        .collect::<Vec<_>>()
        .join("::")
}

fn sources(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            sources(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(root).expect("under src");
            let text = std::fs::read_to_string(&path).expect("readable source");
            out.push((module_of(rel), text));
        }
    }
}

/// The code of a file without comments and without its test module.
fn code(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") {
            break;
        }
        if trimmed.starts_with("//")
            || trimmed.starts_with("mod ")
            || trimmed.starts_with("pub mod ")
        {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The longest known module that `path` (segments from `crate`) starts with.
fn resolve(path: &[String], modules: &BTreeSet<String>) -> Option<String> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].join("::"))
        .find(|m| modules.contains(m))
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Every module `module`'s code names through `crate::`, `super::` or `self::` paths.
fn targets(module: &str, code: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let here: Vec<String> = module.split("::").map(str::to_string).collect();
    let chars: Vec<char> = code.chars().collect();
    let mut out = BTreeSet::new();
    let mut i = 0;
    while i < chars.len() {
        let starts_word = i == 0 || !is_ident(chars[i - 1]) && chars[i - 1] != ':';
        let rest: String = chars[i..chars.len().min(i + 8)].iter().collect();
        let head = ["crate::", "super::", "self::"]
            .into_iter()
            .find(|h| rest.starts_with(h));
        let Some(_) = head.filter(|_| starts_word) else {
            i += 1;
            continue;
        };
        // Read `a::b::c` and an optional `{x, y::z}` group.
        let mut segs: Vec<String> = Vec::new();
        let mut j = i;
        loop {
            let start = j;
            while j < chars.len() && is_ident(chars[j]) {
                j += 1;
            }
            if j > start {
                segs.push(chars[start..j].iter().collect());
            }
            if chars.get(j) == Some(&':') && chars.get(j + 1) == Some(&':') {
                j += 2;
                if chars.get(j) == Some(&'{') {
                    break;
                }
            } else {
                break;
            }
        }
        let mut base: Vec<String> = Vec::new();
        for s in &segs {
            match s.as_str() {
                "crate" => base = vec!["crate".to_string()],
                "super" => {
                    if base.is_empty() {
                        base = here.clone();
                    }
                    base.pop();
                }
                "self" => base = here.clone(),
                other => base.push(other.to_string()),
            }
        }
        let mut paths = vec![base.clone()];
        if chars.get(j) == Some(&'{') {
            // The first segment of each item of the group (nested groups: their first segment).
            let mut depth = 0;
            let mut item = String::new();
            let mut k = j;
            while k < chars.len() {
                let c = chars[k];
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                if depth == 0 {
                    break;
                }
                if depth == 1 && (c == ',' || c == '{') {
                    let first = item
                        .trim()
                        .trim_start_matches('{')
                        .split("::")
                        .next()
                        .unwrap_or("")
                        .trim()
                        .to_string();
                    if !first.is_empty() && first != "self" {
                        let mut p = base.clone();
                        p.push(first);
                        paths.push(p);
                    }
                    item.clear();
                } else if depth == 1 {
                    item.push(c);
                }
                k += 1;
            }
            let first = item
                .trim()
                .split("::")
                .next()
                .unwrap_or("")
                .trim()
                .to_string();
            if !first.is_empty() && first != "self" {
                let mut p = base.clone();
                p.push(first);
                paths.push(p);
            }
            j = k;
        }
        for p in paths {
            if let Some(m) = resolve(&p, modules)
                && m != module
            {
                out.insert(m);
            }
        }
        i = j.max(i + 1);
    }
    out
}

fn graph() -> Graph {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &root, &mut files);
    assert!(
        files.len() > 20,
        "found the sources ({} files)",
        files.len()
    );
    let modules: BTreeSet<String> = files.iter().map(|(m, _)| m.clone()).collect();
    files
        .iter()
        .map(|(m, text)| (m.clone(), targets(m, &code(text), &modules)))
        .collect()
}

/// A cycle of `g`, as the modules along it (first = last), if there is one.
fn find_cycle(g: &Graph) -> Option<Vec<String>> {
    fn visit(
        g: &Graph,
        m: &str,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(m.to_string(), 1);
        stack.push(m.to_string());
        for t in g.get(m).into_iter().flatten() {
            match state.get(t.as_str()) {
                Some(1) => {
                    let from = stack.iter().position(|s| s == t).unwrap_or(0);
                    let mut cycle = stack[from..].to_vec();
                    cycle.push(t.clone());
                    return Some(cycle);
                }
                Some(_) => {}
                None => {
                    if let Some(c) = visit(g, t, state, stack) {
                        return Some(c);
                    }
                }
            }
        }
        stack.pop();
        state.insert(m.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for m in g.keys() {
        if !state.contains_key(m.as_str()) {
            let mut stack = Vec::new();
            if let Some(c) = visit(g, m, &mut state, &mut stack) {
                return Some(c);
            }
        }
    }
    None
}

#[test]
fn no_import_cycle_between_modules() {
    // The JSON API room (`routes::api::*`) counts as one module here: its OpenAPI document
    // (`doc`) names the handlers, and handlers name the document's schemas.
    let room = |m: &str| {
        if m.starts_with("crate::routes::api::") {
            "crate::routes::api".to_string()
        } else {
            m.to_string()
        }
    };
    let mut g: Graph = Graph::new();
    for (from, tos) in graph() {
        let f = room(&from);
        let entry = g.entry(f.clone()).or_default();
        for t in tos {
            let t = room(&t);
            if t != f {
                entry.insert(t);
            }
        }
    }
    if let Some(cycle) = find_cycle(&g) {
        panic!("import cycle: {}", cycle.join(" → "));
    }
}

#[test]
fn no_route_module_takes_helpers_from_another() {
    let g = graph();
    let mut found = BTreeSet::new();
    for (from, tos) in &g {
        if !from.starts_with("crate::routes::") {
            continue;
        }
        for to in tos
            .iter()
            .filter(|t| t.starts_with("crate::routes::") && !same_room(from, t))
        {
            found.insert((from.clone(), to.clone()));
        }
    }
    let known: BTreeSet<(String, String)> = KNOWN_ROUTE_EDGES
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    let new: Vec<_> = found.difference(&known).collect();
    assert!(new.is_empty(), "route modules using each other: {new:?}");
    let gone: Vec<_> = known.difference(&found).collect();
    assert!(
        gone.is_empty(),
        "no longer true, remove from KNOWN_ROUTE_EDGES: {gone:?}"
    );
}

#[test]
fn the_checker_sees_a_cycle_and_grouped_imports() {
    let modules: BTreeSet<String> = ["crate", "crate::a", "crate::a::b", "crate::c"]
        .into_iter()
        .map(str::to_string)
        .collect();
    let t = targets(
        "crate::a::b",
        "use super::{helper, super::c::X};\nfn f() { crate::c::g(); }",
        &modules,
    );
    assert_eq!(
        t,
        ["crate::a", "crate::c"]
            .into_iter()
            .map(str::to_string)
            .collect()
    );
    let mut g = Graph::new();
    g.insert("crate::a".into(), ["crate::c".to_string()].into());
    g.insert("crate::c".into(), ["crate::a".to_string()].into());
    assert_eq!(
        find_cycle(&g),
        Some(vec![
            "crate::a".into(),
            "crate::c".into(),
            "crate::a".into()
        ])
    );
    assert_eq!(module_of(Path::new("views/mod.rs")), "crate::views");
    assert_eq!(module_of(Path::new("lib.rs")), "crate");
}
