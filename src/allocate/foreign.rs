//! The foreign-labour quota as the law builds it.
//!
//! 1. **Ceiling** = the percentage of the labour force in force for the target year; a
//!    **reserve** share is held back for in-year amendments; the rest is distributable.
//! 2. **Justified demand** per region x section cell = min(employer requests, if a requests
//!    table is given; the shortage gap), and zero where the cell is not rated in shortage.
//!    Requests that would break the local-content condition (citizens >= 70 % of the staff in
//!    categories 1-2, >= 90 % in 3-4) are not justified beyond it. Intra-corporate transfers
//!    are outside the quota: they are counted and checked (<= 50 % of the citizen staff), not
//!    allocated.
//! 3. **Cell quotas**: either *proportional* — the distributable total (or the whole justified
//!    demand, if smaller) apportioned over cells in proportion to justified demand with an exact
//!    apportionment method, each cell capped at its demand and local-content limit — or *LP* —
//!    maximise shortage-severity-weighted permits subject to the ceiling, regional absorption
//!    capacities, section floors and caps and the same cell caps, with binding constraints and
//!    shadow prices reported (see `kvota_apportion::lp`).
//! 4. **Categories**: with requests, each cell's quota is apportioned over the categories its
//!    employers asked for (never above the justified request); without, the cells x categories
//!    matrix is a biproportional apportionment that meets the national category totals of the
//!    order in force exactly, seasonal workers only in the sections the law admits them to
//!    (`foreign_labour.seasonal_sections`: agriculture).
//!
//! Every row carries the constraint that bound it and a sentence generated from the numbers.

use std::collections::BTreeMap;

use crate::allocate::apportion::biproportional::biproportional;
use crate::allocate::apportion::{self, lp};
use crate::allocate::{apportion_counts, tied_units};
use crate::codes::{OkedSection, Region, WorkerCategory};
use crate::error::{Error, Msg, Result};
use crate::ingest::requests::EmployerRequests;

/// Categories 1-4, in order; seasonal is handled separately.
pub const QUOTA_CATEGORIES: [WorkerCategory; 4] =
    [WorkerCategory::Cat1, WorkerCategory::Cat2, WorkerCategory::Cat3, WorkerCategory::Cat4];

/// Index of a category in `[1, 2, 3, 4, seasonal]`.
fn cat_index(c: WorkerCategory) -> usize {
    WorkerCategory::ALL.iter().position(|x| *x == c).expect("known category")
}

/// The shortage outlook of one cell, as the allocation needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct CellDemand {
    pub region: Region,
    pub section: OkedSection,
    /// Whole persons of positive gap (0 unless the cell is rated in shortage).
    pub gap: u64,
    pub in_shortage: bool,
    /// Objective weight per permit in the LP: the gap per employed person.
    pub severity: f64,
    /// Forecast employment: the upper bound on the citizen staff when no staff figures are given.
    pub employed: f64,
}

/// How cell quotas are computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AllocationMethod {
    /// In proportion to justified demand, rounded with the given apportionment method.
    Proportional(apportion::Method),
    /// Linear programme with constraints and shadow prices.
    Lp,
}

impl AllocationMethod {
    pub fn name(self) -> String {
        match self {
            AllocationMethod::Proportional(m) => format!("proportional ({})", method_name(m)),
            AllocationMethod::Lp => "lp".into(),
        }
    }
}

/// Name of an apportionment method as the CLI and scenarios spell it.
pub fn method_name(m: apportion::Method) -> &'static str {
    match m {
        apportion::Method::Hamilton => "hamilton",
        apportion::Method::Jefferson => "dhondt",
        apportion::Method::Webster { first_divisor: None } => "sainte-lague",
        apportion::Method::Webster { first_divisor: Some(_) } => "sainte-lague (modified first divisor)",
        apportion::Method::HuntingtonHill => "huntington-hill",
        apportion::Method::Adams => "adams",
        apportion::Method::Dean => "dean",
        apportion::Method::Quota => "quota",
    }
}

/// Constraints a planner may set (LP method only).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Constraints {
    /// Absorption capacity: most foreign workers a region can take (persons).
    pub region_capacity: BTreeMap<Region, u64>,
    pub section_floor: BTreeMap<OkedSection, u64>,
    pub section_cap: BTreeMap<OkedSection, u64>,
    /// Each shortage cell gets at least this share of its (capped) justified demand.
    pub min_coverage: f64,
}

impl Constraints {
    pub fn is_empty(&self) -> bool {
        self.region_capacity.is_empty()
            && self.section_floor.is_empty()
            && self.section_cap.is_empty()
            && self.min_coverage == 0.0
    }
}

/// The planner's choices for the foreign-labour quota (resolved from the scenario).
#[derive(Debug, Clone, PartialEq)]
pub struct Choices {
    /// Share of the ceiling held back for in-year amendments.
    pub reserve_share: f64,
    /// Replaces the legal ceiling percentage; recorded in the outputs as an override.
    pub ceiling_pct_override: Option<f64>,
    pub method: AllocationMethod,
    pub constraints: Constraints,
    /// The annual order (edition 0) and its in-year amendments.
    pub order: crate::allocate::editions::OrderSpec,
    pub amendments: Vec<crate::allocate::editions::AmendmentSpec>,
}

/// Settings of one allocation, all resolved from parameters and the scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct ForeignSettings {
    /// Ceiling as a percentage of the labour force.
    pub ceiling_pct: f64,
    /// Labour force the percentage applies to (persons).
    pub labour_force: u64,
    /// Share of the ceiling held back as a reserve.
    pub reserve_share: f64,
    /// Category counts of the order in force, used as shares (keys `1`..`4`, `seasonal`).
    pub category_order: BTreeMap<String, f64>,
    /// Minimum share of citizens in the staff of a category (keys `1`..`4`).
    pub local_content: BTreeMap<String, f64>,
    /// Intra-corporate transferees may be at most this share of the citizen staff.
    pub ict_max_share: f64,
    /// Sections in which seasonal workers may be admitted.
    pub seasonal_sections: Vec<OkedSection>,
    /// Sections closed to foreign workers by law (no demand is justified there).
    pub closed_sections: Vec<OkedSection>,
    pub method: AllocationMethod,
    pub constraints: Constraints,
}

impl ForeignSettings {
    /// The settings in force on `date` for a labour force of `labour_force`, with the planner's
    /// choices. Returns the overrides of legal values the choices make, for the record.
    pub fn from_params(
        params: &crate::params::Params,
        date: chrono::NaiveDate,
        labour_force: u64,
        c: &Choices,
    ) -> Result<(ForeignSettings, Vec<String>)> {
        let mut overrides = Vec::new();
        let ceiling_pct = match c.ceiling_pct_override {
            Some(p) => {
                let legal = params.number("foreign_labour.ceiling_pct", date).ok().map(|v| v.value);
                overrides.push(format!(
                    "foreign.ceiling_pct_override = {p} % replaces the legal ceiling ({})",
                    legal.map_or("none in force".to_string(), |v| format!("{v} %"))
                ));
                p
            }
            None => params.number("foreign_labour.ceiling_pct", date)?.value,
        };
        let settings = ForeignSettings {
            ceiling_pct,
            labour_force,
            reserve_share: c.reserve_share,
            category_order: params.table("foreign_labour.order_by_category", date)?.value,
            local_content: params.table("foreign_labour.local_content_min_citizen_share", date)?.value,
            ict_max_share: params.number("foreign_labour.ict_max_share_of_citizen_staff", date)?.value,
            seasonal_sections: params.sections("foreign_labour.seasonal_sections", date)?.value,
            closed_sections: params.sections("foreign_labour.closed_sections", date)?.value,
            method: c.method,
            constraints: c.constraints.clone(),
        };
        Ok((settings, overrides))
    }
}

/// What the local-content limit of a row is computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocalContentBasis {
    /// Citizens on the requesting employers' staff (the condition itself).
    CitizenStaff,
    /// The cell's employment, an upper bound on its citizen staff (a necessary condition).
    CellEmployment,
}

impl LocalContentBasis {
    pub fn code(self) -> &'static str {
        match self {
            LocalContentBasis::CitizenStaff => "citizen_staff",
            LocalContentBasis::CellEmployment => "cell_employment",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalContent {
    /// Most foreign workers of the category the condition allows.
    pub limit: u64,
    pub basis: LocalContentBasis,
    /// The order's quota is within the limit.
    pub ok: bool,
}

impl LocalContent {
    /// Whether `quota` (e.g. after amendments) is within the limit.
    pub fn quota_ok(&self, quota: u64) -> bool {
        quota <= self.limit
    }
}

/// One row of the allocation: a cell and category.
#[derive(Debug, Clone, PartialEq)]
pub struct QuotaCell {
    pub region: Region,
    pub section: OkedSection,
    pub category: WorkerCategory,
    pub quota: u64,
    /// The cell's quota over all categories.
    pub cell_quota: u64,
    /// Justified demand of the cell (all categories).
    pub cell_demand: u64,
    /// Shortage gap of the cell (0 when not in shortage).
    pub gap: u64,
    /// Requested for this category (None without a requests table).
    pub requested: Option<u64>,
    pub severity: f64,
    /// The constraint that decided the cell's quota.
    pub binding: String,
    /// Gain per unit of relaxing `binding` (LP only).
    pub shadow_price: Option<f64>,
    /// A tie decided one of this row's units.
    pub tie_broken: bool,
    /// Local-content check (categories 1-4).
    pub local_content: Option<LocalContent>,
    /// Why the row has its quota, as facts; [`QuotaCell::explanation`] says it in a language.
    pub why: Why,
}

/// What a cell's justified demand rests on.
#[derive(Debug, Clone, PartialEq)]
pub enum WhyBasis {
    /// The section is closed to foreign workers by law.
    Closed,
    /// Not a shortage cell (and no vetted requests): nothing justified.
    NotInShortage,
    /// Vetted request lines justify this many.
    Vetted { justified: u64 },
    /// The modelled gap, the requests (when given) and the justified demand.
    Gap { gap: u64, requested: Option<u64>, justified: u64 },
    /// A row an amendment created: the order had none.
    NotInOrder,
}

/// What decided the cell's quota.
#[derive(Debug, Clone, PartialEq)]
pub enum WhyDecided {
    /// The linear programme: the cell's severity, its binding constraint and shadow price.
    Lp {
        severity: f64,
        binding: String,
        shadow: Option<f64>,
    },
    Demand,
    LocalContent,
    /// Proportional sharing of the distributable quota over the justified demand.
    Share {
        method: &'static str,
        distributable: u64,
        demand: u64,
    },
    Other(String),
}

/// An amendment's change of the row.
#[derive(Debug, Clone, PartialEq)]
pub struct WhyAmended {
    pub edition: String,
    pub delta: i64,
    pub reason: String,
}

/// The facts of a row's explanation, rendered in any language by [`QuotaCell::explanation`].
#[derive(Debug, Clone, PartialEq)]
pub struct Why {
    pub basis: WhyBasis,
    /// The local-content limit of the cell when it is below the justified demand.
    pub local_content_allows: Option<u64>,
    pub decided: WhyDecided,
    pub amendments: Vec<WhyAmended>,
}

impl QuotaCell {
    /// Why the row has its quota, in the language of `t`: one sentence generated from the
    /// numbers (so it cannot drift from them).
    pub fn explanation(&self, t: &crate::i18n::Texts) -> String {
        let n = |v: u64| t.count(v);
        let say = |key: &str, args: &[(&str, String)]| t.fs(key, args);
        let w = &self.why;
        let mut out = format!("{} x {}: ", self.region.iso(), self.section.code());
        let full = match &w.basis {
            WhyBasis::Closed => {
                out.push_str(&t.t("why-closed"));
                false
            }
            WhyBasis::NotInShortage => {
                out.push_str(&t.t("why-not-shortage"));
                false
            }
            WhyBasis::NotInOrder => {
                out.push_str(&t.t("why-not-in-order"));
                false
            }
            WhyBasis::Vetted { justified } => {
                out.push_str(&say("why-vetted", &[("n", n(*justified))]));
                true
            }
            WhyBasis::Gap { gap, requested, justified } => {
                out.push_str(&say("why-gap", &[("n", n(*gap))]));
                if let Some(r) = requested {
                    out.push_str(&say("why-requested", &[("n", n(*r))]));
                }
                out.push_str(&say("why-justified", &[("n", n(*justified))]));
                true
            }
        };
        if full {
            if let Some(u) = w.local_content_allows {
                out.push_str(&say("why-lc-allows", &[("n", n(u))]));
            }
            out.push_str(&say("why-cell-quota", &[("n", n(self.cell_quota))]));
            out.push_str(&match &w.decided {
                WhyDecided::Lp { severity, binding, shadow } => {
                    let shadow =
                        shadow.filter(|v| *v > 0.0).map_or(String::new(), |v| say("why-shadow", &[("v", t.dec(v, 4))]));
                    say(
                        "why-lp",
                        &[
                            ("severity", t.dec(*severity, 4)),
                            ("binding", t.name("binding", binding)),
                            ("shadow", shadow),
                        ],
                    )
                }
                WhyDecided::Demand => t.t("why-demand-met"),
                WhyDecided::LocalContent => t.t("why-capped-lc"),
                WhyDecided::Share { method, distributable, demand } => say(
                    "why-share",
                    &[("method", method.to_string()), ("distributable", n(*distributable)), ("demand", n(*demand))],
                ),
                WhyDecided::Other(b) => format!(" ({})", t.name("binding", b)),
            });
            let category = if self.category == WorkerCategory::Seasonal {
                t.t("cli-category-seasonal")
            } else {
                self.category.code().into()
            };
            out.push_str(&say("why-category", &[("category", category), ("n", n(self.quota))]));
            out.push_str(&match self.requested {
                Some(r) => say("why-of-requested", &[("n", n(r))]),
                None => t.t("why-order-shares"),
            });
            if self.tie_broken {
                out.push_str(&t.t("why-tie"));
            }
            out.push('.');
        }
        for a in &w.amendments {
            let reason = if a.reason.is_empty() { String::new() } else { format!(": {}", a.reason) };
            let direction = t.t(if a.delta > 0 { "why-from-reserve" } else { "why-back-to-reserve" });
            out.push_str(&say(
                "why-amended",
                &[
                    ("id", a.edition.clone()),
                    ("delta", format!("{:+}", a.delta)),
                    ("direction", direction),
                    ("reason", reason),
                ],
            ));
        }
        out
    }
}

/// A constraint that holds with equality at the optimum (LP).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BindingConstraint {
    pub name: String,
    pub side: String,
    pub total: u64,
    pub shadow_price: f64,
}

/// Totals of the allocation.
#[derive(Debug, Clone, PartialEq)]
pub struct ForeignSummary {
    pub ceiling: u64,
    pub reserve: u64,
    pub distributable: u64,
    pub distributed: u64,
    /// Justified demand, all cells.
    pub demand: u64,
    /// Shortage gap, all cells.
    pub gap: u64,
    /// Requested for quota categories (None without a requests table).
    pub requested: Option<u64>,
    /// Requested in cells not rated in shortage (not justified).
    pub requested_outside_shortage: Option<u64>,
    /// Intra-corporate transfers requested (outside the quota).
    pub ict_requested: u64,
    /// ICT requests above the limit of their citizen staff (cells).
    pub ict_over_limit: u64,
    pub method: String,
    pub by_category: BTreeMap<WorkerCategory, u64>,
    pub binding: Vec<BindingConstraint>,
    pub local_content_failures: u64,
}

/// Validated category shares and local-content ratios.
struct Rules {
    order: [f64; 5],
    /// `(1 - m) / m` per category 1-4: foreign workers allowed per citizen.
    lc_ratio: [f64; 4],
}

fn rules(s: &ForeignSettings) -> Result<Rules> {
    let mut order = [0.0; 5];
    for (k, c) in WorkerCategory::ALL.iter().enumerate() {
        let v = s.category_order.get(c.code()).copied().unwrap_or(0.0);
        if !(v >= 0.0 && v.is_finite()) {
            return Err(Error::param(
                "foreign_labour.order_by_category",
                Msg::new("fq-not-count").arg("category", c).arg("value", v),
            ));
        }
        order[k] = v;
    }
    if order[..4].iter().sum::<f64>() <= 0.0 {
        return Err(Error::Infeasible {
            constraint: "foreign_labour.order_by_category".into(),
            message: Msg::new("fq-no-counts"),
        });
    }
    Ok(Rules { order, lc_ratio: lc_ratios(&s.local_content)? })
}

/// Foreign workers allowed per citizen on staff, categories 1-4: `(1 - m) / m` for the minimum
/// citizen share `m` of `foreign_labour.local_content_min_citizen_share`.
pub(crate) fn lc_ratios(local_content: &BTreeMap<String, f64>) -> Result<[f64; 4]> {
    let mut lc_ratio = [0.0; 4];
    for (k, c) in QUOTA_CATEGORIES.iter().enumerate() {
        let m = local_content.get(c.code()).copied().ok_or_else(|| {
            Error::param("foreign_labour.local_content_min_citizen_share", Msg::new("fq-no-value").arg("category", c))
        })?;
        if !(m > 0.0 && m <= 1.0) {
            return Err(Error::param(
                "foreign_labour.local_content_min_citizen_share",
                Msg::new("fq-not-share").arg("category", c).arg("value", m),
            ));
        }
        lc_ratio[k] = (1.0 - m) / m;
    }
    Ok(lc_ratio)
}

/// Most foreign workers allowed for `citizens` citizens at ratio `r` (exact at whole persons).
fn lc_limit(r: f64, citizens: f64) -> u64 {
    (r * citizens + 1e-9).floor().max(0.0) as u64
}

/// Per-cell working values.
struct Work {
    /// Justified demand (all categories).
    d: u64,
    /// Cap of the cell total: demand, and the local-content limit implied by the category mix.
    u: u64,
    /// Requested per category `[1, 2, 3, 4, seasonal]` (requests case).
    req: Option<[u64; 5]>,
    /// Citizen staff per category 1-4 (requests case, where given).
    staff: [Option<u64>; 4],
    /// Justified demand per category (requests case).
    justified: Option<[u64; 5]>,
    tie: bool,
    /// The requests were vetted line by line (`allocate::vetting`): justified as given.
    vetted: bool,
}

/// Allocates the quota (see the module documentation).
pub fn allocate(
    cells: &[CellDemand],
    requests: Option<&EmployerRequests>,
    s: &ForeignSettings,
) -> Result<(Vec<QuotaCell>, ForeignSummary)> {
    let rules = rules(s)?;
    let ceiling = ((s.ceiling_pct / 100.0) * s.labour_force as f64 + 1e-6).floor() as u64;
    let reserve = ((ceiling as f64) * s.reserve_share - 1e-9).ceil().max(0.0) as u64;
    let distributable = ceiling - reserve.min(ceiling);
    let seasonal_ok = |sec: OkedSection| s.seasonal_sections.contains(&sec);
    let by_cell = requests.map(|r| r.by_cell());
    let vetted = requests.is_some_and(|r| r.vetted);
    let mut work = cells
        .iter()
        .map(|c| {
            let closed = s.closed_sections.contains(&c.section);
            let requested = by_cell.as_ref().map(|b| b.get(&(c.region, c.section)));
            justified_demand(c, requested, &rules, seasonal_ok(c.section), closed, vetted)
        })
        .collect::<Result<Vec<Work>>>()?;
    let demand: u64 = work.iter().map(|w| w.d).sum();
    let quotas = match s.method {
        AllocationMethod::Proportional(m) => proportional(&mut work, distributable, m, s)?,
        AllocationMethod::Lp => linear_programme(cells, &work, distributable, s)?,
    };
    let q = if by_cell.is_some() {
        categories_from_requests(cells, &mut work, &quotas.x)?
    } else {
        categories_from_order(cells, &quotas.x, &rules, &s.seasonal_sections)?
    };
    let ctx = RowContext { settings: s, rules: &rules, distributable, demand };
    let (rows, by_category, lc_fail) = quota_rows(cells, &work, &quotas, &q, &ctx);
    let distributed: u64 = rows.iter().map(|r| r.quota).sum();
    debug_assert_eq!(distributed, quotas.x.iter().sum::<u64>());
    if distributed > ceiling {
        return Err(Error::Internal(format!("distributed {distributed} exceeds the ceiling {ceiling}")));
    }
    let (requested, requested_outside_shortage, ict_requested, ict_over_limit) = match requests {
        Some(r) => request_totals(cells, &work, r, s),
        None => (None, None, 0, 0),
    };
    let summary = ForeignSummary {
        ceiling,
        reserve,
        distributable,
        distributed,
        demand,
        gap: cells.iter().filter(|c| c.in_shortage).map(|c| c.gap).sum(),
        requested,
        requested_outside_shortage,
        ict_requested,
        ict_over_limit,
        method: s.method.name(),
        by_category,
        binding: quotas.summary,
        local_content_failures: lc_fail,
    };
    Ok((rows, summary))
}

/// Justified demand of a cell: with requests, what they ask within the local-content limit and
/// the gap (split over categories by Hamilton when the gap is smaller); without, the gap, capped
/// by the local-content limit implied by the order's category mix.
fn justified_demand(
    c: &CellDemand,
    requested: Option<Option<&BTreeMap<WorkerCategory, &crate::ingest::requests::EmployerRequest>>>,
    rules: &Rules,
    seasonal: bool,
    closed: bool,
    vetted: bool,
) -> Result<Work> {
    let gap = if c.in_shortage && !closed { c.gap } else { 0 };
    let Some(m) = requested else {
        // Categories follow the order's shares; seasonal only where the law admits it.
        let shares = cell_shares(&rules.order, seasonal);
        let total: f64 = shares.iter().sum();
        let mut cap = u64::MAX;
        for (k, &share) in shares.iter().enumerate().take(4) {
            if share > 0.0 {
                let limit = rules.lc_ratio[k] * c.employed * total / share;
                cap = cap.min((limit + 1e-9).floor().max(0.0) as u64);
            }
        }
        return Ok(Work {
            d: gap,
            u: gap.min(cap),
            req: None,
            staff: [None; 4],
            justified: None,
            tie: false,
            vetted: false,
        });
    };
    let mut req = [0u64; 5];
    let mut staff = [None; 4];
    if let Some(m) = m {
        for (cat, r) in m {
            let k = cat_index(*cat);
            req[k] = r.requested;
            if k < 4 {
                staff[k] = r.citizen_staff;
            }
        }
    }
    if vetted {
        // Every rule was applied per request line; what is left is justified as it stands.
        let d: u64 = req.iter().sum();
        return Ok(Work { d, u: d, req: Some(req), staff, justified: Some(req), tie: false, vetted: true });
    }
    // Requests beyond the local-content limit are not justified.
    let mut allowed = req;
    for k in 0..4 {
        let basis = staff[k].map_or(c.employed, |v| v as f64);
        allowed[k] = allowed[k].min(lc_limit(rules.lc_ratio[k], basis));
    }
    let total: u64 = allowed.iter().sum();
    let (justified, tie) = if gap == 0 || total == 0 {
        ([0; 5], false)
    } else if total <= gap {
        (allowed, false)
    } else {
        let o = apportion_counts(
            &format!("justified demand of {} x {}", c.region, c.section.code()),
            gap,
            &allowed,
            apportion::Method::Hamilton,
            Some(&allowed),
        )?;
        let mut j = [0; 5];
        j.copy_from_slice(&o.seats);
        (j, !o.ties.is_empty())
    };
    let d: u64 = justified.iter().sum();
    Ok(Work { d, u: d, req: Some(req), staff, justified: Some(justified), tie, vetted: false })
}

/// Cell quotas with the constraint that decided each and the binding constraints overall.
struct CellQuotas {
    x: Vec<u64>,
    binding: Vec<String>,
    shadow: Vec<Option<f64>>,
    summary: Vec<BindingConstraint>,
}

/// The distributable total (or the whole justified demand, if smaller) apportioned over cells
/// in proportion to justified demand, each capped at its demand and local-content limit.
fn proportional(
    work: &mut [Work],
    distributable: u64,
    m: apportion::Method,
    s: &ForeignSettings,
) -> Result<CellQuotas> {
    let n = work.len();
    if !s.constraints.is_empty() {
        return Err(Error::Infeasible { constraint: "foreign.method".into(), message: Msg::new("fq-needs-lp") });
    }
    let total_cap: u64 = work.iter().map(|w| w.u).sum();
    let mut x = vec![0u64; n];
    let t = distributable.min(total_cap);
    if t > 0 {
        let d: Vec<u64> = work.iter().map(|w| w.d).collect();
        let u: Vec<u64> = work.iter().map(|w| w.u).collect();
        let o = apportion_counts("foreign quota over cells", t, &d, m, Some(&u))?;
        for i in tied_units(&o) {
            work[i].tie = true;
        }
        x = o.seats;
    }
    let binding = (0..n)
        .map(|i| {
            if work[i].d == 0 {
                "no justified demand".into()
            } else if x[i] == work[i].u && work[i].u == work[i].d {
                "demand".into()
            } else if x[i] == work[i].u {
                "local content".into()
            } else {
                "ceiling".into()
            }
        })
        .collect();
    let mut summary = Vec::new();
    if t == distributable && total_cap > distributable {
        summary.push(BindingConstraint {
            name: "ceiling".into(),
            side: "cap".into(),
            total: distributable,
            shadow_price: 0.0,
        });
    }
    Ok(CellQuotas { x, binding, shadow: vec![None; n], summary })
}

/// Maximise shortage-severity-weighted permits subject to the ceiling, regional capacities,
/// section floors and caps and the cell caps.
fn linear_programme(
    cells: &[CellDemand],
    work: &[Work],
    distributable: u64,
    s: &ForeignSettings,
) -> Result<CellQuotas> {
    let n = cells.len();
    let idx: Vec<usize> = (0..n).filter(|&i| work[i].u > 0).collect();
    let units: Vec<lp::Unit> = idx
        .iter()
        .map(|&i| {
            let u = work[i].u;
            let min = ((s.constraints.min_coverage * u as f64) - 1e-9).ceil().max(0.0) as u64;
            lp::Unit { value: cells[i].severity, min: min.min(u), max: u }
        })
        .collect();
    let groups = lp_groups(cells, &idx, distributable, &s.constraints);
    let sol = lp::solve(&lp::Problem { units, groups: groups.clone() }).map_err(|e| match e {
        lp::LpError::Infeasible { constraint, why } => {
            Error::Infeasible { constraint: format!("foreign quota: {constraint}"), message: infeasibility(&why) }
        }
        other => Error::Lp { context: "foreign quota LP".into(), source: other },
    })?;
    let mut x = vec![0u64; n];
    let mut binding = vec![String::from("none"); n];
    let mut shadow: Vec<Option<f64>> = vec![None; n];
    for (k, &i) in idx.iter().enumerate() {
        x[i] = sol.seats[k];
        let ur = &sol.units[k];
        let (b, sp) = match ur.binding {
            Some(lp::Side::Max) if work[i].u == work[i].d => ("demand".to_string(), ur.shadow_price),
            Some(lp::Side::Max) => ("local content".to_string(), ur.shadow_price),
            Some(lp::Side::Min) => ("minimum coverage".to_string(), ur.shadow_price),
            None => {
                // The tightest binding group the cell belongs to.
                let g = sol
                    .groups
                    .iter()
                    .zip(&groups)
                    .filter(|(r, g)| r.binding.is_some() && g.members.contains(&k))
                    .max_by(|a, b| a.0.shadow_price.total_cmp(&b.0.shadow_price));
                match g {
                    Some((r, _)) => (
                        format!("{} {}", r.name, r.binding.map_or("", |s| s.word())).trim().to_string(),
                        r.shadow_price,
                    ),
                    None => ("none".to_string(), 0.0),
                }
            }
        };
        binding[i] = b;
        shadow[i] = Some(sp);
    }
    for i in 0..n {
        if work[i].d == 0 {
            binding[i] = "no justified demand".into();
        }
    }
    let summary = sol
        .groups
        .iter()
        .filter_map(|r| {
            r.binding.map(|side| BindingConstraint {
                name: r.name.clone(),
                side: side.word().into(),
                total: r.total,
                shadow_price: r.shadow_price,
            })
        })
        .collect();
    Ok(CellQuotas { x, binding, shadow, summary })
}

/// The LP's groups: the ceiling, each regional capacity, each section's floor and cap.
fn lp_groups(cells: &[CellDemand], idx: &[usize], distributable: u64, c: &Constraints) -> Vec<lp::Group> {
    let mut groups = vec![lp::Group {
        name: "ceiling".into(),
        members: (0..idx.len()).collect(),
        min: None,
        max: Some(distributable),
        hard: true,
    }];
    for (r, cap) in &c.region_capacity {
        groups.push(lp::Group {
            name: format!("region capacity {}", r.iso()),
            members: (0..idx.len()).filter(|&k| cells[idx[k]].region == *r).collect(),
            min: None,
            max: Some(*cap),
            hard: false,
        });
    }
    let sections: std::collections::BTreeSet<OkedSection> =
        c.section_floor.keys().chain(c.section_cap.keys()).copied().collect();
    for sec in sections {
        groups.push(lp::Group {
            name: format!("section {}", sec.code()),
            members: (0..idx.len()).filter(|&k| cells[idx[k]].section == sec).collect(),
            min: c.section_floor.get(&sec).copied(),
            max: c.section_cap.get(&sec).copied(),
            hard: false,
        });
    }
    groups
}

/// With requests: each cell's quota over the categories its employers asked for (never above the
/// justified request), by Hamilton.
fn categories_from_requests(cells: &[CellDemand], work: &mut [Work], x: &[u64]) -> Result<Vec<[u64; 5]>> {
    let mut q = vec![[0u64; 5]; cells.len()];
    for i in 0..cells.len() {
        let j = work[i].justified.expect("requests case");
        if x[i] > 0 {
            let o = apportion_counts(
                &format!("categories of {} x {}", cells[i].region, cells[i].section.code()),
                x[i],
                &j,
                apportion::Method::Hamilton,
                Some(&j),
            )?;
            work[i].tie |= !o.ties.is_empty();
            q[i].copy_from_slice(&o.seats);
        }
    }
    Ok(q)
}

/// Without requests: the cells x categories matrix is a biproportional apportionment that meets
/// the national category totals of the order in force exactly, seasonal only in the sections the
/// law admits it to.
fn categories_from_order(
    cells: &[CellDemand],
    x: &[u64],
    rules: &Rules,
    seasonal_sections: &[OkedSection],
) -> Result<Vec<[u64; 5]>> {
    let agri = |i: usize| seasonal_sections.contains(&cells[i].section);
    let mut q = vec![[0u64; 5]; cells.len()];
    let rows: Vec<usize> = (0..cells.len()).filter(|&i| x[i] > 0).collect();
    if rows.is_empty() {
        return Ok(q);
    }
    let row_totals: Vec<u64> = rows.iter().map(|&i| x[i]).collect();
    let total: u64 = row_totals.iter().sum();
    let agri_total: u64 = rows.iter().filter(|&&i| agri(i)).map(|&i| x[i]).sum();
    let all: f64 = rules.order.iter().sum();
    let seasonal = ((total as f64 * rules.order[4] / all).round() as u64).min(agri_total);
    let w4: Vec<u64> = rules.order[..4].iter().map(|v| v.round() as u64).collect();
    let mut cols = apportion_counts("category totals", total - seasonal, &w4, apportion::Method::Hamilton, None)?.seats;
    cols.push(seasonal);
    // When the seasonal total takes every permit of the seasonal sections, those rows can hold
    // nothing else: say so in their weights, so that the fit is interior (and fast) rather than
    // approaching zeros it can never reach.
    let all_seasonal = seasonal > 0 && seasonal == agri_total;
    let weights: Vec<Vec<f64>> = rows
        .iter()
        .map(|&i| match agri(i) && all_seasonal {
            true => vec![0.0, 0.0, 0.0, 0.0, 1.0],
            false => cell_shares(&rules.order, agri(i)).to_vec(),
        })
        .collect();
    let b = biproportional(&weights, &row_totals, &cols)
        .map_err(|source| Error::Biproportional { context: "category split of the foreign quota".into(), source })?;
    for (k, &i) in rows.iter().enumerate() {
        q[i].copy_from_slice(&b.seats[k]);
    }
    Ok(q)
}

/// What the rows' explanations need of the whole allocation.
struct RowContext<'a> {
    settings: &'a ForeignSettings,
    rules: &'a Rules,
    distributable: u64,
    demand: u64,
}

/// The rows (a cell and category each, for cells with demand or requests), the totals by
/// category and the number of rows failing the local-content check.
fn quota_rows(
    cells: &[CellDemand],
    work: &[Work],
    quotas: &CellQuotas,
    q: &[[u64; 5]],
    ctx: &RowContext,
) -> (Vec<QuotaCell>, BTreeMap<WorkerCategory, u64>, u64) {
    let mut rows = Vec::new();
    let mut by_category: BTreeMap<WorkerCategory, u64> = WorkerCategory::ALL.iter().map(|c| (*c, 0)).collect();
    let mut lc_fail = 0;
    for (i, c) in cells.iter().enumerate() {
        let w = &work[i];
        let requested_any = w.req.is_some_and(|r| r.iter().any(|v| *v > 0));
        if w.d == 0 && !requested_any {
            continue;
        }
        for (k, cat) in WorkerCategory::ALL.iter().enumerate() {
            if *cat == WorkerCategory::Seasonal && !ctx.settings.seasonal_sections.contains(&c.section) {
                continue;
            }
            let requested = w.req.map(|r| r[k]);
            let local_content = (k < 4).then(|| {
                let (basis, citizens) = match w.staff[k] {
                    Some(v) => (LocalContentBasis::CitizenStaff, v as f64),
                    None => (LocalContentBasis::CellEmployment, c.employed),
                };
                let limit = lc_limit(ctx.rules.lc_ratio[k], citizens);
                LocalContent { limit, basis, ok: q[i][k] <= limit }
            });
            if local_content.is_some_and(|l| !l.ok) {
                lc_fail += 1;
            }
            *by_category.get_mut(cat).expect("category") += q[i][k];
            // The facts are the cell's, the same for its categories; the text is made per language
            // when a table is written (the simulation's many allocations make none).
            let why = why(c, w, &quotas.binding[i], quotas.shadow[i], ctx.settings, ctx.distributable, ctx.demand);
            rows.push(QuotaCell {
                region: c.region,
                section: c.section,
                category: *cat,
                quota: q[i][k],
                cell_quota: quotas.x[i],
                cell_demand: w.d,
                gap: if c.in_shortage { c.gap } else { 0 },
                requested,
                severity: c.severity,
                binding: quotas.binding[i].clone(),
                shadow_price: quotas.shadow[i],
                tie_broken: w.tie,
                local_content,
                why,
            });
        }
    }
    (rows, by_category, lc_fail)
}

/// Requested in all, requested outside shortage cells, ICT requested and ICT requests above the
/// limit of their citizen staff.
fn request_totals(
    cells: &[CellDemand],
    work: &[Work],
    r: &EmployerRequests,
    s: &ForeignSettings,
) -> (Option<u64>, Option<u64>, u64, u64) {
    let mut all = 0;
    let mut outside = 0;
    for (i, w) in work.iter().enumerate() {
        let t: u64 = w.req.map_or(0, |r| r.iter().sum());
        all += t;
        if !(r.vetted || cells[i].in_shortage && cells[i].gap > 0) {
            outside += t;
        }
    }
    let ict: u64 = r.ict().map(|e| e.requested).sum();
    let over = r
        .ict()
        .filter(|e| e.citizen_staff.is_some_and(|st| e.requested as f64 > s.ict_max_share * st as f64 + 1e-9))
        .count() as u64;
    (Some(all), Some(outside), ict, over)
}

/// Category weights of a cell from the order: categories 1-4 everywhere, seasonal only where
/// the law admits seasonal workers.
fn cell_shares(order: &[f64; 5], seasonal: bool) -> [f64; 5] {
    let mut w = *order;
    if !seasonal {
        w[4] = 0.0;
    }
    w
}

/// The facts of a row's explanation (rendered per language by [`QuotaCell::explanation`]).
fn why(
    c: &CellDemand,
    w: &Work,
    binding: &str,
    shadow: Option<f64>,
    s: &ForeignSettings,
    distributable: u64,
    demand: u64,
) -> Why {
    let basis = if s.closed_sections.contains(&c.section) {
        WhyBasis::Closed
    } else if w.vetted {
        WhyBasis::Vetted { justified: w.d }
    } else if !(c.in_shortage && c.gap > 0) {
        WhyBasis::NotInShortage
    } else {
        WhyBasis::Gap { gap: c.gap, requested: w.req.map(|r| r.iter().sum()), justified: w.d }
    };
    let decided = match (s.method, binding) {
        (AllocationMethod::Lp, b) => WhyDecided::Lp { severity: c.severity, binding: b.to_string(), shadow },
        (_, "demand") => WhyDecided::Demand,
        (_, "local content") => WhyDecided::LocalContent,
        (AllocationMethod::Proportional(m), "ceiling") => {
            WhyDecided::Share { method: method_name(m), distributable, demand }
        }
        (_, b) => WhyDecided::Other(b.to_string()),
    };
    Why { basis, local_content_allows: (w.u < w.d).then_some(w.u), decided, amendments: Vec::new() }
}

/// Why the quota programme has no solution, in the reader's language; the groups are named as
/// [`lp_groups`] names them.
fn infeasibility(why: &lp::Infeasibility) -> Msg {
    let names =
        |gs: &mut dyn Iterator<Item = Msg>| gs.reduce(|a, b| a.joined(", ", b)).unwrap_or_else(|| Msg::text(""));
    match why {
        lp::Infeasibility::UnitBounds { min, max } => Msg::new("lp-unit-bounds").arg("min", min).arg("max", max),
        lp::Infeasibility::FloorAboveCap { floor, cap } => Msg::new("lp-floor-cap").arg("floor", floor).arg("cap", cap),
        lp::Infeasibility::FloorAboveCapacity { floor, capacity } => {
            Msg::new("lp-floor-capacity").arg("floor", floor).arg("capacity", capacity)
        }
        lp::Infeasibility::CapBelowFloors { cap, floors } => {
            Msg::new("lp-cap-floors").arg("cap", cap).arg("floors", floors)
        }
        lp::Infeasibility::HardConstraints => Msg::new("lp-hard"),
        lp::Infeasibility::Relaxation { against, relaxed } => {
            let relaxed = names(&mut relaxed.iter().map(|(g, side, by)| {
                let key = if *side == lp::Side::Min { "lp-relax-floor" } else { "lp-relax-cap" };
                Msg::new(key).arg_msg("group", group_name(g)).arg("by", format!("{by:.0}"))
            }));
            if against.is_empty() {
                Msg::new("lp-relaxation").arg_msg("relaxed", relaxed)
            } else {
                let against = names(&mut against.iter().map(|g| group_name(g)));
                Msg::new("lp-relaxation-with").arg_msg("against", against).arg_msg("relaxed", relaxed)
            }
        }
    }
}

/// A group of the quota programme named in the reader's language (the names [`lp_groups`] gives).
fn group_name(name: &str) -> Msg {
    if name == "ceiling" {
        Msg::new("lp-group-ceiling")
    } else if let Some(r) = name.strip_prefix("region capacity ") {
        Msg::new("lp-group-region").arg("region", r)
    } else if let Some(s) = name.strip_prefix("section ") {
        Msg::new("lp-group-section").arg("section", s)
    } else if let Some(c) = name.strip_prefix("categories of ") {
        Msg::new("lp-group-categories").arg("cell", c)
    } else {
        Msg::text(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(method: AllocationMethod) -> ForeignSettings {
        let m = |pairs: &[(&str, f64)]| pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        ForeignSettings {
            ceiling_pct: 0.25,
            labour_force: 9_769_536,
            reserve_share: 0.1,
            category_order: m(&[("1", 726.0), ("2", 3402.0), ("3", 5893.0), ("4", 3131.0), ("seasonal", 4994.0)]),
            local_content: m(&[("1", 0.7), ("2", 0.7), ("3", 0.9), ("4", 0.9)]),
            ict_max_share: 0.5,
            seasonal_sections: vec![OkedSection::from_letter('A').unwrap()],
            closed_sections: vec![OkedSection::from_letter('O').unwrap()],
            method,
            constraints: Constraints::default(),
        }
    }

    fn cell(region: Region, section: char, gap: u64, severity: f64) -> CellDemand {
        CellDemand {
            region,
            section: OkedSection::from_letter(section).unwrap(),
            gap,
            in_shortage: gap > 0,
            severity,
            employed: 500_000.0,
        }
    }

    fn hamilton() -> AllocationMethod {
        AllocationMethod::Proportional(apportion::Method::Hamilton)
    }

    #[test]
    fn ceiling_reserve_categories_exact() {
        let cells = vec![
            cell(Region::ATYRAU, 'F', 40_000, 0.1),
            cell(Region::PAVLODAR, 'A', 30_000, 0.05),
            cell(Region::ASTANA, 'G', 0, 0.0),
        ];
        let (rows, s) = allocate(&cells, None, &settings(hamilton())).unwrap();
        assert_eq!(s.ceiling, 24_423); // 0.25 % of 9,769,536 = 24,423.84
        assert_eq!(s.reserve, 2_443);
        assert_eq!(s.distributed, s.distributable);
        assert_eq!(rows.iter().map(|r| r.quota).sum::<u64>(), s.distributed);
        assert!(rows.iter().all(|r| r.region != Region::ASTANA));
        assert!(rows.iter().filter(|r| r.category == WorkerCategory::Seasonal).all(|r| r.section.code() == "A"));
        // National category totals follow the order's shares exactly (Hamilton of the total).
        let total = s.distributed as f64;
        let all = 726.0 + 3402.0 + 5893.0 + 3131.0 + 4994.0;
        let seasonal = s.by_category[&WorkerCategory::Seasonal];
        assert_eq!(seasonal, (total * 4994.0 / all).round() as u64);
        for (c, v) in [(WorkerCategory::Cat1, 726.0), (WorkerCategory::Cat3, 5893.0)] {
            let exact = (total - seasonal as f64) * v / (726.0 + 3402.0 + 5893.0 + 3131.0);
            assert!((s.by_category[&c] as f64 - exact).abs() < 1.0, "{c}: {} vs {exact}", s.by_category[&c]);
        }
        // With little agricultural demand the seasonal total is capped by agriculture's quota.
        let cells = vec![cell(Region::ATYRAU, 'F', 40_000, 0.1), cell(Region::PAVLODAR, 'A', 10_000, 0.05)];
        let (rows, s) = allocate(&cells, None, &settings(hamilton())).unwrap();
        let agri: u64 = rows.iter().filter(|r| r.section.code() == "A").map(|r| r.quota).sum();
        assert_eq!(agri, 4_396); // 21,980 x 10,000 / 50,000
        assert_eq!(s.by_category[&WorkerCategory::Seasonal], agri);
    }

    #[test]
    fn small_demand_is_met_in_full() {
        let cells = vec![cell(Region::ATYRAU, 'F', 120, 0.1)];
        let (rows, s) = allocate(&cells, None, &settings(hamilton())).unwrap();
        assert_eq!(s.distributed, 120);
        assert!(rows.iter().all(|r| r.binding == "demand"));
    }

    #[test]
    fn local_content_caps_a_small_cell() {
        // 3,000 employed: category 3 may have at most 3,000 x 0.1 / 0.9 = 333 foreigners; with
        // the order's mix (3 = 5,893 of 13,152 in a non-agricultural cell) the cell cap is
        // floor(333.3 x 13,152 / 5,893) = 743.
        let mut c = cell(Region::ATYRAU, 'F', 5_000, 0.1);
        c.employed = 3_000.0;
        let (rows, s) = allocate(&[c], None, &settings(hamilton())).unwrap();
        assert_eq!(s.distributed, 743);
        assert!(rows.iter().all(|r| r.binding == "local content"));
        assert!(rows.iter().all(|r| r.local_content.unwrap().ok), "{rows:#?}");
    }

    #[test]
    fn lp_fills_the_most_severe_cells_first() {
        let cells = vec![cell(Region::ATYRAU, 'F', 15_000, 0.3), cell(Region::PAVLODAR, 'C', 15_000, 0.1)];
        let (rows, s) = allocate(&cells, None, &settings(AllocationMethod::Lp)).unwrap();
        let f: u64 = rows.iter().filter(|r| r.region == Region::ATYRAU).map(|r| r.quota).sum();
        assert_eq!(f, 15_000);
        assert_eq!(s.distributed, s.distributable);
        assert!(
            s.binding.iter().any(|b| b.name == "ceiling" && (b.shadow_price - 0.1).abs() < 1e-6),
            "{:?}",
            s.binding
        );
        let p = rows.iter().find(|r| r.region == Region::PAVLODAR).unwrap();
        assert_eq!(p.binding, "ceiling cap");
    }

    #[test]
    fn proportional_refuses_lp_constraints() {
        let mut st = settings(hamilton());
        st.constraints.section_floor.insert(OkedSection::from_letter('B').unwrap(), 10);
        let e = allocate(&[cell(Region::ATYRAU, 'F', 100, 0.1)], None, &st).unwrap_err().to_string();
        assert!(e.contains("foreign.method"), "{e}");
    }

    #[test]
    fn floors_above_the_ceiling_are_named() {
        let mut st = settings(AllocationMethod::Lp);
        st.constraints.section_floor.insert(OkedSection::from_letter('F').unwrap(), 30_000);
        let cells = vec![cell(Region::ATYRAU, 'F', 40_000, 0.3)];
        let e = allocate(&cells, None, &st).unwrap_err().to_string();
        assert!(e.contains("section F floor") && e.contains("ceiling"), "{e}");
    }
}
