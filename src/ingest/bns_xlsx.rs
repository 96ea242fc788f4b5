//! BNS statistical spreadsheets as published (`.xlsx`, `.xls`, `.ods`).
//!
//! Layout found on each sheet, without a template per file:
//! * a **year row**: the first row with at least two cells that read as years (`2001`,
//!   `2001 год`), possibly one merged cell over several columns;
//! * optionally a **sub-period row** under it (`I quarter` … `IV quarter`, `year`, `I квартал`,
//!   month names): years are carried right over the merged span;
//! * a **label column** (the leftmost column with text under the header) holding region
//!   names in any of their variants, with footnote marks glued on;
//! * **block titles**: a label that names no region on a row with no numbers (`Мужчины`,
//!   `Городское население`) starts a block; the block's rows get the indicator
//!   `<indicator> | <block title>`;
//! * **footnotes** below the table (`1) The data was generated …`), kept in the report;
//! * title rows above the header: the first one names the indicator unless `--indicator`
//!   does.
//!
//! A label that names no region on a row that has numbers is a problem (with suggestions);
//! so is text that is not a number in a value cell. A value column that is empty on every
//! row (a year announced but not yet published) is skipped and reported.

use std::path::Path;

use calamine::{Data, Reader};

use super::text::{Cell, Period, SubPeriod, parse_cell, parse_sub_period, parse_year_label, strip_mark, trim};
use super::{IngestReport, Ingested, LongRow, Problem};
use crate::codes::Area;
use crate::error::{Error, Location, Msg, Result};

/// Spreadsheet column letters of a 0-based index (`0` -> `A`, `26` -> `AA`).
pub fn column_letters(mut c: u32) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).expect("ascii")
}

/// Reads every sheet of the workbook that has a year header.
pub fn read(path: &Path, indicator: Option<&str>) -> Result<Ingested> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.len() == 0 {
        return Err(Error::input(Location::file(path), Msg::new("err-file-empty")));
    }
    let mut wb = calamine::open_workbook_auto(path)
        .map_err(|e| Error::input(Location::file(path), Msg::new("xls-unreadable").arg("detail", e)))?;
    let mut report = IngestReport { file: path.to_path_buf(), format: "bns-xlsx", ..Default::default() };
    let mut rows = Vec::new();
    let names = wb.sheet_names().to_vec();
    let mut read_any = false;
    for name in &names {
        let range = wb.worksheet_range(name).map_err(|e| {
            Error::input(Location::file(path), Msg::new("xls-sheet-unreadable").arg("sheet", name).arg("detail", e))
        })?;
        let Some((r0, c0)) = range.start() else {
            report.skipped.push(Msg::new("xls-sheet-empty").arg("sheet", name));
            continue;
        };
        let grid: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
        let sheet = Sheet { path, name, grid: &grid, r0, c0 };
        match sheet.parse(indicator, &mut rows, &mut report) {
            Ok(()) => read_any = true,
            Err(reason) => {
                report.skipped.push(Msg::new("xls-sheet-skipped").arg("sheet", name).arg_msg("reason", reason))
            }
        }
    }
    if !read_any {
        return Err(Error::input(
            Location::file(path),
            Msg::new("xls-no-layout").arg_msg("skipped", skipped_list(&report.skipped)),
        ));
    }
    Ok(Ingested::finish(rows, report))
}

struct Sheet<'a> {
    path: &'a Path,
    name: &'a str,
    grid: &'a [Vec<Data>],
    /// Absolute (0-based) row and column of `grid[0][0]`.
    r0: u32,
    c0: u32,
}

fn cell_text(d: &Data) -> Option<String> {
    match d {
        Data::String(s) => {
            let t = trim(s);
            (!t.is_empty()).then(|| t.to_string())
        }
        Data::Int(i) => Some(i.to_string()),
        Data::Float(f) => Some(f.to_string()),
        _ => None,
    }
}

fn year_of(d: &Data) -> Option<i32> {
    match d {
        Data::Int(i) if (1950..=2100).contains(i) => Some(*i as i32),
        Data::Float(f) if f.fract() == 0.0 && (1950.0..=2100.0).contains(f) => Some(*f as i32),
        Data::String(s) => parse_year_label(s),
        _ => None,
    }
}

fn looks_like_footnote(label: &str) -> bool {
    let l = label.trim_start();
    let starts_marked = l.chars().next().is_some_and(|c| c.is_ascii_digit() || c == '*')
        && l.chars().take(4).any(|c| c == ')' || c == '*');
    let lower = l.to_lowercase();
    starts_marked
        || l.chars().count() > 80
        || ["примечание", "note", "ескерту", "источник", "source"].iter().any(|p| lower.starts_with(p))
}

impl Sheet<'_> {
    fn at(&self, r: usize, c: usize) -> &Data {
        static EMPTY: Data = Data::Empty;
        self.grid.get(r).and_then(|row| row.get(c)).unwrap_or(&EMPTY)
    }

    fn loc(&self, r: usize, c: usize) -> Location {
        Location::cell(
            self.path,
            self.r0 as usize + r + 1,
            format!("{}!{}", self.name, column_letters(self.c0 + c as u32)),
        )
    }

    fn width(&self) -> usize {
        self.grid.iter().map(Vec::len).max().unwrap_or(0)
    }

    fn parse(
        &self,
        indicator: Option<&str>,
        out: &mut Vec<LongRow>,
        report: &mut IngestReport,
    ) -> std::result::Result<(), Msg> {
        let width = self.width();
        // 1. The year row.
        let header = (0..self.grid.len())
            .find(|&r| (0..width).filter(|&c| year_of(self.at(r, c)).is_some()).count() >= 2)
            .ok_or_else(|| Msg::new("xls-no-years"))?;
        // 2. Sub-periods under it, if any.
        let sub_row = header + 1;
        let has_sub =
            (0..width).any(|c| matches!(self.at(sub_row, c), Data::String(s) if parse_sub_period(s).is_some()));
        let first_body = if has_sub { sub_row + 1 } else { sub_row };
        // 3. Columns and their periods.
        let columns = self.value_columns(header, has_sub.then_some(sub_row), report);
        if columns.is_empty() {
            return Err(Msg::new("xls-no-values"));
        }
        let first_value_col = columns[0].0;
        // 4. The label column: the one left of the values with the most text under the header.
        let label_col = (0..first_value_col)
            .max_by_key(|&c| {
                let n = (first_body..self.grid.len()).filter(|&r| matches!(self.at(r, c), Data::String(_))).count();
                (n, std::cmp::Reverse(c))
            })
            .ok_or_else(|| Msg::new("xls-no-label-column"))?;
        // 5. Title above the header.
        let base = indicator.map(str::to_string).or(self.title(header)).unwrap_or_else(|| self.name.to_string());
        // Columns with no value on any row are not published yet: skip them.
        let body_rows = first_body..self.grid.len();
        let columns: Vec<(usize, Period)> = columns
            .into_iter()
            .filter(|&(c, p)| {
                let any = body_rows.clone().any(|r| !matches!(self.at(r, c), Data::Empty));
                if !any {
                    report.skipped.push(
                        Msg::new("xls-empty-column")
                            .arg("sheet", self.name)
                            .arg("column", column_letters(self.c0 + c as u32))
                            .arg("period", p),
                    );
                }
                any
            })
            .collect();
        // 6. Body rows.
        self.body(body_rows, label_col, &columns, &base, out, report);
        Ok(())
    }

    /// The value columns and their periods: a year each, or the quarters, months and whole
    /// years of the sub-period row under the years.
    fn value_columns(&self, header: usize, sub_row: Option<usize>, report: &mut IngestReport) -> Vec<(usize, Period)> {
        let mut columns: Vec<(usize, Period)> = Vec::new();
        let mut year: Option<i32> = None;
        for c in 0..self.width() {
            if let Some(y) = year_of(self.at(header, c)) {
                year = Some(y);
            }
            let Some(sub_row) = sub_row else {
                if let Some(y) = year_of(self.at(header, c)) {
                    columns.push((c, Period::Year(y)));
                }
                continue;
            };
            let Data::String(s) = self.at(sub_row, c) else { continue };
            let Some(sp) = parse_sub_period(s) else {
                // Under a year, a header that is not a sub-period would lose a column.
                if year.is_some() && !trim(s).is_empty() {
                    report.problems.push(Problem {
                        location: self.loc(sub_row, c),
                        message: Msg::new("xls-header").arg("value", trim(s)),
                    });
                }
                continue;
            };
            let Some(y) = year else {
                report.problems.push(Problem {
                    location: self.loc(sub_row, c),
                    message: Msg::new("xls-sub-period").arg("value", trim(s)),
                });
                continue;
            };
            columns.push((
                c,
                match sp {
                    SubPeriod::Quarter(q) => Period::Quarter(y, q),
                    SubPeriod::Month(m) => Period::Month(y, m),
                    SubPeriod::WholeYear => Period::Year(y),
                },
            ));
        }
        columns
    }

    /// The title above the header. A title row has one text (maybe repeated over continuation
    /// pages, and a unit such as `in percent`); a row of many different texts is a row of
    /// column names.
    fn title(&self, header: usize) -> Option<String> {
        let width = self.width();
        (0..header)
            .filter(|&r| {
                let texts: std::collections::BTreeSet<String> =
                    (0..width).filter_map(|c| cell_text(self.at(r, c))).collect();
                texts.len() <= 2
            })
            .find_map(|r| {
                (0..width).find_map(|c| match self.at(r, c) {
                    Data::String(s) if trim(s).chars().any(char::is_alphabetic) => Some(strip_mark(s).to_string()),
                    _ => None,
                })
            })
    }

    /// The body rows: a region label and its values, block headings between them, footnotes.
    fn body(
        &self,
        body_rows: std::ops::Range<usize>,
        label_col: usize,
        columns: &[(usize, Period)],
        base: &str,
        out: &mut Vec<LongRow>,
        report: &mut IngestReport,
    ) {
        let mut block: Option<String> = None;
        let mut regions_in_block: Vec<(Area, usize)> = Vec::new();
        for r in body_rows {
            let label = cell_text(self.at(r, label_col));
            let has_values = columns.iter().any(|&(c, _)| !matches!(self.at(r, c), Data::Empty));
            let Some(label) = label else {
                if has_values {
                    report
                        .problems
                        .push(Problem { location: self.loc(r, label_col), message: Msg::new("xls-no-label") });
                }
                continue;
            };
            let area = match super::region_code(&label) {
                Ok(a) => a,
                Err(e) => {
                    if has_values {
                        report.problems.push(Problem { location: self.loc(r, label_col), message: e.into() });
                    } else if looks_like_footnote(&label) {
                        report.footnotes.push(label);
                    } else {
                        block = Some(strip_mark(&label).to_string());
                        regions_in_block.clear();
                    }
                    continue;
                }
            };
            if let Some(&(_, first)) = regions_in_block.iter().find(|(a, _)| *a == area) {
                report.problems.push(Problem {
                    location: self.loc(r, label_col),
                    message: Msg::new("xls-region-again")
                        .arg("value", &label)
                        .arg_msg("area", area.label())
                        .arg("first", self.r0 as usize + first + 1),
                });
                continue;
            }
            regions_in_block.push((area, r));
            report.rows_read += 1;
            let indicator = match &block {
                Some(b) => format!("{base} | {b}"),
                None => base.to_string(),
            };
            self.values(r, area, columns, &indicator, out, report);
        }
    }

    /// The values of one region's row, with their flags.
    fn values(
        &self,
        r: usize,
        area: Area,
        columns: &[(usize, Period)],
        indicator: &str,
        out: &mut Vec<LongRow>,
        report: &mut IngestReport,
    ) {
        for &(c, period) in columns {
            let cell = match self.at(r, c) {
                Data::Int(i) => Cell::Number(*i as f64, None),
                Data::Float(f) if f.is_finite() => Cell::Number(*f, None),
                Data::Empty => Cell::Empty,
                Data::String(s) => match parse_cell(s) {
                    Ok(cell) => cell,
                    Err(e) => {
                        report.problems.push(Problem { location: self.loc(r, c), message: e.into() });
                        continue;
                    }
                },
                other => {
                    report.problems.push(Problem {
                        location: self.loc(r, c),
                        message: Msg::new("err-not-number").arg("value", other),
                    });
                    continue;
                }
            };
            let (value, flag) = cell.value_and_flag();
            out.push(LongRow {
                indicator: indicator.to_string(),
                region_code: area.code().to_string(),
                oked_section: None,
                period,
                value,
                flag,
                source: self.loc(r, c),
            });
        }
    }
}

/// The skipped sheets, `; ` apart.
fn skipped_list(skipped: &[Msg]) -> Msg {
    skipped.iter().cloned().reduce(|a, b| a.joined("; ", b)).unwrap_or_else(|| Msg::text(""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(115), "DL");
    }

    #[test]
    fn titles_and_footnotes() {
        assert_eq!(strip_mark("Unemployment rate1)"), "Unemployment rate");
        assert!(looks_like_footnote("1) The data was generated based on the results of a sample survey."));
        assert!(looks_like_footnote("2)Hereinafter data are created"));
        assert!(!looks_like_footnote("Городское население"));
    }
}
