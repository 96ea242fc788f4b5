//! The jobs kvota runs, each a conductor: it calls the stages in order with resolved settings
//! and hands their typed results to `export` and `report`; it computes nothing itself.
//!
//! - [`run`]: the whole job on a panel and a [`Config`] — forecast demand and domestic supply
//!   per region x section for the target year, rate shortages, allocate the foreign-labour
//!   quota and the kandas regional quota, write the tables, the manifest and the report;
//! - [`run_batch`] and [`compare`]: several scenarios sharing their forecasts;
//! - [`jobs`]: the file commands (`forecast`, `ingest`, `select`, `contract`, `apportion`,
//!   `dataset build`).

pub mod jobs;
mod outputs;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::allocate::foreign::ForeignSettings;
use crate::allocate::kandas::{self, EducationProfile, SupportRules};
use crate::allocate::vetting::{self, Vetting, VettingContext, VettingRules};
use crate::allocate::{editions, foreign};
use crate::compare::Comparison;
use crate::config::Config;
use crate::error::{Error, Location, Msg, Result};
use crate::ingest::request_lines::{OccupationWages, RequestLines, read_projects};
use crate::ingest::requests::{IssuedPermits, RequestsInput, load_requests};
use crate::manifest::Manifest;
use crate::panel::Panel;
use crate::params::{Params, year_end};
use crate::series::{self, PanelForecasts};
use crate::shortage;
use crate::uncertainty;

pub use crate::progress::{Progress, Quiet, Stage};

/// What a run produced.
#[derive(Debug)]
pub struct RunOutcome {
    pub out_dir: PathBuf,
    pub files: Vec<PathBuf>,
    pub manifest: Manifest,
}

/// Forecasts shared by the scenarios of one batch: scenarios on the same panel with the same
/// model and horizon differ only downstream (shortage rule, levers), so their forecasts are
/// computed once. Keyed on the panel folder, the model, the last year of data and the horizon; a batch never sees the
/// panel change under it (the files are read once per scenario and must not be edited while
/// it runs).
#[derive(Default)]
pub struct ForecastCache {
    map: Mutex<BTreeMap<(PathBuf, String, usize), Arc<PanelForecasts>>>,
}

impl ForecastCache {
    pub fn new() -> Self {
        Self::default()
    }
}

/// Everything a run computed, handed to the writers.
pub(crate) struct RunResults<'a> {
    pub cfg: &'a Config,
    pub panel: &'a Panel,
    pub params: &'a Params,
    pub forecasts: &'a PanelForecasts,
    pub assessment: shortage::Assessment,
    pub foreign: foreign::ForeignSummary,
    pub ceiling_pct: f64,
    pub labour_force: u64,
    pub overrides: Vec<String>,
    pub editions: Vec<editions::Edition>,
    pub quota_rows: Vec<editions::FinalRow>,
    pub issued: Option<IssuedPermits>,
    pub utilisation: Option<(u64, f64)>,
    pub warnings: Vec<crate::warning::Warning>,
    pub simulation: Option<(Vec<uncertainty::CellQuantiles>, uncertainty::UncertaintySummary)>,
    pub designated: Vec<crate::codes::Region>,
    pub kandas_rows: Vec<kandas::KandasRow>,
    pub kandas: kandas::KandasSummary,
    /// The run held against the published decisions.
    pub reality: Vec<crate::reality::RealityRow>,
    /// The reference files read for it.
    pub reference_files: Vec<PathBuf>,
    /// Request lines vetted one by one (when the requests file is in the line layout).
    pub vetted: Option<Vetting>,
}

/// Runs the pipeline for `cfg` and writes to `out_root/<scenario id>/`.
pub fn run(cfg: &Config, out_root: &Path, progress: &dyn Progress) -> Result<RunOutcome> {
    run_cached(cfg, out_root, progress, None)
}

/// [`run`], taking the forecasts from `cache` when another scenario of the batch computed them.
pub fn run_cached(
    cfg: &Config,
    out_root: &Path,
    progress: &dyn Progress,
    cache: Option<&ForecastCache>,
) -> Result<RunOutcome> {
    cfg.check_inputs()?;
    progress.stage(Stage::Loading);
    let params = Params::load(&cfg.data.params)?;
    let (panel, _report) = Panel::load(&cfg.data.panel)?;
    let panel = match cfg.data.last_year {
        Some(y) => panel.cut(y).map_err(|message| Error::Scenario {
            location: Location { file: cfg.source.path.clone(), row: None, column: Some("last_year".into()) },
            message,
        })?,
        None => panel,
    };
    let last = panel.last_year();
    let target = cfg.target_year;
    if target <= last {
        return Err(Error::Scenario {
            location: Location::file(&cfg.source.path),
            message: Msg::new("run-target-year").arg("target", target).arg("last", last),
        });
    }
    check_fan_cells(cfg, &panel)?;
    let forecasts = forecasts(cfg, &panel, (target - last) as usize, progress, cache)?;

    progress.stage(Stage::Rating);
    let assessment = shortage::assess(&panel, &forecasts, &params, target, &cfg.shortage)?;

    progress.stage(Stage::Allocating);
    let date = year_end(target);
    let labour_force = panel.labour_force(last);
    let (fsettings, overrides) = ForeignSettings::from_params(&params, date, labour_force, &cfg.foreign)?;
    let (requests, vetted) = match cfg.data.employer_requests.as_deref().map(load_requests).transpose()? {
        Some(RequestsInput::Lines(lines)) => {
            let (v, alternatives) = vet_requests(cfg, &params, &panel, &assessment, date, &lines)?;
            (Some(v.justified_by_cell(&lines.path)), Some((v, alternatives)))
        }
        Some(RequestsInput::Cells(r)) => (Some(r), None),
        None => (None, None),
    };
    let (mut vetted, alternatives) = vetted.unzip();
    let alternatives = alternatives.flatten();
    let issued = cfg.data.permits_issued.as_deref().map(IssuedPermits::load).transpose()?;
    let demands: Vec<foreign::CellDemand> = assessment.outlooks.iter().map(uncertainty::cell_demand).collect();
    let (order_rows, fsum) = foreign::allocate(&demands, requests.as_ref(), &fsettings)?;
    if let Some(v) = vetted.as_mut() {
        v.share_quota(&order_rows)?;
    }
    if cfg.uncertainty.draws > 0 {
        progress.stage(Stage::Simulating);
    }
    let simulation = uncertainty::simulate_quotas(
        &assessment,
        &forecasts,
        &cfg.shortage,
        requests.as_ref(),
        alternatives.as_ref(),
        &fsettings,
        cfg.uncertainty,
    );
    let eds = editions::build_from_rows(&cfg.foreign, &order_rows, &fsum, &demands)?;
    let final_edition = eds.last().expect("the order");
    let quota_rows = editions::final_rows(&order_rows, final_edition, &eds);
    let mut warnings = Vec::new();
    let utilisation = issued.as_ref().map(|iss| editions::utilisation(iss, final_edition, &mut warnings));

    let designated = params.regions("kandas.resettlement_regions", date)?.value;
    let rules = SupportRules::from_params(&params, date)?;
    let shortages = kandas::region_shortages(&assessment.outlooks);
    let profile = if cfg.kandas.skill_matching {
        let needs = panel.skill_needs.as_ref().ok_or_else(|| Error::Scenario {
            location: Location::column(&cfg.source.path, "skill_matching"),
            message: Msg::new("run-skill-file")
                .arg("file", crate::panel::SKILL_FILE)
                .arg("folder", cfg.data.panel.display()),
        })?;
        Some((needs, EducationProfile::from_params(&params, date)?))
    } else {
        None
    };
    let previous = previous_kandas_order(&params, cfg.target_year)?;
    let (kandas_rows, ksum) = kandas::allocate(
        &designated,
        &shortages,
        profile.as_ref().map(|(n, p)| (*n, p)),
        previous.as_ref(),
        &rules,
        &cfg.kandas,
    )?;

    let (reality, reference_files) =
        held_against_published(cfg, &params, date, &fsettings, &fsum, &order_rows, &kandas_rows, &mut warnings)?;

    progress.stage(Stage::WritingOutputs);
    let results = RunResults {
        reality,
        reference_files,
        cfg,
        panel: &panel,
        params: &params,
        forecasts: &forecasts,
        assessment,
        foreign: fsum,
        ceiling_pct: fsettings.ceiling_pct,
        labour_force,
        overrides,
        editions: eds,
        quota_rows,
        issued,
        utilisation,
        warnings,
        simulation,
        designated,
        kandas_rows,
        kandas: ksum,
        vetted,
    };
    outputs::write(&results, out_root, progress)
}

/// Vets request lines against the run's ratings, wages and projects; with the uncertainty
/// simulation on, also what they would justify under other ratings.
fn vet_requests(
    cfg: &Config,
    params: &Params,
    panel: &Panel,
    assessment: &shortage::Assessment,
    date: chrono::NaiveDate,
    lines: &RequestLines,
) -> Result<(Vetting, Option<vetting::RatingAlternatives>)> {
    let rules = VettingRules::from_params(params, date)?;
    let wages = OccupationWages::load(&cfg.data.occupation_wages, cfg.data.occupation_wages_year)?;
    // Wages of their year taken to the year the requests are filed (the one before the
    // target), by the panel's national average wage.
    let filed = (cfg.target_year - 1).min(panel.last_year());
    let wage_scale = match panel.wage_ratio(filed, wages.year) {
        Some(r) => r,
        None => {
            return Err(Error::Scenario {
                location: Location::column(&cfg.source.path, "occupation_wages_year"),
                message: Msg::new("run-wage-scale").arg("year", wages.year).arg("filed", filed),
            });
        }
    };
    let projects = cfg.data.projects.as_deref().map(read_projects).transpose()?;
    let ratings = assessment.outlooks.iter().map(|o| ((o.region, o.section), o.rating)).collect();
    let ctx = VettingContext {
        ratings: &ratings,
        wages: &wages,
        wage_scale,
        projects: projects.as_deref(),
        target_year: cfg.target_year,
    };
    let alternatives =
        (cfg.uncertainty.draws > 0).then(|| vetting::RatingAlternatives::new(&lines.path, &lines.lines, &rules, &ctx));
    Ok((vetting::vet(&lines.lines, &rules, &ctx)?, alternatives))
}

/// The panel's forecasts, from the batch's cache when another scenario computed them.
fn forecasts(
    cfg: &Config,
    panel: &Panel,
    h: usize,
    progress: &dyn Progress,
    cache: Option<&ForecastCache>,
) -> Result<Arc<PanelForecasts>> {
    let key = (
        std::fs::canonicalize(&cfg.data.panel).unwrap_or_else(|_| cfg.data.panel.clone()),
        format!("{:?} data to {}, back-test from {} origins", cfg.model, panel.last_year(), cfg.backtest_origins),
        h,
    );
    if let Some(f) = cache.and_then(|c| c.map.lock().expect("cache lock").get(&key).cloned()) {
        return Ok(f);
    }
    let f = series::forecast_panel(panel, cfg.model, h, cfg.backtest_origins, progress)?;
    let f = Arc::new(f);
    if let Some(c) = cache {
        c.map.lock().expect("cache lock").insert(key, f.clone());
    }
    Ok(f)
}

/// The kandas regional quota order in force before the target year: what a planner has when
/// the next year's quota is drawn up (`None` when no order is in force by then).
fn previous_kandas_order(params: &crate::params::Params, year: i32) -> Result<Option<kandas::PreviousOrder>> {
    let before = chrono::NaiveDate::from_ymd_opt(year - 1, 12, 31).expect("a date");
    let Ok(q) = params.table("kandas.regional_quota", before) else { return Ok(None) };
    let mut persons = BTreeMap::new();
    for (code, v) in &q.value {
        let r = code.parse().map_err(|e: crate::codes::UnknownName| Error::param("kandas.regional_quota", e))?;
        persons.insert(r, v.round().max(0.0) as u64);
    }
    Ok(Some(kandas::PreviousOrder { year: chrono::Datelike::year(&q.effective), persons }))
}

/// kvota's figures beside the published ones for the target year: the reference folder
/// (ceiling, totals, regions, stock by section) and the parameters that are themselves the
/// target year's orders (categories, kandas regions).
#[allow(clippy::too_many_arguments)]
fn held_against_published(
    cfg: &Config,
    params: &Params,
    date: chrono::NaiveDate,
    fsettings: &ForeignSettings,
    fsum: &foreign::ForeignSummary,
    order_rows: &[foreign::QuotaCell],
    kandas_rows: &[kandas::KandasRow],
    warnings: &mut Vec<crate::warning::Warning>,
) -> Result<(Vec<crate::reality::RealityRow>, Vec<PathBuf>)> {
    use crate::reality::{Figures, Published, PublishedCounts};
    use chrono::Datelike;
    let year = cfg.target_year;
    let reference = if crate::builtin::is_dir(&cfg.data.reference) {
        crate::ingest::reference::Reference::read(&cfg.data.reference)?
    } else {
        warnings.push(crate::warning::Warning::NoReference { path: cfg.data.reference.clone() });
        return Ok((Vec::new(), Vec::new()));
    };
    let mut k = Figures {
        year,
        ceiling_pct: fsettings.ceiling_pct,
        ceiling_is_legal: cfg.foreign.ceiling_pct_override.is_none(),
        distributed: fsum.distributed,
        by_category: fsum.by_category.iter().map(|(c, v)| (c.code().to_string(), *v)).collect(),
        ..Figures::default()
    };
    for r in order_rows {
        *k.by_region.entry(r.region).or_default() += r.quota;
        *k.by_section.entry(r.section).or_default() += r.quota;
    }
    k.kandas_by_region = kandas_rows.iter().map(|r| (r.region, r.persons)).collect();
    k.kandas_split_by_order = kandas_rows
        .first()
        .filter(|r| r.split == kandas::Split::PreviousOrder)
        .and_then(|r| r.previous_order.map(|p| p.0));
    if k.kandas_split_by_order.is_some() {
        let size = cfg.kandas.family_size as u64;
        k.kandas_by_region_shortage =
            kandas_rows.iter().map(|r| r.families_by_shortage.map(|f| (r.region, f * size))).collect();
    }
    let order = params.table("foreign_labour.order_by_category", date)?;
    let order_is_target_year = order.effective.year() == year;
    let kq = params.table("kandas.regional_quota", date).ok().filter(|q| q.effective.year() == year);
    let kandas = match kq {
        Some(q) => {
            let mut counts = BTreeMap::new();
            for (code, v) in &q.value {
                let r =
                    code.parse().map_err(|e: crate::codes::UnknownName| Error::param("kandas.regional_quota", e))?;
                counts.insert(r, *v);
            }
            Some(PublishedCounts { counts, source: q.reference.clone() })
        }
        None => None,
    };
    let published = Published {
        quota: reference.quotas.iter().find(|q| q.year == year).cloned(),
        order: order_is_target_year
            .then(|| PublishedCounts { counts: order.value.clone(), source: order.reference.clone() }),
        regions: reference.regions.iter().find(|r| r.year == year).cloned(),
        stock: reference.stock_before(year).cloned(),
        kandas,
    };
    // Without requests the categories follow the order's own shares.
    let order_shares_used = order_is_target_year && cfg.data.employer_requests.is_none();
    Ok((crate::reality::compare(&k, &published, &cfg.calibrated, order_shares_used), reference.files))
}

/// The cells named by `[output] fan_cells` must be cells of the panel; checked before anything
/// is written.
fn check_fan_cells(cfg: &Config, panel: &Panel) -> Result<()> {
    match cfg.output.fan_cells.iter().find(|c| !panel.sections.contains(&c.1)) {
        None => Ok(()),
        Some((r, s)) => Err(Error::Scenario {
            location: Location::file(&cfg.source.path),
            message: Msg::new("cfg-fan-cell").arg("value", format!("{}/{}", r.iso(), s.code())),
        }),
    }
}

/// Runs several scenarios, sharing the forecasts of those on the same panel, model and horizon;
/// `each` sees every outcome as it is written. Scenario ids must differ (they name the output
/// folders).
pub fn run_batch(
    configs: &[Config],
    out_root: &Path,
    progress: &dyn Progress,
    each: &mut dyn FnMut(&Config, &RunOutcome),
) -> Result<Vec<RunOutcome>> {
    let mut ids = std::collections::BTreeSet::new();
    for c in configs {
        if !ids.insert(c.id.clone()) {
            return Err(Error::Scenario {
                location: Location::file(&c.source.path),
                message: Msg::new("run-id-twice").arg("id", &c.id),
            });
        }
    }
    let cache = ForecastCache::new();
    let mut out = Vec::with_capacity(configs.len());
    for c in configs {
        let o = run_cached(c, out_root, progress, Some(&cache))?;
        each(c, &o);
        out.push(o);
    }
    Ok(out)
}

/// What `kvota scenario compare` produced.
#[derive(Debug)]
pub struct CompareOutcome {
    pub comparison: Comparison,
    /// `<out>/compare_<A>_<B>` (with `.parquet`, `.csv` and `.svg`).
    pub stem: PathBuf,
}

/// Runs two scenarios (sharing forecasts), compares their outputs cell by cell and writes
/// `compare_<A>_<B>.parquet`, `.csv` and a chart of the deltas by region (`.svg`).
pub fn compare(a: &Config, b: &Config, out_root: &Path, progress: &dyn Progress) -> Result<CompareOutcome> {
    if a.id == b.id {
        return Err(Error::Scenario {
            location: Location::file(&b.source.path),
            message: Msg::new("run-same-id").arg("id", &a.id),
        });
    }
    let runs = run_batch(&[a.clone(), b.clone()], out_root, progress, &mut |_, _| {})?;
    let cmp = crate::compare::compare(&runs[0].out_dir, &runs[1].out_dir)?;
    let table = cmp.cell_table();
    let stem = out_root.join(format!("compare_{}_{}", a.id, b.id));
    let meta = [("scenario_a", a.id.clone()), ("scenario_b", b.id.clone())];
    crate::export::write_table(&stem.with_extension("parquet"), &table, &meta)?;
    crate::export::write_table(&stem.with_extension("csv"), &table, &meta)?;
    crate::export::write_atomic(
        &stem.with_extension("svg"),
        crate::report::compare_svg(&cmp, crate::i18n::Lang::from_env().texts())?.as_bytes(),
    )?;
    Ok(CompareOutcome { comparison: cmp, stem })
}
