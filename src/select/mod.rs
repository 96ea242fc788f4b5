//! `kvota select`: applicant pre-selection by scoring rules (`rules`), ranking of the eligible
//! applicants of each quota cell with ties broken by time, and the funnel.
//!
//! Personal data: kvota reads one row per applicant with a pseudonymous id, timestamps, the
//! route and target region/section, and the answers the rules file declares — nothing else. A
//! column that looks like personal data (names, document numbers, contacts, birth date) is
//! refused. Outputs carry the pseudonymous id only; messages name rows and columns, never
//! values of other columns.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDateTime;

use crate::codes::Region;
use crate::error::Msg;
pub use crate::ingest::applicants::{Applicant, CellKey, Quota, parse_timestamp, read_applicants};
use crate::rules::{self, Rules, Stage};

/// What happened to an applicant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// The row cannot be assessed (missing or malformed answers, duplicate id...).
    Invalid,
    /// Failed a stage.
    Rejected,
    /// Passed every stage; no quota applies.
    Eligible,
    /// Passed every stage and got a slot of the cell's quota.
    Selected,
    /// Passed every stage but the cell's quota is full (or there is none).
    Waitlisted,
}

impl Outcome {
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Invalid => "invalid",
            Outcome::Rejected => "rejected",
            Outcome::Eligible => "eligible",
            Outcome::Selected => "selected",
            Outcome::Waitlisted => "waitlisted",
        }
    }
}

/// Why an applicant is invalid, rejected or waitlisted. The `reason` column of
/// `decisions.parquet` is its English text ([`std::fmt::Display`]); `reason_ru` and `reason_kk`
/// say it in Russian and Kazakh (keys `sr-*`).
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// The row could not be read: the reader's problems with row and column.
    Invalid(Msg),
    /// An answer a stage needs is missing.
    MissingAnswer { row: usize, field: String, stage: String },
    /// A gate's answer is below its minimum.
    BelowMinimum { stage: String, field: String, value: f64, min: f64 },
    /// A gate's answer is not below its limit.
    NotBelowLimit { stage: String, field: String, value: f64, limit: f64 },
    /// A yes/no check answered no.
    NotPassed { stage: String },
    /// A score stage's points are below its pass mark.
    BelowPassMark { stage: String, points: f64, pass: f64 },
    /// The route has quotas by region and the application names none.
    NoRegion { route: String },
    /// The route has quotas by section and the application names none.
    NoSection { route: String },
    /// The applicant's cell has no quota.
    NoQuota,
    /// Ranked below the cell's slots.
    Rank { rank: usize, of: usize, slots: u64 },
}

impl Reason {
    /// The reason in the language of `t` (English equals [`std::fmt::Display`]). Numbers keep
    /// the digits they were given, with the decimal comma of Kazakh and Russian.
    pub fn text(&self, t: &crate::i18n::Texts) -> String {
        let num = |x: f64| {
            let plain = x.to_string();
            t.fixed(x, plain.split_once('.').map_or(0, |(_, d)| d.len()))
        };
        let s = |x: &String| x.clone();
        let (key, args): (&str, Vec<(&str, String)>) = match self {
            Reason::Invalid(text) => ("sr-invalid", vec![("text", text.say(t))]),
            Reason::MissingAnswer { row, field, stage } => {
                ("sr-missing-answer", vec![("row", row.to_string()), ("field", s(field)), ("stage", s(stage))])
            }
            Reason::BelowMinimum { stage, field, value, min } => (
                "sr-below-minimum",
                vec![("stage", s(stage)), ("field", s(field)), ("value", num(*value)), ("min", num(*min))],
            ),
            Reason::NotBelowLimit { stage, field, value, limit } => (
                "sr-not-below-limit",
                vec![("stage", s(stage)), ("field", s(field)), ("value", num(*value)), ("limit", num(*limit))],
            ),
            Reason::NotPassed { stage } => ("sr-not-passed", vec![("stage", s(stage))]),
            Reason::BelowPassMark { stage, points, pass } => {
                ("sr-below-pass-mark", vec![("stage", s(stage)), ("points", num(*points)), ("pass", num(*pass))])
            }
            Reason::NoRegion { route } => ("sr-no-region", vec![("route", s(route))]),
            Reason::NoSection { route } => ("sr-no-section", vec![("route", s(route))]),
            Reason::NoQuota => ("sr-no-quota", vec![]),
            Reason::Rank { rank, of, slots } => {
                ("sr-rank", vec![("rank", rank.to_string()), ("of", of.to_string()), ("slots", slots.to_string())])
            }
        };
        t.fs(key, &args)
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(crate::i18n::Lang::En.texts()))
    }
}

/// The decision on one applicant.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    /// Index of the last stage the applicant took (the one failed, for a rejection).
    pub stage_reached: Option<usize>,
    pub outcome: Outcome,
    /// Total points of the score stages, when reached.
    pub score: Option<f64>,
    /// Points per factor (after caps), in `rules.factor_ids()` order; NaN where not reached.
    pub points: Box<[f64]>,
    pub reason: Option<Reason>,
    /// Rank within the quota cell (1 = first), for eligible applicants of a route with quotas.
    pub rank: Option<u64>,
    /// Days from submission to decision, when the decision is dated.
    pub days_to_decision: Option<i64>,
    pub within_time_limit: Option<bool>,
}

/// Applies the stages in order to every applicant.
pub fn evaluate(rules: &Rules, applicants: &[Applicant]) -> Vec<Decision> {
    let n_factors = rules.factor_ids().len();
    let compiled: Vec<Vec<rules::CompiledFactor>> = rules
        .stages
        .iter()
        .map(|st| match st {
            Stage::Score { factors, .. } => rules.compile(factors),
            _ => Vec::new(),
        })
        .collect();
    let field_names: Vec<&str> = rules.fields.keys().map(String::as_str).collect();
    applicants
        .iter()
        .map(|a| {
            let mut d = Decision {
                stage_reached: None,
                outcome: Outcome::Invalid,
                score: None,
                points: vec![f64::NAN; n_factors].into(),
                reason: a.invalid.clone().map(Reason::Invalid),
                rank: None,
                days_to_decision: None,
                within_time_limit: None,
            };
            if a.invalid.is_some() {
                return d;
            }
            if let (Some(s), Some(t)) = (a.submitted, a.decided) {
                let days = (t - s).num_days();
                d.days_to_decision = Some(days);
                d.within_time_limit = rules.max_days.map(|m| days <= m as i64);
            }
            let missing = |f: usize, stage: &str| Reason::MissingAnswer {
                row: a.row,
                field: field_names[f].to_string(),
                stage: stage.to_string(),
            };
            let mut factor_offset = 0;
            let mut total = 0.0;
            for (si, st) in rules.stages.iter().enumerate() {
                d.stage_reached = Some(si);
                match st {
                    Stage::Gate { id, blocks, .. } => {
                        for b in blocks {
                            let f = rules.field_index(&b.field);
                            let v = a.answers[f];
                            if v.is_nan() {
                                d.reason = Some(missing(f, id));
                                return d;
                            }
                            if b.min.is_some_and(|m| v < m) {
                                d.outcome = Outcome::Rejected;
                                d.reason = Some(Reason::BelowMinimum {
                                    stage: id.clone(),
                                    field: b.field.clone(),
                                    value: v,
                                    min: b.min.unwrap_or_default(),
                                });
                                return d;
                            }
                            if b.below.is_some_and(|m| v >= m) {
                                d.outcome = Outcome::Rejected;
                                d.reason = Some(Reason::NotBelowLimit {
                                    stage: id.clone(),
                                    field: b.field.clone(),
                                    value: v,
                                    limit: b.below.unwrap_or_default(),
                                });
                                return d;
                            }
                        }
                    }
                    Stage::Check { id, field, .. } => {
                        let f = rules.field_index(field);
                        let v = a.answers[f];
                        if v.is_nan() {
                            d.reason = Some(missing(f, id));
                            return d;
                        }
                        if v == 0.0 {
                            d.outcome = Outcome::Rejected;
                            d.reason = Some(Reason::NotPassed { stage: id.clone() });
                            return d;
                        }
                    }
                    Stage::Score { id, pass, factors, groups, .. } => {
                        let comp = &compiled[si];
                        if let Some(c) = comp.iter().find(|c| a.answers[c.field].is_nan()) {
                            d.reason = Some(missing(c.field, id));
                            return d;
                        }
                        let pts = &mut d.points[factor_offset..factor_offset + factors.len()];
                        let stage_total = rules::score(factors, comp, groups, &a.answers, pts);
                        factor_offset += factors.len();
                        total += stage_total;
                        d.score = Some(total);
                        if stage_total < *pass {
                            d.outcome = Outcome::Rejected;
                            d.reason =
                                Some(Reason::BelowPassMark { stage: id.clone(), points: stage_total, pass: *pass });
                            return d;
                        }
                    }
                }
            }
            d.outcome = Outcome::Eligible;
            d.reason = None;
            d
        })
        .collect()
}

/// The outcome of a quota cell, like a draw's published cut-off.
#[derive(Debug, Clone, PartialEq)]
pub struct CellResult {
    pub key: CellKey,
    pub slots: u64,
    pub eligible: u64,
    pub selected: u64,
    /// Score and tie-break time of the last selected applicant.
    pub cutoff_score: Option<f64>,
    pub cutoff_timestamp: Option<NaiveDateTime>,
}

/// Ranks the eligible applicants of each cell by score (higher first), then by the tie-break
/// time (earlier first; the submission time, or the last change of the answers when the rules
/// reset it), then by id, and fills the slots. Applicants of routes without quotas stay
/// `eligible`.
pub fn allocate(rules: &Rules, applicants: &[Applicant], decisions: &mut [Decision], quota: &Quota) -> Vec<CellResult> {
    let quota_routes: BTreeSet<&str> = quota.slots.keys().map(|k| k.0.as_str()).collect();
    let mut cells: BTreeMap<CellKey, Vec<usize>> = BTreeMap::new();
    for (i, (a, d)) in applicants.iter().zip(decisions.iter_mut()).enumerate() {
        if d.outcome != Outcome::Eligible || !quota_routes.contains(a.route.as_str()) {
            continue;
        }
        let Some(region) = a.region else {
            d.outcome = Outcome::Waitlisted;
            d.reason = Some(Reason::NoRegion { route: a.route.clone() });
            continue;
        };
        let section = if quota.by_section.contains(&a.route) {
            match a.section {
                Some(s) => Some(s),
                None => {
                    d.outcome = Outcome::Waitlisted;
                    d.reason = Some(Reason::NoSection { route: a.route.clone() });
                    continue;
                }
            }
        } else {
            None
        };
        cells.entry((a.route.clone(), region, section)).or_default().push(i);
    }
    let tie_time = |a: &Applicant| -> NaiveDateTime {
        let s = a.submitted.expect("valid applicants have a submission time");
        if rules.reset_timestamp_on_change { a.updated.unwrap_or(s).max(s) } else { s }
    };
    let mut results = Vec::new();
    let mut keys: BTreeSet<CellKey> = quota.slots.keys().cloned().collect();
    keys.extend(cells.keys().cloned());
    for key in keys {
        let slots = quota.slots.get(&key).copied().unwrap_or(0);
        let mut idx = cells.remove(&key).unwrap_or_default();
        idx.sort_by(|&x, &y| {
            let (sx, sy) = (decisions[x].score.unwrap_or(0.0), decisions[y].score.unwrap_or(0.0));
            sy.total_cmp(&sx)
                .then_with(|| tie_time(&applicants[x]).cmp(&tie_time(&applicants[y])))
                .then_with(|| applicants[x].id.cmp(&applicants[y].id))
        });
        let mut last = None;
        for (r, &i) in idx.iter().enumerate() {
            let d = &mut decisions[i];
            d.rank = Some(r as u64 + 1);
            if (r as u64) < slots {
                d.outcome = Outcome::Selected;
                last = Some(i);
            } else {
                d.outcome = Outcome::Waitlisted;
                d.reason =
                    Some(if slots == 0 { Reason::NoQuota } else { Reason::Rank { rank: r + 1, of: idx.len(), slots } });
            }
        }
        results.push(CellResult {
            key,
            slots,
            eligible: idx.len() as u64,
            selected: (idx.len() as u64).min(slots),
            cutoff_score: last.and_then(|i| decisions[i].score),
            cutoff_timestamp: last.map(|i| tie_time(&applicants[i])),
        });
    }
    results
}

/// Applicants entering and passing each stage, by route and region.
#[derive(Debug, Clone, PartialEq)]
pub struct FunnelRow {
    pub route: String,
    pub region: Option<Region>,
    pub stage: String,
    pub entered: u64,
    pub passed: u64,
    pub rejected: u64,
    pub invalid: u64,
}

pub fn funnel(rules: &Rules, applicants: &[Applicant], decisions: &[Decision]) -> Vec<FunnelRow> {
    let order: Vec<&str> = rules.stages.iter().map(|s| s.id()).collect();
    let mut m: BTreeMap<(String, Option<Region>, usize), [u64; 4]> = BTreeMap::new();
    for (a, d) in applicants.iter().zip(decisions) {
        // Rows invalid before any stage count against the first stage.
        let reached = d.stage_reached.unwrap_or(0);
        let done = matches!(d.outcome, Outcome::Eligible | Outcome::Selected | Outcome::Waitlisted);
        for k in 0..=reached {
            let e = m.entry((a.route.clone(), a.region, k)).or_default();
            e[0] += 1;
            if k < reached || done {
                e[1] += 1;
            } else if d.outcome == Outcome::Rejected {
                e[2] += 1;
            } else {
                e[3] += 1;
            }
        }
    }
    m.into_iter()
        .map(|((route, region, k), c)| FunnelRow {
            route,
            region,
            stage: order[k].to_string(),
            entered: c[0],
            passed: c[1],
            rejected: c[2],
            invalid: c[3],
        })
        .collect()
}

/// The funnel by route and stage, all regions together (per region in `funnel.parquet`):
/// entered, passed, rejected and invalid, in the order the stages appear.
pub fn funnel_by_route_stage(funnel: &[FunnelRow]) -> Vec<(String, String, [u64; 4])> {
    let mut by: Vec<(String, String, [u64; 4])> = Vec::new();
    for f in funnel {
        let c = [f.entered, f.passed, f.rejected, f.invalid];
        match by.iter_mut().find(|(r, s, _)| *r == f.route && *s == f.stage) {
            Some((_, _, t)) => t.iter_mut().zip(c).for_each(|(a, b)| *a += b),
            None => by.push((f.route.clone(), f.stage.clone(), c)),
        }
    }
    by
}
