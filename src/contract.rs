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

use chrono::{Months, NaiveDate};

use crate::error::{Error, Msg, Result};
use crate::ingest::people::{Family, Move, Payment};

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
        return Err(Error::Inconsistent(Msg::new("err-payment-family").arg("family", &p.family)));
    }
    if let Some(m) = moves.iter().find(|m| !known.contains(m.family.as_str())) {
        return Err(Error::Inconsistent(Msg::new("err-move-family").arg("family", &m.family)));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::Region;

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
