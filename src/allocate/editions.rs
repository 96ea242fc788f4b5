//! Quota editions: the annual order and its in-year amendments, each an immutable version with
//! an id, a date, a legal basis and the changes it made. Amendments draw on the reserve (or
//! return to it) and may add to the ceiling (Kazakhstan raised the 2025 quota twice, 14,800 ->
//! 16,500 -> 19,400; domain.md §5). The law's conditions hold at every edition: no quota in a
//! cell that is not in shortage, seasonal workers only in agriculture, no negative quota, no
//! overdrawn reserve.

use std::collections::{BTreeMap, BTreeSet};

use crate::codes::{OkedSection, Region, WorkerCategory};
use crate::error::{Error, Msg, Result};

pub type Key = (Region, OkedSection, WorkerCategory);

/// One change of an amendment.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeSpec {
    pub region: Region,
    pub section: OkedSection,
    pub category: WorkerCategory,
    /// Permits added (positive, from the reserve) or withdrawn (negative, back to the reserve).
    pub delta: i64,
    pub reason: String,
}

/// An in-year amendment as the scenario states it.
#[derive(Debug, Clone, PartialEq)]
pub struct AmendmentSpec {
    pub id: String,
    /// ISO date `YYYY-MM-DD`.
    pub date: String,
    pub legal_basis: String,
    /// Permits added to the ceiling (and so to the reserve) by this amendment.
    pub reserve_added: u64,
    pub changes: Vec<ChangeSpec>,
}

/// Metadata of the annual order (edition 0).
#[derive(Debug, Clone, PartialEq)]
pub struct OrderSpec {
    pub id: String,
    pub date: Option<String>,
    pub legal_basis: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppliedChange {
    pub key: Key,
    pub delta: i64,
    pub before: u64,
    pub after: u64,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Edition {
    /// 0 for the annual order, then 1, 2, ... in date order.
    pub seq: u32,
    pub id: String,
    pub date: Option<String>,
    pub legal_basis: String,
    pub ceiling: u64,
    pub reserve: u64,
    pub distributed: u64,
    pub changes: Vec<AppliedChange>,
    /// The quota of every key as of this edition.
    pub quota: BTreeMap<Key, u64>,
}

/// An edition without its quota table, for the manifest.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct EditionInfo {
    pub id: String,
    pub date: Option<String>,
    pub legal_basis: String,
    pub ceiling: u64,
    pub reserve: u64,
    pub distributed: u64,
    /// Number of changes.
    pub changes: usize,
}

impl From<&Edition> for EditionInfo {
    fn from(e: &Edition) -> Self {
        EditionInfo {
            id: e.id.clone(),
            date: e.date.clone(),
            legal_basis: e.legal_basis.clone(),
            ceiling: e.ceiling,
            reserve: e.reserve,
            distributed: e.distributed,
            changes: e.changes.len(),
        }
    }
}

/// Builds the editions: the order, then each amendment applied in turn. `shortage` holds the
/// cells rated in shortage; an amendment that adds permits elsewhere is refused.
pub fn build(
    order: &OrderSpec,
    order_quota: BTreeMap<Key, u64>,
    ceiling: u64,
    reserve: u64,
    amendments: &[AmendmentSpec],
    shortage: &BTreeSet<(Region, OkedSection)>,
) -> Result<Vec<Edition>> {
    let distributed = order_quota.values().sum();
    let mut editions = vec![Edition {
        seq: 0,
        id: order.id.clone(),
        date: order.date.clone(),
        legal_basis: order.legal_basis.clone(),
        ceiling,
        reserve,
        distributed,
        changes: Vec::new(),
        quota: order_quota,
    }];
    let mut ids: BTreeSet<&str> = [order.id.as_str()].into_iter().collect();
    for a in amendments {
        let prev = editions.last().expect("the order");
        let what = |m: Msg| Error::Infeasible { constraint: format!("foreign.amendments `{}`", a.id), message: m };
        if !ids.insert(a.id.as_str()) {
            return Err(what(Msg::new("ed-id-used")));
        }
        if let Some(d) = &prev.date
            && a.date < *d
        {
            return Err(what(Msg::new("ed-dated-before").arg("date", &a.date).arg("previous", d)));
        }
        let mut quota = prev.quota.clone();
        let mut reserve = prev.reserve + a.reserve_added;
        let mut applied = Vec::new();
        let mut touched: BTreeSet<Key> = BTreeSet::new();
        for c in &a.changes {
            let key = (c.region, c.section, c.category);
            if !touched.insert(key) {
                return Err(what(
                    Msg::new("ed-twice").arg("key", format!("{}, {}, {}", c.region, c.section.code(), c.category)),
                ));
            }
            if c.category == WorkerCategory::Seasonal && c.section.code() != "A" {
                return Err(what(Msg::new("ed-seasonal").arg("section", c.section.code())));
            }
            if c.delta > 0 && !shortage.contains(&(c.region, c.section)) {
                return Err(what(
                    Msg::new("ed-not-shortage")
                        .arg("delta", c.delta)
                        .arg("cell", format!("{} x {}", c.region, c.section.code())),
                ));
            }
            let before = quota.get(&key).copied().unwrap_or(0);
            let after = before as i64 + c.delta;
            if after < 0 {
                return Err(what(
                    Msg::new("ed-withdraws")
                        .arg("delta", -c.delta)
                        .arg("key", format!("{}, {}, {}", c.region, c.section.code(), c.category))
                        .arg("before", before),
                ));
            }
            if c.delta > 0 {
                if c.delta as u64 > reserve {
                    return Err(what(
                        Msg::new("ed-reserve")
                            .arg("delta", c.delta)
                            .arg("key", format!("{}, {}, {}", c.region, c.section.code(), c.category))
                            .arg("reserve", reserve),
                    ));
                }
                reserve -= c.delta as u64;
            } else {
                reserve += (-c.delta) as u64;
            }
            quota.insert(key, after as u64);
            applied.push(AppliedChange { key, delta: c.delta, before, after: after as u64, reason: c.reason.clone() });
        }
        let distributed = quota.values().sum();
        editions.push(Edition {
            seq: prev.seq + 1,
            id: a.id.clone(),
            date: Some(a.date.clone()),
            legal_basis: a.legal_basis.clone(),
            ceiling: prev.ceiling + a.reserve_added,
            reserve,
            distributed,
            changes: applied,
            quota,
        });
    }
    Ok(editions)
}

/// A row of the final edition: the order's row with the amendments applied.
#[derive(Debug, Clone)]
pub struct FinalRow {
    pub row: crate::allocate::foreign::QuotaCell,
    /// Quota in the annual order.
    pub order_quota: u64,
}

/// The rows of the last edition: the order's rows, amended quotas, and rows the amendments
/// created (a category a cell did not have in the order).
pub fn final_rows(order: &[crate::allocate::foreign::QuotaCell], last: &Edition, eds: &[Edition]) -> Vec<FinalRow> {
    let mut changes: BTreeMap<Key, Vec<(&str, &AppliedChange)>> = BTreeMap::new();
    for e in eds.iter().skip(1) {
        for c in &e.changes {
            changes.entry(c.key).or_default().push((e.id.as_str(), c));
        }
    }
    let note = |key: &Key| -> Vec<crate::allocate::foreign::WhyAmended> {
        changes.get(key).map_or(Vec::new(), |v| {
            v.iter()
                .map(|(id, c)| crate::allocate::foreign::WhyAmended {
                    edition: id.to_string(),
                    delta: c.delta,
                    reason: c.reason.clone(),
                })
                .collect()
        })
    };
    let mut out: Vec<FinalRow> = order
        .iter()
        .map(|r| {
            let key = (r.region, r.section, r.category);
            let mut row = r.clone();
            row.quota = last.quota.get(&key).copied().unwrap_or(r.quota);
            row.why.amendments.extend(note(&key));
            FinalRow { row, order_quota: r.quota }
        })
        .collect();
    let known: std::collections::BTreeSet<Key> = order.iter().map(|r| (r.region, r.section, r.category)).collect();
    for (key, q) in &last.quota {
        if known.contains(key) {
            continue;
        }
        let template = order.iter().find(|r| r.region == key.0 && r.section == key.1);
        let row = crate::allocate::foreign::QuotaCell {
            region: key.0,
            section: key.1,
            category: key.2,
            quota: *q,
            cell_quota: template.map_or(0, |t| t.cell_quota),
            cell_demand: template.map_or(0, |t| t.cell_demand),
            gap: template.map_or(0, |t| t.gap),
            requested: None,
            severity: template.map_or(0.0, |t| t.severity),
            binding: "amendment".into(),
            shadow_price: None,
            tie_broken: false,
            local_content: None,
            why: crate::allocate::foreign::Why {
                basis: crate::allocate::foreign::WhyBasis::NotInOrder,
                local_content_allows: None,
                decided: crate::allocate::foreign::WhyDecided::Other("amendment".into()),
                amendments: note(key),
            },
        };
        out.push(FinalRow { row, order_quota: 0 });
    }
    out
}

/// The editions of a run: the order (from the allocation's rows and totals) and the amendments
/// the planner's choices make, which may only add to shortage cells with a gap.
pub fn build_from_rows(
    choices: &crate::allocate::foreign::Choices,
    order_rows: &[crate::allocate::foreign::QuotaCell],
    fsum: &crate::allocate::foreign::ForeignSummary,
    demands: &[crate::allocate::foreign::CellDemand],
) -> Result<Vec<Edition>> {
    let in_shortage: BTreeSet<(Region, OkedSection)> =
        demands.iter().filter(|d| d.in_shortage && d.gap > 0).map(|d| (d.region, d.section)).collect();
    let order_quota: BTreeMap<Key, u64> =
        order_rows.iter().map(|r| ((r.region, r.section, r.category), r.quota)).collect();
    build(&choices.order, order_quota, fsum.ceiling, fsum.reserve, &choices.amendments, &in_shortage)
}

/// Permits issued against the last edition: warnings for rows issued above their quota, and
/// the total issued with its share of the distributed quota.
pub fn utilisation(
    issued: &crate::ingest::requests::IssuedPermits,
    last: &Edition,
    warnings: &mut Vec<crate::warning::Warning>,
) -> (u64, f64) {
    for (k, v) in &issued.issued {
        if last.quota.get(k).copied().unwrap_or(0) < *v {
            warnings.push(crate::warning::Warning::IssuedAboveQuota {
                file: issued.path.clone(),
                region: k.0.to_string(),
                section: k.1.code().to_string(),
                category: k.2.to_string(),
                issued: *v,
                quota: last.quota.get(k).copied().unwrap_or(0),
            });
        }
    }
    let total: u64 = issued.issued.values().sum();
    (total, if last.distributed > 0 { total as f64 / last.distributed as f64 } else { 0.0 })
}

/// The quota of the last edition by region and worker category, every region and category
/// present (0 where none): the order's Annex 1.
pub fn by_region_category(rows: &[FinalRow]) -> BTreeMap<(crate::codes::Region, crate::codes::WorkerCategory), u64> {
    let mut m: BTreeMap<_, u64> = crate::codes::Region::all()
        .flat_map(|r| crate::codes::WorkerCategory::ALL.into_iter().map(move |c| ((r, c), 0)))
        .collect();
    for x in rows {
        *m.entry((x.row.region, x.row.category)).or_default() += x.row.quota;
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sec(c: char) -> OkedSection {
        OkedSection::from_letter(c).unwrap()
    }

    fn change(r: Region, s: char, c: WorkerCategory, delta: i64) -> ChangeSpec {
        ChangeSpec { region: r, section: sec(s), category: c, delta, reason: "test".into() }
    }

    fn amendment(id: &str, date: &str, added: u64, changes: Vec<ChangeSpec>) -> AmendmentSpec {
        AmendmentSpec { id: id.into(), date: date.into(), legal_basis: "order".into(), reserve_added: added, changes }
    }

    #[test]
    fn amendments_draw_on_the_reserve_and_keep_the_law() {
        let order = OrderSpec { id: "2026".into(), date: Some("2025-12-12".into()), legal_basis: "MLSPP".into() };
        let q: BTreeMap<Key, u64> = [((Region::ATYRAU, sec('F'), WorkerCategory::Cat3), 100)].into_iter().collect();
        let shortage: BTreeSet<(Region, OkedSection)> = [(Region::ATYRAU, sec('F'))].into_iter().collect();
        let a1 = amendment("A1", "2026-03-01", 0, vec![change(Region::ATYRAU, 'F', WorkerCategory::Cat3, 30)]);
        let a2 = amendment("A2", "2026-06-01", 50, vec![change(Region::ATYRAU, 'F', WorkerCategory::Cat4, 60)]);
        let e = build(&order, q.clone(), 200, 40, &[a1.clone(), a2], &shortage).unwrap();
        assert_eq!(e.len(), 3);
        assert_eq!((e[1].reserve, e[1].distributed), (10, 130));
        assert_eq!((e[2].ceiling, e[2].reserve, e[2].distributed), (250, 0, 190));
        assert_eq!(e[2].changes[0].before, 0);
        for ed in &e {
            assert_eq!(ed.distributed + ed.reserve, ed.ceiling - 60, "{}", ed.id);
        }
        // Overdrawn reserve, non-shortage cell, negative quota, seasonal outside A: refused.
        let over = amendment("X", "2026-03-01", 0, vec![change(Region::ATYRAU, 'F', WorkerCategory::Cat3, 41)]);
        let e = build(&order, q.clone(), 200, 40, &[over], &shortage).unwrap_err().to_string();
        assert!(e.contains("`X`") && e.contains("reserve has 40"), "{e}");
        let elsewhere = amendment("Y", "2026-03-01", 0, vec![change(Region::ASTANA, 'G', WorkerCategory::Cat3, 1)]);
        let e = build(&order, q.clone(), 200, 40, &[elsewhere], &shortage).unwrap_err().to_string();
        assert!(e.contains("not rated in shortage"), "{e}");
        let neg = amendment("Z", "2026-03-01", 0, vec![change(Region::ATYRAU, 'F', WorkerCategory::Cat3, -101)]);
        assert!(build(&order, q.clone(), 200, 40, &[neg], &shortage).is_err());
        let seasonal = amendment("S", "2026-03-01", 0, vec![change(Region::ATYRAU, 'F', WorkerCategory::Seasonal, 1)]);
        assert!(
            build(&order, q.clone(), 200, 40, &[seasonal], &shortage).unwrap_err().to_string().contains("section A")
        );
        let early = amendment("E", "2025-01-01", 0, vec![]);
        assert!(build(&order, q, 200, 40, &[early], &shortage).unwrap_err().to_string().contains("before"));
    }
}
