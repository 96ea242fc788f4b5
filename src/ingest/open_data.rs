//! stat.gov.kz open-data exports: one observation per record, columns
//! `NAM` (indicator name), `DAT` (period label: `2006 год`, `3 квартал 2015 г.`), `PERIOD`
//! (`YYYYMM`, the last month of the period), `ӘАОЖ(каталог бойынша)` (KATO by the
//! catalogue — Russian `КАТО(по каталогу)`: the region's name in any script or
//! transliteration, or its KATO id), `LӘАОЖ(каталог бойынша)` (a second label: the Latin name
//! or the KATO id) and `VAL` (the number as text, `14 602`). Rows come unsorted; the output is
//! sorted by indicator, region and period.
//!
//! CSV in UTF-8 (with or without BOM) or Windows-1251, `,` or `;` separated, or Parquet.

use std::path::Path;

use super::text::{parse_cell, parse_period_label};
use super::{IngestReport, Ingested, LongRow, Problem};
use crate::codes::{Area, HistoricalRegion, Region};
use crate::error::{Error, Location, Msg, Result};
use crate::ingest::table::TextTable;

pub const NAM: &str = "NAM";
pub const DAT: &str = "DAT";
pub const PERIOD: &str = "PERIOD";
pub const REGION: &str = "ӘАОЖ(каталог бойынша)";
pub const REGION_LATIN: &str = "LӘАОЖ(каталог бойынша)";
pub const VAL: &str = "VAL";

/// Region of a KATO code: the first two digits of the nine-digit code are the region's, and
/// coincide with the number of its ISO 3166-2:KZ code; `00…` is the republic and `51…` South
/// Kazakhstan before 2018.
pub fn kato_area(code: &str) -> Option<Area> {
    let code = code.trim();
    if code.len() != 9 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match &code[..2] {
        "00" => Some(Area::Republic),
        "51" => Some(Area::Historical(HistoricalRegion::SouthKazakhstan)),
        dd => Region::from_iso(&format!("KZ-{dd}")).map(Area::Region),
    }
}

/// Reads an export; `indicator` renames the indicator when the file holds only one.
pub fn read(path: &Path, indicator: Option<&str>) -> Result<Ingested> {
    let t = TextTable::read_any(path)?;
    let cols = t.columns();
    // The region columns are `ӘАОЖ(...)` in the Kazakh original and `КАТО(...)` where the
    // export was re-encoded to Windows-1251, which has no `Ә`.
    let is_kato = |c: &str| {
        let u = c.to_uppercase();
        u.contains("АОЖ") || u.contains("КАТО") || u.contains("KATO")
    };
    let region_col = cols.iter().find(|c| is_kato(c) && !c.starts_with('L')).cloned().unwrap_or(REGION.to_string());
    let latin_col = cols.iter().find(|c| is_kato(c) && c.starts_with('L')).cloned();
    t.require(&[NAM, DAT, PERIOD, &region_col, VAL]).map_err(|e| match e {
        Error::Input { location, message } => Error::input(
            location,
            message.then(Msg::new("err-open-data-columns").arg("region", REGION).arg("latin", REGION_LATIN)),
        ),
        other => other,
    })?;
    let names = t.text(NAM)?;
    let dats = t.text(DAT)?;
    let periods = t.text(PERIOD)?;
    let regions = t.text(&region_col)?;
    let latin = match &latin_col {
        Some(c) => Some(t.text(c)?),
        None => None,
    };
    let (region_col, latin_col) = (region_col.as_str(), latin_col.as_deref().unwrap_or(REGION_LATIN));
    let vals = t.text(VAL)?;
    let mut report = IngestReport { file: path.to_path_buf(), format: "bns-open-data", ..Default::default() };
    let distinct: std::collections::BTreeSet<&str> = names.iter().flatten().copied().collect();
    if indicator.is_some() && distinct.len() > 1 {
        return Err(Error::input(
            Location::column(path, NAM),
            Msg::new("err-many-indicators")
                .arg("count", distinct.len())
                .arg("names", distinct.iter().take(3).copied().collect::<Vec<_>>().join("; ")),
        ));
    }
    let mut rows = Vec::with_capacity(t.height());
    for i in 0..t.height() {
        let line = t.line(i);
        let at = |col: &str| Location::cell(path, line, col);
        let mut problem = |col: &str, message: Msg| report.problems.push(Problem { location: at(col), message });
        let Some(name) = names[i] else {
            problem(NAM, Msg::new("err-indicator-empty"));
            continue;
        };
        let period = match dats[i].and_then(parse_period_label) {
            Some(p) => p,
            None => {
                problem(DAT, Msg::new("err-period-label").arg("value", dats[i].unwrap_or("")));
                continue;
            }
        };
        match periods[i].map(str::trim) {
            Some(p) if p.parse::<i32>().ok() == Some(period.last_month()) => {}
            Some(p) => {
                problem(
                    PERIOD,
                    Msg::new("err-period-dat")
                        .arg("value", p)
                        .arg("dat", dats[i].unwrap_or(""))
                        .arg("month", period.last_month()),
                );
                continue;
            }
            None => {}
        }
        // The catalogue column holds a name or, in some exports, the KATO id itself.
        let by_name = regions[i].map(|s| match kato_area(s) {
            Some(a) => Ok(a),
            None => super::region_code(s),
        });
        let by_latin = latin
            .as_ref()
            .and_then(|l| l[i])
            .map(|s| kato_area(s).ok_or(()).or_else(|_| super::region_code(s).map_err(|_| ())));
        let area = match (by_name, by_latin) {
            (Some(Ok(a)), Some(Ok(b))) if a != b => {
                problem(
                    region_col,
                    Msg::new("err-region-two-names")
                        .arg("value", regions[i].unwrap_or(""))
                        .arg("area", a.label_en())
                        .arg("column", latin_col)
                        .arg("latin", latin.as_ref().and_then(|l| l[i]).unwrap_or(""))
                        .arg("other", b.label_en()),
                );
                continue;
            }
            (Some(Ok(a)), _) => a,
            (_, Some(Ok(b))) => b,
            (Some(Err(e)), _) => {
                problem(region_col, e.into());
                continue;
            }
            (None, _) => {
                problem(region_col, Msg::new("err-region-empty"));
                continue;
            }
        };
        let cell = match parse_cell(vals[i].unwrap_or("")) {
            Ok(c) => c,
            Err(e) => {
                problem(VAL, e.into());
                continue;
            }
        };
        report.rows_read += 1;
        let (value, flag) = cell.value_and_flag();
        rows.push(LongRow {
            indicator: indicator.unwrap_or(name).trim().to_string(),
            region_code: area.code().to_string(),
            oked_section: None,
            period,
            value,
            flag,
            source: at(VAL),
        });
    }
    rows.sort_by(|a, b| {
        (a.indicator.as_str(), a.region_code.as_str(), a.period).cmp(&(
            b.indicator.as_str(),
            b.region_code.as_str(),
            b.period,
        ))
    });
    Ok(Ingested::finish(rows, report))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kato_codes() {
        assert_eq!(kato_area("000000000"), Some(Area::Republic));
        assert_eq!(kato_area("631000000"), Some(Area::Region(Region::EAST_KAZAKHSTAN)));
        assert_eq!(kato_area("511000000"), Some(Area::Historical(HistoricalRegion::SouthKazakhstan)));
        assert_eq!(kato_area("751000000"), Some(Area::Region(Region::ALMATY_CITY)));
        assert_eq!(kato_area("991000000"), None);
        assert_eq!(kato_area("63"), None);
    }
}
