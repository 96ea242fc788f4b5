//! Vetting employers' requests line by line, as the akimat checks them before the ministry sets
//! the quota (docs/methods.md §13).
//!
//! Every request line passes the rules in a fixed order; each rule may reject it (justified 0)
//! or reduce it, and names itself in `rules`:
//! 1. `closed_section` / `closed_occupation`: sections and occupations closed to foreigners;
//! 2. category: the category follows from the occupation (ISCO prefix -> category, a
//!    parameter); a declared category that differs is flagged `category_occupation_mismatch`
//!    and the occupation's category is used; elementary occupations (category 0) are not
//!    admitted in categories 1-4 (`occupation_category`);
//! 3. `seasonal_section`: seasonal workers only in the seasonal sections (agriculture);
//! 4. `surplus_cell`: no request in a cell rated surplus, unless it cites a known, current
//!    project and the project exception is on;
//! 5. `labour_market_test`: a posting on the exchange at least N days before the request;
//! 6. `citizens_available`: suitable citizen applicants are deducted from the request;
//! 7. `wage_floor`: the wage offered is not below the regional average wage of the occupation
//!    group (scaled to the year) nor the minimum wage;
//! 8. `local_content` (categories 1-4) or `ict_limit` (ICT, outside the quota);
//! 9. `seasonal_limit`: the seasonal total within the order's seasonal limit (Hamilton).
//!
//! Integrity flags (grey-scheme checks) are raised beside the rules, some across requests
//! (`shared_posting`, `linked_employers`); they are rolled up per employer.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::allocate::apportion::Method;
use crate::allocate::apportion_counts;
use crate::allocate::foreign::QuotaCell;
use crate::codes::{OkedSection, Region, WorkerCategory};
use crate::error::{Error, Msg, Result};
use crate::evidence::Evidence;
use crate::ingest::request_lines::{OccupationWages, Project, ProjectStatus, RequestLine};
use crate::ingest::requests::{EmployerRequest, EmployerRequests, RequestCategory};
use crate::params::Params;
use crate::shortage::Rating;

/// Every integrity flag, in report order.
pub const FLAGS: [&str; 13] = [
    "oversized_request",
    "no_labour_market_test",
    "posting_after_request",
    "citizens_available",
    "wage_below_median",
    "category_occupation_mismatch",
    "local_content",
    "shared_posting",
    "linked_employers",
    "low_prior_use",
    "seasonal_outside_agriculture",
    "surplus_cell",
    "unknown_project",
];

/// The vetting rules in force on a date, from `data/params` (`vetting.*` and
/// `foreign_labour.*`).
#[derive(Debug, Clone, PartialEq)]
pub struct VettingRules {
    /// Foreign workers allowed per citizen on staff, categories 1-4: `(1 - m) / m`.
    pub lc_ratio: [f64; 4],
    pub ict_max_share: f64,
    pub seasonal_sections: Vec<OkedSection>,
    pub closed_sections: Vec<OkedSection>,
    pub closed_occupations: Vec<String>,
    /// Occupations a seasonal request may be for (farm work).
    pub seasonal_occupations: Vec<String>,
    /// ISCO prefix -> category (0: none of 1-4), longest prefixes first.
    pub category_by_occupation: Vec<(String, u8)>,
    pub minimum_wage: f64,
    pub test_days: i64,
    pub wage_floor_share: f64,
    pub oversized_ratio: f64,
    pub low_prior_use: f64,
    pub project_exception: bool,
    /// Severity per flag: 1 low, 2 medium, 3 high.
    pub severity: BTreeMap<String, u8>,
    /// The order's limit on seasonal workers (None: no limit in force).
    pub seasonal_limit: Option<u64>,
}

impl VettingRules {
    pub fn from_params(params: &Params, date: NaiveDate) -> Result<VettingRules> {
        let lc_ratio = crate::allocate::foreign::lc_ratios(
            &params.table("foreign_labour.local_content_min_citizen_share", date)?.value,
        )?;
        let mut category_by_occupation: Vec<(String, u8)> = Vec::new();
        for (k, v) in params.table("vetting.category_by_occupation", date)?.value {
            if k.is_empty() || k.len() > 4 || !k.bytes().all(|b| b.is_ascii_digit()) {
                return Err(Error::param(
                    "vetting.category_by_occupation",
                    Msg::new("vet-isco-prefix").arg("value", k),
                ));
            }
            category_by_occupation.push((k, v as u8));
        }
        category_by_occupation.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        let severity_table = params.table("vetting.flag_severity", date)?.value;
        let mut severity = BTreeMap::new();
        for f in FLAGS {
            let v = severity_table
                .get(f)
                .ok_or_else(|| Error::param("vetting.flag_severity", Msg::new("vet-no-severity").arg("flag", f)))?;
            severity.insert(f.to_string(), *v as u8);
        }
        if let Some(k) = severity_table.keys().find(|k| !FLAGS.contains(&k.as_str())) {
            return Err(Error::param(
                "vetting.flag_severity",
                Msg::new("vet-not-flag").arg("value", k).arg("flags", FLAGS.join(", ")),
            ));
        }
        let order = params.table("foreign_labour.order_by_category", date)?.value;
        Ok(VettingRules {
            lc_ratio,
            ict_max_share: params.number("foreign_labour.ict_max_share_of_citizen_staff", date)?.value,
            seasonal_sections: params.sections("foreign_labour.seasonal_sections", date)?.value,
            closed_sections: params.sections("foreign_labour.closed_sections", date)?.value,
            closed_occupations: params.codes("vetting.closed_occupations", date)?.value,
            seasonal_occupations: params.codes("vetting.seasonal_occupations", date)?.value,
            category_by_occupation,
            minimum_wage: params.number("vetting.minimum_wage_kzt", date)?.value,
            test_days: params.number("vetting.labour_market_test_days", date)?.value.round() as i64,
            wage_floor_share: params.number("vetting.wage_floor_share_of_median", date)?.value,
            oversized_ratio: params.number("vetting.oversized_workers_per_staff", date)?.value,
            low_prior_use: params.number("vetting.low_prior_use_share", date)?.value,
            project_exception: params.number("vetting.surplus_project_exception", date)?.value == 1.0,
            severity,
            seasonal_limit: order.get("seasonal").map(|v| v.round() as u64),
        })
    }

    /// The category of an occupation by its longest listed prefix (None: no prefix matches).
    pub fn category_of(&self, occupation: &str) -> Option<u8> {
        self.category_by_occupation.iter().find(|(p, _)| occupation.starts_with(p.as_str())).map(|(_, c)| *c)
    }

    fn closed_occupation(&self, occupation: &str) -> Option<&str> {
        self.closed_occupations.iter().find(|c| occupation.starts_with(c.as_str())).map(String::as_str)
    }

    pub fn severity_code(&self, flag: &str) -> &'static str {
        match self.severity.get(flag).copied().unwrap_or(2) {
            1 => "low",
            3 => "high",
            _ => "medium",
        }
    }
}

/// What the vetting needs beside the lines and the rules.
pub struct VettingContext<'a> {
    /// The shortage rating of each region x section cell.
    pub ratings: &'a BTreeMap<(Region, OkedSection), Rating>,
    pub wages: &'a OccupationWages,
    /// Factor taking the wages of `wages.year` to the request year (national average wage).
    pub wage_scale: f64,
    pub projects: Option<&'a [Project]>,
    /// The year the quota is for.
    pub target_year: i32,
}

/// The decision on a request line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Decision {
    Approved,
    Reduced,
    Rejected,
    OutsideQuota,
}

impl Decision {
    pub fn code(self) -> &'static str {
        match self {
            Decision::Approved => "approved",
            Decision::Reduced => "reduced",
            Decision::Rejected => "rejected",
            Decision::OutsideQuota => "outside_quota",
        }
    }
}

/// One vetted request line.
#[derive(Debug, Clone, PartialEq)]
pub struct VettedRequest {
    pub request_id: String,
    pub employer_id: String,
    pub region: Region,
    pub section: OkedSection,
    pub occupation: String,
    pub category_requested: RequestCategory,
    /// The category the request counts in (from the occupation where the rules say so).
    pub category: RequestCategory,
    pub workers: u64,
    /// Workers justified after every rule, before the ceiling.
    pub justified: u64,
    /// Workers in the quota after the ceiling is shared (0 for ICT: outside the quota).
    pub quota: u64,
    pub decision: Decision,
    pub rules: Vec<&'static str>,
    pub flags: Vec<&'static str>,
    pub project_id: Option<String>,
    pub evidence: Evidence,
    /// The steps of the rules, in order; the explanation ends with the quota.
    notes: Vec<Note>,
    /// Evidence per flag, for the employer roll-up.
    flag_evidence: Vec<(&'static str, FlagEvidence)>,
    pub explanation: String,
}

/// The numbers behind a flag, as facts: [`std::fmt::Display`] gives the English text of
/// `requests_vetted.explanation` and `employer_flags.evidence`, [`FlagEvidence::text`] the same
/// in the language of a catalogue.
#[derive(Debug, Clone, PartialEq)]
pub enum FlagEvidence {
    SeasonalOutsideAgriculture { section: OkedSection },
    SurplusCell { region: Region, section: OkedSection },
    CitizensAvailable { applicants: u64, posts: u64 },
    WageBelowMedian { offered: f64, median: f64, major: u8, region: Region, year: i32, minimum: f64 },
    LocalContent { citizens: u64, category: &'static str, allowed: u64 },
    OversizedRequest { workers: u64, staff: u64 },
    LowPriorUse { used: u64, quota: u64 },
    UnknownProject { project: String },
    EndedProject { project: String, end: NaiveDate },
    NoPosting,
    LatePosting { posting: String, posted: NaiveDate, days: i64, submitted: NaiveDate, needed: i64 },
    ElementaryOccupation { occupation: String, declared: &'static str },
    OtherCategory { occupation: String, derived: &'static str, declared: &'static str },
    NotSeasonalWork { occupation: String },
    SharedPosting { posting: String, employers: Vec<String> },
    LinkedEmployers { employers: Vec<String>, workers: u64, region: Region, isco: char, citizens: u64 },
}

/// A step of a request line's vetting, as facts: [`std::fmt::Display`] is the English of
/// `requests_vetted.explanation`, [`Note::text`] the same in the language of a catalogue.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    ClosedSection { section: OkedSection },
    ClosedOccupation { occupation: String, code: String },
    SeasonalSection { section: OkedSection },
    UnratedCell { region: Region, section: OkedSection },
    SurplusWithProject { region: Region, section: OkedSection, project: String },
    SurplusCell { region: Region, section: OkedSection },
    CitizensReject { applicants: u64 },
    CitizensReduce { applicants: u64, left: u64 },
    WageFloor { wage: f64, floor: f64 },
    LocalContentAllows { allowed: u64 },
    IctLimited { allowed: u64, citizens: u64 },
    NoPosting,
    LatePosting { days: i64, needed: i64 },
    PostedDaysBefore { days: i64 },
    OccupationNotAdmitted { occupation: String },
    CountedInCategory { category: &'static str },
    CeilingLeaves { quota: u64, justified: u64 },
    SeasonalLimit { limit: u64, left: u64, justified: u64 },
}

impl Note {
    /// The step in the language of `t` (English equals [`std::fmt::Display`]).
    pub fn text(&self, t: &crate::i18n::Texts) -> String {
        let n = |x: u64| x.to_string();
        let th = |x: f64| match t.lang() {
            crate::i18n::Lang::En => crate::fmt::thousands_f64(x),
            _ => t.int(x.round().max(0.0) as i64),
        };
        let cell = |r: &Region, s: &OkedSection| format!("{} x {}", r.name_in(t.lang()), s.code());
        let (key, args): (&str, Vec<(&str, String)>) = match self {
            Note::ClosedSection { section } => ("rl-closed-section", vec![("section", section.code().into())]),
            Note::ClosedOccupation { occupation, code } => {
                ("rl-closed-occupation", vec![("occupation", occupation.clone()), ("code", code.clone())])
            }
            Note::SeasonalSection { section } => ("rl-seasonal-section", vec![("section", section.code().into())]),
            Note::UnratedCell { region, section } => ("rl-unrated-cell", vec![("cell", cell(region, section))]),
            Note::SurplusWithProject { region, section, project } => {
                ("rl-surplus-project", vec![("cell", cell(region, section)), ("project", project.clone())])
            }
            Note::SurplusCell { region, section } => ("rl-surplus-cell", vec![("cell", cell(region, section))]),
            Note::CitizensReject { applicants } => ("rl-citizens-reject", vec![("applicants", n(*applicants))]),
            Note::CitizensReduce { applicants, left } => {
                ("rl-citizens-reduce", vec![("applicants", n(*applicants)), ("left", n(*left))])
            }
            Note::WageFloor { wage, floor } => ("rl-wage-floor", vec![("wage", th(*wage)), ("floor", th(*floor))]),
            Note::LocalContentAllows { allowed } => ("rl-local-content", vec![("allowed", n(*allowed))]),
            Note::IctLimited { allowed, citizens } => {
                ("rl-ict-limited", vec![("allowed", n(*allowed)), ("citizens", n(*citizens))])
            }
            Note::NoPosting => ("rl-no-posting", vec![]),
            Note::LatePosting { days, needed } => {
                ("rl-late-posting", vec![("days", days.to_string()), ("needed", needed.to_string())])
            }
            Note::PostedDaysBefore { days } => ("rl-posted-before", vec![("days", days.to_string())]),
            Note::OccupationNotAdmitted { occupation } => {
                ("rl-occupation-not-admitted", vec![("occupation", occupation.clone())])
            }
            Note::CountedInCategory { category } => {
                ("rl-counted-in-category", vec![("category", category.to_string())])
            }
            Note::CeilingLeaves { quota, justified } => {
                ("rl-ceiling-leaves", vec![("quota", n(*quota)), ("justified", n(*justified))])
            }
            Note::SeasonalLimit { limit, left, justified } => {
                ("rl-seasonal-limit", vec![("limit", n(*limit)), ("left", n(*left)), ("justified", n(*justified))])
            }
        };
        t.fs(key, &args)
    }
}

impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(crate::i18n::Lang::En.texts()))
    }
}

impl FlagEvidence {
    /// The evidence in the language of `t` (English equals [`std::fmt::Display`]).
    pub fn text(&self, t: &crate::i18n::Texts) -> String {
        // Tenge with commas in English (as the table always had them), the catalogue's grouping
        // (a narrow no-break space) in Kazakh and Russian, where the comma is the decimal mark.
        let th = |x: f64| match t.lang() {
            crate::i18n::Lang::En => crate::fmt::thousands_f64(x),
            _ => t.int(x.round().max(0.0) as i64),
        };
        let n = |x: u64| x.to_string();
        let region = |r: &Region| r.name_in(t.lang()).to_string();
        use FlagEvidence as F;
        let (key, args): (&str, Vec<(&str, String)>) = match self {
            F::SeasonalOutsideAgriculture { section } => {
                ("fe-seasonal-outside", vec![("section", section.code().into())])
            }
            F::SurplusCell { region: r, section } => {
                ("fe-surplus-cell", vec![("region", region(r)), ("section", section.code().into())])
            }
            F::CitizensAvailable { applicants, posts } => {
                ("fe-citizens-available", vec![("applicants", n(*applicants)), ("posts", n(*posts))])
            }
            F::WageBelowMedian { offered, median, major, region: r, year, minimum } => (
                "fe-wage-below-median",
                vec![
                    ("offered", th(*offered)),
                    ("median", th(*median)),
                    ("major", major.to_string()),
                    ("region", region(r)),
                    ("year", year.to_string()),
                    ("minimum", th(*minimum)),
                ],
            ),
            F::LocalContent { citizens, category, allowed } => (
                "fe-local-content",
                vec![("citizens", n(*citizens)), ("category", category.to_string()), ("allowed", n(*allowed))],
            ),
            F::OversizedRequest { workers, staff } => {
                ("fe-oversized-request", vec![("workers", n(*workers)), ("staff", n(*staff))])
            }
            F::LowPriorUse { used, quota } => ("fe-low-prior-use", vec![("used", n(*used)), ("quota", n(*quota))]),
            F::UnknownProject { project } => ("fe-unknown-project", vec![("project", project.clone())]),
            F::EndedProject { project, end } => {
                ("fe-ended-project", vec![("project", project.clone()), ("end", end.to_string())])
            }
            F::NoPosting => ("fe-no-posting", vec![]),
            F::LatePosting { posting, posted, days, submitted, needed } => (
                "fe-late-posting",
                vec![
                    ("posting", posting.clone()),
                    ("posted", posted.to_string()),
                    ("days", days.to_string()),
                    ("submitted", submitted.to_string()),
                    ("needed", needed.to_string()),
                ],
            ),
            F::ElementaryOccupation { occupation, declared } => (
                "fe-elementary-occupation",
                vec![("occupation", occupation.clone()), ("declared", declared.to_string())],
            ),
            F::OtherCategory { occupation, derived, declared } => (
                "fe-other-category",
                vec![
                    ("occupation", occupation.clone()),
                    ("derived", derived.to_string()),
                    ("declared", declared.to_string()),
                ],
            ),
            F::NotSeasonalWork { occupation } => ("fe-not-seasonal-work", vec![("occupation", occupation.clone())]),
            F::SharedPosting { posting, employers } => {
                ("fe-shared-posting", vec![("posting", posting.clone()), ("employers", employers.join(", "))])
            }
            F::LinkedEmployers { employers, workers, region: r, isco, citizens } => (
                "fe-linked-employers",
                vec![
                    ("employers", employers.join(", ")),
                    ("workers", n(*workers)),
                    ("region", region(r)),
                    ("isco", isco.to_string()),
                    ("citizens", n(*citizens)),
                ],
            ),
        };
        t.fs(key, &args)
    }
}

impl std::fmt::Display for FlagEvidence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(crate::i18n::Lang::En.texts()))
    }
}

/// A flag rolled up per employer.
#[derive(Debug, Clone, PartialEq)]
pub struct EmployerFlag {
    pub employer_id: String,
    pub flag: &'static str,
    pub severity: &'static str,
    /// Requests of the employer that raised it.
    pub requests: u64,
    /// The first of them and the numbers behind its flag.
    pub first_request: String,
    pub first_evidence: FlagEvidence,
    /// [`EmployerFlag::evidence_text`] in English.
    pub evidence: String,
}

impl EmployerFlag {
    /// The evidence in the language of `t`: the first request and its numbers, and how many
    /// requests raised the flag.
    pub fn evidence_text(&self, t: &crate::i18n::Texts) -> String {
        let one = format!("{}: {}", self.first_request, self.first_evidence.text(t));
        if self.requests > 1 { t.fs("fe-roll-many", &[("n", self.requests.to_string()), ("first", one)]) } else { one }
    }
}

/// The result of vetting a requests table.
#[derive(Debug, Clone)]
pub struct Vetting {
    pub requests: Vec<VettedRequest>,
    pub employer_flags: Vec<EmployerFlag>,
}

/// Vets every line (rules, then the cross-request flags, then the seasonal limit). The quota
/// column is filled by [`Vetting::share_quota`] once the allocation has shared the ceiling.
pub fn vet(lines: &[RequestLine], rules: &VettingRules, ctx: &VettingContext) -> Result<Vetting> {
    let year_start = crate::params::year_start(ctx.target_year);
    let projects: BTreeMap<&str, &Project> =
        ctx.projects.unwrap_or(&[]).iter().map(|p| (p.project_id.as_str(), p)).collect();
    let mut out: Vec<VettedRequest> = lines.iter().map(|l| vet_line(l, rules, ctx, &projects, year_start)).collect();
    shared_postings(lines, &mut out);
    linked_employers(lines, &mut out);
    seasonal_limit(rules, &mut out)?;
    let mut v = Vetting { requests: out, employer_flags: Vec::new() };
    v.employer_flags = roll_up(&v.requests, rules);
    Ok(v)
}

fn vet_line(
    l: &RequestLine,
    rules: &VettingRules,
    ctx: &VettingContext,
    projects: &BTreeMap<&str, &Project>,
    year_start: NaiveDate,
) -> VettedRequest {
    let mut v = VettedRequest {
        request_id: l.request_id.clone(),
        employer_id: l.employer_id.clone(),
        region: l.region,
        section: l.section,
        occupation: l.occupation.clone(),
        category_requested: l.category,
        category: l.category,
        workers: l.workers,
        justified: l.workers,
        quota: 0,
        decision: Decision::Rejected,
        rules: Vec::new(),
        flags: Vec::new(),
        project_id: l.project_id.clone(),
        evidence: l.evidence,
        notes: Vec::new(),
        flag_evidence: Vec::new(),
        explanation: String::new(),
    };
    let ict = l.category == RequestCategory::Ict;
    let seasonal = l.category == RequestCategory::Worker(WorkerCategory::Seasonal);

    let project_current = side_flags(&mut v, l, rules, projects, year_start);
    // 1. Closed sections and occupations.
    if rules.closed_sections.contains(&l.section) {
        v.reject("closed_section", Note::ClosedSection { section: l.section });
    } else if let Some(code) = rules.closed_occupation(&l.occupation) {
        v.reject(
            "closed_occupation",
            Note::ClosedOccupation { occupation: l.occupation.clone(), code: code.to_string() },
        );
    }
    category_rule(&mut v, l, rules, ict, seasonal);
    // 3. Seasonal workers only in the seasonal sections.
    if seasonal && v.justified > 0 && !rules.seasonal_sections.contains(&l.section) {
        v.flag("seasonal_outside_agriculture", FlagEvidence::SeasonalOutsideAgriculture { section: l.section });
        v.reject("seasonal_section", Note::SeasonalSection { section: l.section });
    }
    // 4. The cell's shortage rating (ICT is outside the quota and its tests).
    if !ict && v.justified > 0 && !ctx.ratings.contains_key(&(l.region, l.section)) {
        v.reject("unrated_cell", Note::UnratedCell { region: l.region, section: l.section });
    }
    if !ict && v.justified > 0 && ctx.ratings.get(&(l.region, l.section)) == Some(&Rating::Surplus) {
        if rules.project_exception && project_current {
            v.notes.push(Note::SurplusWithProject {
                region: l.region,
                section: l.section,
                project: l.project_id.clone().unwrap_or_default(),
            });
        } else {
            v.flag("surplus_cell", FlagEvidence::SurplusCell { region: l.region, section: l.section });
            v.reject("surplus_cell", Note::SurplusCell { region: l.region, section: l.section });
        }
    }
    labour_market_test(&mut v, l, rules, ict);
    // 6. Suitable citizens who applied.
    if !ict && v.justified > 0 && l.citizen_applicants > 0 {
        if l.citizen_applicants >= v.justified {
            v.flag(
                "citizens_available",
                FlagEvidence::CitizensAvailable { applicants: l.citizen_applicants, posts: l.workers },
            );
            v.reject("citizens_available", Note::CitizensReject { applicants: l.citizen_applicants });
        } else {
            v.justified -= l.citizen_applicants;
            v.rules.push("citizens_available");
            v.notes.push(Note::CitizensReduce { applicants: l.citizen_applicants, left: v.justified });
        }
    }
    // 7. Wage floor.
    if !ict && v.justified > 0 {
        let major = l.occupation.as_bytes()[0] - b'0';
        let median = ctx.wages.wage(l.region, major as usize) * ctx.wage_scale;
        let floor = (rules.wage_floor_share * median).max(rules.minimum_wage);
        if l.wage_kzt < floor {
            v.flag(
                "wage_below_median",
                FlagEvidence::WageBelowMedian {
                    offered: l.wage_kzt,
                    median,
                    major,
                    region: l.region,
                    year: ctx.wages.year,
                    minimum: rules.minimum_wage,
                },
            );
            v.reject("wage_floor", Note::WageFloor { wage: l.wage_kzt, floor });
        }
    }
    // 8. Local content (categories 1-4) or the ICT limit.
    if v.justified > 0 {
        match v.category {
            RequestCategory::Worker(c) if c != WorkerCategory::Seasonal => {
                let k = WorkerCategory::ALL.iter().position(|x| *x == c).expect("category");
                let allowed = (rules.lc_ratio[k] * l.citizen_staff as f64 + 1e-9).floor() as u64;
                if v.justified > allowed {
                    v.flag(
                        "local_content",
                        FlagEvidence::LocalContent { citizens: l.citizen_staff, category: c.code(), allowed },
                    );
                    v.justified = allowed;
                    v.rules.push("local_content");
                    v.notes.push(Note::LocalContentAllows { allowed });
                }
            }
            RequestCategory::Ict => {
                let allowed = (rules.ict_max_share * l.citizen_staff as f64 + 1e-9).floor() as u64;
                if v.justified > allowed {
                    v.justified = allowed;
                    v.rules.push("ict_limit");
                    v.notes.push(Note::IctLimited { allowed, citizens: l.citizen_staff });
                }
            }
            _ => {}
        }
    }
    v
}

/// Flags that do not change the number; returns whether the request cites a current project.
fn side_flags(
    v: &mut VettedRequest,
    l: &RequestLine,
    rules: &VettingRules,
    projects: &BTreeMap<&str, &Project>,
    year_start: NaiveDate,
) -> bool {
    if l.employer_staff == 0 || l.workers as f64 > rules.oversized_ratio * l.employer_staff as f64 {
        v.flag("oversized_request", FlagEvidence::OversizedRequest { workers: l.workers, staff: l.employer_staff });
    }
    if let (Some(q), Some(u)) = (l.prior_quota, l.prior_used)
        && q > 0
        && (u as f64) < rules.low_prior_use * q as f64
    {
        v.flag("low_prior_use", FlagEvidence::LowPriorUse { used: u, quota: q });
    }
    let project = l.project_id.as_deref().map(|id| (id, projects.get(id).copied()));
    match project {
        None => false,
        Some((id, None)) => {
            v.flag("unknown_project", FlagEvidence::UnknownProject { project: id.to_string() });
            false
        }
        Some((id, Some(p))) if p.status == ProjectStatus::Finished || p.end < year_start => {
            v.flag("unknown_project", FlagEvidence::EndedProject { project: id.to_string(), end: p.end });
            false
        }
        Some((_, Some(_))) => true,
    }
}

/// A posting on the exchange long enough before the request (ICT is exempt).
fn labour_market_test(v: &mut VettedRequest, l: &RequestLine, rules: &VettingRules, ict: bool) {
    if !ict && v.justified > 0 {
        match (&l.posting_id, l.posting_date) {
            (None, _) | (_, None) => {
                v.flag("no_labour_market_test", FlagEvidence::NoPosting);
                v.reject("labour_market_test", Note::NoPosting);
            }
            (Some(id), Some(d)) => {
                let days = (l.submitted - d).num_days();
                if days < rules.test_days {
                    v.flag(
                        "posting_after_request",
                        FlagEvidence::LatePosting {
                            posting: id.to_string(),
                            posted: d,
                            days,
                            submitted: l.submitted,
                            needed: rules.test_days,
                        },
                    );
                    v.reject("labour_market_test", Note::LatePosting { days, needed: rules.test_days });
                } else {
                    v.notes.push(Note::PostedDaysBefore { days });
                }
            }
        }
    }
}

/// The category follows from the occupation.
fn category_rule(v: &mut VettedRequest, l: &RequestLine, rules: &VettingRules, ict: bool, seasonal: bool) {
    if !ict && v.justified > 0 {
        match (rules.category_of(&l.occupation), seasonal) {
            (Some(0), false) => {
                v.flag(
                    "category_occupation_mismatch",
                    FlagEvidence::ElementaryOccupation {
                        occupation: l.occupation.clone(),
                        declared: l.category.code(),
                    },
                );
                v.reject("occupation_category", Note::OccupationNotAdmitted { occupation: l.occupation.clone() });
            }
            (Some(k), false) => {
                let derived = WorkerCategory::ALL[(k - 1) as usize];
                if RequestCategory::Worker(derived) != l.category {
                    v.flag(
                        "category_occupation_mismatch",
                        FlagEvidence::OtherCategory {
                            occupation: l.occupation.clone(),
                            derived: derived.code(),
                            declared: l.category.code(),
                        },
                    );
                    v.category = RequestCategory::Worker(derived);
                    v.notes.push(Note::CountedInCategory { category: derived.code() });
                }
            }
            (_, true) if !rules.seasonal_occupations.iter().any(|c| l.occupation.starts_with(c.as_str())) => {
                v.flag(
                    "category_occupation_mismatch",
                    FlagEvidence::NotSeasonalWork { occupation: l.occupation.clone() },
                );
            }
            _ => {}
        }
    }
}

impl VettedRequest {
    fn flag(&mut self, code: &'static str, evidence: FlagEvidence) {
        if !self.flags.contains(&code) {
            self.flags.push(code);
            self.flag_evidence.push((code, evidence));
        }
    }

    fn reject(&mut self, rule: &'static str, why: Note) {
        if self.justified > 0 {
            self.justified = 0;
            self.rules.push(rule);
            self.notes.push(why);
        }
    }

    fn finish(&mut self) {
        self.decision = match self.category {
            RequestCategory::Ict => Decision::OutsideQuota,
            _ if self.quota == 0 && self.workers > 0 => Decision::Rejected,
            _ if self.quota < self.workers => Decision::Reduced,
            _ => Decision::Approved,
        };
        if self.category != RequestCategory::Ict && self.quota < self.justified {
            self.rules.push("ceiling");
            self.notes.push(Note::CeilingLeaves { quota: self.quota, justified: self.justified });
        }
        self.explanation = self.explanation_in(crate::i18n::Lang::En.texts());
    }

    /// Why the line has its quota, in the language of `t`: the request, each step of the rules,
    /// the decision, and the numbers behind its flags (English: `explanation`).
    pub fn explanation_in(&self, t: &crate::i18n::Texts) -> String {
        let en = t.lang() == crate::i18n::Lang::En;
        let head = t.fs(
            "rl-head",
            &[
                ("request", self.request_id.clone()),
                ("employer", self.employer_id.clone()),
                ("workers", self.workers.to_string()),
                ("occupation", self.occupation.clone()),
                ("category", self.category_requested.code().to_string()),
                ("cell", format!("{} x {}", self.region.name_in(t.lang()), self.section.code())),
            ],
        );
        let tail = match self.decision {
            Decision::OutsideQuota => t.fs("rl-tail-ict", &[("justified", self.justified.to_string())]),
            d => t.fs(
                "rl-tail",
                &[
                    ("justified", self.justified.to_string()),
                    ("quota", self.quota.to_string()),
                    ("decision", t.name("rl-decision", d.code())),
                ],
            ),
        };
        let mut parts = vec![head];
        parts.extend(self.notes.iter().map(|n| n.text(t)));
        parts.push(tail);
        let mut out = parts.join("; ");
        if !self.flags.is_empty() {
            let ev: Vec<String> = self
                .flag_evidence
                .iter()
                .map(|(f, e)| format!("{}: {}", if en { f.to_string() } else { t.name("flag", f) }, e.text(t)))
                .collect();
            out.push_str(". ");
            out.push_str(&t.fs("rl-flags", &[("list", ev.join("; "))]));
        }
        out
    }
}

/// One posting behind requests of different employers.
fn shared_postings(lines: &[RequestLine], out: &mut [VettedRequest]) {
    let mut by_posting: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for l in lines {
        if let Some(p) = &l.posting_id {
            by_posting.entry(p.as_str()).or_default().insert(l.employer_id.as_str());
        }
    }
    for (l, v) in lines.iter().zip(out.iter_mut()) {
        if let Some(p) = &l.posting_id {
            let employers = &by_posting[p.as_str()];
            if employers.len() > 1 {
                let names: Vec<&str> = employers.iter().copied().collect();
                v.flag(
                    "shared_posting",
                    FlagEvidence::SharedPosting {
                        posting: p.to_string(),
                        employers: names.iter().map(|s| s.to_string()).collect(),
                    },
                );
            }
        }
    }
}

/// Employers tied by a director or an address that file in the same region and occupation
/// group.
fn linked_employers(lines: &[RequestLine], out: &mut [VettedRequest]) {
    // Union-find over employers through shared keys.
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for l in lines {
        let n = index.len();
        index.entry(l.employer_id.as_str()).or_insert(n);
    }
    let mut parent: Vec<usize> = (0..index.len()).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let mut first: BTreeMap<(u8, &str), usize> = BTreeMap::new();
    for l in lines {
        let e = index[l.employer_id.as_str()];
        for (kind, key) in [(0u8, &l.director_id), (1u8, &l.address_id)] {
            if let Some(k) = key {
                match first.get(&(kind, k.as_str())) {
                    Some(&o) => {
                        let (a, b) = (find(&mut parent, o), find(&mut parent, e));
                        parent[a.max(b)] = a.min(b);
                    }
                    None => {
                        first.insert((kind, k.as_str()), e);
                    }
                }
            }
        }
    }
    // Group requests by (component, region, ISCO major group) and count employers.
    type Group<'a> = (BTreeSet<&'a str>, u64, u64);
    let mut groups: BTreeMap<(usize, Region, u8), Group> = BTreeMap::new();
    let keys: Vec<(usize, Region, u8)> = lines
        .iter()
        .map(|l| {
            let root = find(&mut parent, index[l.employer_id.as_str()]);
            (root, l.region, l.occupation.as_bytes()[0])
        })
        .collect();
    let mut staff_seen: BTreeSet<(&str, usize)> = BTreeSet::new();
    for (l, k) in lines.iter().zip(&keys) {
        let g = groups.entry(*k).or_default();
        g.0.insert(l.employer_id.as_str());
        g.1 += l.workers;
        if staff_seen.insert((l.employer_id.as_str(), k.0)) {
            g.2 += l.citizen_staff;
        }
    }
    for ((l, v), k) in lines.iter().zip(out.iter_mut()).zip(&keys) {
        let g = &groups[k];
        if g.0.len() > 1 {
            let names: Vec<&str> = g.0.iter().copied().collect();
            v.flag(
                "linked_employers",
                FlagEvidence::LinkedEmployers {
                    employers: names.iter().map(|s| s.to_string()).collect(),
                    workers: g.1,
                    region: l.region,
                    isco: l.occupation.as_bytes()[0] as char,
                    citizens: g.2,
                },
            );
        }
    }
}

/// The seasonal total within the order's limit, shared by Hamilton over the seasonal requests.
fn seasonal_limit(rules: &VettingRules, out: &mut [VettedRequest]) -> Result<()> {
    let Some(limit) = rules.seasonal_limit else { return Ok(()) };
    let idx: Vec<usize> = (0..out.len())
        .filter(|&i| out[i].category == RequestCategory::Worker(WorkerCategory::Seasonal) && out[i].justified > 0)
        .collect();
    let w: Vec<u64> = idx.iter().map(|&i| out[i].justified).collect();
    let Some(seats) = within_seasonal_limit(limit, &w)? else { return Ok(()) };
    for (k, &i) in idx.iter().enumerate() {
        if seats[k] < out[i].justified {
            out[i].notes.push(Note::SeasonalLimit { limit, left: seats[k], justified: out[i].justified });
            out[i].justified = seats[k];
            out[i].rules.push("seasonal_limit");
        }
    }
    Ok(())
}

/// The seasonal requests' justified workers `w` shared within the limit (Hamilton, never above
/// a request), or `None` when they fit.
fn within_seasonal_limit(limit: u64, w: &[u64]) -> Result<Option<Vec<u64>>> {
    if w.iter().sum::<u64>() <= limit {
        return Ok(None);
    }
    Ok(Some(apportion_counts("the seasonal limit over seasonal requests", limit, w, Method::Hamilton, Some(w))?.seats))
}

/// The vetted requests under other ratings of the cells, for the uncertainty simulation. Only
/// rule 4 (`surplus_cell`) reads a cell's rating, and the seasonal limit (rule 9) shares what
/// the lines before it left; so each line is vetted twice, as if its cell were rated surplus
/// and as if it were not, and under any ratings a line takes one of the two, the seasonal
/// limit shared afresh. [`RatingAlternatives::justified_by_cell`] under the run's own ratings
/// is exactly [`Vetting::justified_by_cell`] of [`vet`].
#[derive(Debug, Clone)]
pub struct RatingAlternatives {
    path: std::path::PathBuf,
    seasonal_limit: Option<u64>,
    /// The lines outside the seasonal limit, summed per cell and category: the workers justified
    /// if the cell is not rated surplus and if it is.
    summed: Vec<(Region, OkedSection, RequestCategory, u64, u64)>,
    /// The seasonal lines, in their order (the seasonal limit's Hamilton shares go by it): cell,
    /// and the workers justified before the limit if the cell is not rated surplus and if it is.
    seasonal: Vec<(Region, OkedSection, u64, u64)>,
}

impl RatingAlternatives {
    /// Vets `lines` as [`vet`] does, under the ratings of `ctx` with every surplus cell
    /// rated balanced, and with every rated cell rated surplus (unrated cells stay unrated).
    pub fn new(
        path: &std::path::Path,
        lines: &[RequestLine],
        rules: &VettingRules,
        ctx: &VettingContext,
    ) -> RatingAlternatives {
        let year_start = crate::params::year_start(ctx.target_year);
        let projects: BTreeMap<&str, &Project> =
            ctx.projects.unwrap_or(&[]).iter().map(|p| (p.project_id.as_str(), p)).collect();
        let as_rated = |to: &dyn Fn(Rating) -> Rating| -> Vec<VettedRequest> {
            let ratings: BTreeMap<(Region, OkedSection), Rating> =
                ctx.ratings.iter().map(|(k, r)| (*k, to(*r))).collect();
            let c = VettingContext { ratings: &ratings, ..*ctx };
            lines.iter().map(|l| vet_line(l, rules, &c, &projects, year_start)).collect()
        };
        let not_surplus = as_rated(&|r| if r == Rating::Surplus { Rating::Balanced } else { r });
        let surplus = as_rated(&|_| Rating::Surplus);
        // The category a line counts in is set before the rating is read (rule 2).
        let mut summed: BTreeMap<(Region, OkedSection, RequestCategory), (u64, u64)> = BTreeMap::new();
        let mut seasonal = Vec::new();
        for (n, s) in not_surplus.iter().zip(&surplus) {
            if n.category == RequestCategory::Worker(WorkerCategory::Seasonal) {
                seasonal.push((n.region, n.section, n.justified, s.justified));
            } else {
                let e = summed.entry((n.region, n.section, n.category)).or_default();
                e.0 += n.justified;
                e.1 += s.justified;
            }
        }
        RatingAlternatives {
            path: path.to_path_buf(),
            seasonal_limit: rules.seasonal_limit,
            summed: summed.into_iter().map(|((r, s, c), (n, sur))| (r, s, c, n, sur)).collect(),
            seasonal,
        }
    }

    /// The justified workers per cell and category, as the allocation takes them, when the
    /// cells for which `surplus` is true are rated surplus and the others are not.
    pub fn justified_by_cell(&self, surplus: impl Fn(Region, OkedSection) -> bool) -> Result<EmployerRequests> {
        let mut seasonal: Vec<u64> =
            self.seasonal.iter().map(|&(r, s, n, sur)| if surplus(r, s) { sur } else { n }).collect();
        if let Some(limit) = self.seasonal_limit {
            let idx: Vec<usize> = (0..seasonal.len()).filter(|&i| seasonal[i] > 0).collect();
            let w: Vec<u64> = idx.iter().map(|&i| seasonal[i]).collect();
            if let Some(seats) = within_seasonal_limit(limit, &w)? {
                for (k, &i) in idx.iter().enumerate() {
                    seasonal[i] = seats[k];
                }
            }
        }
        let others = self.summed.iter().map(|&(r, s, c, n, sur)| (r, s, c, if surplus(r, s) { sur } else { n }));
        let season = RequestCategory::Worker(WorkerCategory::Seasonal);
        let seasonal = self.seasonal.iter().zip(seasonal).map(|(&(r, s, ..), j)| (r, s, season, j));
        Ok(by_cell(&self.path, others.chain(seasonal)))
    }
}

/// Justified workers summed per cell and category, as the allocation takes them.
fn by_cell(
    path: &std::path::Path,
    lines: impl Iterator<Item = (Region, OkedSection, RequestCategory, u64)>,
) -> EmployerRequests {
    let mut m: BTreeMap<(Region, OkedSection, RequestCategory), u64> = BTreeMap::new();
    for (region, section, category, justified) in lines {
        if justified > 0 {
            *m.entry((region, section, category)).or_default() += justified;
        }
    }
    let rows = m
        .into_iter()
        .map(|((region, section, category), n)| EmployerRequest {
            region,
            section,
            category,
            requested: n,
            citizen_staff: None,
            row: 0,
        })
        .collect();
    EmployerRequests { path: path.to_path_buf(), rows, vetted: true }
}

fn roll_up(requests: &[VettedRequest], rules: &VettingRules) -> Vec<EmployerFlag> {
    let mut m: BTreeMap<(&str, usize), (u64, &str, &FlagEvidence)> = BTreeMap::new();
    for r in requests {
        for (f, e) in &r.flag_evidence {
            let k = FLAGS.iter().position(|x| x == f).expect("known flag");
            let entry = m.entry((r.employer_id.as_str(), k)).or_insert((0, r.request_id.as_str(), e));
            entry.0 += 1;
        }
    }
    m.into_iter()
        .map(|((employer, k), (n, first, ev))| {
            let mut f = EmployerFlag {
                employer_id: employer.to_string(),
                flag: FLAGS[k],
                severity: rules.severity_code(FLAGS[k]),
                requests: n,
                first_request: first.to_string(),
                first_evidence: ev.clone(),
                evidence: String::new(),
            };
            f.evidence = f.evidence_text(crate::i18n::Lang::En.texts());
            f
        })
        .collect()
}

impl Vetting {
    /// The justified workers per cell and category, as the allocation takes them.
    pub fn justified_by_cell(&self, path: &std::path::Path) -> EmployerRequests {
        by_cell(path, self.requests.iter().map(|r| (r.region, r.section, r.category, r.justified)))
    }

    /// Shares each cell-and-category quota of the allocation over its requests (Hamilton by
    /// justified workers, never above them) and decides every request.
    pub fn share_quota(&mut self, rows: &[QuotaCell]) -> Result<()> {
        let quota: BTreeMap<(Region, OkedSection, WorkerCategory), u64> =
            rows.iter().map(|r| ((r.region, r.section, r.category), r.quota)).collect();
        let mut groups: BTreeMap<(Region, OkedSection, WorkerCategory), Vec<usize>> = BTreeMap::new();
        for (i, r) in self.requests.iter().enumerate() {
            if let RequestCategory::Worker(c) = r.category
                && r.justified > 0
            {
                groups.entry((r.region, r.section, c)).or_default().push(i);
            }
        }
        for (key, idx) in groups {
            let q = quota.get(&key).copied().unwrap_or(0);
            let w: Vec<u64> = idx.iter().map(|&i| self.requests[i].justified).collect();
            let total: u64 = w.iter().sum();
            if q > total {
                return Err(Error::Internal(format!(
                    "quota {q} of {} x {} category {} exceeds its justified requests {total}",
                    key.0,
                    key.1.code(),
                    key.2.code()
                )));
            }
            let seats = if q == total {
                w.clone()
            } else {
                let what =
                    format!("the quota of {} x {} category {} over its requests", key.0, key.1.code(), key.2.code());
                apportion_counts(&what, q, &w, Method::Hamilton, Some(&w))?.seats
            };
            for (k, &i) in idx.iter().enumerate() {
                self.requests[i].quota = seats[k];
            }
        }
        for r in &mut self.requests {
            r.finish();
        }
        Ok(())
    }

    /// Approved, reduced, rejected and outside-quota counts of request lines.
    pub fn decisions(&self) -> BTreeMap<Decision, u64> {
        let mut m = BTreeMap::new();
        for r in &self.requests {
            *m.entry(r.decision).or_default() += 1;
        }
        m
    }

    /// What the requests rest on: the weakest evidence of any line.
    pub fn evidence(&self) -> Evidence {
        self.requests.iter().map(|r| r.evidence).max().unwrap_or(Evidence::Ingested)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// Every step of the rules reads as before in English and is translated in Kazakh and
    /// Russian with the same numbers.
    #[test]
    fn notes_in_three_languages() {
        let r = Region::from_iso("KZ-55").unwrap();
        let s: OkedSection = "A".parse().unwrap();
        let all = [
            (Note::ClosedSection { section: s }, "section A is closed to foreign workers"),
            (
                Note::ClosedOccupation { occupation: "5414".into(), code: "54".into() },
                "occupation 5414 (ISCO 54) is closed to foreign workers",
            ),
            (
                Note::SeasonalSection { section: s },
                "seasonal workers are admitted only in agriculture, not in section A",
            ),
            (Note::UnratedCell { region: r, section: s }, "the panel has no cell Pavlodar Region x A to rate"),
            (
                Note::SurplusWithProject { region: r, section: s, project: "PRJ-001".into() },
                "Pavlodar Region x A is rated surplus, but the request cites current project PRJ-001",
            ),
            (Note::SurplusCell { region: r, section: s }, "Pavlodar Region x A is rated surplus"),
            (Note::CitizensReject { applicants: 5 }, "5 suitable citizens applied"),
            (Note::CitizensReduce { applicants: 2, left: 3 }, "2 suitable citizens applied -> 3"),
            (Note::WageFloor { wage: 120000.0, floor: 185500.0 }, "wage 120,000 below the floor of 185,500"),
            (Note::LocalContentAllows { allowed: 4 }, "local content allows 4"),
            (Note::IctLimited { allowed: 2, citizens: 5 }, "ICT limited to 2 by 5 citizens on staff"),
            (Note::NoPosting, "no vacancy was posted on the exchange"),
            (Note::LatePosting { days: 6, needed: 30 }, "the vacancy was posted 6 days before the request, not 30"),
            (Note::PostedDaysBefore { days: 41 }, "posted 41 days before"),
            (
                Note::OccupationNotAdmitted { occupation: "9211".into() },
                "occupation 9211 is not admitted in categories 1-4",
            ),
            (Note::CountedInCategory { category: "2" }, "counted in category 2 (its occupation's)"),
            (Note::CeilingLeaves { quota: 3, justified: 5 }, "the ceiling leaves 3 of 5"),
            (Note::SeasonalLimit { limit: 4994, left: 7, justified: 9 }, "the seasonal limit of 4994 leaves 7 of 9"),
        ];
        for (note, english) in &all {
            assert_eq!(note.to_string(), *english);
            for lang in [Lang::Kk, Lang::Ru] {
                let text = note.text(lang.texts());
                assert_ne!(&text, english, "{lang:?}");
                assert!(
                    text.chars().any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap())),
                    "{lang:?}: {text}"
                );
                for n in english.split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty() && n.len() < 4) {
                    assert!(text.contains(n), "{lang:?}: {text} lacks {n}");
                }
            }
        }
    }

    /// Every kind of flag evidence reads as before in English and is translated in Kazakh and
    /// Russian with the same numbers.
    #[test]
    fn flag_evidence_in_three_languages() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let r = Region::from_iso("KZ-55").unwrap();
        let s: OkedSection = "F".parse().unwrap();
        let all = [
            (FlagEvidence::SeasonalOutsideAgriculture { section: s }, "seasonal workers asked in section F"),
            (FlagEvidence::SurplusCell { region: r, section: s }, "Pavlodar Region x F is rated surplus"),
            (FlagEvidence::CitizensAvailable { applicants: 7, posts: 3 }, "7 suitable citizens applied for 3 posts"),
            (
                FlagEvidence::WageBelowMedian {
                    offered: 150000.0,
                    median: 412345.6,
                    major: 7,
                    region: r,
                    year: 2022,
                    minimum: 85000.0,
                },
                "offers 150,000 tenge against 412,346 (ISCO 7 in Pavlodar Region, 2022 wages scaled) and a minimum wage of 85,000",
            ),
            (
                FlagEvidence::LocalContent { citizens: 9, category: "3", allowed: 1 },
                "9 citizens on staff in category 3 allow 1 foreign workers",
            ),
            (
                FlagEvidence::OversizedRequest { workers: 40, staff: 12 },
                "40 workers asked by an employer with 12 staff",
            ),
            (FlagEvidence::LowPriorUse { used: 1, quota: 10 }, "used 1 of last year's quota of 10"),
            (
                FlagEvidence::UnknownProject { project: "P-9".into() },
                "cites project P-9, which is not in the projects table",
            ),
            (
                FlagEvidence::EndedProject { project: "P-1".into(), end: d("2024-12-31") },
                "cites project P-1, which ended on 2024-12-31",
            ),
            (FlagEvidence::NoPosting, "no vacancy posted on the electronic labour exchange"),
            (
                FlagEvidence::LatePosting {
                    posting: "V-1".into(),
                    posted: d("2025-09-14"),
                    days: 6,
                    submitted: d("2025-09-20"),
                    needed: 30,
                },
                "posting V-1 of 2025-09-14, 6 days before the request of 2025-09-20 (at least 30 needed)",
            ),
            (
                FlagEvidence::ElementaryOccupation { occupation: "9312".into(), declared: "3" },
                "occupation 9312 is elementary work, declared category 3",
            ),
            (
                FlagEvidence::OtherCategory { occupation: "2142".into(), derived: "2", declared: "3" },
                "occupation 2142 is category 2, declared 3",
            ),
            (
                FlagEvidence::NotSeasonalWork { occupation: "7112".into() },
                "seasonal request for occupation 7112, not seasonal farm work",
            ),
            (
                FlagEvidence::SharedPosting { posting: "V-2".into(), employers: vec!["E-1".into(), "E-2".into()] },
                "posting V-2 is cited by employers E-1, E-2",
            ),
            (
                FlagEvidence::LinkedEmployers {
                    employers: vec!["E-1".into(), "E-2".into()],
                    workers: 30,
                    region: r,
                    isco: '7',
                    citizens: 4,
                },
                "employers E-1, E-2 share a director or an address and together ask 30 workers in Pavlodar Region, ISCO group 7 (4 citizens on their staff)",
            ),
        ];
        for (e, english) in &all {
            assert_eq!(e.to_string(), *english);
            for lang in [Lang::Kk, Lang::Ru] {
                let text = e.text(lang.texts());
                assert_ne!(&text, english, "{lang:?}");
                assert!(
                    text.chars().any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap())),
                    "{lang:?}: {text}"
                );
                for n in english.split(|c: char| !c.is_ascii_digit()).filter(|n| n.len() == 1 || n.len() == 4) {
                    assert!(text.contains(n), "{lang:?}: {text} lacks {n}");
                }
            }
        }
    }
}
