//! The BNS national SDG platform's data files (`kazstat/sdg-data-kazstat`,
//! `data/indicator_<id>.csv`): long tables `Year, UNIT_MEASURE, <disaggregations>, Value`, an
//! empty disaggregation cell meaning "total". kvota keeps the totals over sex, age and
//! urban/rural, by region (`REF_AREA`) or by activity (`ACTIVITY`): regions become ISO 3166-2:KZ
//! codes (`KZ` for the republic), activities OKED section letters (`B-E` for the industry group
//! the platform publishes as one). Rows for cities and districts are skipped and counted.

use std::path::Path;

use super::{IngestReport, Ingested, LongRow, Problem};
use crate::codes::{Area, HistoricalRegion, Region};
use crate::error::{Error, Location, Msg, Result};
use crate::ingest::table::TextTable;
use crate::ingest::text::Period;

/// The platform's region codes (`translations/en/REF_AREA.yml`) of the regions and cities of
/// republican significance; other `KZ…` codes are towns and districts.
const REF_AREAS: [(&str, Area); 21] = [
    ("KZABY", Area::Region(Region::ABAI)),
    ("KZAKM", Area::Region(Region::AKMOLA)),
    ("KZAKT", Area::Region(Region::AKTOBE)),
    ("KZALM", Area::Region(Region::ALMATY_REGION)),
    ("KZATY", Area::Region(Region::ATYRAU)),
    ("KZZAP", Area::Region(Region::WEST_KAZAKHSTAN)),
    ("KZZHA", Area::Region(Region::ZHAMBYL)),
    ("KZZHS", Area::Region(Region::ZHETYSU)),
    ("KZKAR", Area::Region(Region::KARAGANDA)),
    ("KZKUS", Area::Region(Region::KOSTANAY)),
    ("KZKZY", Area::Region(Region::KYZYLORDA)),
    ("KZMAN", Area::Region(Region::MANGYSTAU)),
    ("KZPAV", Area::Region(Region::PAVLODAR)),
    ("KZSEV", Area::Region(Region::NORTH_KAZAKHSTAN)),
    ("KZYUZ", Area::Region(Region::TURKISTAN)),
    ("KZULU", Area::Region(Region::ULYTAU)),
    ("KZVOS", Area::Region(Region::EAST_KAZAKHSTAN)),
    ("KZNS", Area::Region(Region::ASTANA)),
    ("KZALA", Area::Region(Region::ALMATY_CITY)),
    ("KZSHY", Area::Region(Region::SHYMKENT)),
    ("KZONT", Area::Historical(HistoricalRegion::SouthKazakhstan)),
];

/// Columns whose non-empty value is a breakdown kvota does not keep (only their totals).
const BREAKDOWNS: [&str; 3] = ["SEX", "AGE", "URBANISATION"];

/// Reads a data file; the indicator is named `sdg <id>` from the file name (`indicator_8-5-1`
/// -> `sdg 8.5.1`) unless `indicator` names it.
pub fn read(path: &Path, indicator: Option<&str>) -> Result<Ingested> {
    let t = TextTable::read_any(path)?;
    t.require(&["Year", "Value"]).map_err(|e| match e {
        Error::Input { location, message } => Error::input(location, message.then(Msg::new("err-sdg-columns"))),
        other => other,
    })?;
    let name = indicator.map(str::to_string).unwrap_or_else(|| indicator_name(path));
    let cols = t.columns();
    let has = |c: &str| cols.iter().any(|x| x == c);
    let years = t.text("Year")?;
    let values = t.text("Value")?;
    let areas = if has("REF_AREA") { Some(t.text("REF_AREA")?) } else { None };
    let activities = if has("ACTIVITY") { Some(t.text("ACTIVITY")?) } else { None };
    let mut breakdowns = Vec::new();
    for b in BREAKDOWNS {
        if has(b) {
            breakdowns.push(t.text(b)?);
        }
    }
    let mut report = IngestReport { file: path.to_path_buf(), format: "bns-sdg", ..Default::default() };
    let (mut towns, mut broken_down, mut activities_skipped) = (0usize, 0usize, 0usize);
    let mut rows = Vec::new();
    for i in 0..t.height() {
        let line = t.line(i);
        if breakdowns.iter().any(|b| b[i].is_some()) {
            broken_down += 1;
            continue;
        }
        let area = match areas.as_ref().and_then(|a| a[i]) {
            None => Area::Republic,
            Some(code) => match REF_AREAS.iter().find(|(c, _)| *c == code.trim()) {
                Some((_, a)) => *a,
                None => {
                    towns += 1;
                    continue;
                }
            },
        };
        let section = match activities.as_ref().and_then(|a| a[i]) {
            None => None,
            // The all-activities total repeats the plain total row.
            Some("_T") => {
                activities_skipped += 1;
                continue;
            }
            Some("_L_ACT_IND") => Some("B-E".to_string()),
            Some(code) => match code.strip_prefix("ISIC4_") {
                Some(letter) if letter.len() == 1 => Some(letter.to_string()),
                _ => {
                    activities_skipped += 1;
                    continue;
                }
            },
        };
        report.rows_read += 1;
        let problem = |col: &str, message: Msg| Problem { location: Location::cell(path, line, col), message };
        let year = match years[i].and_then(|y| y.trim().parse::<i32>().ok()) {
            Some(y) if (1990..=2100).contains(&y) => y,
            _ => {
                report.problems.push(problem("Year", Msg::new("err-not-year").arg("value", years[i].unwrap_or(""))));
                continue;
            }
        };
        let value = match values[i].map(|v| v.trim().parse::<f64>()) {
            Some(Ok(v)) if v.is_finite() => Some(v),
            None => None,
            _ => {
                report
                    .problems
                    .push(problem("Value", Msg::new("err-not-number").arg("value", values[i].unwrap_or(""))));
                continue;
            }
        };
        rows.push(LongRow {
            indicator: name.clone(),
            region_code: area.code().to_string(),
            oked_section: section,
            period: Period::Year(year),
            value,
            flag: value.is_none().then(|| "empty".to_string()),
            source: Location::row(path, line),
        });
    }
    if broken_down > 0 {
        report.skipped.push(Msg::new("sdg-broken-down").arg("count", broken_down));
    }
    if towns > 0 {
        report.skipped.push(Msg::new("sdg-towns").arg("count", towns));
    }
    if activities_skipped > 0 {
        report.skipped.push(Msg::new("sdg-activities").arg("count", activities_skipped));
    }
    rows.sort_by(|a, b| {
        (&a.indicator, &a.region_code, &a.oked_section, a.period).cmp(&(
            &b.indicator,
            &b.region_code,
            &b.oked_section,
            b.period,
        ))
    });
    Ok(Ingested::finish(rows, report))
}

/// `…/data_indicator_8-5-1.csv` -> `sdg 8.5.1`.
fn indicator_name(path: &Path) -> String {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("sdg");
    match stem.rsplit_once("indicator_") {
        Some((_, id)) => format!("sdg {}", id.replace('-', ".")),
        None => stem.to_string(),
    }
}
