//! Reading statistics as they are published and normalising them to kvota's long table
//! `indicator, region_code, oked_section, period, value, flag`.
//!
//! Every reader keeps what it could not turn into a number: a cell that says `-`, `x`, `...`
//! or carries a footnote becomes a row with its `flag`; a label that names no region, a text
//! in a number column, a duplicate row is a [`Problem`] with its file, row and column. The
//! `kvota ingest` command fails on the first problem and writes nothing; `kvota validate`
//! lists them all.

pub mod applicants;
pub mod bns_xlsx;
pub mod open_data;
pub mod people;
pub mod postings;
pub mod reference;
pub mod request_lines;
pub mod requests;
pub mod sdg;
pub mod series;
pub mod table;
pub mod text;
pub mod units;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use crate::codes::{Area, HistoricalRegion, Region, RegionChange};
use crate::error::{Error, Location, Msg, Result};
use text::Period;

/// One normalised observation.
#[derive(Debug, Clone, PartialEq)]
pub struct LongRow {
    pub indicator: String,
    /// ISO 3166-2:KZ code, `KZ` for the republic, `KZ-YUZ` for South Kazakhstan before 2018.
    pub region_code: String,
    pub oked_section: Option<String>,
    pub period: Period,
    pub value: Option<f64>,
    /// What the source said instead of (or beside) a number: `-`, `x`, `...`, `empty`,
    /// `footnote 1)`.
    pub flag: Option<String>,
    /// Where the value came from (for messages; not written).
    pub source: Location,
}

/// Something the reader could not normalise, with its place in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub location: Location,
    pub message: Msg,
}

impl Problem {
    /// The problem in the language of `t`: where, and what is wrong there.
    pub fn say(&self, t: &crate::i18n::Texts) -> String {
        format!("{}: {}", self.location.say(t), self.message.say(t))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

impl From<Problem> for Error {
    fn from(p: Problem) -> Error {
        Error::input(p.location, p.message)
    }
}

/// What reading one file did.
#[derive(Debug, Clone, Default)]
pub struct IngestReport {
    pub file: PathBuf,
    pub format: &'static str,
    /// Source rows (spreadsheet rows with a region label, or records) read.
    pub rows_read: usize,
    /// Long-table rows produced.
    pub rows_normalised: usize,
    /// Long-table rows whose flag is set, by flag.
    pub flags: BTreeMap<String, usize>,
    /// Territorial reforms applied or noticed, one line each.
    pub splits: Vec<Msg>,
    /// Missing periods inside a region's series (a `-` is not a gap, an absent row is).
    pub gaps: Vec<Msg>,
    /// Footnotes and notes printed in the file.
    pub footnotes: Vec<String>,
    /// Sheets, columns or rows deliberately skipped, with the reason.
    pub skipped: Vec<Msg>,
    /// Problems found; `kvota ingest` refuses a file that has any.
    pub problems: Vec<Problem>,
}

impl IngestReport {
    pub fn cells_flagged(&self) -> usize {
        self.flags.values().sum()
    }
}

/// The result of reading a file.
#[derive(Debug, Clone)]
pub struct Ingested {
    pub rows: Vec<LongRow>,
    pub report: IngestReport,
}

impl Ingested {
    /// The rows, or the first problem as an error.
    pub fn into_strict(self) -> Result<Ingested> {
        match self.report.problems.first() {
            Some(p) => {
                let more = self.report.problems.len() - 1;
                let mut e = p.clone();
                if more > 0 {
                    e.message = e.message.then(Msg::new("err-more-problems").arg("more", more));
                }
                Err(e.into())
            }
            None if self.rows.is_empty() => {
                Err(Error::input(Location::file(&self.report.file), Msg::new("err-no-observations")))
            }
            None => Ok(self),
        }
    }

    /// Finishes a reader's work: flag counts, region-split rules, duplicates and gaps.
    fn finish(mut rows: Vec<LongRow>, mut report: IngestReport) -> Ingested {
        apply_region_changes(&mut rows, &mut report);
        check_duplicates(&rows, &mut report);
        find_gaps(&rows, &mut report);
        report.rows_normalised = rows.len();
        for r in &rows {
            if let Some(f) = &r.flag {
                let key = if f.starts_with("footnote") { "footnote".to_string() } else { f.clone() };
                *report.flags.entry(key).or_default() += 1;
            }
        }
        Ingested { rows, report }
    }
}

/// Resolves a region label to the code written in the long table.
pub fn region_code(label: &str) -> std::result::Result<Area, crate::codes::UnknownName> {
    crate::codes::RegionResolver::global().resolve(label)
}

/// Applies the territorial reforms of 2018 and 2022 to what a table published per period.
///
/// For each reform and each table (an indicator and its blocks, e.g. the urban and rural
/// blocks of one sheet), the **boundary** is the first period in which any unit created by
/// the reform has a number; without one, the legal date (periods of years before the
/// reform's year are old territory).
/// * Turkistan Region is South Kazakhstan renamed (19 June 2018) without Shymkent. A
///   Turkistan value before the boundary covers the whole of South Kazakhstan and is
///   recoded `KZ-YUZ` (BNS back-series print the old oblast's figures on the Turkistan row,
///   with a footnote such as "1) Данные за 2000-2016гг. по Южно-Казахстанской области").
/// * East Kazakhstan, Almaty Region and Karaganda kept their codes when Abai, Zhetysu and
///   Ulytau were cut out of them (8 June 2022). A parent value before the boundary is in the
///   old borders; the report says so.
/// * A new unit with a value for a period before it legally existed is reported (BNS
///   publishes such estimates and recalculations with a footnote).
fn apply_region_changes(rows: &mut [LongRow], report: &mut IngestReport) {
    let base = |ind: &str| ind.split(" | ").next().unwrap_or(ind).to_string();
    // (table, code) -> first period with a number.
    let mut first: HashMap<(String, String), Period> = HashMap::new();
    for r in rows.iter().filter(|r| r.value.is_some()) {
        let e = first.entry((base(&r.indicator), r.region_code.clone())).or_insert(r.period);
        if r.period < *e {
            *e = r.period;
        }
    }
    let mut recoded: BTreeMap<(String, String, String), BTreeSet<Period>> = BTreeMap::new();
    let mut old_borders: BTreeMap<(String, String, String), BTreeSet<Period>> = BTreeMap::new();
    for change in RegionChange::all() {
        let change_year = chrono::Datelike::year(&change.date);
        let (subject, renamed) = match change.parent {
            Area::Historical(HistoricalRegion::SouthKazakhstan) => (Region::TURKISTAN, true),
            Area::Region(parent) => (parent, false),
            Area::Republic => continue,
        };
        let siblings: Vec<Region> = change.new_units.iter().copied().filter(|u| *u != subject).collect();
        for r in rows.iter_mut() {
            if r.value.is_none() || r.region_code != subject.iso() || r.period.year() > change_year {
                continue;
            }
            let table = base(&r.indicator);
            let boundary = siblings.iter().filter_map(|u| first.get(&(table.clone(), u.iso().to_string()))).min();
            let old = match boundary {
                Some(b) => r.period < *b,
                None => r.period.year() < change_year,
            };
            if !old {
                continue;
            }
            let units: Vec<&str> = siblings.iter().map(|u| u.iso()).collect();
            if renamed {
                r.region_code = HistoricalRegion::SouthKazakhstan.code().to_string();
                recoded
                    .entry((r.indicator.clone(), subject.iso().to_string(), r.region_code.clone()))
                    .or_default()
                    .insert(r.period);
            } else {
                old_borders
                    .entry((r.indicator.clone(), subject.iso().to_string(), units.join("+")))
                    .or_default()
                    .insert(r.period);
            }
        }
    }
    let mut early: BTreeMap<(String, String), BTreeSet<Period>> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.value.is_some()) {
        if let Some(reg) = Region::from_iso(&r.region_code)
            && !reg.exists_in(r.period.year())
        {
            early.entry((r.indicator.clone(), r.region_code.clone())).or_default().insert(r.period);
        }
    }
    for ((ind, from, to), periods) in recoded {
        report.splits.push(
            Msg::new("ing-recoded")
                .arg("indicator", ind)
                .arg("from", from)
                .arg_msg("span", span(&periods))
                .arg("to", to),
        );
    }
    for ((ind, parent, units), periods) in old_borders {
        report.splits.push(
            Msg::new("ing-old-borders")
                .arg("indicator", ind)
                .arg("parent", parent)
                .arg_msg("span", span(&periods))
                .arg("units", units),
        );
    }
    for ((ind, code), periods) in early {
        report.splits.push(
            Msg::new("ing-before-formed").arg("indicator", ind).arg("code", code).arg_msg("span", span(&periods)),
        );
    }
}

/// `2001..2017 (68 periods)` or a single period.
fn span(periods: &BTreeSet<Period>) -> Msg {
    match (periods.first(), periods.last()) {
        (Some(a), Some(b)) if a == b => Msg::text(a.to_string()),
        (Some(a), Some(b)) => Msg::new("ing-span").arg("first", a).arg("last", b).arg("count", periods.len()),
        _ => Msg::text(""),
    }
}

fn check_duplicates(rows: &[LongRow], report: &mut IngestReport) {
    let mut seen: HashMap<(&str, &str, Option<&str>, Period), &Location> = HashMap::new();
    for r in rows {
        let key = (r.indicator.as_str(), r.region_code.as_str(), r.oked_section.as_deref(), r.period);
        if let Some(first) = seen.insert(key, &r.source) {
            report.problems.push(Problem {
                location: r.source.clone(),
                message: Msg::new("err-duplicate-observation")
                    .arg("indicator", &r.indicator)
                    .arg("region", &r.region_code)
                    .arg("period", r.period)
                    .arg("first", first),
            });
        }
    }
}

/// Periods missing inside a (indicator, region, section) series between its first and last
/// period. Years, quarters and months are each checked on their own grid.
fn find_gaps(rows: &[LongRow], report: &mut IngestReport) {
    let mut series: BTreeMap<(&str, &str, Option<&str>, u8), BTreeSet<i32>> = BTreeMap::new();
    for r in rows {
        let (kind, idx) = match r.period {
            Period::Year(y) => (0, y),
            Period::Quarter(y, q) => (1, y * 4 + i32::from(q) - 1),
            Period::Month(y, m) => (2, y * 12 + i32::from(m) - 1),
        };
        series.entry((&r.indicator, &r.region_code, r.oked_section.as_deref(), kind)).or_default().insert(idx);
    }
    for ((ind, code, sec, kind), idx) in series {
        let (Some(&a), Some(&b)) = (idx.first(), idx.last()) else { continue };
        let missing: Vec<i32> = (a..=b).filter(|i| !idx.contains(i)).collect();
        if missing.is_empty() {
            continue;
        }
        let label = |i: i32| match kind {
            0 => Period::Year(i).to_string(),
            1 => Period::Quarter(i.div_euclid(4), (i.rem_euclid(4) + 1) as u8).to_string(),
            _ => Period::Month(i.div_euclid(12), (i.rem_euclid(12) + 1) as u8).to_string(),
        };
        let shown: Vec<String> = missing.iter().take(5).map(|&i| label(i)).collect();
        let series = match sec {
            Some(s) => Msg::new("ing-series-section").arg("indicator", ind).arg("code", code).arg("section", s),
            None => Msg::text(format!("{ind} {code}")),
        };
        let gap = Msg::new("ing-gap").arg_msg("series", series).arg("periods", shown.join(", "));
        let gap =
            if missing.len() > 5 { gap.then(Msg::new("ing-gap-more").arg("more", missing.len() - 5)) } else { gap };
        report.gaps.push(gap);
    }
}

/// The input formats of `kvota ingest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// BNS statistical spreadsheets as published (.xlsx, .xls, .ods).
    BnsXlsx,
    /// stat.gov.kz open-data exports (CSV or Parquet with NAM, DAT, PERIOD, ӘАОЖ, VAL).
    BnsOpenData,
    /// Raw vacancy postings (Enbek.kz, hh.kz exports), aggregated to region x section x month.
    Postings,
    /// The BNS national SDG platform's data files (`data/indicator_<id>.csv`), totals by
    /// region or by activity.
    BnsSdg,
}

impl Format {
    /// Every format, in the order `kvota ingest --help` lists them.
    pub const ALL: [Format; 4] = [Format::BnsXlsx, Format::BnsOpenData, Format::BnsSdg, Format::Postings];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::BnsXlsx => "bns-xlsx",
            Format::BnsOpenData => "bns-open-data",
            Format::BnsSdg => "bns-sdg",
            Format::Postings => "postings",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = Msg;
    fn from_str(s: &str) -> std::result::Result<Self, Msg> {
        Format::ALL.into_iter().find(|f| f.name() == s.trim()).ok_or_else(|| Msg::new("arg-format").arg("value", s))
    }
}

/// Options of [`read`] beyond the file.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Names the indicator (spreadsheets; open-data files with one indicator).
    pub indicator: Option<String>,
    /// Snapshot month of a postings file without a date column.
    pub month: Option<Period>,
}

/// Reads a file of the given format, collecting problems rather than stopping at the first.
pub fn read(format: Format, path: &Path, indicator: Option<&str>) -> Result<Ingested> {
    read_with(format, path, &ReadOptions { indicator: indicator.map(str::to_string), month: None })
}

/// [`read`] with all options.
pub fn read_with(format: Format, path: &Path, opts: &ReadOptions) -> Result<Ingested> {
    match format {
        Format::BnsXlsx => bns_xlsx::read(path, opts.indicator.as_deref()),
        Format::BnsOpenData => open_data::read(path, opts.indicator.as_deref()),
        Format::BnsSdg => sdg::read(path, opts.indicator.as_deref()),
        Format::Postings => {
            if opts.indicator.is_some() {
                return Err(Error::input(
                    Location::file(path),
                    "--indicator does not apply to postings (their indicators are fixed: postings, postings with a salary, median salary)",
                ));
            }
            postings::read(path, opts.month)
        }
    }
}

/// The text of a configuration file (UTF-8), naming the file when it cannot be read.
pub fn read_text(path: &Path) -> Result<String> {
    crate::builtin::read_to_string(path)
}

/// Reads a long table as `kvota ingest` writes it (CSV or Parquet): `region_code`,
/// `oked_section` (empty for region totals), `period` (`2024`, `2024Q3`, `2024-11`), `value`,
/// and optionally `indicator` and `flag`. Rows with an empty value are kept with `None`.
pub fn read_long_rows(path: &Path) -> Result<Vec<LongRow>> {
    let t = table::TextTable::read_any(path)?;
    t.require(&["region_code", "period", "value"])?;
    let cols = t.columns();
    let has = |c: &str| cols.iter().any(|x| x == c);
    let indicator = if has("indicator") { Some(t.text("indicator")?) } else { None };
    let sections = if has("oked_section") { Some(t.text("oked_section")?) } else { None };
    let flags = if has("flag") { Some(t.text("flag")?) } else { None };
    let regions = t.text("region_code")?;
    let periods = t.text("period")?;
    let values = t.text("value")?;
    let mut out = Vec::with_capacity(t.height());
    for i in 0..t.height() {
        let at = |c: &str| Location::cell(path, t.line(i), c);
        let region = regions[i].ok_or_else(|| Error::input(at("region_code"), Msg::new("err-region-code-empty")))?;
        let code = match region_code(region) {
            Ok(a) => a.code().to_string(),
            Err(e) => return Err(Error::input(at("region_code"), e)),
        };
        let label = periods[i].unwrap_or("");
        let period = text::parse_period_label(label)
            .ok_or_else(|| Error::input(at("period"), Msg::new("err-period").arg("value", label)))?;
        let value = match values[i] {
            None => None,
            Some(v) => Some(
                text::parse_number_text(v)
                    .ok_or_else(|| Error::input(at("value"), Msg::new("err-not-number").arg("value", v)))?,
            ),
        };
        out.push(LongRow {
            indicator: indicator.as_ref().and_then(|c| c[i]).unwrap_or("").to_string(),
            region_code: code,
            oked_section: sections.as_ref().and_then(|c| c[i]).map(|s| s.trim().to_string()),
            period,
            value,
            flag: flags.as_ref().and_then(|c| c[i]).map(str::to_string),
            source: Location::row(path, t.line(i)),
        });
    }
    Ok(out)
}
