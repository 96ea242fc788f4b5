//! `kvota run` on the default data: outputs, contract, determinism, legal constraints.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use arrow::array::{Array, AsArray};
use arrow::datatypes::Int64Type;
use kvota::config::{Config, RunOverrides};
use kvota::pipeline::{self, Quiet};

use crate::support::{hashes, kvota, parquet_batches, parquet_schema, repo, stderr};

/// Runs the baseline scenario into a fresh temporary folder (from the repository root).
fn run_baseline() -> (tempfile::TempDir, pipeline::RunOutcome) {
    let root = repo();
    let scenario_path = Path::new("scenarios/baseline.toml");
    let mut sc = Config::load(&root.join(scenario_path), &RunOverrides::default()).unwrap();
    sc.data.panel = root.join(&sc.data.panel);
    sc.data.params = root.join(&sc.data.params);
    sc.data.reference = root.join(&sc.data.reference);
    let out = tempfile::tempdir().unwrap();
    let outcome = pipeline::run(&sc, out.path(), &Quiet).unwrap();
    (out, outcome)
}

/// Column name -> Arrow type per output file, parsed from the tables in docs/outputs.md.
fn documented_contract() -> BTreeMap<String, Vec<(String, String)>> {
    let text = std::fs::read_to_string(repo().join("docs/outputs.md")).unwrap();
    let mut out: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if line.starts_with('#') {
            current = None;
        }
        if let Some(h) = line.strip_prefix("### ") {
            current = h
                .split_whitespace()
                .next()
                .map(|n| n.trim_matches('`'))
                .filter(|n| n.ends_with(".parquet"))
                .map(str::to_string);
            continue;
        }
        let Some(file) = &current else { continue };
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() >= 4 && cells[1].starts_with('`') {
            let name = cells[1].trim_matches('`').to_string();
            let ty = match cells[2] {
                "string" => "Utf8",
                "int64" => "Int64",
                "float64" => "Float64",
                "bool" => "Boolean",
                other => panic!("docs/outputs.md: unknown type {other} for {name}"),
            };
            out.entry(file.clone()).or_default().push((name, ty.to_string()));
        }
    }
    out
}

#[test]
fn outputs_match_the_documented_contract_read_by_arrow_rs() {
    let (out, outcome) = run_baseline();
    let dir = out.path().join("baseline");
    let contract = documented_contract();
    assert_eq!(contract.len(), 13, "docs/outputs.md documents thirteen Parquet files");
    for (file, columns) in &contract {
        let (schema, kv, rows) = parquet_schema(&dir.join(file));
        assert_eq!(&schema, columns, "{file}: schema differs from docs/outputs.md");
        // The baseline has no amendments, so no changes.
        assert!(rows > 0 || file == "editions/changes.parquet", "{file} is empty");
        assert_eq!(kv.get("kvota.schema_version").map(String::as_str), Some("1"), "{file}");
        assert_eq!(kv.get("kvota.scenario_id").map(String::as_str), Some("baseline"), "{file}");
        assert_eq!(kv.get("kvota.run_id"), Some(&outcome.manifest.run_id), "{file}");
        // Provenance columns: the run id on every row; the allocation method on quota rows.
        for b in parquet_batches(&dir.join(file)) {
            let ids = b.column_by_name("run_id").unwrap().as_string::<i32>();
            assert!(ids.iter().all(|v| v == Some(outcome.manifest.run_id.as_str())), "{file}");
            if let Some(m) = b.column_by_name("allocation_method") {
                let m = m.as_string::<i32>();
                assert!(m.iter().all(|v| v == Some(outcome.manifest.summary.allocation_method.as_str())));
            }
        }
    }
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["scenario"]["id"], "baseline");
    assert_eq!(
        manifest["inputs"].as_array().unwrap().len(),
        8 + 6 + 3 + 3,
        "8 panel files, 6 parameter files, 3 reference files, the requests, the projects and the occupation wages"
    );
    assert!(
        manifest["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == "foreign_labour.ceiling_pct"
                && p["reference"].as_str().unwrap().contains("12 Dec 2025"))
    );
    assert_eq!(manifest["outputs"].as_array().unwrap().len(), 13);
    // Provenance: every shortage and quota row says what it rests on, in range; the summary
    // says how much of the distributed quota rests on synthetic values, and how far the run is
    // from the published decisions.
    for file in ["shortage.parquet", "quota_foreign.parquet"] {
        for b in parquet_batches(&dir.join(file)) {
            let g = b.column_by_name("evidence_grade").unwrap().as_string::<i32>();
            assert!(
                g.iter().all(|v| ["official", "ingested", "estimated", "synthetic"].contains(&v.unwrap())),
                "{file}"
            );
            for c in [
                "score_weight_synthetic",
                "score_weight_estimated",
                "openings_synthetic",
                "openings_estimated",
                "supply_synthetic",
            ] {
                let v = b.column_by_name(c).unwrap().as_primitive::<arrow::datatypes::Float64Type>();
                assert!(v.iter().all(|x| x.is_some_and(|x| (0.0..=1.0 + 1e-12).contains(&x))), "{file} {c}");
            }
        }
    }
    let e = &manifest["summary"]["evidence"];
    for k in ["distributed_openings_synthetic", "distributed_supply_synthetic", "distributed_score_synthetic"] {
        assert!(e[k].as_f64().is_some_and(|x| (0.0..=1.0).contains(&x)), "summary.evidence.{k}: {e}");
    }
    // docs/methods.md §6 quotes this run's totals.
    let methods = std::fs::read_to_string(repo().join("docs/methods.md")).unwrap();
    let n = |k: &str| kvota::fmt::thousands(manifest["summary"][k].as_u64().unwrap());
    let cats = &manifest["summary"]["foreign_by_category"];
    let quoted = [
        format!("ceiling 0.25 % = {}", n("ceiling")),
        format!(
            "reserve {}, distributed {} of a\njustified demand of {}",
            n("reserve"),
            n("distributed"),
            n("justified_demand")
        ),
        format!("({} shortage cells)", manifest["summary"]["cells_by_rating"]["shortage"]),
        format!(
            "categories {} / {}\n/ {} / {}, seasonal {}",
            kvota::fmt::thousands(cats["1"].as_u64().unwrap()),
            kvota::fmt::thousands(cats["2"].as_u64().unwrap()),
            kvota::fmt::thousands(cats["3"].as_u64().unwrap()),
            kvota::fmt::thousands(cats["4"].as_u64().unwrap()),
            kvota::fmt::thousands(cats["seasonal"].as_u64().unwrap())
        ),
    ];
    for q in quoted {
        assert!(methods.contains(&q), "docs/methods.md §6 does not quote the run: {q}");
    }
    let reality = manifest["summary"]["reality"].as_array().unwrap();
    assert!(reality.iter().any(|d| d["measure"] == "section" && d["distance"].as_f64().is_some()), "{reality:?}");
}

#[test]
fn two_runs_are_byte_identical() {
    let (a, _) = run_baseline();
    let (b, _) = run_baseline();
    for dir in ["baseline", "baseline/editions", "baseline/charts"] {
        let ha = hashes(&a.path().join(dir));
        assert_eq!(
            ha.len(),
            match dir {
                // Ten Parquet files, the manifest, the report and the order (.docx, .html) in three
                // languages, report.html.
                "baseline" => 21,
                "baseline/editions" => 3,
                _ => 4,
            }
        );
        assert_eq!(ha, hashes(&b.path().join(dir)), "{dir}");
    }
}

#[test]
fn foreign_quota_respects_the_ceiling_and_shortage_cells() {
    let (out, outcome) = run_baseline();
    let dir = out.path().join("baseline");
    let s = &outcome.manifest.summary;
    // 0.25 % (in force for 2026) of the 2025 labour force.
    assert_eq!(s.ceiling_pct, 0.25);
    assert_eq!(s.ceiling, (0.0025 * s.labour_force_basis as f64).floor() as u64);
    assert!(s.distributed <= s.ceiling - s.reserve);
    assert_eq!(s.reserve, (s.ceiling as f64 * 0.1).ceil() as u64);

    // Surplus cells: the default run vets request lines, and a request in a surplus cell is
    // justified only when it cites a current project.
    let mut surplus: BTreeSet<(String, String)> = BTreeSet::new();
    for b in parquet_batches(&dir.join("shortage.parquet")) {
        let r = b.column_by_name("region_code").unwrap().as_string::<i32>();
        let sec = b.column_by_name("oked_section").unwrap().as_string::<i32>();
        let rating = b.column_by_name("rating").unwrap().as_string::<i32>();
        for i in 0..b.num_rows() {
            if rating.value(i) == "surplus" {
                surplus.insert((r.value(i).to_string(), sec.value(i).to_string()));
            }
        }
    }
    assert!(!surplus.is_empty());
    // The quota of each cell and category is the sum of its requests' quota.
    let mut from_requests: BTreeMap<(String, String, String), i64> = BTreeMap::new();
    for b in parquet_batches(&dir.join("requests_vetted.parquet")) {
        let r = b.column_by_name("region_code").unwrap().as_string::<i32>();
        let sec = b.column_by_name("oked_section").unwrap().as_string::<i32>();
        let cat = b.column_by_name("category").unwrap().as_string::<i32>();
        let q = b.column_by_name("quota").unwrap().as_primitive::<Int64Type>();
        let project = b.column_by_name("project_id").unwrap().as_string::<i32>();
        for i in 0..b.num_rows() {
            let cell = (r.value(i).to_string(), sec.value(i).to_string());
            if q.value(i) > 0 && surplus.contains(&cell) {
                assert!(!project.is_null(i), "quota in a surplus cell without a project: {cell:?}");
            }
            if q.value(i) > 0 {
                *from_requests.entry((cell.0, cell.1, cat.value(i).to_string())).or_default() += q.value(i);
            }
        }
    }
    let mut total = 0;
    let mut by_cat: BTreeMap<String, i64> = BTreeMap::new();
    for b in parquet_batches(&dir.join("quota_foreign.parquet")) {
        let r = b.column_by_name("region_code").unwrap().as_string::<i32>();
        let sec = b.column_by_name("oked_section").unwrap().as_string::<i32>();
        let cat = b.column_by_name("category").unwrap().as_string::<i32>();
        let q = b.column_by_name("quota").unwrap().as_primitive::<Int64Type>();
        for i in 0..b.num_rows() {
            let key = (r.value(i).to_string(), sec.value(i).to_string(), cat.value(i).to_string());
            assert_eq!(from_requests.remove(&key).unwrap_or(0), q.value(i), "{key:?}");
            if cat.value(i) == "seasonal" {
                assert_eq!(sec.value(i), "A", "seasonal quota outside agriculture");
            }
            total += q.value(i);
            *by_cat.entry(cat.value(i).to_string()).or_default() += q.value(i);
        }
    }
    assert!(from_requests.is_empty(), "request quota outside the quota table: {from_requests:?}");
    assert!(by_cat["seasonal"] > 0, "seasonal requests in agriculture make a seasonal quota");
    assert_eq!(total as u64, s.distributed);
    for (k, v) in &by_cat {
        assert_eq!(s.foreign_by_category[k] as i64, *v, "category {k}");
    }
}

#[test]
fn kandas_quota_within_budget_and_designated_regions() {
    let (out, outcome) = run_baseline();
    let s = &outcome.manifest.summary;
    let designated: BTreeSet<&str> = s.kandas_regions.iter().map(String::as_str).collect();
    assert_eq!(designated.len(), 8);
    let (mut families, mut persons, mut cost) = (0i64, 0i64, 0.0);
    for b in parquet_batches(&out.path().join("baseline/quota_kandas.parquet")) {
        let r = b.column_by_name("region_code").unwrap().as_string::<i32>();
        let f = b.column_by_name("families").unwrap().as_primitive::<Int64Type>();
        let p = b.column_by_name("persons").unwrap().as_primitive::<Int64Type>();
        let c = b.column_by_name("cost_kzt").unwrap().as_primitive::<arrow::datatypes::Float64Type>();
        for i in 0..b.num_rows() {
            assert!(designated.contains(r.value(i)), "{} is not designated", r.value(i));
            assert_eq!(p.value(i), 4 * f.value(i), "persons = family size x families");
            families += f.value(i);
            persons += p.value(i);
            cost += c.value(i);
        }
        assert_eq!(r.null_count(), 0);
    }
    assert_eq!(families as u64, s.kandas_families);
    assert_eq!(persons as u64, s.kandas_persons);
    assert!(cost <= s.kandas_budget_kzt + 1e-3, "cost {cost} above budget");
    assert!(s.kandas_families > 0);
}

#[test]
fn cli_run_writes_outputs_and_exits_zero() {
    let out = tempfile::tempdir().unwrap();
    let o = kvota(&["run", "--quiet", "--out", out.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stdout.is_empty(), "--quiet prints nothing");
    assert_eq!(hashes(&out.path().join("baseline")).len(), 21);
    assert_eq!(hashes(&out.path().join("baseline/editions")).len(), 3);
    // No staging folder left behind: 10 Parquet files, the manifest, report.html, the report and
    // the order in three languages (9 files), editions/ and charts/.
    assert_eq!(std::fs::read_dir(out.path().join("baseline")).unwrap().count(), 23);
    let o = kvota(&["validate"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("valid: 8 files"), "{text}");
    // `--data` takes the data folder a user sees as well as its panel folder: the same outputs.
    let o = kvota(&["validate", "--data", "data"]);
    assert!(o.status.success() && String::from_utf8_lossy(&o.stdout).contains("valid: 8 files"), "{}", stderr(&o));
    let out2 = tempfile::tempdir().unwrap();
    let o = kvota(&["run", "--quiet", "--data", "data", "--out", out2.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(hashes(&out.path().join("baseline")), hashes(&out2.path().join("baseline")));
}

#[test]
fn arrow_ipc_and_csv_on_request_carry_the_parquet_rows() {
    use polars::prelude::{CsvParseOptions, CsvReadOptions, SerReader};
    let out = tempfile::tempdir().unwrap();
    let o = kvota(&["run", "-q", "--out", out.path().to_str().unwrap(), "--format", "csv,arrow"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let run = out.path().join("baseline");
    let mut n = 0;
    for sub in ["", "editions"] {
        for e in std::fs::read_dir(run.join(sub)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().and_then(|x| x.to_str()) != Some("parquet") {
                continue;
            }
            n += 1;
            let parquet = parquet_batches(&p);
            let (_, kv, rows) = parquet_schema(&p);
            // Arrow IPC: the same schema, the same values, the key-value entries as schema metadata.
            let f = std::fs::File::open(p.with_extension("arrow")).unwrap();
            let reader = arrow::ipc::reader::FileReader::try_new(f, None).unwrap();
            let ipc_schema = reader.schema();
            let meta = ipc_schema.metadata().clone();
            for k in ["kvota.schema_version", "kvota.table", "kvota.scenario_id", "kvota.run_id", "kvota.target_year"] {
                assert_eq!(meta.get(k), kv.get(k), "{}: {k}", p.display());
            }
            let ipc: Vec<_> = reader.map(|b| b.unwrap()).collect();
            let ipc = arrow::compute::concat_batches(&ipc_schema, &ipc).unwrap();
            let pq_schema = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(
                std::fs::File::open(&p).unwrap(),
            )
            .unwrap()
            .schema()
            .clone();
            let pq = arrow::compute::concat_batches(&pq_schema, &parquet).unwrap();
            assert_eq!(ipc.num_rows(), rows);
            assert_eq!(ipc.schema().fields(), pq.schema().fields(), "{}", p.display());
            for (a, b) in ipc.columns().iter().zip(pq.columns()) {
                assert_eq!(a.as_ref(), b.as_ref(), "{}", p.display());
            }
            // CSV: a header of the same names and one record per row (quoted texts with commas
            // and line breaks parse back); integer columns give the same sums.
            let text = std::fs::read(p.with_extension("csv")).unwrap();
            let df = CsvReadOptions::default()
                .with_has_header(true)
                .with_infer_schema_length(Some(0))
                .with_parse_options(CsvParseOptions::default().with_quote_char(Some(b'"')))
                .into_reader_with_file_handle(std::io::Cursor::new(text))
                .finish()
                .unwrap();
            assert_eq!(df.height(), rows, "{}", p.display());
            let names: Vec<String> = df.get_column_names().iter().map(|s| s.to_string()).collect();
            let want: Vec<String> = pq.schema().fields().iter().map(|f| f.name().clone()).collect();
            assert_eq!(names, want, "{}", p.display());
            for (i, f) in pq.schema().fields().iter().enumerate() {
                if f.data_type() == &arrow::datatypes::DataType::Int64 {
                    let want: i64 = pq.column(i).as_primitive::<Int64Type>().iter().flatten().sum();
                    let got: i64 = df
                        .column(f.name())
                        .unwrap()
                        .str()
                        .unwrap()
                        .iter()
                        .flatten()
                        .filter(|s| !s.is_empty())
                        .map(|s| s.parse::<i64>().unwrap())
                        .sum();
                    assert_eq!(got, want, "{}: {}", p.display(), f.name());
                }
            }
        }
    }
    assert_eq!(n, 13, "every Parquet file has its Arrow and CSV copies");
    // Without --format, only Parquet.
    let plain = tempfile::tempdir().unwrap();
    let o = kvota(&["run", "-q", "--out", plain.path().to_str().unwrap()]);
    assert!(o.status.success());
    assert!(!plain.path().join("baseline/shortage.arrow").exists());
    assert!(!plain.path().join("baseline/shortage.csv").exists());
    // The Parquet files are the same bytes with or without the copies.
    assert_eq!(hashes(&run).get("shortage.parquet"), hashes(&plain.path().join("baseline")).get("shortage.parquet"));
}
