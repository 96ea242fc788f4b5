//! The run held against what was decided: the published ceiling, the distributed total, the
//! category split, the regional quotas an order itemises, the sector mix of foreign workers on
//! permits and the kandas regional quota. Each distribution gets the Duncan dissimilarity index
//! D = ½ Σ |k_i − p_i| over shares (0: the same mix; 1: no overlap); a figure kvota took from the
//! same publication is marked `calibrated`, since then agreement proves nothing. Method:
//! `docs/methods.md` §12.

use std::collections::BTreeMap;

use crate::codes::{OkedSection, Region};
use crate::ingest::reference::{PublishedQuota, PublishedRegions, StockSnapshot};

/// Measures a scenario may declare calibrated (its inputs were set from the published figure).
pub const CALIBRATABLE: [&str; 6] = ["distributed", "category", "region", "section", "kandas_total", "kandas_regions"];

/// kvota's side of the comparison.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    pub year: i32,
    pub ceiling_pct: f64,
    /// Whether the ceiling is the legal one (not a scenario override).
    pub ceiling_is_legal: bool,
    pub distributed: u64,
    /// Persons by category code (`1`..`4`, `seasonal`).
    pub by_category: BTreeMap<String, u64>,
    pub by_region: BTreeMap<Region, u64>,
    pub by_section: BTreeMap<OkedSection, u64>,
    pub kandas_by_region: BTreeMap<Region, u64>,
    /// The year of the order whose shares split kvota's kandas quota (`None`: split by shortage).
    pub kandas_split_by_order: Option<i32>,
    /// Persons by region of the split by shortage, when it is not the quota (and is defined).
    pub kandas_by_region_shortage: Option<BTreeMap<Region, u64>>,
}

/// A published table of counts with its source.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedCounts<K> {
    pub counts: BTreeMap<K, f64>,
    pub source: String,
}

/// What was published for the target year.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Published {
    pub quota: Option<PublishedQuota>,
    /// The order's split by category, when an order of the target year is in the parameters.
    pub order: Option<PublishedCounts<String>>,
    pub regions: Option<PublishedRegions>,
    /// The latest stock of foreign workers on permits by section before the target year.
    pub stock: Option<StockSnapshot>,
    /// The kandas regional quota of the target year.
    pub kandas: Option<PublishedCounts<Region>>,
}

/// One comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct RealityRow {
    pub year: i32,
    pub measure: String,
    /// The part of the measure (`all` for the total of a distribution or a single figure).
    pub item: String,
    pub kvota: f64,
    pub published: f64,
    pub difference: f64,
    pub kvota_share: Option<f64>,
    pub published_share: Option<f64>,
    /// Duncan index of the measure (on its `all` row).
    pub distance: Option<f64>,
    pub calibrated: bool,
    pub basis: String,
    pub note: RealityNote,
}

/// Why the categories' agreement proves nothing, if it does not.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CategoriesCaveat {
    None,
    OrderShares,
    Calibrated,
}

/// What a comparison does and does not show, as facts: [`std::fmt::Display`] is the English of
/// `reality.note`, [`RealityNote::text`] the same in the language of a catalogue.
#[derive(Debug, Clone, PartialEq)]
pub enum RealityNote {
    Empty,
    CeilingLegal,
    CeilingOverridden,
    Distributed,
    Categories {
        list: String,
        caveat: CategoriesCaveat,
    },
    Regions {
        itemised: usize,
        total: f64,
    },
    Stock {
        date: String,
    },
    KandasPersons {
        calibrated: bool,
        /// kvota split its quota by the shares of the order of this year.
        split_by_order: Option<i32>,
    },
    /// The split by shortage beside a quota split by the previous order.
    KandasByShortage,
    /// kvota's side is empty: the mix is undefined (then the note of the measure).
    Undefined(Box<RealityNote>),
}

impl RealityNote {
    pub fn text(&self, t: &crate::i18n::Texts) -> String {
        match self {
            RealityNote::Empty => String::new(),
            RealityNote::CeilingLegal => t.t("rn-ceiling-legal"),
            RealityNote::CeilingOverridden => t.t("rn-ceiling-overridden"),
            RealityNote::Distributed => t.t("rn-distributed"),
            RealityNote::Categories { list, caveat } => {
                let base = t.fs("rn-categories", &[("list", list.clone())]);
                match caveat {
                    CategoriesCaveat::None => base,
                    CategoriesCaveat::OrderShares => format!("{base}; {}", t.t("rn-categories-order-shares")),
                    CategoriesCaveat::Calibrated => format!("{base}; {}", t.t("rn-categories-calibrated")),
                }
            }
            RealityNote::Regions { itemised, total } => {
                t.fs("rn-regions", &[("n", itemised.to_string()), ("total", total.to_string())])
            }
            RealityNote::Stock { date } => t.fs("rn-stock", &[("date", date.clone())]),
            RealityNote::KandasPersons { calibrated, split_by_order } => {
                let base = if *calibrated { t.t("rn-kandas-calibrated") } else { t.t("rn-kandas") };
                match split_by_order {
                    Some(year) => format!("{base}; {}", t.fs("rn-kandas-by-order", &[("year", year.to_string())])),
                    None => base,
                }
            }
            RealityNote::KandasByShortage => t.t("rn-kandas-by-shortage"),
            RealityNote::Undefined(inner) => format!("{} {}", t.t("rn-undefined"), inner.text(t)),
        }
    }
}

impl std::fmt::Display for RealityNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(crate::i18n::Lang::En.texts()))
    }
}

/// The Duncan dissimilarity index of two count vectors over the same items: half the sum of
/// the absolute differences of their shares. None when either side is all zero.
pub fn duncan(a: &[f64], b: &[f64]) -> Option<f64> {
    let (sa, sb) = (a.iter().sum::<f64>(), b.iter().sum::<f64>());
    if sa <= 0.0 || sb <= 0.0 || a.len() != b.len() {
        return None;
    }
    Some(0.5 * a.iter().zip(b).map(|(x, y)| (x / sa - y / sb).abs()).sum::<f64>())
}

struct Dist<'a> {
    measure: &'a str,
    items: Vec<(String, f64, f64)>,
    calibrated_items: bool,
    calibrated_total: bool,
    basis: &'a str,
    note: RealityNote,
}

fn distribution(year: i32, d: Dist) -> Vec<RealityRow> {
    let k: Vec<f64> = d.items.iter().map(|i| i.1).collect();
    let p: Vec<f64> = d.items.iter().map(|i| i.2).collect();
    let (sk, sp) = (k.iter().sum::<f64>(), p.iter().sum::<f64>());
    let distance = duncan(&k, &p);
    let mut rows = vec![RealityRow {
        year,
        measure: d.measure.into(),
        item: "all".into(),
        kvota: sk,
        published: sp,
        difference: sk - sp,
        kvota_share: None,
        published_share: None,
        distance,
        calibrated: d.calibrated_total,
        basis: d.basis.into(),
        note: if sk <= 0.0 { RealityNote::Undefined(Box::new(d.note.clone())) } else { d.note.clone() },
    }];
    for (name, kv, pv) in d.items {
        rows.push(RealityRow {
            year,
            measure: d.measure.into(),
            item: name,
            kvota: kv,
            published: pv,
            difference: kv - pv,
            kvota_share: (sk > 0.0).then(|| kv / sk),
            published_share: (sp > 0.0).then(|| pv / sp),
            distance: None,
            calibrated: d.calibrated_items,
            basis: d.basis.into(),
            note: RealityNote::Empty,
        });
    }
    rows
}

fn scalar(
    year: i32,
    measure: &str,
    kvota: f64,
    published: f64,
    calibrated: bool,
    basis: &str,
    note: RealityNote,
) -> RealityRow {
    RealityRow {
        year,
        measure: measure.into(),
        item: "all".into(),
        kvota,
        published,
        difference: kvota - published,
        kvota_share: None,
        published_share: None,
        distance: None,
        calibrated,
        basis: basis.into(),
        note,
    }
}

/// Compares `k` with `p`; `calibrated` names the measures the scenario set from the published
/// figures (see [`CALIBRATABLE`]); `order_is_target_year` says whether the category shares kvota
/// used are the target year's own order.
pub fn compare(k: &Figures, p: &Published, calibrated: &[String], order_shares_used: bool) -> Vec<RealityRow> {
    let y = k.year;
    let cal = |m: &str| calibrated.iter().any(|c| c == m);
    let mut rows = Vec::new();
    if let Some(q) = &p.quota
        && let Some(pct) = q.ceiling_pct
    {
        rows.push(scalar(
            y,
            "ceiling_pct",
            k.ceiling_pct,
            pct,
            k.ceiling_is_legal,
            &q.source,
            if k.ceiling_is_legal { RealityNote::CeilingLegal } else { RealityNote::CeilingOverridden },
        ));
    }
    let order_total = p.order.as_ref().filter(|o| o.counts.contains_key("seasonal")).map(|o| o.counts.values().sum());
    let published_total = p
        .quota
        .as_ref()
        .and_then(|q| q.persons)
        .map(|v| (v, q_source(p)))
        .or_else(|| order_total.map(|t| (t, p.order.as_ref().map(|o| o.source.clone()).unwrap_or_default())));
    if let Some((total, source)) = published_total {
        rows.push(scalar(
            y,
            "distributed",
            k.distributed as f64,
            total,
            cal("distributed"),
            &source,
            RealityNote::Distributed,
        ));
    }
    if let Some(o) = &p.order {
        let items =
            o.counts.iter().map(|(c, v)| (c.clone(), k.by_category.get(c).copied().unwrap_or(0) as f64, *v)).collect();
        rows.extend(distribution(
            y,
            Dist {
                measure: "category",
                items,
                calibrated_items: order_shares_used || cal("category"),
                calibrated_total: cal("distributed"),
                basis: &o.source,
                note: RealityNote::Categories {
                    list: o.counts.keys().cloned().collect::<Vec<_>>().join(", "),
                    caveat: if order_shares_used {
                        CategoriesCaveat::OrderShares
                    } else if cal("category") {
                        CategoriesCaveat::Calibrated
                    } else {
                        CategoriesCaveat::None
                    },
                },
            },
        ));
    }
    if let Some(r) = &p.regions {
        let mut items: Vec<(String, f64, f64)> = r
            .regions
            .iter()
            .map(|(reg, v)| (reg.iso().to_string(), k.by_region.get(reg).copied().unwrap_or(0) as f64, *v))
            .collect();
        let named_k: f64 = items.iter().map(|i| i.1).sum();
        let named_p: f64 = items.iter().map(|i| i.2).sum();
        items.push(("other".into(), k.distributed as f64 - named_k, (r.total - named_p).max(0.0)));
        rows.extend(distribution(
            y,
            Dist {
                measure: "region",
                items,
                calibrated_items: cal("region"),
                calibrated_total: cal("distributed"),
                basis: &r.source,
                note: RealityNote::Regions { itemised: r.regions.len(), total: r.total },
            },
        ));
    }
    if let Some(s) = &p.stock {
        let mut items: Vec<(String, f64, f64)> = s
            .sections
            .iter()
            .map(|(sec, v)| (sec.code().to_string(), k.by_section.get(sec).copied().unwrap_or(0) as f64, *v))
            .collect();
        let named_k: f64 = items.iter().map(|i| i.1).sum();
        let named_p: f64 = items.iter().map(|i| i.2).sum();
        items.push(("other".into(), k.distributed as f64 - named_k, (s.total - named_p).max(0.0)));
        rows.extend(distribution(
            y,
            Dist {
                measure: "section",
                items,
                calibrated_items: cal("section"),
                calibrated_total: false,
                basis: &s.source,
                note: RealityNote::Stock { date: s.date.to_string() },
            },
        ));
    }
    if let Some(kq) = &p.kandas {
        let items = |quota: &BTreeMap<Region, u64>| -> Vec<(String, f64, f64)> {
            let regions: std::collections::BTreeSet<Region> = kq.counts.keys().chain(quota.keys()).copied().collect();
            regions
                .into_iter()
                .map(|r| {
                    let v = quota.get(&r).copied().unwrap_or(0) as f64;
                    (r.iso().to_string(), v, kq.counts.get(&r).copied().unwrap_or(0.0))
                })
                .collect()
        };
        rows.extend(distribution(
            y,
            Dist {
                measure: "kandas_region",
                items: items(&k.kandas_by_region),
                calibrated_items: cal("kandas_regions"),
                calibrated_total: cal("kandas_total"),
                basis: &kq.source,
                note: RealityNote::KandasPersons {
                    calibrated: cal("kandas_total"),
                    split_by_order: k.kandas_split_by_order,
                },
            },
        ));
        // The labour model's split, when it stands beside a quota split by the previous order.
        if let Some(by_shortage) = &k.kandas_by_region_shortage {
            rows.extend(distribution(
                y,
                Dist {
                    measure: "kandas_region_shortage",
                    items: items(by_shortage),
                    calibrated_items: cal("kandas_regions"),
                    calibrated_total: cal("kandas_total"),
                    basis: &kq.source,
                    note: RealityNote::KandasByShortage,
                },
            ));
        }
    }
    rows
}

fn q_source(p: &Published) -> String {
    p.quota.as_ref().map(|q| q.source.clone()).unwrap_or_default()
}

/// The distances of a comparison, one per distribution measure: (measure, distance, calibrated).
pub fn distances(rows: &[RealityRow]) -> Vec<(String, Option<f64>, bool)> {
    rows.iter()
        .filter(|r| {
            r.item == "all" && r.kvota_share.is_none() && rows.iter().any(|x| x.measure == r.measure && x.item != "all")
        })
        .map(|r| {
            (
                r.measure.clone(),
                r.distance,
                rows.iter().any(|x| x.measure == r.measure && x.item != "all" && x.calibrated),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every note reads as before in English and is translated in Kazakh and Russian.
    #[test]
    fn notes_in_three_languages() {
        use crate::i18n::Lang;
        let all = [
            (RealityNote::CeilingLegal, "kvota's ceiling is the legal parameter, the published figure itself"),
            (RealityNote::CeilingOverridden, "the scenario overrides the legal ceiling"),
            (
                RealityNote::Categories { list: "1, 2, 3, 4, seasonal".into(), caveat: CategoriesCaveat::Calibrated },
                "over the categories the order itemises (1, 2, 3, 4, seasonal); the requests are calibrated to this \
                 order's category totals, so agreement proves nothing",
            ),
            (
                RealityNote::Regions { itemised: 6, total: 18146.0 },
                "the order's first edition itemises 6 regions in the source; the rest of its 18146 persons are 'other'",
            ),
            (
                RealityNote::Undefined(Box::new(RealityNote::KandasPersons {
                    calibrated: false,
                    split_by_order: None,
                })),
                "kvota gives none, so the mix is undefined. persons",
            ),
        ];
        for (note, english) in &all {
            assert_eq!(note.to_string(), *english);
            for lang in [Lang::Kk, Lang::Ru] {
                let text = note.text(lang.texts());
                assert_ne!(&text, english);
                assert!(text.chars().any(|c| ('а'..='я').contains(&c)), "{lang:?}: {text}");
            }
        }
        assert_eq!(RealityNote::Empty.text(Lang::Kk.texts()), "");
    }

    #[test]
    fn duncan_is_half_the_share_differences() {
        assert_eq!(duncan(&[1.0, 1.0], &[2.0, 2.0]), Some(0.0));
        assert_eq!(duncan(&[1.0, 0.0], &[0.0, 5.0]), Some(1.0));
        // shares .5/.5 vs .25/.75 -> 0.25
        assert!((duncan(&[2.0, 2.0], &[1.0, 3.0]).unwrap() - 0.25).abs() < 1e-12);
        assert_eq!(duncan(&[0.0, 0.0], &[1.0, 1.0]), None);
    }

    #[test]
    fn regions_not_itemised_become_other_and_calibration_is_said() {
        let atyrau: Region = "KZ-23".parse().unwrap();
        let astana: Region = "KZ-71".parse().unwrap();
        let k = Figures {
            year: 2025,
            distributed: 100,
            by_region: [(atyrau, 10), (astana, 40)].into(),
            by_category: [("1".to_string(), 10), ("seasonal".to_string(), 0)].into(),
            ..Figures::default()
        };
        let p = Published {
            regions: Some(PublishedRegions {
                year: 2025,
                total: 200.0,
                regions: [(atyrau, 50.0), (astana, 50.0)].into(),
                source: "s".into(),
            }),
            order: Some(PublishedCounts {
                counts: [("1".to_string(), 5.0), ("seasonal".to_string(), 5.0)].into(),
                source: "o".into(),
            }),
            ..Published::default()
        };
        let rows = compare(&k, &p, &[], true);
        let other = rows.iter().find(|r| r.measure == "region" && r.item == "other").unwrap();
        assert_eq!((other.kvota, other.published), (50.0, 100.0));
        // kvota .1/.4/.5 vs published .25/.25/.5 -> D = 0.15
        let all = rows.iter().find(|r| r.measure == "region" && r.item == "all").unwrap();
        assert!((all.distance.unwrap() - 0.15).abs() < 1e-12);
        let cat = rows.iter().find(|r| r.measure == "category" && r.item == "1").unwrap();
        assert!(cat.calibrated);
        // the order with seasonal gives the published total when the annual table has none
        let d = rows.iter().find(|r| r.measure == "distributed").unwrap();
        assert_eq!((d.kvota, d.published, d.calibrated), (100.0, 10.0, false));
        let ds = distances(&rows);
        assert_eq!(ds.len(), 2);
        assert!(ds.iter().any(|(m, _, c)| m == "category" && *c));
    }
}
