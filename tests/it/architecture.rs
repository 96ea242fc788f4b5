//! The shape of the code, checked against `docs/architecture.md`: layers import only downward,
//! files are touched only at the edges, the library does not use clap, and no function is
//! longer than 150 lines.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::support::repo;

/// Module -> layer, from the table in docs/architecture.md.
fn layers() -> BTreeMap<String, usize> {
    let text = std::fs::read_to_string(repo().join("docs/architecture.md")).unwrap();
    let mut out = BTreeMap::new();
    for line in text.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() < 4 {
            continue;
        }
        let Ok(layer) = cells[1].parse::<usize>() else { continue };
        for m in cells[2].split(',') {
            out.insert(m.trim().trim_matches('`').to_string(), layer);
        }
    }
    assert!(out.len() >= 20, "docs/architecture.md lists the modules by layer: {out:?}");
    out
}

pub(crate) fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The library's source files (not the binary), with their top-level module.
fn library_files() -> Vec<(String, PathBuf)> {
    let src = repo().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    files
        .into_iter()
        .filter_map(|p| {
            let rel = p.strip_prefix(&src).unwrap();
            let first = rel.components().next()?.as_os_str().to_string_lossy().into_owned();
            if first == "bin" || first == "lib.rs" {
                return None;
            }
            Some((first.trim_end_matches(".rs").to_string(), p))
        })
        .collect()
}

/// The code of a file without comments and without its unit-test module.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => &text,
    };
    text.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

#[test]
fn modules_import_only_lower_layers() {
    let layers = layers();
    let mut bad = Vec::new();
    for (module, path) in library_files() {
        let Some(&own) = layers.get(&module) else {
            bad.push(format!("{}: module `{module}` is not in docs/architecture.md", path.display()));
            continue;
        };
        let code = code(&path);
        for (i, _) in code.match_indices("crate::") {
            let name: String = code[i + 7..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            let Some(&theirs) = layers.get(&name) else {
                // `crate::{a, b}` groups and items of lib.rs (`crate::Result`).
                if !name.is_empty() && name.chars().next().unwrap().is_lowercase() && name != "forecast" {
                    bad.push(format!("{}: `crate::{name}` is not in docs/architecture.md", path.display()));
                }
                continue;
            };
            if theirs > own {
                bad.push(format!(
                    "{}: `{module}` (layer {own}) uses `{name}` (layer {theirs})",
                    path.strip_prefix(repo()).unwrap().display()
                ));
            }
        }
        assert!(!code.contains("crate::{"), "{}: import modules one by one", path.display());
    }
    bad.sort();
    bad.dedup();
    assert!(bad.is_empty(), "imports against the layers:\n{}", bad.join("\n"));
}

#[test]
fn only_the_edges_touch_files() {
    let opens = ["fs::read", "read_to_string", "File::open", "fs::write", "File::create", "create_dir", "fs::rename"];
    let allowed = ["builtin", "ingest", "params", "rules", "scenario", "export"];
    let mut bad = Vec::new();
    for (module, path) in library_files() {
        let code = code(&path);
        for o in opens {
            if code.contains(o) && !allowed.contains(&module.as_str()) {
                bad.push(format!("{}: `{o}` in `{module}`", path.display()));
            }
        }
        if code.contains("clap::") || code.contains("indicatif::") || code.contains("anyhow::") {
            bad.push(format!("{}: the library uses a crate of the command line", path.display()));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    // The command line's crates are optional dependencies of the `cli` feature.
    let manifest = std::fs::read_to_string(repo().join("Cargo.toml")).unwrap();
    for dep in ["clap", "indicatif", "anyhow"] {
        let line = manifest.lines().find(|l| l.starts_with(&format!("{dep} ="))).unwrap();
        assert!(line.contains("optional = true"), "{line}");
    }
}

/// Lengths of the functions in a file: (name, first line, lines), by brace matching outside
/// strings, characters and comments.
fn function_lengths(text: &str) -> Vec<(String, usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut search = 0;
    while let Some(k) = text[search..].find("fn ") {
        let at = search + k;
        search = at + 3;
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let before = text[line_start..at].trim();
        let is_item = before.is_empty()
            || before.split_whitespace().all(|w| {
                matches!(w, "pub" | "const" | "async" | "unsafe" | "extern" | "default") || w.starts_with("pub(")
            });
        if !is_item || !text[at + 3..].starts_with(|c: char| c.is_alphabetic() || c == '_') {
            continue;
        }
        let name: String = text[at + 3..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        // The body: the first `{` at depth 0 of parentheses and angle brackets, unless `;` ends
        // a declaration first.
        let mut i = at;
        let mut paren = 0i32;
        let body = loop {
            if i >= bytes.len() {
                break None;
            }
            match bytes[i] {
                b'(' | b'[' => paren += 1,
                b')' | b']' => paren -= 1,
                b';' if paren == 0 => break None,
                b'{' if paren == 0 => break Some(i),
                _ => {}
            }
            i += 1;
        };
        let Some(open) = body else { continue };
        let (mut depth, mut j) = (0i32, open);
        while j < bytes.len() {
            match bytes[j] {
                b'/' if bytes.get(j + 1) == Some(&b'/') => {
                    j = text[j..].find('\n').map_or(bytes.len(), |n| j + n);
                    continue;
                }
                b'"' => {
                    j += 1;
                    while j < bytes.len() && bytes[j] != b'"' {
                        if bytes[j] == b'\\' {
                            j += 1;
                        }
                        j += 1;
                    }
                }
                b'\'' if bytes.get(j + 2) == Some(&b'\'') => j += 2,
                b'\'' if bytes.get(j + 1) == Some(&b'\\') => {
                    j = text[j + 2..].find('\'').map_or(bytes.len(), |n| j + 2 + n);
                }
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        let first = text[..at].matches('\n').count() + 1;
        let last = text[..j.min(bytes.len())].matches('\n').count() + 1;
        out.push((name, first, last - first + 1));
    }
    out
}

#[test]
fn no_function_is_longer_than_150_lines() {
    let mut files = Vec::new();
    rust_files(&repo().join("src"), &mut files);
    for dir in std::fs::read_dir(repo().join("crates")).unwrap() {
        let src = dir.unwrap().path().join("src");
        if src.is_dir() {
            rust_files(&src, &mut files);
        }
    }
    files.sort();
    assert!(files.len() > 50, "{} files", files.len());
    let mut long = Vec::new();
    let mut seen = 0;
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (name, line, n) in function_lengths(&text) {
            seen += 1;
            if n > 150 {
                long.push(format!("{}:{line} `{name}`: {n} lines", f.strip_prefix(repo()).unwrap().display()));
            }
        }
    }
    assert!(seen > 800, "{seen} functions found");
    assert!(long.is_empty(), "functions over 150 lines:\n{}", long.join("\n"));
    // The counter itself: a function of 3 lines, and one with a brace in a string.
    let sample = "fn a() {\n    let s = \"}\";\n}\nfn b(x: u8) -> u8 { x }\n";
    assert_eq!(function_lengths(sample), vec![("a".into(), 1, 3), ("b".into(), 4, 1)]);
}
