//! Held-out accuracy of the forecasting engine (issue 20): the data sets that were never used to
//! choose the automatic rule, under the protocol of `docs/methods.md` §3 — M1 yearly, quarterly
//! and monthly, and Kazakhstan's official labour series by rolling origin (K1-K5; K6 added for the next
//! choice, point 2a); the fresh sets of point 2b (K7 NEET share by region, U1-U3 US states'
//! employment and unemployment rates and US employment by industry), with the rule of a6af9be
//! recomputed from its members beside `auto`.
//!
//!     cargo bench --bench forecast_heldout                    # every set, every model
//!     cargo bench --bench forecast_heldout -- k1 m1-yearly    # some sets (k7 u1 u2 u3: point 2b)
//!     cargo bench --bench forecast_heldout -- --tasks FILE    # only write the tasks (for peers)
//!     cargo bench --bench forecast_heldout -- --peer FILE     # also score a peer's forecasts
//!
//! Per set and model: MASE per horizon (Kazakhstan sets) and over all horizons, sMAPE, and the
//! coverage of the 80 % and 95 % intervals calibrated as `kvota run` calibrates them (across
//! the series of the set, on their training data at each origin; with fewer than 20 series
//! long enough, the model's own intervals, as `kvota run` keeps them). `--tasks` writes every
//! (set, series, origin) with its training and test values, so that
//! `benches/peers/kz_backtest_statsforecast.py` forecasts exactly the same origins; `--peer`
//! reads its forecasts (`set, task, model, step, mean, lo-80, hi-80, lo-95, hi-95`) and scores
//! them with the same code. M1 needs `../shared/data-raw/m1`, K5 the BNS spreadsheet in
//! `../shared/data-raw/kz-open-data-kazakhstan` (each set prints `skipped` without its data).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use kvota::forecast::calibrate::calibrate;
use kvota::forecast::combine::{Combiner, combine};
use kvota::forecast::engine::{ModelSpec, forecast_with_fallback};
use kvota::forecast::metrics::{mase_scale, smape};
use kvota::ingest::text::Period;
use rayon::prelude::*;

const LEVELS: [f64; 2] = [80.0, 95.0];

/// One forecast to make: the training values, the test values, the origin it belongs to
/// (forecasts of one origin are calibrated together).
struct Task {
    series: String,
    origin: usize,
    train: Vec<f64>,
    test: Vec<f64>,
}

struct Set {
    name: &'static str,
    m: usize,
    h: usize,
    tasks: Vec<Task>,
    note: String,
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn shared() -> PathBuf {
    repo().join("../shared/data-raw")
}

// ---- M1 -------------------------------------------------------------------------------------

fn unwrap1(v: &serde_json::Value) -> &serde_json::Value {
    match v {
        serde_json::Value::Array(a) if a.len() == 1 => &a[0],
        x => x,
    }
}

fn m1(period: &str) -> Option<Set> {
    let path = shared().join("m1/m1_data.json");
    let text = std::fs::read_to_string(&path).ok()?;
    let all: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&text).expect("M1 JSON");
    let nums = |v: &serde_json::Value| -> Vec<f64> {
        v.as_array().expect("values").iter().map(|x| x.as_f64().expect("a number")).collect()
    };
    let mut tasks = Vec::new();
    for (id, s) in &all {
        if unwrap1(&s["period"]).as_str() != Some(period) {
            continue;
        }
        tasks.push(Task { series: id.clone(), origin: 0, train: nums(&s["x"]), test: nums(&s["xx"]) });
    }
    let (name, m) = match period {
        "YEARLY" => ("m1-yearly", 1),
        "QUARTERLY" => ("m1-quarterly", 4),
        _ => ("m1-monthly", 12),
    };
    let h = tasks[0].test.len();
    Some(Set { name, m, h, note: format!("{} series, test split as published", tasks.len()), tasks })
}

// ---- Kazakhstan ------------------------------------------------------------------------------

/// `key -> (year -> value)` from a CSV with a key column, a year column and a value column.
fn annual_csv(
    rel: &str,
    key: &str,
    value: &str,
    filter: impl Fn(&BTreeMap<&str, &str>) -> bool,
) -> BTreeMap<String, BTreeMap<i32, f64>> {
    annual_table(&repo().join(rel), key, value, filter)
}

/// [`annual_csv`] for a file anywhere.
fn annual_table(
    path: &Path,
    key: &str,
    value: &str,
    filter: impl Fn(&BTreeMap<&str, &str>) -> bool,
) -> BTreeMap<String, BTreeMap<i32, f64>> {
    let t = kvota::ingest::table::TextTable::read(path).expect("a readable table");
    let cols = t.columns();
    let all: Vec<Vec<Option<&str>>> = cols.iter().map(|c| t.text(c).expect("column")).collect();
    let year = cols.iter().find(|c| c.eq_ignore_ascii_case("year")).expect("a year column").clone();
    let rows = (0..t.height()).map(|i| -> BTreeMap<&str, &str> {
        cols.iter().zip(&all).map(|(c, v)| (c.as_str(), v[i].unwrap_or(""))).collect()
    });
    let mut out: BTreeMap<String, BTreeMap<i32, f64>> = BTreeMap::new();
    for row in rows.filter(|r| filter(r)) {
        if let (Ok(y), Ok(v)) = (row[year.as_str()].trim().parse::<i32>(), row[value].trim().parse::<f64>()) {
            out.entry(row[key].to_string()).or_default().insert(y, v);
        }
    }
    out
}

/// Rolling origins of annual series: training values up to each origin year (inclusive), test
/// values the next `h` years. A year missing inside a series (2015 in the regional tables) is
/// filled by the geometric mean of its neighbours for training only: no origin tests it.
fn rolling_annual(name: &'static str, data: BTreeMap<String, BTreeMap<i32, f64>>, h: usize, min_train: usize) -> Set {
    let mut tasks = Vec::new();
    let mut left_out = Vec::new();
    for (id, years) in data {
        let (first, last) = (*years.keys().next().unwrap(), *years.keys().last().unwrap());
        let mut values = Vec::new();
        let mut filled = Vec::new();
        for y in first..=last {
            match years.get(&y) {
                Some(v) => values.push(*v),
                None => match (years.get(&(y - 1)), years.get(&(y + 1))) {
                    (Some(a), Some(b)) => {
                        values.push((a * b).sqrt());
                        filled.push(y);
                    }
                    _ => {
                        values.clear();
                        break;
                    }
                },
            }
        }
        let n = values.len();
        if n < min_train + h {
            left_out.push(format!("{id} ({n} years)"));
            continue;
        }
        for end in min_train..=n - h {
            let origin_year = first + end as i32 - 1;
            if filled.iter().any(|&y| y > origin_year && y <= origin_year + h as i32) {
                continue;
            }
            tasks.push(Task {
                series: id.clone(),
                origin: origin_year as usize,
                train: values[..end].to_vec(),
                test: values[end..end + h].to_vec(),
            });
        }
    }
    let note = annual_note(&tasks, &left_out, false);
    Set { name, m: 1, h, tasks, note }
}

/// What an annual set holds: series, origins, forecasts (with `training`, the range of training
/// lengths) and the series left out.
fn annual_note(tasks: &[Task], left_out: &[String], training: bool) -> String {
    let (series, origins) = distinct(tasks);
    let lengths = || tasks.iter().map(|t| t.train.len());
    format!(
        "{} series, {} origins ({}-{}), {} forecasts{}{}",
        series.len(),
        origins.len(),
        origins.first().unwrap_or(&0),
        origins.last().unwrap_or(&0),
        tasks.len(),
        if training {
            format!(", training {}-{} years", lengths().min().unwrap_or(0), lengths().max().unwrap_or(0))
        } else {
            String::new()
        },
        if left_out.is_empty() { String::new() } else { format!("; left out: {}", left_out.join(", ")) }
    )
}

/// The distinct series and origins of some tasks.
fn distinct(tasks: &[Task]) -> (std::collections::BTreeSet<&str>, std::collections::BTreeSet<usize>) {
    (tasks.iter().map(|t| t.series.as_str()).collect(), tasks.iter().map(|t| t.origin).collect())
}

fn k_sets(which: &[String]) -> Vec<Set> {
    let want = |n: &str| which.is_empty() || which.iter().any(|w| w == n);
    let mut out = Vec::new();
    let all = |_: &BTreeMap<&str, &str>| true;
    if want("k1") {
        let d = annual_csv("data/raw/bns_employed_by_region.csv", "region_code", "employed_thousand_persons", all);
        out.push(rolling_annual("k1", d, 5, 8));
    }
    if want("k2") {
        let d =
            annual_csv("data/raw/bns_labour_force_by_region.csv", "region_code", "labour_force_thousand_persons", all);
        out.push(rolling_annual("k2", d, 5, 8));
    }
    if want("k3") {
        let d = annual_csv("data/raw/bns_employed_by_section.csv", "oked_section", "employed_thousand_persons", all);
        out.push(rolling_annual("k3", d, 5, 8));
    }
    if want("k4") {
        let only_totals = |r: &BTreeMap<&str, &str>| {
            r["UNIT_MEASURE"] == "PT" && r["SEX"].is_empty() && r["AGE"].is_empty() && r["URBANISATION"].is_empty()
        };
        let mut d = annual_csv("data/raw/bns_sdg_indicator_8-5-2.csv", "REF_AREA", "Value", only_totals);
        if let Some(kz) = d.remove("") {
            d.insert("KZ".into(), kz);
        }
        out.push(rolling_annual("k4", d, 5, 8));
    }
    if want("k5") {
        out.extend(k5());
    }
    if want("k6") {
        // K6, added after the first two rules were reported (docs/methods.md §3, point 2a): the
        // unemployed by region, labour force minus employed, the count `kvota run` forecasts.
        let lf =
            annual_csv("data/raw/bns_labour_force_by_region.csv", "region_code", "labour_force_thousand_persons", all);
        let emp = annual_csv("data/raw/bns_employed_by_region.csv", "region_code", "employed_thousand_persons", all);
        let d: BTreeMap<String, BTreeMap<i32, f64>> = lf
            .iter()
            .filter_map(|(region, years)| {
                let e = emp.get(region)?;
                let u: BTreeMap<i32, f64> =
                    years.iter().filter_map(|(y, l)| e.get(y).map(|e| (*y, l - e))).filter(|(_, u)| *u > 0.0).collect();
                Some((region.clone(), u))
            })
            .collect();
        out.push(rolling_annual("k6", d, 5, 8));
    }
    out.extend(fresh_sets(&want));
    out
}

/// The fresh held-out sets of point 2b (K7, U1-U3), read from `../shared/data-raw`; each prints
/// `skipped` without its file.
fn fresh_sets(want: &dyn Fn(&str) -> bool) -> Vec<Set> {
    let mut out = Vec::new();
    let present = |name: &str, rel: &str| -> Option<PathBuf> {
        let path = shared().join(rel);
        if path.exists() {
            Some(path)
        } else {
            println!("\n{name}: skipped, {} not found", path.display());
            None
        }
    };
    if want("k7")
        && let Some(path) = present("k7", "kz-sdg-kazstat-labour/data_indicator_8-6-1.csv")
    {
        let totals =
            |r: &BTreeMap<&str, &str>| r["UNIT_MEASURE"] == "PT" && r["SEX"].is_empty() && r["URBANISATION"].is_empty();
        let mut d = annual_table(&path, "REF_AREA", "Value", totals);
        if let Some(kz) = d.remove("") {
            d.insert("KZ".into(), kz);
        }
        out.push(rolling_annual("k7", d, 5, 8));
    }
    for (name, column) in [("u1", "emp"), ("u2", "unemp")] {
        if want(name)
            && let Some(path) = present(name, "rdatasets-labour/plm_Produc.csv")
        {
            out.push(rolling_annual(name, annual_table(&path, "state", column, |_| true), 5, 8));
        }
    }
    if want("u3")
        && let Some(path) = present("u3", "rdatasets-labour/fpp3_us_employment.csv.gz")
    {
        out.push(u3(&path));
    }
    out
}

/// U3: US employment by industry (BLS CES via `fpp3::us_employment`), annual means of complete
/// calendar years; the longest run of complete years ending in 2018; the five last origins
/// (test windows ending 2014-2018), every earlier year of the run as training.
fn u3(path: &Path) -> Set {
    use std::io::Read as _;
    let (h, min_train, last_year) = (5usize, 8usize, 2018i32);
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path).expect("the US employment file"))
        .read_to_end(&mut bytes)
        .expect("a gzip file");
    let t = kvota::ingest::table::TextTable::from_bytes(path, &bytes).expect("a CSV table");
    let (month, id, employed) = (t.text("Month").unwrap(), t.text("Series_ID").unwrap(), t.text("Employed").unwrap());
    // series -> year -> (months, sum)
    let mut by: BTreeMap<String, BTreeMap<i32, (u32, f64)>> = BTreeMap::new();
    for i in 0..t.height() {
        let (Some(mo), Some(id), Some(v)) = (month[i], id[i], employed[i]) else { continue };
        let (Ok(y), Ok(v)) = (mo[..4].parse::<i32>(), v.trim().parse::<f64>()) else { continue };
        let e = by.entry(id.to_string()).or_default().entry(y).or_default();
        e.0 += 1;
        e.1 += v;
    }
    let mut tasks = Vec::new();
    let mut left_out = Vec::new();
    for (id, years) in by {
        let mut values = Vec::new();
        let mut y = last_year;
        while let Some(&(12, sum)) = years.get(&y) {
            values.push(sum / 12.0);
            y -= 1;
        }
        values.reverse();
        let n = values.len();
        if n < min_train + h {
            left_out.push(format!("{id} ({n} years)"));
            continue;
        }
        for back in (0..5).rev() {
            let end = n - h - back;
            if end < min_train {
                continue;
            }
            tasks.push(Task {
                series: id.clone(),
                origin: (last_year - h as i32 - back as i32) as usize,
                train: values[..end].to_vec(),
                test: values[end..end + h].to_vec(),
            });
        }
    }
    let note = annual_note(&tasks, &left_out, true);
    Set { name: "u3", m: 1, h, tasks, note }
}

/// K5: the quarterly unemployment rate by region, 2001 Q1 - 2023 Q4, from the BNS spreadsheet.
fn k5() -> Option<Set> {
    let path = shared().join("kz-open-data-kazakhstan/city-unemployment-rate/archive_unemploymentRate.xlsx");
    if !path.exists() {
        println!("\nk5: skipped, {} not found", path.display());
        return None;
    }
    let got = kvota::ingest::read(kvota::ingest::Format::BnsXlsx, &path, None).expect("the BNS spreadsheet");
    let mut by: BTreeMap<String, BTreeMap<(i32, u8), f64>> = BTreeMap::new();
    for r in &got.rows {
        if let (Period::Quarter(y, q), Some(v)) = (r.period, r.value) {
            by.entry(r.region_code.clone()).or_default().insert((y, q), v);
        }
    }
    let (h, min_train, every) = (8, 40, 4);
    let mut tasks = Vec::new();
    let mut left_out = Vec::new();
    for (id, qs) in by {
        // The longest run of consecutive quarters ending at the last one.
        let keys: Vec<(i32, u8)> = qs.keys().copied().collect();
        let idx = |(y, q): (i32, u8)| y * 4 + q as i32;
        let mut start = keys.len() - 1;
        while start > 0 && idx(keys[start]) - idx(keys[start - 1]) == 1 {
            start -= 1;
        }
        let values: Vec<f64> = keys[start..].iter().map(|k| qs[k]).collect();
        let n = values.len();
        if n < min_train + h {
            left_out.push(format!("{id} ({n} quarters)"));
            continue;
        }
        // Origins every fourth quarter, counted back from the last one.
        let mut end = n - h;
        while end >= min_train {
            tasks.push(Task {
                series: id.clone(),
                origin: idx(keys[start + end - 1]) as usize,
                train: values[..end].to_vec(),
                test: values[end..end + h].to_vec(),
            });
            end -= every;
        }
    }
    let (series, origins) = distinct(&tasks);
    let note = format!(
        "{} series, {} origins, {} forecasts; left out: {}",
        series.len(),
        origins.len(),
        tasks.len(),
        left_out.join(", ")
    );
    Some(Set { name: "k5", m: 4, h, tasks, note })
}

// ---- Scoring --------------------------------------------------------------------------------

/// Errors of one model on one set, by step.
#[derive(Default, Clone)]
struct Acc {
    scaled: Vec<Vec<f64>>,
    smape: Vec<f64>,
    cov80: Vec<f64>,
    cov95: Vec<f64>,
}

struct Row {
    model: String,
    mase_by_step: Vec<f64>,
    mase: f64,
    smape: f64,
    cov80: f64,
    cov95: f64,
    calibrated: String,
    secs: f64,
}

fn mean(v: &[f64]) -> f64 {
    let f: Vec<f64> = v.iter().copied().filter(|x| x.is_finite()).collect();
    f.iter().sum::<f64>() / f.len().max(1) as f64
}

/// (point, lower80, upper80, lower95, upper95) of each task.
type Fc = (Vec<f64>, Vec<f64>, Vec<f64>, Vec<f64>, Vec<f64>);

fn score(set: &Set, fcs: &[Option<Fc>]) -> Acc {
    let mut acc = Acc { scaled: vec![Vec::new(); set.h], ..Acc::default() };
    for (t, fc) in set.tasks.iter().zip(fcs) {
        let Some((p, l80, u80, l95, u95)) = fc else { continue };
        let scale = mase_scale(&t.train, set.m);
        for k in 0..set.h {
            if scale > 0.0 {
                acc.scaled[k].push((t.test[k] - p[k]).abs() / scale);
            }
            acc.cov80.push(f64::from(u8::from(t.test[k] >= l80[k] && t.test[k] <= u80[k])));
            acc.cov95.push(f64::from(u8::from(t.test[k] >= l95[k] && t.test[k] <= u95[k])));
        }
        acc.smape.push(smape(&t.test, p));
    }
    acc
}

fn row(model: String, acc: &Acc, calibrated: String, secs: f64) -> Row {
    let by: Vec<f64> = acc.scaled.iter().map(|v| mean(v)).collect();
    let all: Vec<f64> = acc.scaled.iter().flatten().copied().collect();
    Row {
        model,
        mase_by_step: by,
        mase: mean(&all),
        smape: mean(&acc.smape),
        cov80: 100.0 * mean(&acc.cov80),
        cov95: 100.0 * mean(&acc.cov95),
        calibrated,
        secs,
    }
}

fn run_model(set: &Set, spec: ModelSpec) -> Row {
    let t0 = Instant::now();
    let mut fcs: Vec<Option<Fc>> = set
        .tasks
        .par_iter()
        .map(|t| {
            let f = forecast_with_fallback(spec, &t.train, set.m, set.h, &LEVELS).ok()?.forecast;
            Some(f)
        })
        .map(|f| {
            f.map(|f| {
                let (a, b) = (f.interval(80.0).expect("80").clone(), f.interval(95.0).expect("95").clone());
                (f.point, a.lower, a.upper, b.lower, b.upper)
            })
        })
        .collect();
    // Calibration per origin, across the series of the set, on their training data.
    let mut origins: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, t) in set.tasks.iter().enumerate() {
        origins.entry(t.origin).or_default().push(i);
    }
    let mut calibrated = 0;
    for idx in origins.values() {
        let trains: Vec<&[f64]> = idx.iter().map(|&i| set.tasks[i].train.as_slice()).collect();
        let Some(cal) = calibrate(&trains, spec, set.m, set.h, &LEVELS) else { continue };
        calibrated += 1;
        for &i in idx {
            if let Some((p, l80, u80, l95, u95)) = fcs[i].take() {
                let mut f = kvota::forecast::Forecast {
                    point: p,
                    intervals: vec![
                        kvota::forecast::Interval { level: 80.0, lower: l80, upper: u80 },
                        kvota::forecast::Interval { level: 95.0, lower: l95, upper: u95 },
                    ],
                };
                cal.apply(&mut f, &set.tasks[i].train);
                let (a, b) = (f.intervals[0].clone(), f.intervals[1].clone());
                fcs[i] = Some((f.point, a.lower, a.upper, b.lower, b.upper));
            }
        }
    }
    let acc = score(set, &fcs);
    row(spec.name().to_string(), &acc, format!("{calibrated}/{}", origins.len()), t0.elapsed().as_secs_f64())
}

/// A combination of members' point forecasts, scored on MASE and sMAPE only: its intervals
/// cannot be calibrated as `kvota run` calibrates a model's, so coverage is not reported.
fn rule_row(set: &Set, label: &str, members: &[ModelSpec], how: Combiner) -> Row {
    let t0 = Instant::now();
    let fcs: Vec<Option<Fc>> = set
        .tasks
        .par_iter()
        .map(|t| {
            let fcs: Vec<_> = members.iter().filter_map(|s| s.forecast(&t.train, set.m, set.h, &LEVELS).ok()).collect();
            if fcs.is_empty() {
                return None;
            }
            let p = combine(&fcs, how).point;
            let none = vec![f64::NAN; set.h];
            Some((p, none.clone(), none.clone(), none.clone(), none))
        })
        .collect();
    let acc = score(set, &fcs);
    let mut r = row(label.to_string(), &acc, "points".into(), t0.elapsed().as_secs_f64());
    (r.cov80, r.cov95) = (f64::NAN, f64::NAN);
    r
}

fn pct(v: f64) -> String {
    if v.is_nan() { "n/a".into() } else { format!("{v:.1}") }
}

fn print(set: &Set, rows: &[Row]) {
    let mut s = String::new();
    let steps: Vec<String> = (1..=set.h).map(|k| format!("h={k}")).collect();
    let _ = writeln!(
        s,
        "\n{} (m = {}, h = {}): {}\n| model | {} | MASE | sMAPE | cov80 | cov95 | calibrated origins | s |",
        set.name,
        set.m,
        set.h,
        set.note,
        steps.join(" | ")
    );
    let _ = writeln!(s, "|---|{}---|---|---|---|---|---|", "---|".repeat(set.h));
    let best = rows.iter().map(|r| r.mase).fold(f64::INFINITY, f64::min);
    for r in rows {
        let by: Vec<String> = r.mase_by_step.iter().map(|v| format!("{v:.3}")).collect();
        let mark = if (r.mase - best).abs() < 1e-12 { " *" } else { "" };
        let _ = writeln!(
            s,
            "| {}{mark} | {} | {:.3} | {:.3} | {} | {} | {} | {:.2} |",
            r.model,
            by.join(" | "),
            r.mase,
            r.smape,
            pct(r.cov80),
            pct(r.cov95),
            r.calibrated,
            r.secs
        );
    }
    print!("{s}");
}

// ---- Peers ----------------------------------------------------------------------------------

fn write_tasks(sets: &[Set], path: &Path) {
    let mut s = String::from("set,task,series,origin,m,h,train,test\n");
    for set in sets {
        for (i, t) in set.tasks.iter().enumerate() {
            let j = |v: &[f64]| v.iter().map(|x| format!("{x}")).collect::<Vec<_>>().join(" ");
            let _ = writeln!(
                s,
                "{},{i},{},{},{},{},{},{}",
                set.name,
                t.series,
                t.origin,
                set.m,
                set.h,
                j(&t.train),
                j(&t.test)
            );
        }
    }
    std::fs::write(path, s).expect("write the tasks");
    println!("wrote the tasks to {}", path.display());
}

/// Peer forecasts: set -> model -> task -> (point, l80, u80, l95, u95).
fn read_peer(path: &Path) -> BTreeMap<String, BTreeMap<String, BTreeMap<usize, Fc>>> {
    let text = std::fs::read_to_string(path).expect("the peer's forecasts");
    let mut out: BTreeMap<String, BTreeMap<String, BTreeMap<usize, Fc>>> = BTreeMap::new();
    for line in text.lines().skip(1) {
        let c: Vec<&str> = line.split(',').collect();
        let num = |i: usize| c[i].parse::<f64>().unwrap_or(f64::NAN);
        let task: usize = c[1].parse().expect("task");
        let e = out.entry(c[0].into()).or_default().entry(c[2].into()).or_default().entry(task).or_default();
        e.0.push(num(4));
        e.1.push(num(5));
        e.2.push(num(6));
        e.3.push(num(7));
        e.4.push(num(8));
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let flag = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map(PathBuf::from);
    let (tasks_out, peer) = (flag("--tasks"), flag("--peer"));
    let which: Vec<String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| !a.starts_with("--") && (*i == 0 || !args[i - 1].starts_with("--")))
        .map(|(_, a)| a.clone())
        .collect();
    let want = |n: &str| which.is_empty() || which.iter().any(|w| w == n);
    let mut sets: Vec<Set> = Vec::new();
    for (n, p) in [("m1-yearly", "YEARLY"), ("m1-quarterly", "QUARTERLY"), ("m1-monthly", "MONTHLY")] {
        if want(n) {
            match m1(p) {
                Some(s) => sets.push(s),
                None => println!("{n}: skipped, ../shared/data-raw/m1 not found"),
            }
        }
    }
    let k: Vec<String> = which.iter().filter(|w| w.starts_with('k') || w.starts_with('u')).cloned().collect();
    if which.is_empty() || !k.is_empty() {
        sets.extend(k_sets(&k));
    }
    if let Some(p) = &tasks_out {
        write_tasks(&sets, p);
        return;
    }
    let peers = peer.as_deref().map(read_peer).unwrap_or_default();
    println!(
        "{} threads; commit {}",
        rayon::current_num_threads(),
        option_env!("KVOTA_COMMIT").unwrap_or("(set KVOTA_COMMIT)")
    );
    for set in &sets {
        let mut models = vec![
            ModelSpec::Naive,
            ModelSpec::Naive2,
            ModelSpec::Drift,
            ModelSpec::SesEts,
            ModelSpec::Holt,
            ModelSpec::Damped,
            ModelSpec::Comb,
            ModelSpec::Theta,
            ModelSpec::Otm,
            ModelSpec::Dotm,
            ModelSpec::AutoEts,
            ModelSpec::AutoEtsA,
            ModelSpec::Ces,
            ModelSpec::AutoArimaCss,
        ];
        // R-exact ARIMA: annual sets only (seasonal likelihoods cost minutes here; `auto` uses
        // the approximation for quarters and CSS for months).
        if set.m == 1 {
            models.push(ModelSpec::AutoArima);
        }
        if set.m > 1 {
            models.extend([ModelSpec::SeasonalNaive, ModelSpec::ThetaSa, ModelSpec::AutoArimaSa]);
        }
        models.push(ModelSpec::Auto);
        let mut rows: Vec<Row> = models.iter().map(|&spec| run_model(set, spec)).collect();
        if set.m == 1 {
            // Point 2b: the rule of a6af9be, recomputed from its members (points only).
            rows.push(rule_row(
                set,
                "rule a6af9be (points)",
                &[ModelSpec::Drift, ModelSpec::Damped, ModelSpec::Dotm, ModelSpec::AutoArimaCss],
                Combiner::Median,
            ));
        }
        if let Some(by_model) = peers.get(set.name) {
            for (model, fcs) in by_model {
                let all: Vec<Option<Fc>> = (0..set.tasks.len()).map(|i| fcs.get(&i).cloned()).collect();
                rows.push(row(format!("sf {model}"), &score(set, &all), "peer".into(), 0.0));
            }
        }
        print(set, &rows);
    }
}
