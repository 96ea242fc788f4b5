//! The tables of `kvota select` and `kvota contract`: pseudonymous ids, points, outcomes,
//! statuses and amounts; never a raw answer or anything that names a person.

use chrono::{NaiveDate, NaiveDateTime};

use std::collections::BTreeMap;

use crate::codes::Region;
use crate::contract::{FamilyStatus, Retention, Status};
use crate::export::{ColumnData, OutputTable};
use crate::i18n::Lang;
use crate::ingest::people::ITEMS;
use crate::rules::Rules;
use crate::select::{Applicant, CellResult, Decision, FunnelRow};

/// The decisions' reasons in one language (null where the applicant has none).
fn reason_in(d: &[Decision], lang: Lang) -> ColumnData {
    ColumnData::OptStr(d.iter().map(|x| x.reason.as_ref().map(|r| r.text(lang.texts()))).collect())
}

fn ts(t: Option<NaiveDateTime>) -> Option<String> {
    t.map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

pub fn selection_table(rules: &Rules, a: &[Applicant], d: &[Decision]) -> OutputTable {
    let mut t = OutputTable::new("selection")
        .col("applicant_id", ColumnData::Str(a.iter().map(|x| x.id.clone()).collect()), "pseudonymous applicant id")
        .col(
            "route",
            ColumnData::Str(a.iter().map(|x| x.route.clone()).collect()),
            "route (e.g. kandas, foreign_labour)",
        )
        .col(
            "region_code",
            ColumnData::OptStr(a.iter().map(|x| x.region.map(|r| r.iso().to_string())).collect()),
            "target region",
        )
        .col(
            "oked_section",
            ColumnData::OptStr(a.iter().map(|x| x.section.map(|s| s.code().to_string())).collect()),
            "target OKED section",
        )
        .col("submitted_at", ColumnData::OptStr(a.iter().map(|x| ts(x.submitted)).collect()), "submission time, UTC")
        .col(
            "stage_reached",
            ColumnData::OptStr(d.iter().map(|x| x.stage_reached.map(|k| rules.stages[k].id().to_string())).collect()),
            "last stage taken (the failed one for a rejection)",
        )
        .col(
            "outcome",
            ColumnData::Str(d.iter().map(|x| x.outcome.code().to_string()).collect()),
            "invalid, rejected, eligible, selected or waitlisted",
        )
        .col(
            "score",
            ColumnData::OptFloat(d.iter().map(|x| x.score).collect()),
            "total points of the score stages (null if not reached)",
        );
    for (k, (stage, factor)) in rules.factor_ids().iter().enumerate() {
        t = t.col(
            format!("points_{factor}"),
            ColumnData::OptFloat(d.iter().map(|x| Some(x.points[k]).filter(|p| !p.is_nan())).collect()),
            format!("points for `{factor}` in stage `{stage}` after caps"),
        );
    }
    t.col("rank", ColumnData::OptInt(d.iter().map(|x| x.rank.map(|r| r as i64)).collect()), "rank in the quota cell")
        .col(
            "days_to_decision",
            ColumnData::OptInt(d.iter().map(|x| x.days_to_decision).collect()),
            "days from submission to decision (when dated)",
        )
        .col(
            "within_time_limit",
            ColumnData::OptBool(d.iter().map(|x| x.within_time_limit).collect()),
            "decided within the rules' time limit",
        )
        .col(
            "reason",
            ColumnData::OptStr(d.iter().map(|x| x.reason.as_ref().map(|r| r.to_string())).collect()),
            "why the applicant was rejected, invalid or waitlisted",
        )
        .col("reason_ru", reason_in(d, Lang::Ru), "the same in Russian")
        .col("reason_kk", reason_in(d, Lang::Kk), "the same in Kazakh (Cyrillic)")
}

pub fn cutoffs_table(c: &[CellResult]) -> OutputTable {
    OutputTable::new("cutoffs")
        .col("route", ColumnData::Str(c.iter().map(|x| x.key.0.clone()).collect()), "route")
        .col("region_code", ColumnData::Str(c.iter().map(|x| x.key.1.iso().to_string()).collect()), "region")
        .col(
            "oked_section",
            ColumnData::OptStr(c.iter().map(|x| x.key.2.map(|s| s.code().to_string())).collect()),
            "section, for routes with quotas by section",
        )
        .col("slots", ColumnData::Int(c.iter().map(|x| x.slots as i64).collect()), "quota slots")
        .col("eligible", ColumnData::Int(c.iter().map(|x| x.eligible as i64).collect()), "eligible applicants")
        .col("selected", ColumnData::Int(c.iter().map(|x| x.selected as i64).collect()), "applicants selected")
        .col(
            "cutoff_score",
            ColumnData::OptFloat(c.iter().map(|x| x.cutoff_score).collect()),
            "score of the last selected applicant",
        )
        .col(
            "cutoff_timestamp",
            ColumnData::OptStr(c.iter().map(|x| ts(x.cutoff_timestamp)).collect()),
            "tie-break time of the last selected applicant, UTC",
        )
}

pub fn funnel_table(f: &[FunnelRow]) -> OutputTable {
    OutputTable::new("funnel")
        .col("route", ColumnData::Str(f.iter().map(|x| x.route.clone()).collect()), "route")
        .col(
            "region_code",
            ColumnData::OptStr(f.iter().map(|x| x.region.map(|r| r.iso().to_string())).collect()),
            "target region",
        )
        .col("stage", ColumnData::Str(f.iter().map(|x| x.stage.clone()).collect()), "stage")
        .col(
            "entered",
            ColumnData::Int(f.iter().map(|x| x.entered as i64).collect()),
            "applicants who reached the stage",
        )
        .col("passed", ColumnData::Int(f.iter().map(|x| x.passed as i64).collect()), "passed it")
        .col("rejected", ColumnData::Int(f.iter().map(|x| x.rejected as i64).collect()), "failed it")
        .col(
            "invalid",
            ColumnData::Int(f.iter().map(|x| x.invalid as i64).collect()),
            "could not be assessed at it (invalid rows count at the first stage)",
        )
}

pub fn status_table(rows: &[FamilyStatus], as_of: NaiveDate) -> OutputTable {
    let mut t = OutputTable::new("contract_status")
        .col("family_id", ColumnData::Str(rows.iter().map(|r| r.family.id.clone()).collect()), "pseudonymous family id")
        .region_columns(rows.iter().map(|r| r.family.host))
        .col("as_of", ColumnData::Str(vec![as_of.to_string(); rows.len()]), "date of the status")
        .col(
            "arrival_date",
            ColumnData::Str(rows.iter().map(|r| r.family.arrival.to_string()).collect()),
            "arrival in the host region",
        )
        .col("members", ColumnData::Int(rows.iter().map(|r| r.family.members as i64).collect()), "family members")
        .col(
            "contract_end",
            ColumnData::Str(rows.iter().map(|r| r.contract_end.to_string()).collect()),
            "end of the contract term",
        )
        .col(
            "status",
            ColumnData::Str(rows.iter().map(|r| r.status.code().to_string()).collect()),
            "not_started, in_force, fulfilled or breached",
        )
        .col(
            "breach_date",
            ColumnData::OptStr(rows.iter().map(|r| r.breach_date.map(|d| d.to_string())).collect()),
            "date the family left the host region before the term ended",
        )
        .col(
            "months",
            ColumnData::Int(rows.iter().map(|r| r.months as i64).collect()),
            "whole months in the host region",
        );
    for (k, item) in ITEMS.iter().enumerate() {
        t = t
            .col(
                format!("{item}_mci"),
                ColumnData::Float(rows.iter().map(|r| r.mci[k]).collect()),
                format!("support received as {item}, MCI"),
            )
            .col(
                format!("{item}_kzt"),
                ColumnData::Float(rows.iter().map(|r| r.kzt[k]).collect()),
                format!("support received as {item}, tenge at the MCI of the year paid"),
            );
    }
    t.col(
        "support_kzt",
        ColumnData::Float(rows.iter().map(|r| r.kzt.iter().sum()).collect()),
        "all support received, tenge",
    )
    .col(
        "owed_kzt",
        ColumnData::Float(rows.iter().map(|r| r.owed_kzt).collect()),
        "repayment owed (breached only), tenge",
    )
    .col(
        "p_breach",
        ColumnData::OptFloat(rows.iter().map(|r| r.p_breach).collect()),
        "in force: probability of leaving before the term ends, from the retention curve",
    )
    .col(
        "expected_repayment_kzt",
        ColumnData::OptFloat(rows.iter().map(|r| r.expected_repayment_kzt).collect()),
        "in force: p_breach x repayment share x support received, tenge",
    )
}

pub fn regions_table(rows: &[FamilyStatus], as_of: NaiveDate) -> OutputTable {
    let mut m: BTreeMap<Region, [f64; 7]> = BTreeMap::new();
    for r in rows {
        let e = m.entry(r.family.host).or_default();
        e[0] += 1.0;
        match r.status {
            Status::InForce => e[1] += 1.0,
            Status::Fulfilled => e[2] += 1.0,
            Status::Breached => e[3] += 1.0,
            Status::NotStarted => {}
        }
        e[4] += r.kzt.iter().sum::<f64>();
        e[5] += r.owed_kzt;
        e[6] += r.expected_repayment_kzt.unwrap_or(0.0);
    }
    let v: Vec<(Region, [f64; 7])> = m.into_iter().collect();
    let int = |k: usize| ColumnData::Int(v.iter().map(|x| x.1[k] as i64).collect());
    let flt = |k: usize| ColumnData::Float(v.iter().map(|x| x.1[k]).collect());
    OutputTable::new("contract_regions")
        .region_columns(v.iter().map(|x| x.0))
        .col("as_of", ColumnData::Str(vec![as_of.to_string(); v.len()]), "date of the status")
        .col("families", int(0), "families with a contract in the region")
        .col("in_force", int(1), "contracts in force")
        .col("fulfilled", int(2), "contracts fulfilled")
        .col("breached", int(3), "contracts breached")
        .col("support_kzt", flt(4), "support received, tenge")
        .col("owed_kzt", flt(5), "repayments owed, tenge")
        .col("expected_repayments_kzt", flt(6), "expected repayments of contracts in force, tenge")
}

pub fn retention_table(r: &Retention) -> OutputTable {
    OutputTable::new("retention")
        .col("month", ColumnData::Int(r.curve.iter().map(|c| c.0 as i64).collect()), "months since arrival")
        .col("at_risk", ColumnData::Int(r.curve.iter().map(|c| c.1 as i64).collect()), "families observed that long")
        .col("left", ColumnData::Int(r.curve.iter().map(|c| c.2 as i64).collect()), "families that left in the month")
        .col(
            "retention",
            ColumnData::Float(r.curve.iter().map(|c| c.3).collect()),
            "Kaplan-Meier share still in the host region",
        )
}
