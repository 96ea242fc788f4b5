//! The resolved, validated settings of one run: a scenario file (with its `extends` layers and
//! the planner defaults) merged with the command line by one rule — the command line wins — and
//! every key parsed once into typed values (`Region`, `OkedSection`, `WorkerCategory`, the
//! allocation method, the model). The run receives a [`Config`] whole and never looks at the
//! file again.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::allocate::apportion;
use crate::allocate::editions::{AmendmentSpec, ChangeSpec, OrderSpec};
use crate::allocate::foreign::{AllocationMethod, Choices as ForeignChoices, Constraints};
use crate::allocate::kandas::KandasSettings;
use crate::codes::{OkedSection, Region, WorkerCategory};
use crate::error::{Error, Location, Msg, Result};
use crate::export::TableFormat;
use crate::forecast::engine::ModelSpec;
use crate::i18n::Lang;
use crate::scenario::{LoadedScenario, ScenarioFile};
use crate::shortage::score::{RuleConfig, Weights};
use crate::shortage::{self, Override, Rating};
use crate::uncertainty;

/// What the command line may set on top of a scenario (the command line wins).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunOverrides {
    /// The panel folder (`--data`), instead of the scenario's `[data] panel`.
    pub data: Option<PathBuf>,
    /// The folder of dated parameters (`--params`), instead of the scenario's `[data] params`.
    pub params: Option<PathBuf>,
    /// Also write PNG charts (`--png`); a flag can only switch this on.
    pub png: bool,
    /// Table formats beside the Parquet files (`--format`), added to the scenario's.
    pub formats: Vec<TableFormat>,
    /// Languages of the report and the order (`--lang`), instead of the scenario's.
    pub langs: Vec<Lang>,
}

/// Input files of the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataPaths {
    pub panel: PathBuf,
    pub params: PathBuf,
    pub employer_requests: Option<PathBuf>,
    pub projects: Option<PathBuf>,
    /// BNS wages by region x occupation group and their year.
    pub occupation_wages: PathBuf,
    pub occupation_wages_year: i32,
    pub permits_issued: Option<PathBuf>,
    /// The published decisions the run is held against.
    pub reference: PathBuf,
    /// The last panel year used (None: all of it).
    pub last_year: Option<i32>,
}

/// What the run writes beyond its tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputSettings {
    pub png: bool,
    /// Cells drawn as forecast fans; empty: the four largest shortages.
    pub fan_cells: Vec<(Region, OkedSection)>,
    pub formats: Vec<TableFormat>,
    /// Languages of the report and the draft order, the first also as `report.html`.
    pub langs: Vec<Lang>,
}

/// The scenario file a config came from, for the manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub path: PathBuf,
    /// SHA-256 of the file itself (not of the files it extends).
    pub sha256: String,
}

/// One run's settings, resolved once.
#[derive(Debug, Clone)]
pub struct Config {
    pub id: String,
    pub title: String,
    pub target_year: i32,
    pub source: Source,
    pub data: DataPaths,
    pub model: ModelSpec,
    /// Latest origins of the run's back-test of `model` against the random walk (0: none).
    pub backtest_origins: usize,
    /// Percentage points by which the back-test's interval coverage of an observed variable may
    /// miss the level, either way, before a warning.
    pub coverage_tolerance_points: f64,
    pub shortage: shortage::Settings,
    pub foreign: ForeignChoices,
    pub kandas: KandasSettings,
    pub output: OutputSettings,
    pub uncertainty: uncertainty::Settings,
    /// Measures the scenario calibrated to the published figures (`[reality] calibrated`).
    pub calibrated: Vec<String>,
}

impl Config {
    /// Loads the scenario file at `path` and resolves it with the command line's overrides.
    pub fn load(path: &Path, overrides: &RunOverrides) -> Result<Config> {
        Self::resolve(&ScenarioFile::load(path)?, overrides)
    }

    /// Resolves a loaded scenario: every key checked and typed, the overrides applied. An error
    /// names the first layer (the file itself first) that sets the key, and its line.
    pub fn resolve(loaded: &LoadedScenario, overrides: &RunOverrides) -> Result<Config> {
        let layers = loaded.texts();
        let at = |key: &str, message: Msg| {
            let (file, row) = layers
                .iter()
                .find_map(|(p, t)| {
                    t.lines().position(|l| l.trim_start().starts_with(key)).map(|i| (p.to_path_buf(), Some(i + 1)))
                })
                .unwrap_or((layers[0].0.to_path_buf(), None));
            Error::Scenario { location: Location { file, row, column: Some(key.to_string()) }, message }
        };
        let f = &loaded.file;
        if f.id.is_empty() || !f.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            return Err(at("id", Msg::new("cfg-id").arg("value", &f.id)));
        }
        if !(2000..=2100).contains(&f.target_year) {
            return Err(at("target_year", Msg::new("cfg-target-year").arg("value", f.target_year)));
        }
        if f.uncertainty.draws > 100_000 {
            return Err(at("draws", Msg::new("cfg-draws").arg("value", f.uncertainty.draws)));
        }
        let model: ModelSpec = crate::series::parse_model(&f.forecast.model).map_err(|m| at("model", m))?;
        if f.forecast.backtest_origins > 20 {
            return Err(at(
                "backtest_origins",
                Msg::new("cfg-backtest-origins").arg("value", f.forecast.backtest_origins),
            ));
        }
        if f.uncertainty.common_shocks && f.uncertainty.draws > 0 && f.forecast.backtest_origins == 0 {
            return Err(at("common_shocks", Msg::new("cfg-common-shocks")));
        }
        let tol = f.forecast.coverage_tolerance_points;
        if !(0.0..=50.0).contains(&tol) {
            return Err(at("coverage_tolerance_points", Msg::new("cfg-coverage-tolerance").arg("value", tol)));
        }
        let shortage = resolve_shortage(f, &at)?;
        let foreign = resolve_foreign(f, &at)?;
        let kandas = resolve_kandas(f, &at)?;
        let output = resolve_output(f, overrides, &at)?;
        for m in &f.reality.calibrated {
            if !crate::reality::CALIBRATABLE.contains(&m.as_str()) {
                return Err(at(
                    "calibrated",
                    Msg::new("cfg-calibrated").arg("value", m).arg("measures", crate::reality::CALIBRATABLE.join(", ")),
                ));
            }
        }
        let (path, text) = &loaded.layers[0];
        Ok(Config {
            id: f.id.clone(),
            title: f.title.clone(),
            target_year: f.target_year,
            source: Source { path: path.clone(), sha256: crate::export::sha256_bytes(text.as_bytes()) },
            data: DataPaths {
                panel: overrides.data.clone().unwrap_or_else(|| f.data.panel.clone()),
                params: overrides.params.clone().unwrap_or_else(|| f.data.params.clone()),
                // An empty path switches an inherited table off (a scenario extending one with
                // requests runs the top-down path).
                employer_requests: f.data.employer_requests.clone().filter(|p| !p.as_os_str().is_empty()),
                projects: f.data.projects.clone().filter(|p| !p.as_os_str().is_empty()),
                occupation_wages: f.data.occupation_wages.clone(),
                occupation_wages_year: f.data.occupation_wages_year,
                permits_issued: f.data.permits_issued.clone(),
                last_year: f.data.last_year,
                reference: f.data.reference.clone(),
            },
            model,
            backtest_origins: f.forecast.backtest_origins,
            coverage_tolerance_points: tol,
            shortage,
            foreign,
            kandas,
            output,
            uncertainty: uncertainty::Settings {
                draws: f.uncertainty.draws,
                seed: f.uncertainty.seed,
                common_shocks: f.uncertainty.common_shocks,
            },
            calibrated: f.reality.calibrated.clone(),
        })
    }
}

impl Config {
    /// Checks that every input the run names is there (on disk or built in), before anything is
    /// read, so that a missing one is reported by what it was to be and where to give another.
    pub fn check_inputs(&self) -> Result<()> {
        use crate::builtin::{is_dir, is_file};
        use crate::error::Input;
        let d = &self.data;
        if !is_dir(&d.panel) {
            return Err(Error::missing(&d.panel, Input::Panel));
        }
        if !is_dir(&d.params) {
            return Err(Error::missing(&d.params, Input::Params));
        }
        let files = [
            ("employer_requests", d.employer_requests.as_ref()),
            ("projects", d.projects.as_ref()),
            ("permits_issued", d.permits_issued.as_ref()),
            ("occupation_wages", d.employer_requests.as_ref().map(|_| &d.occupation_wages)),
        ];
        for (key, path) in files {
            if let Some(p) = path.filter(|p| !is_file(p)) {
                return Err(Error::missing(p, Input::ScenarioFile(key)));
            }
        }
        Ok(())
    }
}

type At<'a> = dyn Fn(&str, Msg) -> Error + 'a;

fn region(key: &str, s: &str, at: &At) -> Result<Region> {
    s.parse::<Region>().map_err(|e| at(key, e.into()))
}

fn section(key: &str, s: &str, at: &At) -> Result<OkedSection> {
    s.parse::<OkedSection>().map_err(|e| at(key, e))
}

fn resolve_shortage(f: &ScenarioFile, at: &At) -> Result<shortage::Settings> {
    let sh = &f.shortage;
    if !sh.shortage_cutoff.is_finite() || !sh.surplus_cutoff.is_finite() || sh.surplus_cutoff >= sh.shortage_cutoff {
        return Err(at(
            "shortage_cutoff",
            Msg::new("cfg-cutoffs").arg("surplus", sh.surplus_cutoff).arg("shortage", sh.shortage_cutoff),
        ));
    }
    let weights = Weights::from_map(&sh.weights).map_err(|m| at("weights", m.into()))?;
    let mut output_growth = BTreeMap::new();
    for (k, v) in &sh.output_growth_pct {
        let s = section("output_growth_pct", k, at)?;
        if !(-50.0..=100.0).contains(v) {
            return Err(at("output_growth_pct", Msg::new("cfg-output-growth").arg("section", k).arg("value", v)));
        }
        output_growth.insert(s, *v);
    }
    if !(0.0..=1.0).contains(&sh.women_share_of_retirements) {
        return Err(at("women_share_of_retirements", Msg::new("cfg-share")));
    }
    let mut overrides = Vec::new();
    for o in &sh.overrides {
        let rating =
            Rating::parse(&o.rating).ok_or_else(|| at("overrides", Msg::new("cfg-rating").arg("value", &o.rating)))?;
        if o.reason.trim().is_empty() {
            return Err(at(
                "overrides",
                Msg::new("cfg-override-reason").arg("region", &o.region).arg("section", &o.section),
            ));
        }
        overrides.push(Override {
            region: region("overrides", &o.region, at)?,
            section: section("overrides", &o.section, at)?,
            rating,
            reason: o.reason.clone(),
        });
    }
    if !(0.0..100.0).contains(&sh.frictional_unemployment_pct) {
        return Err(at("frictional_unemployment_pct", Msg::new("cfg-percentage")));
    }
    if sh.min_cell_employment < 0 {
        return Err(at("min_cell_employment", Msg::new("cfg-non-negative-ge")));
    }
    if sh.backtest_first_year > sh.backtest_last_year {
        return Err(at("backtest_first_year", Msg::new("cfg-backtest-years")));
    }
    let [lo, hi] = sh.instability_band;
    if !(0.0..=1.0).contains(&lo) || !(0.0..=1.0).contains(&hi) || lo > hi {
        return Err(at("instability_band", Msg::new("cfg-band").arg("lo", lo).arg("hi", hi)));
    }
    if sh.sensitivity_factors.iter().any(|x| !(x.is_finite() && *x >= 0.0)) {
        return Err(at("sensitivity_factors", Msg::new("cfg-factors")));
    }
    Ok(shortage::Settings {
        rule: RuleConfig {
            weights,
            shortage_cutoff: sh.shortage_cutoff,
            surplus_cutoff: sh.surplus_cutoff,
            min_cell_employment: sh.min_cell_employment as f64,
            count_synthetic_vacancies: sh.count_synthetic_vacancies,
        },
        frictional_unemployment_pct: sh.frictional_unemployment_pct,
        output_growth_pct: output_growth,
        women_share_of_retirements: sh.women_share_of_retirements,
        overrides,
        backtest_years: (sh.backtest_first_year, sh.backtest_last_year),
        instability_band: (lo, hi),
        sensitivity_factors: sh.sensitivity_factors.clone(),
    })
}

/// The allocation method the `[foreign]` table names.
fn method(f: &crate::scenario::ForeignConfig) -> std::result::Result<AllocationMethod, Msg> {
    match f.method.as_str() {
        "lp" => Ok(AllocationMethod::Lp),
        "proportional" => {
            let fd = match f.first_divisor {
                None => None,
                Some(d) if (1.0..2.0).contains(&d) => Some(((d * 1000.0).round() as u64, 1000)),
                Some(d) => return Err(Msg::new("cfg-first-divisor").arg("value", d)),
            };
            apportion::Method::parse(&f.apportionment, fd).map(AllocationMethod::Proportional).map_err(Msg::text)
        }
        other => Err(Msg::new("cfg-method").arg("value", other)),
    }
}

fn resolve_foreign(s: &ScenarioFile, at: &At) -> Result<ForeignChoices> {
    let f = &s.foreign;
    if !(0.0..1.0).contains(&f.reserve_share) {
        return Err(at("reserve_share", Msg::new("cfg-reserve-share").arg("value", f.reserve_share)));
    }
    if let Some(p) = f.ceiling_pct_override
        && !(p > 0.0 && p <= 100.0)
    {
        return Err(at("ceiling_pct_override", Msg::new("cfg-ceiling").arg("value", p)));
    }
    let method = method(f).map_err(|m| at("method", m))?;
    if !(0.0..=1.0).contains(&f.min_coverage) {
        return Err(at("min_coverage", Msg::new("cfg-min-coverage").arg("value", f.min_coverage)));
    }
    if matches!(method, AllocationMethod::Proportional(_))
        && (!f.region_capacity.is_empty()
            || !f.section_floor.is_empty()
            || !f.section_cap.is_empty()
            || f.min_coverage > 0.0)
    {
        return Err(at("method", Msg::new("cfg-needs-lp")));
    }
    let mut constraints = Constraints { min_coverage: f.min_coverage, ..Constraints::default() };
    for (r, v) in &f.region_capacity {
        constraints.region_capacity.insert(region("region_capacity", r, at)?, *v);
    }
    for (sec, v) in &f.section_floor {
        constraints.section_floor.insert(section("section_floor", sec, at)?, *v);
    }
    for (sec, v) in &f.section_cap {
        constraints.section_cap.insert(section("section_cap", sec, at)?, *v);
    }
    for (sec, lo) in &constraints.section_floor {
        if let Some(hi) = constraints.section_cap.get(sec)
            && lo > hi
        {
            return Err(at(
                "section_floor",
                Msg::new("cfg-floor-above-cap").arg("section", sec.code()).arg("lo", lo).arg("hi", hi),
            ));
        }
    }
    if let Some(d) = f.order.date {
        date_only(&d).map_err(|m| at("date", m))?;
    }
    let mut amendments = Vec::new();
    for a in &f.amendments {
        date_only(&a.date).map_err(|m| at("date", Msg::new("cfg-amendment").arg("id", &a.id).arg_msg("text", m)))?;
        let mut changes = Vec::new();
        for c in &a.changes {
            let ctx = |e: Msg| at("changes", Msg::new("cfg-amendment").arg("id", &a.id).arg_msg("text", e));
            changes.push(ChangeSpec {
                region: c.region.parse::<Region>().map_err(|e| ctx(e.into()))?,
                section: c.section.parse::<OkedSection>().map_err(ctx)?,
                category: c.category.parse::<WorkerCategory>().map_err(ctx)?,
                delta: c.delta,
                reason: c.reason.clone(),
            });
        }
        amendments.push(AmendmentSpec {
            id: a.id.clone(),
            date: a.date.to_string(),
            legal_basis: a.legal_basis.clone(),
            reserve_added: a.reserve_added,
            changes,
        });
    }
    Ok(ForeignChoices {
        reserve_share: f.reserve_share,
        ceiling_pct_override: f.ceiling_pct_override,
        method,
        constraints,
        order: OrderSpec {
            id: f.order.id.clone(),
            date: f.order.date.map(|d| d.to_string()),
            legal_basis: f.order.legal_basis.clone(),
        },
        amendments,
    })
}

fn resolve_kandas(s: &ScenarioFile, at: &At) -> Result<KandasSettings> {
    let k = &s.kandas;
    let mut housing_capacity = BTreeMap::new();
    for (r, v) in &k.housing_capacity {
        housing_capacity.insert(region("housing_capacity", r, at)?, *v);
    }
    if k.budget_kzt.is_nan() || k.budget_kzt < 0.0 || !k.budget_kzt.is_finite() {
        return Err(at("budget_kzt", Msg::new("cfg-non-negative-amount")));
    }
    if k.family_size == 0 {
        return Err(at("family_size", Msg::new("cfg-at-least-one")));
    }
    if k.working_members_per_family > k.family_size {
        return Err(at("working_members_per_family", Msg::new("cfg-working-members")));
    }
    if k.rent_mci_per_month.is_nan() || k.rent_mci_per_month < 0.0 {
        return Err(at("rent_mci_per_month", Msg::new("cfg-non-negative")));
    }
    let split = crate::allocate::kandas::Split::parse(&k.split)
        .ok_or_else(|| at("split", Msg::new("cfg-split").arg("value", &k.split)))?;
    Ok(KandasSettings {
        split,
        budget_kzt: k.budget_kzt,
        family_size: k.family_size,
        working_members_per_family: k.working_members_per_family,
        rent_mci_per_month: k.rent_mci_per_month,
        include_housing_certificate: k.include_housing_certificate,
        housing_capacity,
        skill_matching: k.skill_matching,
    })
}

fn resolve_output(s: &ScenarioFile, o: &RunOverrides, at: &At) -> Result<OutputSettings> {
    let mut fan_cells = Vec::new();
    for name in &s.output.fan_cells {
        let cell = name.split_once('/').and_then(|(r, sec)| {
            let sec = sec.trim();
            let letter = if sec.chars().count() == 1 { sec.chars().next() } else { None };
            Some((Region::from_iso(r.trim())?, OkedSection::from_letter(letter?)?))
        });
        match cell {
            Some(c) => fan_cells.push(c),
            None => {
                return Err(at("fan_cells", Msg::new("cfg-fan-cell").arg("value", name)));
            }
        }
    }
    let formats: BTreeSet<TableFormat> = s.output.formats.iter().chain(&o.formats).copied().collect();
    let langs = if !o.langs.is_empty() {
        o.langs.clone()
    } else if s.output.lang.is_empty() {
        Lang::ALL.to_vec()
    } else {
        Lang::parse_list(&s.output.lang.join(",")).map_err(|e| at("lang", Msg::text(format!("[output] lang: {e}"))))?
    };
    Ok(OutputSettings { png: s.output.png || o.png, fan_cells, formats: formats.into_iter().collect(), langs })
}

/// A TOML date without time (`2026-04-01`).
fn date_only(d: &toml::value::Datetime) -> std::result::Result<(), Msg> {
    if d.date.is_none() || d.time.is_some() || d.offset.is_some() {
        return Err(Msg::new("cfg-plain-date").arg("value", d));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

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

    fn parse(text: &str) -> Result<Config> {
        Config::resolve(&ScenarioFile::parse(Path::new("s.toml"), text)?, &RunOverrides::default())
    }

    #[test]
    fn parses_and_rejects_unknown_keys_with_line() {
        let c = parse(OK).unwrap();
        assert_eq!(c.foreign.reserve_share, 0.1, "the planner default");
        let bad = OK.replace("family_size = 4", "family_size = 4\nfamily_sise = 3");
        let e = parse(&bad).unwrap_err().to_string();
        assert!(e.contains("s.toml, row 7") && e.contains("family_sise"), "{e}");
        let bad = OK.replace("target_year = 2026", "target_year = 2026\n[foreign]\nreserve_share = 1.5");
        let e = parse(&bad).unwrap_err().to_string();
        assert!(e.contains("reserve_share") && e.contains("row 5"), "{e}");
    }

    #[test]
    fn the_command_line_wins() {
        let loaded = ScenarioFile::parse(Path::new("s.toml"), &format!("{OK}[output]\nformats = [\"csv\"]\n")).unwrap();
        let o = RunOverrides {
            data: Some("elsewhere".into()),
            params: Some("laws".into()),
            png: true,
            formats: vec![TableFormat::Arrow],
            langs: vec![],
        };
        let c = Config::resolve(&loaded, &o).unwrap();
        assert_eq!(c.data.panel, PathBuf::from("elsewhere"));
        assert_eq!(c.data.params, PathBuf::from("laws"));
        assert!(c.output.png);
        assert_eq!(c.output.formats, vec![TableFormat::Arrow, TableFormat::Csv]);
    }

    #[test]
    fn extends_merges_tables_and_names_the_layer_of_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().join("base.toml");
        fs::write(&base, OK.replace("[kandas]", "[foreign]\nreserve_share = 0.1\nmethod = \"proportional\"\n[kandas]"))
            .unwrap();
        let child = dir.path().join("child.toml");
        fs::write(&child, "extends = \"base.toml\"\nid = \"c\"\n[kandas]\nbudget_kzt = 2e9\n").unwrap();
        let s = Config::load(&child, &RunOverrides::default()).unwrap();
        assert_eq!((s.id.as_str(), s.kandas.budget_kzt, s.kandas.family_size), ("c", 2e9, 4));
        assert_eq!(s.foreign.reserve_share, 0.1);
        // An out-of-range value set in the child names the child's line.
        fs::write(&child, "extends = \"base.toml\"\nid = \"c\"\n[foreign]\nreserve_share = 2.0\n").unwrap();
        let e = Config::load(&child, &RunOverrides::default()).unwrap_err().to_string();
        assert!(e.contains("child.toml, row 4") && e.contains("reserve_share"), "{e}");
        // An unknown key in the child, a missing id, a cycle.
        fs::write(&child, "extends = \"base.toml\"\nid = \"c\"\n[kandas]\nbudget = 1\n").unwrap();
        let e = Config::load(&child, &RunOverrides::default()).unwrap_err().to_string();
        assert!(e.contains("child.toml, row 4") && e.contains("budget"), "{e}");
        fs::write(&child, "extends = \"base.toml\"\n").unwrap();
        assert!(Config::load(&child, &RunOverrides::default()).unwrap_err().to_string().contains("its own `id`"));
        fs::write(&base, format!("extends = \"child.toml\"\n{OK}")).unwrap();
        fs::write(&child, "extends = \"base.toml\"\nid = \"c\"\n").unwrap();
        assert!(Config::load(&child, &RunOverrides::default()).unwrap_err().to_string().contains("cycle"));
    }
}
