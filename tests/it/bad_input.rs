//! Bad input: exit code 1, a message naming file, row and column, and the previous outputs
//! left intact.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use crate::support::{copy_dir, hashes, kvota, repo, stderr};

/// One good run, shared by the cases: its output folder and the hashes of its files.
fn good_run() -> &'static (tempfile::TempDir, BTreeMap<String, String>) {
    static GOOD: OnceLock<(tempfile::TempDir, BTreeMap<String, String>)> = OnceLock::new();
    GOOD.get_or_init(|| {
        let out = tempfile::tempdir().unwrap();
        let ok = kvota(&["run", "-q", "--out", out.path().to_str().unwrap()]);
        assert!(ok.status.success(), "{}", stderr(&ok));
        let h = hashes(&out.path().join("baseline"));
        (out, h)
    })
}

/// Copies the good run's outputs, runs on the corrupted panel into the copy, and checks the
/// failure: exit 1, the message, and the previous outputs untouched.
fn fails_cleanly(corrupt: impl FnOnce(&Path), expect: &[&str]) {
    let (good, before) = good_run();
    let out = tempfile::tempdir().unwrap();
    let prev = out.path().join("baseline");
    fs::create_dir_all(&prev).unwrap();
    for e in fs::read_dir(good.path().join("baseline")).unwrap() {
        let p = e.unwrap().path();
        if p.is_file() {
            fs::copy(&p, prev.join(p.file_name().unwrap())).unwrap();
        }
    }
    let out_s = out.path().to_str().unwrap();
    let data = copy_dir(&repo().join("data/panel"));
    corrupt(data.path());
    let o = kvota(&["run", "-q", "--out", out_s, "--data", data.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "exit code; stderr: {}", stderr(&o));
    let msg = stderr(&o);
    for e in expect {
        assert!(msg.contains(e), "message lacks `{e}`: {msg}");
    }
    assert_eq!(&hashes(&prev), before, "previous outputs changed");
    // validate reports the same error.
    let v = kvota(&["validate", "--data", data.path().to_str().unwrap()]);
    assert_eq!(v.status.code(), Some(1));
}

fn edit(path: &Path, f: impl FnOnce(&mut Vec<String>)) {
    let mut lines: Vec<String> = fs::read_to_string(path).unwrap().lines().map(str::to_string).collect();
    f(&mut lines);
    fs::write(path, lines.join("\n") + "\n").unwrap();
}

#[test]
fn missing_column() {
    fails_cleanly(
        |d| {
            edit(&d.join("region_year.csv"), |l| {
                for line in l.iter_mut() {
                    let mut f: Vec<&str> = line.split(',').collect();
                    f.remove(4); // employed
                    *line = f.join(",");
                }
            })
        },
        &["region_year.csv", "column `employed`", "required column is missing"],
    );
}

#[test]
fn negative_count() {
    fails_cleanly(
        |d| {
            edit(&d.join("region_section_year.csv"), |l| {
                let mut f: Vec<String> = l[41].split(',').map(str::to_string).collect();
                f[4] = "-5".into(); // vacancies
                l[41] = f.join(",");
            })
        },
        &["region_section_year.csv", "row 42", "column `vacancies`", "negative count -5"],
    );
}

#[test]
fn unknown_region() {
    fails_cleanly(
        |d| {
            edit(&d.join("region_year.csv"), |l| {
                let mut f: Vec<String> = l[7].split(',').map(str::to_string).collect();
                f[0] = "Pavlodarr".into();
                l[7] = f.join(",");
            })
        },
        &["region_year.csv", "row 8", "column `region_code`", "unknown region name", "closest known names"],
    );
}

#[test]
fn duplicate_key() {
    fails_cleanly(
        |d| {
            edit(&d.join("region_section_year.csv"), |l| {
                let dup = l[10].clone();
                l.insert(11, dup);
            })
        },
        &["region_section_year.csv", "row 12", "duplicate key", "also on row 11"],
    );
}

#[test]
fn empty_file() {
    fails_cleanly(|d| fs::write(d.join("national_year.csv"), "").unwrap(), &["national_year.csv", "the file is empty"]);
}

#[test]
fn binary_garbage() {
    fails_cleanly(
        |d| fs::write(d.join("region_age.csv"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap(),
        &["region_age.csv", "binary"],
    );
}

/// Runs the baseline scenario with `section` inserted before its `[reality]` table; the run must
/// fail with exit 1, and its message is returned.
fn baseline_with(section: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(repo().join("scenarios/baseline.toml"))
        .unwrap()
        .replace("[reality]", &format!("{section}\n\n[reality]"));
    let p = dir.path().join("s.toml");
    fs::write(&p, text).unwrap();
    let o = kvota(&["run", "-q", "--scenario", p.to_str().unwrap(), "--out", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    stderr(&o)
}

#[test]
fn unknown_scenario_key_is_an_error_with_line() {
    let msg = baseline_with("[foreign]\nreserve_shar = 0.1");
    assert!(msg.contains("s.toml, row") && msg.contains("reserve_shar"), "{msg}");
}

#[test]
fn out_of_range_backtest_origins_names_the_key() {
    let msg = baseline_with("[forecast]\nbacktest_origins = 50");
    assert!(msg.contains("s.toml, row") && msg.contains("backtest_origins") && msg.contains("at most 20"), "{msg}");
}

#[test]
fn usage_error_exits_two() {
    let o = kvota(&["run", "--no-such-flag"]);
    assert_eq!(o.status.code(), Some(2));
}
