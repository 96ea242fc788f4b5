//! Readers for the M3 and M4 forecasting-competition data as stored in
//! `../shared/data-raw/m3` and `m4` (see their `SOURCE.md`).

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// One competition series with its training and test parts.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub id: String,
    /// `YEARLY`, `QUARTERLY`, `MONTHLY`, `OTHER`, `WEEKLY`, `HOURLY`, ...
    pub period: String,
    /// Season length used by the competition's benchmarks.
    pub m: usize,
    pub train: Vec<f64>,
    pub test: Vec<f64>,
}

fn open(path: &Path) -> std::io::Result<Box<dyn BufRead>> {
    let f = File::open(path)?;
    if path.extension().is_some_and(|e| e == "gz") {
        Ok(Box::new(BufReader::new(flate2::read::GzDecoder::new(f))))
    } else {
        Ok(Box::new(BufReader::new(f)))
    }
}

/// Splits a CSV line with optional double quotes (no embedded quotes or commas in numbers).
fn fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

fn bad(path: &Path, line: usize, msg: impl std::fmt::Display) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, format!("{}, line {line}: {msg}", path.display()))
}

/// M3 series of one period (`YEARLY`, `QUARTERLY`, `MONTHLY`, `OTHER`) from
/// `m3-series-meta.csv` and `m3-series-long.csv.gz` in `dir`, in series-id order.
pub fn m3(dir: &Path, period: &str) -> std::io::Result<Vec<Series>> {
    let meta_path = dir.join("m3-series-meta.csv");
    let mut periods: BTreeMap<String, String> = BTreeMap::new();
    for (i, line) in open(&meta_path)?.lines().enumerate().skip(1) {
        let f = fields(&line?);
        if f.len() < 3 {
            return Err(bad(&meta_path, i + 1, "expected sn, st, period"));
        }
        periods.insert(f[0].clone(), f[2].clone());
    }
    let m = match period {
        "QUARTERLY" => 4,
        "MONTHLY" => 12,
        _ => 1,
    };
    let long = dir.join("m3-series-long.csv.gz");
    let mut series: BTreeMap<String, Series> = BTreeMap::new();
    for (i, line) in open(&long)?.lines().enumerate().skip(1) {
        let f = fields(&line?);
        if f.len() < 5 {
            return Err(bad(&long, i + 1, "expected sn, split, idx, time, value"));
        }
        if periods.get(&f[0]).map(String::as_str) != Some(period) {
            continue;
        }
        let v: f64 = f[4].parse().map_err(|_| bad(&long, i + 1, format!("`{}` is not a number", f[4])))?;
        let s = series.entry(f[0].clone()).or_insert_with(|| Series {
            id: f[0].clone(),
            period: period.to_string(),
            m,
            train: vec![],
            test: vec![],
        });
        match f[1].as_str() {
            "train" => s.train.push(v),
            "test" => s.test.push(v),
            other => return Err(bad(&long, i + 1, format!("unknown split `{other}`"))),
        }
    }
    Ok(series.into_values().collect())
}

/// The original submitted forecasts of one M3 method (e.g. `NAIVE2`, `THETA`), by series id,
/// from `m3-original-forecasts.csv.gz` in `dir`.
pub fn m3_submission(dir: &Path, method: &str) -> std::io::Result<BTreeMap<String, Vec<f64>>> {
    let path = dir.join("m3-original-forecasts.csv.gz");
    let mut out = BTreeMap::new();
    for (i, line) in open(&path)?.lines().enumerate().skip(1) {
        let f = fields(&line?);
        if f.first().map(String::as_str) != Some(method) {
            continue;
        }
        let vals: Vec<f64> = f[2..]
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| s.parse::<f64>().map_err(|_| bad(&path, i + 1, format!("`{s}` is not a number"))))
            .collect::<Result<_, _>>()?;
        out.insert(f[1].clone(), vals);
    }
    Ok(out)
}

/// M4 data in the organisers' wide layout (`"V1","V2",...`, id first, empty padding).
fn m4_wide(path: &Path) -> std::io::Result<BTreeMap<String, Vec<f64>>> {
    let mut out = BTreeMap::new();
    let mut text = String::new();
    open(path)?.read_to_string(&mut text)?;
    for (i, line) in text.lines().enumerate().skip(1) {
        let f = fields(line);
        let vals: Vec<f64> = f[1..]
            .iter()
            .filter(|s| !s.is_empty() && s.as_str() != "NA")
            .map(|s| s.parse::<f64>().map_err(|_| bad(path, i + 1, format!("`{s}` is not a number"))))
            .collect::<Result<_, _>>()?;
        out.insert(f[0].clone(), vals);
    }
    Ok(out)
}

/// M4 series of one frequency (`Weekly`, `Hourly` have both parts stored) from `dir`
/// (`Dataset/Train/<F>-train.csv`, `Dataset/Test/<F>-test.csv`). Season lengths as in the M4
/// benchmark code: Hourly 24, Weekly and Daily 1, Quarterly 4, Monthly 12, Yearly 1.
pub fn m4(dir: &Path, frequency: &str) -> std::io::Result<Vec<Series>> {
    let train = m4_wide(&dir.join(format!("Dataset/Train/{frequency}-train.csv")))?;
    let test = m4_wide(&dir.join(format!("Dataset/Test/{frequency}-test.csv")))?;
    let m = match frequency {
        "Hourly" => 24,
        "Quarterly" => 4,
        "Monthly" => 12,
        _ => 1,
    };
    let mut out: Vec<Series> = train
        .into_iter()
        .filter_map(|(id, tr)| {
            test.get(&id).map(|te| Series {
                id: id.clone(),
                period: frequency.to_uppercase(),
                m,
                train: tr,
                test: te.clone(),
            })
        })
        .collect();
    // Natural order: W1, W2, ..., W10.
    out.sort_by_key(|s| s.id[1..].parse::<u64>().unwrap_or(u64::MAX));
    Ok(out)
}

/// Point forecasts submitted to M4 by one benchmark (`point-forecasts/submission-<M>.csv.gz`),
/// by series id.
pub fn m4_submission(dir: &Path, method: &str) -> std::io::Result<BTreeMap<String, Vec<f64>>> {
    m4_wide(&dir.join(format!("point-forecasts/submission-{method}.csv.gz")))
}

/// Reference forecasts of statsforecast on M3 (`m3-statsforecast/m3_<period>__<Model>.csv.gz`),
/// by series id.
pub fn statsforecast_reference(dir: &Path, period: &str, model: &str) -> std::io::Result<BTreeMap<String, Vec<f64>>> {
    let path = dir.join(format!("m3_{period}__{model}.csv.gz"));
    let mut out: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for (i, line) in open(&path)?.lines().enumerate().skip(1) {
        let f = fields(&line?);
        let v: f64 = f[2].parse().map_err(|_| bad(&path, i + 1, format!("`{}` is not a number", f[2])))?;
        out.entry(f[0].clone()).or_default().push(v);
    }
    Ok(out)
}
