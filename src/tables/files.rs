//! The tables of the file commands: `kvota forecast` and its back-test, `kvota ingest`,
//! `kvota apportion`.

use crate::allocate::units::Apportioned;
use crate::export::{ColumnData, OutputTable};
use crate::ingest::Ingested;
use crate::series::{BacktestRow, ForecastRun};

/// Column names of output tables are `'static`; the few built at run time are leaked once.
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// The output table: `series_id, period, step, mean, lo_L, hi_L ..., model`.
pub fn forecast_file_table(run: &ForecastRun, levels: &[f64]) -> OutputTable {
    let mut id = Vec::new();
    let mut period = Vec::new();
    let mut step = Vec::new();
    let mut mean = Vec::new();
    let mut bounds: Vec<(Vec<f64>, Vec<f64>)> = levels.iter().map(|_| (Vec::new(), Vec::new())).collect();
    let mut model = Vec::new();
    for (s, r) in &run.results {
        let last = *s.periods.last().expect("non-empty series");
        for k in 0..r.forecast.len() {
            id.push(s.id.clone());
            period.push(last.plus(k as i64 + 1).to_string());
            step.push(k as i64 + 1);
            mean.push(r.forecast.point[k]);
            for (j, l) in levels.iter().enumerate() {
                let iv = r.forecast.interval(*l).expect("requested level");
                bounds[j].0.push(iv.lower[k]);
                bounds[j].1.push(iv.upper[k]);
            }
            model.push(r.model.name().to_string());
        }
    }
    let mut t = OutputTable::new("forecast")
        .col("series_id", ColumnData::Str(id), "series identifier from the input")
        .col("period", ColumnData::Str(period), "forecast period, labelled like the input")
        .col("step", ColumnData::Int(step), "steps ahead of the last observation")
        .col("mean", ColumnData::Float(mean), "point forecast");
    for (j, l) in levels.iter().enumerate() {
        let (lo, hi) = std::mem::take(&mut bounds[j]);
        t = t
            .col(
                leak(format!("lo_{}", crate::fmt::level(*l))),
                ColumnData::Float(lo),
                "lower bound of the prediction interval",
            )
            .col(
                leak(format!("hi_{}", crate::fmt::level(*l))),
                ColumnData::Float(hi),
                "upper bound of the prediction interval",
            );
    }
    t.col("model", ColumnData::Str(model), "model that produced the forecast (the requested one or its fallback)")
}

/// The long table as an output table (documented in `docs/outputs.md`).
pub fn long_table(ingested: &Ingested) -> OutputTable {
    let r = &ingested.rows;
    OutputTable::new("ingested")
        .col("indicator", ColumnData::Str(r.iter().map(|x| x.indicator.clone()).collect()), "indicator name")
        .col(
            "region_code",
            ColumnData::Str(r.iter().map(|x| x.region_code.clone()).collect()),
            "ISO 3166-2:KZ code; KZ = republic; KZ-YUZ = South Kazakhstan before 2018",
        )
        .col(
            "oked_section",
            ColumnData::OptStr(r.iter().map(|x| x.oked_section.clone()).collect()),
            "OKED section letter, null when the table has no industry dimension",
        )
        .col("period", ColumnData::Str(r.iter().map(|x| x.period.to_string()).collect()), "2023, 2023Q2 or 2023-05")
        .col("value", ColumnData::OptFloat(r.iter().map(|x| x.value).collect()), "the published number")
        .col(
            "flag",
            ColumnData::OptStr(r.iter().map(|x| x.flag.clone()).collect()),
            "what the source said instead of or beside a number: -, x, ..., empty, footnote <mark>",
        )
}

/// `unit, seats` in input order.
pub fn apportionment_table(a: &Apportioned) -> OutputTable {
    OutputTable::new("apportionment").col("unit", ColumnData::Str(a.units.clone()), "unit, as in the input").col(
        "seats",
        ColumnData::Int(a.seats.iter().map(|&s| s as i64).collect()),
        "seats apportioned",
    )
}

/// Accuracy per model over rolling origins (`kvota forecast backtest --out`).
pub fn backtest_table(rows: &[BacktestRow]) -> OutputTable {
    OutputTable::new("backtest")
        .col("model", ColumnData::Str(rows.iter().map(|r| r.model.name().to_string()).collect()), "model")
        .col("forecasts", ColumnData::Int(rows.iter().map(|r| r.forecasts as i64).collect()), "forecasts scored")
        .col("smape", ColumnData::Float(rows.iter().map(|r| r.summary.smape).collect()), "mean sMAPE, percent")
        .col("mase", ColumnData::Float(rows.iter().map(|r| r.summary.mase).collect()), "mean MASE")
        .col("msis", ColumnData::Float(rows.iter().map(|r| r.summary.msis).collect()), "mean MSIS of the 95 % interval")
        .col(
            "coverage_80",
            ColumnData::Float(rows.iter().map(|r| r.summary.coverage_80).collect()),
            "share inside the 80 % interval",
        )
        .col(
            "coverage_95",
            ColumnData::Float(rows.iter().map(|r| r.summary.coverage_95).collect()),
            "share inside the 95 % interval",
        )
        .col(
            "calibrated_origins",
            ColumnData::Int(rows.iter().map(|r| r.calibrated.0 as i64).collect()),
            "origins at which the intervals were calibrated across the series",
        )
        .col("origins", ColumnData::Int(rows.iter().map(|r| r.calibrated.1 as i64).collect()), "origins asked for")
}

/// Series left out of a forecast, and why (`<out>.skipped.csv`).
pub fn skipped_table(skipped: &[crate::series::Skipped]) -> OutputTable {
    OutputTable::new("skipped")
        .col("series_id", ColumnData::Str(skipped.iter().map(|s| s.id.clone()).collect()), "series identifier")
        .col("reason", ColumnData::Str(skipped.iter().map(|s| s.reason.to_string()).collect()), "why it was left out")
}
