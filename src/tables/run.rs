//! The tables of a run (`kvota run`): their columns, types and descriptions, built from the
//! stages' typed results. `docs/outputs.md` documents the same contract, checked by a test.

use crate::allocate::editions::{self, FinalRow};
use crate::allocate::{foreign, kandas};
use crate::export::{ColumnData, OutputTable};
use crate::i18n::Lang;
use crate::ingest::requests::IssuedPermits;
use crate::series::{LEVELS, PanelForecast};
use crate::shortage::score;
use std::collections::BTreeMap;

use crate::codes::{OkedSection, Region};
use crate::shortage::{self, CellEvidence, CellOutlook};
use crate::uncertainty;

pub fn uncertainty_table(q: &[uncertainty::CellQuantiles], target: i32, draws: usize) -> OutputTable {
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
        .col(
            "share_surplus",
            ColumnData::Float(q.iter().map(|c| c.share_surplus).collect()),
            "share of the draws in which the cell is rated surplus (its request lines are then refused)",
        )
        .col("draws", ColumnData::Int(vec![draws as i64; q.len()]), "number of draws")
}

pub fn forecast_table(f: &[PanelForecast], last: i32, h: usize) -> OutputTable {
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

pub fn shortage_table(o: &[CellOutlook], target: i32, last: i32) -> OutputTable {
    use shortage::indicators::Indicator;
    let f = |g: fn(&CellOutlook) -> f64| ColumnData::Float(o.iter().map(g).collect());
    let ind = |i: Indicator| ColumnData::OptFloat(o.iter().map(|c| c.indicators[i.index()]).collect());
    let _ = last;
    let t = OutputTable::new("shortage")
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
        .col("informal_share", ind(Indicator::InformalShare), "the region's share of informal employment (BNS SDG 8.3.1)")
        .col(
            "net_migration_rate",
            ind(Indicator::NetMigrationRate),
            "the region's net internal migration per inhabitant, last observed year",
        )
        .col("neet_share", ind(Indicator::NeetShare), "the region's share of youth not in employment, education or training")
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
        .col(
            "reason",
            ColumnData::Str(o.iter().map(|c| c.reason_text(Lang::En.texts())).collect()),
            "why, generated from the numbers",
        )
        .col("reason_ru", ColumnData::Str(o.iter().map(|c| c.reason_text(Lang::Ru.texts())).collect()), "the same in Russian")
        .col(
            "reason_kk",
            ColumnData::Str(o.iter().map(|c| c.reason_text(Lang::Kk.texts())).collect()),
            "the same in Kazakh (Cyrillic)",
        );
    evidence_columns(t, &o.iter().map(|c| c.evidence).collect::<Vec<_>>())
}

/// The evidence columns of a row: what its rating and its gap rest on.
pub fn evidence_columns(t: OutputTable, e: &[CellEvidence]) -> OutputTable {
    let f = |g: fn(&CellEvidence) -> f64| ColumnData::Float(e.iter().map(g).collect());
    t.col(
        "evidence_grade",
        ColumnData::Str(e.iter().map(|x| x.grade.code().to_string()).collect()),
        "the weakest basis of the weighted indicators and of the flows behind the gap: official, ingested, estimated or synthetic",
    )
    .col("score_weight_synthetic", f(|x| x.score_synthetic), "share of the score's weight on indicators resting on synthetic values")
    .col("score_weight_estimated", f(|x| x.score_estimated), "share of the score's weight on indicators resting on estimated values")
    .col("openings_synthetic", f(|x| x.openings_synthetic), "share of the openings resting on synthetic values")
    .col("openings_estimated", f(|x| x.openings_estimated), "share of the openings resting on estimated values")
    .col("supply_synthetic", f(|x| x.supply_synthetic), "share of the domestic supply resting on synthetic values")
}

pub fn sensitivity_table(rows: &[score::SensitivityRow], target: i32) -> OutputTable {
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

pub fn foreign_table(
    rows: &[FinalRow],
    edition: &editions::Edition,
    issued: Option<&IssuedPermits>,
    target: i32,
    evidence: &BTreeMap<(Region, OkedSection), CellEvidence>,
) -> OutputTable {
    let r = |f: fn(&foreign::QuotaCell) -> i64| ColumnData::Int(rows.iter().map(|x| f(&x.row)).collect());
    let n = rows.len();
    let issued_of = |x: &FinalRow| {
        issued.map(|i| i.issued.get(&(x.row.region, x.row.section, x.row.category)).copied().unwrap_or(0))
    };
    let t = OutputTable::new("quota_foreign")
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
            ColumnData::Str(rows.iter().map(|x| x.row.explanation(Lang::En.texts())).collect()),
            "why the row has its quota, generated from the numbers",
        )
        .col(
            "explanation_ru",
            ColumnData::Str(rows.iter().map(|x| x.row.explanation(Lang::Ru.texts())).collect()),
            "the same in Russian",
        )
        .col(
            "explanation_kk",
            ColumnData::Str(rows.iter().map(|x| x.row.explanation(Lang::Kk.texts())).collect()),
            "the same in Kazakh (Cyrillic)",
        );
    let e: Vec<CellEvidence> =
        rows.iter().map(|x| evidence.get(&(x.row.region, x.row.section)).copied().unwrap_or_default()).collect();
    evidence_columns(t, &e)
}

pub fn editions_table(eds: &[editions::Edition], target: i32) -> OutputTable {
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

pub fn changes_table(eds: &[editions::Edition], target: i32) -> OutputTable {
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

pub fn quota_by_edition_table(eds: &[editions::Edition], target: i32) -> OutputTable {
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

pub fn kandas_table(rows: &[kandas::KandasRow], s: &kandas::KandasSummary, target: i32) -> OutputTable {
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
            "split",
            ColumnData::Str(rows.iter().map(|r| r.split.code().to_string()).collect()),
            "the split that is the quota: previous_order or shortage ([kandas] split)",
        )
        .col(
            "basis",
            ColumnData::Str(rows.iter().map(|r| r.basis.code().to_string()).collect()),
            "what the families rest on: official (the previous order), or the weakest basis of the region's cells (the split by shortage)",
        )
        .col(
            "previous_order_year",
            ColumnData::OptInt(rows.iter().map(|r| r.previous_order.map(|p| p.0 as i64)).collect()),
            "year of the regional quota order in force before the target year (null: none)",
        )
        .col(
            "previous_order_persons",
            ColumnData::OptInt(rows.iter().map(|r| r.previous_order.map(|p| p.1 as i64)).collect()),
            "the region's persons in that order (0: not named)",
        )
        .col(
            "families_previous_order",
            ColumnData::OptInt(rows.iter().map(|r| r.families_by_previous_order.map(|v| v as i64)).collect()),
            "families by the shares of that order (null: no order)",
        )
        .col(
            "families_shortage",
            ColumnData::OptInt(rows.iter().map(|r| r.families_by_shortage.map(|v| v as i64)).collect()),
            "families by the shortage the arrivals' education fits (null: no designated region has one)",
        )
        .col(
            "shortage_basis",
            ColumnData::Str(rows.iter().map(|r| r.shortage_grade.code().to_string()).collect()),
            "the weakest basis of the region's cells, behind shortage_gap and shortage_weight",
        )
        .col(
            "tie_broken",
            ColumnData::Bool(rows.iter().map(|r| r.tie_broken).collect()),
            "the region's last family was decided by the tie-break rule",
        )
        .col(
            "explanation",
            ColumnData::Str(rows.iter().map(|r| r.explanation(Lang::En.texts())).collect()),
            "why the region has its families, generated from the numbers",
        )
        .col(
            "explanation_ru",
            ColumnData::Str(rows.iter().map(|r| r.explanation(Lang::Ru.texts())).collect()),
            "the same in Russian",
        )
        .col(
            "explanation_kk",
            ColumnData::Str(rows.iter().map(|r| r.explanation(Lang::Kk.texts())).collect()),
            "the same in Kazakh (Cyrillic)",
        )
}

/// `reality.parquet`: the run beside the published decisions (`crate::reality`).
pub fn reality_table(rows: &[crate::reality::RealityRow]) -> OutputTable {
    let s =
        |f: fn(&crate::reality::RealityRow) -> &str| ColumnData::Str(rows.iter().map(|r| f(r).to_string()).collect());
    let of = |f: fn(&crate::reality::RealityRow) -> Option<f64>| ColumnData::OptFloat(rows.iter().map(f).collect());
    let fl = |f: fn(&crate::reality::RealityRow) -> f64| ColumnData::Float(rows.iter().map(f).collect());
    OutputTable::new("reality")
        .col("year", ColumnData::Int(rows.iter().map(|r| r.year as i64).collect()), "quota year")
        .col(
            "measure",
            s(|r| &r.measure),
            "ceiling_pct, distributed, category, region, section, kandas_region or kandas_region_shortage",
        )
        .col("item", s(|r| &r.item), "part of the measure; `all` for the total of a distribution or a single figure")
        .col("kvota", fl(|r| r.kvota), "kvota's figure (persons, or % for ceiling_pct)")
        .col("published", fl(|r| r.published), "the published figure")
        .col("difference", fl(|r| r.difference), "kvota minus published")
        .col("kvota_share", of(|r| r.kvota_share), "share of the item in kvota's distribution")
        .col("published_share", of(|r| r.published_share), "share of the item in the published distribution")
        .col(
            "distance",
            of(|r| r.distance),
            "Duncan dissimilarity index of the distribution (half the sum of absolute share differences), on its `all` row",
        )
        .col(
            "calibrated",
            ColumnData::Bool(rows.iter().map(|r| r.calibrated).collect()),
            "kvota took this figure from the same publication: agreement proves nothing",
        )
        .col("basis", s(|r| &r.basis), "where the published figure comes from")
        .col(
            "note",
            ColumnData::Str(rows.iter().map(|r| r.note.to_string()).collect()),
            "what the comparison does and does not show",
        )
        .col(
            "note_ru",
            ColumnData::Str(rows.iter().map(|r| r.note.text(Lang::Ru.texts())).collect()),
            "the same in Russian",
        )
        .col(
            "note_kk",
            ColumnData::Str(rows.iter().map(|r| r.note.text(Lang::Kk.texts())).collect()),
            "the same in Kazakh (Cyrillic)",
        )
}

/// `requests_vetted.parquet`: one row per request line, with the rules and flags that decided
/// it (`allocate::vetting`).
pub fn requests_vetted_table(v: &crate::allocate::vetting::Vetting, target: i32) -> OutputTable {
    let rows = &v.requests;
    let s =
        |f: &dyn Fn(&crate::allocate::vetting::VettedRequest) -> String| ColumnData::Str(rows.iter().map(f).collect());
    let i = |f: &dyn Fn(&crate::allocate::vetting::VettedRequest) -> u64| {
        ColumnData::Int(rows.iter().map(|r| f(r) as i64).collect())
    };
    OutputTable::new("requests_vetted")
        .col("year", ColumnData::Int(vec![target as i64; rows.len()]), "quota year")
        .col("request_id", s(&|r| r.request_id.clone()), "the request line's id, as filed")
        .col("employer_id", s(&|r| r.employer_id.clone()), "pseudonymous employer id, as filed")
        .col("region_code", s(&|r| r.region.iso().to_string()), "ISO 3166-2:KZ region code")
        .col("oked_section", s(&|r| r.section.code().to_string()), "OKED section letter")
        .col("occupation", s(&|r| r.occupation.clone()), "ISCO-08 / NKZ occupation code, as filed")
        .col("category_requested", s(&|r| r.category_requested.code().to_string()), "category the employer declared")
        .col(
            "category",
            s(&|r| r.category.code().to_string()),
            "category the request counts in: the occupation's (vetting.category_by_occupation), else as declared",
        )
        .col("workers", i(&|r| r.workers), "foreign workers asked for")
        .col("justified", i(&|r| r.justified), "workers justified after every rule, before the ceiling")
        .col(
            "quota",
            i(&|r| r.quota),
            "workers in the quota after the ceiling is shared (0 for ICT: outside the quota)",
        )
        .col("decision", s(&|r| r.decision.code().to_string()), "approved, reduced, rejected or outside_quota (ICT)")
        .col(
            "rules",
            s(&|r| r.rules.join(";")),
            "the rules that reduced or rejected the request, in order, `;`-separated",
        )
        .col("flags", s(&|r| r.flags.join(";")), "integrity flag codes, `;`-separated (docs/methods.md §13)")
        .col(
            "project_id",
            ColumnData::OptStr(rows.iter().map(|r| r.project_id.clone()).collect()),
            "investment project the request cites",
        )
        .col(
            "evidence",
            s(&|r| r.evidence.code().to_string()),
            "what the request rests on: ingested (a table the user gave) or synthetic (the demonstration table)",
        )
        .col("explanation", s(&|r| r.explanation.clone()), "the decision in a sentence, generated from the numbers")
        .col("explanation_ru", s(&|r| r.explanation_in(Lang::Ru.texts())), "the same in Russian")
        .col("explanation_kk", s(&|r| r.explanation_in(Lang::Kk.texts())), "the same in Kazakh (Cyrillic)")
}

/// `employer_flags.parquet`: the integrity flags rolled up per employer.
pub fn employer_flags_table(v: &crate::allocate::vetting::Vetting, target: i32) -> OutputTable {
    let rows = &v.employer_flags;
    let evidence = v.evidence().code().to_string();
    OutputTable::new("employer_flags")
        .col("year", ColumnData::Int(vec![target as i64; rows.len()]), "quota year")
        .col(
            "employer_id",
            ColumnData::Str(rows.iter().map(|r| r.employer_id.clone()).collect()),
            "pseudonymous employer id, as filed",
        )
        .col("flag", ColumnData::Str(rows.iter().map(|r| r.flag.to_string()).collect()), "integrity flag code")
        .col(
            "severity",
            ColumnData::Str(rows.iter().map(|r| r.severity.to_string()).collect()),
            "low, medium or high (vetting.flag_severity)",
        )
        .col(
            "requests",
            ColumnData::Int(rows.iter().map(|r| r.requests as i64).collect()),
            "request lines of the employer that raised the flag",
        )
        .col(
            "evidence",
            ColumnData::Str(rows.iter().map(|r| r.evidence.clone()).collect()),
            "the numbers behind the flag, from the first request that raised it",
        )
        .col(
            "evidence_ru",
            ColumnData::Str(rows.iter().map(|r| r.evidence_text(Lang::Ru.texts())).collect()),
            "the same in Russian",
        )
        .col(
            "evidence_kk",
            ColumnData::Str(rows.iter().map(|r| r.evidence_text(Lang::Kk.texts())).collect()),
            "the same in Kazakh (Cyrillic)",
        )
        .col(
            "data_basis",
            ColumnData::Str(vec![evidence; rows.len()]),
            "what the requests rest on: ingested or synthetic",
        )
}

/// One row of `order_annex`: region (code, names kk/ru/en), category (code, names), kind, quota.
struct AnnexRow {
    region: String,
    region_names: [String; 3],
    category: String,
    category_names: [String; 3],
    kind: &'static str,
    quota: u64,
}

/// `order_annex`: the draft order's Annex 1 as a table. Every region x worker category (`cell`,
/// 0 where none), each region's total (`region_total`, category `total`), each category's total
/// over the country (`category_total`, region `KZ`) and the grand total (`grand_total`). Names
/// of regions and categories in the three languages; `evidence` says what the quota rests on.
pub fn order_annex_table(
    annex: &BTreeMap<(Region, crate::codes::WorkerCategory), u64>,
    target: i32,
    evidence: &str,
) -> OutputTable {
    use crate::codes::WorkerCategory;
    let cat_names = |c: &str| Lang::ALL.map(|l| l.texts().name("category-short", c));
    let region_names = |r: Region| [r.name_kk().to_string(), r.name_ru().to_string(), r.name_en().to_string()];
    let country = Lang::ALL.map(|l| l.texts().t("country"));
    let row = |region: &str, region_names: [String; 3], category: &str, kind: &'static str, quota: u64| AnnexRow {
        region: region.to_string(),
        region_names,
        category: category.to_string(),
        category_names: cat_names(category),
        kind,
        quota,
    };
    let mut rows = Vec::new();
    let mut by_cat = [0u64; 5];
    for r in Region::all() {
        let mut total = 0;
        for (i, c) in WorkerCategory::ALL.into_iter().enumerate() {
            let q = annex.get(&(r, c)).copied().unwrap_or(0);
            total += q;
            by_cat[i] += q;
            rows.push(row(r.iso(), region_names(r), c.code(), "cell", q));
        }
        rows.push(row(r.iso(), region_names(r), "total", "region_total", total));
    }
    for (i, c) in WorkerCategory::ALL.into_iter().enumerate() {
        rows.push(row("KZ", country.clone(), c.code(), "category_total", by_cat[i]));
    }
    rows.push(row("KZ", country, "total", "grand_total", by_cat.iter().sum()));
    let n = rows.len();
    let text = |f: &dyn Fn(&AnnexRow) -> String| ColumnData::Str(rows.iter().map(f).collect());
    OutputTable::new("order_annex")
        .col(
            "region_code",
            text(&|r| r.region.clone()),
            "ISO 3166-2:KZ code of the region; KZ: the whole country (totals)",
        )
        .col("region_name_en", text(&|r| r.region_names[2].clone()), "region name in English")
        .col("region_name_ru", text(&|r| r.region_names[1].clone()), "region name in Russian")
        .col("region_name_kk", text(&|r| r.region_names[0].clone()), "region name in Kazakh (Cyrillic)")
        .col("category", text(&|r| r.category.clone()), "worker category: 1, 2, 3, 4, seasonal; total on total rows")
        .col("category_name_en", text(&|r| r.category_names[2].clone()), "category name in English")
        .col("category_name_ru", text(&|r| r.category_names[1].clone()), "category name in Russian")
        .col("category_name_kk", text(&|r| r.category_names[0].clone()), "category name in Kazakh (Cyrillic)")
        .col(
            "row_kind",
            text(&|r| r.kind.to_string()),
            "cell, region_total, category_total or grand_total (sum only the cell rows)",
        )
        .col("year", ColumnData::Int(vec![target as i64; n]), "quota year")
        .col("quota", ColumnData::Int(rows.iter().map(|r| r.quota as i64).collect()), "permits, persons")
        .col(
            "evidence",
            ColumnData::Str(vec![evidence.to_string(); n]),
            "what the quota rests on: the evidence of the request lines (or of the modelled gaps without them)",
        )
}
