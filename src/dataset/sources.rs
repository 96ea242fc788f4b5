//! The source map (`data/build/sources.toml`): for every panel column, what it rests on
//! (`official`, `estimated` with the method, `synthetic` with the model) and, optionally, a
//! table that replaces it. A planner who holds real data — postings from the electronic labour
//! exchange aggregated by `kvota ingest postings`, an LFS or wage table, a BNS workbook read by
//! `kvota ingest bns-xlsx` — names the file here and rebuilds the panel; no code changes.
//!
//! A replacing table is a long table (`region_code`, `oked_section`, `period`, `value`, and
//! optionally `indicator`, `flag`), at the level it is published:
//! - region x section: the cells it covers take its values (`ingested`);
//! - region (no section): each region-year total replaces the column's total, split over the
//!   sections by the column's own shares (or employment where the column is zero): `estimated`;
//! - section (region `KZ`): each section-year total is split over the regions the same way.
//!
//! Monthly and quarterly values are aggregated to the year (`aggregate = "mean"` for stocks,
//! `"sum"` for flows); `scale` converts units (e.g. 1000 for thousand persons);
//! `percent_of_labour_force` reads an unemployment rate (a BNS rate workbook) as persons.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{NR, NS, PANEL_SECTIONS, largest_remainder_f64};
use crate::codes::Region;
use crate::error::{Error, Location, Msg, Result};
use crate::evidence::Evidence;
use crate::ingest::LongRow;

/// The columns of `region_section_year.csv` the map must describe.
pub const CELL_COLUMNS: [&str; 5] = ["employed", "vacancies", "avg_wage_kzt", "new_entrants", "retirements"];
/// The columns of `region_year.csv` the map must describe.
pub const REGION_COLUMNS: [&str; 5] =
    ["population", "labour_force", "employed", "unemployed", "net_internal_migration"];

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceMap {
    pub region_year: BTreeMap<String, ColumnSource>,
    pub region_section_year: BTreeMap<String, ColumnSource>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Aggregate {
    Mean,
    Sum,
}

/// What a column rests on, and the table that replaces it, if any.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnSource {
    /// official, estimated or synthetic: the basis of the column as the build makes it.
    pub status: Evidence,
    /// The source and method (estimated) or model (synthetic), in words.
    pub method: String,
    /// A long table whose values replace the column (path relative to the source map).
    #[serde(default)]
    pub table: Option<PathBuf>,
    /// The indicator of the table to use (all rows when not given).
    #[serde(default)]
    pub indicator: Option<String>,
    /// How sub-annual values make the year.
    #[serde(default)]
    pub aggregate: Option<Aggregate>,
    /// Multiplies the table's values (unit conversion).
    #[serde(default)]
    pub scale: Option<f64>,
    /// The table gives a rate in % of the labour force (`region_year.unemployed` only): with
    /// the employed held, `unemployed = employed x p / (100 - p)`, so the panel's rate is `p`.
    #[serde(default)]
    pub percent_of_labour_force: bool,
}

impl SourceMap {
    /// Reads the map and checks that it describes every panel column (and only those).
    pub fn load(path: &Path) -> Result<SourceMap> {
        let text = crate::ingest::read_text(path)?;
        let mut m: SourceMap = toml::from_str(&text).map_err(|e| {
            let row = e.span().map(|s| text[..s.start].lines().count().max(1));
            Error::input(Location { file: path.to_path_buf(), row, column: None }, e.message().to_string())
        })?;
        for (file, cols, map) in [
            ("region_year", &REGION_COLUMNS[..], &m.region_year),
            ("region_section_year", &CELL_COLUMNS[..], &m.region_section_year),
        ] {
            for c in cols {
                if !map.contains_key(*c) {
                    return Err(Error::input(
                        Location::file(path),
                        Msg::new("src-missing").arg("key", format!("{file}.{c}")),
                    ));
                }
            }
            if let Some(extra) = map.keys().find(|k| !cols.contains(&k.as_str())) {
                return Err(Error::input(
                    Location::file(path),
                    Msg::new("src-extra")
                        .arg("key", format!("{file}.{extra}"))
                        .arg("file", format!("{file}.csv"))
                        .arg("columns", cols.join(", ")),
                ));
            }
            for (c, s) in map {
                if s.status == Evidence::Ingested {
                    return Err(Error::input(
                        Location::file(path),
                        Msg::new("src-ingested").arg("key", format!("{file}.{c}")),
                    ));
                }
            }
        }
        let base = path.parent().unwrap_or(Path::new("."));
        for s in m.region_year.values_mut().chain(m.region_section_year.values_mut()) {
            if let Some(t) = &s.table
                && t.is_relative()
            {
                s.table = Some(base.join(t));
            }
        }
        Ok(m)
    }
}

/// A column's values for a year of the table: by (region, section) cell, by region, or by
/// section.
pub enum Level {
    Cells(BTreeMap<(usize, usize), f64>),
    Regions(BTreeMap<usize, f64>),
    Sections(BTreeMap<usize, f64>),
}

/// The table of a column source, aggregated to years: year -> values at its level.
pub fn read_table(src: &ColumnSource, table: &Path) -> Result<BTreeMap<i32, Level>> {
    let rows = crate::ingest::read_long_rows(table)?;
    let rows: Vec<&LongRow> = rows
        .iter()
        .filter(|r| src.indicator.as_deref().is_none_or(|i| r.indicator == i))
        .filter(|r| r.value.is_some())
        .collect();
    if rows.is_empty() {
        return Err(Error::input(
            Location::file(table),
            match &src.indicator {
                Some(i) => Msg::new("src-no-indicator").arg("indicator", i),
                None => Msg::new("src-no-values"),
            },
        ));
    }
    let scale = src.scale.unwrap_or(1.0);
    // (year, region index or NR for national, section index or NS for none, period length:
    // 0 month, 1 quarter, 2 year) -> (sum, count). A year published both as a whole and by
    // quarter or month takes the annual value; otherwise its sub-periods are aggregated.
    let mut acc: BTreeMap<(i32, usize, usize, u8), (f64, usize)> = BTreeMap::new();
    for r in &rows {
        let region = match Region::from_iso(&r.region_code) {
            Some(reg) => reg.index(),
            None if r.region_code == "KZ" => NR,
            None => continue,
        };
        let section = match &r.oked_section {
            // A national total beside regional rows (as BNS tables print it) is not a level.
            None if region == NR => continue,
            None => NS,
            Some(s) => match PANEL_SECTIONS.find(s.as_str()) {
                Some(i) if s.len() == 1 => i,
                _ => continue,
            },
        };
        let length = match r.period {
            crate::ingest::text::Period::Month(..) => 0,
            crate::ingest::text::Period::Quarter(..) => 1,
            crate::ingest::text::Period::Year(_) => 2,
        };
        let e = acc.entry((r.period.year(), region, section, length)).or_default();
        e.0 += r.value.expect("filtered") * scale;
        e.1 += 1;
    }
    let mean = src.aggregate.unwrap_or(Aggregate::Mean) == Aggregate::Mean;
    let mut out: BTreeMap<i32, Level> = BTreeMap::new();
    // The longest period of each (year, region, section): the last of its keys in order.
    let mut chosen: BTreeMap<(i32, usize, usize), (f64, usize)> = BTreeMap::new();
    for ((y, r, s, _), v) in acc {
        chosen.insert((y, r, s), v);
    }
    for ((y, r, s), (sum, n)) in chosen {
        let v = if mean { sum / n as f64 } else { sum };
        let level = out.entry(y).or_insert_with(|| match (r == NR, s == NS) {
            (false, false) => Level::Cells(BTreeMap::new()),
            (false, true) => Level::Regions(BTreeMap::new()),
            _ => Level::Sections(BTreeMap::new()),
        });
        match (level, r == NR, s == NS) {
            (Level::Cells(m), false, false) => {
                m.insert((r, s), v);
            }
            (Level::Regions(m), false, true) => {
                m.insert(r, v);
            }
            (Level::Sections(m), true, false) => {
                m.insert(s, v);
            }
            _ => {
                return Err(Error::input(Location::file(table), Msg::new("src-levels").arg("year", y)));
            }
        }
    }
    Ok(out)
}

/// Replaces a cell column (`values[t][r][s]`) by a table, year by year, and marks what each
/// replaced value rests on. `weights` splits region or section totals where the column is zero
/// (employment). Returns the number of values replaced.
pub fn replace_cells(
    years: &[i32],
    table: &BTreeMap<i32, Level>,
    values: &mut [[[i64; NS]; NR]],
    status: &mut [[[Evidence; NS]; NR]],
    weights: &[[[i64; NS]; NR]],
) -> usize {
    let mut n = 0;
    for (t, y) in years.iter().enumerate() {
        let Some(level) = table.get(y) else { continue };
        match level {
            Level::Cells(m) => {
                for (&(r, s), &v) in m {
                    values[t][r][s] = v.round().max(0.0) as i64;
                    status[t][r][s] = Evidence::Ingested;
                    n += 1;
                }
            }
            Level::Regions(m) => {
                for (&r, &v) in m {
                    let base: Vec<f64> = (0..NS).map(|s| values[t][r][s] as f64).collect();
                    let w = if base.iter().sum::<f64>() > 0.0 {
                        base
                    } else {
                        (0..NS).map(|s| weights[t][r][s] as f64).collect()
                    };
                    let split = largest_remainder_f64(v.round().max(0.0) as i64, &w);
                    for s in 0..NS {
                        values[t][r][s] = split[s];
                        status[t][r][s] = Evidence::Estimated;
                        n += 1;
                    }
                }
            }
            Level::Sections(m) => {
                for (&s, &v) in m {
                    let base: Vec<f64> = (0..NR).map(|r| values[t][r][s] as f64).collect();
                    let w = if base.iter().sum::<f64>() > 0.0 {
                        base
                    } else {
                        (0..NR).map(|r| weights[t][r][s] as f64).collect()
                    };
                    let split = largest_remainder_f64(v.round().max(0.0) as i64, &w);
                    for r in 0..NR {
                        values[t][r][s] = split[r];
                        status[t][r][s] = Evidence::Estimated;
                        n += 1;
                    }
                }
            }
        }
    }
    n
}

/// Replaces a region column (`values[t][r]`) by a table of region values.
pub fn replace_regions(
    years: &[i32],
    table: &BTreeMap<i32, Level>,
    values: &mut [[i64; NR]],
    status: &mut [[Evidence; NR]],
) -> std::result::Result<usize, Msg> {
    let mut n = 0;
    for (t, y) in years.iter().enumerate() {
        match table.get(y) {
            None => {}
            Some(Level::Regions(m)) => {
                for (&r, &v) in m {
                    values[t][r] = v.round() as i64;
                    status[t][r] = Evidence::Ingested;
                    n += 1;
                }
            }
            Some(_) => return Err(Msg::new("src-region-values").arg("year", y)),
        }
    }
    Ok(n)
}
