//! The seeded simulation of gaps and quotas: ordered quantiles, the binding ceiling, the seed
//! and the thread count.

use std::fs;
use std::path::Path;

use arrow::array::{Array, Float64Array, Int64Array, StringArray};
use kvota::config::{Config, RunOverrides};
use kvota::pipeline::{self, Quiet};

use crate::support::{parquet_batches, repo};

fn run(extra: &str, threads: usize) -> (tempfile::TempDir, pipeline::RunOutcome) {
    let root = repo();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    fs::write(&path, format!("extends = \"{}\"\nid = \"u\"\n{extra}", root.join("scenarios/baseline.toml").display()))
        .unwrap();
    let mut sc = Config::load(&path, &RunOverrides::default()).unwrap();
    sc.data.panel = root.join(&sc.data.panel);
    sc.data.params = root.join(&sc.data.params);
    sc.data.reference = root.join(&sc.data.reference);
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

fn strings(path: &Path, name: &str) -> Vec<String> {
    parquet_batches(path)
        .iter()
        .flat_map(|b| {
            let c = b.column_by_name(name).unwrap().as_any().downcast_ref::<StringArray>().unwrap().clone();
            (0..c.len()).map(move |i| c.value(i).to_string())
        })
        .collect()
}

#[test]
fn quantiles_are_ordered_and_each_draw_distributes_its_demand() {
    // The top-down path, where the quota follows each draw's gap.
    let (_dir, o) = run("[data]\nemployer_requests = \"\"\n", 2);
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
    let surplus: Vec<f64> = parquet_batches(&u)
        .iter()
        .flat_map(|b| {
            let c = b.column_by_name("share_surplus").unwrap().as_any().downcast_ref::<Float64Array>().unwrap().clone();
            (0..c.len()).map(move |i| c.value(i))
        })
        .collect();
    // A draw rates a cell one way: the shares of shortage and surplus add up to at most 1.
    assert!(share.iter().zip(&surplus).all(|(a, b)| *b >= 0.0 && a + b <= 1.0 + 1e-12));
    // Cells never in shortage in any draw get no quota in any draw.
    for i in 0..share.len() {
        if share[i] == 0.0 {
            assert_eq!((g90[i], q90[i]), (0, 0), "row {i}");
        }
    }
    // Rated cells of the point run: a cell in shortage there is in shortage in most draws or
    // close to the cut-off; a cell the rule calls surplus rarely is.
    let sh = o.out_dir.join("shortage.parquet");
    let ratings = strings(&sh, "rating");
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
    // ... and a cell the rule calls surplus is rated surplus in more draws than a shortage cell.
    let mean_surplus = |r: &str| {
        let v: Vec<f64> = surplus.iter().zip(&ratings).filter(|(_, x)| *x == r).map(|(s, _)| *s).collect();
        v.iter().sum::<f64>() / v.len() as f64
    };
    assert!(
        mean_surplus("surplus") > mean_surplus("shortage"),
        "{} {}",
        mean_surplus("surplus"),
        mean_surplus("shortage")
    );
    // The ceiling does not bind in the baseline: every draw distributes its whole justified
    // demand, which stays below the distributable quota.
    let s = &o.manifest.summary;
    let u = s.uncertainty.as_ref().unwrap();
    assert_eq!((u.draws, u.failed), (200, 0));
    let d = u.justified_demand_p10_p50_p90;
    assert!(d[0] <= d[1] && d[1] <= d[2], "{d:?}");
    assert!(d[2] <= s.distributable, "{d:?} vs {}", s.distributable);
    // Each draw distributes its justified demand but for the local-content limits of small cells.
    let q = u.distributed_p10_p50_p90;
    for k in 0..3 {
        assert!(q[k] <= d[k] && q[k] as f64 >= 0.99 * d[k] as f64, "{q:?} vs {d:?}");
    }
    // A cell's quota is its positive gap: noise in the flows lifts more cells above zero than it
    // drops, so the simulated median total is not below the point estimate (Jensen: E max(0, X)
    // >= max(0, E X)). Many cells are in shortage in fewer than half the draws, so the cells'
    // medians add up to less than the median total, never more than the P90 total.
    assert!(d[1] >= s.distributed, "median {} below the point estimate {}", d[1], s.distributed);
    let total: i64 = q50.iter().sum();
    assert!(total <= d[2] as i64, "medians {total} vs the P90 total {}", d[2]);
}

/// On the default path, vetted request lines, the quota follows the draws through the vetting's
/// one rule that reads the rating: a draw that rates a cell surplus refuses its requests (bar the
/// project exception), one that no longer rates a surplus cell so lets them in.
#[test]
fn vetted_requests_follow_the_draws_through_the_surplus_rule() {
    let (_dir, o) = run("", 2);
    let s = &o.manifest.summary;
    let u = s.uncertainty.as_ref().unwrap();
    assert_eq!((u.draws, u.failed), (200, 0));
    let d = u.justified_demand_p10_p50_p90;
    assert!(d[0] < d[2], "the justified demand varies over the draws: {d:?}");
    assert!(d[1] >= s.justified_demand, "median {} below the point estimate {}", d[1], s.justified_demand);
    let uq = o.out_dir.join("uncertainty.parquet");
    let (q10, q90) = (ints(&uq, "quota_p10"), ints(&uq, "quota_p90"));
    let sh = o.out_dir.join("shortage.parquet");
    let ratings = strings(&sh, "rating");
    // Cells the run rates surplus have every request refused in the point run, but some regain
    // a quota in the draws that rate them otherwise; cells that lose it in some draws exist too.
    let surplus: Vec<usize> = (0..ratings.len()).filter(|&i| ratings[i] == "surplus").collect();
    assert!(!surplus.is_empty());
    assert!(surplus.iter().any(|&i| q90[i] > 0), "no surplus cell regains a quota in any draw");
    assert!(
        (0..ratings.len()).any(|i| ratings[i] != "surplus" && q10[i] == 0 && q90[i] > 0),
        "no cell loses its quota in some draws"
    );
    // docs/methods.md §11 quotes these figures.
    let methods = fs::read_to_string(repo().join("docs/methods.md")).unwrap();
    let n = kvota::fmt::thousands;
    let surplus_back = surplus.iter().filter(|&&i| q90[i] > 0).count();
    let balanced = (0..ratings.len()).filter(|&i| ratings[i] == "balanced").count();
    let balanced_lose = (0..ratings.len()).filter(|&i| ratings[i] == "balanced" && q10[i] == 0 && q90[i] > 0).count();
    for q in [
        format!(
            "justified demand is {} at the point and {} / {} / {} at P10 / P50 / P90",
            n(s.justified_demand),
            n(d[0]),
            n(d[1]),
            n(d[2])
        ),
        format!("the run rates {} cells surplus", surplus.len()),
        format!("all {surplus_back} regain a quota"),
        format!("{balanced_lose} of the {balanced} balanced cells lose theirs"),
    ] {
        assert!(methods.replace('\n', " ").contains(&q), "docs/methods.md §11 does not quote the run: {q}");
    }
}

/// The simulation draws from the forecast intervals; the run's back-test says how often they
/// held on the panel's own past, and warns on the observed variables whose intervals held
/// clearly less (or more) often than their level (`[forecast] coverage_tolerance_points`).
#[test]
fn the_run_warns_when_the_intervals_of_an_observed_variable_missed_their_level() {
    use kvota::warning::Warning;
    let flagged = |o: &pipeline::RunOutcome| -> Vec<(String, bool)> {
        o.manifest
            .warnings
            .iter()
            .filter_map(|w| match w {
                Warning::IntervalCoverage { variable, wide, .. } => Some((variable.clone(), *wide)),
                _ => None,
            })
            .collect()
    };
    for (tolerance, extra) in [(10.0, ""), (2.0, "[forecast]\ncoverage_tolerance_points = 2.0\n")] {
        let (_dir, o) = run(extra, 2);
        let skill = &o.manifest.summary.evidence.forecast_skill;
        assert_eq!(skill.len(), 6);
        let mut expected = Vec::new();
        for s in skill {
            let k = &s.skill;
            assert_eq!(
                k.measured.calibrated_origins, k.origins,
                "{}: every origin of the default panel calibrates",
                k.variable
            );
            assert!(
                (0.0..=1.0).contains(&k.measured.coverage_80) && k.measured.coverage_80 <= k.measured.coverage_95,
                "{k:?}"
            );
            let observed = kvota::evidence::Evidence::parse(&s.status).is_some_and(|e| e.is_observed());
            let (a, b) = (100.0 * k.measured.coverage_80 - 80.0, 100.0 * k.measured.coverage_95 - 95.0);
            if observed && (a < -tolerance || b < -tolerance) {
                expected.push((k.variable.to_string(), false));
            } else if observed && (a > tolerance || b > tolerance) {
                expected.push((k.variable.to_string(), true));
            }
        }
        assert_eq!(flagged(&o), expected, "tolerance {tolerance}");
        if tolerance == 2.0 {
            // The official regional series' 80 % intervals held 74 % and 72 % of the later values.
            assert_eq!(expected, [("labour_force".to_string(), false), ("unemployed".to_string(), false)]);
        }
    }
}

/// `[uncertainty] common_shocks`: each variable's series share a shock in every draw, correlated
/// as the run's back-test measured their errors of one year. On the top-down path the justified
/// demand is a sum over the cells in shortage, so shared shocks must widen its spread (by a
/// fifth on the default panel: the rating and the cut at zero damp it, and the regional supply
/// series barely correlate); the manifest and the report say which draws were made.
#[test]
fn common_shocks_widen_the_spread_of_the_totals() {
    let top_down = "[data]\nemployer_requests = \"\"\n";
    let (_d1, independent) = run(top_down, 2);
    let (_d2, common) = run(&format!("{top_down}[uncertainty]\ncommon_shocks = true\n"), 2);
    let (a, b) = (
        independent.manifest.summary.uncertainty.as_ref().unwrap(),
        common.manifest.summary.uncertainty.as_ref().unwrap(),
    );
    assert!(!a.common_shocks && b.common_shocks);
    assert!(b.method.contains("sharing a shock") && !a.method.contains("sharing a shock"));
    let spread = |u: &kvota::uncertainty::UncertaintySummary| {
        u.justified_demand_p10_p50_p90[2] as f64 - u.justified_demand_p10_p50_p90[0] as f64
    };
    // The back-test's correlations are positive on every cell variable of the default panel.
    let skill = &common.manifest.summary.evidence.forecast_skill;
    assert!(
        skill.iter().filter(|s| s.skill.measured.series == 380).all(|s| s.skill.measured.error_correlation > 0.0),
        "{skill:?}"
    );
    assert!(
        spread(b) > 1.1 * spread(a),
        "P10-P90 of the justified demand: {} with common shocks, {} without",
        spread(b),
        spread(a)
    );
    // The point run is the same; only the draws differ.
    assert_eq!(a.draws, b.draws);
    assert_eq!(independent.manifest.summary.distributed, common.manifest.summary.distributed);
    let report = fs::read_to_string(common.out_dir.join("report.en.html")).unwrap();
    assert!(
        report.contains("share a shock, correlated as the run's back-test measured")
            && !report.contains("independent across series")
    );
    let report = fs::read_to_string(independent.out_dir.join("report.en.html")).unwrap();
    assert!(!report.contains("share a shock") && report.contains("independent across series"));
    // docs/methods.md §11 quotes the widths, and the default (request) path's quantiles.
    let (_d3, requests) = run("[uncertainty]\ncommon_shocks = true\n", 2);
    let q = requests.manifest.summary.uncertainty.as_ref().unwrap().justified_demand_p10_p50_p90;
    let n = |x: f64| kvota::fmt::thousands(x as u64);
    let methods = fs::read_to_string(repo().join("docs/methods.md")).unwrap().replace('\n', " ");
    for quoted in [
        format!("grows from {} to {}", n(spread(a)), n(spread(b))),
        format!("then {} / {} / {}", n(q[0] as f64), n(q[1] as f64), n(q[2] as f64)),
    ] {
        assert!(methods.contains(&quoted), "docs/methods.md §11 does not quote the run: {quoted}");
    }
}

/// Common shocks need the back-test that measures them.
#[test]
fn common_shocks_without_the_back_test_are_refused() {
    let root = repo();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    fs::write(
        &path,
        format!(
            "extends = \"{}\"\nid = \"u\"\n[forecast]\nbacktest_origins = 0\n[uncertainty]\ncommon_shocks = true\n",
            root.join("scenarios/baseline.toml").display()
        ),
    )
    .unwrap();
    let e = Config::load(&path, &RunOverrides::default()).unwrap_err().to_string();
    assert!(e.contains("common_shocks") && e.contains("backtest_origins"), "{e}");
}
