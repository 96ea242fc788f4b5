//! `kvota run`: the whole job on a panel and a scenario — forecast demand and domestic supply
//! per region x section for the target year, rate shortages, allocate the foreign-labour quota
//! and the kandas regional quota, and write the outputs and a manifest.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::allocate::{foreign, kandas};
use crate::codes::{OkedSection, Region};
use crate::error::{Error, Result};
use crate::export::{ColumnData, OutputSet, OutputTable, sha256_file};
use crate::forecast::Forecast;
use crate::forecast::calibrate::{Calibration, calibrate};
use crate::forecast::engine::{ModelSpec, forecast_with_fallback};
use crate::panel::Panel;
use crate::params::{Params, Used, year_end};
use crate::scenario::Scenario;
use crate::shortage::{self, CellInputs, CellOutlook, RegionInputs};

/// Interval levels of every exported forecast (columns `lo_80` ... `hi_95`).
pub const LEVELS: [f64; 2] = [80.0, 95.0];

/// Reports progress of long stages; the CLI draws it, tests ignore it.
pub trait Progress: Sync {
    fn stage(&self, _name: &str) {}
    fn start(&self, _name: &str, _total: u64) {}
    fn inc(&self, _n: u64) {}
    fn finish(&self) {}
}

/// Progress that reports nothing.
pub struct Quiet;
impl Progress for Quiet {}

/// What a run produced.
#[derive(Debug)]
pub struct RunOutcome {
    pub out_dir: PathBuf,
    pub files: Vec<PathBuf>,
    pub manifest: Manifest,
}

/// The run manifest (`manifest.json`): enough to reproduce and audit the run.
#[derive(Debug, Clone, Serialize)]
pub struct Manifest {
    pub tool: String,
    pub version: String,
    pub schema_version: String,
    /// Deterministic id: hash of the tool version, scenario and input hashes.
    pub run_id: String,
    pub scenario: ScenarioInfo,
    pub inputs: Vec<FileInfo>,
    pub parameters: Vec<Used>,
    pub overrides: Vec<String>,
    pub summary: Summary,
    pub warnings: Vec<String>,
    pub outputs: Vec<FileInfo>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScenarioInfo {
    pub id: String,
    pub title: String,
    pub file: String,
    pub sha256: String,
    pub target_year: i32,
    pub last_data_year: i32,
}

#[derive(Debug, Clone, Serialize)]
pub struct FileInfo {
    pub path: String,
    pub sha256: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub labour_force_basis: u64,
    pub labour_force_year: i32,
    pub ceiling_pct: f64,
    pub ceiling: u64,
    pub reserve: u64,
    pub distributable: u64,
    pub distributed: u64,
    pub justified_demand: u64,
    pub foreign_by_category: BTreeMap<String, u64>,
    pub cells_by_rating: BTreeMap<String, u64>,
    pub kandas_regions: Vec<String>,
    pub kandas_families: u64,
    pub kandas_persons: u64,
    pub kandas_cost_kzt: f64,
    pub kandas_budget_kzt: f64,
}

/// One forecast series of the run.
#[derive(Debug, Clone)]
struct SeriesForecast {
    region: Region,
    section: Option<OkedSection>,
    variable: &'static str,
    last: f64,
    model: &'static str,
    fc: Forecast,
}

/// Forecasts one series with the scenario's model, falling back to simpler models where the
/// series is too short; returns the name of the model used.
fn forecast_series(spec: ModelSpec, y: &[f64], h: usize) -> Result<(&'static str, Forecast)> {
    let r = forecast_with_fallback(spec, y, 1, h, &LEVELS).map_err(|e| Error::Model(e.to_string()))?;
    Ok((r.model.name(), r.forecast))
}

/// Runs the pipeline for `scenario` and writes to `out_root/<scenario id>/`.
pub fn run(scenario_path: &Path, scenario: &Scenario, out_root: &Path, progress: &dyn Progress) -> Result<RunOutcome> {
    progress.stage("loading parameters and panel");
    let params = Params::load(&scenario.data.params)?;
    let (panel, _report) = Panel::load(&scenario.data.panel)?;
    let last = panel.last_year();
    let target = scenario.target_year;
    if target <= last {
        return Err(Error::Scenario {
            location: crate::error::Location::file(scenario_path),
            message: format!("target_year {target} must be after the last year of data ({last})"),
        });
    }
    let h = (target - last) as usize;

    // ---- Forecasts ----
    let mut jobs: Vec<(Region, Option<OkedSection>, &'static str, Vec<f64>)> = Vec::new();
    for r in Region::all() {
        jobs.push((r, None, "labour_force", panel.region_series(r, |x| x.labour_force)));
        jobs.push((r, None, "unemployed", panel.region_series(r, |x| x.unemployed)));
        for &s in &panel.sections {
            jobs.push((r, Some(s), "employed", panel.cell_series(r, s, |c| c.employed)));
            jobs.push((r, Some(s), "vacancies", panel.cell_series(r, s, |c| c.vacancies)));
            jobs.push((r, Some(s), "retirements", panel.cell_series(r, s, |c| c.retirements)));
            jobs.push((r, Some(s), "new_entrants", panel.cell_series(r, s, |c| c.new_entrants)));
        }
    }
    // Interval calibration per variable, on hold-outs across its series (see
    // kvota_forecast::calibrate): the model-based intervals are too narrow on real data.
    let spec = scenario.forecast.model;
    let mut calibrations: BTreeMap<&str, Calibration> = BTreeMap::new();
    let variables: Vec<&'static str> = {
        let mut v: Vec<&'static str> = jobs.iter().map(|j| j.2).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    for var in variables {
        let refs: Vec<&[f64]> = jobs.iter().filter(|j| j.2 == var).map(|j| j.3.as_slice()).collect();
        if let Some(c) = calibrate(&refs, spec, 1, h, &LEVELS) {
            calibrations.insert(var, c);
        }
    }
    progress.start("forecasting", jobs.len() as u64);
    let forecasts: Vec<SeriesForecast> = jobs
        .par_iter()
        .map(|(r, s, var, y)| {
            let (model, mut fc) = forecast_series(spec, y, h)?;
            if let Some(c) = calibrations.get(var) {
                c.apply(&mut fc);
            }
            // Counts cannot go below zero.
            fc.point.iter_mut().for_each(|v| *v = v.max(0.0));
            for iv in &mut fc.intervals {
                iv.lower.iter_mut().for_each(|v| *v = v.max(0.0));
                iv.upper.iter_mut().for_each(|v| *v = v.max(0.0));
            }
            progress.inc(1);
            Ok(SeriesForecast {
                region: *r,
                section: *s,
                variable: var,
                last: *y.last().expect("non-empty"),
                model,
                fc,
            })
        })
        .collect::<Result<_>>()?;
    progress.finish();
    let means: BTreeMap<(Region, Option<OkedSection>, &str), f64> =
        forecasts.iter().map(|f| ((f.region, f.section, f.variable), f.fc.point[h - 1])).collect();
    let fc_at = |r: Region, s: Option<OkedSection>, var: &'static str| -> f64 { means[&(r, s, var)] };

    // ---- Shortage ----
    progress.stage("rating shortages");
    let mut cells = Vec::new();
    for r in Region::all() {
        for &s in &panel.sections {
            cells.push(CellInputs {
                region: r,
                section: s,
                employed_last: panel.cells[&(r, s, last)].employed as f64,
                employed: fc_at(r, Some(s), "employed"),
                retirements: fc_at(r, Some(s), "retirements"),
                vacancies: fc_at(r, Some(s), "vacancies"),
                new_entrants: fc_at(r, Some(s), "new_entrants"),
            });
        }
    }
    let regions: Vec<RegionInputs> = Region::all()
        .map(|r| {
            let ry = &panel.regions[&(r, last)];
            RegionInputs {
                region: r,
                unemployed: fc_at(r, None, "unemployed"),
                labour_force: fc_at(r, None, "labour_force"),
                net_migration: ry.net_internal_migration as f64,
                activity_rate: ry.labour_force as f64 / ry.population as f64,
            }
        })
        .collect();
    let outlooks = shortage::assess(&cells, &regions, &scenario.shortage);

    // ---- Foreign-labour quota ----
    progress.stage("allocating quotas");
    let date = year_end(target);
    let mut overrides = Vec::new();
    let ceiling_pct = match scenario.foreign.ceiling_pct_override {
        Some(p) => {
            let legal = params.number("foreign_labour.ceiling_pct", date).ok().map(|v| v.value);
            overrides.push(format!(
                "foreign.ceiling_pct_override = {p} % replaces the legal ceiling ({})",
                legal.map_or("none in force".to_string(), |v| format!("{v} %"))
            ));
            p
        }
        None => params.number("foreign_labour.ceiling_pct", date)?.value,
    };
    let category_order = params.table("foreign_labour.order_by_category", date)?.value;
    let lf_basis: i64 = Region::all().map(|r| panel.regions[&(r, last)].labour_force).sum();
    let demands: Vec<foreign::CellDemand> = outlooks
        .iter()
        .map(|o| foreign::CellDemand { region: o.region, section: o.section, demand: o.shortage_persons() })
        .collect();
    let settings = foreign::ForeignSettings {
        ceiling_pct,
        labour_force: lf_basis as u64,
        reserve_share: scenario.foreign.reserve_share,
        category_order,
    };
    let (quota_rows, fsum) = foreign::allocate(&demands, &settings)?;

    // ---- Kandas quota ----
    let designated = params.regions("kandas.resettlement_regions", date)?.value;
    let rent = params.table("kandas.rent_mci_per_month", date)?.value;
    let rules = kandas::SupportRules {
        mci_kzt: params.number("mci.kzt", date)?.value,
        relocation_mci_per_member: params.number("kandas.relocation_mci_per_member", date)?.value,
        rent_mci_min: *rent.get("min").ok_or_else(|| Error::param("kandas.rent_mci_per_month", "no `min`"))?,
        rent_mci_max: *rent.get("max").ok_or_else(|| Error::param("kandas.rent_mci_per_month", "no `max`"))?,
        rent_months: params.number("kandas.rent_months", date)?.value,
        employer_subsidy_mci: params.number("kandas.employer_subsidy_mci", date)?.value,
        housing_certificate_cap_kzt: params.number("kandas.housing_certificate_cap_kzt", date)?.value,
    };
    let k = &scenario.kandas;
    let ksettings = kandas::KandasSettings {
        budget_kzt: k.budget_kzt,
        family_size: k.family_size,
        working_members_per_family: k.working_members_per_family,
        rent_mci_per_month: k.rent_mci_per_month,
        include_housing_certificate: k.include_housing_certificate,
    };
    let mut weights: BTreeMap<Region, u64> = BTreeMap::new();
    for o in &outlooks {
        *weights.entry(o.region).or_default() += o.shortage_persons();
    }
    let (kandas_rows, ksum) = kandas::allocate(&designated, &weights, &rules, &ksettings)?;

    // ---- Outputs ----
    progress.stage("writing outputs");
    let out_dir = out_root.join(&scenario.id);
    let scenario_sha = sha256_file(scenario_path)?;
    let mut inputs = Vec::new();
    for f in panel.files.iter().chain(params.files()) {
        inputs.push(FileInfo { path: f.display().to_string(), sha256: sha256_file(f)? });
    }
    let run_id = {
        use sha2::{Digest, Sha256};
        let mut hsh = Sha256::new();
        hsh.update(env!("CARGO_PKG_VERSION"));
        hsh.update(&scenario_sha);
        for i in &inputs {
            hsh.update(&i.sha256);
        }
        format!("{:x}", hsh.finalize())[..16].to_string()
    };
    let meta =
        vec![("scenario_id", scenario.id.clone()), ("run_id", run_id.clone()), ("target_year", target.to_string())];

    let mut set = OutputSet::new(&out_dir)?;
    let p = set.stage_path("forecast.parquet")?;
    forecast_table(&forecasts, last, h).write_parquet(&p, &meta)?;
    let p = set.stage_path("shortage.parquet")?;
    shortage_table(&outlooks, target).write_parquet(&p, &meta)?;
    let p = set.stage_path("quota_foreign.parquet")?;
    foreign_table(&quota_rows, target).write_parquet(&p, &meta)?;
    let p = set.stage_path("quota_kandas.parquet")?;
    kandas_table(&kandas_rows, &ksum, target).write_parquet(&p, &meta)?;

    let mut cells_by_rating: BTreeMap<String, u64> = BTreeMap::new();
    for o in &outlooks {
        *cells_by_rating.entry(o.rating.code().to_string()).or_default() += 1;
    }
    let summary = Summary {
        labour_force_basis: lf_basis as u64,
        labour_force_year: last,
        ceiling_pct,
        ceiling: fsum.ceiling,
        reserve: fsum.reserve,
        distributable: fsum.distributable,
        distributed: fsum.distributed,
        justified_demand: fsum.demand,
        foreign_by_category: fsum.by_category.iter().map(|(c, v)| (c.code().to_string(), *v)).collect(),
        cells_by_rating,
        kandas_regions: designated.iter().map(|r| r.iso().to_string()).collect(),
        kandas_families: ksum.families,
        kandas_persons: ksum.persons,
        kandas_cost_kzt: ksum.cost_kzt,
        kandas_budget_kzt: ksum.budget_kzt,
    };
    let mut outputs = Vec::new();
    for name in set.names().to_vec() {
        let staged = set.staged(&name);
        outputs.push(FileInfo { path: name.display().to_string(), sha256: sha256_file(&staged)? });
    }
    let mut warnings = panel.warnings.clone();
    for u in params.used() {
        if matches!(u.status, crate::params::Status::Unverified) {
            warnings.push(format!("parameter {} uses a value not checked against a source ({})", u.name, u.reference));
        }
    }
    let manifest = Manifest {
        tool: "kvota".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        schema_version: crate::export::SCHEMA_VERSION.into(),
        run_id,
        scenario: ScenarioInfo {
            id: scenario.id.clone(),
            title: scenario.title.clone(),
            file: scenario_path.display().to_string(),
            sha256: scenario_sha,
            target_year: target,
            last_data_year: last,
        },
        inputs,
        parameters: params.used(),
        overrides,
        summary,
        warnings,
        outputs,
    };
    let json = serde_json::to_string_pretty(&manifest).map_err(|e| Error::output("manifest.json", e))?;
    set.write_bytes("manifest.json", format!("{json}\n").as_bytes())?;
    let files = set.commit()?;
    Ok(RunOutcome { out_dir, files, manifest })
}

fn forecast_table(f: &[SeriesForecast], last: i32, h: usize) -> OutputTable {
    let mut region = Vec::new();
    let mut section = Vec::new();
    let mut variable = Vec::new();
    let mut year = Vec::new();
    let mut step = Vec::new();
    let mut mean = Vec::new();
    let mut bounds: [Vec<f64>; 4] = Default::default();
    let mut model = Vec::new();
    let mut last_obs = Vec::new();
    for s in f {
        for k in 0..h {
            region.push(s.region.iso().to_string());
            section.push(s.section.map(|x| x.code().to_string()));
            variable.push(s.variable.to_string());
            year.push((last + 1 + k as i32) as i64);
            step.push((k + 1) as i64);
            mean.push(s.fc.point[k]);
            for (j, lvl) in LEVELS.iter().enumerate() {
                let iv = s.fc.interval(*lvl).expect("requested level");
                bounds[2 * j].push(iv.lower[k]);
                bounds[2 * j + 1].push(iv.upper[k]);
            }
            model.push(s.model.to_string());
            last_obs.push(s.last);
        }
    }
    let [lo80, hi80, lo95, hi95] = bounds;
    OutputTable::new("forecast")
        .col("region_code", ColumnData::Str(region), "ISO 3166-2:KZ code of the region")
        .col("oked_section", ColumnData::OptStr(section), "OKED section letter; null for region-level variables")
        .col(
            "variable",
            ColumnData::Str(variable),
            "employed, vacancies, retirements, new_entrants (cells); labour_force, unemployed (regions)",
        )
        .col("year", ColumnData::Int(year), "forecast year")
        .col("step", ColumnData::Int(step), "steps ahead of the last observed year")
        .col("mean", ColumnData::Float(mean), "point forecast, persons (expected value, clipped at 0)")
        .col("lo_80", ColumnData::Float(lo80), "lower bound of the 80 % prediction interval, persons")
        .col("hi_80", ColumnData::Float(hi80), "upper bound of the 80 % prediction interval, persons")
        .col("lo_95", ColumnData::Float(lo95), "lower bound of the 95 % prediction interval, persons")
        .col("hi_95", ColumnData::Float(hi95), "upper bound of the 95 % prediction interval, persons")
        .col("model", ColumnData::Str(model), "forecasting model used (the scenario model or its fallback)")
        .col("last_observed", ColumnData::Float(last_obs), "value in the last observed year, persons")
}

fn shortage_table(o: &[CellOutlook], target: i32) -> OutputTable {
    let f = |g: fn(&CellOutlook) -> f64| ColumnData::Float(o.iter().map(g).collect());
    OutputTable::new("shortage")
        .region_columns(o.iter().map(|c| c.region))
        .section_columns(o.iter().map(|c| c.section))
        .col("year", ColumnData::Int(vec![target as i64; o.len()]), "target year")
        .col("employed_last", f(|c| c.employed_last), "employed in the last observed year, persons")
        .col("employed_forecast", f(|c| c.employed), "forecast employment in the target year, persons")
        .col("expansion_demand", f(|c| c.expansion), "forecast employment growth, if positive, persons")
        .col("replacement_demand", f(|c| c.replacement), "forecast retirements, persons")
        .col("vacancies", f(|c| c.vacancies), "forecast unfilled vacancies, persons")
        .col("openings", f(|c| c.openings), "expansion + replacement + vacancies, persons")
        .col(
            "unemployed_matched",
            f(|c| c.unemployed_matched),
            "region's forecast unemployed x the section's employment share, persons",
        )
        .col(
            "unemployed_available",
            f(|c| c.unemployed_available),
            "the part of unemployed_matched above the frictional rate, persons",
        )
        .col("new_entrants", f(|c| c.new_entrants), "forecast new entrants to the labour force, persons")
        .col(
            "net_migration",
            f(|c| c.migration),
            "net internal migration of the last year x activity rate x section share, persons",
        )
        .col("domestic_supply", f(|c| c.supply), "unemployed_available + new_entrants + net_migration, persons")
        .col("gap", f(|c| c.gap), "openings - domestic_supply, persons (negative: surplus)")
        .col(
            "shortage_persons",
            ColumnData::Int(o.iter().map(|c| c.shortage_persons() as i64).collect()),
            "whole persons of gap in shortage cells, 0 elsewhere",
        )
        .col(
            "tightness",
            ColumnData::OptFloat(o.iter().map(|c| c.tightness.is_finite().then_some(c.tightness)).collect()),
            "vacancies per matched unemployed person (null when none are unemployed)",
        )
        .col(
            "relative_tightness",
            ColumnData::OptFloat(
                o.iter().map(|c| c.relative_tightness.is_finite().then_some(c.relative_tightness)).collect(),
            ),
            "tightness over the national ratio (1 = as tight as the country)",
        )
        .col(
            "rating",
            ColumnData::Str(o.iter().map(|c| c.rating.code().to_string()).collect()),
            "shortage, balanced, surplus or undetermined",
        )
        .col("reason", ColumnData::Str(o.iter().map(|c| c.reason.clone()).collect()), "why, generated from the numbers")
}

fn foreign_table(rows: &[foreign::QuotaCell], target: i32) -> OutputTable {
    OutputTable::new("quota_foreign")
        .region_columns(rows.iter().map(|r| r.region))
        .section_columns(rows.iter().map(|r| r.section))
        .col(
            "category",
            ColumnData::Str(rows.iter().map(|r| r.category.code().to_string()).collect()),
            "worker category: 1, 2, 3, 4 or seasonal",
        )
        .col("year", ColumnData::Int(vec![target as i64; rows.len()]), "quota year")
        .col("quota", ColumnData::Int(rows.iter().map(|r| r.quota as i64).collect()), "work permits allotted, persons")
        .col(
            "cell_demand",
            ColumnData::Int(rows.iter().map(|r| r.demand as i64).collect()),
            "justified demand of the region x section cell (all categories), persons",
        )
        .col(
            "tie_broken",
            ColumnData::Bool(rows.iter().map(|r| r.tie_broken).collect()),
            "the cell's last unit was decided by the tie-break rule (larger demand, then order)",
        )
}

fn kandas_table(rows: &[kandas::KandasRow], s: &kandas::KandasSummary, target: i32) -> OutputTable {
    let per_family = s.family_cost.total();
    OutputTable::new("quota_kandas")
        .region_columns(rows.iter().map(|r| r.region))
        .col("year", ColumnData::Int(vec![target as i64; rows.len()]), "quota year")
        .col(
            "families",
            ColumnData::Int(rows.iter().map(|r| r.families as i64).collect()),
            "supported families allotted",
        )
        .col("persons", ColumnData::Int(rows.iter().map(|r| r.persons as i64).collect()), "persons in those families")
        .col(
            "shortage_weight",
            ColumnData::Int(rows.iter().map(|r| r.weight as i64).collect()),
            "shortage gap of the region used as the weight, persons",
        )
        .col(
            "cost_kzt",
            ColumnData::Float(rows.iter().map(|r| r.families as f64 * per_family).collect()),
            "budgeted state support, tenge",
        )
        .col(
            "tie_broken",
            ColumnData::Bool(rows.iter().map(|r| r.tie_broken).collect()),
            "the region's last family was decided by the tie-break rule",
        )
}
