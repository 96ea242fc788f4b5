//! Employers' requests at the level they are filed (one row per request line, Annex 1 of the
//! Quota Rules), the investment projects they may cite, and the regional wages by occupation
//! group that the wage check compares them with. Employer, director and address keys are
//! pseudonymous: a column named like personal data, or a key that looks like a real BIN/IIN
//! (twelve digits), is refused before anything is used.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::codes::{OkedSection, Region};
use crate::error::{Error, Location, Msg, Result};
use crate::evidence::Evidence;
use crate::ingest::people::{pseudonymous, refuse_personal_columns};
use crate::ingest::requests::{RequestCategory, parse_category};
use crate::ingest::table::{TextTable, parse_count, parse_date, parse_number};

/// The columns of a request line, in the order of `docs/inputs.md`.
pub const REQUIRED: [&str; 14] = [
    "request_id",
    "employer_id",
    "region",
    "oked",
    "occupation",
    "category",
    "workers",
    "employer_staff",
    "citizen_staff",
    "wage_kzt",
    "posting_id",
    "posting_date",
    "citizen_applicants",
    "submitted",
];

/// One request line.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestLine {
    /// 1-based line in the file (row in a Parquet file).
    pub row: usize,
    pub request_id: String,
    pub employer_id: String,
    pub region: Region,
    pub section: OkedSection,
    /// ISCO-08 / NKZ code, 1 to 4 digits.
    pub occupation: String,
    /// The category the employer declared.
    pub category: RequestCategory,
    pub workers: u64,
    pub employer_staff: u64,
    pub citizen_staff: u64,
    pub wage_kzt: f64,
    pub posting_id: Option<String>,
    pub posting_date: Option<NaiveDate>,
    pub citizen_applicants: u64,
    pub submitted: NaiveDate,
    pub project_id: Option<String>,
    pub prior_quota: Option<u64>,
    pub prior_used: Option<u64>,
    pub director_id: Option<String>,
    pub address_id: Option<String>,
    /// What the line rests on: `ingested` (a table the user gave, the default) unless the
    /// file's optional `evidence` column says otherwise (the demonstration table: `synthetic`).
    pub evidence: Evidence,
}

/// The request lines of one file.
#[derive(Debug, Clone)]
pub struct RequestLines {
    pub path: PathBuf,
    pub lines: Vec<RequestLine>,
}

/// An OKED section letter, or an OKED class, group or division code (`41.20`, `41.2`, `41`).
pub fn parse_oked(s: &str) -> std::result::Result<OkedSection, Msg> {
    let t = s.trim();
    if t.len() == 1 && t.chars().all(|c| c.is_ascii_alphabetic()) {
        return t.parse::<OkedSection>();
    }
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = &t[digits.len()..];
    let ok_rest = rest.is_empty() || (rest.starts_with('.') && rest[1..].chars().all(|c| c.is_ascii_digit()));
    if digits.len() == 2 && ok_rest {
        let d: u8 = digits.parse().map_err(|_| Msg::new("err-oked-code").arg("value", t))?;
        return OkedSection::from_division(d)
            .ok_or_else(|| Msg::new("err-oked-division").arg("value", t).arg("division", d));
    }
    Err(Msg::new("err-oked-code-or-section").arg("value", t))
}

/// An ISCO-08 / NKZ occupation code of 1 to 4 digits.
pub fn parse_occupation(s: &str) -> std::result::Result<String, Msg> {
    let t = s.trim();
    if !t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        Ok(t.to_string())
    } else {
        Err(Msg::new("err-occupation").arg("value", t))
    }
}

/// Optional column parsed where a value is present.
fn optional<T, E: Into<Msg>>(
    t: &TextTable,
    path: &Path,
    name: &str,
    f: impl Fn(&str) -> std::result::Result<T, E>,
) -> Result<Vec<Option<T>>> {
    if !t.columns().iter().any(|c| c == name) {
        return Ok((0..t.height()).map(|_| None).collect());
    }
    let raw = t.text(name)?;
    let mut out = Vec::with_capacity(raw.len());
    for (i, v) in raw.into_iter().enumerate() {
        out.push(match v {
            None => None,
            Some(s) => Some(f(s).map_err(|m| Error::input(Location::cell(path, t.line(i), name), m))?),
        });
    }
    Ok(out)
}

impl RequestLines {
    /// True when the table is in the request-line layout (it has a `request_id` column).
    pub fn is_line_layout(t: &TextTable) -> bool {
        t.columns().iter().any(|c| c == "request_id")
    }

    /// Reads a CSV or Parquet file of request lines (columns in `docs/inputs.md`).
    pub fn load(path: &Path) -> Result<RequestLines> {
        let t = TextTable::read_any(path)?;
        Self::from_table(path, &t)
    }

    pub fn from_table(path: &Path, t: &TextTable) -> Result<RequestLines> {
        refuse_personal_columns(path, t)?;
        t.require(&REQUIRED)?;
        let ids = t.parse("request_id", Msg::new("what-request-id"), |s| Ok::<_, Msg>(s.to_string()))?;
        let employers = t.parse("employer_id", Msg::new("what-employer-id"), pseudonymous)?;
        let regions = t.parse("region", Msg::new("what-region-code"), |s| s.parse::<Region>().map_err(Msg::from))?;
        let sections = t.parse("oked", Msg::new("what-oked"), parse_oked)?;
        let occupations = t.parse("occupation", Msg::new("what-occupation"), parse_occupation)?;
        let cats = t.parse("category", Msg::new("what-category"), parse_category)?;
        let workers = t.counts("workers")?;
        let staff = t.counts("employer_staff")?;
        let citizens = t.counts("citizen_staff")?;
        let wages = t.parse("wage_kzt", Msg::new("what-wage"), |s| match parse_number(s) {
            Ok(v) if v >= 0.0 => Ok(v),
            Ok(v) => Err(Msg::new("err-negative-wage").arg("value", v)),
            Err(e) => Err(e),
        })?;
        let postings = optional(t, path, "posting_id", |s| Ok::<_, Msg>(s.to_string()))?;
        let posting_dates = optional(t, path, "posting_date", parse_date)?;
        let applicants = t.counts("citizen_applicants")?;
        let submitted = t.parse("submitted", Msg::new("what-date"), parse_date)?;
        let projects = optional(t, path, "project_id", |s| Ok::<_, Msg>(s.to_string()))?;
        let count = |s: &str| parse_count(s).map(|v| v as u64);
        let prior_quota = optional(t, path, "prior_quota", count)?;
        let prior_used = optional(t, path, "prior_used", count)?;
        let directors = optional(t, path, "director_id", pseudonymous)?;
        let addresses = optional(t, path, "address_id", pseudonymous)?;
        let evidence = optional(t, path, "evidence", |s| {
            Evidence::parse(s).ok_or_else(|| Msg::new("err-evidence").arg("value", s))
        })?;
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        let mut lines = Vec::with_capacity(t.height());
        for i in 0..t.height() {
            let row = t.line(i);
            if let Some(prev) = seen.insert(ids[i].as_str(), row) {
                return Err(Error::input(
                    Location::cell(path, row, "request_id"),
                    Msg::new("err-duplicate-request").arg("prev", prev),
                ));
            }
            if citizens[i] > staff[i] {
                return Err(Error::input(
                    Location::cell(path, row, "citizen_staff"),
                    Msg::new("err-citizens-exceed-staff").arg("citizens", citizens[i]).arg("staff", staff[i]),
                ));
            }
            if postings[i].is_some() && posting_dates[i].is_none() {
                return Err(Error::input(
                    Location::cell(path, row, "posting_date"),
                    Msg::new("err-posting-without-date"),
                ));
            }
            if let (Some(q), Some(u)) = (prior_quota[i], prior_used[i])
                && u > q
            {
                return Err(Error::input(
                    Location::cell(path, row, "prior_used"),
                    Msg::new("err-used-exceeds-quota").arg("used", u).arg("quota", q),
                ));
            }
            lines.push(RequestLine {
                row,
                request_id: ids[i].clone(),
                employer_id: employers[i].clone(),
                region: regions[i],
                section: sections[i],
                occupation: occupations[i].clone(),
                category: cats[i],
                workers: workers[i] as u64,
                employer_staff: staff[i] as u64,
                citizen_staff: citizens[i] as u64,
                wage_kzt: wages[i],
                posting_id: postings[i].clone(),
                posting_date: posting_dates[i],
                citizen_applicants: applicants[i] as u64,
                submitted: submitted[i],
                project_id: projects[i].clone(),
                prior_quota: prior_quota[i],
                prior_used: prior_used[i],
                director_id: directors[i].clone(),
                address_id: addresses[i].clone(),
                evidence: evidence[i].unwrap_or(Evidence::Ingested),
            });
        }
        Ok(RequestLines { path: path.to_path_buf(), lines })
    }
}

/// Status of an investment project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ProjectStatus {
    Planned,
    Active,
    Finished,
}

impl ProjectStatus {
    pub fn code(self) -> &'static str {
        match self {
            ProjectStatus::Planned => "planned",
            ProjectStatus::Active => "active",
            ProjectStatus::Finished => "finished",
        }
    }
}

/// An investment project that requests may cite.
#[derive(Debug, Clone, PartialEq)]
pub struct Project {
    pub project_id: String,
    pub region: Region,
    pub section: OkedSection,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Foreign workers the project plans to bring in.
    pub foreign_planned: u64,
    pub status: ProjectStatus,
}

/// Reads `project_id, region, oked, start, end, foreign_planned, status` (status `planned`,
/// `active` or `finished`).
pub fn read_projects(path: &Path) -> Result<Vec<Project>> {
    let t = TextTable::read_any(path)?;
    refuse_personal_columns(path, &t)?;
    t.require(&["project_id", "region", "oked", "start", "end", "foreign_planned", "status"])?;
    let ids = t.parse("project_id", Msg::new("what-project-id"), |s| Ok::<_, Msg>(s.to_string()))?;
    let regions = t.parse("region", Msg::new("what-region-code"), |s| s.parse::<Region>().map_err(Msg::from))?;
    let sections = t.parse("oked", Msg::new("what-oked"), parse_oked)?;
    let start = t.parse("start", Msg::new("what-date"), parse_date)?;
    let end = t.parse("end", Msg::new("what-date"), parse_date)?;
    let planned = t.counts("foreign_planned")?;
    let status = t.parse("status", Msg::new("what-project-status"), |s| match s.trim() {
        "planned" => Ok(ProjectStatus::Planned),
        "active" => Ok(ProjectStatus::Active),
        "finished" => Ok(ProjectStatus::Finished),
        other => Err(Msg::new("err-project-status").arg("value", other)),
    })?;
    let mut seen = BTreeMap::new();
    let mut out = Vec::with_capacity(ids.len());
    for i in 0..ids.len() {
        if let Some(prev) = seen.insert(ids[i].clone(), t.line(i)) {
            return Err(Error::input(
                Location::cell(path, t.line(i), "project_id"),
                Msg::new("err-duplicate-project").arg("prev", prev),
            ));
        }
        if end[i] < start[i] {
            return Err(Error::input(
                Location::cell(path, t.line(i), "end"),
                Msg::new("err-project-ends-first").arg("end", end[i]).arg("start", start[i]),
            ));
        }
        out.push(Project {
            project_id: ids[i].clone(),
            region: regions[i],
            section: sections[i],
            start: start[i],
            end: end[i],
            foreign_planned: planned[i] as u64,
            status: status[i],
        });
    }
    Ok(out)
}

/// Average monthly wage by region and ISCO-08 major group (index = the group's digit).
#[derive(Debug, Clone, PartialEq)]
pub struct OccupationWages {
    pub path: PathBuf,
    /// The year the wages are of.
    pub year: i32,
    pub national: [f64; 10],
    pub regions: BTreeMap<Region, [f64; 10]>,
}

/// Columns of the BNS table of wages by region x occupation group, by ISCO-08 major group
/// 1, 2, ..., 9, 0.
const WAGE_COLUMNS: [&str; 10] = [
    "not_members_of_other_groups",
    "managers_&_civil_servants",
    "qualified",
    "tech_personnel",
    "admin_emplyees",
    "service_and_sales",
    "agriculture",
    "Engineers_transport",
    "assemblers_and_drivers",
    "unqualified",
];

impl OccupationWages {
    /// Reads the BNS wages by region x occupation group of `year` (`regions` and one column per
    /// ISCO major group, as in `data/raw/bns_avg_wage_region_occupation_2022.csv`). Rows of a
    /// former region are skipped; a region without a row takes the national wages.
    pub fn load(path: &Path, year: i32) -> Result<OccupationWages> {
        let t = TextTable::read(path)?;
        t.require(&["regions"])?;
        t.require(&WAGE_COLUMNS)?;
        let names = t.parse("regions", Msg::new("what-region-name"), |s| Ok::<_, Msg>(s.to_string()))?;
        let mut cols = Vec::with_capacity(10);
        for c in WAGE_COLUMNS {
            cols.push(t.numbers(c)?);
        }
        let resolver = crate::codes::RegionResolver::global();
        let mut national = None;
        let mut regions = BTreeMap::new();
        for (i, name) in names.iter().enumerate() {
            let mut w = [0.0; 10];
            for (g, col) in cols.iter().enumerate() {
                if col[i] <= 0.0 {
                    return Err(Error::input(
                        Location::cell(path, t.line(i), WAGE_COLUMNS[g]),
                        Msg::new("err-wage-positive"),
                    ));
                }
                w[g] = col[i];
            }
            match resolver.resolve(name) {
                Ok(crate::codes::Area::Region(r)) => {
                    regions.insert(r, w);
                }
                Ok(crate::codes::Area::Republic) => national = Some(w),
                Ok(_) => {}
                Err(e) => return Err(Error::input(Location::cell(path, t.line(i), "regions"), e)),
            }
        }
        let national = national
            .ok_or_else(|| Error::input(Location::column(path, "regions"), Msg::new("rl-no-national-wages")))?;
        Ok(OccupationWages { path: path.to_path_buf(), year, national, regions })
    }

    /// The average wage of a region and major group (the national one where the region has no
    /// row).
    pub fn wage(&self, region: Region, major: usize) -> f64 {
        self.regions.get(&region).unwrap_or(&self.national)[major]
    }
}
