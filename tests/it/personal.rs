//! Personal data is refused by every reader of data about people: each column of the one shared
//! list (`ingest::people::PERSONAL_COLUMNS`), written as a planner's export might write it, in
//! each reader's table; the error names the file and the column and never the value. Ids shaped
//! like an IIN or a BIN are refused as well.

use std::fs;
use std::path::Path;

use kvota::ingest::people::{PERSONAL_COLUMNS, read_families, read_moves, read_payments};
use kvota::ingest::request_lines::{RequestLines, read_projects};
use kvota::ingest::requests::load_requests;
use kvota::params::Params;
use kvota::rules::Rules;

use crate::support::repo;

/// A distinctive value that must never appear in a message.
const SECRET: &str = "Zhaksylykova-900101300123";

/// The first `n` lines of a file of the repository.
fn head(rel: &str, n: usize) -> String {
    fs::read_to_string(repo().join(rel)).unwrap().lines().take(n).map(|l| format!("{l}\n")).collect()
}

/// `csv` with a column `name` inserted second, holding [`SECRET`] on every row.
fn with_column(csv: &str, name: &str) -> String {
    csv.lines()
        .enumerate()
        .map(|(i, l)| {
            let (first, rest) = l.split_once(',').unwrap();
            let v = if i == 0 { name } else { SECRET };
            format!("{first},{v},{rest}\n")
        })
        .collect()
}

type Reader = Box<dyn Fn(&Path) -> kvota::error::Result<()>>;

/// Every reader of data about people, with a valid table for it.
fn readers() -> Vec<(&'static str, String, Reader)> {
    let params = Params::load(&repo().join("data/params")).unwrap();
    let rules = Rules::load(&repo().join("data/rules/kz_2026_pilot.toml")).unwrap();
    vec![
        (
            "applicants",
            head("tests/data/people/applicants.csv", 4),
            Box::new(move |p| kvota::ingest::applicants::read_applicants(p, &rules).map(drop)),
        ),
        ("families", head("tests/data/people/families.csv", 4), Box::new(|p| read_families(p).map(drop))),
        ("payments", head("tests/data/people/payments.csv", 4), Box::new(move |p| read_payments(p, &params).map(drop))),
        ("moves", head("tests/data/people/moves.csv", 3), Box::new(|p| read_moves(p).map(drop))),
        ("request lines", head("data/panel/requests_2026.csv", 4), Box::new(|p| RequestLines::load(p).map(drop))),
        (
            "requests by cell",
            "region,section,category,requested\nKZ-10,A,seasonal,5\nKZ-71,F,2,3\n".into(),
            Box::new(|p| load_requests(p).map(drop)),
        ),
        ("projects", head("data/panel/projects.csv", 3), Box::new(|p| read_projects(p).map(drop))),
    ]
}

#[test]
fn every_personal_column_is_refused_by_every_people_reader() {
    let dir = tempfile::tempdir().unwrap();
    let mut checked = 0;
    for (reader, valid, read) in readers() {
        let path = dir.path().join("t.csv");
        fs::write(&path, &valid).unwrap();
        read(&path).unwrap_or_else(|e| panic!("{reader}: the valid table is refused: {e}"));
        for column in PERSONAL_COLUMNS {
            // As listed, and as an export writes it: capitals and spaces.
            let shouted = column.replace('_', " ").to_uppercase();
            for header in [column.to_string(), shouted] {
                fs::write(&path, with_column(&valid, &header)).unwrap();
                let e = read(&path).err().unwrap_or_else(|| panic!("{reader}: column `{header}` accepted")).to_string();
                assert!(e.contains(&format!("column `{header}`")) && e.contains("personal data"), "{reader}: {e}");
                assert!(!e.contains("900101300123") && !e.contains("Zhaksylykova"), "{reader}: the value in `{e}`");
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 7 * PERSONAL_COLUMNS.len() * 2);
}

#[test]
fn ids_shaped_like_an_iin_or_bin_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.csv");
    for (reader, valid, read) in readers() {
        let mut lines: Vec<String> = valid.lines().map(str::to_string).collect();
        if reader == "requests by cell" || reader == "projects" {
            continue; // no ids of people or employers
        }
        // The id column: the first, or employer_id in request lines.
        let col = if reader == "request lines" { 1 } else { 0 };
        let mut cells: Vec<String> = lines[1].split(',').map(str::to_string).collect();
        cells[col] = "900101 300123".into();
        lines[1] = cells.join(",");
        fs::write(&path, lines.join("\n") + "\n").unwrap();
        let e = read(&path).err().unwrap_or_else(|| panic!("{reader}: an IIN-shaped id accepted")).to_string();
        assert!(e.contains("IIN or BIN") && e.contains("row 2"), "{reader}: {e}");
        assert!(!e.contains("300123"), "{reader}: the value in `{e}`");
    }
}
