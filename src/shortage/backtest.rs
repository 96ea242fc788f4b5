//! The rating rule applied to past years with only the data of those years, and its back-test:
//! how often a cell rated shortage in year t shows the signs of a shortage in t + 1 — its
//! vacancies rise, or its wages grow faster than the national average wage (a real-wage
//! premium) — compared with a naive rule (vacancy rate above the median of the year).

use std::collections::BTreeMap;

use super::indicators;
use super::score::RuleConfig;
use super::{CellInputs, CellOutlook, Rating, RegionInputs, rate_cells};
use crate::codes::{OkedSection, Region};
use crate::panel::Panel;

/// Ratings of every cell in `year` from the observed values of that year (openings and supply
/// from the observed flows; indicators from the data up to that year).
pub fn rate_year(panel: &Panel, year: i32, cfg: &RuleConfig, frictional_pct: f64) -> Option<Vec<CellOutlook>> {
    if !panel.years.contains(&(year - 1)) || !panel.years.contains(&year) {
        return None;
    }
    let mut cells = Vec::new();
    for r in Region::all() {
        for &s in &panel.sections {
            let (c, p) = (panel.cells[&(r, s, year)], panel.cells[&(r, s, year - 1)]);
            cells.push(CellInputs {
                region: r,
                section: s,
                employed_last: p.employed as f64,
                employed: c.employed as f64,
                retirements: c.retirements as f64,
                vacancies: c.vacancies as f64,
                new_entrants: c.new_entrants as f64,
                sources: c.sources,
            });
        }
    }
    let regions: Vec<RegionInputs> = Region::all()
        .map(|r| {
            let ry = panel.regions[&(r, year)];
            RegionInputs {
                region: r,
                unemployed: ry.unemployed as f64,
                labour_force: ry.labour_force as f64,
                net_migration: ry.net_internal_migration as f64,
                activity_rate: if ry.population > 0 { ry.labour_force as f64 / ry.population as f64 } else { 0.0 },
                sources: ry.sources,
            }
        })
        .collect();
    let ind = indicators::compute(panel, year);
    Some(rate_cells(&cells, &regions, &ind, cfg, frictional_pct))
}

/// Precision of one rule in one year.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BacktestRow {
    pub year: i32,
    pub method: String,
    /// Cells the rule flagged.
    pub flagged: usize,
    /// Flagged cells that showed a shortage sign the next year.
    pub hits: usize,
    pub precision: f64,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BacktestReport {
    pub rows: Vec<BacktestRow>,
    /// Pooled over the years: method -> (flagged, hits, precision).
    pub pooled: BTreeMap<String, (usize, usize, f64)>,
    /// Share of all judged cells with a shortage sign the next year.
    pub base_rate: f64,
}

/// Back-test over `years` (each needs the next year in the panel).
pub fn backtest(
    panel: &Panel,
    cfg: &RuleConfig,
    frictional_pct: f64,
    years: std::ops::RangeInclusive<i32>,
) -> BacktestReport {
    let mut rows = Vec::new();
    let mut pooled: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let (mut all, mut all_hits) = (0usize, 0usize);
    for t in years {
        if !panel.years.contains(&(t + 1)) {
            continue;
        }
        let Some(rated) = rate_year(panel, t, cfg, frictional_pct) else { continue };
        let nat = |y: i32| panel.national.get(&y).map(|n| n.avg_wage_kzt as f64);
        let (Some(w0), Some(w1)) = (nat(t), nat(t + 1)) else { continue };
        let national_growth = w1 / w0;
        let sign = |r: Region, s: OkedSection| -> bool {
            let (c0, c1) = (panel.cells[&(r, s, t)], panel.cells[&(r, s, t + 1)]);
            c1.vacancies > c0.vacancies
                || (c0.avg_wage_kzt > 0 && c1.avg_wage_kzt as f64 / c0.avg_wage_kzt as f64 > national_growth)
        };
        let judged: Vec<&CellOutlook> = rated.iter().filter(|c| c.rating != Rating::Undetermined).collect();
        // Naive rule: vacancy rate above the median of the judged cells.
        let vr = |c: &CellOutlook| c.indicators[indicators::Indicator::VacancyRate.index()];
        let mut rates: Vec<f64> = judged.iter().filter_map(|c| vr(c)).collect();
        rates.sort_by(f64::total_cmp);
        let median = if rates.is_empty() { f64::INFINITY } else { rates[rates.len() / 2] };
        type Rule<'a> = Box<dyn Fn(&CellOutlook) -> bool + 'a>;
        let methods: [(&str, Rule); 2] = [
            ("composite", Box::new(|c: &CellOutlook| c.rating == Rating::Shortage)),
            ("naive_vacancy_rate", Box::new(move |c: &CellOutlook| vr(c).is_some_and(|v| v > median))),
        ];
        for c in &judged {
            all += 1;
            all_hits += sign(c.region, c.section) as usize;
        }
        for (name, rule) in methods.iter() {
            let flagged: Vec<&&CellOutlook> = judged.iter().filter(|c| rule(c)).collect();
            let hits = flagged.iter().filter(|c| sign(c.region, c.section)).count();
            let p = pooled.entry(name.to_string()).or_default();
            p.0 += flagged.len();
            p.1 += hits;
            rows.push(BacktestRow {
                year: t,
                method: name.to_string(),
                flagged: flagged.len(),
                hits,
                precision: if flagged.is_empty() { f64::NAN } else { hits as f64 / flagged.len() as f64 },
            });
        }
    }
    BacktestReport {
        rows,
        pooled: pooled
            .into_iter()
            .map(|(k, (f, h))| (k, (f, h, if f > 0 { h as f64 / f as f64 } else { f64::NAN })))
            .collect(),
        base_rate: if all > 0 { all_hits as f64 / all as f64 } else { f64::NAN },
    }
}
