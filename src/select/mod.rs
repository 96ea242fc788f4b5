//! `kvota select`: applicant pre-selection by scoring rules (`rules`), ranking of the eligible
//! applicants of each quota cell with ties broken by time, and the funnel.
//!
//! Personal data: kvota reads one row per applicant with a pseudonymous id, timestamps, the
//! route and target region/section, and the answers the rules file declares — nothing else. A
//! column that looks like personal data (names, document numbers, contacts, birth date) is
//! refused. Outputs carry the pseudonymous id only; messages name rows and columns, never
//! values of other columns.

pub mod rules;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use crate::codes::{OkedSection, Region};
use crate::error::{Error, Location, Result};
use crate::export::{ColumnData, OutputSet, OutputTable, sha256_file};
use crate::table::TextTable;
use rules::{FieldSpec, Rules, Stage};

/// Columns that would carry personal data; kvota refuses them.
const PERSONAL: [&str; 18] = [
    "name",
    "surname",
    "first_name",
    "last_name",
    "middle_name",
    "patronymic",
    "full_name",
    "passport",
    "passport_number",
    "iin",
    "document",
    "document_number",
    "phone",
    "email",
    "address",
    "birth_date",
    "date_of_birth",
    "citizen_id",
];

/// One applicant as read.
#[derive(Debug, Clone, PartialEq)]
pub struct Applicant {
    pub id: String,
    /// 1-based row in the input (header = row 1 for CSV).
    pub row: usize,
    pub submitted: Option<NaiveDateTime>,
    pub updated: Option<NaiveDateTime>,
    pub decided: Option<NaiveDateTime>,
    pub route: String,
    pub region: Option<Region>,
    pub section: Option<OkedSection>,
    /// Answers in the order of `rules.fields`, encoded (see [`rules::encode`]); NaN = none.
    pub answers: Box<[f64]>,
    /// Why the row cannot be assessed, if it cannot.
    pub invalid: Option<String>,
}

/// Parses `2026-03-01T10:00:00Z`, `2026-03-01T10:00:00+05:00` (converted to UTC),
/// `2026-03-01T10:00:00` or `2026-03-01 10:00:00` (taken as UTC).
pub fn parse_timestamp(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(t.naive_utc());
    }
    ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
}

/// Reads the applicants table (CSV or Parquet). Structural problems (a missing column, a
/// personal-data column) are errors; problems of a row make that row invalid with the reason.
pub fn read_applicants(path: &Path, rules: &Rules) -> Result<Vec<Applicant>> {
    let t = TextTable::read_any(path)?;
    for c in t.columns() {
        if PERSONAL.contains(&c.to_ascii_lowercase().as_str()) {
            return Err(Error::input(
                Location::column(path, c.as_str()),
                "looks like personal data; kvota takes pseudonymous ids only — remove the column",
            ));
        }
    }
    t.require(&["applicant_id", "submitted_at"])?;
    let fields: Vec<(&String, &FieldSpec)> = rules.fields.iter().collect();
    let names: Vec<&str> = fields.iter().map(|(n, _)| n.as_str()).collect();
    t.require(&names)?;
    let n = t.height();
    let cols = t.columns();
    let has = |name: &str| cols.iter().any(|c| c == name);
    // Problems by row index; most rows have none.
    let mut problems: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    // Columns are parsed one at a time, so that only one column of text views is alive.
    let ids: Vec<String> = t.text("applicant_id")?.into_iter().map(|v| v.unwrap_or_default().to_string()).collect();
    for (i, id) in ids.iter().enumerate() {
        if id.is_empty() {
            problems.entry(i).or_default().push("empty applicant_id".into());
        }
    }
    let times = |name: &str,
                 required: bool,
                 problems: &mut BTreeMap<usize, Vec<String>>|
     -> Result<Vec<Option<NaiveDateTime>>> {
        if !has(name) {
            return Ok(vec![None; n]);
        }
        let raw = t.text(name)?;
        Ok(raw
            .into_iter()
            .enumerate()
            .map(|(i, v)| match v {
                None => {
                    if required {
                        problems.entry(i).or_default().push(format!("column `{name}`: empty"));
                    }
                    None
                }
                Some(s) => {
                    let p = parse_timestamp(s);
                    if p.is_none() {
                        problems
                            .entry(i)
                            .or_default()
                            .push(format!("column `{name}`: `{s}` is not a timestamp (2026-03-01T10:00:00Z)"));
                    }
                    p
                }
            })
            .collect())
    };
    let submitted = times("submitted_at", true, &mut problems)?;
    let updated = times("updated_at", false, &mut problems)?;
    let decided = times("decided_at", false, &mut problems)?;
    let routes: Vec<String> = if has("route") {
        t.text("route")?.into_iter().map(|v| v.unwrap_or("default").to_string()).collect()
    } else {
        vec!["default".to_string(); n]
    };
    let resolver = crate::codes::RegionResolver::global();
    let mut region_cache: BTreeMap<String, std::result::Result<Region, String>> = BTreeMap::new();
    let regions: Vec<Option<Region>> = if has("region") {
        t.text("region")?
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                let s = v?;
                let r = region_cache
                    .entry(s.to_string())
                    .or_insert_with(|| match resolver.resolve(s) {
                        Ok(crate::codes::Area::Region(r)) => Ok(r),
                        Ok(other) => Err(format!("`{s}` is {}, not a current region", other.label_en())),
                        Err(e) => Err(e.to_string()),
                    })
                    .clone();
                match r {
                    Ok(r) => Some(r),
                    Err(m) => {
                        problems.entry(i).or_default().push(format!("column `region`: {m}"));
                        None
                    }
                }
            })
            .collect()
    } else {
        vec![None; n]
    };
    let sections: Vec<Option<OkedSection>> = if has("section") {
        t.text("section")?
            .into_iter()
            .enumerate()
            .map(|(i, v)| match v?.parse::<OkedSection>() {
                Ok(x) => Some(x),
                Err(e) => {
                    problems.entry(i).or_default().push(format!("column `section`: {e}"));
                    None
                }
            })
            .collect()
    } else {
        vec![None; n]
    };
    let k = fields.len();
    let mut answers = vec![f64::NAN; n * k];
    for (j, (name, spec)) in fields.iter().enumerate() {
        for (i, v) in t.text(name)?.into_iter().enumerate() {
            if let Some(raw) = v {
                match rules::encode(spec, raw) {
                    Ok(x) => answers[i * k + j] = x,
                    Err(m) => problems.entry(i).or_default().push(format!("column `{name}`: {m}")),
                }
            }
        }
    }
    let mut out = Vec::with_capacity(n);
    for (i, ((((id, route), region), section), ans)) in
        ids.into_iter().zip(routes).zip(regions).zip(sections).zip(answers.chunks(k.max(1))).enumerate()
    {
        let row = t.line(i);
        out.push(Applicant {
            id,
            row,
            submitted: submitted[i],
            updated: updated[i],
            decided: decided[i],
            route,
            region,
            section,
            answers: if k == 0 { Box::new([]) } else { ans.into() },
            invalid: problems.remove(&i).map(|p| format!("row {row}: {}", p.join("; "))),
        });
    }
    drop(t);
    // Duplicate ids: every occurrence is invalid (a human must say which one counts).
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by(|&x, &y| out[x].id.cmp(&out[y].id));
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for w in order.chunk_by(|&x, &y| out[x].id == out[y].id) {
        if w.len() > 1 && !out[w[0]].id.is_empty() {
            groups.push(w.to_vec());
        }
    }
    for mut g in groups {
        g.sort_unstable();
        let rows = g.iter().map(|&x| out[x].row.to_string()).collect::<Vec<_>>().join(", ");
        for x in g {
            let msg = format!("row {}: duplicate applicant_id (rows {rows})", out[x].row);
            out[x].invalid = Some(match out[x].invalid.take() {
                Some(m) => format!("{m}; {msg}"),
                None => msg,
            });
        }
    }
    Ok(out)
}

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
    pub reason: Option<String>,
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
                reason: a.invalid.clone(),
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
            let missing = |f: usize, stage: &str| {
                format!("row {}: missing answer `{}` needed by stage `{stage}`", a.row, field_names[f])
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
                                d.reason = Some(format!(
                                    "{id}: `{}` {v} is below the minimum {}",
                                    b.field,
                                    b.min.unwrap_or_default()
                                ));
                                return d;
                            }
                            if b.below.is_some_and(|m| v >= m) {
                                d.outcome = Outcome::Rejected;
                                d.reason = Some(format!(
                                    "{id}: `{}` {v} is not below the limit {}",
                                    b.field,
                                    b.below.unwrap_or_default()
                                ));
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
                            d.reason = Some(format!("{id}: not passed"));
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
                            d.reason = Some(format!("{id}: {stage_total} points, below the pass mark {pass}"));
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

/// A quota cell: route, region, and section where the route's quota is by section.
pub type CellKey = (String, Region, Option<OkedSection>);

/// Slots per cell, from a table `route, region, section (optional), slots`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Quota {
    pub slots: BTreeMap<CellKey, u64>,
    /// Routes whose quota is by region and section.
    pub by_section: BTreeSet<String>,
}

impl Quota {
    pub fn load(path: &Path) -> Result<Quota> {
        let t = TextTable::read_any(path)?;
        t.require(&["route", "region", "slots"])?;
        let routes = t.parse("route", "a route name", |s| Ok::<_, String>(s.to_string()))?;
        let regions =
            t.parse("region", "an ISO 3166-2:KZ region code", |s| s.parse::<Region>().map_err(|e| e.to_string()))?;
        let slots = t.counts("slots")?;
        let sections: Vec<Option<OkedSection>> = if t.columns().iter().any(|c| c == "section") {
            let raw = t.text("section")?;
            let mut v = Vec::with_capacity(raw.len());
            for (i, s) in raw.into_iter().enumerate() {
                v.push(match s {
                    None => None,
                    Some(s) => Some(
                        s.parse::<OkedSection>()
                            .map_err(|m| Error::input(Location::cell(path, t.line(i), "section"), m))?,
                    ),
                });
            }
            v
        } else {
            vec![None; t.height()]
        };
        let mut q = Quota::default();
        for i in 0..t.height() {
            let key = (routes[i].clone(), regions[i], sections[i]);
            if sections[i].is_some() {
                q.by_section.insert(routes[i].clone());
            }
            if q.slots.insert(key, slots[i] as u64).is_some() {
                return Err(Error::input(Location::row(path, t.line(i)), "duplicate quota cell"));
            }
        }
        for (k, _) in &q.slots {
            if q.by_section.contains(&k.0) && k.2.is_none() {
                return Err(Error::input(
                    Location::file(path),
                    format!("route `{}` has quotas by section and one without a section", k.0),
                ));
            }
        }
        Ok(q)
    }
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
            d.reason = Some(format!("route `{}` has regional quotas and the application names no region", a.route));
            continue;
        };
        let section = if quota.by_section.contains(&a.route) {
            match a.section {
                Some(s) => Some(s),
                None => {
                    d.outcome = Outcome::Waitlisted;
                    d.reason =
                        Some(format!("route `{}` has quotas by section and the application names none", a.route));
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
                d.reason = Some(if slots == 0 {
                    "no quota for the cell".to_string()
                } else {
                    format!("rank {} of {} for {} slots", r + 1, idx.len(), slots)
                });
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

/// What `kvota select` produced.
#[derive(Debug)]
pub struct SelectOutcome {
    pub files: Vec<PathBuf>,
    pub counts: BTreeMap<String, u64>,
    pub cells: usize,
    /// The funnel as written to `funnel.parquet` (per route, region and stage).
    pub funnel: Vec<FunnelRow>,
}

fn ts(t: Option<NaiveDateTime>) -> Option<String> {
    t.map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

/// Reads, evaluates, ranks and writes `selection.parquet`, `cutoffs.parquet`, `funnel.parquet`
/// and `manifest.json` into `out_dir` (atomically: all or nothing).
pub fn run(
    rules_path: &Path,
    applicants_path: &Path,
    quota_path: Option<&Path>,
    out_dir: &Path,
) -> Result<SelectOutcome> {
    let rules = Rules::load(rules_path)?;
    let applicants = read_applicants(applicants_path, &rules)?;
    let mut decisions = evaluate(&rules, &applicants);
    let quota = match quota_path {
        Some(p) => Quota::load(p)?,
        None => Quota::default(),
    };
    let cells = allocate(&rules, &applicants, &mut decisions, &quota);
    let fun = funnel(&rules, &applicants, &decisions);

    let mut set = OutputSet::new(out_dir)?;
    let meta = vec![("rules_id", rules.id.clone()), ("rules_effective", rules.effective.to_string())];
    // Written in chunks of 100,000 rows: a million applicants never sit in memory as text twice.
    let p = set.stage_path("selection.parquet")?;
    const CHUNK: usize = 100_000;
    let n = applicants.len();
    crate::export::write_parquet_chunks(
        &p,
        "selection",
        &meta,
        (0..n.div_ceil(CHUNK).max(1)).map(|c| {
            let r = (c * CHUNK).min(n)..((c + 1) * CHUNK).min(n);
            selection_table(&rules, &applicants[r.clone()], &decisions[r]).to_batch()
        }),
    )?;
    let p = set.stage_path("cutoffs.parquet")?;
    cutoffs_table(&cells).write_parquet(&p, &meta)?;
    let p = set.stage_path("funnel.parquet")?;
    funnel_table(&fun).write_parquet(&p, &meta)?;
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for d in &decisions {
        *counts.entry(d.outcome.code().to_string()).or_default() += 1;
    }
    let mut inputs = vec![
        serde_json::json!({"path": rules_path.display().to_string(), "sha256": sha256_file(rules_path)?}),
        serde_json::json!({"path": applicants_path.display().to_string(), "sha256": sha256_file(applicants_path)?}),
    ];
    if let Some(q) = quota_path {
        inputs.push(serde_json::json!({"path": q.display().to_string(), "sha256": sha256_file(q)?}));
    }
    let manifest = serde_json::json!({
        "tool": "kvota select",
        "version": env!("CARGO_PKG_VERSION"),
        "rules": {
            "id": rules.id, "title": rules.title, "effective": rules.effective.to_string(),
            "reference": rules.reference, "status": rules.status, "max_days": rules.max_days,
            "reset_timestamp_on_change": rules.reset_timestamp_on_change,
        },
        "inputs": inputs,
        "applicants": applicants.len(),
        "outcomes": counts,
        "quota_cells": cells.len(),
        "tie_break": if rules.reset_timestamp_on_change {
            "score, then the later of submission and last change of answers (a changed score resets the time), then id"
        } else {
            "score, then submission time (a changed score does not reset it), then id"
        },
        "personal_data": "pseudonymous applicant ids only; no names, document numbers or contacts are read or written",
    });
    let json = serde_json::to_string_pretty(&manifest).map_err(|e| Error::output("manifest.json", e))?;
    set.write_bytes("manifest.json", format!("{json}\n").as_bytes())?;
    let files = set.commit()?;
    Ok(SelectOutcome { files, counts, cells: cells.len(), funnel: fun })
}

fn selection_table(rules: &Rules, a: &[Applicant], d: &[Decision]) -> OutputTable {
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
            ColumnData::OptStr(d.iter().map(|x| x.reason.clone()).collect()),
            "why the applicant was rejected, invalid or waitlisted",
        )
}

fn cutoffs_table(c: &[CellResult]) -> OutputTable {
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

fn funnel_table(f: &[FunnelRow]) -> OutputTable {
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
