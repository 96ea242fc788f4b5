//! Property tests over every reader of user files: the scenario TOML, the parameter files, the
//! rules file, employers' requests, applicants, families, payments, moves and vacancy postings.
//! Each reader gets arbitrary bytes and mutations of a valid file (bytes replaced, inserted and
//! deleted, lines repeated, dropped and cut, and tokens that break parsers: quotes, separators,
//! a BOM, NaN, huge and negative numbers, dates that do not exist). The property: never a panic,
//! and a refusal is an error that names the file. The seed is fixed, so a run is repeatable;
//! `KVOTA_FUZZ_SEED` and `KVOTA_FUZZ_CASES` search further (e.g. 5000 cases: about a minute).

use std::fs;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use proptest::test_runner::{Config as PtConfig, RngSeed, TestCaseError, TestRunner};

use kvota::config::{Config, RunOverrides};
use kvota::ingest::Format;
use kvota::params::Params;
use kvota::rules::Rules;

use crate::support::repo;

/// Tokens that a mutation may insert.
const TOKENS: &[&str] = &[
    "\"",
    ",",
    ";",
    "\n",
    "\r\n",
    "\u{feff}",
    "NaN",
    "-0",
    "1e309",
    "-1",
    "99999999999999999999999",
    "2026-02-30",
    "0000-00-00",
    "KZ-99",
    "=",
    "[",
    "]]",
    "[[x.values]]",
    "{",
    "}",
    "#",
    "\t",
    "\u{0}",
    "é",
    "Ә",
    "\\",
    "''",
    "extends = \"x\"",
    "value = ",
    "effective = 2026-01-01",
];

/// One mutation: (position, byte, kind).
type Mutation = (usize, u8, u8);

fn mutate(seed: &[u8], muts: &[Mutation]) -> Vec<u8> {
    let mut b = seed.to_vec();
    for &(pos, byte, kind) in muts {
        let at = if b.is_empty() { 0 } else { pos % (b.len() + 1) };
        match kind % 8 {
            0 if at < b.len() => b[at] = byte,
            1 => b.insert(at, byte),
            2 => {
                let end = (at + 1 + byte as usize % 24).min(b.len());
                b.drain(at..end);
            }
            3 => {
                let t = TOKENS[byte as usize % TOKENS.len()].as_bytes();
                b.splice(at..at, t.iter().copied());
            }
            4 | 6 => {
                // Repeat (4) or drop (6) the line at `at`.
                let start = b[..at].iter().rposition(|&c| c == b'\n').map_or(0, |i| i + 1);
                let end = b[at..].iter().position(|&c| c == b'\n').map_or(b.len(), |i| at + i + 1);
                let line: Vec<u8> = b[start..end].to_vec();
                if kind % 8 == 4 {
                    b.splice(end..end, line);
                } else {
                    b.drain(start..end);
                }
            }
            5 => b.truncate(at),
            _ => {
                // Swap the separators of the line at `at`.
                let end = b[at..].iter().position(|&c| c == b'\n').map_or(b.len(), |i| at + i);
                for c in &mut b[at..end] {
                    *c = match *c {
                        b',' => b';',
                        b';' => b',',
                        x => x,
                    };
                }
            }
        }
    }
    b
}

/// Arbitrary bytes, or the valid file mutated.
fn inputs(seed: Vec<u8>) -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        1 => proptest::collection::vec(any::<u8>(), 0..600),
        4 => proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..4)
            .prop_map(move |m| mutate(&seed, &m)),
    ]
}

/// Runs `read` on `cases` inputs written to `file` (inside a fresh folder); a panic fails the
/// test, an error must name the file.
fn fuzz(name: &str, seed: Vec<u8>, file: &str, cases: u32, read: impl Fn(&Path) -> Result<(), String>) {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join(file);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let config = PtConfig {
        cases: env("KVOTA_FUZZ_CASES").map_or(cases, |n| n as u32),
        failure_persistence: None,
        rng_seed: RngSeed::Fixed(env("KVOTA_FUZZ_SEED").unwrap_or(20261205)),
        max_shrink_iters: 200,
        ..PtConfig::default()
    };
    let mut runner = TestRunner::new(config);
    let file_name = Path::new(file).file_name().unwrap().to_string_lossy().into_owned();
    let accepted = std::cell::Cell::new(0u32);
    let result = runner.run(&inputs(seed), |bytes| {
        fs::write(&path, &bytes).unwrap();
        match read(&path) {
            Ok(()) => {
                accepted.set(accepted.get() + 1);
                Ok(())
            }
            Err(e) if e.contains(&file_name) => Ok(()),
            Err(e) => Err(TestCaseError::fail(format!("the error does not name {file_name}: {e}"))),
        }
    });
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
    // The mutations leave some files valid: the readers' whole path is exercised, not only
    // their first check.
    assert!(accepted.get() > 0, "{name}: no input of {cases} was accepted");
}

fn env(key: &str) -> Option<u64> {
    std::env::var(key).ok().and_then(|v| v.parse().ok())
}

fn seed(rel: &str, lines: usize) -> Vec<u8> {
    let text = fs::read_to_string(repo().join(rel)).unwrap();
    text.lines().take(lines).map(|l| format!("{l}\n")).collect::<String>().into_bytes()
}

fn msg<T>(r: kvota::error::Result<T>) -> Result<(), String> {
    r.map(drop).map_err(|e| e.to_string())
}

const CASES: u32 = 256;

#[test]
fn scenario_files() {
    fuzz("scenario", seed("scenarios/lp_amended.toml", 200), "s.toml", CASES, |p| {
        msg(Config::load(p, &RunOverrides::default()))
    });
}

#[test]
fn parameter_files() {
    fuzz("parameters", seed("data/params/kandas.toml", 400), "params/kandas.toml", CASES, |p| {
        msg(Params::load(p.parent().unwrap()))
    });
}

#[test]
fn rules_files() {
    fuzz("rules", seed("data/rules/kz_2026_pilot.toml", 400), "r.toml", CASES, |p| msg(Rules::load(p)));
}

#[test]
fn request_tables() {
    fuzz("requests", seed("data/panel/requests_2026.csv", 12), "requests.csv", CASES, |p| {
        msg(kvota::ingest::requests::load_requests(p))
    });
    fuzz("projects", seed("data/panel/projects.csv", 6), "projects.csv", CASES / 2, |p| {
        msg(kvota::ingest::request_lines::read_projects(p))
    });
}

#[test]
fn people_tables() {
    let rules = Rules::load(&repo().join("data/rules/kz_2026_pilot.toml")).unwrap();
    let params = Params::load(&repo().join("data/params")).unwrap();
    use kvota::ingest::people::{read_families, read_moves, read_payments};
    fuzz("applicants", seed("tests/data/people/applicants.csv", 8), "applicants.csv", CASES, |p| {
        msg(kvota::ingest::applicants::read_applicants(p, &rules))
    });
    fuzz("families", seed("tests/data/people/families.csv", 8), "families.csv", CASES, |p| msg(read_families(p)));
    fuzz("payments", seed("tests/data/people/payments.csv", 8), "payments.csv", CASES, |p| {
        msg(read_payments(p, &params))
    });
    fuzz("moves", seed("tests/data/people/moves.csv", 8), "moves.csv", CASES, |p| msg(read_moves(p)));
}

#[test]
fn postings() {
    fuzz("postings", seed("tests/data/ingest/postings.csv", 8), "postings.csv", CASES, |p| {
        msg(kvota::ingest::read(Format::Postings, p, None))
    });
}

#[test]
#[should_panic(expected = "harness")]
fn the_harness_fails_on_a_panic() {
    fuzz("harness", seed("tests/data/people/moves.csv", 8), "moves.csv", 64, |p| {
        assert!(!fs::read(p).unwrap().contains(&b';'), "a reader panicked");
        Ok(())
    });
}

#[test]
#[should_panic(expected = "does not name")]
fn the_harness_fails_on_an_error_without_the_file() {
    fuzz("harness", seed("tests/data/people/moves.csv", 8), "moves.csv", 64, |p| {
        if fs::read(p).unwrap().len() % 2 == 0 { Err("bad input".into()) } else { Ok(()) }
    });
}
