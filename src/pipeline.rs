//! `kvota run`: the whole job on a panel and a scenario — forecast demand and domestic supply
//! per region x section for the target year, rate shortages, allocate the foreign-labour quota
//! and the kandas regional quota, and write the outputs and a manifest.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::allocate::inputs::{EmployerRequests, IssuedPermits};
use crate::allocate::{editions, foreign, kandas};
use crate::codes::{OkedSection, Region};
use crate::error::{Error, Result};
use crate::export::{ColumnData, OutputSet, OutputTable, sha256_file};
use crate::forecast::Forecast;
use crate::forecast::calibrate::{Calibration, calibrate};
use crate::forecast::engine::{ModelSpec, forecast_with_fallback};
use crate::panel::Panel;
use crate::params::{Params, Used, year_end};
use crate::scenario::Scenario;
use crate::shortage::classifier;
use crate::shortage::score::{self, SensitivityCell};
use crate::shortage::{self, CellInputs, CellOutlook, Rating, RegionInputs, backtest, elasticity};
use crate::uncertainty;

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
    pub shortage_model: ShortageModel,
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
    /// Shortage gap of all shortage cells (persons).
    pub shortage_gap: u64,
    pub allocation_method: String,
    /// Requested for quota categories (with an employer-requests table).
    pub requested: Option<u64>,
    pub requested_outside_shortage: Option<u64>,
    /// Intra-corporate transfers requested: outside the quota.
    pub ict_requested: u64,
    pub ict_over_limit: u64,
    pub local_content_failures: u64,
    pub binding_constraints: Vec<foreign::BindingConstraint>,
    pub foreign_by_category: BTreeMap<String, u64>,
    pub editions: Vec<editions::EditionInfo>,
    pub permits_issued: Option<u64>,
    /// Permits issued / distributed quota of the last edition.
    pub utilisation: Option<f64>,
    pub cells_by_rating: BTreeMap<String, u64>,
    pub kandas_regions: Vec<String>,
    pub kandas_families_funded: u64,
    pub kandas_families: u64,
    pub kandas_persons: u64,
    pub kandas_cost_kzt: f64,
    pub kandas_budget_kzt: f64,
    pub kandas_unspent_kzt: f64,
    pub kandas_skill_matched: bool,
    /// The simulation's totals (null with `[uncertainty] draws = 0`).
    pub uncertainty: Option<uncertainty::UncertaintySummary>,
}

/// The fitted parts of the shortage model, for the record.
#[derive(Debug, Clone, Serialize)]
pub struct ShortageModel {
    /// Employment elasticities to output by section (null without national section data).
    pub elasticity: Option<elasticity::ElasticityModel>,
    /// Output growth used per section, % a year.
    pub output_growth_pct: BTreeMap<String, f64>,
    /// Factor on retirements in the target year from pension-age steps.
    pub pension_factor: f64,
    /// Held-out metrics of the classifier trained on the rating history.
    pub classifier: Option<classifier::ClassifierReport>,
    /// The rule against the naive one on past years.
    pub backtest: backtest::BacktestReport,
    pub notes: Vec<String>,
}

/// One forecast series of the run.
#[derive(Debug, Clone)]
pub struct SeriesForecast {
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

/// Forecasts shared by the scenarios of one batch: scenarios on the same panel with the same
/// model and horizon differ only downstream (shortage rule, levers), so their forecasts are
/// computed once. Keyed on the panel folder, the model and the horizon; a batch never sees the
/// panel change under it (the files are read once per scenario and must not be edited while
/// it runs).
#[derive(Default)]
pub struct ForecastCache {
    map: std::sync::Mutex<BTreeMap<(PathBuf, String, usize), std::sync::Arc<Vec<SeriesForecast>>>>,
}

impl ForecastCache {
    pub fn new() -> Self {
        Self::default()
    }
}

/// What the allocation needs of a rated cell.
fn cell_demand(o: &shortage::CellOutlook) -> foreign::CellDemand {
    foreign::CellDemand {
        region: o.region,
        section: o.section,
        gap: o.shortage_persons(),
        in_shortage: o.rating == Rating::Shortage,
        // Persons missing per employed person: the LP's value of a permit in the cell.
        severity: if o.employed > 0.0 { o.flows.gap.max(0.0) / o.employed } else { 0.0 },
        employed: o.employed,
    }
}

/// Forecasts every series of the panel `h` years ahead with calibrated intervals.
fn forecast_panel(panel: &Panel, spec: ModelSpec, h: usize, progress: &dyn Progress) -> Result<Vec<SeriesForecast>> {
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
    Ok(forecasts)
}

/// Runs the pipeline for `scenario` and writes to `out_root/<scenario id>/`.
pub fn run(scenario_path: &Path, scenario: &Scenario, out_root: &Path, progress: &dyn Progress) -> Result<RunOutcome> {
    run_cached(scenario_path, scenario, out_root, progress, None)
}

/// [`run`], taking the forecasts from `cache` when another scenario of the batch computed them.
pub fn run_cached(
    scenario_path: &Path,
    scenario: &Scenario,
    out_root: &Path,
    progress: &dyn Progress,
    cache: Option<&ForecastCache>,
) -> Result<RunOutcome> {
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
    let chosen_fans = fan_cells(scenario_path, scenario, &panel)?;

    // ---- Forecasts ----
    let spec = scenario.forecast.model;
    let key = (
        std::fs::canonicalize(&scenario.data.panel).unwrap_or_else(|_| scenario.data.panel.clone()),
        format!("{spec:?}"),
        h,
    );
    let cached = cache.and_then(|c| c.map.lock().expect("cache lock").get(&key).cloned());
    let forecasts: std::sync::Arc<Vec<SeriesForecast>> = match cached {
        Some(f) => f,
        None => {
            let f = std::sync::Arc::new(forecast_panel(&panel, spec, h, progress)?);
            if let Some(c) = cache {
                c.map.lock().expect("cache lock").insert(key, f.clone());
            }
            f
        }
    };
    let forecasts: &[SeriesForecast] = &forecasts;
    let means: BTreeMap<(Region, Option<OkedSection>, &str), f64> =
        forecasts.iter().map(|f| ((f.region, f.section, f.variable), f.fc.point[h - 1])).collect();
    let fc_at = |r: Region, s: Option<OkedSection>, var: &'static str| -> f64 { means[&(r, s, var)] };

    // ---- Shortage ----
    progress.stage("rating shortages");
    let sh = &scenario.shortage;
    let rule = sh.rule();
    // Forecast paths (step 1..h) of the cell variables.
    let path = |r: Region, s: OkedSection, var: &str, k: usize| -> f64 {
        if k == 0 {
            let c = panel.cells[&(r, s, last)];
            return match var {
                "employed" => c.employed,
                "vacancies" => c.vacancies,
                "retirements" => c.retirements,
                _ => c.new_entrants,
            } as f64;
        }
        forecasts
            .iter()
            .find(|f| f.region == r && f.section == Some(s) && f.variable == var)
            .map(|f| f.fc.point[k - 1])
            .expect("every cell variable is forecast")
    };
    // Expansion demand: the national level of each section's employment follows the output
    // elasticity model; the statistical forecasts distribute it over regions.
    let mut model_notes = Vec::new();
    let elasticity = match &panel.national_sections {
        Some(ns) => Some(elasticity::fit(ns, &panel.sections, last)?),
        None => {
            model_notes.push(format!(
                "no {} in the panel: employment follows the statistical forecasts, without the output elasticity model",
                crate::panel::NATIONAL_SECTION_FILE
            ));
            None
        }
    };
    let mut output_growth: BTreeMap<String, f64> = BTreeMap::new();
    let mut adjust: BTreeMap<(OkedSection, usize), f64> = BTreeMap::new();
    if let Some(m) = &elasticity {
        for &s in &panel.sections {
            let e = m.section(s).expect("fitted for every panel section");
            let g = sh.output_growth_pct.get(s.code()).map(|p| p / 100.0).unwrap_or(e.output_growth_5y);
            output_growth.insert(s.code().to_string(), 100.0 * g);
            let base: f64 = Region::all().map(|r| path(r, s, "employed", 0)).sum();
            for k in [h - 1, h] {
                if k == 0 {
                    continue;
                }
                let stat: f64 = Region::all().map(|r| path(r, s, "employed", k)).sum();
                let model = m.growth_ratio(s, g, k).expect("fitted section");
                if stat > 0.0 && base > 0.0 {
                    adjust.insert((s, k), model * base / stat);
                }
            }
        }
    }
    let employed_at = |r: Region, s: OkedSection, k: usize| -> f64 {
        path(r, s, "employed", k) * adjust.get(&(s, k)).copied().unwrap_or(1.0)
    };
    // Replacement demand: retirements, lower in a year in which a pension age rises (part of
    // the cohort that would have retired stays in work).
    let age = |name: &str, y: i32| params.number(name, year_end(y)).map(|v| v.value);
    let step = |name: &str| -> Result<f64> { Ok((age(name, target)? - age(name, target - 1)?).clamp(0.0, 1.0)) };
    let (dw, dm) = (step("pension.age_women")?, step("pension.age_men")?);
    let pension_factor = 1.0 - sh.women_share_of_retirements * dw - (1.0 - sh.women_share_of_retirements) * dm;
    if pension_factor < 1.0 {
        model_notes.push(format!(
            "pension ages rise in {target} (women +{dw} years, men +{dm} years): retirements x {pension_factor:.3}"
        ));
    }
    let mut cells = Vec::new();
    for r in Region::all() {
        for &s in &panel.sections {
            cells.push(CellInputs {
                region: r,
                section: s,
                employed_last: employed_at(r, s, h - 1),
                employed: employed_at(r, s, h),
                retirements: path(r, s, "retirements", h) * pension_factor,
                vacancies: path(r, s, "vacancies", h),
                new_entrants: path(r, s, "new_entrants", h),
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
    // Current conditions: the indicators of the last observed year.
    let current = shortage::indicators::compute(&panel, last);
    let mut outlooks = shortage::rate_cells(&cells, &regions, &current, &rule, sh.frictional_unemployment_pct);
    // The classifier learns the rule from its past ratings and flags boundary cells.
    let mut examples = Vec::new();
    for &y in &panel.years {
        if let Some(rated) = backtest::rate_year(&panel, y, &rule, sh.frictional_unemployment_pct) {
            for c in rated.iter().filter(|c| c.rating_model != Rating::Undetermined) {
                examples.push(classifier::example(y, &c.z, c.rating_model == Rating::Shortage));
            }
        }
    }
    let trained = classifier::train(&examples, 3)?;
    if let Some((_, fitted)) = &trained {
        for o in outlooks.iter_mut().filter(|o| o.rating_model != Rating::Undetermined) {
            let (p, tree) = fitted.predict(&classifier::features(&o.z));
            o.p_shortage = Some(p);
            o.unstable = (0.3..=0.7).contains(&p) || tree != (o.rating_model == Rating::Shortage);
        }
    } else {
        model_notes.push("the rating history has one class only: no classifier".into());
    }
    let sens_cells: Vec<SensitivityCell> = outlooks
        .iter()
        .map(|o| SensitivityCell {
            region: o.region,
            section: o.section,
            employed_last: o.employed_last,
            z: o.z,
            gap: o.flows.gap,
            rating: o.rating_model,
        })
        .collect();
    let sensitivity = score::sensitivity(&sens_cells, &rule, &[0.8, 1.2]);
    shortage::apply_overrides(&mut outlooks, &sh.overrides());
    let first_bt = (*panel.years.first().expect("years") + 3).max(2015);
    let bt = backtest::backtest(&panel, &rule, sh.frictional_unemployment_pct, first_bt..=(last - 1).min(2024));
    let shortage_model = ShortageModel {
        elasticity,
        output_growth_pct: output_growth,
        pension_factor,
        classifier: trained.as_ref().map(|t| t.0.clone()),
        backtest: bt,
        notes: model_notes.clone(),
    };

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
    let local_content = params.table("foreign_labour.local_content_min_citizen_share", date)?.value;
    let ict_max_share = params.number("foreign_labour.ict_max_share_of_citizen_staff", date)?.value;
    let lf_basis: i64 = Region::all().map(|r| panel.regions[&(r, last)].labour_force).sum();
    let demands: Vec<foreign::CellDemand> = outlooks.iter().map(cell_demand).collect();
    let requests = match &scenario.data.employer_requests {
        Some(p) => Some(EmployerRequests::load(p)?),
        None => None,
    };
    let issued = match &scenario.data.permits_issued {
        Some(p) => Some(IssuedPermits::load(p)?),
        None => None,
    };
    let f = &scenario.foreign;
    let method = scenario.foreign_method().map_err(|m| Error::Scenario {
        location: crate::error::Location::column(scenario_path, "method"),
        message: m,
    })?;
    let settings = foreign::ForeignSettings {
        ceiling_pct,
        labour_force: lf_basis as u64,
        reserve_share: f.reserve_share,
        category_order,
        local_content,
        ict_max_share,
        method,
        constraints: foreign::Constraints {
            region_capacity: f.region_capacity.iter().map(|(k, v)| (k.parse().expect("validated"), *v)).collect(),
            section_floor: f.section_floor.iter().map(|(k, v)| (k.parse().expect("validated"), *v)).collect(),
            section_cap: f.section_cap.iter().map(|(k, v)| (k.parse().expect("validated"), *v)).collect(),
            min_coverage: f.min_coverage,
        },
    };
    let (order_rows, fsum) = foreign::allocate(&demands, requests.as_ref(), &settings)?;

    // ---- Uncertainty: the forecast intervals through the gap and the rating to the quota ----
    let unc = &scenario.uncertainty;
    let simulation = if unc.draws > 0 {
        progress.stage("simulating uncertainty");
        let dists: BTreeMap<(Region, Option<OkedSection>, &str), uncertainty::Dist> = forecasts
            .iter()
            .map(|f| {
                let i80 = f.fc.intervals.iter().find(|iv| iv.level == LEVELS[0]).expect("the 80 % interval");
                (
                    (f.region, f.section, f.variable),
                    uncertainty::Dist::from_interval(f.fc.point[h - 1], i80.lower[h - 1], i80.upper[h - 1]),
                )
            })
            .collect();
        // Looked up once, in the order the draws take them.
        let cell_dists: Vec<([uncertainty::Dist; 4], f64)> = cells
            .iter()
            .map(|c| {
                let d = |v: &str| dists[&(c.region, Some(c.section), v)];
                let adj = adjust.get(&(c.section, h)).copied().unwrap_or(1.0);
                ([d("employed"), d("retirements"), d("vacancies"), d("new_entrants")], adj)
            })
            .collect();
        let region_dists: Vec<[uncertainty::Dist; 2]> = regions
            .iter()
            .map(|g| [dists[&(g.region, None, "unemployed")], dists[&(g.region, None, "labour_force")]])
            .collect();
        let keys: Vec<(Region, OkedSection)> = cells.iter().map(|c| (c.region, c.section)).collect();
        let overrides_sim = sh.overrides();
        Some(uncertainty::simulate(&keys, unc.draws, unc.seed, |st| {
            let cells_d: Vec<CellInputs> = cells
                .iter()
                .zip(&cell_dists)
                .map(|(c, (d, adj))| {
                    let employed = d[0].draw(st) * adj;
                    let retirements = d[1].draw(st) * pension_factor;
                    let vacancies = d[2].draw(st);
                    let new_entrants = d[3].draw(st);
                    CellInputs { employed, retirements, vacancies, new_entrants, ..*c }
                })
                .collect();
            let regions_d: Vec<RegionInputs> = regions
                .iter()
                .zip(&region_dists)
                .map(|(g, d)| {
                    let unemployed = d[0].draw(st);
                    let labour_force = d[1].draw(st);
                    RegionInputs { unemployed, labour_force, ..*g }
                })
                .collect();
            // Rated in the order of `cells` (= `keys`).
            let mut o = shortage::rerate_flows(&outlooks, &cells_d, &regions_d, &rule, sh.frictional_unemployment_pct);
            shortage::apply_overrides(&mut o, &overrides_sim);
            let demands_d: Vec<foreign::CellDemand> = o.iter().map(cell_demand).collect();
            let (rows, sum) = foreign::allocate(&demands_d, requests.as_ref(), &settings).ok()?;
            let mut quota: BTreeMap<(Region, OkedSection), u64> = BTreeMap::new();
            for r in &rows {
                *quota.entry((r.region, r.section)).or_default() += r.quota;
            }
            Some(uncertainty::Draw {
                cells: o
                    .iter()
                    .map(|x| uncertainty::CellDraw {
                        gap: x.shortage_persons(),
                        quota: quota.get(&(x.region, x.section)).copied().unwrap_or(0),
                        shortage: x.rating == Rating::Shortage,
                    })
                    .collect(),
                demand: sum.demand,
                distributed: sum.distributed,
            })
        }))
    } else {
        None
    };

    // ---- Editions: the order and its amendments ----
    let order_spec = editions::OrderSpec {
        id: f.order.id.clone(),
        date: f.order.date.map(|d| d.to_string()),
        legal_basis: f.order.legal_basis.clone(),
    };
    let in_shortage: std::collections::BTreeSet<(Region, OkedSection)> =
        demands.iter().filter(|d| d.in_shortage && d.gap > 0).map(|d| (d.region, d.section)).collect();
    let order_quota: BTreeMap<editions::Key, u64> =
        order_rows.iter().map(|r| ((r.region, r.section, r.category), r.quota)).collect();
    let eds =
        editions::build(&order_spec, order_quota, fsum.ceiling, fsum.reserve, &scenario.amendments(), &in_shortage)?;
    let final_edition = eds.last().expect("the order");
    let quota_rows = final_rows(&order_rows, final_edition, &eds);
    let mut warnings_extra = Vec::new();
    let utilisation = issued.as_ref().map(|iss| {
        for (k, v) in &iss.issued {
            if final_edition.quota.get(k).copied().unwrap_or(0) < *v {
                warnings_extra.push(format!(
                    "{}: {v} permits issued in ({}, {}, {}) above its quota of {}",
                    iss.path.display(),
                    k.0,
                    k.1.code(),
                    k.2,
                    final_edition.quota.get(k).copied().unwrap_or(0)
                ));
            }
        }
        let total: u64 = iss.issued.values().sum();
        (total, if final_edition.distributed > 0 { total as f64 / final_edition.distributed as f64 } else { 0.0 })
    });

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
        housing_capacity: k.housing_capacity.iter().map(|(r, v)| (r.parse().expect("validated"), *v)).collect(),
    };
    let mut region_gaps: BTreeMap<Region, BTreeMap<OkedSection, u64>> = BTreeMap::new();
    for o in &outlooks {
        let g = o.shortage_persons();
        if g > 0 {
            region_gaps.entry(o.region).or_default().insert(o.section, g);
        }
    }
    let kshort: Vec<kandas::RegionShortage> =
        region_gaps.into_iter().map(|(region, gaps)| kandas::RegionShortage { region, gaps }).collect();
    let profile = if k.skill_matching {
        let t = params.table("kandas.education_profile", date)?.value;
        let get = |key: &str| {
            t.get(key).copied().ok_or_else(|| Error::param("kandas.education_profile", format!("no `{key}`")))
        };
        let p = kandas::EducationProfile {
            higher: get("higher")?,
            vocational: get("specialised_secondary")?,
            general: get("general_secondary")? + get("none")?,
        };
        let sum = p.higher + p.vocational + p.general;
        if (sum - 1.0).abs() > 1e-3 {
            return Err(Error::param("kandas.education_profile", format!("shares add up to {sum:.4}, not 1")));
        }
        let needs = panel.skill_needs.as_ref().ok_or_else(|| Error::Scenario {
            location: crate::error::Location::column(scenario_path, "skill_matching"),
            message: format!(
                "skill matching needs {} in the panel folder {} (or set skill_matching = false)",
                crate::panel::SKILL_FILE,
                scenario.data.panel.display()
            ),
        })?;
        Some((needs, p))
    } else {
        None
    };
    let (kandas_rows, ksum) =
        kandas::allocate(&designated, &kshort, profile.as_ref().map(|(n, p)| (*n, p)), &rules, &ksettings)?;

    // ---- Outputs ----
    progress.stage("writing outputs");
    let out_dir = out_root.join(&scenario.id);
    let scenario_sha = sha256_file(scenario_path)?;
    let mut inputs = Vec::new();
    let optional: Vec<PathBuf> =
        [&scenario.data.employer_requests, &scenario.data.permits_issued].into_iter().flatten().cloned().collect();
    for f in panel.files.iter().chain(params.files()).chain(optional.iter()) {
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
    let fmt = &scenario.output.formats;
    // Provenance: every row says which run wrote it (the dataset holds many runs).
    let prov = |t: OutputTable| {
        let n = t.len();
        t.col("run_id", ColumnData::Str(vec![run_id.clone(); n]), "run that wrote the row (kvota.run_id)")
    };
    set.write_table("forecast", &prov(forecast_table(forecasts, last, h)), &meta, fmt)?;
    set.write_table("shortage", &prov(shortage_table(&outlooks, target, last)), &meta, fmt)?;
    set.write_table("sensitivity", &prov(sensitivity_table(&sensitivity, target)), &meta, fmt)?;
    let foreign = prov(foreign_table(&quota_rows, final_edition, issued.as_ref(), target));
    let n = foreign.len();
    let foreign = foreign.col(
        "allocation_method",
        ColumnData::Str(vec![fsum.method.clone(); n]),
        "how the distributable quota was shared (summary.allocation_method)",
    );
    set.write_table("quota_foreign", &foreign, &meta, fmt)?;
    set.write_table("quota_kandas", &prov(kandas_table(&kandas_rows, &ksum, target)), &meta, fmt)?;
    if let Some((q, _)) = &simulation {
        set.write_table("uncertainty", &prov(uncertainty_table(q, target, unc.draws)), &meta, fmt)?;
    }
    set.write_table("editions/editions", &prov(editions_table(&eds, target)), &meta, fmt)?;
    set.write_table("editions/changes", &prov(changes_table(&eds, target)), &meta, fmt)?;
    set.write_table("editions/quota_by_edition", &prov(quota_by_edition_table(&eds, target)), &meta, fmt)?;

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
        shortage_gap: fsum.gap,
        allocation_method: fsum.method.clone(),
        requested: fsum.requested,
        requested_outside_shortage: fsum.requested_outside_shortage,
        ict_requested: fsum.ict_requested,
        ict_over_limit: fsum.ict_over_limit,
        local_content_failures: fsum.local_content_failures,
        binding_constraints: fsum.binding.clone(),
        foreign_by_category: fsum.by_category.iter().map(|(c, v)| (c.code().to_string(), *v)).collect(),
        editions: eds.iter().map(editions::EditionInfo::from).collect(),
        permits_issued: utilisation.map(|u| u.0),
        utilisation: utilisation.map(|u| u.1),
        cells_by_rating,
        kandas_regions: designated.iter().map(|r| r.iso().to_string()).collect(),
        kandas_families_funded: ksum.families_funded,
        kandas_families: ksum.families,
        kandas_persons: ksum.persons,
        kandas_cost_kzt: ksum.cost_kzt,
        kandas_budget_kzt: ksum.budget_kzt,
        kandas_unspent_kzt: ksum.unspent_kzt,
        kandas_skill_matched: ksum.skill_matched,
        uncertainty: simulation.as_ref().map(|s| s.1.clone()),
    };
    let mut outputs = Vec::new();
    for name in set.names().to_vec() {
        let staged = set.staged(&name);
        outputs.push(FileInfo { path: name.display().to_string(), sha256: sha256_file(&staged)? });
    }
    let mut warnings = panel.warnings.clone();
    warnings.extend(warnings_extra);
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
        shortage_model,
        warnings,
        outputs,
    };
    let json = serde_json::to_string_pretty(&manifest).map_err(|e| Error::output("manifest.json", e))?;
    set.write_bytes("manifest.json", format!("{json}\n").as_bytes())?;
    // The report and its charts, from the staged outputs: they describe exactly these files.
    progress.stage("writing the report");
    let data = crate::report::ReportData::read(&set.staged(Path::new("")))?;
    let value = serde_json::to_value(&manifest).map_err(|e| Error::output("report.html", e))?;
    let fans = fan_charts(chosen_fans, &panel, forecasts, &outlooks)?;
    let charts = [
        crate::report::quota_by_region_svg(&data)?,
        crate::report::shortage_heatmap_svg(&data)?,
        crate::report::fans_svg(&fans)?,
        crate::report::quota_map_svg(&data)?,
    ];
    let html = crate::report::html(&value, &data, &charts)?;
    set.write_bytes("report.html", html.as_bytes())?;
    set.write_bytes("charts/quota_by_region.svg", charts[0].as_bytes())?;
    set.write_bytes("charts/shortage_heatmap.svg", charts[1].as_bytes())?;
    set.write_bytes("charts/forecast_fans.svg", charts[2].as_bytes())?;
    set.write_bytes("charts/quota_map.svg", charts[3].as_bytes())?;
    if scenario.output.png {
        let p = set.stage_path("charts/quota_by_region.png")?;
        crate::report::quota_by_region_png(&data, &p)?;
        let p = set.stage_path("charts/forecast_fans.png")?;
        crate::report::fans_png(&fans, &p)?;
    }
    let files = set.commit()?;
    // The dashboard dataset: the same tables, partitioned by scenario and year.
    for table in crate::export::DATASET_TABLES {
        crate::export::write_hive_partition(
            out_root,
            table,
            &scenario.id,
            target,
            &out_dir.join(format!("{table}.parquet")),
        )?;
    }
    Ok(RunOutcome { out_dir, files, manifest })
}

/// The cells named by `[output] fan_cells`, checked against the panel before anything is written.
fn fan_cells(scenario_path: &Path, scenario: &Scenario, panel: &Panel) -> Result<Vec<(Region, OkedSection)>> {
    let mut cells = Vec::new();
    for name in &scenario.output.fan_cells {
        let cell = name.split_once('/').and_then(|(r, s)| {
            let s = s.trim();
            let letter = if s.chars().count() == 1 { s.chars().next() } else { None };
            Some((Region::from_iso(r.trim())?, OkedSection::from_letter(letter?)?))
        });
        match cell {
            Some(c) if panel.sections.contains(&c.1) => cells.push(c),
            _ => {
                return Err(Error::Scenario {
                    location: crate::error::Location::file(scenario_path),
                    message: format!(
                        "[output] fan_cells: `{name}` is not a cell of the panel (write region code / section letter, e.g. \"KZ-35/P\")"
                    ),
                });
            }
        }
    }
    Ok(cells)
}

/// The fans of the cells named by `[output] fan_cells`, or of the four largest shortages: the
/// panel's employment history and its forecast with the 80 % and 95 % intervals.
fn fan_charts(
    mut cells: Vec<(Region, OkedSection)>,
    panel: &Panel,
    forecasts: &[SeriesForecast],
    outlooks: &[shortage::CellOutlook],
) -> Result<Vec<crate::report::Fan>> {
    if cells.is_empty() {
        let mut top: Vec<&shortage::CellOutlook> = outlooks.iter().filter(|o| o.shortage_persons() > 0).collect();
        top.sort_by(|a, b| {
            b.shortage_persons()
                .cmp(&a.shortage_persons())
                .then_with(|| (a.region, a.section).cmp(&(b.region, b.section)))
        });
        cells = top.iter().take(4).map(|o| (o.region, o.section)).collect();
    }
    let last = panel.last_year();
    let mut fans = Vec::with_capacity(cells.len());
    for (r, s) in cells {
        let f = forecasts
            .iter()
            .find(|f| (f.region, f.section, f.variable) == (r, Some(s), "employed"))
            .expect("every panel cell has an employment forecast");
        // The last ten observed years: enough to judge the fan against the series' own swings.
        let mut history: Vec<(i32, f64)> =
            panel.years.iter().copied().zip(panel.cell_series(r, s, |c| c.employed)).collect();
        history.drain(..history.len().saturating_sub(10));
        let (i80, i95) = (f.fc.interval(80.0).expect("80 % level"), f.fc.interval(95.0).expect("95 % level"));
        let forecast = (0..f.fc.point.len())
            .map(|k| (last + 1 + k as i32, f.fc.point[k], i80.lower[k], i80.upper[k], i95.lower[k], i95.upper[k]))
            .collect();
        fans.push(crate::report::Fan {
            title: format!("{}, {} {}: employed", r.name_en(), s.code(), s.name_en()),
            history,
            forecast,
        });
    }
    Ok(fans)
}

fn uncertainty_table(q: &[uncertainty::CellQuantiles], target: i32, draws: usize) -> OutputTable {
    let col = |f: &dyn Fn(&uncertainty::CellQuantiles) -> u64| ColumnData::Int(q.iter().map(|c| f(c) as i64).collect());
    OutputTable::new("uncertainty")
        .region_columns(q.iter().map(|c| c.region))
        .section_columns(q.iter().map(|c| c.section))
        .col("year", ColumnData::Int(vec![target as i64; q.len()]), "target year")
        .col("gap_p10", col(&|c| c.gap[0]), "10th percentile of shortage_persons over the draws, persons")
        .col("gap_p50", col(&|c| c.gap[1]), "median of shortage_persons over the draws, persons")
        .col("gap_p90", col(&|c| c.gap[2]), "90th percentile of shortage_persons over the draws, persons")
        .col("quota_p10", col(&|c| c.quota[0]), "10th percentile of the cell's foreign-labour quota (order), permits")
        .col("quota_p50", col(&|c| c.quota[1]), "median of the cell's foreign-labour quota (order), permits")
        .col("quota_p90", col(&|c| c.quota[2]), "90th percentile of the cell's foreign-labour quota (order), permits")
        .col(
            "share_shortage",
            ColumnData::Float(q.iter().map(|c| c.share_shortage).collect()),
            "share of the draws in which the cell is rated shortage",
        )
        .col("draws", ColumnData::Int(vec![draws as i64; q.len()]), "number of draws")
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

fn shortage_table(o: &[CellOutlook], target: i32, last: i32) -> OutputTable {
    use shortage::indicators::Indicator;
    let f = |g: fn(&CellOutlook) -> f64| ColumnData::Float(o.iter().map(g).collect());
    let ind = |i: Indicator| ColumnData::OptFloat(o.iter().map(|c| c.indicators[i.index()]).collect());
    let _ = last;
    OutputTable::new("shortage")
        .region_columns(o.iter().map(|c| c.region))
        .section_columns(o.iter().map(|c| c.section))
        .col("year", ColumnData::Int(vec![target as i64; o.len()]), "target year")
        .col("employed_last", f(|c| c.employed_last), "employed in the year before the target year, persons")
        .col(
            "employed_forecast",
            f(|c| c.employed),
            "employment in the target year: the section's national level from the output elasticity model, spread over regions by the statistical forecasts, persons",
        )
        .col("expansion_demand", f(|c| c.flows.expansion), "employment growth in the target year, if positive, persons")
        .col("replacement_demand", f(|c| c.flows.replacement), "retirements (with pension-age steps), persons")
        .col("vacancies", f(|c| c.flows.vacancies), "forecast unfilled vacancies, persons")
        .col("openings", f(|c| c.flows.openings), "expansion + replacement + vacancies, persons")
        .col(
            "unemployed_matched",
            f(|c| c.flows.unemployed_matched),
            "region's forecast unemployed x the section's employment share, persons",
        )
        .col(
            "unemployed_available",
            f(|c| c.flows.unemployed_available),
            "the part of unemployed_matched above the frictional rate, persons",
        )
        .col("new_entrants", f(|c| c.flows.new_entrants), "forecast new entrants to the labour force, persons")
        .col(
            "net_migration",
            f(|c| c.flows.migration),
            "net internal migration of the last year x activity rate x section share, persons",
        )
        .col("domestic_supply", f(|c| c.flows.supply), "unemployed_available + new_entrants + net_migration, persons")
        .col("gap", f(|c| c.flows.gap), "openings - domestic_supply, persons (negative: surplus)")
        .col(
            "shortage_persons",
            ColumnData::Int(o.iter().map(|c| c.shortage_persons() as i64).collect()),
            "whole persons of gap in cells rated shortage, 0 elsewhere",
        )
        .col("vacancy_rate", ind(Indicator::VacancyRate), "vacancies / (employed + vacancies), last observed year")
        .col(
            "tightness",
            ind(Indicator::Tightness),
            "vacancies per matched unemployed person, last observed year (null when none are unemployed)",
        )
        .col("wage_relative", ind(Indicator::WageRelative), "average wage / employment-weighted national median")
        .col("real_wage_growth_1y", ind(Indicator::RealWageGrowth1y), "real wage growth over the last year (CPI-deflated)")
        .col(
            "real_wage_growth_3y",
            ind(Indicator::RealWageGrowth3y),
            "real wage growth a year over the last 3 years (CPI-deflated)",
        )
        .col("employment_growth_3y", ind(Indicator::EmploymentGrowth3y), "employment growth a year over the last 3 years")
        .col("unemployment_rate", ind(Indicator::UnemploymentRate), "the region's unemployment rate")
        .col(
            "vacancy_persistence",
            ind(Indicator::VacancyPersistence),
            "share of the last 3 years with a vacancy rate above the national",
        )
        .col(
            "score",
            ColumnData::OptFloat(o.iter().map(|c| c.score).collect()),
            "composite shortage score: weighted mean of the robust z-scores of the indicators (null when undetermined)",
        )
        .col(
            "rating_model",
            ColumnData::Str(o.iter().map(|c| c.rating_model.code().to_string()).collect()),
            "the rule's rating: shortage, balanced, surplus or undetermined",
        )
        .col(
            "rating",
            ColumnData::Str(o.iter().map(|c| c.rating.code().to_string()).collect()),
            "the rating used: the rule's, or a planner's override",
        )
        .col(
            "override_reason",
            ColumnData::OptStr(o.iter().map(|c| c.override_reason.clone()).collect()),
            "why a planner overrode the rule (null: not overridden)",
        )
        .col(
            "p_shortage",
            ColumnData::OptFloat(o.iter().map(|c| c.p_shortage).collect()),
            "logistic classifier's probability that the rule rates the cell shortage, learned from past ratings",
        )
        .col(
            "unstable",
            ColumnData::Bool(o.iter().map(|c| c.unstable).collect()),
            "p_shortage between 0.3 and 0.7, or the decision tree disagrees with the rule",
        )
        .col("reason", ColumnData::Str(o.iter().map(|c| c.reason.clone()).collect()), "why, generated from the numbers")
}

fn sensitivity_table(rows: &[score::SensitivityRow], target: i32) -> OutputTable {
    OutputTable::new("sensitivity")
        .col("year", ColumnData::Int(vec![target as i64; rows.len()]), "target year")
        .col(
            "indicator",
            ColumnData::Str(rows.iter().map(|r| r.indicator.name().to_string()).collect()),
            "indicator whose weight was changed",
        )
        .col("factor", ColumnData::Float(rows.iter().map(|r| r.factor).collect()), "weight multiplied by")
        .col(
            "cells_changed",
            ColumnData::Int(rows.iter().map(|r| r.changed as i64).collect()),
            "cells whose rule rating changes",
        )
        .col(
            "shortage_cells",
            ColumnData::Int(rows.iter().map(|r| r.shortage as i64).collect()),
            "cells rated shortage with the changed weight",
        )
        .col(
            "surplus_cells",
            ColumnData::Int(rows.iter().map(|r| r.surplus as i64).collect()),
            "cells rated surplus with the changed weight",
        )
        .col(
            "changes",
            ColumnData::Str(rows.iter().map(|r| r.changes.join("; ")).collect()),
            "the changed cells, region/section old->new",
        )
}

/// A row of the final edition: the order's row with the amendments applied.
#[derive(Debug, Clone)]
struct FinalRow {
    row: foreign::QuotaCell,
    /// Quota in the annual order.
    order_quota: u64,
}

/// The rows of the last edition: the order's rows, amended quotas, and rows the amendments
/// created (a category a cell did not have in the order).
fn final_rows(order: &[foreign::QuotaCell], last: &editions::Edition, eds: &[editions::Edition]) -> Vec<FinalRow> {
    let mut changes: BTreeMap<editions::Key, Vec<(&str, &editions::AppliedChange)>> = BTreeMap::new();
    for e in eds.iter().skip(1) {
        for c in &e.changes {
            changes.entry(c.key).or_default().push((e.id.as_str(), c));
        }
    }
    let note = |key: &editions::Key| -> String {
        changes.get(key).map_or(String::new(), |v| {
            v.iter()
                .map(|(id, c)| {
                    format!(
                        " Amended by {id}: {:+} ({}){}",
                        c.delta,
                        if c.delta > 0 { "from the reserve" } else { "back to the reserve" },
                        if c.reason.is_empty() { String::new() } else { format!(": {}", c.reason) }
                    )
                })
                .collect::<String>()
        })
    };
    let mut out: Vec<FinalRow> = order
        .iter()
        .map(|r| {
            let key = (r.region, r.section, r.category);
            let mut row = r.clone();
            row.quota = last.quota.get(&key).copied().unwrap_or(r.quota);
            row.explanation.push_str(&note(&key));
            FinalRow { row, order_quota: r.quota }
        })
        .collect();
    let known: std::collections::BTreeSet<editions::Key> =
        order.iter().map(|r| (r.region, r.section, r.category)).collect();
    for (key, q) in &last.quota {
        if known.contains(key) {
            continue;
        }
        let template = order.iter().find(|r| r.region == key.0 && r.section == key.1);
        let row = foreign::QuotaCell {
            region: key.0,
            section: key.1,
            category: key.2,
            quota: *q,
            cell_quota: template.map_or(0, |t| t.cell_quota),
            cell_demand: template.map_or(0, |t| t.cell_demand),
            gap: template.map_or(0, |t| t.gap),
            requested: None,
            severity: template.map_or(0.0, |t| t.severity),
            binding: "amendment".into(),
            shadow_price: None,
            tie_broken: false,
            local_content: None,
            explanation: format!("{} x {}: not in the order.{}", key.0.iso(), key.1.code(), note(key)),
        };
        out.push(FinalRow { row, order_quota: 0 });
    }
    out
}

fn foreign_table(
    rows: &[FinalRow],
    edition: &editions::Edition,
    issued: Option<&IssuedPermits>,
    target: i32,
) -> OutputTable {
    let r = |f: fn(&foreign::QuotaCell) -> i64| ColumnData::Int(rows.iter().map(|x| f(&x.row)).collect());
    let n = rows.len();
    let issued_of = |x: &FinalRow| {
        issued.map(|i| i.issued.get(&(x.row.region, x.row.section, x.row.category)).copied().unwrap_or(0))
    };
    OutputTable::new("quota_foreign")
        .region_columns(rows.iter().map(|x| x.row.region))
        .section_columns(rows.iter().map(|x| x.row.section))
        .col(
            "category",
            ColumnData::Str(rows.iter().map(|x| x.row.category.code().to_string()).collect()),
            "worker category: 1, 2, 3, 4 or seasonal",
        )
        .col("year", ColumnData::Int(vec![target as i64; n]), "quota year")
        .col("edition_id", ColumnData::Str(vec![edition.id.clone(); n]), "edition this quota is from (the last one)")
        .col(
            "edition_date",
            ColumnData::OptStr(vec![edition.date.clone(); n]),
            "date of the edition (null for a draft)",
        )
        .col("legal_basis", ColumnData::Str(vec![edition.legal_basis.clone(); n]), "legal basis of the edition")
        .col("quota", r(|c| c.quota as i64), "work permits allotted in this edition, persons")
        .col(
            "order_quota",
            ColumnData::Int(rows.iter().map(|x| x.order_quota as i64).collect()),
            "work permits in the annual order (edition 0), persons",
        )
        .col("cell_quota", r(|c| c.cell_quota as i64), "the order's quota of the region x section cell, all categories")
        .col("cell_demand", r(|c| c.cell_demand as i64), "justified demand of the cell (all categories), persons")
        .col("gap", r(|c| c.gap as i64), "shortage gap of the cell, persons (0 when not in shortage)")
        .col(
            "requested",
            ColumnData::OptInt(rows.iter().map(|x| x.row.requested.map(|v| v as i64)).collect()),
            "requested by employers for this category (null without a requests table)",
        )
        .col(
            "severity",
            ColumnData::Float(rows.iter().map(|x| x.row.severity).collect()),
            "shortage gap per employed person (the LP's value of a permit)",
        )
        .col(
            "binding",
            ColumnData::Str(rows.iter().map(|x| x.row.binding.clone()).collect()),
            "the constraint that decided the cell's quota",
        )
        .col(
            "shadow_price",
            ColumnData::OptFloat(rows.iter().map(|x| x.row.shadow_price).collect()),
            "LP: severity gained per unit of relaxing the binding constraint (null for proportional)",
        )
        .col(
            "tie_broken",
            ColumnData::Bool(rows.iter().map(|x| x.row.tie_broken).collect()),
            "a tie was broken by the stated rule (larger weight, then order) in this cell",
        )
        .col(
            "local_content_limit",
            ColumnData::OptInt(rows.iter().map(|x| x.row.local_content.map(|l| l.limit as i64)).collect()),
            "most foreign workers of the category the local-content condition allows (null for seasonal)",
        )
        .col(
            "local_content_basis",
            ColumnData::OptStr(rows.iter().map(|x| x.row.local_content.map(|l| l.basis.code().to_string())).collect()),
            "citizen_staff (the condition itself) or cell_employment (a necessary condition)",
        )
        .col(
            "local_content_ok",
            ColumnData::OptBool(rows.iter().map(|x| x.row.local_content.map(|l| l.quota_ok(x.row.quota))).collect()),
            "the quota is within the local-content limit",
        )
        .col(
            "issued",
            ColumnData::OptInt(rows.iter().map(|x| issued_of(x).map(|v| v as i64)).collect()),
            "permits issued against this row (null without a permits table)",
        )
        .col(
            "utilisation",
            ColumnData::OptFloat(
                rows.iter()
                    .map(|x| issued_of(x).and_then(|v| (x.row.quota > 0).then(|| v as f64 / x.row.quota as f64)))
                    .collect(),
            ),
            "issued / quota (null without a permits table or for a zero quota)",
        )
        .col(
            "explanation",
            ColumnData::Str(rows.iter().map(|x| x.row.explanation.clone()).collect()),
            "why the row has its quota, generated from the numbers",
        )
}

fn editions_table(eds: &[editions::Edition], target: i32) -> OutputTable {
    OutputTable::new("editions")
        .col("year", ColumnData::Int(vec![target as i64; eds.len()]), "quota year")
        .col(
            "seq",
            ColumnData::Int(eds.iter().map(|e| e.seq as i64).collect()),
            "0 = the annual order, then amendments",
        )
        .col("edition_id", ColumnData::Str(eds.iter().map(|e| e.id.clone()).collect()), "edition id")
        .col(
            "edition_date",
            ColumnData::OptStr(eds.iter().map(|e| e.date.clone()).collect()),
            "date (null for a draft)",
        )
        .col("legal_basis", ColumnData::Str(eds.iter().map(|e| e.legal_basis.clone()).collect()), "legal basis")
        .col("ceiling", ColumnData::Int(eds.iter().map(|e| e.ceiling as i64).collect()), "ceiling, persons")
        .col("reserve", ColumnData::Int(eds.iter().map(|e| e.reserve as i64).collect()), "reserve left, persons")
        .col("distributed", ColumnData::Int(eds.iter().map(|e| e.distributed as i64).collect()), "distributed, persons")
        .col("changes", ColumnData::Int(eds.iter().map(|e| e.changes.len() as i64).collect()), "number of changes")
}

fn changes_table(eds: &[editions::Edition], target: i32) -> OutputTable {
    let rows: Vec<(&editions::Edition, &editions::AppliedChange)> =
        eds.iter().flat_map(|e| e.changes.iter().map(move |c| (e, c))).collect();
    OutputTable::new("edition_changes")
        .col("year", ColumnData::Int(vec![target as i64; rows.len()]), "quota year")
        .col("edition_id", ColumnData::Str(rows.iter().map(|(e, _)| e.id.clone()).collect()), "amendment id")
        .col("edition_date", ColumnData::OptStr(rows.iter().map(|(e, _)| e.date.clone()).collect()), "date")
        .region_columns(rows.iter().map(|(_, c)| c.key.0))
        .section_columns(rows.iter().map(|(_, c)| c.key.1))
        .col(
            "category",
            ColumnData::Str(rows.iter().map(|(_, c)| c.key.2.code().to_string()).collect()),
            "worker category",
        )
        .col(
            "delta",
            ColumnData::Int(rows.iter().map(|(_, c)| c.delta).collect()),
            "permits added (+) or withdrawn (-)",
        )
        .col("before", ColumnData::Int(rows.iter().map(|(_, c)| c.before as i64).collect()), "quota before, persons")
        .col("after", ColumnData::Int(rows.iter().map(|(_, c)| c.after as i64).collect()), "quota after, persons")
        .col("reason", ColumnData::Str(rows.iter().map(|(_, c)| c.reason.clone()).collect()), "reason given")
}

fn quota_by_edition_table(eds: &[editions::Edition], target: i32) -> OutputTable {
    let rows: Vec<(&editions::Edition, &editions::Key, u64)> =
        eds.iter().flat_map(|e| e.quota.iter().map(move |(k, q)| (e, k, *q))).collect();
    OutputTable::new("quota_by_edition")
        .col("year", ColumnData::Int(vec![target as i64; rows.len()]), "quota year")
        .col("seq", ColumnData::Int(rows.iter().map(|(e, _, _)| e.seq as i64).collect()), "edition sequence number")
        .col("edition_id", ColumnData::Str(rows.iter().map(|(e, _, _)| e.id.clone()).collect()), "edition id")
        .region_columns(rows.iter().map(|(_, k, _)| k.0))
        .section_columns(rows.iter().map(|(_, k, _)| k.1))
        .col(
            "category",
            ColumnData::Str(rows.iter().map(|(_, k, _)| k.2.code().to_string()).collect()),
            "worker category",
        )
        .col(
            "quota",
            ColumnData::Int(rows.iter().map(|(_, _, q)| *q as i64).collect()),
            "quota in the edition, persons",
        )
}

fn kandas_table(rows: &[kandas::KandasRow], s: &kandas::KandasSummary, target: i32) -> OutputTable {
    let per_family = s.family_cost.total();
    let int = |f: fn(&kandas::KandasRow) -> u64| ColumnData::Int(rows.iter().map(|r| f(r) as i64).collect());
    OutputTable::new("quota_kandas")
        .region_columns(rows.iter().map(|r| r.region))
        .col("year", ColumnData::Int(vec![target as i64; rows.len()]), "quota year")
        .col("families", int(|r| r.families), "supported families allotted")
        .col("persons", int(|r| r.persons), "persons in those families")
        .col("shortage_gap", int(|r| r.shortage_gap), "shortage gap of the region (shortage cells), persons")
        .col("jobs_higher", int(|r| r.jobs_by_tier[0]), "shortage jobs needing higher education, persons")
        .col("jobs_vocational", int(|r| r.jobs_by_tier[1]), "shortage jobs needing specialised secondary, persons")
        .col("jobs_general", int(|r| r.jobs_by_tier[2]), "shortage jobs needing general secondary or less, persons")
        .col(
            "shortage_weight",
            int(|r| r.weight),
            "working arrivals the region's shortage can absorb given their education: the weight of the split",
        )
        .col(
            "job_capacity",
            int(|r| r.job_capacity),
            "families the jobs can take (weight / working members per family)",
        )
        .col(
            "housing_capacity",
            ColumnData::OptInt(rows.iter().map(|r| r.housing_capacity.map(|v| v as i64)).collect()),
            "housing the region offers, families (null: not capped)",
        )
        .col(
            "cost_kzt",
            ColumnData::Float(rows.iter().map(|r| r.families as f64 * per_family).collect()),
            "budgeted state support, tenge",
        )
        .col(
            "binding",
            ColumnData::Str(rows.iter().map(|r| r.binding.clone()).collect()),
            "share, job capacity or housing capacity",
        )
        .col(
            "tie_broken",
            ColumnData::Bool(rows.iter().map(|r| r.tie_broken).collect()),
            "the region's last family was decided by the tie-break rule",
        )
        .col(
            "explanation",
            ColumnData::Str(rows.iter().map(|r| r.explanation.clone()).collect()),
            "why the region has its families, generated from the numbers",
        )
}
