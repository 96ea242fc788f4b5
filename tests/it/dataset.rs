//! The committed default panel is exactly what `kvota dataset build` produces from
//! `data/raw` and `data/build/assumptions.toml`.

use crate::support::{hashes, repo};

#[test]
fn committed_panel_is_reproducible() {
    let out = tempfile::tempdir().unwrap();
    let root = repo();
    let report = kvota::dataset::build(
        &root.join("data/raw"),
        &root.join("data/build/assumptions.toml"),
        &root.join("data/build/sources.toml"),
        out.path(),
    )
    .unwrap();
    assert_eq!(report.files.len(), 12, "8 panel files, projects and three years of demonstration requests");
    assert_eq!(
        hashes(out.path()),
        hashes(&root.join("data/panel")),
        "data/panel differs from a fresh build: run `kvota dataset build`"
    );
}

#[test]
fn panel_identities_hold() {
    let (panel, report) = kvota::panel::Panel::load(&repo().join("data/panel")).unwrap();
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    assert_eq!(panel.years.first(), Some(&2010));
    assert_eq!(panel.years.last(), Some(&2025));
    assert_eq!(panel.sections.len(), 19);
    for &y in &panel.years {
        let national = panel.national[&y];
        let lf: i64 = kvota::codes::Region::all().map(|r| panel.regions[&(r, y)].labour_force).sum();
        let e: i64 = kvota::codes::Region::all().map(|r| panel.regions[&(r, y)].employed).sum();
        assert_eq!(lf, national.labour_force, "{y}");
        assert_eq!(e, national.employed, "{y}");
        for r in kvota::codes::Region::all() {
            let cells: i64 = panel.sections.iter().map(|s| panel.cells[&(r, *s, y)].employed).sum();
            assert_eq!(cells, panel.regions[&(r, y)].employed, "{r} {y}");
        }
    }
    // Official BNS figures survive the build (thousand persons x 1000): employed 2025, LF 2021.
    assert_eq!(panel.national[&2025].employed, 9_320_639);
    assert_eq!(panel.national[&2021].labour_force, 9_256_757);
    // 2015, missing from the regional LFS tables, keeps the published national unemployment
    // rate (5.1 %, SDG 8.5.2's national row, which the build does not read) and stays between
    // its neighbours instead of jumping above both.
    let unemployed = |y: i32| panel.national[&y].labour_force - panel.national[&y].employed;
    let rate_2015 = 100.0 * unemployed(2015) as f64 / panel.national[&2015].labour_force as f64;
    assert!((rate_2015 - 5.1).abs() < 0.06, "{rate_2015}");
    assert!(unemployed(2015) < unemployed(2014).max(unemployed(2016)) * 102 / 100, "{}", unemployed(2015));
    // Enbek calibration: 1,328k postings in 2025 open one month on average.
    let v2025: i64 = panel.cells.iter().filter(|(k, _)| k.2 == 2025).map(|(_, c)| c.vacancies).sum();
    assert_eq!(v2025, 110_667);
}

/// The default source map with `table = ...` lines added under the named columns.
fn source_map_with(dir: &std::path::Path, tables: &[(&str, &str)]) -> std::path::PathBuf {
    let mut text = std::fs::read_to_string(repo().join("data/build/sources.toml")).unwrap();
    for (header, lines) in tables {
        let h = format!("[{header}]\n");
        assert!(text.contains(&h), "{header}");
        text = text.replace(&h, &format!("{h}{lines}\n"));
    }
    let p = dir.join("sources.toml");
    std::fs::write(&p, text).unwrap();
    p
}

fn build_with(map: &std::path::Path, out: &std::path::Path) -> kvota::dataset::BuildReport {
    let root = repo();
    kvota::dataset::build(&root.join("data/raw"), &root.join("data/build/assumptions.toml"), map, out).unwrap()
}

/// `(value, source)` of a column of `region_section_year.csv` for one cell and year.
fn cell_value(panel: &std::path::Path, region: &str, section: &str, year: i32, col: &str) -> (i64, String) {
    let t = kvota::ingest::table::TextTable::read(&panel.join("region_section_year.csv")).unwrap();
    let (r, s, y) = (t.text("region_code").unwrap(), t.text("oked_section").unwrap(), t.counts("year").unwrap());
    let (v, src) = (t.counts(col).unwrap(), t.text(&format!("{col}_source")).unwrap());
    let i = (0..t.height())
        .find(|&i| r[i] == Some(region) && s[i] == Some(section) && y[i] == year as i64)
        .expect("cell in the panel");
    (v[i], src[i].unwrap().to_string())
}

#[test]
fn a_source_map_table_replaces_its_column_and_every_output_says_so() {
    let dir = tempfile::tempdir().unwrap();
    // Postings aggregated by `kvota ingest` at two levels (one per year): cells in 2025, a
    // region total in 2024.
    std::fs::write(
        dir.path().join("postings.csv"),
        "indicator,region_code,oked_section,period,value,flag\n\
         vacancy postings,KZ-55,C,2025-01,300,\n\
         vacancy postings,KZ-55,C,2025-02,500,\n\
         vacancy postings,KZ-55,F,2025-01,40,\n\
         median offered salary,KZ-55,C,2025-01,400000,\n\
         vacancy postings,KZ-71,,2024-01,900,\n",
    )
    .unwrap();
    let map = source_map_with(
        dir.path(),
        &[(
            "region_section_year.vacancies",
            "table = \"postings.csv\"\nindicator = \"vacancy postings\"\naggregate = \"mean\"",
        )],
    );
    let panel = dir.path().join("panel");
    let report = build_with(&map, &panel);
    // The build's notes say the table replaced the column, in each language.
    let ru = kvota::i18n::Lang::Ru.texts();
    let notes: Vec<String> = report.notes.iter().map(|n| n.say(ru)).collect();
    assert!(
        notes.iter().any(|n| n.contains("region_section_year.vacancies") && n.contains("postings.csv")),
        "{notes:?}"
    );
    for n in &notes {
        let words = crate::text::english_words(n);
        assert!(words.is_empty(), "English words {words:?} in the note `{n}`");
    }
    // Cells the table gives: their monthly mean, ingested.
    assert_eq!(cell_value(&panel, "KZ-55", "C", 2025, "vacancies"), (400, "ingested".into()));
    assert_eq!(cell_value(&panel, "KZ-55", "F", 2025, "vacancies"), (40, "ingested".into()));
    // A region total split over its sections: estimated, adding up to the total.
    let t = kvota::ingest::table::TextTable::read(&panel.join("region_section_year.csv")).unwrap();
    let (r, y, v, src) = (
        t.text("region_code").unwrap(),
        t.counts("year").unwrap(),
        t.counts("vacancies").unwrap(),
        t.text("vacancies_source").unwrap(),
    );
    let astana: Vec<usize> = (0..t.height()).filter(|&i| r[i] == Some("KZ-71") && y[i] == 2024).collect();
    assert_eq!(astana.iter().map(|&i| v[i]).sum::<i64>(), 900);
    assert!(astana.iter().all(|&i| src[i] == Some("estimated")));
    // Elsewhere and in other years the model's values stay, marked synthetic.
    assert_eq!(cell_value(&panel, "KZ-55", "C", 2023, "vacancies").1, "synthetic");
    assert_eq!(cell_value(&panel, "KZ-35", "C", 2025, "vacancies").1, "synthetic");
    let sources = std::fs::read_to_string(panel.join("sources.csv")).unwrap();
    assert!(sources.contains("replaced where given by") && sources.contains("postings.csv"), "{sources}");

    // A run on it: real vacancies count as openings, synthetic ones do not (default), and the
    // rows carry what they rest on.
    let out = tempfile::tempdir().unwrap();
    let mut cfg = kvota::config::Config::load(&repo().join("scenarios/baseline.toml"), &Default::default()).unwrap();
    cfg.data.panel = panel.clone();
    cfg.data.params = repo().join("data/params");
    cfg.data.reference = repo().join("data/reference");
    cfg.uncertainty.draws = 0;
    kvota::pipeline::run(&cfg, out.path(), &kvota::pipeline::Quiet).unwrap();
    let b = crate::support::parquet_batches(&out.path().join("baseline/shortage.parquet"));
    let col = |name: &str| -> Vec<String> {
        b.iter()
            .flat_map(|x| {
                let c = x.column_by_name(name).unwrap();
                let c = arrow::compute::cast(c, &arrow::datatypes::DataType::Utf8).unwrap();
                let s = c.as_any().downcast_ref::<arrow::array::StringArray>().unwrap().clone();
                (0..arrow::array::Array::len(&s)).map(move |i| s.value(i).to_string()).collect::<Vec<_>>()
            })
            .collect()
    };
    let (reg, sec, vac, grade) = (col("region_code"), col("oked_section"), col("vacancies"), col("evidence_grade"));
    let f = |s: &str| s.parse::<f64>().unwrap();
    let at = |r: &str, s: &str| (0..reg.len()).find(|&i| reg[i] == r && sec[i] == s).unwrap();
    assert!(f(&vac[at("KZ-55", "C")]) > 0.0, "ingested vacancies count as openings");
    assert_eq!(f(&vac[at("KZ-71", "J")]), 0.0, "2024's estimated vacancies are not the last year's");
    assert_eq!(f(&vac[at("KZ-35", "C")]), 0.0, "synthetic vacancies do not count by default");
    assert!(grade.iter().all(|g| ["official", "ingested", "estimated", "synthetic"].contains(&g.as_str())));
}

#[test]
fn a_map_that_misses_a_column_or_mixes_levels_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(repo().join("data/build/sources.toml")).unwrap();
    let cut = text.replace("[region_section_year.retirements]", "[region_section_year.retirement]");
    std::fs::write(dir.path().join("bad.toml"), cut).unwrap();
    let root = repo();
    let e = kvota::dataset::build(
        &root.join("data/raw"),
        &root.join("data/build/assumptions.toml"),
        &dir.path().join("bad.toml"),
        &dir.path().join("panel"),
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("bad.toml") && e.contains("retirement"), "{e}");
    std::fs::write(
        dir.path().join("mixed.csv"),
        "indicator,region_code,oked_section,period,value\nv,KZ-55,C,2025,1\nv,KZ-71,,2025,2\n",
    )
    .unwrap();
    let map = source_map_with(dir.path(), &[("region_section_year.vacancies", "table = \"mixed.csv\"")]);
    let e = kvota::dataset::build(
        &root.join("data/raw"),
        &root.join("data/build/assumptions.toml"),
        &map,
        &dir.path().join("panel"),
    )
    .unwrap_err();
    let ru = e.say(kvota::i18n::Lang::Ru.texts());
    let e = e.to_string();
    assert!(e.contains("mixed.csv") && e.contains("mixes levels"), "{e}");
    assert!(ru.contains("mixed.csv") && crate::text::english_words(&ru).is_empty(), "{ru}");
}

/// `../shared/data-raw`, or `None` with a message when it is not beside the repository.
fn shared() -> Option<std::path::PathBuf> {
    let p = repo().join("../shared/data-raw");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipped: {} not found (the real hh.kz sample and BNS workbook live there)", p.display());
        None
    }
}

#[test]
fn the_worked_example_of_docs_inputs_runs_on_the_real_files() {
    let Some(raw) = shared() else { return };
    let dir = tempfile::tempdir().unwrap();
    let d = |n: &str| dir.path().join(n).to_str().unwrap().to_string();
    // hh.kz sample: 1,128 postings on the Almaty job board, snapshot of November 2024.
    let hh = raw.join("kz-hh-vacancies-sample/job_listings_all_pages.csv");
    let o = crate::support::kvota(&[
        "ingest",
        "postings",
        hh.to_str().unwrap(),
        "--month",
        "2024-11",
        "--out",
        &d("hh.csv"),
    ]);
    assert!(o.status.success(), "{}", crate::support::stderr(&o));
    // BNS workbook: unemployment rate by region, quarterly and annual.
    let xl = raw.join("kz-open-data-kazakhstan/city-unemployment-rate/archive_unemploymentRate.xlsx");
    let o = crate::support::kvota(&["ingest", "bns-xlsx", xl.to_str().unwrap(), "--out", &d("unemployment.csv")]);
    assert!(o.status.success(), "{}", crate::support::stderr(&o));
    let map = source_map_with(
        dir.path(),
        &[
            (
                "region_section_year.vacancies",
                "table = \"hh.csv\"\nindicator = \"vacancy postings\"\naggregate = \"mean\"",
            ),
            (
                "region_year.unemployed",
                "table = \"unemployment.csv\"\nindicator = \"Unemployment rate\"\npercent_of_labour_force = true",
            ),
        ],
    );
    let panel = dir.path().join("panel");
    build_with(&map, &panel);
    // Almaty city's 2024 vacancies are the 1,128 postings, split over its sections.
    let t = kvota::ingest::table::TextTable::read(&panel.join("region_section_year.csv")).unwrap();
    let (r, y, v, src) = (
        t.text("region_code").unwrap(),
        t.counts("year").unwrap(),
        t.counts("vacancies").unwrap(),
        t.text("vacancies_source").unwrap(),
    );
    let almaty: Vec<usize> = (0..t.height()).filter(|&i| r[i] == Some("KZ-75") && y[i] == 2024).collect();
    assert_eq!(almaty.iter().map(|&i| v[i]).sum::<i64>(), 1128);
    assert!(almaty.iter().all(|&i| src[i] == Some("estimated")));
    // Pavlodar's 2022 unemployment is the workbook's 4.8 % of its labour force, ingested.
    let t = kvota::ingest::table::TextTable::read(&panel.join("region_year.csv")).unwrap();
    let (r, y) = (t.text("region_code").unwrap(), t.counts("year").unwrap());
    let (lf, u, us) =
        (t.counts("labour_force").unwrap(), t.counts("unemployed").unwrap(), t.text("unemployed_source").unwrap());
    let i = (0..t.height()).find(|&i| r[i] == Some("KZ-55") && y[i] == 2022).unwrap();
    assert!((u[i] as f64 / lf[i] as f64 - 0.048).abs() < 0.00005, "{} / {}", u[i], lf[i]);
    assert_eq!(us[i], Some("ingested"));
    // The panel loads and says what it rests on.
    let (p, _) = kvota::panel::Panel::load(&panel).unwrap();
    assert!(p.column_sources.iter().any(|c| c.column == "vacancies" && c.method.contains("hh.csv")));
}
