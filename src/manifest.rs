//! The run manifest (`manifest.json`): enough to reproduce and audit a run — the tool, the
//! scenario and input hashes, every parameter used with its legal reference, the headline
//! figures, the fitted shortage model, the warnings and the output hashes. The report takes
//! it typed, so a renamed field is a compile error, not a blank figure.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::allocate::editions::{self, Edition};
use crate::allocate::foreign::{self, ForeignSummary};
use crate::allocate::kandas::KandasSummary;
use crate::codes::Region;
use crate::params::Used;
use crate::shortage::{CellOutlook, ShortageModel};
use crate::uncertainty;

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

/// The headline figures of a run.
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

/// The foreign-labour basis of a run: labour force, its year and the ceiling percentage used.
#[derive(Debug, Clone, Copy)]
pub struct CeilingBasis {
    pub labour_force: u64,
    pub year: i32,
    pub ceiling_pct: f64,
}

impl Summary {
    /// The headline figures from the stages' results.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        basis: CeilingBasis,
        fsum: &ForeignSummary,
        eds: &[Edition],
        utilisation: Option<(u64, f64)>,
        outlooks: &[CellOutlook],
        designated: &[Region],
        ksum: &KandasSummary,
        uncertainty: Option<&uncertainty::UncertaintySummary>,
    ) -> Summary {
        let mut cells_by_rating: BTreeMap<String, u64> = BTreeMap::new();
        for o in outlooks {
            *cells_by_rating.entry(o.rating.code().to_string()).or_default() += 1;
        }
        Summary {
            labour_force_basis: basis.labour_force,
            labour_force_year: basis.year,
            ceiling_pct: basis.ceiling_pct,
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
            uncertainty: uncertainty.cloned(),
        }
    }
}
