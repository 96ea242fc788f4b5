//! The published decisions kvota is held against (`data/reference/`): the annual foreign-labour
//! quota (ceiling % and persons), the stock of foreign workers on permits by section, and the
//! regional quotas where an order itemises them. Press compilations with their source on every
//! row (`data/README.md`); read, never written.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;

use crate::codes::{OkedSection, Region};
use crate::error::{Error, Location, Msg, Result};
use crate::ingest::table::{TextTable, parse_count, parse_number};

pub const ANNUAL_FILE: &str = "foreign_labour_quota_annual.csv";
pub const SNAPSHOT_FILE: &str = "foreign_workers_snapshots.csv";
pub const REGIONS_FILE: &str = "foreign_quota_regions_published.csv";

/// One year of the published foreign-labour quota.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedQuota {
    pub year: i32,
    /// Ceiling, % of the labour force.
    pub ceiling_pct: Option<f64>,
    /// Persons distributed by the order (its first edition).
    pub persons: Option<f64>,
    pub source: String,
}

/// The stock of foreign workers on permits on one date, by OKED section where published.
#[derive(Debug, Clone, PartialEq)]
pub struct StockSnapshot {
    pub date: NaiveDate,
    pub total: f64,
    /// The sections the source itemises (the rest is "other").
    pub sections: BTreeMap<OkedSection, f64>,
    pub source: String,
}

/// The regional quotas an order itemises, with the order's total.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedRegions {
    pub year: i32,
    pub total: f64,
    pub regions: BTreeMap<Region, f64>,
    pub source: String,
}

/// Everything in the reference folder.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reference {
    pub quotas: Vec<PublishedQuota>,
    pub snapshots: Vec<StockSnapshot>,
    pub regions: Vec<PublishedRegions>,
    /// Files read.
    pub files: Vec<std::path::PathBuf>,
}

impl Reference {
    /// Reads the reference folder; a file that is absent leaves its part empty.
    pub fn read(dir: &Path) -> Result<Reference> {
        let mut r = Reference::default();
        let p = dir.join(ANNUAL_FILE);
        if crate::builtin::is_file(&p) {
            r.quotas = read_annual(&p)?;
            r.files.push(p);
        }
        let p = dir.join(SNAPSHOT_FILE);
        if crate::builtin::is_file(&p) {
            r.snapshots = read_snapshots(&p)?;
            r.files.push(p);
        }
        let p = dir.join(REGIONS_FILE);
        if crate::builtin::is_file(&p) {
            r.regions = read_regions(&p)?;
            r.files.push(p);
        }
        Ok(r)
    }

    /// The last snapshot with a section breakdown taken before 1 January of `year`.
    pub fn stock_before(&self, year: i32) -> Option<&StockSnapshot> {
        let start = NaiveDate::from_ymd_opt(year, 1, 1)?;
        self.snapshots.iter().filter(|s| s.date < start && !s.sections.is_empty()).max_by_key(|s| s.date)
    }
}

fn optional(t: &TextTable, col: &str) -> Result<Vec<Option<f64>>> {
    let raw = t.text(col)?;
    raw.into_iter()
        .enumerate()
        .map(|(i, v)| {
            v.map(|s| parse_number(s).map_err(|m| Error::input(Location::cell(t.path(), t.line(i), col), m)))
                .transpose()
        })
        .collect()
}

fn read_annual(path: &Path) -> Result<Vec<PublishedQuota>> {
    let t = TextTable::read(path)?;
    t.require(&["year", "leb_quota_pct_of_labour_force", "leb_quota_persons", "source_url"])?;
    let years = t.parse("year", Msg::new("what-year"), |s| {
        s.parse::<i32>().map_err(|_| Msg::new("err-not-year").arg("value", s))
    })?;
    let pct = optional(&t, "leb_quota_pct_of_labour_force")?;
    let persons = optional(&t, "leb_quota_persons")?;
    let src = t.text("source_url")?;
    Ok((0..t.height())
        .map(|i| PublishedQuota {
            year: years[i],
            ceiling_pct: pct[i],
            persons: persons[i],
            source: src[i].unwrap_or("").to_string(),
        })
        .collect())
}

fn read_snapshots(path: &Path) -> Result<Vec<StockSnapshot>> {
    let t = TextTable::read(path)?;
    t.require(&["date", "measure", "breakdown", "breakdown_value", "value", "source_url"])?;
    let dates = t.parse("date", Msg::new("what-date"), |s| {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| Msg::new("err-not-date").arg("value", s))
    })?;
    let (measure, breakdown, item, src) =
        (t.text("measure")?, t.text("breakdown")?, t.text("breakdown_value")?, t.text("source_url")?);
    let values = t.numbers("value")?;
    let mut by_date: BTreeMap<NaiveDate, StockSnapshot> = BTreeMap::new();
    for i in 0..t.height() {
        if measure[i] != Some("workers_with_leb_permits") {
            continue;
        }
        let s = by_date.entry(dates[i]).or_insert_with(|| StockSnapshot {
            date: dates[i],
            total: 0.0,
            sections: BTreeMap::new(),
            source: src[i].unwrap_or("").to_string(),
        });
        match breakdown[i] {
            Some("total") => s.total = values[i],
            Some("oked_section") => {
                let code = item[i].unwrap_or("");
                let sec: OkedSection = code
                    .parse()
                    .map_err(|m: Msg| Error::input(Location::cell(path, t.line(i), "breakdown_value"), m))?;
                s.sections.insert(sec, values[i]);
            }
            _ => {}
        }
    }
    let out: Vec<StockSnapshot> = by_date.into_values().filter(|s| s.total > 0.0).collect();
    Ok(out)
}

fn read_regions(path: &Path) -> Result<Vec<PublishedRegions>> {
    let t = TextTable::read(path)?;
    t.require(&["year", "region_code", "quota_persons", "total_persons", "source_url"])?;
    let years = t.parse("year", Msg::new("what-year"), |s| {
        s.parse::<i32>().map_err(|_| Msg::new("err-not-year").arg("value", s))
    })?;
    let regions =
        t.parse("region_code", Msg::new("what-region-code-or-name"), |s| s.parse::<Region>().map_err(Msg::from))?;
    let quota = t.parse("quota_persons", Msg::new("what-persons"), parse_count)?;
    let total = t.parse("total_persons", Msg::new("what-persons"), parse_count)?;
    let src = t.text("source_url")?;
    let mut by_year: BTreeMap<i32, PublishedRegions> = BTreeMap::new();
    for i in 0..t.height() {
        let e = by_year.entry(years[i]).or_insert_with(|| PublishedRegions {
            year: years[i],
            total: total[i] as f64,
            regions: BTreeMap::new(),
            source: src[i].unwrap_or("").to_string(),
        });
        if e.total != total[i] as f64 {
            return Err(Error::input(
                Location::cell(path, t.line(i), "total_persons"),
                Msg::new("ref-total-differs").arg("total", total[i]).arg("earlier", e.total).arg("year", years[i]),
            ));
        }
        if e.regions.insert(regions[i], quota[i] as f64).is_some() {
            return Err(Error::input(
                Location::cell(path, t.line(i), "region_code"),
                Msg::new("ref-region-twice").arg("region", regions[i].iso()).arg("year", years[i]),
            ));
        }
    }
    Ok(by_year.into_values().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_published_figures_and_picks_the_stock_before_a_year() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(SNAPSHOT_FILE),
            "date,measure,breakdown,breakdown_value,value,source_url,note\n\
             2023-10-01,workers_with_leb_permits,total,,100,u,\n\
             2023-10-01,workers_with_leb_permits,oked_section,F,40,u,\n\
             2024-01-05,workers_with_leb_permits,total,,90,u,\n\
             2025-11-01,workers_with_leb_permits,total,,120,u,\n\
             2025-11-01,workers_with_leb_permits,oked_section,A,30,u,\n\
             2025-11-01,employers_using_foreign_labour,total,,7,u,\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join(REGIONS_FILE),
            "year,region_code,quota_persons,total_persons,source_url\n2025,KZ-23,10,50,u\n2025,Astana,5,50,u\n",
        )
        .unwrap();
        let r = Reference::read(dir.path()).unwrap();
        assert!(r.quotas.is_empty());
        // 2024-01-05 has no section breakdown; the stock before 2025 is October 2023's.
        assert_eq!(r.stock_before(2025).unwrap().date, NaiveDate::from_ymd_opt(2023, 10, 1).unwrap());
        assert_eq!(r.stock_before(2026).unwrap().sections[&OkedSection::from_letter('A').unwrap()], 30.0);
        assert!(r.stock_before(2023).is_none());
        assert_eq!(r.regions[0].regions.len(), 2);

        std::fs::write(
            dir.path().join(REGIONS_FILE),
            "year,region_code,quota_persons,total_persons,source_url\n2025,KZ-23,10,50,u\n2025,KZ-23,5,50,u\n",
        )
        .unwrap();
        let e = Reference::read(dir.path()).unwrap_err().to_string();
        assert!(e.contains("row 3") && e.contains("region_code") && e.contains("twice"), "{e}");
    }
}
