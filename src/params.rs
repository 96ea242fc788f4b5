//! Dated policy parameters, in the manner of OpenFisca parameter files.
//!
//! Every policy number the tool uses (the foreign-labour ceiling, the MCI, kandas support
//! amounts, local-content shares, designated regions, scoring thresholds...) lives in a TOML
//! file under `data/params/`, one file per topic. Each parameter lists values keyed by the
//! date they take effect, with a unit, a status (how sure we are) and a legal reference.
//! Code never holds a policy number: it asks for the value in force on a date.
//!
//! ```toml
//! [ceiling_pct]
//! description = "Quota for foreign labour as a share of the labour force"
//! unit = "percent_of_labour_force"
//!
//! [[ceiling_pct.values]]
//! effective = 2026-01-02
//! value = 0.25
//! status = "verified"
//! reference = "MLSPP order of 12 Dec 2025 (in force 2 Jan 2026)"
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::codes::{OkedSection, Region};
use crate::error::{Error, Location, Msg, Result};

/// How firmly a value is established.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Read in the legal act or an official publication of it.
    Verified,
    /// Reported by secondary sources (news, government statements); the act was not read.
    Reported,
    /// Computed from other published figures; the derivation is in the note.
    Derived,
    /// Not published; a documented modelling assumption.
    Assumption,
    /// Commonly cited but not checked against any source available to the project; reports
    /// flag every run that uses such a value.
    Unverified,
}

/// The value a parameter takes: a number, a list of regions, or a table of numbers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Number(f64),
    Regions(Vec<Region>),
    Table(BTreeMap<String, f64>),
    Sections(Vec<OkedSection>),
    Codes(Vec<String>),
    /// A text in each language kvota writes (`kk`, `ru`, `en`).
    Texts(BTreeMap<String, String>),
}

/// One dated value of a parameter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DatedValue {
    pub effective: NaiveDate,
    pub value: Value,
    pub status: Status,
    pub reference: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A parameter with its history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Parameter {
    pub name: String,
    pub description: String,
    pub unit: Unit,
    /// Sorted by effective date, strictly increasing.
    pub values: Vec<DatedValue>,
}

/// Units accepted in parameter files; each fixes the shape of the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Percent of the labour force (0.25 means 0.25 %).
    PercentOfLabourForce,
    /// A share between 0 and 1.
    Share,
    Kzt,
    /// Kazakh tenge per monthly calculation index (the MCI itself).
    KztPerMci,
    Mci,
    MciPerPerson,
    MciPerMonth,
    Months,
    Years,
    Days,
    Points,
    Persons,
    /// A list of ISO 3166-2:KZ region codes.
    RegionList,
    /// A list of OKED section letters.
    SectionList,
    /// A table of person counts keyed by worker category (`1`..`4`, `seasonal`).
    PersonsByCategory,
    /// A table of person counts keyed by ISO 3166-2:KZ region code.
    PersonsByRegion,
    /// A table of shares keyed by worker category.
    ShareByCategory,
    /// A table of shares keyed by education level; they add up to 1.
    ShareByLevel,
    /// A table of values keyed by name (e.g. `min`, `max`).
    Range,
    /// A dimensionless ratio (>= 0, may exceed 1).
    Ratio,
    /// 1 (yes) or 0 (no).
    YesNo,
    /// A list of ISCO-08 occupation codes (1 to 4 digits; a code covers every code it starts).
    OccupationList,
    /// A table keyed by ISCO-08 code prefix (1 to 4 digits) giving the worker category 1-4 of
    /// the occupations under it, 0 where none of categories 1-4 applies (seasonal work only).
    CategoryByOccupation,
    /// A table keyed by an integrity-flag code giving its severity: 1 low, 2 medium, 3 high.
    SeverityByFlag,
    /// A text in Kazakh, Russian and English (`{ kk = "...", ru = "...", en = "..." }`), such as
    /// the legal basis a draft order cites.
    TextByLanguage,
}

impl Unit {
    fn shape(self) -> Shape {
        match self {
            Unit::RegionList => Shape::Regions,
            Unit::SectionList => Shape::Sections,
            Unit::PersonsByCategory
            | Unit::PersonsByRegion
            | Unit::ShareByCategory
            | Unit::ShareByLevel
            | Unit::Range
            | Unit::CategoryByOccupation
            | Unit::SeverityByFlag => Shape::Table,
            Unit::OccupationList => Shape::Codes,
            Unit::TextByLanguage => Shape::Texts,
            _ => Shape::Number,
        }
    }
}

#[derive(PartialEq)]
enum Shape {
    Number,
    Regions,
    Sections,
    Table,
    Codes,
    Texts,
}

/// The value of a parameter in force on a date, with where it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InForce<T> {
    pub name: String,
    pub value: T,
    pub unit: Unit,
    pub effective: NaiveDate,
    pub status: Status,
    pub reference: String,
}

/// A record of one lookup, kept for the run manifest.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Used {
    pub name: String,
    pub date: NaiveDate,
    pub effective: NaiveDate,
    pub value: Value,
    pub unit: Unit,
    pub status: Status,
    pub reference: String,
}

/// All parameters, loaded from a directory of TOML files.
#[derive(Debug)]
pub struct Params {
    params: BTreeMap<String, Parameter>,
    files: Vec<PathBuf>,
    used: Mutex<BTreeMap<(String, NaiveDate), Used>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawParameter {
    description: String,
    unit: Unit,
    values: Vec<RawValue>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawValue {
    effective: toml::value::Datetime,
    value: toml::Value,
    status: Status,
    reference: String,
    note: Option<String>,
}

impl Params {
    /// Loads every `*.toml` in `dir`. A parameter's full name is `<file stem>.<key>`.
    pub fn load(dir: &Path) -> Result<Params> {
        if !crate::builtin::is_dir(dir) {
            return Err(Error::missing(dir, crate::error::Input::Params));
        }
        let entries: Vec<PathBuf> =
            crate::builtin::files_in(dir)?.into_iter().filter(|p| p.extension().is_some_and(|x| x == "toml")).collect();
        if entries.is_empty() {
            return Err(Error::input(Location::file(dir), Msg::new("prm-no-files")));
        }
        let mut params = BTreeMap::new();
        for path in &entries {
            let text = crate::builtin::read_to_string(path)?;
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
            for p in parse_file(path, &stem, &text)? {
                params.insert(p.name.clone(), p);
            }
        }
        Ok(Params { params, files: entries, used: Mutex::new(BTreeMap::new()) })
    }

    /// The parameter files read, in name order (for hashing into the manifest).
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    pub fn get(&self, name: &str) -> Result<&Parameter> {
        self.params.get(name).ok_or_else(|| {
            let known: Vec<&str> = self.params.keys().map(String::as_str).collect();
            let close: Vec<&str> =
                known.iter().copied().filter(|k| strsim::normalized_levenshtein(k, name) > 0.6).take(3).collect();
            Error::param(
                name,
                if close.is_empty() {
                    Msg::new("prm-unknown")
                } else {
                    Msg::new("prm-unknown-close").arg("close", close.join(", "))
                },
            )
        })
    }

    /// Every parameter, by name.
    pub fn all(&self) -> impl Iterator<Item = &Parameter> {
        self.params.values()
    }

    fn in_force(&self, name: &str, date: NaiveDate) -> Result<(&Parameter, &DatedValue)> {
        let p = self.get(name)?;
        let v = p.values.iter().rev().find(|v| v.effective <= date).ok_or_else(|| {
            Error::param(name, Msg::new("prm-not-in-force").arg("date", date).arg("first", p.values[0].effective))
        })?;
        self.used.lock().expect("params log poisoned").insert(
            (name.to_string(), date),
            Used {
                name: name.to_string(),
                date,
                effective: v.effective,
                value: v.value.clone(),
                unit: p.unit,
                status: v.status,
                reference: v.reference.clone(),
            },
        );
        Ok((p, v))
    }

    fn wrap<T>(p: &Parameter, v: &DatedValue, value: T) -> InForce<T> {
        InForce {
            name: p.name.clone(),
            value,
            unit: p.unit,
            effective: v.effective,
            status: v.status,
            reference: v.reference.clone(),
        }
    }

    /// A numeric parameter in force on `date`.
    pub fn number(&self, name: &str, date: NaiveDate) -> Result<InForce<f64>> {
        let (p, v) = self.in_force(name, date)?;
        match &v.value {
            Value::Number(x) => Ok(Self::wrap(p, v, *x)),
            _ => Err(Error::param(name, Msg::new("prm-not-number").arg("unit", format!("{:?}", p.unit)))),
        }
    }

    /// A region-list parameter in force on `date`.
    pub fn regions(&self, name: &str, date: NaiveDate) -> Result<InForce<Vec<Region>>> {
        let (p, v) = self.in_force(name, date)?;
        match &v.value {
            Value::Regions(r) => Ok(Self::wrap(p, v, r.clone())),
            _ => Err(Error::param(name, Msg::new("prm-not-regions").arg("unit", format!("{:?}", p.unit)))),
        }
    }

    /// A list of OKED sections in force on `date`.
    pub fn sections(&self, name: &str, date: NaiveDate) -> Result<InForce<Vec<OkedSection>>> {
        let (p, v) = self.in_force(name, date)?;
        match &v.value {
            Value::Sections(s) => Ok(Self::wrap(p, v, s.clone())),
            _ => Err(Error::param(name, Msg::new("prm-not-sections").arg("unit", format!("{:?}", p.unit)))),
        }
    }

    /// A list of occupation codes in force on `date`.
    pub fn codes(&self, name: &str, date: NaiveDate) -> Result<InForce<Vec<String>>> {
        let (p, v) = self.in_force(name, date)?;
        match &v.value {
            Value::Codes(c) => Ok(Self::wrap(p, v, c.clone())),
            _ => Err(Error::param(name, Msg::new("prm-not-codes").arg("unit", format!("{:?}", p.unit)))),
        }
    }

    /// A text by language (`kk`, `ru`, `en`) in force on `date`.
    pub fn texts(&self, name: &str, date: NaiveDate) -> Result<InForce<BTreeMap<String, String>>> {
        let (p, v) = self.in_force(name, date)?;
        match &v.value {
            Value::Texts(t) => Ok(Self::wrap(p, v, t.clone())),
            _ => Err(Error::param(name, Msg::new("prm-not-texts").arg("unit", format!("{:?}", p.unit)))),
        }
    }

    /// A table parameter in force on `date`.
    pub fn table(&self, name: &str, date: NaiveDate) -> Result<InForce<BTreeMap<String, f64>>> {
        let (p, v) = self.in_force(name, date)?;
        match &v.value {
            Value::Table(t) => Ok(Self::wrap(p, v, t.clone())),
            _ => Err(Error::param(name, Msg::new("prm-not-table").arg("unit", format!("{:?}", p.unit)))),
        }
    }

    /// Every lookup made so far, in name and date order.
    pub fn used(&self) -> Vec<Used> {
        self.used.lock().expect("params log poisoned").values().cloned().collect()
    }
}

fn parse_file(path: &Path, stem: &str, text: &str) -> Result<Vec<Parameter>> {
    let raw: BTreeMap<String, RawParameter> = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| text[..s.start].lines().count().max(1));
        Error::input(
            Location { file: path.to_path_buf(), row: line, column: None },
            Msg::new("prm-invalid-file").arg("detail", e.message()),
        )
    })?;
    let mut out = Vec::new();
    for (key, rp) in raw {
        let name = format!("{stem}.{key}");
        let bad = |msg: Msg| {
            Error::input(Location::file(path), Msg::new("err-param").arg("name", &name).arg_msg("text", msg))
        };
        if rp.values.is_empty() {
            return Err(bad(Msg::new("prm-no-values")));
        }
        let mut values = Vec::with_capacity(rp.values.len());
        for rv in rp.values {
            let effective = toml_date(&rv.effective)
                .ok_or_else(|| bad(Msg::new("prm-effective-date").arg("value", rv.effective)))?;
            if rv.reference.trim().is_empty() {
                return Err(bad(Msg::new("prm-no-reference").arg("effective", effective)));
            }
            let value = convert_value(rp.unit, &rv.value)
                .map_err(|m| bad(Msg::new("prm-value-effective").arg("effective", effective).arg_msg("text", m)))?;
            values.push(DatedValue { effective, value, status: rv.status, reference: rv.reference, note: rv.note });
        }
        for w in values.windows(2) {
            if w[1].effective <= w[0].effective {
                return Err(bad(Msg::new("prm-dates-increase")
                    .arg("later", w[1].effective)
                    .arg("earlier", w[0].effective)));
            }
        }
        out.push(Parameter { name, description: rp.description, unit: rp.unit, values });
    }
    Ok(out)
}

/// A TOML date without a time.
pub(crate) fn toml_date(d: &toml::value::Datetime) -> Option<NaiveDate> {
    if d.time.is_some() {
        return None;
    }
    let date = d.date?;
    NaiveDate::from_ymd_opt(date.year as i32, date.month as u32, date.day as u32)
}

fn convert_value(unit: Unit, v: &toml::Value) -> std::result::Result<Value, Msg> {
    let number = |v: &toml::Value| -> std::result::Result<f64, Msg> {
        match v {
            toml::Value::Integer(i) => Ok(*i as f64),
            toml::Value::Float(f) if f.is_finite() => Ok(*f),
            other => Err(Msg::new("prm-expected-number").arg("found", other)),
        }
    };
    let value = match unit.shape() {
        Shape::Number => Value::Number(number(v)?),
        Shape::Regions => {
            let arr = v.as_array().ok_or_else(|| Msg::new("prm-expected-regions"))?;
            let mut regions = Vec::new();
            for item in arr {
                let code = item.as_str().ok_or_else(|| Msg::new("prm-expected-region-strings"))?;
                let r = Region::from_iso(code).ok_or_else(|| Msg::new("prm-not-region-code").arg("value", code))?;
                if regions.contains(&r) {
                    return Err(Msg::new("prm-region-twice").arg("value", code));
                }
                regions.push(r);
            }
            Value::Regions(regions)
        }
        Shape::Sections => {
            let arr = v.as_array().ok_or_else(|| Msg::new("prm-expected-sections"))?;
            let mut sections = Vec::new();
            for item in arr {
                let code = item.as_str().ok_or_else(|| Msg::new("prm-expected-section-strings"))?;
                let s = code.parse::<OkedSection>()?;
                if sections.contains(&s) {
                    return Err(Msg::new("prm-section-twice").arg("value", code));
                }
                sections.push(s);
            }
            Value::Sections(sections)
        }
        Shape::Table => {
            let t = v.as_table().ok_or_else(|| Msg::new("prm-expected-table"))?;
            let mut out = BTreeMap::new();
            for (k, x) in t {
                out.insert(k.clone(), number(x)?);
            }
            Value::Table(out)
        }
        Shape::Codes => {
            let arr = v.as_array().ok_or_else(|| Msg::new("prm-expected-codes"))?;
            let mut codes = Vec::new();
            for item in arr {
                let code = item.as_str().ok_or_else(|| Msg::new("prm-expected-code-strings"))?;
                if code.is_empty() || code.len() > 4 || !code.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(Msg::new("prm-not-isco").arg("value", code));
                }
                if codes.iter().any(|c: &String| c == code) {
                    return Err(Msg::new("prm-code-twice").arg("value", code));
                }
                codes.push(code.to_string());
            }
            Value::Codes(codes)
        }
        Shape::Texts => {
            let t = v.as_table().ok_or_else(|| Msg::new("prm-expected-texts"))?;
            let mut out = BTreeMap::new();
            for (k, x) in t {
                if !["kk", "ru", "en"].contains(&k.as_str()) {
                    return Err(Msg::new("prm-not-language").arg("value", k));
                }
                let text = x
                    .as_str()
                    .filter(|s| !s.trim().is_empty())
                    .ok_or_else(|| Msg::new("prm-expected-text").arg("value", k))?;
                out.insert(k.clone(), text.to_string());
            }
            if let Some(missing) = ["kk", "ru", "en"].iter().find(|l| !out.contains_key(**l)) {
                return Err(Msg::new("prm-text-missing").arg("value", missing));
            }
            Value::Texts(out)
        }
    };
    // Range checks by unit.
    let check = |x: f64| -> std::result::Result<(), Msg> {
        match unit {
            Unit::Share | Unit::ShareByCategory | Unit::ShareByLevel if !(0.0..=1.0).contains(&x) => {
                Err(Msg::new("prm-share").arg("value", x))
            }
            Unit::PercentOfLabourForce if !(0.0..=100.0).contains(&x) => {
                Err(Msg::new("prm-percentage").arg("value", x))
            }
            Unit::YesNo if x != 0.0 && x != 1.0 => Err(Msg::new("prm-yes-no").arg("value", x)),
            Unit::CategoryByOccupation if !(0.0..=4.0).contains(&x) || x.fract() != 0.0 => {
                Err(Msg::new("prm-category").arg("value", x))
            }
            Unit::SeverityByFlag if !(1.0..=3.0).contains(&x) || x.fract() != 0.0 => {
                Err(Msg::new("prm-severity").arg("value", x))
            }
            _ if x < 0.0 => Err(Msg::new("prm-negative").arg("value", x)),
            _ => Ok(()),
        }
    };
    match &value {
        Value::Number(x) => check(*x)?,
        Value::Table(t) => t.values().try_for_each(|x| check(*x))?,
        Value::Regions(_) | Value::Sections(_) | Value::Codes(_) | Value::Texts(_) => {}
    }
    if let (Unit::ShareByLevel, Value::Table(t)) = (unit, &value) {
        let sum: f64 = t.values().sum();
        if (sum - 1.0).abs() > 1e-6 {
            return Err(Msg::new("prm-shares-sum").arg("sum", sum));
        }
    }
    Ok(value)
}

/// 1 January of `year`: the date used when a parameter is asked for "the year".
pub fn year_start(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 1, 1).expect("valid year")
}

/// 31 December of `year`: the value in force at the end of the year.
pub fn year_end(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).expect("valid year")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
[ceiling_pct]
description = "ceiling"
unit = "percent_of_labour_force"
[[ceiling_pct.values]]
effective = 2025-01-01
value = 0.2
status = "verified"
reference = "order 2025"
[[ceiling_pct.values]]
effective = 2026-01-02
value = 0.25
status = "verified"
reference = "order 2026"
"#;

    #[test]
    fn parses_and_orders() {
        let p = parse_file(Path::new("x.toml"), "foreign_labour", SAMPLE).unwrap();
        assert_eq!(p[0].name, "foreign_labour.ceiling_pct");
        assert_eq!(p[0].values.len(), 2);
    }

    #[test]
    fn rejects_unsorted_and_missing_reference() {
        let bad = SAMPLE.replace("2026-01-02", "2024-01-01");
        assert!(parse_file(Path::new("x.toml"), "f", &bad).unwrap_err().to_string().contains("must increase"));
        let bad = SAMPLE.replace("\"order 2026\"", "\"\"");
        assert!(parse_file(Path::new("x.toml"), "f", &bad).unwrap_err().to_string().contains("legal reference"));
        let bad = SAMPLE.replace("value = 0.25", "value = 250.0");
        assert!(parse_file(Path::new("x.toml"), "f", &bad).unwrap_err().to_string().contains("outside"));
    }
}
