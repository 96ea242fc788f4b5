//! The file commands as jobs: each reads its inputs through `ingest`, calls its stage, and
//! writes through `export` (staged, then moved into place: all or nothing).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::allocate::units::{Apportioned, FileApportionment, apportion_units};
use crate::contract::Terms;
use crate::error::{Error, Result};
use crate::export::{OutputSet, sha256_file};
use crate::ingest::applicants::read_quota_slots;
use crate::ingest::people::{read_families, read_moves, read_payments};
use crate::ingest::{Format, Ingested, ReadOptions};
use crate::params::Params;
use crate::progress::{Progress, Stage};
use crate::rules::Rules;
use crate::select::{FunnelRow, Quota, allocate, evaluate, funnel, read_applicants};
use crate::series::{BacktestRow, ForecastOptions, ForecastRun, LongTable, Skipped};
use crate::tables::{files, people};

/// What `kvota select` produced.
#[derive(Debug)]
pub struct SelectOutcome {
    pub files: Vec<PathBuf>,
    pub counts: BTreeMap<String, u64>,
    pub cells: usize,
    /// The funnel as written to `funnel.parquet` (per route, region and stage).
    pub funnel: Vec<FunnelRow>,
}

/// Reads, evaluates, ranks and writes `selection.parquet`, `cutoffs.parquet`, `funnel.parquet`
/// and `manifest.json` into `out_dir` (atomically: all or nothing).
pub fn select(
    rules_path: &Path,
    applicants_path: &Path,
    quota_path: Option<&Path>,
    out_dir: &Path,
) -> Result<SelectOutcome> {
    let rules = Rules::load(rules_path)?;
    let applicants = read_applicants(applicants_path, &rules)?;
    let mut decisions = evaluate(&rules, &applicants);
    let quota = match quota_path {
        Some(p) => read_quota_slots(p)?,
        None => Quota::default(),
    };
    let cells = allocate(&rules, &applicants, &mut decisions, &quota);
    let fun = funnel(&rules, &applicants, &decisions);

    let mut set = OutputSet::new(out_dir)?;
    let meta = vec![("rules_id", rules.id.clone()), ("rules_effective", rules.effective.to_string())];
    // Written in chunks of 100,000 rows: a million applicants never sit in memory as text twice.
    let p = set.stage_path("selection.parquet")?;
    const CHUNK: usize = 100_000;
    let n = applicants.len();
    crate::export::write_parquet_chunks(
        &p,
        "selection",
        &meta,
        (0..n.div_ceil(CHUNK).max(1)).map(|c| {
            let r = (c * CHUNK).min(n)..((c + 1) * CHUNK).min(n);
            people::selection_table(&rules, &applicants[r.clone()], &decisions[r]).to_batch()
        }),
    )?;
    let p = set.stage_path("cutoffs.parquet")?;
    people::cutoffs_table(&cells).write_parquet(&p, &meta)?;
    let p = set.stage_path("funnel.parquet")?;
    people::funnel_table(&fun).write_parquet(&p, &meta)?;
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for d in &decisions {
        *counts.entry(d.outcome.code().to_string()).or_default() += 1;
    }
    let mut inputs = vec![
        serde_json::json!({"path": rules_path.display().to_string(), "sha256": sha256_file(rules_path)?}),
        serde_json::json!({"path": applicants_path.display().to_string(), "sha256": sha256_file(applicants_path)?}),
    ];
    if let Some(q) = quota_path {
        inputs.push(serde_json::json!({"path": q.display().to_string(), "sha256": sha256_file(q)?}));
    }
    let manifest = serde_json::json!({
        "tool": "kvota select",
        "version": env!("CARGO_PKG_VERSION"),
        "rules": {
            "id": rules.id, "title": rules.title, "effective": rules.effective.to_string(),
            "reference": rules.reference, "status": rules.status, "max_days": rules.max_days,
            "reset_timestamp_on_change": rules.reset_timestamp_on_change,
        },
        "inputs": inputs,
        "applicants": applicants.len(),
        "outcomes": counts,
        "quota_cells": cells.len(),
        "tie_break": if rules.reset_timestamp_on_change {
            "score, then the later of submission and last change of answers (a changed score resets the time), then id"
        } else {
            "score, then submission time (a changed score does not reset it), then id"
        },
        "personal_data": "pseudonymous applicant ids only; no names, document numbers or contacts are read or written",
    });
    let json = serde_json::to_string_pretty(&manifest).map_err(|e| Error::output("manifest.json", e))?;
    set.write_bytes("manifest.json", format!("{json}\n").as_bytes())?;
    let files = set.commit()?;
    Ok(SelectOutcome { files, counts, cells: cells.len(), funnel: fun })
}

/// What `kvota contract` produced.
#[derive(Debug)]
pub struct ContractOutcome {
    pub files: Vec<PathBuf>,
    pub by_status: BTreeMap<String, u64>,
    pub owed_kzt: f64,
    pub expected_repayments_kzt: f64,
    pub retention_at_term: f64,
}

/// Reads the ledger, computes everything on `as_of`, writes `contract_status.parquet`,
/// `contract_regions.parquet`, `retention.parquet` and `manifest.json` (all or nothing).
pub fn contract(
    families_path: &Path,
    payments_path: &Path,
    moves_path: Option<&Path>,
    params_dir: &Path,
    as_of: NaiveDate,
    out_dir: &Path,
) -> Result<ContractOutcome> {
    let params = Params::load(params_dir)?;
    let terms = Terms {
        years: params.number("kandas.social_contract_years", as_of)?.value as u32,
        repayment_share: params.number("kandas.repayment_share_on_breach", as_of)?.value,
    };
    let families = read_families(families_path)?;
    let payments = read_payments(payments_path, &params)?;
    let moves = match moves_path {
        Some(p) => read_moves(p)?,
        None => Vec::new(),
    };
    let (rows, retention) = crate::contract::ledger(&families, &payments, &moves, terms, as_of)?;
    let mut set = OutputSet::new(out_dir)?;
    let meta = vec![("as_of", as_of.to_string())];
    let p = set.stage_path("contract_status.parquet")?;
    people::status_table(&rows, as_of).write_parquet(&p, &meta)?;
    let p = set.stage_path("contract_regions.parquet")?;
    people::regions_table(&rows, as_of).write_parquet(&p, &meta)?;
    let p = set.stage_path("retention.parquet")?;
    people::retention_table(&retention).write_parquet(&p, &meta)?;
    let mut by_status: BTreeMap<String, u64> = BTreeMap::new();
    for r in &rows {
        *by_status.entry(r.status.code().to_string()).or_default() += 1;
    }
    let owed_kzt: f64 = rows.iter().map(|r| r.owed_kzt).sum();
    let expected: f64 = rows.iter().filter_map(|r| r.expected_repayment_kzt).sum();
    let at_term = retention.survival(terms.years * 12);
    let mut inputs = vec![families_path, payments_path];
    inputs.extend(moves_path);
    let inputs: Vec<serde_json::Value> = inputs
        .iter()
        .map(|p| Ok(serde_json::json!({"path": p.display().to_string(), "sha256": sha256_file(p)?})))
        .collect::<Result<_>>()?;
    let manifest = serde_json::json!({
        "tool": "kvota contract",
        "version": env!("CARGO_PKG_VERSION"),
        "as_of": as_of.to_string(),
        "terms": {"years": terms.years, "repayment_share": terms.repayment_share},
        "parameters": params.used(),
        "inputs": inputs,
        "families": rows.len(),
        "by_status": by_status,
        "owed_kzt": owed_kzt,
        "expected_repayments_kzt": expected,
        "retention_at_term": at_term,
        "personal_data": "pseudonymous family ids only; no names, document numbers or addresses are read or written",
    });
    let json = serde_json::to_string_pretty(&manifest).map_err(|e| Error::output("manifest.json", e))?;
    set.write_bytes("manifest.json", format!("{json}\n").as_bytes())?;
    let files = set.commit()?;
    Ok(ContractOutcome { files, by_status, owed_kzt, expected_repayments_kzt: expected, retention_at_term: at_term })
}

/// What `kvota forecast` produced.
#[derive(Debug)]
pub struct ForecastOutcome {
    pub table: LongTable,
    pub run: ForecastRun,
    /// `<out stem>.skipped.csv`, written when series were left out (removed otherwise).
    pub skipped_path: PathBuf,
}

/// `forecasts.parquet` -> `forecasts.skipped.csv`.
pub fn skipped_path(out: &Path) -> PathBuf {
    let stem = out.file_stem().and_then(|s| s.to_str()).unwrap_or("forecast");
    out.with_file_name(format!("{stem}.skipped.csv"))
}

/// Forecasts every series of a long table and writes the forecasts and, when some series
/// were left out, `<out stem>.skipped.csv` with the reasons.
pub fn forecast(input: &Path, opts: &ForecastOptions, out: &Path, progress: &dyn Progress) -> Result<ForecastOutcome> {
    let table = crate::series::read_long(input)?;
    progress.start(Stage::Forecasting, table.series.len() as u64);
    let run = crate::series::forecast_table(&table, opts, &|| progress.inc(1));
    progress.finish();
    crate::export::write_table(
        out,
        &files::forecast_file_table(&run, &opts.levels),
        &[("model", opts.model.name().to_string())],
    )?;
    let sidecar = skipped_path(out);
    if run.skipped.is_empty() {
        crate::export::remove_stale(&sidecar)?;
    } else {
        crate::export::write_table(&sidecar, &files::skipped_table(&run.skipped), &[])?;
    }
    Ok(ForecastOutcome { table, run, skipped_path: sidecar })
}

/// What `kvota forecast backtest` produced.
#[derive(Debug)]
pub struct BacktestOutcome {
    pub table: LongTable,
    pub rows: Vec<BacktestRow>,
    pub skipped: Vec<Skipped>,
}

/// Rolling-origin accuracy of `models` on every series of a long table; the table is written
/// when `out` is given.
pub fn backtest(
    input: &Path,
    models: &[crate::forecast::engine::ModelSpec],
    horizon: usize,
    origins: usize,
    season: Option<usize>,
    calibrate: bool,
    out: Option<&Path>,
) -> Result<BacktestOutcome> {
    let table = crate::series::read_long(input)?;
    let (rows, skipped) = crate::series::backtest(&table, models, horizon, origins, season, calibrate);
    if let Some(out) = out {
        crate::export::write_table(out, &files::backtest_table(&rows), &[])?;
    }
    Ok(BacktestOutcome { table, rows, skipped })
}

/// Reads a published file (`kvota ingest`); problems stop it before anything is written.
pub fn ingest(format: Format, file: &Path, opts: &ReadOptions, out: &Path) -> Result<Ingested> {
    let got = crate::ingest::read_with(format, file, opts)?.into_strict()?;
    crate::export::write_table(
        out,
        &files::long_table(&got),
        &[("source_file", got.report.file.display().to_string()), ("format", got.report.format.to_string())],
    )?;
    Ok(got)
}

/// Apportions the seats of a units table (`kvota apportion`); writes `unit, seats` to `out`,
/// or returns the table as CSV text for standard output.
pub fn apportion(
    input: &Path,
    max_column: Option<&str>,
    o: &FileApportionment,
    out: Option<&Path>,
) -> Result<(Apportioned, Option<String>)> {
    let units = crate::ingest::units::read_units(input, max_column)?;
    let res = apportion_units(&units, o)?;
    let table = files::apportionment_table(&res);
    match out {
        Some(out) => {
            crate::export::write_table(out, &table, &[])?;
            Ok((res, None))
        }
        None => Ok((res, Some(table.to_csv()))),
    }
}
