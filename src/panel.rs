//! The validated input bundle the pipeline consumes: annual panels by region and by
//! region x OKED section, national series and the regional age structure.
//!
//! Files (see `docs/inputs.md` for the full contract):
//! - `region_year.csv`: region_code, year, population, labour_force, employed, unemployed,
//!   net_internal_migration, quality
//! - `region_section_year.csv`: region_code, oked_section, year, employed, vacancies,
//!   avg_wage_kzt, new_entrants, retirements
//! - `national_year.csv`: year, avg_wage_kzt, cpi_yoy_avg_pct, labour_force, employed, quality
//! - `region_age.csv`: region_code, share_0_15, share_working_age, share_pension_age

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use polars::prelude::*;

use crate::codes::{Area, OkedSection, Region};
use crate::error::{Error, Location, Msg, Result};
use crate::evidence::Evidence;
use crate::ingest::table::{TextTable, parse_count};

pub const REGION_FILE: &str = "region_year.csv";
pub const CELL_FILE: &str = "region_section_year.csv";
pub const NATIONAL_FILE: &str = "national_year.csv";
pub const AGE_FILE: &str = "region_age.csv";
/// Optional: the source map of the panel (file, column, status, method).
pub const SOURCES_FILE: &str = "sources.csv";

/// What a panel column rests on, as the source map of the build says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnSource {
    pub file: String,
    pub column: String,
    pub status: String,
    pub method: String,
}

/// Optional: official regional labour indicators (BNS SDG platform).
pub const INDICATOR_FILE: &str = "region_indicators.csv";
/// Optional: national employment (official) and real GVA growth by section, for the elasticity
/// model of expansion demand.
pub const NATIONAL_SECTION_FILE: &str = "national_section_year.csv";

/// The columns of `region_year.csv` whose basis is recorded (`<column>_source`).
pub const REGION_COLUMNS: [&str; 5] =
    ["population", "labour_force", "employed", "unemployed", "net_internal_migration"];
/// The columns of `region_section_year.csv` whose basis is recorded (`<column>_source`).
pub const CELL_COLUMNS: [&str; 5] = ["employed", "vacancies", "avg_wage_kzt", "new_entrants", "retirements"];

/// The regional indicators of `region_indicators.csv`, in their column order.
pub const REGION_INDICATORS: [&str; 4] =
    ["unemployment_rate_pct", "informal_share_pct", "neet_share_pct", "hourly_earnings_kzt"];

/// One region's official labour indicators in one year (`None`: not published).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct RegionIndicators {
    /// Values in the order of [`REGION_INDICATORS`], each with its basis.
    pub values: [Option<(f64, Evidence)>; 4],
}

/// One section in one year, nationally.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NationalSectionYear {
    /// Employed persons (BNS LFS).
    pub employed: i64,
    /// Real GVA, % of the previous year.
    pub gva_volume_index_pct: f64,
}

/// Optional: the education the jobs of each section need (kandas skill matching).
pub const SKILL_FILE: &str = "section_skill_needs.csv";

/// Shares of a section's jobs by the education they need; they add up to 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SkillNeeds {
    pub higher: f64,
    pub vocational: f64,
    pub general: f64,
}

/// One region in one year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RegionYear {
    pub population: i64,
    pub labour_force: i64,
    pub employed: i64,
    pub unemployed: i64,
    pub net_internal_migration: i64,
    /// What each value rests on, in the order of [`REGION_COLUMNS`].
    pub sources: [Evidence; 5],
}

/// One region x section cell in one year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CellYear {
    pub employed: i64,
    pub vacancies: i64,
    pub avg_wage_kzt: i64,
    pub new_entrants: i64,
    pub retirements: i64,
    /// What each value rests on, in the order of [`CELL_COLUMNS`].
    pub sources: [Evidence; 5],
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NationalYear {
    pub avg_wage_kzt: i64,
    pub cpi_yoy_avg_pct: f64,
    pub labour_force: i64,
    pub employed: i64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AgeStructure {
    pub share_0_15: f64,
    pub share_working_age: f64,
    pub share_pension_age: f64,
}

/// The validated panel. Every region has every year; every region has every section listed in
/// `sections` for every year.
#[derive(Debug, Clone)]
pub struct Panel {
    pub years: Vec<i32>,
    pub sections: Vec<OkedSection>,
    pub regions: BTreeMap<(Region, i32), RegionYear>,
    pub cells: BTreeMap<(Region, OkedSection, i32), CellYear>,
    pub national: BTreeMap<i32, NationalYear>,
    pub age: BTreeMap<Region, AgeStructure>,
    /// National employment and output by section, when `national_section_year.csv` is present.
    pub national_sections: Option<BTreeMap<(OkedSection, i32), NationalSectionYear>>,
    /// Skill needs by section, when `section_skill_needs.csv` is present.
    pub skill_needs: Option<BTreeMap<OkedSection, SkillNeeds>>,
    /// Official regional labour indicators, when `region_indicators.csv` is present.
    pub indicators: Option<BTreeMap<(Region, i32), RegionIndicators>>,
    /// The source map of the panel, when `sources.csv` is present.
    pub column_sources: Vec<ColumnSource>,
    /// Input files read, in order.
    pub files: Vec<PathBuf>,
    /// Notes from validation that do not stop a run.
    pub warnings: Vec<crate::warning::Warning>,
}

impl Panel {
    /// The national average wage of `to` over that of `from` (None when the panel lacks either):
    /// how wages of one year are taken to another.
    pub fn wage_ratio(&self, to: i32, from: i32) -> Option<f64> {
        let w = |y: i32| self.national.get(&y).map(|n| n.avg_wage_kzt as f64).filter(|w| *w > 0.0);
        Some(w(to)? / w(from)?)
    }
}

/// `region_year.csv`: one row per region and year; employed <= labour force <= population.
fn load_regions(dir: &Path, report: &mut ValidationReport) -> Result<(PathBuf, RegionYears, Vec<i32>)> {
    let path = dir.join(REGION_FILE);
    let t = TextTable::read(&path)?;
    let cols =
        ["region_code", "year", "population", "labour_force", "employed", "unemployed", "net_internal_migration"];
    t.require(&cols)?;
    let regions_col = parse_regions(&t, "region_code")?;
    let years_col = parse_years(&t)?;
    let pop = t.counts("population")?;
    let lf = t.counts("labour_force")?;
    let emp = t.counts("employed")?;
    let unemp = t.counts("unemployed")?;
    let mig = t.parse("net_internal_migration", Msg::new("what-integer"), |s| {
        s.parse::<i64>().map_err(|_| Msg::new("err-not-integer").arg("value", s))
    })?;
    let rsources = sources_of(&t, &path, &REGION_COLUMNS)?;
    let mut regions = BTreeMap::new();
    let mut first_row: BTreeMap<(Region, i32), usize> = BTreeMap::new();
    for i in 0..t.height() {
        let row = t.line(i);
        let key = (regions_col[i], years_col[i]);
        if let Some(prev) = first_row.insert(key, row) {
            return Err(Error::input(
                Location::row(&path, row),
                Msg::new("err-duplicate-key-row").arg("key", format!("{}, {}", key.0, key.1)).arg("prev", prev),
            ));
        }
        if emp[i] > lf[i] {
            return Err(Error::input(
                Location::cell(&path, row, "employed"),
                Msg::new("pnl-employed-exceeds").arg("employed", emp[i]).arg("lf", lf[i]),
            ));
        }
        if unemp[i] != lf[i] - emp[i] {
            return Err(Error::input(
                Location::cell(&path, row, "unemployed"),
                Msg::new("pnl-unemployed").arg("unemployed", unemp[i]).arg("gap", lf[i] - emp[i]),
            ));
        }
        if lf[i] > pop[i] {
            return Err(Error::input(
                Location::cell(&path, row, "labour_force"),
                Msg::new("pnl-lf-exceeds").arg("lf", lf[i]).arg("population", pop[i]),
            ));
        }
        regions.insert(
            key,
            RegionYear {
                population: pop[i],
                labour_force: lf[i],
                employed: emp[i],
                unemployed: unemp[i],
                net_internal_migration: mig[i],
                sources: rsources[i],
            },
        );
    }
    let years: Vec<i32> = years_col.iter().copied().collect::<BTreeSet<_>>().into_iter().collect();
    check_contiguous(&path, &years)?;
    for r in Region::all() {
        for &y in &years {
            if !regions.contains_key(&(r, y)) {
                return Err(Error::input(
                    Location::file(&path),
                    Msg::new("pnl-no-row-region-year").arg_msg("region", Area::Region(r).label()).arg("year", y),
                ));
            }
        }
    }
    report.files.push(FileReport {
        path: path.clone(),
        rows: t.height(),
        checks: vec![
            Check::RegionYears { years: years.len(), first: years[0], last: years[years.len() - 1] },
            Check::LabourIdentities,
        ],
    });
    Ok((path, regions, years))
}

/// `region_section_year.csv`: one row per region, section and panel year.
#[allow(clippy::type_complexity)]
fn load_cells(
    dir: &Path,
    years: &[i32],
    regions: &BTreeMap<(Region, i32), RegionYear>,
    report: &mut ValidationReport,
) -> Result<(PathBuf, BTreeMap<(Region, OkedSection, i32), CellYear>, Vec<OkedSection>)> {
    let cpath = dir.join(CELL_FILE);
    let t = TextTable::read(&cpath)?;
    t.require(&[
        "region_code",
        "oked_section",
        "year",
        "employed",
        "vacancies",
        "avg_wage_kzt",
        "new_entrants",
        "retirements",
    ])?;
    let cregions = parse_regions(&t, "region_code")?;
    let csections = t.parse("oked_section", Msg::new("what-section"), |s| s.parse::<OkedSection>())?;
    let cyears = parse_years(&t)?;
    let cemp = t.counts("employed")?;
    let cvac = t.counts("vacancies")?;
    let cwage = t.counts("avg_wage_kzt")?;
    let cent = t.counts("new_entrants")?;
    let cret = t.counts("retirements")?;
    let csources = sources_of(&t, &cpath, &CELL_COLUMNS)?;
    let mut cells = BTreeMap::new();
    let mut first_row: BTreeMap<(Region, OkedSection, i32), usize> = BTreeMap::new();
    for i in 0..t.height() {
        let row = t.line(i);
        let key = (cregions[i], csections[i], cyears[i]);
        if let Some(prev) = first_row.insert(key, row) {
            return Err(Error::input(
                Location::row(&cpath, row),
                Msg::new("err-duplicate-key-row")
                    .arg("key", format!("{}, {}, {}", key.0, key.1, key.2))
                    .arg("prev", prev),
            ));
        }
        if !years.contains(&cyears[i]) {
            return Err(Error::input(
                Location::cell(&cpath, row, "year"),
                Msg::new("pnl-year-not-in").arg("year", cyears[i]).arg("file", REGION_FILE),
            ));
        }
        if cemp[i] > 0 && cwage[i] == 0 {
            return Err(Error::input(Location::cell(&cpath, row, "avg_wage_kzt"), Msg::new("pnl-zero-wage")));
        }
        cells.insert(
            key,
            CellYear {
                employed: cemp[i],
                vacancies: cvac[i],
                avg_wage_kzt: cwage[i],
                new_entrants: cent[i],
                retirements: cret[i],
                sources: csources[i],
            },
        );
    }
    let sections: Vec<OkedSection> = csections.iter().copied().collect::<BTreeSet<_>>().into_iter().collect();
    for r in Region::all() {
        for &s in &sections {
            for &y in years {
                if !cells.contains_key(&(r, s, y)) {
                    return Err(Error::input(
                        Location::file(&cpath),
                        Msg::new("pnl-no-row-cell").arg("region", r.iso()).arg("section", s).arg("year", y),
                    ));
                }
            }
        }
    }
    let mut checks =
        vec![Check::CellKeys { sections: sections.iter().map(|s| s.code()).collect::<String>(), years: years.len() }];
    // Accounting identity: cells add up to the regional employment (polars cross-check).
    let (max_gap, worst) = cell_sum_gap(regions, &cells)?;
    if max_gap > 0.005 {
        report.warnings.push(crate::warning::Warning::CellSumGap {
            cell_file: CELL_FILE.into(),
            region_file: REGION_FILE.into(),
            pct: 100.0 * max_gap,
            worst,
        });
    } else {
        checks.push(Check::CellSum { largest_gap_pct: 100.0 * max_gap });
    }
    report.files.push(FileReport { path: cpath.clone(), rows: t.height(), checks });
    Ok((cpath, cells, sections))
}

/// `national_year.csv`: one row per panel year; national employment = sum of regions.
fn load_national(
    dir: &Path,
    years: &[i32],
    regions: &BTreeMap<(Region, i32), RegionYear>,
    report: &mut ValidationReport,
) -> Result<(PathBuf, BTreeMap<i32, NationalYear>)> {
    let npath = dir.join(NATIONAL_FILE);
    let t = TextTable::read(&npath)?;
    t.require(&["year", "avg_wage_kzt", "cpi_yoy_avg_pct", "labour_force", "employed"])?;
    let nyears = parse_years(&t)?;
    let nw = t.counts("avg_wage_kzt")?;
    let ncpi = t.parse("cpi_yoy_avg_pct", Msg::new("what-price-index"), |s| match s.parse::<f64>() {
        Ok(v) if v.is_finite() && v > 50.0 && v < 300.0 => Ok(v),
        _ => Err(Msg::new("pnl-price-index").arg("value", s)),
    })?;
    let nlf = t.counts("labour_force")?;
    let nemp = t.counts("employed")?;
    let mut national = BTreeMap::new();
    for i in 0..t.height() {
        if national
            .insert(
                nyears[i],
                NationalYear { avg_wage_kzt: nw[i], cpi_yoy_avg_pct: ncpi[i], labour_force: nlf[i], employed: nemp[i] },
            )
            .is_some()
        {
            return Err(Error::input(
                Location::row(&npath, t.line(i)),
                Msg::new("pnl-duplicate-year").arg("year", nyears[i]),
            ));
        }
    }
    for &y in years {
        let n = national
            .get(&y)
            .ok_or_else(|| Error::input(Location::file(&npath), Msg::new("pnl-no-row-year").arg("year", y)))?;
        let sum_e: i64 = Region::all().map(|r| regions[&(r, y)].employed).sum();
        if sum_e != n.employed {
            report.warnings.push(crate::warning::Warning::NationalDiffers {
                file: NATIONAL_FILE.into(),
                year: y,
                national: n.employed,
                sum: sum_e,
            });
        }
    }
    report.files.push(FileReport { path: npath.clone(), rows: t.height(), checks: vec![Check::NationalSum] });
    Ok((npath, national))
}

/// `region_age.csv`: one row per region; the shares add up to 1.
fn load_age(dir: &Path, report: &mut ValidationReport) -> Result<(PathBuf, BTreeMap<Region, AgeStructure>)> {
    let apath = dir.join(AGE_FILE);
    let t = TextTable::read(&apath)?;
    t.require(&["region_code", "share_0_15", "share_working_age", "share_pension_age"])?;
    let aregions = parse_regions(&t, "region_code")?;
    let share = |c: &str| {
        t.parse(c, Msg::new("what-share"), |s| match s.parse::<f64>() {
            Ok(v) if (0.0..=1.0).contains(&v) => Ok(v),
            _ => Err(Msg::new("pnl-share").arg("value", s)),
        })
    };
    let (y0, wa, pa) = (share("share_0_15")?, share("share_working_age")?, share("share_pension_age")?);
    let mut age = BTreeMap::new();
    for i in 0..t.height() {
        let sum = y0[i] + wa[i] + pa[i];
        if (sum - 1.0).abs() > 1e-3 {
            return Err(Error::input(
                Location::row(&apath, t.line(i)),
                Msg::new("pnl-age-shares").arg("sum", format!("{sum:.4}")),
            ));
        }
        if age
            .insert(aregions[i], AgeStructure { share_0_15: y0[i], share_working_age: wa[i], share_pension_age: pa[i] })
            .is_some()
        {
            return Err(Error::input(
                Location::row(&apath, t.line(i)),
                Msg::new("pnl-duplicate-region").arg("region", aregions[i]),
            ));
        }
    }
    for r in Region::all() {
        if !age.contains_key(&r) {
            return Err(Error::input(Location::file(&apath), Msg::new("pnl-no-row-for").arg("what", r.iso())));
        }
    }
    report.files.push(FileReport { path: apath.clone(), rows: t.height(), checks: vec![Check::AgeShares] });
    Ok((apath, age))
}

/// What validation found, per file.
#[derive(Debug, Clone, Default)]
pub struct ValidationReport {
    pub files: Vec<FileReport>,
    pub warnings: Vec<crate::warning::Warning>,
}

#[derive(Debug, Clone)]
pub struct FileReport {
    pub path: PathBuf,
    pub rows: usize,
    pub checks: Vec<Check>,
}

/// A check a panel file passed (`kvota validate` lists them; keys `check-*`).
#[derive(Debug, Clone, PartialEq)]
pub enum Check {
    /// Every region and panel year once.
    RegionYears { years: usize, first: i32, last: i32 },
    /// Employed <= labour force <= population; unemployed = labour force - employed.
    LabourIdentities,
    /// Every region, section (their letters) and year once.
    CellKeys { sections: String, years: usize },
    /// Section employment adds up to the region's, within the largest gap found (percent).
    CellSum { largest_gap_pct: f64 },
    /// One row per panel year; national employment is the sum of the regions'.
    NationalSum,
    /// One row per region; the age shares add up to 1.
    AgeShares,
    /// What the source map says the panel's columns rest on.
    SourceMap { columns: usize, official: usize, estimated: usize, synthetic: usize, ingested: usize },
    /// Every panel section and year once; the volume indices in range.
    VolumeIndices,
    /// One row per panel section; the skill shares add up to 1.
    SkillShares,
    /// Official regional indicators and the panel years they cover for every region.
    Indicators { covered: usize, years: usize },
}

impl Check {
    /// The check in the language of `t` (English equals [`std::fmt::Display`]).
    pub fn text(&self, t: &crate::i18n::Texts) -> String {
        let n = |x: &usize| x.to_string();
        let (key, args): (&str, Vec<(&str, String)>) = match self {
            Check::RegionYears { years, first, last } => (
                "check-region-years",
                vec![("years", n(years)), ("first", first.to_string()), ("last", last.to_string())],
            ),
            Check::LabourIdentities => ("check-labour-identities", vec![]),
            Check::CellKeys { sections, years } => (
                "check-cell-keys",
                vec![("n", sections.chars().count().to_string()), ("sections", sections.clone()), ("years", n(years))],
            ),
            Check::CellSum { largest_gap_pct } => ("check-cell-sum", vec![("gap", t.fixed(*largest_gap_pct, 4))]),
            Check::NationalSum => ("check-national-sum", vec![]),
            Check::AgeShares => ("check-age-shares", vec![]),
            Check::SourceMap { columns, official, estimated, synthetic, ingested } => (
                "check-source-map",
                vec![
                    ("columns", n(columns)),
                    ("official", n(official)),
                    ("estimated", n(estimated)),
                    ("synthetic", n(synthetic)),
                    ("ingested", n(ingested)),
                ],
            ),
            Check::VolumeIndices => ("check-volume-indices", vec![]),
            Check::SkillShares => ("check-skill-shares", vec![]),
            Check::Indicators { covered, years } => {
                ("check-indicators", vec![("covered", n(covered)), ("years", n(years))])
            }
        };
        t.fs(key, &args)
    }
}

impl std::fmt::Display for Check {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(crate::i18n::Lang::En.texts()))
    }
}

/// Region-level values by region and year.
type RegionYears = BTreeMap<(Region, i32), RegionYear>;

/// National values by section and year.
type NationalSections = BTreeMap<(OkedSection, i32), NationalSectionYear>;

impl Panel {
    /// Loads and validates the panel in `dir`. The first error stops the load and names the
    /// file, row and column.
    pub fn load(dir: &Path) -> Result<(Panel, ValidationReport)> {
        if !crate::builtin::is_dir(dir) {
            return Err(Error::missing(dir, crate::error::Input::Panel));
        }
        let mut report = ValidationReport::default();
        let (path, regions, years) = load_regions(dir, &mut report)?;
        let (cpath, cells, sections) = load_cells(dir, &years, &regions, &mut report)?;
        let (npath, national) = load_national(dir, &years, &regions, &mut report)?;
        let (apath, age) = load_age(dir, &mut report)?;
        let mut files = vec![path, cpath, npath, apath];
        let spath = dir.join(SKILL_FILE);
        let skill_needs = if crate::builtin::is_file(&spath) {
            let (m, fr) = load_skill_needs(&spath, &sections)?;
            report.files.push(fr);
            files.push(spath);
            Some(m)
        } else {
            None
        };

        let npath2 = dir.join(NATIONAL_SECTION_FILE);
        let national_sections = if crate::builtin::is_file(&npath2) {
            let (m, fr) = load_national_sections(&npath2, &sections, &years)?;
            report.files.push(fr);
            files.push(npath2);
            Some(m)
        } else {
            None
        };

        let ipath = dir.join(INDICATOR_FILE);
        let indicators = if crate::builtin::is_file(&ipath) {
            let (m, fr) = load_indicators(&ipath, &years)?;
            report.files.push(fr);
            files.push(ipath);
            Some(m)
        } else {
            None
        };

        let spath = dir.join(SOURCES_FILE);
        let column_sources = if crate::builtin::is_file(&spath) {
            let t = TextTable::read(&spath)?;
            t.require(&["file", "column", "status", "method"])?;
            let get = |c: &str| -> Result<Vec<String>> {
                Ok(t.text(c)?.into_iter().map(|v| v.unwrap_or("").to_string()).collect())
            };
            let (f, c, st, m) = (get("file")?, get("column")?, get("status")?, get("method")?);
            let count = |w: &str| st.iter().filter(|x| x.as_str() == w).count();
            report.files.push(FileReport {
                path: spath.clone(),
                rows: t.height(),
                checks: vec![Check::SourceMap {
                    columns: t.height(),
                    official: count("official"),
                    estimated: count("estimated"),
                    synthetic: count("synthetic"),
                    ingested: count("ingested"),
                }],
            });
            files.push(spath);
            (0..t.height())
                .map(|i| ColumnSource {
                    file: f[i].clone(),
                    column: c[i].clone(),
                    status: st[i].clone(),
                    method: m[i].clone(),
                })
                .collect()
        } else {
            Vec::new()
        };

        let panel = Panel {
            column_sources,
            indicators,
            years,
            sections,
            regions,
            cells,
            national,
            age,
            national_sections,
            skill_needs,
            files,
            warnings: report.warnings.clone(),
        };
        Ok((panel, report))
    }

    /// The panel as it stood at the end of `last_year`: every later year dropped, so a run for an
    /// earlier target year sees only the data it would have had (an out-of-sample check).
    pub fn cut(mut self, last_year: i32) -> std::result::Result<Panel, Msg> {
        if !self.years.contains(&last_year) || self.years.iter().filter(|y| **y <= last_year).count() < 3 {
            return Err(Msg::new("pnl-cut")
                .arg("year", last_year)
                .arg("first", self.years[0])
                .arg("last", self.last_year()));
        }
        self.years.retain(|y| *y <= last_year);
        self.regions.retain(|(_, y), _| *y <= last_year);
        self.cells.retain(|(_, _, y), _| *y <= last_year);
        self.national.retain(|y, _| *y <= last_year);
        if let Some(m) = self.national_sections.as_mut() {
            m.retain(|(_, y), _| *y <= last_year);
        }
        if let Some(m) = self.indicators.as_mut() {
            m.retain(|(_, y), _| *y <= last_year);
        }
        self.warnings.push(crate::warning::Warning::DataCut { year: last_year });
        Ok(self)
    }

    pub fn last_year(&self) -> i32 {
        *self.years.last().expect("non-empty panel")
    }

    /// The labour force of all regions in `year` (persons).
    pub fn labour_force(&self, year: i32) -> u64 {
        Region::all().map(|r| self.regions[&(r, year)].labour_force).sum::<i64>() as u64
    }

    /// A region's series of one variable over the panel years.
    pub fn region_series(&self, r: Region, f: impl Fn(&RegionYear) -> i64) -> Vec<f64> {
        self.years.iter().map(|y| f(&self.regions[&(r, *y)]) as f64).collect()
    }

    /// A cell's series of one variable over the panel years.
    pub fn cell_series(&self, r: Region, s: OkedSection, f: impl Fn(&CellYear) -> i64) -> Vec<f64> {
        self.years.iter().map(|y| f(&self.cells[&(r, s, *y)]) as f64).collect()
    }
}

fn load_national_sections(
    path: &Path,
    sections: &[OkedSection],
    years: &[i32],
) -> Result<(NationalSections, FileReport)> {
    let t = TextTable::read(path)?;
    t.require(&["oked_section", "year", "employed", "gva_volume_index_pct"])?;
    let secs = t.parse("oked_section", Msg::new("what-section"), |s| s.parse::<OkedSection>())?;
    let yrs = parse_years(&t)?;
    let emp = t.counts("employed")?;
    let gva = t.parse("gva_volume_index_pct", Msg::new("what-volume-index"), |s| match s.parse::<f64>() {
        Ok(v) if (10.0..=400.0).contains(&v) => Ok(v),
        _ => Err(Msg::new("pnl-volume-index").arg("value", s)),
    })?;
    let mut m = BTreeMap::new();
    for i in 0..t.height() {
        let v = NationalSectionYear { employed: emp[i], gva_volume_index_pct: gva[i] };
        if m.insert((secs[i], yrs[i]), v).is_some() {
            return Err(Error::input(
                Location::row(path, t.line(i)),
                Msg::new("err-duplicate-key").arg("key", format!("{}, {}", secs[i].code(), yrs[i])),
            ));
        }
    }
    for s in sections {
        for y in years {
            if !m.contains_key(&(*s, *y)) {
                return Err(Error::input(
                    Location::file(path),
                    Msg::new("pnl-no-row-section-year").arg("section", s.code()).arg("year", y),
                ));
            }
        }
    }
    let fr = FileReport { path: path.to_path_buf(), rows: t.height(), checks: vec![Check::VolumeIndices] };
    Ok((m, fr))
}

fn load_skill_needs(path: &Path, sections: &[OkedSection]) -> Result<(BTreeMap<OkedSection, SkillNeeds>, FileReport)> {
    let t = TextTable::read(path)?;
    t.require(&["oked_section", "share_higher", "share_vocational", "share_general"])?;
    let secs = t.parse("oked_section", Msg::new("what-section"), |s| s.parse::<OkedSection>())?;
    let share = |c: &str| {
        t.parse(c, Msg::new("what-share"), |s| match s.parse::<f64>() {
            Ok(v) if (0.0..=1.0).contains(&v) => Ok(v),
            _ => Err(Msg::new("pnl-share").arg("value", s)),
        })
    };
    let (h, v, g) = (share("share_higher")?, share("share_vocational")?, share("share_general")?);
    let mut m = BTreeMap::new();
    for i in 0..t.height() {
        let sum = h[i] + v[i] + g[i];
        if (sum - 1.0).abs() > 1e-4 {
            return Err(Error::input(
                Location::row(path, t.line(i)),
                Msg::new("pnl-shares-sum").arg("sum", format!("{sum:.5}")),
            ));
        }
        if m.insert(secs[i], SkillNeeds { higher: h[i], vocational: v[i], general: g[i] }).is_some() {
            return Err(Error::input(
                Location::row(path, t.line(i)),
                Msg::new("pnl-duplicate-section").arg("section", secs[i].code()),
            ));
        }
    }
    if let Some(s) = sections.iter().find(|s| !m.contains_key(s)) {
        return Err(Error::input(Location::file(path), Msg::new("pnl-no-row-section").arg("section", s.code())));
    }
    let fr = FileReport { path: path.to_path_buf(), rows: t.height(), checks: vec![Check::SkillShares] };
    Ok((m, fr))
}

fn parse_regions(t: &TextTable, col: &str) -> Result<Vec<Region>> {
    t.parse(col, Msg::new("what-region-code"), |s| s.parse::<Region>().map_err(Msg::from))
}

fn parse_years(t: &TextTable) -> Result<Vec<i32>> {
    t.parse("year", Msg::new("what-year"), |s| match s.parse::<i32>() {
        Ok(y) if (1990..=2100).contains(&y) => Ok(y),
        _ => Err(Msg::new("pnl-year").arg("value", s)),
    })
}

fn check_contiguous(path: &Path, years: &[i32]) -> Result<()> {
    for w in years.windows(2) {
        if w[1] != w[0] + 1 {
            return Err(Error::input(
                Location::column(path, "year"),
                Msg::new("pnl-years-gap").arg("year", w[0]).arg("next", w[1]),
            ));
        }
    }
    if years.len() < 4 {
        return Err(Error::input(Location::column(path, "year"), Msg::new("pnl-few-years").arg("count", years.len())));
    }
    Ok(())
}

/// Largest relative gap between the sum of section employment and regional employment,
/// computed with a polars group-by and join.
fn cell_sum_gap(
    regions: &BTreeMap<(Region, i32), RegionYear>,
    cells: &BTreeMap<(Region, OkedSection, i32), CellYear>,
) -> Result<(f64, String)> {
    let err = |e| Error::polars("checking that sections add up to regions", e);
    let cells_df = df!(
        "region" => cells.keys().map(|k| k.0.iso()).collect::<Vec<_>>(),
        "year" => cells.keys().map(|k| k.2).collect::<Vec<_>>(),
        "employed" => cells.values().map(|c| c.employed).collect::<Vec<_>>(),
    )
    .map_err(err)?;
    let regions_df = df!(
        "region" => regions.keys().map(|k| k.0.iso()).collect::<Vec<_>>(),
        "year" => regions.keys().map(|k| k.1).collect::<Vec<_>>(),
        "region_employed" => regions.values().map(|r| r.employed).collect::<Vec<_>>(),
    )
    .map_err(err)?;
    let joined = cells_df
        .lazy()
        .group_by([col("region"), col("year")])
        .agg([col("employed").sum().alias("sum_employed")])
        .join(
            regions_df.lazy(),
            [col("region"), col("year")],
            [col("region"), col("year")],
            JoinArgs::new(JoinType::Inner),
        )
        .with_column(
            (col("sum_employed").cast(DataType::Float64) - col("region_employed").cast(DataType::Float64))
                .alias("diff"),
        )
        .with_column(
            (when(col("diff").lt(lit(0.0))).then(lit(0.0) - col("diff")).otherwise(col("diff"))
                / col("region_employed").cast(DataType::Float64))
            .alias("gap"),
        )
        .sort(["gap"], SortMultipleOptions::default().with_order_descending(true))
        .limit(1)
        .collect()
        .map_err(err)?;
    if joined.height() == 0 {
        return Ok((0.0, String::new()));
    }
    let gap = joined.column("gap").map_err(err)?.f64().map_err(err)?.get(0).unwrap_or(0.0);
    let region = joined.column("region").map_err(err)?.str().map_err(err)?.get(0).unwrap_or("").to_string();
    let year = joined.column("year").map_err(err)?.i32().map_err(err)?.get(0).unwrap_or(0);
    Ok((gap, format!("{region} {year}")))
}

/// Parses a count that may be written with a decimal point (for callers that accept both).
pub fn parse_count_lenient(s: &str) -> std::result::Result<i64, Msg> {
    parse_count(s)
}

/// The `<column>_source` columns of a table, one array per row; a table without them was made
/// outside kvota's build and rests on what its user says: `ingested`.
fn sources_of(t: &TextTable, path: &Path, columns: &[&str; 5]) -> Result<Vec<[Evidence; 5]>> {
    let mut out = vec![[Evidence::Ingested; 5]; t.height()];
    for (k, c) in columns.iter().enumerate() {
        let name = format!("{c}_source");
        if !t.columns().contains(&name) {
            continue;
        }
        let v = t.parse(&name, Msg::new("what-evidence"), |s| {
            Evidence::parse(s).ok_or_else(|| Msg::new("pnl-evidence").arg("value", s))
        })?;
        for (i, e) in v.into_iter().enumerate() {
            out[i][k] = e;
        }
    }
    let _ = path;
    Ok(out)
}

/// `region_indicators.csv`: region_code, year, and per indicator its value and source (empty
/// where not published).
/// Regional indicators by region and year.
type IndicatorMap = BTreeMap<(Region, i32), RegionIndicators>;

fn load_indicators(path: &Path, years: &[i32]) -> Result<(IndicatorMap, FileReport)> {
    let t = TextTable::read(path)?;
    t.require(&["region_code", "year"])?;
    t.require(&REGION_INDICATORS)?;
    let regions = parse_regions(&t, "region_code")?;
    let ys = parse_years(&t)?;
    let mut out: BTreeMap<(Region, i32), RegionIndicators> = BTreeMap::new();
    let mut cols = Vec::new();
    for name in REGION_INDICATORS {
        let values = t.text(name)?;
        let src_name = format!("{name}_source");
        let sources = if t.columns().contains(&src_name) { Some(t.text(&src_name)?) } else { None };
        let mut col = Vec::with_capacity(t.height());
        for i in 0..t.height() {
            let v = match values[i] {
                None => None,
                Some(s) => {
                    let x = s.trim().parse::<f64>().ok().filter(|x| x.is_finite()).ok_or_else(|| {
                        Error::input(Location::cell(path, t.line(i), name), Msg::new("err-not-number").arg("value", s))
                    })?;
                    let e = sources.as_ref().and_then(|c| c[i]).map_or(Some(Evidence::Ingested), Evidence::parse);
                    let e = e.ok_or_else(|| {
                        Error::input(Location::cell(path, t.line(i), src_name.as_str()), Msg::new("pnl-not-evidence"))
                    })?;
                    Some((x, e))
                }
            };
            col.push(v);
        }
        cols.push(col);
    }
    for i in 0..t.height() {
        let key = (regions[i], ys[i]);
        let row = RegionIndicators { values: std::array::from_fn(|k| cols[k][i]) };
        if out.insert(key, row).is_some() {
            return Err(Error::input(
                Location::row(path, t.line(i)),
                Msg::new("err-duplicate-key").arg("key", format!("{}, {}", key.0, key.1)),
            ));
        }
    }
    let covered = years.iter().filter(|y| Region::all().all(|r| out.contains_key(&(r, **y)))).count();
    let report = FileReport {
        path: path.to_path_buf(),
        rows: t.height(),
        checks: vec![Check::Indicators { covered, years: years.len() }],
    };
    Ok((out, report))
}
