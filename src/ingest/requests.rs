//! Optional input tables of the allocation: employer requests (the applications employers file
//! with the akimat by 1 October, Annex 1 of the Quota Rules) and issued permits (for
//! utilisation). Both are CSV files read with row-and-column error locations.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::codes::{OkedSection, Region, WorkerCategory};
use crate::error::{Error, Location, Msg, Result};
use crate::ingest::table::{TextTable, parse_count};

/// What a request asks for: a quota category, or an intra-corporate transfer (outside the
/// quota).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RequestCategory {
    Worker(WorkerCategory),
    Ict,
}

impl RequestCategory {
    pub fn code(self) -> &'static str {
        match self {
            RequestCategory::Worker(c) => c.code(),
            RequestCategory::Ict => "ict",
        }
    }
}

/// A worker category (`1`-`4`, `seasonal`) or `ict` for an intra-corporate transfer.
pub fn parse_category(s: &str) -> std::result::Result<RequestCategory, Msg> {
    if s.trim().eq_ignore_ascii_case("ict") {
        Ok(RequestCategory::Ict)
    } else {
        s.parse::<WorkerCategory>()
            .map(RequestCategory::Worker)
            .map_err(|_| Msg::new("err-category-or-ict").arg("value", s.trim().to_ascii_lowercase()))
    }
}

/// One row of the employer-requests table (aggregated over employers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployerRequest {
    pub region: Region,
    pub section: OkedSection,
    pub category: RequestCategory,
    /// Foreign workers requested (persons).
    pub requested: u64,
    /// Kazakh citizens on the requesting employers' staff in this category, when reported:
    /// the basis of the exact local-content check.
    pub citizen_staff: Option<u64>,
    /// 1-based line in the file.
    pub row: usize,
}

#[derive(Debug, Clone)]
pub struct EmployerRequests {
    pub path: PathBuf,
    pub rows: Vec<EmployerRequest>,
    /// Built from vetted request lines: `requested` is what survived every rule, so the
    /// allocation takes it as justified (no gap or local-content cap on top).
    pub vetted: bool,
}

/// An employer-requests file in either layout.
#[derive(Debug, Clone)]
pub enum RequestsInput {
    /// One row per request line, as filed (`request_id`, `employer_id`, ...).
    Lines(crate::ingest::request_lines::RequestLines),
    /// The older layout, aggregated per cell and category.
    Cells(EmployerRequests),
}

/// Reads an employer-requests file (CSV or Parquet), telling the layouts apart by the
/// `request_id` column.
pub fn load_requests(path: &Path) -> Result<RequestsInput> {
    let t = TextTable::read_any(path)?;
    if crate::ingest::request_lines::RequestLines::is_line_layout(&t) {
        Ok(RequestsInput::Lines(crate::ingest::request_lines::RequestLines::from_table(path, &t)?))
    } else {
        Ok(RequestsInput::Cells(EmployerRequests::from_table(path, &t)?))
    }
}

impl EmployerRequests {
    /// Reads `region, section, category, requested[, citizen_staff]`. Region and section take
    /// the official codes (or any known region name); category is `1`-`4`, `seasonal` or
    /// `ict`. Seasonal requests are only valid in agriculture (section A); a key may appear
    /// once.
    pub fn load(path: &Path) -> Result<EmployerRequests> {
        let t = TextTable::read(path)?;
        Self::from_table(path, &t)
    }

    pub fn from_table(path: &Path, t: &TextTable) -> Result<EmployerRequests> {
        crate::ingest::people::refuse_personal_columns(path, t)?;
        t.require(&["region", "section", "category", "requested"])?;
        let regions = t.parse("region", Msg::new("what-region-code"), |s| s.parse::<Region>().map_err(Msg::from))?;
        let sections = t.parse("section", Msg::new("what-section"), |s| s.parse::<OkedSection>())?;
        let cats = t.parse("category", Msg::new("what-category"), parse_category)?;
        let requested = t.counts("requested")?;
        let staff: Option<Vec<Option<i64>>> = if t.columns().iter().any(|c| c.trim() == "citizen_staff") {
            let raw = t.text("citizen_staff")?;
            let mut v = Vec::with_capacity(raw.len());
            for (i, s) in raw.into_iter().enumerate() {
                v.push(match s {
                    None => None,
                    Some(s) => Some(
                        parse_count(s)
                            .map_err(|m| Error::input(Location::cell(path, t.line(i), "citizen_staff"), m))?,
                    ),
                });
            }
            Some(v)
        } else {
            None
        };
        let mut rows = Vec::with_capacity(t.height());
        let mut seen: BTreeMap<(Region, OkedSection, RequestCategory), usize> = BTreeMap::new();
        for i in 0..t.height() {
            let row = t.line(i);
            if cats[i] == RequestCategory::Worker(WorkerCategory::Seasonal) && sections[i].code() != "A" {
                return Err(Error::input(
                    Location::cell(path, row, "category"),
                    Msg::new("req-seasonal-section").arg("section", sections[i].code()),
                ));
            }
            if let Some(prev) = seen.insert((regions[i], sections[i], cats[i]), row) {
                return Err(Error::input(
                    Location::row(path, row),
                    Msg::new("req-duplicate")
                        .arg("key", format!("{}, {}, {}", regions[i], sections[i].code(), cats[i].code()))
                        .arg("prev", prev),
                ));
            }
            rows.push(EmployerRequest {
                region: regions[i],
                section: sections[i],
                category: cats[i],
                requested: requested[i] as u64,
                citizen_staff: staff.as_ref().and_then(|s| s[i]).map(|v| v as u64),
                row,
            });
        }
        Ok(EmployerRequests { path: path.to_path_buf(), rows, vetted: false })
    }

    /// Requests for quota categories, by cell and category.
    pub fn by_cell(&self) -> BTreeMap<(Region, OkedSection), BTreeMap<WorkerCategory, &EmployerRequest>> {
        let mut m: BTreeMap<(Region, OkedSection), BTreeMap<WorkerCategory, &EmployerRequest>> = BTreeMap::new();
        for r in &self.rows {
            if let RequestCategory::Worker(c) = r.category {
                m.entry((r.region, r.section)).or_default().insert(c, r);
            }
        }
        m
    }

    pub fn ict(&self) -> impl Iterator<Item = &EmployerRequest> {
        self.rows.iter().filter(|r| r.category == RequestCategory::Ict)
    }
}

/// Work permits issued against the quota, by cell and category.
#[derive(Debug, Clone)]
pub struct IssuedPermits {
    pub path: PathBuf,
    pub issued: BTreeMap<(Region, OkedSection, WorkerCategory), u64>,
}

impl IssuedPermits {
    /// Reads `region, section, category, issued`; a key may appear once.
    pub fn load(path: &Path) -> Result<IssuedPermits> {
        let t = TextTable::read(path)?;
        t.require(&["region", "section", "category", "issued"])?;
        let regions = t.parse("region", Msg::new("what-region-code"), |s| s.parse::<Region>().map_err(Msg::from))?;
        let sections = t.parse("section", Msg::new("what-section"), |s| s.parse::<OkedSection>())?;
        let cats = t.parse("category", Msg::new("what-worker-category"), |s| s.parse::<WorkerCategory>())?;
        let issued = t.counts("issued")?;
        let mut m = BTreeMap::new();
        let mut rows: BTreeMap<(Region, OkedSection, WorkerCategory), usize> = BTreeMap::new();
        for i in 0..t.height() {
            let key = (regions[i], sections[i], cats[i]);
            if let Some(prev) = rows.insert(key, t.line(i)) {
                return Err(Error::input(
                    Location::row(path, t.line(i)),
                    Msg::new("err-duplicate-key-row")
                        .arg("key", format!("{}, {}, {}", key.0, key.1.code(), key.2.code()))
                        .arg("prev", prev),
                ));
            }
            m.insert(key, issued[i] as u64);
        }
        Ok(IssuedPermits { path: path.to_path_buf(), issued: m })
    }
}
