//! Lists the default inputs (every file under `data/` and `scenarios/` but the READMEs) for
//! `src/builtin.rs`, which compiles them into the binary with `include_bytes!` so that `kvota`
//! runs its default job from any directory. `include_bytes!` makes a changed file rebuild the
//! crate; the `rerun-if-changed` on the folders makes an added or removed file do so.

use std::path::{Path, PathBuf};

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            println!("cargo:rerun-if-changed={}", p.display());
            walk(&p, out);
        } else if p.extension().is_none_or(|x| x != "md") {
            out.push(p);
        }
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for top in ["data", "scenarios"] {
        println!("cargo:rerun-if-changed={top}");
        walk(&root.join(top), &mut files);
    }
    let mut code = String::from("/// The default inputs: (path relative to the repository, bytes), sorted by path.\n");
    code.push_str("pub static FILES: &[(&str, &[u8])] = &[\n");
    for f in &files {
        let rel = f.strip_prefix(&root).expect("under the manifest dir");
        let key = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
        code.push_str(&format!("    ({key:?}, include_bytes!({:?})),\n", f.display().to_string()));
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("builtin_files.rs");
    std::fs::write(out, code).expect("write builtin_files.rs");
    println!("cargo:rerun-if-changed=build.rs");
}
