//! `kvota contract`: the kandas social-contract ledger. A family that takes state support to
//! settle in a designated region signs a contract for a number of years (5, as reported); if it
//! leaves the host region earlier it repays the support (in full, as reported). Both numbers
//! are dated parameters (`kandas.social_contract_years`, `kandas.repayment_share_on_breach`).
//!
//! Inputs (CSV or Parquet; ids pseudonymous):
//! - families: `family_id, arrival_date, host_region, members`;
//! - payments: `family_id, item, paid_date` and `amount_mci` or `amount_kzt` (one of them per
//!   row; the other is derived with the MCI of the year paid);
//! - moves (optional): `family_id, move_date, to_region` — a move out of the host region before
//!   the contract ends breaches it.
//!
//! Status on a date: `not_started` (before arrival), `in_force`, `fulfilled` (the contract
//! ran its term in the host region) or `breached` (left early; the repayment is owed). The
//! retention curve is a Kaplan-Meier estimate of staying in the host region by months since
//! arrival (families still in force are censored at the date); the projection gives each family
//! in force its probability of leaving before its contract ends, `1 - S(term) / S(elapsed)`, and
//! the expected repayment.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{Months, NaiveDate};

use crate::codes::Region;
use crate::error::{Error, Location, Result};
use crate::export::{ColumnData, OutputSet, OutputTable, sha256_file};
use crate::params::Params;
use crate::table::TextTable;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    NotStarted,
    InForce,
    Fulfilled,
    Breached,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::InForce => "in_force",
            Status::Fulfilled => "fulfilled",
            Status::Breached => "breached",
        }
    }
}

/// Contract terms from the parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Terms {
    pub years: u32,
    pub repayment_share: f64,
}

/// One family on the date.
#[derive(Debug, Clone, PartialEq)]
pub struct FamilyStatus {
    pub family: Family,
    pub contract_end: NaiveDate,
    pub status: Status,
    pub breach_date: Option<NaiveDate>,
    /// Support received by item (`ITEMS` order), MCI and tenge.
    pub mci: [f64; 5],
    pub kzt: [f64; 5],
    pub owed_kzt: f64,
    /// Months since arrival (to the breach, the end of the term or the date).
    pub months: u32,
    /// For families in force: probability of leaving before the term ends, and the expected
    /// repayment.
    pub p_breach: Option<f64>,
    pub expected_repayment_kzt: Option<f64>,
}

fn parse_date(s: &str) -> std::result::Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| format!("`{}` is not a date (YYYY-MM-DD)", s.trim()))
}

fn region(s: &str) -> std::result::Result<Region, String> {
    s.parse::<Region>().map_err(|e| e.to_string())
}

pub fn read_families(path: &Path) -> Result<Vec<Family>> {
    let t = TextTable::read_any(path)?;
    t.require(&["family_id", "arrival_date", "host_region", "members"])?;
    let ids = t.parse("family_id", "a pseudonymous family id", |s| Ok::<_, String>(s.to_string()))?;
    let arr = t.parse("arrival_date", "a date (YYYY-MM-DD)", parse_date)?;
    let host = t.parse("host_region", "an ISO 3166-2:KZ region code", region)?;
    let members = t.parse("members", "a number of family members (1 or more)", |s| match s.parse::<u32>() {
        Ok(v) if v >= 1 => Ok(v),
        _ => Err(format!("`{s}` is not a number of members (1 or more)")),
    })?;
    let mut seen = BTreeMap::new();
    let mut out = Vec::with_capacity(ids.len());
    for i in 0..ids.len() {
        if let Some(prev) = seen.insert(ids[i].clone(), t.line(i)) {
            return Err(Error::input(
                Location::cell(path, t.line(i), "family_id"),
                format!("duplicate family id (also on row {prev})"),
            ));
        }
        out.push(Family { id: ids[i].clone(), arrival: arr[i], host: host[i], members: members[i] });
    }
    Ok(out)
}

pub fn read_payments(path: &Path, params: &Params) -> Result<Vec<Payment>> {
    let t = TextTable::read_any(path)?;
    t.require(&["family_id", "item", "paid_date"])?;
    let ids = t.parse("family_id", "a family id", |s| Ok::<_, String>(s.to_string()))?;
    let items = t.parse("item", "a support item", |s| {
        ITEMS.iter().position(|i| *i == s.trim()).ok_or_else(|| format!("`{s}` is not one of {}", ITEMS.join(", ")))
    })?;
    let paid = t.parse("paid_date", "a date (YYYY-MM-DD)", parse_date)?;
    let cols = t.columns();
    let opt = |name: &str| -> Result<Vec<Option<&str>>> {
        if cols.iter().any(|c| c == name) { t.text(name) } else { Ok(vec![None; t.height()]) }
    };
    let (mci_col, kzt_col) = (opt("amount_mci")?, opt("amount_kzt")?);
    let mut out = Vec::with_capacity(ids.len());
    for i in 0..ids.len() {
        let row = t.line(i);
        let mci_kzt = params.number("mci.kzt", paid[i])?.value;
        let num = |s: &str, col: &str| -> Result<f64> {
            match s.trim().parse::<f64>() {
                Ok(v) if v.is_finite() && v >= 0.0 => Ok(v),
                _ => Err(Error::input(Location::cell(path, row, col), format!("`{s}` is not a non-negative amount"))),
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
                return Err(Error::input(Location::row(path, row), "give amount_mci or amount_kzt, not both"));
            }
            (None, None) => {
                return Err(Error::input(Location::row(path, row), "no amount: give amount_mci or amount_kzt"));
            }
        };
        out.push(Payment { family: ids[i].clone(), item: items[i], paid: paid[i], mci, kzt });
    }
    Ok(out)
}

pub fn read_moves(path: &Path) -> Result<Vec<Move>> {
    let t = TextTable::read_any(path)?;
    t.require(&["family_id", "move_date", "to_region"])?;
    let ids = t.parse("family_id", "a family id", |s| Ok::<_, String>(s.to_string()))?;
    let dates = t.parse("move_date", "a date (YYYY-MM-DD)", parse_date)?;
    let to = t.parse("to_region", "an ISO 3166-2:KZ region code", region)?;
    Ok((0..ids.len()).map(|i| Move { family: ids[i].clone(), date: dates[i], to: to[i] }).collect())
}

fn months_between(a: NaiveDate, b: NaiveDate) -> u32 {
    if b <= a {
        return 0;
    }
    let mut m = 0;
    while a.checked_add_months(Months::new(m + 1)).is_some_and(|d| d <= b) {
        m += 1;
    }
    m
}

/// Kaplan-Meier survival of staying in the host region, by whole months since arrival.
#[derive(Debug, Clone, PartialEq)]
pub struct Retention {
    /// (month, at risk, leaving, survival after the month).
    pub curve: Vec<(u32, u64, u64, f64)>,
}

impl Retention {
    pub fn estimate(obs: &[(u32, bool)], horizon: u32) -> Retention {
        let mut curve = Vec::new();
        let mut s = 1.0;
        for m in 1..=horizon {
            let at_risk = obs.iter().filter(|(t, _)| *t >= m).count() as u64;
            let events = obs.iter().filter(|(t, e)| *t == m && *e).count() as u64;
            if at_risk > 0 {
                s *= 1.0 - events as f64 / at_risk as f64;
            }
            curve.push((m, at_risk, events, s));
        }
        Retention { curve }
    }

    pub fn survival(&self, month: u32) -> f64 {
        if month == 0 {
            return 1.0;
        }
        self.curve.iter().find(|c| c.0 == month).or(self.curve.last()).map_or(1.0, |c| c.3)
    }
}

/// Status of every family on `as_of`, the retention curve and the projection.
pub fn ledger(
    families: &[Family],
    payments: &[Payment],
    moves: &[Move],
    terms: Terms,
    as_of: NaiveDate,
) -> Result<(Vec<FamilyStatus>, Retention)> {
    let mut by_family: BTreeMap<&str, Vec<&Payment>> = BTreeMap::new();
    for p in payments {
        by_family.entry(p.family.as_str()).or_default().push(p);
    }
    let mut moves_of: BTreeMap<&str, Vec<&Move>> = BTreeMap::new();
    for m in moves {
        moves_of.entry(m.family.as_str()).or_default().push(m);
    }
    let known: std::collections::BTreeSet<&str> = families.iter().map(|f| f.id.as_str()).collect();
    if let Some(p) = payments.iter().find(|p| !known.contains(p.family.as_str())) {
        return Err(Error::Model(format!("a payment names family `{}`, which is not in the families table", p.family)));
    }
    if let Some(m) = moves.iter().find(|m| !known.contains(m.family.as_str())) {
        return Err(Error::Model(format!("a move names family `{}`, which is not in the families table", m.family)));
    }
    let term = terms.years * 12;
    let mut out = Vec::with_capacity(families.len());
    for f in families {
        let end = f.arrival.checked_add_months(Months::new(term)).expect("date in range");
        let mut ms: Vec<&&Move> = moves_of.get(f.id.as_str()).map(|v| v.iter().collect()).unwrap_or_default();
        ms.sort_by_key(|m| m.date);
        let breach = ms
            .iter()
            .find(|m| m.to != f.host && m.date >= f.arrival && m.date < end && m.date <= as_of)
            .map(|m| m.date);
        let status = if as_of < f.arrival {
            Status::NotStarted
        } else if breach.is_some() {
            Status::Breached
        } else if as_of >= end {
            Status::Fulfilled
        } else {
            Status::InForce
        };
        let mut mci = [0.0; 5];
        let mut kzt = [0.0; 5];
        for p in by_family.get(f.id.as_str()).into_iter().flatten() {
            if p.paid <= as_of && breach.is_none_or(|b| p.paid <= b) {
                mci[p.item] += p.mci;
                kzt[p.item] += p.kzt;
            }
        }
        let total: f64 = kzt.iter().sum();
        let owed = if status == Status::Breached { terms.repayment_share * total } else { 0.0 };
        let months = match status {
            Status::NotStarted => 0,
            Status::Breached => months_between(f.arrival, breach.expect("breached")),
            Status::Fulfilled => term,
            Status::InForce => months_between(f.arrival, as_of),
        };
        out.push(FamilyStatus {
            family: f.clone(),
            contract_end: end,
            status,
            breach_date: breach,
            mci,
            kzt,
            owed_kzt: owed,
            months,
            p_breach: None,
            expected_repayment_kzt: None,
        });
    }
    let obs: Vec<(u32, bool)> = out
        .iter()
        .filter(|s| s.status != Status::NotStarted)
        .map(|s| (s.months.max(1), s.status == Status::Breached))
        .collect();
    let retention = Retention::estimate(&obs, term);
    let s_end = retention.survival(term);
    for s in out.iter_mut().filter(|s| s.status == Status::InForce) {
        let s_now = retention.survival(s.months);
        let p = if s_now > 0.0 { (1.0 - s_end / s_now).clamp(0.0, 1.0) } else { 0.0 };
        s.p_breach = Some(p);
        s.expected_repayment_kzt = Some(p * terms.repayment_share * s.kzt.iter().sum::<f64>());
    }
    Ok((out, retention))
}

/// What `kvota contract` produced.
#[derive(Debug)]
pub struct ContractOutcome {
    pub files: Vec<PathBuf>,
    pub by_status: BTreeMap<String, u64>,
    pub owed_kzt: f64,
    pub expected_repayments_kzt: f64,
    pub retention_at_term: f64,
}

/// Reads the ledger, computes everything on `as_of`, writes `contract_status.parquet`,
/// `contract_regions.parquet`, `retention.parquet` and `manifest.json` (all or nothing).
pub fn run(
    families_path: &Path,
    payments_path: &Path,
    moves_path: Option<&Path>,
    params_dir: &Path,
    as_of: NaiveDate,
    out_dir: &Path,
) -> Result<ContractOutcome> {
    let params = Params::load(params_dir)?;
    let terms = Terms {
        years: params.number("kandas.social_contract_years", as_of)?.value as u32,
        repayment_share: params.number("kandas.repayment_share_on_breach", as_of)?.value,
    };
    let families = read_families(families_path)?;
    let payments = read_payments(payments_path, &params)?;
    let moves = match moves_path {
        Some(p) => read_moves(p)?,
        None => Vec::new(),
    };
    let (rows, retention) = ledger(&families, &payments, &moves, terms, as_of)?;
    let mut set = OutputSet::new(out_dir)?;
    let meta = vec![("as_of", as_of.to_string())];
    let p = set.stage_path("contract_status.parquet")?;
    status_table(&rows, as_of).write_parquet(&p, &meta)?;
    let p = set.stage_path("contract_regions.parquet")?;
    regions_table(&rows, as_of).write_parquet(&p, &meta)?;
    let p = set.stage_path("retention.parquet")?;
    retention_table(&retention).write_parquet(&p, &meta)?;
    let mut by_status: BTreeMap<String, u64> = BTreeMap::new();
    for r in &rows {
        *by_status.entry(r.status.code().to_string()).or_default() += 1;
    }
    let owed_kzt: f64 = rows.iter().map(|r| r.owed_kzt).sum();
    let expected: f64 = rows.iter().filter_map(|r| r.expected_repayment_kzt).sum();
    let at_term = retention.survival(terms.years * 12);
    let mut inputs = vec![families_path, payments_path];
    inputs.extend(moves_path);
    let inputs: Vec<serde_json::Value> = inputs
        .iter()
        .map(|p| Ok(serde_json::json!({"path": p.display().to_string(), "sha256": sha256_file(p)?})))
        .collect::<Result<_>>()?;
    let manifest = serde_json::json!({
        "tool": "kvota contract",
        "version": env!("CARGO_PKG_VERSION"),
        "as_of": as_of.to_string(),
        "terms": {"years": terms.years, "repayment_share": terms.repayment_share},
        "parameters": params.used(),
        "inputs": inputs,
        "families": rows.len(),
        "by_status": by_status,
        "owed_kzt": owed_kzt,
        "expected_repayments_kzt": expected,
        "retention_at_term": at_term,
        "personal_data": "pseudonymous family ids only; no names, document numbers or addresses are read or written",
    });
    let json = serde_json::to_string_pretty(&manifest).map_err(|e| Error::output("manifest.json", e))?;
    set.write_bytes("manifest.json", format!("{json}\n").as_bytes())?;
    let files = set.commit()?;
    Ok(ContractOutcome { files, by_status, owed_kzt, expected_repayments_kzt: expected, retention_at_term: at_term })
}

fn status_table(rows: &[FamilyStatus], as_of: NaiveDate) -> OutputTable {
    let mut t = OutputTable::new("contract_status")
        .col("family_id", ColumnData::Str(rows.iter().map(|r| r.family.id.clone()).collect()), "pseudonymous family id")
        .region_columns(rows.iter().map(|r| r.family.host))
        .col("as_of", ColumnData::Str(vec![as_of.to_string(); rows.len()]), "date of the status")
        .col(
            "arrival_date",
            ColumnData::Str(rows.iter().map(|r| r.family.arrival.to_string()).collect()),
            "arrival in the host region",
        )
        .col("members", ColumnData::Int(rows.iter().map(|r| r.family.members as i64).collect()), "family members")
        .col(
            "contract_end",
            ColumnData::Str(rows.iter().map(|r| r.contract_end.to_string()).collect()),
            "end of the contract term",
        )
        .col(
            "status",
            ColumnData::Str(rows.iter().map(|r| r.status.code().to_string()).collect()),
            "not_started, in_force, fulfilled or breached",
        )
        .col(
            "breach_date",
            ColumnData::OptStr(rows.iter().map(|r| r.breach_date.map(|d| d.to_string())).collect()),
            "date the family left the host region before the term ended",
        )
        .col(
            "months",
            ColumnData::Int(rows.iter().map(|r| r.months as i64).collect()),
            "whole months in the host region",
        );
    for (k, item) in ITEMS.iter().enumerate() {
        t = t
            .col(
                format!("{item}_mci"),
                ColumnData::Float(rows.iter().map(|r| r.mci[k]).collect()),
                format!("support received as {item}, MCI"),
            )
            .col(
                format!("{item}_kzt"),
                ColumnData::Float(rows.iter().map(|r| r.kzt[k]).collect()),
                format!("support received as {item}, tenge at the MCI of the year paid"),
            );
    }
    t.col(
        "support_kzt",
        ColumnData::Float(rows.iter().map(|r| r.kzt.iter().sum()).collect()),
        "all support received, tenge",
    )
    .col(
        "owed_kzt",
        ColumnData::Float(rows.iter().map(|r| r.owed_kzt).collect()),
        "repayment owed (breached only), tenge",
    )
    .col(
        "p_breach",
        ColumnData::OptFloat(rows.iter().map(|r| r.p_breach).collect()),
        "in force: probability of leaving before the term ends, from the retention curve",
    )
    .col(
        "expected_repayment_kzt",
        ColumnData::OptFloat(rows.iter().map(|r| r.expected_repayment_kzt).collect()),
        "in force: p_breach x repayment share x support received, tenge",
    )
}

fn regions_table(rows: &[FamilyStatus], as_of: NaiveDate) -> OutputTable {
    let mut m: BTreeMap<Region, [f64; 7]> = BTreeMap::new();
    for r in rows {
        let e = m.entry(r.family.host).or_default();
        e[0] += 1.0;
        match r.status {
            Status::InForce => e[1] += 1.0,
            Status::Fulfilled => e[2] += 1.0,
            Status::Breached => e[3] += 1.0,
            Status::NotStarted => {}
        }
        e[4] += r.kzt.iter().sum::<f64>();
        e[5] += r.owed_kzt;
        e[6] += r.expected_repayment_kzt.unwrap_or(0.0);
    }
    let v: Vec<(Region, [f64; 7])> = m.into_iter().collect();
    let int = |k: usize| ColumnData::Int(v.iter().map(|x| x.1[k] as i64).collect());
    let flt = |k: usize| ColumnData::Float(v.iter().map(|x| x.1[k]).collect());
    OutputTable::new("contract_regions")
        .region_columns(v.iter().map(|x| x.0))
        .col("as_of", ColumnData::Str(vec![as_of.to_string(); v.len()]), "date of the status")
        .col("families", int(0), "families with a contract in the region")
        .col("in_force", int(1), "contracts in force")
        .col("fulfilled", int(2), "contracts fulfilled")
        .col("breached", int(3), "contracts breached")
        .col("support_kzt", flt(4), "support received, tenge")
        .col("owed_kzt", flt(5), "repayments owed, tenge")
        .col("expected_repayments_kzt", flt(6), "expected repayments of contracts in force, tenge")
}

fn retention_table(r: &Retention) -> OutputTable {
    OutputTable::new("retention")
        .col("month", ColumnData::Int(r.curve.iter().map(|c| c.0 as i64).collect()), "months since arrival")
        .col("at_risk", ColumnData::Int(r.curve.iter().map(|c| c.1 as i64).collect()), "families observed that long")
        .col("left", ColumnData::Int(r.curve.iter().map(|c| c.2 as i64).collect()), "families that left in the month")
        .col(
            "retention",
            ColumnData::Float(r.curve.iter().map(|c| c.3).collect()),
            "Kaplan-Meier share still in the host region",
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn leaving_after_two_years_owes_everything_staying_five_owes_nothing() {
        let fam = |id: &str| Family { id: id.into(), arrival: d("2020-03-01"), host: Region::PAVLODAR, members: 4 };
        let families = vec![fam("a"), fam("b"), fam("c")];
        let pay = |f: &str, item: usize, paid: &str, mci: f64, rate: f64| Payment {
            family: f.into(),
            item,
            paid: d(paid),
            mci,
            kzt: mci * rate,
        };
        let payments = vec![
            pay("a", 0, "2020-03-05", 280.0, 2778.0),
            pay("a", 1, "2021-01-10", 30.0, 2917.0),
            pay("b", 0, "2020-03-05", 280.0, 2778.0),
            pay("c", 0, "2020-03-05", 280.0, 2778.0),
        ];
        let moves = vec![
            Move { family: "a".into(), date: d("2022-03-15"), to: Region::ASTANA },
            // Moving within the host region is not a breach.
            Move { family: "c".into(), date: d("2021-01-01"), to: Region::PAVLODAR },
        ];
        let terms = Terms { years: 5, repayment_share: 1.0 };
        let (rows, ret) = ledger(&families, &payments, &moves, terms, d("2025-06-01")).unwrap();
        assert_eq!(rows[0].status, Status::Breached);
        assert_eq!(rows[0].owed_kzt, 280.0 * 2778.0 + 30.0 * 2917.0);
        assert_eq!(rows[0].months, 24);
        assert_eq!(rows[1].status, Status::Fulfilled);
        assert_eq!(rows[1].owed_kzt, 0.0);
        assert_eq!(rows[2].status, Status::Fulfilled);
        assert_eq!(rows[1].contract_end, d("2025-03-01"));
        // One of three left in month 24: retention 2/3 from then on.
        assert!((ret.survival(24) - 2.0 / 3.0).abs() < 1e-12);
        assert!((ret.survival(23) - 1.0).abs() < 1e-12);
        // Before the end of the term the contract is in force and has an expected repayment.
        let (rows, _) = ledger(&families, &payments, &[], terms, d("2022-01-01")).unwrap();
        assert!(rows.iter().all(|r| r.status == Status::InForce));
    }
}
