//! The foreign-labour quota as the law builds it: a ceiling (a percentage of the labour force
//! in force for the target year), a reserve held back for in-year amendments, and the
//! distributed part apportioned to shortage cells in proportion to their gap, split into worker
//! categories by the shares of the order in force; seasonal workers only in agriculture.

use std::collections::BTreeMap;

use crate::allocate::apportion::{TieBreak, hamilton};
use crate::codes::{OkedSection, Region, WorkerCategory};
use crate::error::{Error, Result};

/// Justified demand of one cell (persons): zero unless the cell is in shortage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellDemand {
    pub region: Region,
    pub section: OkedSection,
    pub demand: u64,
}

/// Settings of one allocation, all resolved from parameters and the scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct ForeignSettings {
    /// Ceiling as a percentage of the labour force.
    pub ceiling_pct: f64,
    /// Labour force the percentage applies to (persons).
    pub labour_force: u64,
    /// Share of the ceiling held back as a reserve.
    pub reserve_share: f64,
    /// Category counts of the order in force, used as shares (keys `1`..`4`, `seasonal`).
    pub category_order: BTreeMap<String, f64>,
}

/// One row of the allocation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotaCell {
    pub region: Region,
    pub section: OkedSection,
    pub category: WorkerCategory,
    pub quota: u64,
    /// Justified demand of the cell (all categories).
    pub demand: u64,
    /// The last unit of this row was decided by the tie-break rule.
    pub tie_broken: bool,
}

/// Totals of the allocation.
#[derive(Debug, Clone, PartialEq)]
pub struct ForeignSummary {
    pub ceiling: u64,
    pub reserve: u64,
    pub distributable: u64,
    pub distributed: u64,
    pub demand: u64,
    pub seasonal_share: f64,
    pub by_category: BTreeMap<WorkerCategory, u64>,
}

/// Allocates the quota. Distributed = min(ceiling - reserve, total justified demand).
pub fn allocate(cells: &[CellDemand], s: &ForeignSettings) -> Result<(Vec<QuotaCell>, ForeignSummary)> {
    let ceiling = ((s.ceiling_pct / 100.0) * s.labour_force as f64 + 1e-6).floor() as u64;
    let reserve = ((ceiling as f64) * s.reserve_share - 1e-9).ceil().max(0.0) as u64;
    let distributable = ceiling - reserve.min(ceiling);
    let demand: u64 = cells.iter().map(|c| c.demand).sum();

    let cat = |k: &str| s.category_order.get(k).copied().unwrap_or(0.0);
    let cat_counts = [cat("1"), cat("2"), cat("3"), cat("4")];
    let cat_total: f64 = cat_counts.iter().sum();
    if cat_total <= 0.0 {
        return Err(Error::Infeasible {
            constraint: "foreign_labour.order_by_category".into(),
            message: "the order in force gives no counts for categories 1-4, so the split is undefined".into(),
        });
    }
    let seasonal = cat("seasonal");
    let seasonal_share = seasonal / (cat_total + seasonal);

    // Seasonal pool: agriculture (section A) cells only, up to their demand.
    let agri = OkedSection::from_letter('A').expect("section A");
    let agri_idx: Vec<usize> = (0..cells.len()).filter(|&i| cells[i].section == agri && cells[i].demand > 0).collect();
    let agri_demand: u64 = agri_idx.iter().map(|&i| cells[i].demand).sum();
    let seasonal_pool = ((distributable as f64 * seasonal_share).round() as u64).min(agri_demand);
    let mut seasonal_by_cell = vec![0u64; cells.len()];
    let mut ties = vec![false; cells.len()];
    if seasonal_pool > 0 {
        let w: Vec<u64> = agri_idx.iter().map(|&i| cells[i].demand).collect();
        let a = hamilton(seasonal_pool, &w, TieBreak::LargerWeightThenOrder)?;
        for (k, &i) in agri_idx.iter().enumerate() {
            seasonal_by_cell[i] = a.seats[k];
        }
        for k in a.tie_broken {
            ties[agri_idx[k]] = true;
        }
    }

    // Categories 1-4: what is left of the distributable part, by remaining demand.
    let remaining: Vec<u64> = cells.iter().zip(&seasonal_by_cell).map(|(c, s)| c.demand - s).collect();
    let rem_total: u64 = remaining.iter().sum();
    let pool = (distributable - seasonal_pool).min(rem_total);
    let per_cell = if pool > 0 {
        let a = hamilton(pool, &remaining, TieBreak::LargerWeightThenOrder)?;
        for i in a.tie_broken {
            ties[i] = true;
        }
        a.seats
    } else {
        vec![0; cells.len()]
    };
    let cat_weights: Vec<u64> = cat_counts.iter().map(|c| c.round() as u64).collect();

    let mut rows = Vec::new();
    let mut by_category: BTreeMap<WorkerCategory, u64> = WorkerCategory::ALL.iter().map(|c| (*c, 0)).collect();
    for (i, c) in cells.iter().enumerate() {
        if c.demand == 0 {
            continue;
        }
        let split = if per_cell[i] > 0 {
            hamilton(per_cell[i], &cat_weights, TieBreak::LargerWeightThenOrder)?.seats
        } else {
            vec![0; 4]
        };
        let cats = [WorkerCategory::Cat1, WorkerCategory::Cat2, WorkerCategory::Cat3, WorkerCategory::Cat4];
        for (k, wc) in cats.iter().enumerate() {
            rows.push(QuotaCell {
                region: c.region,
                section: c.section,
                category: *wc,
                quota: split[k],
                demand: c.demand,
                tie_broken: ties[i],
            });
            *by_category.get_mut(wc).expect("category") += split[k];
        }
        if c.section == agri {
            rows.push(QuotaCell {
                region: c.region,
                section: c.section,
                category: WorkerCategory::Seasonal,
                quota: seasonal_by_cell[i],
                demand: c.demand,
                tie_broken: ties[i],
            });
            *by_category.get_mut(&WorkerCategory::Seasonal).expect("category") += seasonal_by_cell[i];
        }
    }
    let distributed: u64 = rows.iter().map(|r| r.quota).sum();
    debug_assert_eq!(distributed, seasonal_pool + pool);
    Ok((rows, ForeignSummary { ceiling, reserve, distributable, distributed, demand, seasonal_share, by_category }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> ForeignSettings {
        ForeignSettings {
            ceiling_pct: 0.25,
            labour_force: 9_769_536,
            reserve_share: 0.1,
            category_order: [("1", 726.0), ("2", 3402.0), ("3", 5893.0), ("4", 3131.0), ("seasonal", 4994.0)]
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
        }
    }

    #[test]
    fn ceiling_reserve_and_totals() {
        let cells = vec![
            CellDemand { region: Region::ATYRAU, section: OkedSection::from_letter('F').unwrap(), demand: 40_000 },
            CellDemand { region: Region::PAVLODAR, section: OkedSection::from_letter('A').unwrap(), demand: 10_000 },
            CellDemand { region: Region::ASTANA, section: OkedSection::from_letter('G').unwrap(), demand: 0 },
        ];
        let (rows, s) = allocate(&cells, &settings()).unwrap();
        assert_eq!(s.ceiling, 24_423); // 0.25 % of 9,769,536 = 24,423.84
        assert_eq!(s.reserve, 2_443);
        assert_eq!(s.distributed, s.distributable);
        assert_eq!(rows.iter().map(|r| r.quota).sum::<u64>(), s.distributed);
        assert!(rows.iter().all(|r| r.region != Region::ASTANA));
        // Seasonal only in agriculture.
        assert!(rows.iter().filter(|r| r.category == WorkerCategory::Seasonal).all(|r| r.section.code() == "A"));
    }

    #[test]
    fn small_demand_is_met_in_full() {
        let cells =
            vec![CellDemand { region: Region::ATYRAU, section: OkedSection::from_letter('F').unwrap(), demand: 120 }];
        let (rows, s) = allocate(&cells, &settings()).unwrap();
        assert_eq!(s.distributed, 120);
        assert_eq!(rows.iter().map(|r| r.quota).sum::<u64>(), 120);
    }
}
