//! Scenario files (`scenarios/*.toml`): target year, data, model choices and policy levers.
//!
//! Unknown keys and out-of-range values are errors naming the file and line. Policy numbers in
//! force by law (the ceiling %, MCI, support amounts...) are not here: they come from
//! `data/params/` by date. A scenario holds the levers a planner chooses (reserve share,
//! shortage cut-offs, the kandas budget) and may override a legal value only explicitly
//! (`ceiling_pct_override`), which the outputs then record.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Location, Result};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Identifier used for the output folder and in every exported file.
    pub id: String,
    #[serde(default)]
    pub title: String,
    /// The year the quotas are for.
    pub target_year: i32,
    #[serde(default)]
    pub data: DataConfig,
    #[serde(default)]
    pub forecast: ForecastConfig,
    #[serde(default)]
    pub shortage: ShortageConfig,
    #[serde(default)]
    pub foreign: ForeignConfig,
    pub kandas: KandasConfig,
    #[serde(default)]
    pub output: OutputConfig,
    #[serde(default)]
    pub uncertainty: UncertaintyConfig,
}

/// Seeded simulation of the gaps and quotas from the forecast intervals (`docs/methods.md`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UncertaintyConfig {
    /// Number of draws; 0 switches the simulation off.
    #[serde(default = "default_draws")]
    pub draws: usize,
    /// Seed of the random streams: the same seed gives the same quantiles.
    #[serde(default = "default_seed")]
    pub seed: u64,
}

fn default_draws() -> usize {
    200
}
fn default_seed() -> u64 {
    20260101
}

impl Default for UncertaintyConfig {
    fn default() -> Self {
        UncertaintyConfig { draws: default_draws(), seed: default_seed() }
    }
}

/// What the run writes beyond the Parquet tables, the manifest, the report and its SVG charts.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutputConfig {
    /// Also write the charts as PNG (`charts/*.png`; `kvota run --png` sets it).
    #[serde(default)]
    pub png: bool,
    /// Cells whose employment forecast is drawn as a fan chart, as `"KZ-35/P"` (region code /
    /// OKED section); empty: the four cells with the largest shortage.
    #[serde(default)]
    pub fan_cells: Vec<String>,
    /// Also write every table in these formats beside its Parquet file (`kvota run --format`).
    #[serde(default)]
    pub formats: Vec<TableFormat>,
}

/// A table format written beside the Parquet files on request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum TableFormat {
    /// Arrow IPC file (`.arrow`, Feather v2), same schema and metadata as the Parquet.
    Arrow,
    /// CSV (`.csv`): header row, `.` decimal point, empty field for null.
    Csv,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataConfig {
    /// Folder with the panel CSVs, relative to the working directory.
    #[serde(default = "default_panel")]
    pub panel: PathBuf,
    /// Folder with the dated policy parameters.
    #[serde(default = "default_params")]
    pub params: PathBuf,
    /// Optional employer requests (`region, section, category, requested[, citizen_staff]`):
    /// justified demand becomes min(requests, shortage gap).
    #[serde(default)]
    pub employer_requests: Option<PathBuf>,
    /// Optional permits issued (`region, section, category, issued`): utilisation per row.
    #[serde(default)]
    pub permits_issued: Option<PathBuf>,
}

fn default_panel() -> PathBuf {
    PathBuf::from("data/panel")
}
fn default_params() -> PathBuf {
    PathBuf::from("data/params")
}

impl Default for DataConfig {
    fn default() -> Self {
        DataConfig { panel: default_panel(), params: default_params(), employer_requests: None, permits_issued: None }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForecastConfig {
    /// Model for every series (`auto`, `theta`, `dotm`, `autoets`, ... see `kvota forecast --help`).
    #[serde(default = "default_model", with = "model_name")]
    pub model: crate::forecast::engine::ModelSpec,
}

fn default_model() -> crate::forecast::engine::ModelSpec {
    crate::forecast::engine::ModelSpec::Auto
}

impl Default for ForecastConfig {
    fn default() -> Self {
        ForecastConfig { model: default_model() }
    }
}

/// Serde for model names.
mod model_name {
    use crate::forecast::engine::ModelSpec;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(m: &ModelSpec, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(m.name())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<ModelSpec, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShortageConfig {
    /// A cell is in shortage when its composite score is at least this and its openings
    /// exceed domestic supply.
    #[serde(default = "default_shortage_cutoff")]
    pub shortage_cutoff: f64,
    /// A cell is in surplus when its composite score is at most this and domestic supply
    /// covers its openings.
    #[serde(default = "default_surplus_cutoff")]
    pub surplus_cutoff: f64,
    /// Unemployment up to this percentage of the labour force is frictional (people between
    /// jobs) and is not counted as supply available to fill openings.
    #[serde(default = "default_frictional")]
    pub frictional_unemployment_pct: f64,
    /// Cells with fewer employed persons are rated "undetermined".
    #[serde(default = "default_min_cell")]
    pub min_cell_employment: i64,
    /// Weights of the indicators in the composite score (non-negative, not all zero).
    #[serde(default = "crate::shortage::score::Weights::default_map")]
    pub weights: BTreeMap<String, f64>,
    /// Real output (GVA) growth by section in the target years, % a year; sections not listed
    /// keep their mean growth of the last five years.
    #[serde(default)]
    pub output_growth_pct: BTreeMap<String, f64>,
    /// Share of women among those who retire (for the effect of the women's pension-age steps).
    #[serde(default = "default_women_share")]
    pub women_share_of_retirements: f64,
    /// Ratings forced by a planner, each with its reason (kept in the output).
    #[serde(default)]
    pub overrides: Vec<OverrideConfig>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverrideConfig {
    pub region: String,
    pub section: String,
    pub rating: String,
    pub reason: String,
}

fn default_shortage_cutoff() -> f64 {
    0.5
}
fn default_surplus_cutoff() -> f64 {
    -0.5
}
fn default_frictional() -> f64 {
    4.0
}
fn default_min_cell() -> i64 {
    1000
}
fn default_women_share() -> f64 {
    0.5
}

impl Default for ShortageConfig {
    fn default() -> Self {
        ShortageConfig {
            shortage_cutoff: default_shortage_cutoff(),
            surplus_cutoff: default_surplus_cutoff(),
            frictional_unemployment_pct: default_frictional(),
            min_cell_employment: default_min_cell(),
            weights: crate::shortage::score::Weights::default_map(),
            output_growth_pct: BTreeMap::new(),
            women_share_of_retirements: default_women_share(),
            overrides: Vec::new(),
        }
    }
}

impl ShortageConfig {
    /// The rating rule's settings (weights validated at load).
    pub fn rule(&self) -> crate::shortage::score::RuleConfig {
        crate::shortage::score::RuleConfig {
            weights: crate::shortage::score::Weights::from_map(&self.weights).expect("validated"),
            shortage_cutoff: self.shortage_cutoff,
            surplus_cutoff: self.surplus_cutoff,
            min_cell_employment: self.min_cell_employment as f64,
        }
    }

    /// Overrides with codes resolved (validated at load).
    pub fn overrides(&self) -> Vec<crate::shortage::Override> {
        self.overrides
            .iter()
            .map(|o| crate::shortage::Override {
                region: o.region.parse().expect("validated"),
                section: o.section.parse().expect("validated"),
                rating: crate::shortage::Rating::parse(&o.rating).expect("validated"),
                reason: o.reason.clone(),
            })
            .collect()
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForeignConfig {
    /// Share of the ceiling held back for in-year amendments.
    #[serde(default = "default_reserve")]
    pub reserve_share: f64,
    /// Replace the legal ceiling percentage (recorded in the outputs as an override).
    #[serde(default)]
    pub ceiling_pct_override: Option<f64>,
    /// `proportional` (to justified demand) or `lp` (severity-weighted, with constraints).
    #[serde(default = "default_method")]
    pub method: String,
    /// Rounding of the proportional method: hamilton, dhondt, sainte-lague, huntington-hill,
    /// adams, dean or quota.
    #[serde(default = "default_apportionment")]
    pub apportionment: String,
    /// First divisor of modified Sainte-Laguë (e.g. 1.4), on the 1, 3, 5 scale, in [1, 2).
    #[serde(default)]
    pub first_divisor: Option<f64>,
    /// LP: every shortage cell gets at least this share of its justified demand.
    #[serde(default)]
    pub min_coverage: f64,
    /// LP: absorption capacity per region (ISO code = persons).
    #[serde(default)]
    pub region_capacity: BTreeMap<String, u64>,
    /// LP: floor per OKED section (letter = persons).
    #[serde(default)]
    pub section_floor: BTreeMap<String, u64>,
    /// LP: cap per OKED section (letter = persons).
    #[serde(default)]
    pub section_cap: BTreeMap<String, u64>,
    /// The annual order: edition 0.
    #[serde(default)]
    pub order: OrderConfig,
    /// In-year amendments, in date order.
    #[serde(default)]
    pub amendments: Vec<AmendmentConfig>,
}

fn default_reserve() -> f64 {
    0.1
}
fn default_method() -> String {
    "proportional".into()
}
fn default_apportionment() -> String {
    "hamilton".into()
}

impl Default for ForeignConfig {
    fn default() -> Self {
        ForeignConfig {
            reserve_share: default_reserve(),
            ceiling_pct_override: None,
            method: default_method(),
            apportionment: default_apportionment(),
            first_divisor: None,
            min_coverage: 0.0,
            region_capacity: BTreeMap::new(),
            section_floor: BTreeMap::new(),
            section_cap: BTreeMap::new(),
            order: OrderConfig::default(),
            amendments: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrderConfig {
    #[serde(default = "default_order_id")]
    pub id: String,
    /// Date of the order, when it exists (a proposal has none).
    #[serde(default)]
    pub date: Option<toml::value::Datetime>,
    #[serde(default = "default_legal_basis")]
    pub legal_basis: String,
}

fn default_order_id() -> String {
    "order".into()
}
fn default_legal_basis() -> String {
    "draft: quota proposal computed by kvota, not an adopted order".into()
}

impl Default for OrderConfig {
    fn default() -> Self {
        OrderConfig { id: default_order_id(), date: None, legal_basis: default_legal_basis() }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmendmentConfig {
    pub id: String,
    pub date: toml::value::Datetime,
    pub legal_basis: String,
    /// Permits added to the ceiling (and the reserve) by the amendment.
    #[serde(default)]
    pub reserve_added: u64,
    #[serde(default)]
    pub changes: Vec<ChangeConfig>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeConfig {
    pub region: String,
    pub section: String,
    pub category: String,
    pub delta: i64,
    #[serde(default)]
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KandasConfig {
    /// Budget for state support of resettled kandas families in the target year (tenge).
    pub budget_kzt: f64,
    /// Persons per supported family.
    pub family_size: u32,
    /// Members per family who take a job with a subsidised employer.
    pub working_members_per_family: u32,
    /// Rent subsidy per family and month (MCI), within the legal range.
    pub rent_mci_per_month: f64,
    /// Whether each family is budgeted for a housing certificate at its cap.
    pub include_housing_certificate: bool,
    /// Housing the region can offer this year (ISO code = families).
    #[serde(default)]
    pub housing_capacity: BTreeMap<String, u64>,
    /// Weight regions by the shortage jobs the arrivals' education fits (needs
    /// `section_skill_needs.csv` in the panel); `false`: by plain shortage gaps.
    #[serde(default = "default_true")]
    pub skill_matching: bool,
}

fn default_true() -> bool {
    true
}

impl Scenario {
    /// Reads and validates a scenario file. A file with `extends = "other.toml"` (a path
    /// relative to it) starts from that scenario and overrides the keys it sets; tables are
    /// merged key by key, arrays and values are replaced. It must set its own `id`.
    pub fn load(path: &Path) -> Result<Scenario> {
        let text = fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        if !text.lines().any(|l| line_sets(l, "extends")) {
            return Self::parse(path, &text);
        }
        // The chain child -> parent -> ..., each layer's path, text and table.
        let mut layers: Vec<(PathBuf, String, toml::Table)> = Vec::new();
        let mut cur = path.to_path_buf();
        let mut cur_text = text;
        loop {
            let table: toml::Table = toml::from_str(&cur_text).map_err(|e| Error::Scenario {
                location: Location {
                    file: cur.clone(),
                    row: e.span().map(|sp| cur_text[..sp.start].lines().count().max(1)),
                    column: None,
                },
                message: e.message().to_string(),
            })?;
            let parent = match table.get("extends") {
                None => None,
                Some(toml::Value::String(p)) => Some(cur.parent().unwrap_or(Path::new(".")).join(p)),
                Some(_) => {
                    return Err(Error::Scenario {
                        location: Location { file: cur.clone(), row: line_of_key(&cur_text, "extends"), column: None },
                        message: "`extends` must be the path of another scenario file".into(),
                    });
                }
            };
            layers.push((cur.clone(), cur_text, table));
            let Some(parent) = parent else { break };
            if layers.iter().any(|(p, _, _)| same_file(p, &parent)) || layers.len() > 16 {
                return Err(Error::Scenario {
                    location: Location { file: cur, row: None, column: Some("extends".into()) },
                    message: format!("`extends` makes a cycle through {}", parent.display()),
                });
            }
            cur_text = fs::read_to_string(&parent).map_err(|e| Error::io(&parent, e))?;
            cur = parent;
        }
        if !layers[0].2.contains_key("id") {
            return Err(Error::Scenario {
                location: Location::file(path),
                message: "a scenario that extends another needs its own `id`".into(),
            });
        }
        let mut merged = toml::Table::new();
        for (_, _, t) in layers.iter().rev() {
            merge(&mut merged, t);
        }
        merged.remove("extends");
        let texts: Vec<(&Path, &str)> = layers.iter().map(|(p, t, _)| (p.as_path(), t.as_str())).collect();
        let s: Scenario = toml::Value::Table(merged).try_into().map_err(|e: toml::de::Error| {
            let (file, row) = unknown_key(e.message())
                .and_then(|k| texts.iter().find_map(|(p, t)| line_of_key(t, k).map(|l| (p.to_path_buf(), Some(l)))))
                .unwrap_or((path.to_path_buf(), None));
            Error::Scenario { location: Location { file, row, column: None }, message: e.message().to_string() }
        })?;
        s.validate_layers(&texts)?;
        Ok(s)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Scenario> {
        let s: Scenario = toml::from_str(text).map_err(|e| {
            // For an unknown key, point at the key's own line rather than its table.
            let line = unknown_key(e.message())
                .and_then(|k| line_of_key(text, k))
                .or_else(|| e.span().map(|sp| text[..sp.start].lines().count().max(1)));
            Error::Scenario {
                location: Location { file: path.to_path_buf(), row: line, column: None },
                message: e.message().to_string(),
            }
        })?;
        s.validate_layers(&[(path, text)])?;
        Ok(s)
    }

    /// Checks ranges; an error names the first layer (child first) that sets the key.
    fn validate_layers(&self, layers: &[(&Path, &str)]) -> Result<()> {
        let at = |key: &str, message: String| {
            let (file, row) = layers
                .iter()
                .find_map(|(p, t)| {
                    t.lines().position(|l| l.trim_start().starts_with(key)).map(|i| (p.to_path_buf(), Some(i + 1)))
                })
                .unwrap_or((layers[0].0.to_path_buf(), None));
            Error::Scenario { location: Location { file, row, column: Some(key.to_string()) }, message }
        };
        if self.uncertainty.draws > 100_000 {
            return Err(at("draws", format!("{} draws: at most 100000", self.uncertainty.draws)));
        }
        if self.id.is_empty() || !self.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            return Err(at("id", format!("`{}` must be non-empty and use only letters, digits, - and _", self.id)));
        }
        if !(2000..=2100).contains(&self.target_year) {
            return Err(at("target_year", format!("{} is outside 2000..2100", self.target_year)));
        }
        let sh = &self.shortage;
        if !sh.shortage_cutoff.is_finite() || !sh.surplus_cutoff.is_finite() || sh.surplus_cutoff >= sh.shortage_cutoff
        {
            return Err(at(
                "shortage_cutoff",
                format!("need surplus_cutoff < shortage_cutoff (got {} and {})", sh.surplus_cutoff, sh.shortage_cutoff),
            ));
        }
        crate::shortage::score::Weights::from_map(&sh.weights).map_err(|m| at("weights", m))?;
        for (k, v) in &sh.output_growth_pct {
            k.parse::<crate::codes::OkedSection>().map_err(|e| at("output_growth_pct", e))?;
            if !(-50.0..=100.0).contains(v) {
                return Err(at("output_growth_pct", format!("section {k}: {v} % a year is outside -50..100")));
            }
        }
        if !(0.0..=1.0).contains(&sh.women_share_of_retirements) {
            return Err(at("women_share_of_retirements", "must be a share in [0, 1]".into()));
        }
        for o in &sh.overrides {
            o.region.parse::<crate::codes::Region>().map_err(|e| at("overrides", e.to_string()))?;
            o.section.parse::<crate::codes::OkedSection>().map_err(|e| at("overrides", e))?;
            if crate::shortage::Rating::parse(&o.rating).is_none() {
                return Err(at(
                    "overrides",
                    format!("rating `{}` is not shortage, balanced, surplus or undetermined", o.rating),
                ));
            }
            if o.reason.trim().is_empty() {
                return Err(at("overrides", format!("the override of {} / {} needs a reason", o.region, o.section)));
            }
        }
        if !(0.0..100.0).contains(&sh.frictional_unemployment_pct) {
            return Err(at("frictional_unemployment_pct", "must be a percentage in [0, 100)".into()));
        }
        if sh.min_cell_employment < 0 {
            return Err(at("min_cell_employment", "must be >= 0".into()));
        }
        if !(0.0..1.0).contains(&self.foreign.reserve_share) {
            return Err(at("reserve_share", format!("{} is outside [0, 1)", self.foreign.reserve_share)));
        }
        if let Some(p) = self.foreign.ceiling_pct_override
            && !(p > 0.0 && p <= 100.0)
        {
            return Err(at("ceiling_pct_override", format!("{p} is not a percentage in (0, 100]")));
        }
        let f = &self.foreign;
        let method = self.foreign_method().map_err(|m| at("method", m))?;
        if !(0.0..=1.0).contains(&f.min_coverage) {
            return Err(at("min_coverage", format!("{} is not a share in [0, 1]", f.min_coverage)));
        }
        if matches!(method, crate::allocate::foreign::AllocationMethod::Proportional(_))
            && (!f.region_capacity.is_empty()
                || !f.section_floor.is_empty()
                || !f.section_cap.is_empty()
                || f.min_coverage > 0.0)
        {
            return Err(at(
                "method",
                "region_capacity, section_floor, section_cap and min_coverage need method = \"lp\"".into(),
            ));
        }
        for (key, map) in [("region_capacity", &f.region_capacity)] {
            for r in map.keys() {
                r.parse::<crate::codes::Region>().map_err(|e| at(key, e.to_string()))?;
            }
        }
        for (key, map) in [("section_floor", &f.section_floor), ("section_cap", &f.section_cap)] {
            for sec in map.keys() {
                sec.parse::<crate::codes::OkedSection>().map_err(|e| at(key, e))?;
            }
        }
        for (sec, lo) in &f.section_floor {
            if let Some(hi) = f.section_cap.get(sec)
                && lo > hi
            {
                return Err(at("section_floor", format!("section {sec}: floor {lo} is above its cap {hi}")));
            }
        }
        if let Some(d) = f.order.date {
            date_only(&d).map_err(|m| at("date", m))?;
        }
        for a in &f.amendments {
            date_only(&a.date).map_err(|m| at("date", format!("amendment `{}`: {m}", a.id)))?;
            for c in &a.changes {
                c.region
                    .parse::<crate::codes::Region>()
                    .map_err(|e| at("changes", format!("amendment `{}`: {e}", a.id)))?;
                c.section
                    .parse::<crate::codes::OkedSection>()
                    .map_err(|e| at("changes", format!("amendment `{}`: {e}", a.id)))?;
                c.category
                    .parse::<crate::codes::WorkerCategory>()
                    .map_err(|e| at("changes", format!("amendment `{}`: {e}", a.id)))?;
            }
        }
        let k = &self.kandas;
        for r in k.housing_capacity.keys() {
            r.parse::<crate::codes::Region>().map_err(|e| at("housing_capacity", e.to_string()))?;
        }
        if !(k.budget_kzt >= 0.0) || !k.budget_kzt.is_finite() {
            return Err(at("budget_kzt", "must be a non-negative amount".into()));
        }
        if k.family_size == 0 {
            return Err(at("family_size", "must be at least 1".into()));
        }
        if k.working_members_per_family > k.family_size {
            return Err(at("working_members_per_family", "cannot exceed family_size".into()));
        }
        if !(k.rent_mci_per_month >= 0.0) {
            return Err(at("rent_mci_per_month", "must be non-negative".into()));
        }
        Ok(())
    }
}

impl Scenario {
    /// The allocation method the `[foreign]` table names.
    pub fn foreign_method(&self) -> std::result::Result<crate::allocate::foreign::AllocationMethod, String> {
        use crate::allocate::foreign::AllocationMethod;
        let f = &self.foreign;
        match f.method.as_str() {
            "lp" => Ok(AllocationMethod::Lp),
            "proportional" => {
                let fd = match f.first_divisor {
                    None => None,
                    Some(d) if (1.0..2.0).contains(&d) => Some(((d * 1000.0).round() as u64, 1000)),
                    Some(d) => return Err(format!("first_divisor {d} is outside [1, 2)")),
                };
                crate::allocate::apportion::Method::parse(&f.apportionment, fd).map(AllocationMethod::Proportional)
            }
            other => Err(format!("unknown method `{other}` (proportional or lp)")),
        }
    }

    /// The editions metadata and amendments, with codes resolved.
    pub fn amendments(&self) -> Vec<crate::allocate::editions::AmendmentSpec> {
        use crate::allocate::editions::{AmendmentSpec, ChangeSpec};
        self.foreign
            .amendments
            .iter()
            .map(|a| AmendmentSpec {
                id: a.id.clone(),
                date: a.date.to_string(),
                legal_basis: a.legal_basis.clone(),
                reserve_added: a.reserve_added,
                changes: a
                    .changes
                    .iter()
                    .map(|c| ChangeSpec {
                        region: c.region.parse().expect("validated"),
                        section: c.section.parse().expect("validated"),
                        category: c.category.parse().expect("validated"),
                        delta: c.delta,
                        reason: c.reason.clone(),
                    })
                    .collect(),
            })
            .collect()
    }
}

/// A TOML date without time (`2026-04-01`).
fn date_only(d: &toml::value::Datetime) -> std::result::Result<(), String> {
    if d.date.is_none() || d.time.is_some() || d.offset.is_some() {
        return Err(format!("`{d}` is not a plain date (YYYY-MM-DD)"));
    }
    Ok(())
}

/// Whether a line sets `key` at the top of a table (`key = ...`).
fn line_sets(line: &str, key: &str) -> bool {
    line.trim_start().strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with('='))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// Overlays `over` on `base`: tables merge key by key, anything else is replaced.
fn merge(base: &mut toml::Table, over: &toml::Table) {
    for (k, v) in over {
        match (base.get_mut(k), v) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge(b, o),
            _ => {
                base.insert(k.clone(), v.clone());
            }
        }
    }
}

/// The key named in a serde "unknown field `x`" message.
fn unknown_key(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("unknown field `")?;
    rest.split('`').next()
}

/// 1-based line on which `key = ...` is set.
fn line_of_key(text: &str, key: &str) -> Option<usize> {
    text.lines().position(|l| line_sets(l, key)).map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OK: &str = r#"
id = "t"
target_year = 2026
[kandas]
budget_kzt = 1e9
family_size = 4
working_members_per_family = 1
rent_mci_per_month = 30
include_housing_certificate = true
"#;

    #[test]
    fn parses_and_rejects_unknown_keys_with_line() {
        Scenario::parse(Path::new("s.toml"), OK).unwrap();
        let bad = OK.replace("family_size = 4", "family_size = 4\nfamily_sise = 3");
        let e = Scenario::parse(Path::new("s.toml"), &bad).unwrap_err().to_string();
        assert!(e.contains("s.toml, row 7") && e.contains("family_sise"), "{e}");
        let bad = OK.replace("target_year = 2026", "target_year = 2026\n[foreign]\nreserve_share = 1.5");
        let e = Scenario::parse(Path::new("s.toml"), &bad).unwrap_err().to_string();
        assert!(e.contains("reserve_share") && e.contains("row 5"), "{e}");
    }

    #[test]
    fn extends_merges_tables_and_names_the_layer_of_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().join("base.toml");
        fs::write(&base, OK.replace("[kandas]", "[foreign]\nreserve_share = 0.1\nmethod = \"proportional\"\n[kandas]"))
            .unwrap();
        let child = dir.path().join("child.toml");
        fs::write(&child, "extends = \"base.toml\"\nid = \"c\"\n[kandas]\nbudget_kzt = 2e9\n").unwrap();
        let s = Scenario::load(&child).unwrap();
        assert_eq!((s.id.as_str(), s.kandas.budget_kzt, s.kandas.family_size), ("c", 2e9, 4));
        assert_eq!(s.foreign.reserve_share, 0.1);
        // An out-of-range value set in the child names the child's line.
        fs::write(&child, "extends = \"base.toml\"\nid = \"c\"\n[foreign]\nreserve_share = 2.0\n").unwrap();
        let e = Scenario::load(&child).unwrap_err().to_string();
        assert!(e.contains("child.toml, row 4") && e.contains("reserve_share"), "{e}");
        // An unknown key in the child, a missing id, a cycle.
        fs::write(&child, "extends = \"base.toml\"\nid = \"c\"\n[kandas]\nbudget = 1\n").unwrap();
        let e = Scenario::load(&child).unwrap_err().to_string();
        assert!(e.contains("child.toml, row 4") && e.contains("budget"), "{e}");
        fs::write(&child, "extends = \"base.toml\"\n").unwrap();
        assert!(Scenario::load(&child).unwrap_err().to_string().contains("its own `id`"));
        fs::write(&base, format!("extends = \"child.toml\"\n{OK}")).unwrap();
        fs::write(&child, "extends = \"base.toml\"\nid = \"c\"\n").unwrap();
        assert!(Scenario::load(&child).unwrap_err().to_string().contains("cycle"));
    }
}
