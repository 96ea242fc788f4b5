//! The searches for the automatic rule of series without a season (`m = 1`) on the choice
//! data of the selection protocol (docs/methods.md §3, points 1, 4, 4a, 4c, 4d and 4e): M3 yearly,
//! M3 other and M4 weekly. Held-out data (M1, Kazakhstan) are never read here.
//!
//!     cargo bench -p kvota-forecast --bench choice              # 4a: combinations, test splits
//!     cargo bench -p kvota-forecast --bench choice -- gate      # 4c: trend gates, test splits
//!     cargo bench -p kvota-forecast --bench choice -- short     # 4d: both, on short windows
//!     cargo bench -p kvota-forecast --bench choice -- panel     # 4e: selection by a panel's back-test
//!
//! Every pool member forecasts every series once; each candidate rule (median or mean, step
//! by step, of 2 to 5 members, members that cannot be fitted left out as `auto` leaves them
//! out; or a gate sending the series whose drift t-statistic is below a threshold to another
//! rule) is scored by MASE on each set relative to the best single pool member of that set.
//! 4a: the lowest mean relative MASE among the candidates no worse than the current rule
//! (`auto_rule`) by more than 1 % on any set, then the cheapest candidate within 0.5 % of that
//! score (members' fitting time on the three sets, summed). 4c and 4d compare with the rules
//! they were written against (a6af9be's, and its gate of 72b04e9) and keep the current rule
//! unless the best candidate beats it by more than 0.5 %. Prints the pool's scores and times,
//! the current rule, the chosen one and the 15 best candidates. Checks that it scores `auto` as
//! the engine forms it. Skips with a message when the data are absent.

use std::path::PathBuf;
use std::time::Instant;

use kvota_forecast::combine::Combiner;
use kvota_forecast::engine::{ModelSpec, auto_rule, forecast_with_fallback};
use kvota_forecast::mcomp;
use kvota_forecast::metrics::mase_scale;
use kvota_forecast::seasonal::SeasonalPolicy;
use kvota_forecast::stats::{drift_t, median};
use rayon::prelude::*;

const POOL: [ModelSpec; 15] = [
    ModelSpec::Naive,
    ModelSpec::Naive2,
    ModelSpec::Drift,
    ModelSpec::SesEts,
    ModelSpec::Holt,
    ModelSpec::Damped,
    ModelSpec::Theta,
    ModelSpec::Otm,
    ModelSpec::Dstm,
    ModelSpec::Dotm,
    ModelSpec::AutoEts,
    ModelSpec::AutoEtsA,
    ModelSpec::Ces,
    ModelSpec::AutoArima,
    ModelSpec::AutoArimaCss,
];

/// A candidate rule: its MASE per set, its score (mean relative MASE) and its members' cost.
struct Cand {
    label: String,
    mase: Vec<f64>,
    score: f64,
    cost: f64,
}

const THRESHOLDS: [f64; 7] = [0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0];

/// The rule of a6af9be (point 4a's choice): the rule above the threshold in points 4c and 4d.
const RULE_A6AF9BE: [ModelSpec; 4] = [ModelSpec::Drift, ModelSpec::Damped, ModelSpec::Dotm, ModelSpec::AutoArimaCss];
/// The gate of 72b04e9 (point 4c's choice), the current rule of point 4d: below a drift
/// t-statistic of 1.5 the mean of these, above it the median of `RULE_A6AF9BE`.
const GATE_72B04E9: (f64, [ModelSpec; 2]) = (1.5, [ModelSpec::Naive2, ModelSpec::AutoArimaCss]);

fn score(mase: &[f64], best: &[f64]) -> f64 {
    mase.iter().zip(best).map(|(m, b)| m / b).sum::<f64>() / mase.len() as f64
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len() as f64
}

fn pool_index(specs: &[ModelSpec]) -> Vec<usize> {
    specs.iter().map(|m| POOL.iter().position(|p| p == m).expect("member in pool")).collect()
}

/// Rule B of a gate: a single pool model (with its fallbacks), or the median or mean of 2 or 3.
fn gate_rules() -> Vec<(String, Vec<usize>, Option<bool>)> {
    let n = POOL.len();
    let mut rules: Vec<(String, Vec<usize>, Option<bool>)> =
        (0..n).map(|j| (POOL[j].name().to_string(), vec![j], None)).collect();
    for mask in 1u32..(1 << n) {
        if !(2..=3).contains(&mask.count_ones()) {
            continue;
        }
        let members: Vec<usize> = (0..n).filter(|j| mask & (1 << j) != 0).collect();
        let names: Vec<&str> = members.iter().map(|&j| POOL[j].name()).collect();
        for how_median in [true, false] {
            let label = format!("{}({})", if how_median { "median" } else { "mean" }, names.join(","));
            rules.push((label, members.clone(), Some(how_median)));
        }
    }
    rules
}

/// Every gated candidate: below each threshold rule B, above it the rule whose per-series
/// errors are `above` (cost `above_cost`).
fn gated(sets: &[Set], best: &[f64], cost: &[f64], above: &[Vec<f64>], above_cost: f64) -> Vec<Cand> {
    gate_rules()
        .par_iter()
        .flat_map_iter(|(label, members, how)| {
            let mut buf = Vec::new();
            let err: Vec<Vec<f64>> = sets
                .iter()
                .map(|s| match how {
                    None => s.errors(|i, k| s.single[members[0]][i][k]),
                    Some(m) => s.errors(|i, k| s.combined(members, *m, i, k, &mut buf)),
                })
                .collect();
            let rule_cost: f64 = members.iter().map(|&j| cost[j]).sum::<f64>() + above_cost;
            THRESHOLDS.into_iter().map(move |c| {
                let mase: Vec<f64> = sets
                    .iter()
                    .enumerate()
                    .map(|(d, s)| {
                        let total: f64 = (0..s.test.len())
                            .map(|i| if s.drift_t[i].is_some_and(|t| t < c) { err[d][i] } else { above[d][i] })
                            .sum();
                        total / s.test.len() as f64
                    })
                    .collect();
                Cand { label: format!("T < {c}: {label}"), score: score(&mase, best), mase, cost: rule_cost }
            })
        })
        .collect()
}

/// One choice set with every pool member's forecasts.
struct Set {
    h: usize,
    /// Per series: the test values and the in-sample MASE scale.
    test: Vec<Vec<f64>>,
    scale: Vec<f64>,
    /// `member[j][i]`: member j's forecast of series i as a member of a combination (None
    /// where it cannot be fitted); `single[j][i]`: as a single model, with the fallbacks.
    member: Vec<Vec<Option<Vec<f64>>>>,
    single: Vec<Vec<Vec<f64>>>,
    seconds: Vec<f64>,
    /// Per series: the drift t-statistic of its training values (point 4c's gate feature).
    drift_t: Vec<Option<f64>>,
}

impl Set {
    fn mase_of(&self, mut f: impl FnMut(usize, usize) -> f64) -> f64 {
        let mut total = 0.0;
        for (i, (t, s)) in self.test.iter().zip(&self.scale).enumerate() {
            let e: f64 = t.iter().enumerate().map(|(k, y)| (y - f(i, k)).abs()).sum();
            total += e / self.h as f64 / s;
        }
        total / self.test.len() as f64
    }

    /// Per series, the scaled mean absolute error of forecasts `f(i, k)` (their mean is MASE).
    fn errors(&self, mut f: impl FnMut(usize, usize) -> f64) -> Vec<f64> {
        let mut out = Vec::with_capacity(self.test.len());
        for (i, (t, s)) in self.test.iter().zip(&self.scale).enumerate() {
            let e: f64 = t.iter().enumerate().map(|(k, y)| (y - f(i, k)).abs()).sum();
            out.push(e / self.h as f64 / s);
        }
        out
    }

    /// A combination's forecast of series i at step k, as `engine::combination` forms it.
    fn combined(&self, members: &[usize], how_median: bool, i: usize, k: usize, buf: &mut Vec<f64>) -> f64 {
        buf.clear();
        buf.extend(members.iter().filter_map(|&j| self.member[j][i].as_ref().map(|f| f[k])));
        if buf.is_empty() {
            // Nothing fitted: `auto` falls back to Theta.
            return self.single[6][i][k];
        }
        if how_median { median(buf) } else { buf.iter().sum::<f64>() / buf.len() as f64 }
    }

    fn single_mase(&self, j: usize) -> f64 {
        self.mase_of(|i, k| self.single[j][i][k])
    }

    /// A combination of members, as `engine::combination` forms it.
    fn combined_mase(&self, members: &[usize], how_median: bool) -> f64 {
        let mut buf = Vec::with_capacity(members.len());
        self.mase_of(|i, k| self.combined(members, how_median, i, k, &mut buf))
    }
}

fn load(name: &'static str, series: Vec<mcomp::Series>) -> Set {
    let h = series[0].test.len();
    let m = series[0].m;
    assert_eq!(m, 1, "{name}: the search is for series without a season");
    let mut member = Vec::new();
    let mut single = Vec::new();
    let mut seconds = Vec::new();
    for spec in POOL {
        let t = Instant::now();
        let out: Vec<(Option<Vec<f64>>, Vec<f64>)> = series
            .par_iter()
            .map(|s| {
                let own = spec.forecast_with(&s.train, m, h, &[], SeasonalPolicy::Always).ok().map(|f| f.point);
                let single = match &own {
                    Some(p) => p.clone(),
                    None => forecast_with_fallback(spec, &s.train, m, h, &[]).expect("forecast").forecast.point,
                };
                (own, single)
            })
            .collect();
        seconds.push(t.elapsed().as_secs_f64());
        let (a, b): (Vec<_>, Vec<_>) = out.into_iter().unzip();
        member.push(a);
        single.push(b);
    }
    // The check that this bench scores `auto` as the engine forms it.
    let auto: Vec<Vec<f64>> =
        series.par_iter().map(|s| ModelSpec::Auto.forecast(&s.train, m, h, &[]).expect("auto").point).collect();
    let set = Set {
        h,
        test: series.iter().map(|s| s.test.clone()).collect(),
        scale: series.iter().map(|s| mase_scale(&s.train, m)).collect(),
        member,
        single,
        seconds,
        drift_t: series.iter().map(|s| drift_t(&s.train)).collect(),
    };
    let (members, how) = auto_rule(1);
    let idx = pool_index(members);
    let direct = set.mase_of(|i, k| auto[i][k]);
    let rebuilt = set.combined_mase(&idx, how == Combiner::Median);
    assert!((direct - rebuilt).abs() < 1e-12, "{name}: auto {direct} but rebuilt {rebuilt}");
    set
}

fn main() {
    let gate = std::env::args().skip(1).any(|a| a == "gate");
    let panel = std::env::args().skip(1).any(|a| a == "panel");
    let short = panel || std::env::args().skip(1).any(|a| a == "short");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data-raw");
    if !root.join("m3").exists() || !root.join("m4").exists() {
        println!("skipped: {} or m4 not found (the choice data live in ../shared/data-raw)", root.join("m3").display());
        return;
    }
    let t = Instant::now();
    let cut = |s: Vec<mcomp::Series>| if short { windows(&s) } else { s };
    let raw = [
        mcomp::m3(&root.join("m3"), "YEARLY").expect("M3"),
        mcomp::m3(&root.join("m3"), "OTHER").expect("M3"),
        mcomp::m4(&root.join("m4"), "Weekly").expect("M4"),
    ];
    let sets = [
        load("M3 yearly", cut(raw[0].clone())),
        load("M3 other", cut(raw[1].clone())),
        load("M4 weekly", cut(raw[2].clone())),
    ];
    if short {
        let n: Vec<String> = sets.iter().map(|s| s.test.len().to_string()).collect();
        println!("point 4d: windows of 8, 12, 16 and 20 training values, h = 5: {} windows", n.join(" / "));
    }
    println!("forecasts of the pool: {:.1} s", t.elapsed().as_secs_f64());
    println!("\npool (MASE per set; fitting seconds summed over the sets, {} threads)", rayon::current_num_threads());
    let single: Vec<Vec<f64>> = sets.iter().map(|s| (0..POOL.len()).map(|j| s.single_mase(j)).collect()).collect();
    let best: Vec<f64> = single.iter().map(|v| v.iter().copied().fold(f64::INFINITY, f64::min)).collect();
    let cost: Vec<f64> = (0..POOL.len()).map(|j| sets.iter().map(|s| s.seconds[j]).sum()).collect();
    for (j, spec) in POOL.iter().enumerate() {
        let row: Vec<String> = single.iter().map(|v| format!("{:>7.3}", v[j])).collect();
        println!("  {:<14} {}  {:>7.2} s", spec.name(), row.join(" "), cost[j]);
    }
    let bests: Vec<String> = best.iter().map(|b| format!("{b:>7.3}")).collect();
    println!("  {:<14} {}", "best single", bests.join(" "));

    let make = |members: &[usize], how_median: bool| -> Cand {
        let mase: Vec<f64> = sets.iter().map(|s| s.combined_mase(members, how_median)).collect();
        let score = mase.iter().zip(&best).map(|(m, b)| m / b).sum::<f64>() / sets.len() as f64;
        let names: Vec<&str> = members.iter().map(|&j| POOL[j].name()).collect();
        Cand {
            label: format!("{}({})", if how_median { "median" } else { "mean" }, names.join(",")),
            mase,
            score,
            cost: members.iter().map(|&j| cost[j]).sum(),
        }
    };
    let (members, how) = auto_rule(1);
    let current = make(&pool_index(members), how == Combiner::Median);
    if panel {
        panel_search(&sets, &raw, &best);
        return;
    }
    if short {
        short_search(&sets, &best, &cost);
        return;
    }
    if gate {
        gate_search(&sets, &best, &cost, &pool_index(&RULE_A6AF9BE), true);
        return;
    }

    let n = POOL.len();
    let masks: Vec<u32> = (1u32..(1 << n)).filter(|m| (2..=5).contains(&m.count_ones())).collect();
    let mut cands: Vec<Cand> = masks
        .par_iter()
        .flat_map_iter(|&mask| {
            let members: Vec<usize> = (0..n).filter(|j| mask & (1 << j) != 0).collect();
            [make(&members, true), make(&members, false)]
        })
        .collect();
    let total = cands.len();
    cands.retain(|c| c.mase.iter().zip(&current.mase).all(|(m, cur)| *m <= cur * 1.01));
    cands.sort_by(|a, b| a.score.total_cmp(&b.score).then(a.label.cmp(&b.label)));
    println!("\ncurrent rule");
    show(&current);
    println!(
        "\n{} candidates, {} no worse than the current rule by more than 1 % on any set; the best 15:",
        total,
        cands.len()
    );
    for c in cands.iter().take(15) {
        show(c);
    }
    let Some(chosen) = cheapest_near_best(&cands) else {
        println!("\nno candidate qualifies: the rule stays");
        return;
    };
    println!("\nchosen (cheapest within 0.5 % of the best score)");
    show(chosen);
    println!(
        "mean relative MASE: current {:.4}, chosen {:.4} ({:+.2} %); cost {:.2} s -> {:.2} s",
        current.score,
        chosen.score,
        100.0 * (chosen.score / current.score - 1.0),
        current.cost,
        chosen.cost
    );
}

/// Point 4c of the selection protocol: series whose drift t-statistic is below a threshold are
/// forecast by rule B, the others by the rule without a gate (`auto_rule`).
fn gate_search(sets: &[Set], best: &[f64], cost: &[f64], current: &[usize], current_median: bool) {
    let mut buf = Vec::new();
    let cur_err: Vec<Vec<f64>> =
        sets.iter().map(|s| s.errors(|i, k| s.combined(current, current_median, i, k, &mut buf))).collect();
    let cur_mase: Vec<f64> = cur_err.iter().map(|e| mean(e)).collect();
    let cur_score = score(&cur_mase, best);
    println!("\nshare of series below each threshold (M3 yearly, M3 other, M4 weekly)");
    for c in THRESHOLDS {
        let shares: Vec<String> = sets
            .iter()
            .map(|s| {
                let below = s.drift_t.iter().filter(|t| t.is_some_and(|t| t < c)).count();
                format!("{:>5.1} %", 100.0 * below as f64 / s.drift_t.len() as f64)
            })
            .collect();
        println!("  T < {c:<4} {}", shares.join(" "));
    }
    // Point 4c's cost counts rule B's members only.
    let mut cands = gated(sets, best, cost, &cur_err, 0.0);
    let total = cands.len();
    cands.retain(|c| c.mase.iter().zip(&cur_mase).all(|(m, cur)| *m <= cur * 1.01));
    cands.sort_by(|a, b| a.score.total_cmp(&b.score).then(a.label.cmp(&b.label)));
    println!("\nthe rule without a gate (a6af9be)");
    show(&Cand { label: "current".into(), mase: cur_mase, score: cur_score, cost: 0.0 });
    println!(
        "\n{total} candidates, {} no worse than the current rule by more than 1 % on any set; the best 15:",
        cands.len()
    );
    for c in cands.iter().take(15) {
        show(c);
    }
    decide(&cands, cur_score, "cheapest B within 0.5 % of the best score");
}

fn show(c: &Cand) {
    let row: Vec<String> = c.mase.iter().map(|m| format!("{m:>7.3}")).collect();
    println!("  {:<62} {}  score {:.4}  cost {:>6.2} s", c.label, row.join(" "), c.score, c.cost);
}

/// Among candidates sorted by score, the cheapest within 0.5 % of the best (points 4a, 4c, 4d).
fn cheapest_near_best(cands: &[Cand]) -> Option<&Cand> {
    let top = cands.first()?;
    cands
        .iter()
        .filter(|c| c.score <= top.score * 1.005)
        .min_by(|a, b| a.cost.total_cmp(&b.cost).then(a.score.total_cmp(&b.score)))
}

/// The decision of points 4c and 4d: the best qualifying candidate must beat the current rule
/// by more than 0.5 %; then the cheapest within 0.5 % of the best score is chosen.
fn decide(cands: &[Cand], cur_score: f64, what: &str) {
    let Some(top) = cands.first() else {
        println!("\nno candidate qualifies: the rule stays");
        return;
    };
    if top.score >= cur_score * (1.0 - 0.005) {
        println!(
            "\nthe best candidate beats the current rule by {:.2} %, not more than 0.5 %: the rule stays",
            100.0 * (1.0 - top.score / cur_score)
        );
        return;
    }
    let chosen = cheapest_near_best(cands).expect("a candidate");
    println!("\nchosen ({what})");
    show(chosen);
    println!(
        "mean relative MASE over the three sets: current {:.4}, chosen {:.4} ({:+.2} %)",
        cur_score,
        chosen.score,
        100.0 * (chosen.score / cur_score - 1.0)
    );
}

/// Point 4d: the windows of point 4b (every series cut at 8, 12, 16 and 20 training values
/// where 5 more follow), one set per data set.
fn windows(series: &[mcomp::Series]) -> Vec<mcomp::Series> {
    let mut out = Vec::new();
    for (s, _) in windows_keyed(series) {
        out.push(s);
    }
    out
}

/// The windows of [`windows`] with (index of the series, cut) of each, in the same order.
fn windows_keyed(series: &[mcomp::Series]) -> Vec<(mcomp::Series, (usize, usize))> {
    let mut out = Vec::new();
    for (si, s) in series.iter().enumerate() {
        let full = [s.train.as_slice(), s.test.as_slice()].concat();
        for cut in [8, 12, 16, 20] {
            if full.len() >= cut + 5 {
                out.push((
                    mcomp::Series {
                        id: format!("{}@{cut}", s.id),
                        period: s.period.clone(),
                        m: s.m,
                        train: full[..cut].to_vec(),
                        test: full[cut..cut + 5].to_vec(),
                    },
                    (si, cut),
                ));
            }
        }
    }
    out
}

/// Point 4d: the rules of 4a and the gates of 4c against the current (gated) rule on the
/// short windows.
fn short_search(sets: &[Set], best: &[f64], cost: &[f64]) {
    let (threshold, g) = GATE_72B04E9;
    let (a, g) = (pool_index(&RULE_A6AF9BE), pool_index(&g));
    let (a_median, g_median) = (true, false);
    let mut buf = Vec::new();
    let a_err: Vec<Vec<f64>> = sets.iter().map(|s| s.errors(|i, k| s.combined(&a, a_median, i, k, &mut buf))).collect();
    let cur_err: Vec<Vec<f64>> = sets
        .iter()
        .enumerate()
        .map(|(d, s)| {
            let g_err = s.errors(|i, k| s.combined(&g, g_median, i, k, &mut buf));
            (0..s.test.len())
                .map(|i| if s.drift_t[i].is_some_and(|t| t < threshold) { g_err[i] } else { a_err[d][i] })
                .collect()
        })
        .collect();
    let a_cost: f64 = a.iter().map(|&j| cost[j]).sum();
    let cur_mase: Vec<f64> = cur_err.iter().map(|e| mean(e)).collect();
    let current = Cand {
        label: "current rule (gate of 72b04e9)".into(),
        score: score(&cur_mase, best),
        mase: cur_mase,
        cost: a_cost + g.iter().map(|&j| cost[j]).sum::<f64>(),
    };
    let n = POOL.len();
    let masks: Vec<u32> = (1u32..(1 << n)).filter(|m| (2..=5).contains(&m.count_ones())).collect();
    let mut cands: Vec<Cand> = masks
        .par_iter()
        .flat_map_iter(|&mask| {
            let members: Vec<usize> = (0..n).filter(|j| mask & (1 << j) != 0).collect();
            let names: Vec<&str> = members.iter().map(|&j| POOL[j].name()).collect();
            [true, false].map(|how_median| {
                let mase: Vec<f64> = sets.iter().map(|s| s.combined_mase(&members, how_median)).collect();
                Cand {
                    label: format!("{}({})", if how_median { "median" } else { "mean" }, names.join(",")),
                    score: score(&mase, best),
                    mase,
                    cost: members.iter().map(|&j| cost[j]).sum(),
                }
            })
        })
        .collect();
    let ungated = cands.len();
    let a_label: Vec<&str> = a.iter().map(|&j| POOL[j].name()).collect();
    for mut c in gated(sets, best, cost, &a_err, a_cost) {
        c.label = format!("{}, else median({})", c.label, a_label.join(","));
        cands.push(c);
    }
    let total = cands.len();
    cands.retain(|c| c.mase.iter().zip(&current.mase).all(|(m, cur)| *m <= cur * 1.01));
    cands.sort_by(|x, y| x.score.total_cmp(&y.score).then(x.label.cmp(&y.label)));
    println!("\nshare of windows with T < {threshold}: {}", {
        let v: Vec<String> = sets
            .iter()
            .map(|s| {
                let below = s.drift_t.iter().filter(|t| t.is_some_and(|t| t < threshold)).count();
                format!("{:.1} %", 100.0 * below as f64 / s.drift_t.len() as f64)
            })
            .collect();
        v.join(", ")
    });
    println!("\ncurrent rule");
    show(&current);
    let a_only = Cand {
        label: format!("median({}) without the gate (a6af9be)", a_label.join(",")),
        score: 0.0,
        mase: a_err.iter().map(|e| mean(e)).collect(),
        cost: a_cost,
    };
    show(&Cand { score: score(&a_only.mase, best), ..a_only });
    println!(
        "\n{total} candidates ({ungated} combinations, {} gated), {} no worse than the current rule by more than 1 % on any set; the best 15:",
        total - ungated,
        cands.len()
    );
    for c in cands.iter().take(15) {
        show(c);
    }
    if let Some(c) = cands.iter().find(|c| !c.label.starts_with("T <")) {
        println!("best combination without a gate:");
        show(c);
    }
    decide(&cands, current.score, "cheapest within 0.5 % of the best score");
}

// ---- Point 4e: selection by a panel's own back-test -------------------------------------------

/// Point 4e: series per panel (point 4b's panels of 18 consecutive series sharing a cut).
const PANEL: usize = 18;
/// Point 4e: the fewest values an inner fit may use.
const INNER_MIN_FIT: usize = 6;

/// One candidate of point 4e.
#[derive(Clone, Copy)]
struct PanelRule {
    /// Pool indices of the members of S besides `auto` (one or two; `usize::MAX` for none).
    others: [usize; 2],
    r: usize,
    by_series: bool,
    delta: f64,
}

/// The scaled inner errors of one window: per inner origin (in order j = 1, 2, 3), the mean
/// scaled absolute error of each pool member (as a single model) and, last, of `auto`.
fn inner_errors(train: &[f64], h: usize) -> Vec<Vec<f64>> {
    let n = train.len();
    let k = h.min(n.saturating_sub(INNER_MIN_FIT));
    let mut out = Vec::new();
    if k == 0 {
        return out;
    }
    let (members, how) = auto_rule(1);
    for j in 1..=3 {
        let end = n - (j - 1);
        if end < k + INNER_MIN_FIT {
            break;
        }
        let (fit, test) = (&train[..end - k], &train[end - k..end]);
        let scale = mase_scale(fit, 1);
        if !(scale.is_finite() && scale > 0.0) {
            continue;
        }
        let err = |p: &[f64]| test.iter().zip(p).map(|(y, f)| (y - f).abs()).sum::<f64>() / k as f64 / scale;
        let mut row: Vec<f64> = POOL
            .iter()
            .map(|spec| err(&forecast_with_fallback(*spec, fit, 1, k, &[]).expect("forecast").forecast.point))
            .collect();
        let own: Vec<kvota_forecast::Forecast> =
            members.iter().filter_map(|m| m.forecast_with(fit, 1, k, &[], SeasonalPolicy::Always).ok()).collect();
        let auto = if own.is_empty() {
            forecast_with_fallback(ModelSpec::Theta, fit, 1, k, &[]).expect("theta").forecast.point
        } else {
            kvota_forecast::combine::combine(&own, how).point
        };
        row.push(err(&auto));
        out.push(row);
    }
    out
}

/// The model each window of a set is forecast by under `rule` (`POOL.len()` = `auto`).
fn panel_choices(rule: &PanelRule, inner: &[Vec<Vec<f64>>], panels: &[Vec<usize>]) -> Vec<usize> {
    let auto = POOL.len();
    let mut choice = vec![auto; inner.len()];
    let pick = |windows: &[usize]| -> usize {
        let mean_of = |q: usize| -> Option<f64> {
            let v: Vec<f64> = windows
                .iter()
                .flat_map(|&i| inner[i].iter().take(rule.r).map(move |row| row[q]))
                .filter(|e| e.is_finite())
                .collect();
            (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
        };
        let Some(a) = mean_of(auto) else { return auto };
        let best = rule
            .others
            .iter()
            .filter(|&&q| q != usize::MAX)
            .filter_map(|&q| mean_of(q).map(|e| (q, e)))
            .min_by(|x, y| x.1.total_cmp(&y.1));
        match best {
            Some((q, e)) if e < a * (1.0 - rule.delta) => q,
            _ => auto,
        }
    };
    for p in panels {
        if rule.by_series {
            for &i in p {
                choice[i] = pick(&[i]);
            }
        } else {
            let q = pick(p);
            for &i in p {
                choice[i] = q;
            }
        }
    }
    choice
}

fn panel_search(sets: &[Set], raw: &[Vec<mcomp::Series>], best: &[f64]) {
    let t = Instant::now();
    // Per set: the windows' panels and inner errors, and the outer errors of auto and the pool.
    let mut panels_of: Vec<Vec<Vec<usize>>> = Vec::new();
    let mut inner_of: Vec<Vec<Vec<Vec<f64>>>> = Vec::new();
    let mut outer_of: Vec<Vec<Vec<f64>>> = Vec::new();
    let (members, how) = auto_rule(1);
    let auto_idx = pool_index(members);
    for (set, series) in sets.iter().zip(raw) {
        let keyed = windows_keyed(series);
        assert_eq!(keyed.len(), set.test.len(), "the windows of point 4d");
        let mut groups: std::collections::BTreeMap<(usize, usize), Vec<usize>> = Default::default();
        for (i, (_, (si, cut))) in keyed.iter().enumerate() {
            groups.entry((si / PANEL, *cut)).or_default().push(i);
        }
        panels_of.push(groups.into_values().collect());
        inner_of.push(keyed.par_iter().map(|(w, _)| inner_errors(&w.train, set.h)).collect());
        let mut buf = Vec::new();
        let mut outer: Vec<Vec<f64>> = (0..POOL.len()).map(|j| set.errors(|i, k| set.single[j][i][k])).collect();
        outer.push(set.errors(|i, k| set.combined(&auto_idx, how == Combiner::Median, i, k, &mut buf)));
        outer_of.push(outer);
    }
    let n_panels: Vec<String> = panels_of.iter().map(|p| p.len().to_string()).collect();
    println!("\npoint 4e: {} panels; inner back-tests {:.1} s", n_panels.join(" / "), t.elapsed().as_secs_f64());
    let auto = POOL.len();
    let cur_mase: Vec<f64> = outer_of.iter().map(|o| mean(&o[auto])).collect();
    let current = Cand {
        label: "current rule (auto of d23b818)".into(),
        score: score(&cur_mase, best),
        mase: cur_mase,
        cost: 0.0,
    };
    let n = POOL.len();
    let mut rules = Vec::new();
    for a in 0..n {
        for b in a..n {
            let others = if a == b { [a, usize::MAX] } else { [a, b] };
            for r in [1, 3] {
                for by_series in [false, true] {
                    for delta in [0.0, 0.05, 0.10] {
                        rules.push(PanelRule { others, r, by_series, delta });
                    }
                }
            }
        }
    }
    let mut cands: Vec<(Cand, Vec<f64>)> = rules
        .par_iter()
        .map(|rule| {
            let mut switched = Vec::new();
            let mase: Vec<f64> = (0..sets.len())
                .map(|d| {
                    let choice = panel_choices(rule, &inner_of[d], &panels_of[d]);
                    switched.push(choice.iter().filter(|&&q| q != auto).count() as f64 / choice.len() as f64);
                    mean(&choice.iter().enumerate().map(|(i, &q)| outer_of[d][q][i]).collect::<Vec<f64>>())
                })
                .collect();
            let names: Vec<&str> = rule.others.iter().filter(|&&q| q != usize::MAX).map(|&q| POOL[q].name()).collect();
            let size = names.len() as f64;
            let label = format!(
                "auto|{} r={} {} delta={:.0}%",
                names.join(","),
                rule.r,
                if rule.by_series { "series" } else { "panel" },
                100.0 * rule.delta
            );
            let cost = size * 100.0 + (rule.r - 1) as f64 * 10.0 + (0.10 - rule.delta) * 100.0;
            (Cand { label, score: score(&mase, best), mase, cost }, switched)
        })
        .collect();
    let total = cands.len();
    cands.retain(|(c, _)| c.mase.iter().zip(&current.mase).all(|(m, cur)| *m <= cur * 1.01));
    cands.sort_by(|x, y| x.0.score.total_cmp(&y.0.score).then(x.0.label.cmp(&y.0.label)));
    println!("\ncurrent rule");
    show(&current);
    println!(
        "\n{total} candidates, {} no worse than the current rule by more than 1 % on any set; the best 15 (share of windows switched away from auto per set):",
        cands.len()
    );
    for (c, sw) in cands.iter().take(15) {
        show(c);
        let v: Vec<String> = sw.iter().map(|x| format!("{:.1} %", 100.0 * x)).collect();
        println!("      switched {}", v.join(" / "));
    }
    if let Some((c, sw)) = cands.iter().find(|(c, _)| c.label.starts_with("auto|naive")) {
        let v: Vec<String> = sw.iter().map(|x| format!("{:.1} %", 100.0 * x)).collect();
        println!("best qualifying candidate with the random walk in S (switched {}):", v.join(" / "));
        show(c);
    }
    let only: Vec<Cand> = cands.into_iter().map(|(c, _)| c).collect();
    decide(&only, current.score, "cheapest within 0.5 % of the best score: fewest members, r = 1, largest delta");
}
