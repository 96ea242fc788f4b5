//! The shortage stage of a run: from the panel's forecasts to rated cells. Expansion demand
//! follows the output-elasticity model at the national level of each section (spread over
//! regions by the statistical forecasts); replacement demand falls in a year in which a pension
//! age rises; the cells are rated by the rule, checked by the classifier trained on the rule's
//! past ratings, tested for sensitivity to the weights, back-tested, and overridden where a
//! planner says so.

use std::collections::BTreeMap;

use serde::Serialize;

use super::score::{self, RuleConfig, SensitivityCell, SensitivityRow};
use super::{CellInputs, CellOutlook, Override, Rating, RegionInputs, backtest, classifier, elasticity};
use crate::codes::{OkedSection, Region};
use crate::error::Result;
use crate::panel::Panel;
use crate::params::{Params, year_end};
use crate::series::PanelForecasts;

/// The shortage settings of a run (resolved from the scenario).
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub rule: RuleConfig,
    /// Unemployment up to this percentage of the labour force is frictional.
    pub frictional_unemployment_pct: f64,
    /// Real output growth by section in the target years, % a year (others: their 5-year mean).
    pub output_growth_pct: BTreeMap<OkedSection, f64>,
    /// Share of women among those who retire.
    pub women_share_of_retirements: f64,
    pub overrides: Vec<Override>,
    /// First and last year of the back-test (clamped to the panel).
    pub backtest_years: (i32, i32),
    /// Classifier probabilities in this band flag a cell as unstable.
    pub instability_band: (f64, f64),
    /// Factors on each indicator weight in the sensitivity table.
    pub sensitivity_factors: Vec<f64>,
}

/// The fitted parts of the shortage model, for the record (`manifest.json`).
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

/// What the shortage stage hands on.
#[derive(Debug, Clone)]
pub struct Assessment {
    /// Demand-side inputs of every cell in the target year (the order of `outlooks`).
    pub cells: Vec<CellInputs>,
    /// Supply-side inputs of every region.
    pub regions: Vec<RegionInputs>,
    /// Factor bringing the statistical employment path of a section at step k to the
    /// output-elasticity level.
    pub adjust: BTreeMap<(OkedSection, usize), f64>,
    /// The rated cells, overrides applied.
    pub outlooks: Vec<CellOutlook>,
    pub sensitivity: Vec<SensitivityRow>,
    pub model: ShortageModel,
}

/// Rates every cell of the panel for `target` from the forecasts.
pub fn assess(
    panel: &Panel,
    forecasts: &PanelForecasts,
    params: &Params,
    target: i32,
    s: &Settings,
) -> Result<Assessment> {
    let h = forecasts.horizon;
    let last = panel.last_year();
    let mut notes = Vec::new();
    let (elasticity, output_growth, adjust) = expansion_levels(panel, forecasts, s, &mut notes)?;
    let pension_factor = pension_factor(params, target, s.women_share_of_retirements)?;
    if pension_factor.factor < 1.0 {
        notes.push(format!(
            "pension ages rise in {target} (women +{} years, men +{} years): retirements x {:.3}",
            pension_factor.women, pension_factor.men, pension_factor.factor
        ));
    }
    let path = |r: Region, sec: OkedSection, var: &str, k: usize| cell_path(panel, forecasts, r, sec, var, k, last);
    let employed_at = |r: Region, sec: OkedSection, k: usize| {
        path(r, sec, "employed", k) * adjust.get(&(sec, k)).copied().unwrap_or(1.0)
    };
    let mut cells = Vec::new();
    for r in Region::all() {
        for &sec in &panel.sections {
            cells.push(CellInputs {
                region: r,
                section: sec,
                employed_last: employed_at(r, sec, h - 1),
                employed: employed_at(r, sec, h),
                retirements: path(r, sec, "retirements", h) * pension_factor.factor,
                vacancies: path(r, sec, "vacancies", h),
                new_entrants: path(r, sec, "new_entrants", h),
                sources: panel.cells[&(r, sec, last)].sources,
            });
        }
    }
    let regions: Vec<RegionInputs> = Region::all()
        .map(|r| {
            let ry = &panel.regions[&(r, last)];
            RegionInputs {
                region: r,
                unemployed: forecasts.mean(r, None, "unemployed", h),
                labour_force: forecasts.mean(r, None, "labour_force", h),
                net_migration: ry.net_internal_migration as f64,
                activity_rate: ry.labour_force as f64 / ry.population as f64,
                sources: ry.sources,
            }
        })
        .collect();
    // Current conditions: the indicators of the last observed year.
    let current = super::indicators::compute(panel, last);
    let mut outlooks = super::rate_cells(&cells, &regions, &current, &s.rule, s.frictional_unemployment_pct);
    let classifier = classify(panel, s, &mut outlooks, &mut notes)?;
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
    let sensitivity = score::sensitivity(&sens_cells, &s.rule, &s.sensitivity_factors);
    super::apply_overrides(&mut outlooks, &s.overrides);
    let first_bt = (*panel.years.first().expect("years") + 3).max(s.backtest_years.0);
    let bt = backtest::backtest(
        panel,
        &s.rule,
        s.frictional_unemployment_pct,
        first_bt..=(last - 1).min(s.backtest_years.1),
    );
    let model = ShortageModel {
        elasticity,
        output_growth_pct: output_growth,
        pension_factor: pension_factor.factor,
        classifier,
        backtest: bt,
        notes,
    };
    Ok(Assessment { cells, regions, adjust, outlooks, sensitivity, model })
}

/// A cell variable at step `k` of the forecast (`k = 0`: the last observed year).
fn cell_path(
    panel: &Panel,
    forecasts: &PanelForecasts,
    r: Region,
    s: OkedSection,
    var: &str,
    k: usize,
    last: i32,
) -> f64 {
    if k == 0 {
        let c = panel.cells[&(r, s, last)];
        return match var {
            "employed" => c.employed,
            "vacancies" => c.vacancies,
            "retirements" => c.retirements,
            _ => c.new_entrants,
        } as f64;
    }
    forecasts.mean(r, Some(s), var, k)
}

type ExpansionLevels =
    (Option<elasticity::ElasticityModel>, BTreeMap<String, f64>, BTreeMap<(OkedSection, usize), f64>);

/// Expansion demand: the national level of each section's employment follows the output
/// elasticity model; the statistical forecasts distribute it over regions. Returns the model,
/// the output growth used per section and the factor per section and step.
fn expansion_levels(
    panel: &Panel,
    forecasts: &PanelForecasts,
    s: &Settings,
    notes: &mut Vec<String>,
) -> Result<ExpansionLevels> {
    let h = forecasts.horizon;
    let last = panel.last_year();
    let mut output_growth: BTreeMap<String, f64> = BTreeMap::new();
    let mut adjust: BTreeMap<(OkedSection, usize), f64> = BTreeMap::new();
    let Some(ns) = &panel.national_sections else {
        notes.push(format!(
            "no {} in the panel: employment follows the statistical forecasts, without the output elasticity model",
            crate::panel::NATIONAL_SECTION_FILE
        ));
        return Ok((None, output_growth, adjust));
    };
    let m = elasticity::fit(ns, &panel.sections, last)?;
    for &sec in &panel.sections {
        let e = m.section(sec).expect("fitted for every panel section");
        let g = s.output_growth_pct.get(&sec).map(|p| p / 100.0).unwrap_or(e.output_growth_5y);
        output_growth.insert(sec.code().to_string(), 100.0 * g);
        let base: f64 = Region::all().map(|r| cell_path(panel, forecasts, r, sec, "employed", 0, last)).sum();
        for k in [h - 1, h] {
            if k == 0 {
                continue;
            }
            let stat: f64 = Region::all().map(|r| cell_path(panel, forecasts, r, sec, "employed", k, last)).sum();
            let model = m.growth_ratio(sec, g, k).expect("fitted section");
            if stat > 0.0 && base > 0.0 {
                adjust.insert((sec, k), model * base / stat);
            }
        }
    }
    Ok((Some(m), output_growth, adjust))
}

/// The factor on retirements in `target` from the pension-age steps of that year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PensionFactor {
    pub factor: f64,
    /// Years the women's and men's pension ages rise in the target year (0 to 1).
    pub women: f64,
    pub men: f64,
}

/// Replacement demand is lower in a year in which a pension age rises: part of the cohort that
/// would have retired stays in work.
pub fn pension_factor(params: &Params, target: i32, women_share: f64) -> Result<PensionFactor> {
    let age = |name: &str, y: i32| params.number(name, year_end(y)).map(|v| v.value);
    let step = |name: &str| -> Result<f64> { Ok((age(name, target)? - age(name, target - 1)?).clamp(0.0, 1.0)) };
    let (women, men) = (step("pension.age_women")?, step("pension.age_men")?);
    Ok(PensionFactor { factor: 1.0 - women_share * women - (1.0 - women_share) * men, women, men })
}

/// The classifier learns the rule from its past ratings and flags the cells near its boundary.
fn classify(
    panel: &Panel,
    s: &Settings,
    outlooks: &mut [CellOutlook],
    notes: &mut Vec<String>,
) -> Result<Option<classifier::ClassifierReport>> {
    let mut examples = Vec::new();
    for &y in &panel.years {
        if let Some(rated) = backtest::rate_year(panel, y, &s.rule, s.frictional_unemployment_pct) {
            for c in rated.iter().filter(|c| c.rating_model != Rating::Undetermined) {
                examples.push(classifier::example(y, &c.z, c.rating_model == Rating::Shortage));
            }
        }
    }
    let trained = classifier::train(&examples, 3)?;
    let (lo, hi) = s.instability_band;
    match &trained {
        Some((_, fitted)) => {
            for o in outlooks.iter_mut().filter(|o| o.rating_model != Rating::Undetermined) {
                let (p, tree) = fitted.predict(&classifier::features(&o.z));
                o.p_shortage = Some(p);
                o.unstable = (lo..=hi).contains(&p) || tree != (o.rating_model == Rating::Shortage);
            }
        }
        None => notes.push("the rating history has one class only: no classifier".into()),
    }
    Ok(trained.map(|t| t.0))
}
