//! No import cycles between the modules of a crate (issue 10, item 2).
//!
//! [`module_graph`] reads a crate's `src/` with `syn` (any crate: pass its
//! directory), keeps one node per module file, and adds an edge A → B for
//! every path in A that names B: `use crate::b::…`, `crate::b::f()` in an
//! expression or a type, `super::…`. Left out, because they are not
//! dependencies between rooms: a module's edges to its own descendants (it
//! declares them, and may re-export them), and code under `#[cfg(test)]`
//! (tests may use anything). [`cycles`] returns the strongly connected
//! components of more than one module, each named.
//!
//! Asserted for the crates `landed` (cli), `landed-store` and `landed-rules`,
//! which have none (the cli had one, `batch → totals → batch`: `Kind` now
//! lives in `totals`; the rules had one through nearly every module, broken
//! by the rooms of issue 10: the message enums import only `text::say`, the
//! result types are in `programs::result`, the outlook reads an assessment
//! through the `draws::Assessed` trait).
//! `landed-web` is being restructured separately: call [`cycles`] on it
//! when it is done.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::visit::Visit;

/// Module path (`"crate"`, `"assess"`, `"programs::fsw"`) → the modules it uses.
type Graph = BTreeMap<String, BTreeSet<String>>;

/// The module graph of the crate whose sources are under `src`.
pub fn module_graph(src: &Path) -> Graph {
    let mut files = Vec::new();
    collect(src, &mut files);
    let modules: BTreeMap<String, PathBuf> =
        files.into_iter().map(|f| (module_of(src, &f), f)).collect();
    let known: BTreeSet<String> = modules.keys().cloned().collect();
    let mut graph = Graph::new();
    for (module, file) in &modules {
        let text = std::fs::read_to_string(file).unwrap();
        let ast = syn::parse_file(&text)
            .unwrap_or_else(|e| panic!("{}: cannot parse: {e}", file.display()));
        let mut paths = Paths::default();
        paths.visit_file(&ast);
        let edges = graph.entry(module.clone()).or_default();
        for p in paths.found {
            if let Some(target) = resolve(module, &p, &known)
                && target != *module
                && !is_descendant(&target, module)
            {
                edges.insert(target);
            }
        }
    }
    graph
}

/// The cycles of `graph`: its strongly connected components of two modules or
/// more, each sorted, in a stable order.
pub fn cycles(graph: &Graph) -> Vec<Vec<String>> {
    // Tarjan's algorithm, iteratively small enough to write recursively here.
    struct State<'a> {
        graph: &'a Graph,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        next: usize,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        s.index.insert(v, s.next);
        s.low.insert(v, s.next);
        s.next += 1;
        s.stack.push(v);
        s.on_stack.insert(v);
        let graph = s.graph;
        for w in graph.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let lw = s.low[w];
                let lv = s.low.get_mut(v).unwrap();
                *lv = (*lv).min(lw);
            } else if s.on_stack.contains(w) {
                let iw = s.index[w];
                let lv = s.low.get_mut(v).unwrap();
                *lv = (*lv).min(iw);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.to_string());
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
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.out.sort();
    s.out
}

/// One cycle as a readable chain: `a → b → c → a`, following real edges.
pub fn describe(graph: &Graph, component: &[String]) -> String {
    let inside: BTreeSet<&str> = component.iter().map(String::as_str).collect();
    // Breadth-first from the first module back to itself, inside the component.
    let start = component[0].as_str();
    let mut prev: BTreeMap<&str, &str> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(v) = queue.pop_front() {
        for w in graph.get(v).into_iter().flatten().map(String::as_str) {
            if !inside.contains(w) {
                continue;
            }
            if w == start {
                let mut chain = vec![start, v];
                let mut x = v;
                while x != start {
                    x = prev[x];
                    chain.push(x);
                }
                chain.reverse();
                return chain.join(" → ");
            }
            if !prev.contains_key(w) && w != start {
                prev.insert(w, v);
                queue.push_back(w);
            }
        }
    }
    component.join(", ")
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/lib.rs` and `src/main.rs` → `crate`; `src/a/mod.rs` and `src/a.rs` → `a`;
/// `src/a/b.rs` → `a::b`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    if parts.len() == 1 && (parts[0] == "lib" || parts[0] == "main") {
        return "crate".into();
    }
    parts.join("::")
}

fn is_descendant(module: &str, ancestor: &str) -> bool {
    ancestor == "crate" || module.starts_with(&format!("{ancestor}::"))
}

/// The module a path names, from inside `module`: the longest known module
/// prefix of the absolute path. `None` for paths outside the crate.
fn resolve(module: &str, path: &[String], known: &BTreeSet<String>) -> Option<String> {
    let mut abs: Vec<String> = match path.first().map(String::as_str) {
        Some("crate") => Vec::new(),
        Some("super") | Some("self") => {
            let mut base: Vec<String> = if module == "crate" {
                Vec::new()
            } else {
                module.split("::").map(String::from).collect()
            };
            for seg in path.iter().take_while(|s| *s == "super") {
                let _ = seg;
                base.pop();
            }
            base
        }
        _ => return None,
    };
    abs.extend(
        path.iter()
            .skip_while(|s| *s == "crate" || *s == "super" || *s == "self")
            .cloned(),
    );
    (0..=abs.len()).rev().find_map(|n| {
        let candidate = if n == 0 {
            "crate".to_string()
        } else {
            abs[..n].join("::")
        };
        known.contains(&candidate).then_some(candidate)
    })
}

/// Every path starting with `crate`, `super` or `self` in a file, outside
/// `#[cfg(test)]` items.
#[derive(Default)]
struct Paths {
    found: Vec<Vec<String>>,
}

fn is_cfg_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && a.meta
                .require_list()
                .is_ok_and(|l| l.tokens.to_string().split_whitespace().any(|t| t == "test"))
    })
}

impl Paths {
    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(prefix, &p.tree);
                prefix.pop();
            }
            syn::UseTree::Name(n) => self.add(prefix, Some(n.ident.to_string())),
            syn::UseTree::Rename(r) => self.add(prefix, Some(r.ident.to_string())),
            syn::UseTree::Glob(_) => self.add(prefix, None),
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    self.use_tree(prefix, t);
                }
            }
        }
    }
    fn add(&mut self, prefix: &[String], last: Option<String>) {
        let mut p = prefix.to_vec();
        if let Some(l) = last
            && l != "self"
        {
            p.push(l);
        }
        if p.first()
            .is_some_and(|s| s == "crate" || s == "super" || s == "self")
        {
            self.found.push(p);
        }
    }
}

impl<'ast> Visit<'ast> for Paths {
    fn visit_item(&mut self, i: &'ast syn::Item) {
        let attrs: &[syn::Attribute] = match i {
            syn::Item::Mod(m) => &m.attrs,
            syn::Item::Fn(f) => &f.attrs,
            syn::Item::Use(u) => &u.attrs,
            syn::Item::Impl(x) => &x.attrs,
            syn::Item::Struct(x) => &x.attrs,
            syn::Item::Enum(x) => &x.attrs,
            syn::Item::Const(x) => &x.attrs,
            syn::Item::Static(x) => &x.attrs,
            _ => &[],
        };
        if is_cfg_test(attrs) {
            return;
        }
        syn::visit::visit_item(self, i);
    }
    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        self.use_tree(&mut Vec::new(), &u.tree);
    }
    fn visit_path(&mut self, p: &'ast syn::Path) {
        let segs: Vec<String> = p.segments.iter().map(|s| s.ident.to_string()).collect();
        self.add(&segs, None);
        syn::visit::visit_path(self, p);
    }
    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        // Paths inside macro calls (`format!("{}", crate::x::y())`): read the
        // tokens as `crate :: a :: b` runs.
        let tokens: Vec<String> = m
            .tokens
            .clone()
            .into_iter()
            .map(|t| t.to_string())
            .collect();
        for (i, t) in tokens.iter().enumerate() {
            if t == "crate" || t == "super" {
                let mut p = vec![t.clone()];
                let mut j = i + 1;
                while j + 2 < tokens.len() + 1
                    && tokens.get(j).is_some_and(|x| x == ":")
                    && tokens.get(j + 1).is_some_and(|x| x == ":")
                {
                    match tokens.get(j + 2) {
                        Some(x) if x.chars().all(|c| c.is_alphanumeric() || c == '_') => {
                            p.push(x.clone());
                            j += 3;
                        }
                        _ => break,
                    }
                }
                self.found.push(p);
            }
        }
        syn::visit::visit_macro(self, m);
    }
}

fn src_of(crate_dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(crate_dir)
        .join("src")
}

fn assert_no_cycles(crate_dir: &str) {
    let g = module_graph(&src_of(crate_dir));
    assert!(g.len() > 1, "{crate_dir}: no modules found");
    let found: Vec<String> = cycles(&g).iter().map(|c| describe(&g, c)).collect();
    assert!(
        found.is_empty(),
        "import cycles between modules of crates/{crate_dir}:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_cli_has_no_import_cycle() {
    assert_no_cycles("cli");
}

#[test]
fn the_store_has_no_import_cycle() {
    assert_no_cycles("store");
}

#[test]
fn the_rules_have_no_import_cycle() {
    assert_no_cycles("rules");
}

/// The checker finds a cycle it is shown, names it, and ignores tests and
/// a module's own children.
#[test]
fn the_checker_finds_a_planted_cycle() {
    let dir = std::env::temp_dir().join(format!("landed-module-graph-{}", std::process::id()));
    let src = dir.join("src");
    std::fs::create_dir_all(src.join("b")).unwrap();
    std::fs::write(src.join("lib.rs"), "mod a; mod b; mod c;").unwrap();
    std::fs::write(src.join("a.rs"), "use crate::b::x;\npub fn y() {}").unwrap();
    std::fs::write(
        src.join("b/mod.rs"),
        "mod inner;\npub use inner::z;\npub fn x() { format!(\"{:?}\", crate::c::w()); }",
    )
    .unwrap();
    std::fs::write(
        src.join("b/inner.rs"),
        "pub fn z() { super::x() }\n#[cfg(test)]\nmod tests { use crate::a::y; }",
    )
    .unwrap();
    std::fs::write(src.join("c.rs"), "pub fn w() { crate::a::y() }").unwrap();
    let g = module_graph(&src);
    let cs = cycles(&g);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(cs, vec![vec!["a".to_string(), "b".into(), "c".into()]]);
    assert_eq!(describe(&g, &cs[0]), "a → b → c → a");
    // b::inner → b (super) is an edge, b → b::inner (its child) is not.
    assert!(g["b::inner"].contains("b"));
    assert!(!g["b"].contains("b::inner"));
    assert!(!g["b::inner"].contains("a"), "test code is left out");
}
