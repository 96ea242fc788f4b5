//! The seeded simulation of gaps and quotas: ordered quantiles, the binding ceiling, the seed
//! and the thread count.

use std::fs;
use std::path::Path;

use arrow::array::{Array, Float64Array, Int64Array, StringArray};
use kvota::config::{Config, RunOverrides};
use kvota::pipeline::{self, Quiet};

use crate::support::{hashes, parquet_batches, repo};

fn run(extra: &str, threads: usize) -> (tempfile::TempDir, pipeline::RunOutcome) {
    let root = repo();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    fs::write(&path, format!("extends = \"{}\"\nid = \"u\"\n{extra}", root.join("scenarios/baseline.toml").display()))
        .unwrap();
    let mut sc = Config::load(&path, &RunOverrides::default()).unwrap();
    sc.data.panel = root.join(&sc.data.panel);
    sc.data.params = root.join(&sc.data.params);
    let out = dir.path().join("out");
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
    let o = pool.install(|| pipeline::run(&sc, &out, &Quiet)).unwrap();
    (dir, o)
}

fn ints(path: &Path, name: &str) -> Vec<i64> {
    parquet_batches(path)
        .iter()
        .flat_map(|b| {
            let c = b.column_by_name(name).unwrap().as_any().downcast_ref::<Int64Array>().unwrap().clone();
            (0..c.len()).map(move |i| c.value(i))
        })
        .collect()
}

#[test]
fn quantiles_are_ordered_and_the_binding_ceiling_does_not_vary() {
    let (_dir, o) = run("", 2);
    let u = o.out_dir.join("uncertainty.parquet");
    let (g10, g50, g90) = (ints(&u, "gap_p10"), ints(&u, "gap_p50"), ints(&u, "gap_p90"));
    let (q10, q50, q90) = (ints(&u, "quota_p10"), ints(&u, "quota_p50"), ints(&u, "quota_p90"));
    assert_eq!(g10.len(), 380);
    for i in 0..g10.len() {
        assert!(g10[i] <= g50[i] && g50[i] <= g90[i], "row {i}");
        assert!(q10[i] <= q50[i] && q50[i] <= q90[i], "row {i}");
    }
    let share: Vec<f64> = parquet_batches(&u)
        .iter()
        .flat_map(|b| {
            let c =
                b.column_by_name("share_shortage").unwrap().as_any().downcast_ref::<Float64Array>().unwrap().clone();
            (0..c.len()).map(move |i| c.value(i))
        })
        .collect();
    assert!(share.iter().all(|s| (0.0..=1.0).contains(s)));
    // Cells never in shortage in any draw get no quota in any draw.
    for i in 0..share.len() {
        if share[i] == 0.0 {
            assert_eq!((g90[i], q90[i]), (0, 0), "row {i}");
        }
    }
    // Rated cells of the point run: a cell in shortage there is in shortage in most draws or
    // close to the cut-off; a cell the rule calls surplus rarely is.
    let sh = o.out_dir.join("shortage.parquet");
    let ratings: Vec<String> = parquet_batches(&sh)
        .iter()
        .flat_map(|b| {
            let c = b.column_by_name("rating").unwrap().as_any().downcast_ref::<StringArray>().unwrap().clone();
            (0..c.len()).map(move |i| c.value(i).to_string())
        })
        .collect();
    let mean = |r: &str| {
        let v: Vec<f64> = share.iter().zip(&ratings).filter(|(_, x)| *x == r).map(|(s, _)| *s).collect();
        v.iter().sum::<f64>() / v.len() as f64
    };
    assert!(
        mean("shortage") > 0.7 && mean("surplus") < 0.1,
        "shortage {}, surplus {}",
        mean("shortage"),
        mean("surplus")
    );
    // The ceiling binds in the baseline: every draw distributes exactly it.
    let s = &o.manifest.summary;
    let u = s.uncertainty.as_ref().unwrap();
    assert_eq!(u.distributed_p10_p50_p90, [s.distributed; 3]);
    assert_eq!((u.draws, u.failed), (200, 0));
    let d = u.justified_demand_p10_p50_p90;
    assert!(d[0] <= d[1] && d[1] <= d[2] && d[0] > s.distributed, "{d:?}");
    let total: i64 = q50.iter().sum();
    assert!((total - s.distributed as i64).abs() < s.distributed as i64 / 5, "medians {total} vs {}", s.distributed);
}

#[test]
fn the_seed_changes_only_the_simulation_and_threads_change_nothing() {
    let (_a, a) = run("", 2);
    let (_b, b) = run("", 1);
    // (The manifests differ only in the scenario file's path: each run writes its own.)
    let without_manifest = |d: &Path| {
        let mut h = hashes(d);
        h.remove("manifest.json");
        h
    };
    assert_eq!(without_manifest(&a.out_dir), without_manifest(&b.out_dir), "one thread or two: the same bytes");
    // A new seed: the run id (a hash of the scenario file) is in every file's metadata and its
    // `run_id` column, so the tables are compared by their other columns.
    let (_c, c) = run("[uncertainty]\nseed = 7\n", 2);
    let data = |d: &Path, f: &str| -> Vec<Vec<arrow::array::ArrayRef>> {
        parquet_batches(&d.join(f))
            .iter()
            .map(|b| {
                let keep: Vec<usize> =
                    (0..b.num_columns()).filter(|&i| b.schema().field(i).name() != "run_id").collect();
                assert!(keep.len() < b.num_columns(), "{f} has a run_id column");
                keep.iter().map(|&i| b.column(i).clone()).collect()
            })
            .collect()
    };
    for f in
        ["forecast.parquet", "shortage.parquet", "sensitivity.parquet", "quota_foreign.parquet", "quota_kandas.parquet"]
    {
        assert!(data(&a.out_dir, f) == data(&c.out_dir, f), "{f} must not depend on the seed");
    }
    assert!(
        data(&a.out_dir, "uncertainty.parquet") != data(&c.out_dir, "uncertainty.parquet"),
        "the simulation follows the seed"
    );
    let (_d, d) = run("[uncertainty]\ndraws = 0\n", 2);
    assert!(!d.out_dir.join("uncertainty.parquet").exists());
    assert!(d.manifest.summary.uncertainty.is_none());
}
