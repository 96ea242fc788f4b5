//! Demand and domestic supply per region x OKED section, the gap, and the shortage rating.
//!
//! Stock-flow accounting in the manner of Canada's COPS and Cedefop:
//!
//! - openings = expansion demand (forecast employment change, if positive)
//!   + replacement demand (forecast retirements) + forecast unfilled vacancies;
//! - domestic supply = the region's forecast unemployed above the frictional rate, matched to
//!   sections by their share of the region's employment + forecast new entrants + net internal
//!   migration of the last year (times the activity rate, by section share);
//! - gap = openings - domestic supply (negative: domestic supply exceeds openings).
//!
//! Tightness is vacancies per matched unemployed person, relative to the national ratio
//! (1.0 = as tight as the country). Rating: `shortage` when the gap is positive and relative
//! tightness reaches the scenario's cut-off; `surplus` when the gap is negative and relative
//! tightness is below the surplus cut-off; `undetermined` for cells too small to judge;
//! `balanced` otherwise.

use std::fmt;

use crate::codes::{OkedSection, Region};
use crate::scenario::ShortageConfig;

/// The rating of a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rating {
    Shortage,
    Balanced,
    Surplus,
    Undetermined,
}

impl Rating {
    pub fn code(self) -> &'static str {
        match self {
            Rating::Shortage => "shortage",
            Rating::Balanced => "balanced",
            Rating::Surplus => "surplus",
            Rating::Undetermined => "undetermined",
        }
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Forecast inputs for one cell in the target year (persons; means of the forecasts).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CellInputs {
    pub region: Region,
    pub section: OkedSection,
    /// Employment in the last observed year.
    pub employed_last: f64,
    /// Forecast employment in the target year.
    pub employed: f64,
    pub retirements: f64,
    pub vacancies: f64,
    pub new_entrants: f64,
}

/// Forecast inputs for one region in the target year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RegionInputs {
    pub region: Region,
    pub unemployed: f64,
    /// Forecast labour force, for the frictional level of unemployment.
    pub labour_force: f64,
    /// Net internal migration in the last observed year (persons, signed).
    pub net_migration: f64,
    /// Labour force / population in the last observed year, applied to migrants.
    pub activity_rate: f64,
}

/// Demand, supply, gap and rating of one cell.
#[derive(Debug, Clone, PartialEq)]
pub struct CellOutlook {
    pub region: Region,
    pub section: OkedSection,
    pub employed_last: f64,
    pub employed: f64,
    pub expansion: f64,
    pub replacement: f64,
    pub vacancies: f64,
    pub openings: f64,
    /// The region's unemployed x the section's employment share.
    pub unemployed_matched: f64,
    /// The part of `unemployed_matched` above the frictional rate: available supply.
    pub unemployed_available: f64,
    pub new_entrants: f64,
    pub migration: f64,
    pub supply: f64,
    pub gap: f64,
    /// Vacancies per matched unemployed person.
    pub tightness: f64,
    /// `tightness` over the national ratio.
    pub relative_tightness: f64,
    pub rating: Rating,
    /// Why the rating is what it is, in words generated from the numbers.
    pub reason: String,
}

impl CellOutlook {
    /// Whole persons of positive gap: the quota-relevant shortage.
    pub fn shortage_persons(&self) -> u64 {
        if self.rating == Rating::Shortage && self.gap >= 1.0 { self.gap.floor() as u64 } else { 0 }
    }
}

/// Computes the outlook of every cell. `cells` must all belong to regions in `regions`.
pub fn assess(cells: &[CellInputs], regions: &[RegionInputs], cfg: &ShortageConfig) -> Vec<CellOutlook> {
    let mut region_employed: std::collections::BTreeMap<Region, f64> = std::collections::BTreeMap::new();
    for c in cells {
        *region_employed.entry(c.region).or_default() += c.employed_last;
    }
    // National tightness: all forecast vacancies over all forecast unemployed.
    let total_v: f64 = cells.iter().map(|c| c.vacancies).sum();
    let total_u: f64 = regions.iter().map(|r| r.unemployed).sum();
    let national_tightness = if total_u > 0.0 { total_v / total_u } else { f64::INFINITY };
    let frictional = cfg.frictional_unemployment_pct / 100.0;
    let mut out = Vec::with_capacity(cells.len());
    for c in cells {
        let reg = regions.iter().find(|r| r.region == c.region).expect("every cell's region has inputs");
        // Section share of the region's employment in the last observed year.
        let region_employed = region_employed[&c.region];
        let share = if region_employed > 0.0 { c.employed_last / region_employed } else { 0.0 };
        let expansion = (c.employed - c.employed_last).max(0.0);
        let openings = expansion + c.retirements + c.vacancies;
        let unemployed_matched = reg.unemployed * share;
        let unemployed_available = (reg.unemployed - frictional * reg.labour_force).max(0.0) * share;
        let migration = reg.net_migration * reg.activity_rate * share;
        let supply = unemployed_available + c.new_entrants + migration;
        let gap = openings - supply;
        let tightness = if unemployed_matched > 0.0 { c.vacancies / unemployed_matched } else { f64::INFINITY };
        let relative_tightness = tightness / national_tightness;
        let (rating, reason) = if c.employed_last < cfg.min_cell_employment as f64 {
            (
                Rating::Undetermined,
                format!(
                    "{:.0} employed, below the {} needed to judge a cell",
                    c.employed_last, cfg.min_cell_employment
                ),
            )
        } else if gap > 0.0 && relative_tightness >= cfg.tightness_cutoff {
            (
                Rating::Shortage,
                format!(
                    "openings {:.0} exceed domestic supply {:.0} by {:.0}; {:.2} vacancies per unemployed, {:.2} x the national {:.2} (cut-off {:.2})",
                    openings, supply, gap, tightness, relative_tightness, national_tightness, cfg.tightness_cutoff
                ),
            )
        } else if gap < 0.0 && relative_tightness < cfg.surplus_cutoff {
            (
                Rating::Surplus,
                format!(
                    "domestic supply {:.0} exceeds openings {:.0} by {:.0}; {:.2} vacancies per unemployed, {:.2} x the national {:.2} (below {:.2})",
                    supply, openings, -gap, tightness, relative_tightness, national_tightness, cfg.surplus_cutoff
                ),
            )
        } else {
            (
                Rating::Balanced,
                format!(
                    "openings {:.0} vs domestic supply {:.0}; {:.2} vacancies per unemployed, {:.2} x the national {:.2}",
                    openings, supply, tightness, relative_tightness, national_tightness
                ),
            )
        };
        out.push(CellOutlook {
            region: c.region,
            section: c.section,
            employed_last: c.employed_last,
            employed: c.employed,
            expansion,
            replacement: c.retirements,
            vacancies: c.vacancies,
            openings,
            unemployed_matched,
            unemployed_available,
            new_entrants: c.new_entrants,
            migration,
            supply,
            gap,
            tightness,
            relative_tightness,
            rating,
            reason,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(section: char, last: f64, fc: f64, vac: f64) -> CellInputs {
        CellInputs {
            region: Region::PAVLODAR,
            section: OkedSection::from_letter(section).unwrap(),
            employed_last: last,
            employed: fc,
            retirements: 100.0,
            vacancies: vac,
            new_entrants: 50.0,
        }
    }

    #[test]
    fn supply_is_split_by_employment_share_and_adds_up() {
        let cells = [cell('A', 30_000.0, 31_000.0, 900.0), cell('F', 10_000.0, 9_000.0, 50.0)];
        let regions = [RegionInputs {
            region: Region::PAVLODAR,
            unemployed: 2_000.0,
            labour_force: 40_000.0,
            net_migration: -400.0,
            activity_rate: 0.5,
        }];
        let cfg = ShortageConfig { frictional_unemployment_pct: 2.5, ..ShortageConfig::default() };
        let out = assess(&cells, &regions, &cfg);
        let matched: f64 = out.iter().map(|c| c.unemployed_matched).sum();
        assert!((matched - 2_000.0).abs() < 1e-9);
        // 1,000 of the 2,000 unemployed are above the 2.5 % frictional level.
        let available: f64 = out.iter().map(|c| c.unemployed_available).sum();
        assert!((available - 1_000.0).abs() < 1e-9);
        let mig: f64 = out.iter().map(|c| c.migration).sum();
        assert!((mig + 200.0).abs() < 1e-9);
        // National tightness 950 / 2000; A: 900 / 1500 -> 1.26 x national.
        // A: openings 1000 + 100 + 900 = 2000; supply 750 + 50 - 150 = 650 -> shortage 1350.
        assert_eq!(out[0].openings, 2000.0);
        assert!((out[0].gap - 1350.0).abs() < 1e-9);
        assert_eq!(out[0].rating, Rating::Shortage);
        assert_eq!(out[0].shortage_persons(), 1350);
        // F: openings 0 + 100 + 50 = 150; supply 250 + 50 - 50 = 250; 50/500 = 0.21 x national.
        assert_eq!(out[1].rating, Rating::Surplus);
        assert_eq!(out[1].shortage_persons(), 0);
    }
}
