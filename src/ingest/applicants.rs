//! The applicants table of `kvota select` (CSV or Parquet): a pseudonymous id, timestamps, the
//! route and target region/section, and the answers the rules file declares, encoded for
//! scoring. Nothing else is read; a personal-data column is refused.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::NaiveDateTime;

use crate::codes::{OkedSection, Region};
use crate::error::{Error, Location, Msg, Result};
use crate::ingest::table::TextTable;
use crate::rules::{self, FieldSpec, Rules};

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
    pub invalid: Option<Msg>,
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
    super::people::refuse_personal_columns(path, &t)?;
    t.require(&["applicant_id", "submitted_at"])?;
    let fields: Vec<(&String, &FieldSpec)> = rules.fields.iter().collect();
    let names: Vec<&str> = fields.iter().map(|(n, _)| n.as_str()).collect();
    t.require(&names)?;
    let n = t.height();
    let cols = t.columns();
    let has = |name: &str| cols.iter().any(|c| c == name);
    // Problems by row index; most rows have none.
    let mut problems: RowProblems = BTreeMap::new();
    // Columns are parsed one at a time, so that only one column of text views is alive.
    let ids: Vec<String> = t.text("applicant_id")?.into_iter().map(|v| v.unwrap_or_default().to_string()).collect();
    for (i, id) in ids.iter().enumerate() {
        if id.is_empty() {
            problems.entry(i).or_default().push(column_problem("applicant_id", Msg::new("app-empty")));
        } else if let Err(m) = super::people::pseudonymous(id) {
            return Err(Error::input(Location::cell(path, t.line(i), "applicant_id"), m));
        }
    }
    let submitted = timestamps(&t, "submitted_at", true, &mut problems)?;
    let updated = timestamps(&t, "updated_at", false, &mut problems)?;
    let decided = timestamps(&t, "decided_at", false, &mut problems)?;
    let routes: Vec<String> = if has("route") {
        t.text("route")?.into_iter().map(|v| v.unwrap_or("default").to_string()).collect()
    } else {
        vec!["default".to_string(); n]
    };
    let regions = if has("region") { regions(&t, &mut problems)? } else { vec![None; n] };
    let sections = if has("section") { sections(&t, &mut problems)? } else { vec![None; n] };
    let k = fields.len();
    let mut answers = vec![f64::NAN; n * k];
    for (j, (name, spec)) in fields.iter().enumerate() {
        for (i, v) in t.text(name)?.into_iter().enumerate() {
            if let Some(raw) = v {
                match rules::encode(spec, raw) {
                    Ok(x) => answers[i * k + j] = x,
                    Err(m) => problems.entry(i).or_default().push(column_problem(name, m)),
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
            invalid: problems.remove(&i).map(|p| row_problems(row, p)),
        });
    }
    drop(t);
    mark_duplicates(&mut out);
    Ok(out)
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

/// Problems of a row, by row index (most rows have none).
type RowProblems = BTreeMap<usize, Vec<Msg>>;

/// "column `x`: what is wrong there".
fn column_problem(column: &str, what: Msg) -> Msg {
    Msg::new("app-column").arg("column", column).arg_msg("text", what)
}

/// "row 3: the row's problems", `; ` apart.
fn row_problems(row: usize, problems: Vec<Msg>) -> Msg {
    let all = problems.into_iter().reduce(|a, b| a.joined("; ", b)).unwrap_or_else(|| Msg::text(""));
    Msg::new("app-row").arg("row", row).arg_msg("problems", all)
}

/// A timestamp column; an empty cell is a problem where `required`, a bad one always.
fn timestamps(
    t: &TextTable,
    name: &str,
    required: bool,
    problems: &mut RowProblems,
) -> Result<Vec<Option<NaiveDateTime>>> {
    if !t.columns().iter().any(|c| c == name) {
        return Ok(vec![None; t.height()]);
    }
    let raw = t.text(name)?;
    Ok(raw
        .into_iter()
        .enumerate()
        .map(|(i, v)| match v {
            None => {
                if required {
                    problems.entry(i).or_default().push(column_problem(name, Msg::new("app-empty")));
                }
                None
            }
            Some(s) => {
                let p = parse_timestamp(s);
                if p.is_none() {
                    problems
                        .entry(i)
                        .or_default()
                        .push(column_problem(name, Msg::new("app-timestamp").arg("value", s)));
                }
                p
            }
        })
        .collect())
}

/// The `region` column: current regions by code or any known name.
fn regions(t: &TextTable, problems: &mut RowProblems) -> Result<Vec<Option<Region>>> {
    let mut region_cache: BTreeMap<String, std::result::Result<Region, Msg>> = BTreeMap::new();
    Ok(t.text("region")?
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            let s = v?;
            let r = region_cache.entry(s.to_string()).or_insert_with(|| s.parse::<Region>().map_err(Msg::from)).clone();
            match r {
                Ok(r) => Some(r),
                Err(m) => {
                    problems.entry(i).or_default().push(column_problem("region", m));
                    None
                }
            }
        })
        .collect())
}

/// The `section` column: OKED section letters.
fn sections(t: &TextTable, problems: &mut RowProblems) -> Result<Vec<Option<OkedSection>>> {
    Ok(t.text("section")?
        .into_iter()
        .enumerate()
        .map(|(i, v)| match v?.parse::<OkedSection>() {
            Ok(x) => Some(x),
            Err(e) => {
                problems.entry(i).or_default().push(column_problem("section", e));
                None
            }
        })
        .collect())
}

/// Duplicate ids: every occurrence is invalid (a human must say which one counts).
fn mark_duplicates(out: &mut [Applicant]) {
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
            let msg = Msg::new("app-duplicate").arg("row", out[x].row).arg("rows", &rows);
            out[x].invalid = Some(match out[x].invalid.take() {
                Some(m) => m.joined("; ", msg),
                None => msg,
            });
        }
    }
}

/// Reads the slots table of `kvota select`: `route, region, section (optional), slots`.
pub fn read_quota_slots(path: &Path) -> Result<Quota> {
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
            return Err(Error::input(Location::row(path, t.line(i)), Msg::new("app-duplicate-cell")));
        }
    }
    for k in q.slots.keys() {
        if q.by_section.contains(&k.0) && k.2.is_none() {
            return Err(Error::input(Location::file(path), Msg::new("app-route-sections").arg("route", &k.0)));
        }
    }
    Ok(q)
}
