//! Scenario files (`scenarios/*.toml`) as written: target year, data, model choices and policy
//! levers, with `extends` layers merged. [`crate::config`] resolves a loaded file (and the
//! command line) into the typed, validated [`Config`](crate::config::Config) a run receives.
//!
//! Unknown keys are errors naming the file and line. Keys a scenario does not set take the
//! planner defaults of `scenarios/defaults/planner.toml` (embedded in the binary: the one place they
//! live). Policy numbers in force by law (the ceiling %, MCI, support amounts...) are not here:
//! they come from `data/params/` by date. A scenario holds the levers a planner chooses
//! (reserve share, shortage cut-offs, the kandas budget) and may override a legal value only
//! explicitly (`ceiling_pct_override`), which the outputs then record.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Location, Msg, Result};
use crate::export::TableFormat;

/// The planner defaults (`scenarios/defaults/planner.toml`), embedded so that a scenario runs anywhere.
pub const DEFAULTS_TOML: &str = include_str!("../scenarios/defaults/planner.toml");

fn default_table() -> &'static toml::Table {
    static T: OnceLock<toml::Table> = OnceLock::new();
    T.get_or_init(|| toml::from_str(DEFAULTS_TOML).expect("scenarios/defaults/planner.toml parses (checked by a test)"))
}

/// The default at `path` in `scenarios/defaults/planner.toml`.
fn default_of<T: DeserializeOwned>(path: &[&str]) -> T {
    let mut v = toml::Value::Table(default_table().clone());
    for k in path {
        v = v.get(k).unwrap_or_else(|| panic!("scenarios/defaults/planner.toml has no `{}`", path.join("."))).clone();
    }
    v.try_into().unwrap_or_else(|e| panic!("scenarios/defaults/planner.toml: `{}`: {e}", path.join(".")))
}

/// Serde default functions, each reading its key from `scenarios/defaults/planner.toml`.
macro_rules! defaults {
    ($($name:ident: $ty:ty = [$($key:literal),+];)*) => {
        mod d {
            use super::*;
            $(pub fn $name() -> $ty { default_of(&[$($key),+]) })*
        }
    };
}

defaults! {
    draws: usize = ["uncertainty", "draws"];
    seed: u64 = ["uncertainty", "seed"];
    common_shocks: bool = ["uncertainty", "common_shocks"];
    panel: PathBuf = ["data", "panel"];
    params: PathBuf = ["data", "params"];
    reference: PathBuf = ["data", "reference"];
    occupation_wages: PathBuf = ["data", "occupation_wages"];
    occupation_wages_year: i32 = ["data", "occupation_wages_year"];
    calibrated: Vec<String> = ["reality", "calibrated"];
    model: String = ["forecast", "model"];
    forecast_backtest_origins: usize = ["forecast", "backtest_origins"];
    coverage_tolerance: f64 = ["forecast", "coverage_tolerance_points"];
    shortage_cutoff: f64 = ["shortage", "shortage_cutoff"];
    surplus_cutoff: f64 = ["shortage", "surplus_cutoff"];
    frictional: f64 = ["shortage", "frictional_unemployment_pct"];
    min_cell: i64 = ["shortage", "min_cell_employment"];
    weights: BTreeMap<String, f64> = ["shortage", "weights"];
    women_share: f64 = ["shortage", "women_share_of_retirements"];
    backtest_first_year: i32 = ["shortage", "backtest_first_year"];
    backtest_last_year: i32 = ["shortage", "backtest_last_year"];
    instability_band: [f64; 2] = ["shortage", "instability_band"];
    sensitivity_factors: Vec<f64> = ["shortage", "sensitivity_factors"];
    count_synthetic_vacancies: bool = ["shortage", "count_synthetic_vacancies"];
    reserve: f64 = ["foreign", "reserve_share"];
    method: String = ["foreign", "method"];
    apportionment: String = ["foreign", "apportionment"];
    order_id: String = ["foreign", "order", "id"];
    legal_basis: String = ["foreign", "order", "legal_basis"];
    skill_matching: bool = ["kandas", "skill_matching"];
    kandas_split: String = ["kandas", "split"];
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioFile {
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
    #[serde(default)]
    pub reality: RealityConfig,
}

/// How the run is held against the published decisions (`reality.parquet`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RealityConfig {
    /// Measures the scenario set from the published figure (agreement on them proves nothing).
    #[serde(default = "d::calibrated")]
    pub calibrated: Vec<String>,
}

impl Default for RealityConfig {
    fn default() -> Self {
        default_of(&["reality"])
    }
}

/// Seeded simulation of the gaps and quotas from the forecast intervals (`docs/methods.md`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UncertaintyConfig {
    /// Number of draws; 0 switches the simulation off.
    #[serde(default = "d::draws")]
    pub draws: usize,
    /// Seed of the random streams: the same seed gives the same quantiles.
    #[serde(default = "d::seed")]
    pub seed: u64,
    /// Draw each variable's series with a common shock, correlated as the back-test measured.
    #[serde(default = "d::common_shocks")]
    pub common_shocks: bool,
}

impl Default for UncertaintyConfig {
    fn default() -> Self {
        default_of(&["uncertainty"])
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
    /// Languages of the report and the draft order, in order (`kk`, `ru`, `en`); empty: all
    /// three. The first also writes `report.html` (`kvota run --lang` replaces the list).
    #[serde(default)]
    pub lang: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataConfig {
    /// Folder with the panel CSVs. A path set in a scenario file is relative to that file.
    #[serde(default = "d::panel")]
    pub panel: PathBuf,
    /// Folder with the dated policy parameters.
    #[serde(default = "d::params")]
    pub params: PathBuf,
    /// Optional employer requests: one row per request line as filed (`request_id`,
    /// `employer_id`, ..., docs/inputs.md), vetted line by line; or the older layout
    /// `region, section, category, requested[, citizen_staff]`, where justified demand is
    /// min(requests, shortage gap).
    #[serde(default)]
    pub employer_requests: Option<PathBuf>,
    /// Optional investment projects that request lines may cite.
    #[serde(default)]
    pub projects: Option<PathBuf>,
    /// BNS average wages by region x occupation group (the wage check of request lines).
    #[serde(default = "d::occupation_wages")]
    pub occupation_wages: PathBuf,
    /// The year of those wages.
    #[serde(default = "d::occupation_wages_year")]
    pub occupation_wages_year: i32,
    /// Optional permits issued (`region, section, category, issued`): utilisation per row.
    #[serde(default)]
    pub permits_issued: Option<PathBuf>,
    /// Folder with the published decisions the run is compared with (absent: no comparison).
    #[serde(default = "d::reference")]
    pub reference: PathBuf,
    /// Use the panel only up to this year (a run for an earlier target year, out of sample).
    #[serde(default)]
    pub last_year: Option<i32>,
}

impl Default for DataConfig {
    fn default() -> Self {
        default_of(&["data"])
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForecastConfig {
    /// Model for every series (`auto`, `theta`, `dotm`, `autoets`, ... see `kvota forecast --help`).
    #[serde(default = "d::model")]
    pub model: String,
    /// Latest origins of the run's own back-test of the model against the random walk (0: none).
    #[serde(default = "d::forecast_backtest_origins")]
    pub backtest_origins: usize,
    /// Percentage points by which an observed variable's calibrated intervals may miss their
    /// level in that back-test before the run warns that they are too narrow (or too wide).
    #[serde(default = "d::coverage_tolerance")]
    pub coverage_tolerance_points: f64,
}

impl Default for ForecastConfig {
    fn default() -> Self {
        default_of(&["forecast"])
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShortageConfig {
    /// A cell is in shortage when its composite score is at least this and its openings
    /// exceed domestic supply.
    #[serde(default = "d::shortage_cutoff")]
    pub shortage_cutoff: f64,
    /// A cell is in surplus when its composite score is at most this and domestic supply
    /// covers its openings.
    #[serde(default = "d::surplus_cutoff")]
    pub surplus_cutoff: f64,
    /// Unemployment up to this percentage of the labour force is frictional (people between
    /// jobs) and is not counted as supply available to fill openings.
    #[serde(default = "d::frictional")]
    pub frictional_unemployment_pct: f64,
    /// Cells with fewer employed persons are rated "undetermined".
    #[serde(default = "d::min_cell")]
    pub min_cell_employment: i64,
    /// Weights of the indicators in the composite score (non-negative, not all zero).
    #[serde(default = "d::weights")]
    pub weights: BTreeMap<String, f64>,
    /// Real output (GVA) growth by section in the target years, % a year; sections not listed
    /// keep their mean growth of the last five years.
    #[serde(default)]
    pub output_growth_pct: BTreeMap<String, f64>,
    /// Share of women among those who retire (for the effect of the women's pension-age steps).
    #[serde(default = "d::women_share")]
    pub women_share_of_retirements: f64,
    /// Ratings forced by a planner, each with its reason (kept in the output).
    #[serde(default)]
    pub overrides: Vec<OverrideConfig>,
    /// First and last year of the back-test of the rating rule (clamped to the panel).
    #[serde(default = "d::backtest_first_year")]
    pub backtest_first_year: i32,
    #[serde(default = "d::backtest_last_year")]
    pub backtest_last_year: i32,
    /// Classifier probabilities in this band flag a cell as unstable.
    #[serde(default = "d::instability_band")]
    pub instability_band: [f64; 2],
    /// Factors on each indicator weight in the sensitivity table.
    #[serde(default = "d::sensitivity_factors")]
    pub sensitivity_factors: Vec<f64>,
    /// Count vacancies that rest on synthetic values in the openings.
    #[serde(default = "d::count_synthetic_vacancies")]
    pub count_synthetic_vacancies: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverrideConfig {
    pub region: String,
    pub section: String,
    pub rating: String,
    pub reason: String,
}

impl Default for ShortageConfig {
    fn default() -> Self {
        default_of(&["shortage"])
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForeignConfig {
    /// Share of the ceiling held back for in-year amendments.
    #[serde(default = "d::reserve")]
    pub reserve_share: f64,
    /// Replace the legal ceiling percentage (recorded in the outputs as an override).
    #[serde(default)]
    pub ceiling_pct_override: Option<f64>,
    /// `proportional` (to justified demand) or `lp` (severity-weighted, with constraints).
    #[serde(default = "d::method")]
    pub method: String,
    /// Rounding of the proportional method: hamilton, dhondt, sainte-lague, huntington-hill,
    /// adams, dean or quota.
    #[serde(default = "d::apportionment")]
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

impl Default for ForeignConfig {
    fn default() -> Self {
        default_of(&["foreign"])
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrderConfig {
    #[serde(default = "d::order_id")]
    pub id: String,
    /// Date of the order, when it exists (a proposal has none).
    #[serde(default)]
    pub date: Option<toml::value::Datetime>,
    #[serde(default = "d::legal_basis")]
    pub legal_basis: String,
}

impl Default for OrderConfig {
    fn default() -> Self {
        default_of(&["foreign", "order"])
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
    #[serde(default = "d::skill_matching")]
    pub skill_matching: bool,
    /// Which split of the families is the quota: `previous_order` (the shares of the regional
    /// quota order in force before the target year) or `shortage` (the shortage the arrivals'
    /// education fits).
    #[serde(default = "d::kandas_split")]
    pub split: String,
}

/// A scenario file as loaded: the merged content, and each layer's path and text (the file
/// itself first, then what it extends), so that a later check can name the line that set a key.
#[derive(Debug, Clone)]
pub struct LoadedScenario {
    pub file: ScenarioFile,
    pub layers: Vec<(PathBuf, String)>,
}

impl LoadedScenario {
    /// The layers as (path, text) pairs, the file itself first.
    pub fn texts(&self) -> Vec<(&Path, &str)> {
        self.layers.iter().map(|(p, t)| (p.as_path(), t.as_str())).collect()
    }
}

impl ScenarioFile {
    /// Reads a scenario file. A file with `extends = "other.toml"` (a path
    /// relative to it) starts from that scenario and overrides the keys it sets; tables are
    /// merged key by key, arrays and values are replaced. It must set its own `id`.
    pub fn load(path: &Path) -> Result<LoadedScenario> {
        if !crate::builtin::is_file(path) {
            return Err(Error::missing(path, crate::error::Input::Scenario));
        }
        let text = crate::builtin::read_to_string(path)?;
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
                message: toml_message(e.message()),
            })?;
            let mut table = table;
            rebase_paths(&mut table, &cur);
            let parent = match table.get("extends") {
                None => None,
                Some(toml::Value::String(p)) => Some(extends_path(&cur, p)),
                Some(_) => {
                    return Err(Error::Scenario {
                        location: Location { file: cur.clone(), row: line_of_key(&cur_text, "extends"), column: None },
                        message: Msg::new("scn-extends-path"),
                    });
                }
            };
            layers.push((cur.clone(), cur_text, table));
            let Some(parent) = parent else { break };
            if layers.iter().any(|(p, _, _)| same_file(p, &parent)) || layers.len() > 16 {
                return Err(Error::Scenario {
                    location: Location { file: cur, row: None, column: Some("extends".into()) },
                    message: Msg::new("scn-extends-cycle").arg("path", parent.display()),
                });
            }
            if !crate::builtin::is_file(&parent) {
                return Err(Error::Scenario {
                    location: Location {
                        file: cur,
                        row: line_of_key(&layers.last().expect("a layer").1, "extends"),
                        column: None,
                    },
                    message: Msg::new("scn-extends-missing").arg("path", parent.display()),
                });
            }
            cur_text = crate::builtin::read_to_string(&parent)?;
            cur = parent;
        }
        if !layers[0].2.contains_key("id") {
            return Err(Error::Scenario { location: Location::file(path), message: Msg::new("scn-extends-id") });
        }
        let mut merged = toml::Table::new();
        for (_, _, t) in layers.iter().rev() {
            merge(&mut merged, t);
        }
        merged.remove("extends");
        let texts: Vec<(&Path, &str)> = layers.iter().map(|(p, t, _)| (p.as_path(), t.as_str())).collect();
        // Through text: a `toml::Value` turns dates into strings on the way to a struct.
        let s: ScenarioFile = typed(&merged).map_err(|e: toml::de::Error| {
            let (file, row) = unknown_key(e.message())
                .and_then(|k| texts.iter().find_map(|(p, t)| line_of_key(t, k).map(|l| (p.to_path_buf(), Some(l)))))
                .unwrap_or((path.to_path_buf(), None));
            Error::Scenario { location: Location { file, row, column: None }, message: toml_message(e.message()) }
        })?;
        Ok(LoadedScenario { file: s, layers: layers.into_iter().map(|(p, t, _)| (p, t)).collect() })
    }

    /// Parses the text of a scenario file that extends none.
    pub fn parse(path: &Path, text: &str) -> Result<LoadedScenario> {
        let s: ScenarioFile = toml::from_str(text).map_err(|e| {
            // For an unknown key, point at the key's own line rather than its table.
            let line = unknown_key(e.message())
                .and_then(|k| line_of_key(text, k))
                .or_else(|| e.span().map(|sp| text[..sp.start].lines().count().max(1)));
            Error::Scenario {
                location: Location { file: path.to_path_buf(), row: line, column: None },
                message: toml_message(e.message()),
            }
        })?;
        // The typed parse above names the line of a bad key; the paths the file sets are then
        // taken relative to the file.
        let internal = |e: toml::de::Error| Error::Internal(format!("{}: {e}", path.display()));
        let mut table: toml::Table = toml::from_str(text).map_err(internal)?;
        let s = if rebase_paths(&mut table, path) { typed(&table).map_err(internal)? } else { s };
        Ok(LoadedScenario { file: s, layers: vec![(path.to_path_buf(), text.to_string())] })
    }
}

/// A scenario from a merged table, through its text (dates stay dates).
fn typed(table: &toml::Table) -> std::result::Result<ScenarioFile, toml::de::Error> {
    let text = toml::to_string(table).map_err(|e| <toml::de::Error as serde::de::Error>::custom(e.to_string()))?;
    toml::from_str(&text)
}

/// The file an `extends` names: relative to the scenario that says it; where there is no such
/// file, relative to the working folder, where it may be a built-in scenario (a scenario anywhere
/// can start from the built-in baseline with `extends = "scenarios/baseline.toml"`).
fn extends_path(scenario: &Path, p: &str) -> PathBuf {
    let beside = crate::builtin::normalize(&folder_of(scenario).join(p));
    let as_written = Path::new(p);
    if !crate::builtin::is_file(&beside) && as_written.is_relative() && crate::builtin::is_file(as_written) {
        crate::builtin::normalize(as_written)
    } else {
        beside
    }
}

/// The keys of `[data]` that name files or folders.
const PATH_KEYS: [&str; 7] =
    ["panel", "params", "employer_requests", "projects", "occupation_wages", "permits_issued", "reference"];

/// The folder of a scenario file (`.` for a bare file name).
fn folder_of(file: &Path) -> &Path {
    file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(""))
}

/// Takes the relative paths that a scenario layer sets in `[data]` relative to the layer's file
/// (`scenarios/baseline.toml` setting `panel = "../data/panel"` means `data/panel`); an empty
/// path (which switches an inherited table off) and an absolute one stay as written. The
/// planner defaults a file does not set name the data relative to the working directory, or
/// the built-in data ([`crate::builtin`]). Returns whether a path was changed.
fn rebase_paths(table: &mut toml::Table, file: &Path) -> bool {
    let dir = folder_of(file);
    let Some(toml::Value::Table(data)) = table.get_mut("data") else { return false };
    let mut changed = false;
    for k in PATH_KEYS {
        if let Some(toml::Value::String(p)) = data.get_mut(k) {
            let rel = Path::new(p.as_str());
            if !p.is_empty() && rel.is_relative() {
                let joined = crate::builtin::normalize(&dir.join(rel));
                *p = joined.to_string_lossy().into_owned();
                changed = true;
            }
        }
    }
    changed
}

/// Whether a line sets `key` at the top of a table (`key = ...`).
pub(crate) fn line_sets(line: &str, key: &str) -> bool {
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
/// The TOML reader's message, said in the reader's language where it is an unknown key (the
/// common mistake: a misspelt key), else as the reader wrote it.
fn toml_message(message: &str) -> Msg {
    match message.strip_prefix("unknown field `").and_then(|r| r.split_once("`, expected ")) {
        Some((key, expected)) if !key.contains('`') => {
            let expected = expected.trim_end();
            match expected.strip_prefix("one of ") {
                Some(list) => Msg::new("scn-unknown-key-one-of").arg("key", key).arg("keys", list),
                None => Msg::new("scn-unknown-key").arg("key", key).arg("keys", expected),
            }
        }
        _ => Msg::text(message),
    }
}

fn unknown_key(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("unknown field `")?;
    rest.split('`').next()
}

/// 1-based line on which `key = ...` is set.
pub(crate) fn line_of_key(text: &str, key: &str) -> Option<usize> {
    text.lines().position(|l| line_sets(l, key)).map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_defaults_give_every_default() {
        let _ =
            (UncertaintyConfig::default(), DataConfig::default(), ForecastConfig::default(), RealityConfig::default());
        let _ = (
            ShortageConfig::default(),
            ForeignConfig::default(),
            OrderConfig::default(),
            d::skill_matching(),
            d::kandas_split(),
        );
        // Every key of the file is read by some default (no orphan numbers).
        let mut keys = Vec::new();
        fn walk(prefix: &str, t: &toml::Table, keys: &mut Vec<String>) {
            for (k, v) in t {
                let name = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                match v {
                    toml::Value::Table(sub) if k != "weights" => walk(&name, sub, keys),
                    _ => keys.push(name),
                }
            }
        }
        walk("", default_table(), &mut keys);
        let src = include_str!("scenario.rs");
        for k in keys {
            let path: Vec<String> = k.split('.').map(|p| format!("\"{p}\"")).collect();
            assert!(
                src.contains(&format!("[{}]", path.join(", "))),
                "scenarios/defaults/planner.toml: `{k}` is read by nothing"
            );
        }
    }
}
