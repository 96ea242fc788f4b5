//! Readers of the tables about people that kvota takes, all pseudonymous: kandas families, the
//! support paid to them and their moves (`kvota contract`), applicants (`kvota select`,
//! [`applicants`](super::applicants)). A column that looks like personal data is refused
//! before anything else is read ([`refuse_personal_columns`]).

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;

use crate::codes::Region;
use crate::error::{Error, Location, Msg, Result};
use crate::ingest::table::{TextTable, parse_date};
use crate::params::Params;

/// Columns that would carry personal data; every reader of data about people refuses them. A
/// header matches when it equals an entry but for case and the characters that are not letters
/// or digits (`Passport Number`, `passport-number` and `PASSPORT_NUMBER` are `passport_number`).
/// Russian and Kazakh headers of the same columns are listed too, as government exports use them.
pub const PERSONAL_COLUMNS: [&str; 44] = [
    "name",
    "surname",
    "first_name",
    "last_name",
    "middle_name",
    "patronymic",
    "full_name",
    "passport",
    "passport_number",
    "passport_no",
    "iin",
    "document",
    "document_number",
    "phone",
    "phone_number",
    "mobile",
    "email",
    "address",
    "birth_date",
    "date_of_birth",
    "citizen_id",
    // Names and registration numbers of employers and their directors (requests tables).
    "bin",
    "employer_bin",
    "employer_name",
    "company_name",
    "director_name",
    "director_iin",
    // Russian: IIN, BIN, full name, surname, first name, patronymic, passport, phone, address,
    // date of birth.
    "иин",
    "бин",
    "фио",
    "фамилия",
    "имя",
    "отчество",
    "паспорт",
    "телефон",
    "адрес",
    "дата_рождения",
    // Kazakh: IIN (ЖСН), BIN (БСН), name, surname, phone, address, date of birth.
    "жсн",
    "бсн",
    "аты",
    "тегі",
    "телефоны",
    "мекенжайы",
    "туған_күні",
];

/// A header or list entry reduced to its lowercase letters and digits.
fn letters(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The entry of [`PERSONAL_COLUMNS`] a header matches, if any.
pub fn personal_column(header: &str) -> Option<&'static str> {
    let h = letters(header);
    PERSONAL_COLUMNS.iter().copied().find(|p| letters(p) == h)
}

/// Refuses a table with a column named like personal data (see [`PERSONAL_COLUMNS`]); the
/// error names the file and the column, never a value.
pub fn refuse_personal_columns(path: &Path, t: &TextTable) -> Result<()> {
    for c in t.columns() {
        if personal_column(c.as_str()).is_some() {
            return Err(Error::input(Location::column(path, c.as_str()), Msg::new("err-personal-column")));
        }
    }
    Ok(())
}

/// A pseudonymous key: not empty, and not twelve digits (the shape of an IIN or a BIN). The
/// message never repeats the value.
pub fn pseudonymous(s: &str) -> std::result::Result<String, Msg> {
    let t = s.trim();
    if t.is_empty() {
        return Err(Msg::new("err-id-empty"));
    }
    if t.chars().filter(char::is_ascii_digit).count() == 12 && t.chars().all(|c| c.is_ascii_digit() || c == ' ') {
        return Err(Msg::new("err-id-iin"));
    }
    Ok(t.to_string())
}

/// Support items.
pub const ITEMS: [&str; 5] = ["relocation", "rent", "employer_subsidy", "housing_certificate", "other"];

#[derive(Debug, Clone, PartialEq)]
pub struct Family {
    pub id: String,
    pub arrival: NaiveDate,
    pub host: Region,
    pub members: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Payment {
    pub family: String,
    pub item: usize,
    pub paid: NaiveDate,
    pub mci: f64,
    pub kzt: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Move {
    pub family: String,
    pub date: NaiveDate,
    pub to: Region,
}

fn region(s: &str) -> std::result::Result<Region, Msg> {
    s.parse::<Region>().map_err(Msg::from)
}

pub fn read_families(path: &Path) -> Result<Vec<Family>> {
    let t = TextTable::read_any(path)?;
    refuse_personal_columns(path, &t)?;
    t.require(&["family_id", "arrival_date", "host_region", "members"])?;
    let ids = t.parse("family_id", Msg::new("what-family-id"), pseudonymous)?;
    let arr = t.parse("arrival_date", Msg::new("what-date"), parse_date)?;
    let host = t.parse("host_region", Msg::new("what-region-code"), region)?;
    let members = t.parse("members", Msg::new("what-members"), |s| match s.parse::<u32>() {
        Ok(v) if v >= 1 => Ok(v),
        _ => Err(Msg::new("err-members").arg("value", s)),
    })?;
    let mut seen = BTreeMap::new();
    let mut out = Vec::with_capacity(ids.len());
    for i in 0..ids.len() {
        if let Some(prev) = seen.insert(ids[i].clone(), t.line(i)) {
            return Err(Error::input(
                Location::cell(path, t.line(i), "family_id"),
                Msg::new("err-duplicate-family").arg("prev", prev),
            ));
        }
        out.push(Family { id: ids[i].clone(), arrival: arr[i], host: host[i], members: members[i] });
    }
    Ok(out)
}

pub fn read_payments(path: &Path, params: &Params) -> Result<Vec<Payment>> {
    let t = TextTable::read_any(path)?;
    refuse_personal_columns(path, &t)?;
    t.require(&["family_id", "item", "paid_date"])?;
    let ids = t.parse("family_id", Msg::new("what-family-id"), pseudonymous)?;
    let items = t.parse("item", Msg::new("what-item"), |s| {
        ITEMS
            .iter()
            .position(|i| *i == s.trim())
            .ok_or_else(|| Msg::new("err-one-of").arg("value", s).arg("options", ITEMS.join(", ")))
    })?;
    let paid = t.parse("paid_date", Msg::new("what-date"), parse_date)?;
    let cols = t.columns();
    let opt = |name: &str| -> Result<Vec<Option<&str>>> {
        if cols.iter().any(|c| c == name) { t.text(name) } else { Ok(vec![None; t.height()]) }
    };
    let (mci_col, kzt_col) = (opt("amount_mci")?, opt("amount_kzt")?);
    let mut out = Vec::with_capacity(ids.len());
    for i in 0..ids.len() {
        let row = t.line(i);
        let mci_kzt = params
            .number("mci.kzt", paid[i])
            .map_err(|e| {
                Error::input(
                    Location::cell(path, row, "paid_date"),
                    Msg::new("err-no-mci").arg_msg("detail", e.into_msg()),
                )
            })?
            .value;
        let num = |s: &str, col: &str| -> Result<f64> {
            match s.trim().parse::<f64>() {
                Ok(v) if v.is_finite() && v >= 0.0 => Ok(v),
                _ => Err(Error::input(Location::cell(path, row, col), Msg::new("err-not-amount").arg("value", s))),
            }
        };
        let (mci, kzt) = match (mci_col[i], kzt_col[i]) {
            (Some(m), None) => {
                let m = num(m, "amount_mci")?;
                (m, m * mci_kzt)
            }
            (None, Some(k)) => {
                let k = num(k, "amount_kzt")?;
                (k / mci_kzt, k)
            }
            (Some(_), Some(_)) => {
                return Err(Error::input(Location::row(path, row), Msg::new("err-amount-both")));
            }
            (None, None) => {
                return Err(Error::input(Location::row(path, row), Msg::new("err-amount-none")));
            }
        };
        out.push(Payment { family: ids[i].clone(), item: items[i], paid: paid[i], mci, kzt });
    }
    Ok(out)
}

pub fn read_moves(path: &Path) -> Result<Vec<Move>> {
    let t = TextTable::read_any(path)?;
    refuse_personal_columns(path, &t)?;
    t.require(&["family_id", "move_date", "to_region"])?;
    let ids = t.parse("family_id", Msg::new("what-family-id"), pseudonymous)?;
    let dates = t.parse("move_date", Msg::new("what-date"), parse_date)?;
    let to = t.parse("to_region", Msg::new("what-region-code"), region)?;
    Ok((0..ids.len()).map(|i| Move { family: ids[i].clone(), date: dates[i], to: to[i] }).collect())
}
