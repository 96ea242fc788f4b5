//! Scenario batches and comparison: the dashboard dataset of a batch (its bytes against separate
//! runs are pinned by the golden test), ids used twice, and a changed lever changes exactly the
//! cells it should.

use std::fs;

use crate::support::{kvota, parquet_batches, parquet_schema, repo, stderr};

/// The dashboard dataset of a batch of baseline and lp_amended (written by the golden test):
/// one partition per scenario and year, read as one table by DuckDB.
pub fn dataset_partitions_read_as_one_table(batch: &std::path::Path) {
    for id in ["baseline", "lp_amended"] {
        for table in ["shortage", "quota_foreign", "quota_kandas"] {
            let part = batch.join(format!("dataset/{table}/scenario={id}/year=2026/part-0.parquet"));
            let (schema, kv, rows) = parquet_schema(&part);
            let (full, _, full_rows) = parquet_schema(&batch.join(id).join(format!("{table}.parquet")));
            assert_eq!(rows, full_rows, "{id} {table}");
            let without_year: Vec<_> = full.into_iter().filter(|(n, _)| n != "year").collect();
            assert_eq!(schema, without_year, "{id} {table}: the partition drops only `year`");
            assert_eq!(kv.get("kvota.scenario_id").map(String::as_str), Some(id));
            assert_eq!(kv.get("kvota.schema_version").map(String::as_str), Some("1"));
        }
    }
    let script = repo().join("benches/peers/hive_totals.py");
    let py = crate::support::python();
    let dataset = batch.join("dataset");
    let args = [script.as_os_str(), dataset.as_os_str()];
    if let Some(o) = crate::support::run_tool(&py, "the DuckDB read of the dataset", &args, &["No module named"]) {
        assert!(o.status.success(), "{}", stderr(&o));
        let got: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        for id in ["baseline", "lp_amended"] {
            let quota: i64 = parquet_batches(&batch.join(id).join("quota_foreign.parquet"))
                .iter()
                .map(|b| {
                    let c = b.column_by_name("quota").unwrap();
                    arrow::compute::sum(c.as_any().downcast_ref::<arrow::array::Int64Array>().unwrap()).unwrap_or(0)
                })
                .sum();
            assert_eq!(got[format!("{id}/2026")]["quota_foreign"][0].as_i64(), Some(quota), "{got}");
        }
        assert_eq!(got.as_object().unwrap().len(), 2, "{got}");
    }
}

#[test]
fn a_batch_refuses_an_id_used_twice() {
    let dir = tempfile::tempdir().unwrap();
    let batch = dir.path().join("batch");
    let o = kvota(&[
        "scenario",
        "run",
        "scenarios/baseline.toml",
        "scenarios/baseline.toml",
        "--out",
        batch.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("used twice"), "{}", stderr(&o));
    assert!(!batch.exists(), "nothing written");
}

fn compare(child: &str) -> (String, Vec<Vec<String>>) {
    let dir = tempfile::tempdir().unwrap();
    // The top-down path (requests switched off), where the quota follows the shortage gap.
    let a = dir.path().join("a.toml");
    let base = repo().join("scenarios/baseline.toml");
    fs::write(&a, format!("extends = \"{}\"\nid = \"topdown\"\n[data]\nemployer_requests = \"\"\n", base.display()))
        .unwrap();
    let b = dir.path().join("b.toml");
    fs::write(&b, format!("extends = \"{}\"\nid = \"lever\"\n{child}", a.display())).unwrap();
    let out = dir.path().join("out");
    let o = kvota(&["scenario", "compare", a.to_str().unwrap(), b.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = fs::read_to_string(out.join("compare_topdown_lever.csv")).unwrap();
    let svg = fs::read_to_string(out.join("compare_topdown_lever.svg")).unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("Scenario lever minus topdown, by region"));
    assert!(svg.contains("Pavlodar Region") && svg.contains("foreign-labour quota (permits)"));
    let rows: Vec<Vec<String>> = csv.lines().skip(1).map(|l| l.split(',').map(str::to_string).collect()).collect();
    (String::from_utf8_lossy(&o.stdout).to_string(), rows)
}

#[test]
fn an_override_changes_its_cell_and_only_its_quota() {
    // KZ-35 / B is the largest shortage cell of the baseline; a planner rates it balanced.
    let (stdout, rows) = compare(
        "[[shortage.overrides]]\nregion = \"KZ-35\"\nsection = \"B\"\nrating = \"balanced\"\nreason = \"test\"\n",
    );
    assert_eq!(rows.len(), 380, "{stdout}");
    // Columns: region, section, rating_a, rating_b, gap_a, gap_b, gap_delta, quota_a, quota_b, quota_delta, changed.
    let rating_or_gap: Vec<&Vec<String>> = rows.iter().filter(|r| r[2] != r[3] || r[6] != "0").collect();
    assert_eq!(rating_or_gap.len(), 1, "only the overridden cell changes rating or gap: {rating_or_gap:?}");
    let c = rating_or_gap[0];
    assert_eq!(
        (c[0].as_str(), c[1].as_str(), c[2].as_str(), c[3].as_str(), c[5].as_str()),
        ("KZ-35", "B", "shortage", "balanced", "0")
    );
    assert_eq!(c[8], "0", "a cell out of shortage gets no quota");
    let lost: i64 = c[7].parse().unwrap();
    assert!(lost > 0);
    // The ceiling does not bind (every justified permit is distributed), so the other cells keep
    // their quota and the total falls by the cell's.
    let total = |k: usize| rows.iter().map(|r| r[k].parse::<i64>().unwrap()).sum::<i64>();
    assert_eq!(total(7) - total(8), lost, "{stdout}");
    assert!(rows.iter().filter(|r| !(r[0] == "KZ-35" && r[1] == "B")).all(|r| r[9] == "0"));
}

#[test]
fn the_kandas_budget_changes_only_the_kandas_quota() {
    let (stdout, rows) = compare("[kandas]\nbudget_kzt = 2.6e9\n");
    assert!(rows.iter().all(|r| r[10] == "false"), "no region x section cell may change: {stdout}");
    let totals = stdout.lines().find(|l| l.starts_with("totals")).unwrap().to_string();
    let foreign: Vec<&str> =
        totals.split("foreign quota ").nth(1).unwrap().split(',').next().unwrap().split(" -> ").collect();
    assert_eq!(foreign[0].trim(), foreign[1].trim(), "the foreign quota does not move: {totals}");
    let fam: Vec<i64> =
        totals.split("kandas families ").nth(1).unwrap().split(" -> ").map(|x| x.trim().parse().unwrap()).collect();
    assert!(
        fam[1] < fam[0] && fam[1] >= fam[0] / 2 - 8 && fam[1] <= fam[0] / 2 + 8,
        "half the budget, about half the families: {totals}"
    );
}
