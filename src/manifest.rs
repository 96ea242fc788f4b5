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
    /// Serialised as their English text.
    pub warnings: Vec<crate::warning::Warning>,
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
    /// Which split of the families is the kandas quota (`previous_order` or `shortage`), the
    /// year of the order in force before the target year, what the split rests on, the weakest
    /// basis of the designated regions' cells, and the families the other split would place in
    /// regions beyond what the quota gives them (null: the other split is undefined).
    pub kandas_split: String,
    pub kandas_previous_order_year: Option<i32>,
    pub kandas_basis: String,
    pub kandas_shortage_grade: String,
    pub kandas_moved_by_other_split: Option<u64>,
    /// The simulation's totals (null with `[uncertainty] draws = 0`).
    pub uncertainty: Option<uncertainty::UncertaintySummary>,
    /// What the distributed quota rests on.
    pub evidence: EvidenceSummary,
    /// The distance of each distribution to the published one (`reality.parquet`).
    pub reality: Vec<RealityDistance>,
    /// Request lines vetted one by one (`requests_vetted.parquet`); absent without them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requests: Option<RequestsSummary>,
}

/// The vetting of employers' request lines in figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequestsSummary {
    /// What the requests rest on (`synthetic` for the demonstration table).
    pub evidence: String,
    pub lines: u64,
    pub employers: u64,
    /// Workers asked for in categories 1-4 and seasonal.
    pub workers: u64,
    /// Workers justified after every rule (categories 1-4 and seasonal).
    pub justified: u64,
    /// Workers in the quota.
    pub quota: u64,
    /// ICT workers admitted outside the quota.
    pub ict_admitted: u64,
    /// Request lines by decision.
    pub decisions: BTreeMap<String, u64>,
    /// Employers by flag.
    pub flagged_employers: BTreeMap<String, u64>,
}

/// One distribution held against the published one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RealityDistance {
    pub measure: String,
    /// Duncan dissimilarity index (null when kvota's side is empty).
    pub distance: Option<f64>,
    /// kvota took the figure from the same publication.
    pub calibrated: bool,
}

/// What the distributed quota rests on: the shares of it that rest on synthetic and estimated
/// values (each cell's quota weighted by the share of its openings, supply or score weight that
/// does), the quota by the evidence grade of its cell, and every panel input with its role.
#[derive(Debug, Clone, Serialize, Default)]
pub struct EvidenceSummary {
    pub distributed_openings_synthetic: f64,
    pub distributed_openings_estimated: f64,
    pub distributed_supply_synthetic: f64,
    pub distributed_score_synthetic: f64,
    pub distributed_score_estimated: f64,
    /// Distributed permits by the evidence grade of their cell.
    pub distributed_by_grade: BTreeMap<String, u64>,
    /// Every panel column: what it rests on and what share of the flows or score behind the
    /// distributed quota it carries.
    pub inputs: Vec<InputBasis>,
    /// How the run's model fared on each forecast panel variable's own past, beside the random
    /// walk, with what the variable rests on.
    pub forecast_skill: Vec<ForecastSkill>,
}

/// The run's back-test of its model on one panel variable ([`crate::series::forecast_panel`]).
#[derive(Debug, Clone, Serialize)]
pub struct ForecastSkill {
    /// The panel file of the variable (its column is the variable).
    pub file: String,
    /// official, estimated or synthetic, as in [`InputBasis`].
    pub status: String,
    #[serde(flatten)]
    pub skill: crate::series::VariableSkill,
}

/// One panel input and its part in the quota.
#[derive(Debug, Clone, Serialize)]
pub struct InputBasis {
    pub file: String,
    pub column: String,
    /// official, estimated or synthetic (the source map's status; ingested where a table gave it).
    pub status: String,
    pub method: String,
    /// openings, supply, score, or none.
    pub role: String,
    /// The share of the openings, supply or score weight behind the distributed quota that the
    /// column carries (0 when it moved no quota).
    pub share_behind_quota: f64,
}

/// The evidence behind the distributed quota (see [`EvidenceSummary`]).
pub fn evidence_summary(
    outlooks: &[CellOutlook],
    quota: &BTreeMap<(Region, crate::codes::OkedSection), u64>,
    sources: &[crate::panel::ColumnSource],
    weights: &crate::shortage::score::Weights,
) -> EvidenceSummary {
    let total: u64 = quota.values().sum();
    let mut s = EvidenceSummary::default();
    // Quota-weighted shares of each flow in the openings / supply of its cell.
    let (mut expansion, mut replacement, mut vacancies) = (0.0, 0.0, 0.0);
    let (mut unemployed, mut entrants, mut migration) = (0.0, 0.0, 0.0);
    for o in outlooks {
        let q = quota.get(&(o.region, o.section)).copied().unwrap_or(0);
        if q == 0 {
            continue;
        }
        let w = q as f64 / total as f64;
        let e = &o.evidence;
        s.distributed_openings_synthetic += w * e.openings_synthetic;
        s.distributed_openings_estimated += w * e.openings_estimated;
        s.distributed_supply_synthetic += w * e.supply_synthetic;
        s.distributed_score_synthetic += w * e.score_synthetic;
        s.distributed_score_estimated += w * e.score_estimated;
        *s.distributed_by_grade.entry(e.grade.code().to_string()).or_default() += q;
        let f = &o.flows;
        if f.openings > 0.0 {
            expansion += w * f.expansion / f.openings;
            replacement += w * f.replacement / f.openings;
            vacancies += w * f.vacancies / f.openings;
        }
        let supply = f.unemployed_available + f.new_entrants + f.migration.abs();
        if supply > 0.0 {
            unemployed += w * f.unemployed_available / supply;
            entrants += w * f.new_entrants / supply;
            migration += w * f.migration.abs() / supply;
        }
    }
    let weight_total: f64 = weights.0.iter().sum();
    let score_share = |name: &str| {
        crate::shortage::indicators::Indicator::from_name(name).map_or(0.0, |i| weights.0[i.index()] / weight_total)
    };
    for src in sources {
        let (role, share) = match (src.file.as_str(), src.column.as_str()) {
            ("region_section_year.csv", "employed") => ("openings", expansion),
            ("region_section_year.csv", "retirements") => ("openings", replacement),
            ("region_section_year.csv", "vacancies") => ("openings", vacancies),
            ("region_section_year.csv", "new_entrants") => ("supply", entrants),
            ("region_year.csv", "unemployed") => ("supply", unemployed),
            ("region_year.csv", "net_internal_migration") => ("supply", migration),
            ("region_section_year.csv", "avg_wage_kzt") => (
                "score",
                score_share("wage_relative") + score_share("real_wage_growth_3y") + score_share("real_wage_growth_1y"),
            ),
            _ => ("none", 0.0),
        };
        s.inputs.push(InputBasis {
            file: src.file.clone(),
            column: src.column.clone(),
            status: src.status.clone(),
            method: src.method.clone(),
            role: if share > 0.0 { role.to_string() } else { "none".to_string() },
            share_behind_quota: if total > 0 { share } else { 0.0 },
        });
    }
    s
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
        evidence: EvidenceSummary,
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
            kandas_split: ksum.split.code().to_string(),
            kandas_previous_order_year: ksum.previous_order_year,
            kandas_basis: ksum.basis.code().to_string(),
            kandas_shortage_grade: ksum.shortage_grade.code().to_string(),
            kandas_moved_by_other_split: ksum.moved_by_other_split,
            uncertainty: uncertainty.cloned(),
            evidence,
            reality: Vec::new(),
            requests: None,
        }
    }
}
