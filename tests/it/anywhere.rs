//! `kvota` run from anywhere: the binary copied out of the build tree (as `cargo install` puts
//! it) and run in an empty temporary directory finds its defaults (the dated parameters, the
//! rules, the scenarios and the default panel are compiled in) and writes the same bytes as the
//! same commands in the repository.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::support::repo;

/// Runs the default job, `kvota select` and `kvota contract` with the installed binary in an
/// empty directory (the fixtures copied to the same relative paths, the rules file and the
/// parameters taken from the binary) and compares every output file with the runs made in the
/// repository by the golden test (`single`, `sel`, `con`).
pub fn same_outputs_from_an_empty_directory(single: &Path, sel: &Path, con: &Path, listing: fn(&Path) -> String) {
    let bin_dir = tempfile::tempdir().unwrap();
    let bin = bin_dir.path().join("kvota");
    fs::copy(env!("CARGO_BIN_EXE_kvota"), &bin).unwrap();
    let home = tempfile::tempdir().unwrap();
    let people = home.path().join("tests/data/people");
    fs::create_dir_all(&people).unwrap();
    for f in ["applicants.csv", "quota.csv", "families.csv", "payments.csv", "moves.csv"] {
        fs::copy(repo().join("tests/data/people").join(f), people.join(f)).unwrap();
    }
    let run = |args: &[&str]| {
        let o = Command::new(&bin).args(args).current_dir(home.path()).env_remove("KVOTA_LANG").output().unwrap();
        assert!(
            o.status.success(),
            "kvota {} in an empty directory: {}",
            args.join(" "),
            String::from_utf8_lossy(&o.stderr)
        );
    };
    run(&["run", "-q"]);
    // A scenario of the user's, elsewhere, starting from the built-in baseline.
    let mine = home.path().join("mine");
    fs::create_dir_all(&mine).unwrap();
    fs::write(
        mine.join("s.toml"),
        "extends = \"scenarios/baseline.toml\"\nid = \"mine\"\n[kandas]\nbudget_kzt = 4.0e9\n",
    )
    .unwrap();
    run(&["run", "-q", "--scenario", mine.join("s.toml").to_str().unwrap(), "--out", "mine-out"]);
    assert!(
        home.path().join("mine-out/mine/quota_kandas.parquet").is_file(),
        "a scenario extending the built-in baseline"
    );
    assert!(!home.path().join("data").exists() && !home.path().join("scenarios").exists(), "nothing unpacked");
    assert_eq!(listing(&home.path().join("reports/baseline")), listing(&single.join("baseline")), "kvota run");
    let p = |f: &str| format!("tests/data/people/{f}");
    run(&[
        "select",
        "-q",
        "--rules",
        "data/rules/kz_2026_pilot.toml",
        "--applicants",
        &p("applicants.csv"),
        "--quota",
        &p("quota.csv"),
        "--out",
        "sel",
    ]);
    assert_eq!(listing(&home.path().join("sel")), listing(sel), "kvota select");
    run(&[
        "contract",
        "-q",
        "--families",
        &p("families.csv"),
        "--payments",
        &p("payments.csv"),
        "--moves",
        &p("moves.csv"),
        "--as-of",
        "2026-12-31",
        "--out",
        "con",
    ]);
    assert_eq!(listing(&home.path().join("con")), listing(con), "kvota contract");
    // `kvota dataset build` there writes `data/panel` from the built-in raw series; the run then
    // reads that panel from disk and the other inputs (parameters, reference tables) still from
    // the binary, and gives the same bytes.
    run(&["dataset", "build", "-q"]);
    assert!(home.path().join("data/panel/region_year.csv").is_file() && !home.path().join("data/params").exists());
    run(&["run", "-q", "--out", "again"]);
    assert_eq!(
        listing(&home.path().join("again/baseline")),
        listing(&single.join("baseline")),
        "run after dataset build"
    );
}
