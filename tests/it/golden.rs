//! The output bytes of the main jobs, pinned: the default run, `scenarios/lp_amended.toml`, a
//! scenario batch, and `kvota select` / `kvota contract` on the fixtures in `tests/data/people/`.
//!
//! A refactor must leave every hash unchanged. A change that is meant to change outputs shows
//! here as a snapshot diff (review it, then `cargo insta accept` or `INSTA_UPDATE=always`).
//! The commands run in the repository root with relative paths, as a user types them, so the
//! manifests do not depend on where the repository is checked out.

use std::fmt::Write as _;
use std::path::Path;

use crate::support::{kvota, stderr};

/// `relative/path  sha256` of every file under `dir`, sorted.
fn listing(dir: &Path) -> String {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut out = String::new();
    for p in files {
        let rel = p.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
        writeln!(out, "{rel}  {}", &kvota::export::sha256_file(&p).unwrap()[..16]).unwrap();
    }
    out
}

fn ok(args: &[&str]) {
    let o = kvota(args);
    assert!(o.status.success(), "kvota {}: {}", args.join(" "), stderr(&o));
}

#[test]
fn output_bytes_of_the_main_jobs_are_pinned() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = |name: &str| tmp.path().join(name).to_string_lossy().into_owned();
    let (single, batch, sel, con) = (dir("single"), dir("batch"), dir("select"), dir("contract"));
    ok(&["run", "--quiet", "--out", &single]);
    ok(&["run", "--quiet", "--scenario", "scenarios/lp_amended.toml", "--out", &single]);
    ok(&["scenario", "run", "--quiet", "scenarios/baseline.toml", "scenarios/lp_amended.toml", "--out", &batch]);
    ok(&[
        "select",
        "--quiet",
        "--rules",
        "data/rules/kz_2026_pilot.toml",
        "--applicants",
        "tests/data/people/applicants.csv",
        "--quota",
        "tests/data/people/quota.csv",
        "--out",
        &sel,
    ]);
    ok(&[
        "contract",
        "--quiet",
        "--families",
        "tests/data/people/families.csv",
        "--payments",
        "tests/data/people/payments.csv",
        "--moves",
        "tests/data/people/moves.csv",
        "--as-of",
        "2026-12-31",
        "--out",
        &con,
    ]);
    // A batch writes the same bytes as separate runs.
    let (a, b) = (listing(Path::new(&single)), listing(Path::new(&batch)));
    assert_eq!(a, b, "a batch of scenarios differs from separate runs");
    insta::assert_snapshot!("single_runs", a);
    insta::assert_snapshot!("select", listing(Path::new(&sel)));
    insta::assert_snapshot!("contract", listing(Path::new(&con)));
}
