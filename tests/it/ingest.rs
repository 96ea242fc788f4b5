//! Ingest of published statistics: BNS spreadsheets and stat.gov.kz open-data exports, on the
//! fixtures in tests/data/ingest (written by make_fixtures.py there) and on the real files in
//! ../shared/data-raw (skipped with a message when that folder is absent).

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use kvota::ingest::text::{Cell, Period, parse_cell, parse_number_text};
use kvota::ingest::{self, Format, Ingested, LongRow};
use proptest::prelude::*;

use crate::support::{kvota, repo, stderr};

fn fixture(name: &str) -> PathBuf {
    repo().join("tests/data/ingest").join(name)
}

fn raw(rel: &str) -> Option<PathBuf> {
    let p = repo().join("../shared/data-raw").join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("SKIPPED: {} is absent (the shared data-raw folder is not beside the repo)", p.display());
        None
    }
}

fn strict(format: Format, path: &Path) -> Ingested {
    ingest::read(format, path, None).unwrap().into_strict().unwrap_or_else(|e| panic!("{e}"))
}

fn find<'a>(rows: &'a [LongRow], code: &str, period: Period) -> Vec<&'a LongRow> {
    rows.iter().filter(|r| r.region_code == code && r.period == period).collect()
}

fn one<'a>(rows: &'a [LongRow], code: &str, period: Period) -> &'a LongRow {
    let hits = find(rows, code, period);
    assert_eq!(hits.len(), 1, "{code} {period}: {hits:?}");
    hits[0]
}

#[test]
fn quarterly_spreadsheet_with_merged_years_flags_and_the_2018_split() {
    let got = strict(Format::BnsXlsx, &fixture("bns_quarterly.xlsx"));
    let rows = &got.rows;
    // 9 region rows x (2 years x 5 columns).
    assert_eq!(got.report.rows_read, 9);
    assert_eq!(rows.len(), 90);
    assert!(rows.iter().all(|r| r.indicator == "Уровень безработицы"), "{:?}", rows[0].indicator);
    assert_eq!(one(rows, "KZ", Period::Quarter(2017, 1)).value, Some(4.9));
    // Turkistan's 2017 values stand for South Kazakhstan (no Shymkent beside them); 2018 is Turkistan.
    assert_eq!(one(rows, "KZ-YUZ", Period::Quarter(2017, 2)).value, Some(5.1));
    assert_eq!(one(rows, "KZ-YUZ", Period::Year(2017)).value, Some(5.1));
    assert!(find(rows, "KZ-61", Period::Quarter(2017, 2)).is_empty());
    assert_eq!(one(rows, "KZ-61", Period::Quarter(2018, 1)).value, Some(5.2));
    assert_eq!(one(rows, "KZ-79", Period::Quarter(2018, 1)).value, Some(5.2));
    let shym = one(rows, "KZ-79", Period::Quarter(2017, 1));
    assert_eq!((shym.value, shym.flag.as_deref()), (None, Some("-")));
    // Almaty city and Almaty Region are different rows.
    assert_eq!(one(rows, "KZ-75", Period::Year(2018)).value, Some(5.2));
    assert_eq!(one(rows, "KZ-19", Period::Year(2018)).value, Some(4.7));
    // Footnote glued to a number, and the symbols.
    let akm = one(rows, "KZ-11", Period::Quarter(2017, 3));
    assert_eq!((akm.value, akm.flag.as_deref()), (Some(4.9), Some("footnote *")));
    let kos: Vec<Option<&str>> =
        (1..=4).map(|q| one(rows, "KZ-39", Period::Quarter(2017, q)).flag.as_deref()).collect();
    assert_eq!(kos, [Some("x"), Some("x"), Some("..."), None]);
    assert_eq!(one(rows, "KZ-39", Period::Year(2017)).flag.as_deref(), Some("empty"));
    // The report: splits, footnotes, flag counts.
    let r = &got.report;
    assert!(
        r.splits
            .iter()
            .map(ToString::to_string)
            .any(|s| s.contains("KZ-61 values for 2017Q1..2017 (5 periods) recoded KZ-YUZ")),
        "{:?}",
        r.splits
    );
    assert!(
        r.splits
            .iter()
            .map(ToString::to_string)
            .any(|s| s.contains("KZ-63") && s.contains("borders before 8 June 2022")),
        "{:?}",
        r.splits
    );
    assert_eq!(r.footnotes.len(), 3, "{:?}", r.footnotes);
    assert_eq!(r.flags.get("-"), Some(&15));
    assert_eq!(r.flags.get("x"), Some(&2));
    assert_eq!(r.flags.get("..."), Some(&1));
    assert_eq!(r.flags.get("footnote"), Some(&1));
    assert!(r.problems.is_empty());
}

#[test]
fn blocks_text_numbers_and_the_2022_split() {
    let got = strict(Format::BnsXlsx, &fixture("bns_blocks.xlsx"));
    let rows = &got.rows;
    let all = "Численность населения, человек | Все население";
    let urban = "Численность населения, человек | Городское население";
    let val = |ind: &str, code: &str, y: i32| {
        rows.iter().find(|r| r.indicator == ind && r.region_code == code && r.period == Period::Year(y)).unwrap().value
    };
    assert_eq!(val(all, "KZ", 2023), Some(19_766_807.0));
    assert_eq!(val(urban, "KZ", 2020), Some(11_185_001.0));
    assert_eq!(val(all, "KZ-63", 2021), Some(1_363_797.0));
    assert_eq!(val(all, "KZ-10", 2022), Some(611_888.0));
    assert_eq!(val(all, "KZ-33", 2023), Some(689_040.0));
    assert_eq!(rows.len(), 8 * 4);
    let splits: Vec<String> = got.report.splits.iter().map(ToString::to_string).collect();
    assert!(splits.iter().any(|s| s.starts_with(all) && s.contains("KZ-63 values for 2020..2021")), "{splits:?}");
    assert!(splits.iter().any(|s| s.starts_with(all) && s.contains("KZ-19 values for 2020..2021")), "{splits:?}");
    assert!(splits.iter().any(|s| s.starts_with(urban) && s.contains("KZ-63")), "{splits:?}");
    // Abai's `-` before 2022 is a flag, not a gap.
    assert!(got.report.gaps.is_empty(), "{:?}", got.report.gaps);
}

#[test]
fn bad_spreadsheets_name_the_cell_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.parquet");
    fs::write(&out, b"previous").unwrap();
    let cases = [
        ("bad_region.xlsx", "row 5, column `Лист1!A`", "unknown region name `Семипалатинская`"),
        ("bad_number.xlsx", "row 5, column `Лист1!C`", "`13,4 тыс` is not a number"),
        ("ambiguous_almaty.xlsx", "row 5, column `Лист1!A`", "ambiguous region name `Алматы`"),
    ];
    for (file, at, what) in cases {
        let p = fixture(file);
        let o = kvota(&["ingest", "bns-xlsx", p.to_str().unwrap(), "--out", out.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{file}");
        let e = stderr(&o);
        assert!(e.contains(&format!("{file}, {at}")) && e.contains(what), "{file}: {e}");
        assert_eq!(fs::read(&out).unwrap(), b"previous", "{file}: the previous output was touched");
    }
    // Unknown names come with suggestions.
    let got = ingest::read(Format::BnsXlsx, &fixture("bad_region.xlsx"), None).unwrap();
    assert!(got.report.problems[0].message.to_string().contains("closest known names"), "{}", got.report.problems[0]);
    // Empty, garbage and truncated files.
    let empty = dir.path().join("empty.xlsx");
    fs::write(&empty, b"").unwrap();
    let garbage = dir.path().join("garbage.xlsx");
    fs::write(&garbage, (0..4096u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect::<Vec<u8>>()).unwrap();
    let truncated = dir.path().join("truncated.xlsx");
    let bytes = fs::read(fixture("bns_quarterly.xlsx")).unwrap();
    fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    for (p, what) in [
        (&empty, "the file is empty"),
        (&garbage, "not a readable spreadsheet"),
        (&truncated, "not a readable spreadsheet"),
    ] {
        let o = kvota(&["ingest", "bns-xlsx", p.to_str().unwrap(), "--out", out.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1));
        assert!(stderr(&o).contains(what), "{}: {}", p.display(), stderr(&o));
    }
    assert_eq!(fs::read(&out).unwrap(), b"previous");
}

#[test]
fn open_data_exports_in_both_encodings_give_the_same_table() {
    let a = strict(Format::BnsOpenData, &fixture("open_data_bom.csv"));
    let b = strict(Format::BnsOpenData, &fixture("open_data_cp1251.csv"));
    let key = |g: &Ingested| -> Vec<(String, String, Option<f64>, Option<String>)> {
        g.rows.iter().map(|r| (r.region_code.clone(), r.period.to_string(), r.value, r.flag.clone())).collect()
    };
    assert_eq!(key(&a), key(&b));
    let rows = &a.rows;
    assert_eq!(rows.len(), 7);
    assert_eq!(one(rows, "KZ-63", Period::Year(2006)).value, Some(45_102.0));
    assert_eq!(one(rows, "KZ", Period::Year(2006)).value, Some(640_700.0));
    assert_eq!(one(rows, "KZ-75", Period::Year(2006)).value, Some(58_021.0));
    assert_eq!(one(rows, "KZ-19", Period::Year(2006)).value, Some(61_300.0));
    assert_eq!(one(rows, "KZ-YUZ", Period::Quarter(2015, 3)).value, Some(46_650.0));
    assert_eq!(one(rows, "KZ-YUZ", Period::Quarter(2015, 2)).flag.as_deref(), Some("x"));
    // Unsorted in, sorted out (indicator, region, period).
    let order: Vec<(String, Period)> = rows.iter().map(|r| (r.region_code.clone(), r.period)).collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
    assert_eq!(a.report.flags.get("x"), Some(&1));
    // KATO ids in the catalogue column, Russian header.
    let k = strict(Format::BnsOpenData, &fixture("open_data_kato.csv"));
    let codes: Vec<(&str, String, Option<f64>)> =
        k.rows.iter().map(|r| (r.region_code.as_str(), r.period.to_string(), r.value)).collect();
    assert_eq!(
        codes,
        [
            ("KZ-10", "2023".into(), Some(9870.0)),
            ("KZ-55", "2023".into(), Some(12300.0)),
            ("KZ-YUZ", "2017".into(), Some(41000.0))
        ]
    );
}

#[test]
fn open_data_period_mismatch_and_wrong_layout_are_errors() {
    let e = ingest::read(Format::BnsOpenData, &fixture("open_data_bad_period.csv"), None)
        .unwrap()
        .into_strict()
        .unwrap_err()
        .to_string();
    assert!(e.contains("open_data_bad_period.csv, row 2, column `PERIOD`") && e.contains("201509"), "{e}");
    // A spreadsheet fixture is not an open-data export; a panel CSV lacks the columns.
    let wrong = repo().join("data/panel/regional_labour.csv");
    if wrong.exists() {
        let e = ingest::read(Format::BnsOpenData, &wrong, None).unwrap_err().to_string();
        assert!(e.contains("NAM"), "{e}");
    }
    let o =
        kvota(&["ingest", "bns-open-data", fixture("bns_quarterly.xlsx").to_str().unwrap(), "--out", "/tmp/never.csv"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!Path::new("/tmp/never.csv").exists());
}

#[test]
fn ingest_writes_the_documented_long_table_byte_identically() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.parquet");
    let b = dir.path().join("b.parquet");
    for out in [&a, &b] {
        let o = kvota(&[
            "ingest",
            "bns-xlsx",
            fixture("bns_quarterly.xlsx").to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "-q",
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    assert_eq!(fs::read(&a).unwrap(), fs::read(&b).unwrap());
    let (schema, meta, rows) = crate::support::parquet_schema(&a);
    let want: Vec<(String, String)> = [
        ("indicator", "Utf8"),
        ("region_code", "Utf8"),
        ("oked_section", "Utf8"),
        ("period", "Utf8"),
        ("value", "Float64"),
        ("flag", "Utf8"),
    ]
    .iter()
    .map(|(n, t)| (n.to_string(), t.to_string()))
    .collect();
    assert_eq!(schema, want);
    // The same columns and types as documented in docs/outputs.md.
    let docs = fs::read_to_string(repo().join("docs/outputs.md")).unwrap();
    let section =
        docs.split("### Long table of `kvota ingest`").nth(1).expect("documented").split("\n#").next().unwrap();
    let documented: Vec<(String, String)> = section
        .lines()
        .map(|l| l.split('|').map(str::trim).collect::<Vec<_>>())
        .filter(|c| c.len() >= 4 && c[1].starts_with('`'))
        .map(|c| {
            (
                c[1].trim_matches('`').to_string(),
                match c[2] {
                    "string" => "Utf8",
                    "float64" => "Float64",
                    other => panic!("unexpected type {other}"),
                }
                .to_string(),
            )
        })
        .collect();
    assert_eq!(documented, want);
    assert_eq!(rows, 90);
    assert_eq!(meta.get("kvota.format").map(String::as_str), Some("bns-xlsx"));
    let csv = dir.path().join("a.csv");
    let o = kvota(&[
        "ingest",
        "bns-xlsx",
        fixture("bns_quarterly.xlsx").to_str().unwrap(),
        "--out",
        csv.to_str().unwrap(),
        "-q",
    ]);
    assert!(o.status.success());
    let text = fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("indicator,region_code,oked_section,period,value,flag\n"));
    assert!(text.contains("Уровень безработицы,KZ-YUZ,,2017Q2,5.1,\n"), "{text}");
}

#[test]
fn validate_lists_every_problem_of_published_files() {
    let o = kvota(&[
        "validate",
        "--format",
        "bns-xlsx",
        fixture("bad_region.xlsx").to_str().unwrap(),
        fixture("bns_blocks.xlsx").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("rows read        1") && out.contains("rows read        8"), "{out}");
    assert!(out.contains("problem") && out.contains("Семипалатинская"), "{out}");
    assert!(out.contains("region split") && out.contains("KZ-63"), "{out}");
    assert!(stderr(&o).contains("1 problems in 2 files"), "{}", stderr(&o));
    // The labels and the count of problems in Russian and Kazakh; the figures are the same.
    let args = ["validate", "--format", "bns-xlsx"];
    let files = [fixture("bad_region.xlsx"), fixture("bns_blocks.xlsx")];
    for (lang, read, split, problems) in [
        ("ru", "строк прочитано  8", "деление региона", "ошибок: 1 в файлах: 2"),
        ("kk", "оқылған жолдар   8", "өңірдің бөлінуі", "2 файлда 1 қате"),
    ] {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_kvota"))
            .args(args)
            .args(&files)
            .env("KVOTA_LANG", lang)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1));
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains(read) && out.contains(split) && out.contains("KZ-63"), "{lang}: {out}");
        assert!(!out.contains("rows read") && !out.contains("region split"), "{lang}: {out}");
        assert!(stderr(&o).contains(problems), "{lang}: {}", stderr(&o));
    }
}

// ---- Real BNS files ------------------------------------------------------------------------

fn transcribed(file: &str, col: usize) -> HashMap<(String, i32), f64> {
    let text = fs::read_to_string(repo().join("../shared/data-raw/kz-bns-macro-transcribed").join(file)).unwrap();
    let mut out = HashMap::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let area = ingest::region_code(f[0]).unwrap_or_else(|e| panic!("{file}: {e}"));
        out.insert((area.code().to_string(), f[1].parse().unwrap()), f[col].parse().unwrap());
    }
    out
}

#[test]
fn real_unemployment_rate_by_region_and_quarter() {
    let Some(p) = raw("kz-open-data-kazakhstan/city-unemployment-rate/archive_unemploymentRate.xlsx") else { return };
    let got = strict(Format::BnsXlsx, &p);
    let rows = &got.rows;
    assert_eq!(got.report.rows_read, 22);
    // 2001..2022 x 5 columns + 2023 x 4 quarters (its `year` column is empty and skipped).
    assert_eq!(rows.len(), 22 * (22 * 5 + 4));
    assert!(got.report.skipped.iter().map(ToString::to_string).any(|s| s.contains("2023")), "{:?}", got.report.skipped);
    assert!(rows.iter().all(|r| r.indicator == "Unemployment rate"));
    assert_eq!(one(rows, "KZ", Period::Quarter(2001, 1)).value, Some(12.7));
    assert_eq!(one(rows, "KZ-YUZ", Period::Quarter(2001, 1)).value, Some(17.5));
    assert_eq!(one(rows, "KZ-YUZ", Period::Quarter(2018, 1)).flag.as_deref(), Some("-"));
    assert_eq!(one(rows, "KZ-61", Period::Quarter(2018, 1)).value, Some(5.2));
    assert_eq!(one(rows, "KZ-10", Period::Quarter(2022, 1)).value, Some(4.7));
    assert_eq!(one(rows, "KZ-75", Period::Quarter(2001, 1)).value, Some(11.9));
    assert_eq!(one(rows, "KZ-19", Period::Quarter(2001, 1)).value, Some(12.5));
    // Zhetisu 2020-2021: cells left empty in the source are kept as flagged rows.
    assert_eq!(one(rows, "KZ-33", Period::Quarter(2020, 1)).flag.as_deref(), Some("empty"));
    let splits: Vec<String> = got.report.splits.iter().map(ToString::to_string).collect();
    assert!(splits.iter().any(|s| s.contains("KZ-63 values for 2001Q1..2021")), "{splits:?}");
    assert_eq!(got.report.footnotes.len(), 3);

    // Identity of kz-bns-macro-transcribed/SOURCE.md: 100 (LF - E) / LF agrees with the
    // published annual rate within 0.1 pp.
    if raw("kz-bns-macro-transcribed/SOURCE.md").is_none() {
        return;
    }
    let lf = transcribed("labour_force_by_region_annual.csv", 2);
    let emp = transcribed("employed_by_region_annual.csv", 2);
    let (mut n, mut worst) = (0, 0.0f64);
    for r in rows.iter().filter(|r| matches!(r.period, Period::Year(_))) {
        let key = (r.region_code.clone(), r.period.year());
        if let (Some(rate), Some(l), Some(e)) = (r.value, lf.get(&key), emp.get(&key)) {
            let implied = 100.0 * (l - e) / l;
            worst = worst.max((implied - rate).abs());
            n += 1;
        }
    }
    eprintln!("identity: {n} region-years compared, max abs diff {worst:.3} pp");
    assert!(n >= 350, "only {n} region-years compared");
    assert!(worst < 0.1, "implied and published rates differ by {worst:.3} pp");
}

#[test]
fn real_population_by_region_maps_turkistan_before_2018_to_south_kazakhstan() {
    let Some(p) = raw("kz-open-data-kazakhstan/population-projections-by-regions/archive_source.xlsx") else { return };
    let got = strict(Format::BnsXlsx, &p);
    let rows = &got.rows;
    let all: Vec<&LongRow> = rows.iter().filter(|r| r.indicator == "Все население").collect();
    let v = |code: &str, y: i32| {
        all.iter().find(|r| r.region_code == code && r.period == Period::Year(y)).and_then(|r| r.value)
    };
    // `Туркестанская 1` 2000-2016 with no Shymkent value is South Kazakhstan; from 2017 BNS
    // prints Turkistan and Shymkent apart.
    assert_eq!(v("KZ-YUZ", 2000), Some(2_005_023.0));
    assert_eq!(v("KZ-YUZ", 2016), Some(2_840_871.0));
    assert_eq!(v("KZ-61", 2016), None);
    assert_eq!(v("KZ-61", 2017), Some(1_966_336.0));
    assert_eq!(v("KZ-79", 2017), Some(912_300.0));
    assert_eq!(v("KZ-63", 2021), Some(1_363_797.0));
    assert_eq!(v("KZ-10", 2022), Some(611_888.0));
    // Sum of regions equals the republic where all regions are published (2023).
    let total = v("KZ", 2023).unwrap();
    let sum: f64 =
        all.iter().filter(|r| r.period == Period::Year(2023) && r.region_code != "KZ").filter_map(|r| r.value).sum();
    assert!((total - sum).abs() <= 2.0, "republic {total} vs sum {sum}");
    // The men's and women's sheets have blocks (urban, rural).
    assert!(rows.iter().any(|r| r.indicator.contains("| Городское население")));
    assert!(got.report.splits.iter().map(ToString::to_string).any(|s| s.contains("recoded KZ-YUZ")));
    // Shymkent has no rural population, so its `-` in the rural block must not push the
    // boundary: the block follows its sheet, whose footnote says 2000-2016 are South Kazakhstan.
    let rural = "Численность мужчин по регионам Республики Казахстан | Сельское население";
    let in_rural = |code: &str, y: i32| {
        rows.iter()
            .any(|r| r.indicator == rural && r.region_code == code && r.period == Period::Year(y) && r.value.is_some())
    };
    assert!(in_rural("KZ-YUZ", 2016) && !in_rural("KZ-YUZ", 2017) && in_rural("KZ-61", 2017));
    assert!(got.report.footnotes.iter().any(|f| f.contains("2000-2016") && f.contains("Южно-Казахстанской")));
}

#[test]
fn real_registered_job_seekers_with_text_numbers() {
    let Some(p) = raw("kz-open-data-kazakhstan/people-applied-employment-authorities/archive_raw.xlsx") else { return };
    let got = ingest::read(Format::BnsXlsx, &p, Some("registered job seekers")).unwrap().into_strict().unwrap();
    let rows = &got.rows;
    assert_eq!(one(rows, "KZ", Period::Year(2001)).value, Some(332_720.0));
    assert_eq!(one(rows, "KZ-YUZ", Period::Year(2001)).value, Some(21_587.0));
    assert_eq!(one(rows, "KZ-71", Period::Year(2001)).value, Some(7_783.0));
    assert_eq!(one(rows, "KZ-79", Period::Year(2018)).value, Some(34_066.0));
    assert!(rows.iter().all(|r| r.indicator == "registered job seekers"));
    assert!(
        got.report.skipped.iter().map(ToString::to_string).any(|s| s.contains("Лист1")),
        "{:?}",
        got.report.skipped
    );
}

// ---- Fuzz: the text-number parser and the readers never panic -------------------------------

fn grouped(n: u64, sep: char) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn printed_numbers_parse_back(n in 0u64..10_000_000_000, frac in 0u32..1000, neg: bool,
                                  sep in prop::sample::select(vec![' ', '\u{a0}', '\u{202f}']),
                                  mark in prop::sample::select(vec!["", "*", " 1)", "2)"])) {
        let text = format!("{}{},{:03}{}", if neg { "-" } else { "" }, grouped(n, sep), frac, mark);
        let want = (n as f64 + f64::from(frac) / 1000.0) * if neg { -1.0 } else { 1.0 };
        match parse_cell(&text) {
            Ok(Cell::Number(v, m)) => {
                prop_assert!((v - want).abs() <= want.abs() * 1e-12 + 1e-9, "{text}: {v} vs {want}");
                prop_assert_eq!(m.is_some(), !mark.is_empty());
            }
            other => prop_assert!(false, "{text}: {other:?}"),
        }
        prop_assert_eq!(parse_number_text(&grouped(n, sep)), Some(n as f64));
    }

    #[test]
    fn any_text_is_a_number_a_flag_or_an_error(s in ".{0,24}") {
        if let Ok(Cell::Number(v, _)) = parse_cell(&s) {
            prop_assert!(v.is_finite());
        }
    }

    #[test]
    fn readers_survive_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600), csv_like: bool) {
        let dir = tempfile::tempdir().unwrap();
        let body = if csv_like {
            let mut b = "NAM,DAT,PERIOD,ӘАОЖ(каталог бойынша),VAL\n".as_bytes().to_vec();
            b.extend(bytes.iter().map(|&c| if c % 7 == 0 { b',' } else if c % 11 == 0 { b'\n' } else { c }));
            b
        } else {
            bytes.clone()
        };
        let csv = dir.path().join("x.csv");
        fs::write(&csv, &body).unwrap();
        if let Ok(got) = ingest::read(Format::BnsOpenData, &csv, None) {
            let _ = got.into_strict();
        }
        let mut posts = b"date,region,oked,salary\n".to_vec();
        posts.extend(bytes.iter().map(|&c| match c % 13 { 0 => b',', 1 => b'\n', 2 => b'"', _ => c }));
        let p = dir.path().join("p.csv");
        fs::write(&p, &posts).unwrap();
        if let Ok(got) = ingest::read(Format::Postings, &p, None) {
            let _ = got.into_strict();
        }
        let xlsx = dir.path().join("x.xlsx");
        fs::write(&xlsx, &bytes).unwrap();
        prop_assert!(ingest::read(Format::BnsXlsx, &xlsx, None).is_err());
    }
}

// ---- Vacancy postings ----------------------------------------------------------------------

fn cell(got: &Ingested, code: &str, section: Option<&str>, period: Period) -> (Option<f64>, Option<f64>, Option<f64>) {
    let v = |ind: &str| {
        let hits: Vec<&LongRow> = got
            .rows
            .iter()
            .filter(|r| {
                r.indicator == ind
                    && r.region_code == code
                    && r.oked_section.as_deref() == section
                    && r.period == period
            })
            .collect();
        assert!(hits.len() <= 1, "{ind} {code} {section:?} {period}: {hits:?}");
        hits.first().and_then(|r| r.value)
    };
    (v("vacancy postings"), v("vacancy postings with a salary in tenge"), v("median offered salary, tenge per month"))
}

#[test]
fn postings_are_aggregated_by_region_section_and_month_in_both_encodings() {
    for file in ["postings.csv", "postings_cp1251.csv"] {
        let got = strict(Format::Postings, &fixture(file));
        assert_eq!(got.report.rows_read, 7, "{file}");
        assert_eq!(got.rows.len(), 5 * 3, "{file}");
        // Almaty city: three spellings, OKED class, division with a dot and a letter -> J.
        assert_eq!(
            cell(&got, "KZ-75", Some("J"), Period::Month(2025, 3)),
            (Some(3.0), Some(2.0), Some(400_000.0)),
            "{file}"
        );
        // `до 350 000` is the one bound; the date written 05.03.2025.
        assert_eq!(
            cell(&got, "KZ-55", Some("C"), Period::Month(2025, 3)),
            (Some(1.0), Some(1.0), Some(350_000.0)),
            "{file}"
        );
        // A dollar salary is not in the tenge median: the cell says so.
        assert_eq!(cell(&got, "KZ-55", Some("C"), Period::Month(2025, 4)), (Some(1.0), Some(0.0), None), "{file}");
        let flag = got
            .rows
            .iter()
            .find(|r| {
                r.indicator.starts_with("median")
                    && r.region_code == "KZ-55"
                    && r.period == Period::Month(2025, 4)
                    && r.oked_section.as_deref() == Some("C")
            })
            .and_then(|r| r.flag.clone());
        assert_eq!(flag.as_deref(), Some("no salary stated"));
        // No industry: null section; free-text industry by its OKED name.
        assert_eq!(cell(&got, "KZ-55", None, Period::Month(2025, 4)).0, Some(1.0), "{file}");
        assert_eq!(
            cell(&got, "KZ-55", Some("F"), Period::Month(2025, 4)),
            (Some(1.0), Some(1.0), Some(200_000.0)),
            "{file}"
        );
        let skipped = got.report.skipped.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n");
        assert!(skipped.contains("1 salary in USD not in the medians"), "{file}: {skipped}");
        assert!(skipped.contains("1 posting without a recognised OKED section"), "{file}: {skipped}");
    }
}

#[test]
fn postings_with_bad_rows_name_the_row_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("p.parquet");
    let cases = [
        ("postings_bad_region.csv", "postings_bad_region.csv, row 3, column `region`", "Семипалатинская"),
        ("postings_truncated.csv", "postings_truncated.csv, row 3", "ends inside a quoted field"),
        ("postings.csv", "", "--indicator does not apply"),
    ];
    for (file, at, what) in cases {
        let path = fixture(file);
        let mut args = vec!["ingest", "postings", path.to_str().unwrap(), "--out", out.to_str().unwrap()];
        if file == "postings.csv" {
            args.extend(["--indicator", "x"]);
        }
        let o = kvota(&args);
        assert_eq!(o.status.code(), Some(1), "{file}");
        let e = stderr(&o);
        assert!(e.contains(at) && e.contains(what), "{file}: {e}");
        assert!(!out.exists());
    }
    // A file without dates needs --month; an empty file is refused.
    let o = kvota(&[
        "ingest",
        "postings",
        fixture("postings_bad_region.csv").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--month",
        "2025-13",
    ]);
    assert_eq!(o.status.code(), Some(2), "a month that is no month is a usage error");
    let empty = dir.path().join("e.csv");
    fs::write(&empty, "").unwrap();
    let e = ingest::read(Format::Postings, &empty, None).unwrap_err().to_string();
    assert!(e.contains("empty"), "{e}");
    let nodate = dir.path().join("nodate.csv");
    fs::write(&nodate, "region,salary\nг. Алматы,100000\n").unwrap();
    let e = ingest::read(Format::Postings, &nodate, None).unwrap_err().to_string();
    assert!(e.contains("--month"), "{e}");
}

#[test]
fn real_hh_kz_listings_with_a_snapshot_month() {
    let Some(p) = raw("kz-hh-vacancies-sample/job_listings_all_pages.csv") else { return };
    let opts = ingest::ReadOptions { indicator: None, month: Some(Period::Month(2024, 11)) };
    let got = ingest::read_with(Format::Postings, &p, &opts).unwrap().into_strict().unwrap();
    // Every listing is on almaty.hh.kz (Almaty city) with no industry column. The reference
    // figures come from an independent Python parse of the same file (tests/data/ingest/README.md):
    // 347 tenge salaries, median of the range midpoints or single bounds 390,000.
    assert_eq!(got.report.rows_read, 1128);
    assert_eq!(cell(&got, "KZ-75", None, Period::Month(2024, 11)), (Some(1128.0), Some(347.0), Some(390_000.0)));
    let skipped = got.report.skipped.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n");
    assert!(skipped.contains("31 salaries in USD") && skipped.contains("11 salaries in RUB"), "{skipped}");
    assert!(skipped.contains("739 not stated"), "{skipped}");
    assert!(skipped.contains("1-3 485, 3-6 460, 6+ 75, none 108"), "{skipped}");
}

/// The report of `kvota ingest` follows the reader's language: the reforms applied and the rows
/// skipped are said in Kazakh and Russian, with the same lines in the same order as in English.
/// Left as they are: the file's own footnotes and titles, codes and the experience bands'
/// names (`none`, `unrecognised`), which are values of the output.
#[test]
fn ingest_reports_follow_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.parquet");
    let cases = [("bns-xlsx", "bns_quarterly.xlsx"), ("bns-xlsx", "bns_blocks.xlsx"), ("postings", "postings.csv")];
    for (format, file) in cases {
        let input = fixture(file);
        let args = ["ingest", format, input.to_str().unwrap(), "--out", out.to_str().unwrap()];
        let report = |lang: &str| {
            let o = crate::support::kvota_in(lang, &args);
            assert!(o.status.success(), "{lang} {file}: {}", stderr(&o));
            String::from_utf8(o.stdout).unwrap()
        };
        let en = report("en");
        let details = |text: &str| -> Vec<String> {
            // The labelled lines after the three counts, without the footnotes (the file's text).
            text.lines().skip(4).filter(|l| l.starts_with("  ")).map(str::to_string).collect()
        };
        let en_lines = details(&en);
        assert!(!en_lines.is_empty(), "{file}: {en}");
        for lang in ["ru", "kk"] {
            let said = report(lang);
            let lines = details(&said);
            assert_eq!(lines.len(), en_lines.len(), "{lang} {file}:\n{said}");
            let footnote = kvota::i18n::Lang::parse(lang).unwrap().texts().t("cli-ingest-footnote");
            for (e, l) in en_lines.iter().zip(&lines) {
                if l.trim_start().starts_with(&footnote) {
                    continue;
                }
                assert_ne!(e, l, "{lang} {file}: said in English");
                let words: Vec<String> = crate::text::english_words(l)
                    .into_iter()
                    .filter(|w| !["none", "unrecognised"].contains(&w.as_str()))
                    .collect();
                assert!(words.is_empty(), "{lang} {file}: English words {words:?} in `{l}`");
            }
        }
    }
}
