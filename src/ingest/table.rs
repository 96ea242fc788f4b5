//! Reading delimited text into polars frames with precise error locations.
//!
//! Files are read with every column as text, then each column is parsed by the caller with
//! [`TextTable::parse`], which reports the file, the 1-based row (header = row 1) and the
//! column of the first bad value. This is slower than letting polars infer types, and it is
//! what lets a planner find the bad cell.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use polars::prelude::*;

use crate::error::{Error, Location, Msg, Result};

/// A delimited file read as text columns.
pub struct TextTable {
    path: PathBuf,
    df: DataFrame,
    /// 1-based line number of each kept row in the file (blank lines are dropped).
    lines: Vec<usize>,
}

/// Text encodings recognised when reading delimited files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Windows1251,
}

/// Decodes file bytes to UTF-8: strips a UTF-8 BOM; bytes that are not valid UTF-8 are
/// taken as Windows-1251 (the usual encoding of Russian-language government exports).
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), Encoding::Utf8),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1251.decode(bytes);
            (text.into_owned(), Encoding::Windows1251)
        }
    }
}

/// Guesses the field separator from the header line: `;` if it has more `;` than `,`.
pub fn sniff_separator(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let count = |c: char| header.chars().filter(|&x| x == c).count();
    if count(';') > count(',') { b';' } else { b',' }
}

impl TextTable {
    /// Reads a delimited text file (UTF-8 with or without BOM, or Windows-1251; `,` or `;`).
    /// Empty files and files with a header but no rows are errors.
    pub fn read(path: &Path) -> Result<TextTable> {
        let bytes = crate::builtin::read(path)?;
        Self::from_bytes(path, &bytes)
    }

    /// Like [`TextTable::read`] for bytes already in memory; `path` names them in errors.
    pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<TextTable> {
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(Error::input(Location::file(path), Msg::new("err-file-empty")));
        }
        if bytes.contains(&0) {
            return Err(Error::input(Location::file(path), Msg::new("err-file-binary")));
        }
        let (text, _) = decode(bytes);
        let sep = sniff_separator(&text);
        let parse = CsvParseOptions::default().with_separator(sep).with_quote_char(Some(b'"'));
        let df = CsvReadOptions::default()
            .with_has_header(true)
            .with_infer_schema_length(Some(0))
            .with_parse_options(parse)
            .with_raise_if_empty(true)
            .into_reader_with_file_handle(Cursor::new(text.into_bytes()))
            .finish()
            .map_err(|e| Error::input(Location::file(path), Msg::new("err-not-delimited").arg("detail", e)))?;
        // Blank lines arrive as rows with every field empty; drop them but remember the line
        // number of every kept row so errors point at the right line.
        let mut keep = vec![false; df.height()];
        for c in df.columns() {
            let ca = c.str().map_err(|e| Error::polars(format!("{}", path.display()), e))?;
            for (k, v) in keep.iter_mut().zip(ca.iter()) {
                *k |= v.is_some_and(|s| !s.trim().is_empty());
            }
        }
        let lines: Vec<usize> = keep.iter().enumerate().filter(|(_, k)| **k).map(|(i, _)| i + 2).collect();
        let df = if lines.len() < keep.len() {
            let mask = BooleanChunked::from_slice("keep".into(), &keep);
            df.filter(&mask).map_err(|e| Error::polars(format!("{}", path.display()), e))?
        } else {
            df
        };
        if df.height() == 0 {
            return Err(Error::input(Location::file(path), Msg::new("err-header-only")));
        }
        let mut seen = std::collections::HashSet::new();
        for name in df.get_column_names() {
            let n = name.as_str().trim();
            if n.is_empty() {
                return Err(Error::input(Location::row(path, 1), Msg::new("err-column-unnamed")));
            }
            if !seen.insert(n.to_string()) {
                return Err(Error::input(Location::column(path, n), Msg::new("err-column-twice")));
            }
        }
        Ok(TextTable { path: path.to_path_buf(), df, lines })
    }

    /// Reads a CSV (as [`TextTable::read`]) or, by extension, a Parquet file whose columns are
    /// cast to text; Parquet rows are numbered from 1 in error messages.
    pub fn read_any(path: &Path) -> Result<TextTable> {
        if !path.extension().is_some_and(|e| e.eq_ignore_ascii_case("parquet")) {
            return Self::read(path);
        }
        let bytes = crate::builtin::read(path)?;
        let df = ParquetReader::new(Cursor::new(bytes))
            .finish()
            .map_err(|e| Error::input(Location::file(path), Msg::new("err-not-parquet").arg("detail", e)))?;
        if df.height() == 0 {
            return Err(Error::input(Location::file(path), Msg::new("err-no-rows")));
        }
        let mut cols = Vec::with_capacity(df.width());
        for c in df.columns() {
            cols.push(c.cast(&DataType::String).map_err(|e| Error::polars(path.display().to_string(), e))?);
        }
        let height = df.height();
        let df = DataFrame::new(height, cols).map_err(|e| Error::polars(path.display().to_string(), e))?;
        let lines = (1..=df.height()).collect();
        Ok(TextTable { path: path.to_path_buf(), df, lines })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn height(&self) -> usize {
        self.df.height()
    }

    /// Line number in the file of data row `i` (0-based), for error messages.
    pub fn line(&self, i: usize) -> usize {
        self.lines[i]
    }

    pub fn frame(&self) -> &DataFrame {
        &self.df
    }

    pub fn columns(&self) -> Vec<String> {
        self.df.get_column_names().iter().map(|c| c.as_str().trim().to_string()).collect()
    }

    fn find(&self, name: &str) -> Option<&Column> {
        self.df.columns().iter().find(|c| c.name().as_str().trim() == name)
    }

    /// Fails unless every listed column is present, naming the first missing one and the
    /// columns the file does have.
    pub fn require(&self, names: &[&str]) -> Result<()> {
        for n in names {
            if self.find(n).is_none() {
                return Err(Error::input(
                    Location::column(&self.path, *n),
                    Msg::new("err-column-missing-has")
                        .arg("columns", self.columns().iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ")),
                ));
            }
        }
        Ok(())
    }

    /// The raw text of a column (`None` for an empty field).
    pub fn text(&self, name: &str) -> Result<Vec<Option<&str>>> {
        let col = self
            .find(name)
            .ok_or_else(|| Error::input(Location::column(&self.path, name), Msg::new("err-column-missing")))?;
        let ca = col.str().map_err(|e| Error::polars(format!("{}", self.path.display()), e))?;
        Ok(ca.iter().map(|v| v.map(str::trim).filter(|s| !s.is_empty())).collect())
    }

    /// Parses every value of a column, failing on the first empty or unparsable one with its
    /// row. `what` describes the expected value for the message (e.g. "a non-negative integer").
    pub fn parse<T, E: Into<Msg>>(
        &self,
        name: &str,
        what: impl Into<Msg>,
        mut f: impl FnMut(&str) -> std::result::Result<T, E>,
    ) -> Result<Vec<T>> {
        let what = what.into();
        let raw = self.text(name)?;
        let mut out = Vec::with_capacity(raw.len());
        for (i, v) in raw.into_iter().enumerate() {
            let row = self.lines[i];
            let v = v.ok_or_else(|| {
                Error::input(
                    Location::cell(&self.path, row, name),
                    Msg::new("err-empty-value").arg_msg("what", what.clone()),
                )
            })?;
            out.push(f(v).map_err(|m| Error::input(Location::cell(&self.path, row, name), m))?);
        }
        Ok(out)
    }

    /// Parses a column of non-negative integer counts.
    pub fn counts(&self, name: &str) -> Result<Vec<i64>> {
        self.parse(name, Msg::new("what-count"), parse_count)
    }

    /// Parses a column of finite numbers.
    pub fn numbers(&self, name: &str) -> Result<Vec<f64>> {
        self.parse(name, Msg::new("what-number"), parse_number)
    }
}

/// A non-negative integer written plainly (no separators).
pub fn parse_count(s: &str) -> std::result::Result<i64, Msg> {
    match s.parse::<i64>() {
        Ok(v) if v >= 0 => Ok(v),
        Ok(v) => Err(Msg::new("err-negative-count").arg("value", v)),
        Err(_) => match s.parse::<f64>() {
            Ok(f) if f.is_finite() && f.fract() == 0.0 && f >= 0.0 => Ok(f as i64),
            Ok(f) if f < 0.0 => Err(Msg::new("err-negative-count").arg("value", s)),
            _ => Err(Msg::new("err-not-whole").arg("value", s)),
        },
    }
}

/// A finite number in plain notation.
pub fn parse_number(s: &str) -> std::result::Result<f64, Msg> {
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(Msg::new("err-not-number").arg("value", s)),
    }
}

/// A date written `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> std::result::Result<chrono::NaiveDate, Msg> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| Msg::new("err-not-date").arg("value", s.trim()))
}
