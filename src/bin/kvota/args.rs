//! The command line's flags (clap), parsed into plain structs and turned into the library's
//! settings. No logic: each conversion only renames or parses a value.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use kvota::allocate::apportion::{Method, MinRule, TieRule};
use kvota::allocate::units::FileApportionment;
use kvota::config::RunOverrides;
use kvota::error::Msg;
use kvota::export::TableFormat;
use kvota::forecast::engine::ModelSpec;
use kvota::i18n::Lang;
use kvota::ingest::Format;
use kvota::series::ForecastOptions;

#[derive(Parser)]
#[command(name = "kvota", version, about = "Labour-shortage forecasting and quota allocation for Kazakhstan")]
pub struct Cli {
    /// Print nothing but errors.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Run the whole pipeline for a scenario and write Parquet outputs and a manifest.
    ///
    /// Example: kvota run --scenario scenarios/baseline.toml --out reports
    Run {
        /// Scenario file.
        #[arg(long, default_value = "scenarios/baseline.toml")]
        scenario: PathBuf,
        /// Folder with the panel CSVs, or the data folder holding `panel/` (overrides the
        /// scenario's data.panel).
        #[arg(long)]
        data: Option<PathBuf>,
        /// Folder with the dated parameters (overrides the scenario's data.params).
        #[arg(long)]
        params: Option<PathBuf>,
        /// Output root; results go to <OUT>/<scenario id>/.
        #[arg(long, default_value = "reports")]
        out: PathBuf,
        /// Also write the charts as PNG (charts/*.png).
        #[arg(long)]
        png: bool,
        /// Also write every table as Arrow IPC (.arrow) and/or CSV (.csv) beside its Parquet file.
        #[arg(long, value_delimiter = ',', value_name = "arrow,csv", value_parser = parse_table_format)]
        format: Vec<TableFormat>,
        /// Languages of the report and the draft order, the first also as report.html
        /// (default: the scenario's [output] lang, else kk,ru,en).
        #[arg(long, value_delimiter = ',', value_name = "kk,ru,en", value_parser = parse_lang)]
        lang: Vec<Lang>,
    },
    /// Run a batch of scenarios, or compare two.
    ///
    /// Example: kvota scenario run scenarios/baseline.toml scenarios/lp_amended.toml --out reports
    Scenario {
        #[command(subcommand)]
        action: ScenarioAction,
    },
    /// Check the input panel and print a validation report; exit 1 on errors.
    ///
    /// Example: kvota validate --data data/panel
    ///
    /// With --format and files, checks published statistics files instead (see `kvota ingest`):
    /// rows read and normalised, cells flagged, unknown names with suggestions, duplicates,
    /// gaps in the series and region splits applied.
    ///
    /// Example: kvota validate --format bns-xlsx archive_unemploymentRate.xlsx
    Validate {
        #[arg(long, default_value = "data/panel")]
        data: PathBuf,
        /// Format of FILES (bns-xlsx, bns-open-data, bns-sdg or postings; postings need a date column).
        #[arg(long, requires = "files", value_parser = parse_format)]
        format: Option<Format>,
        /// Published files to check.
        files: Vec<PathBuf>,
    },
    /// Read a published statistics file and write kvota's long table
    /// (indicator, region_code, oked_section, period, value, flag).
    ///
    /// Nothing is dropped silently: `-`, `x`, `...` and footnote marks become flags; a label
    /// that names no region or a text in a number cell stops the command with its file, row
    /// and column, and no output is written.
    ///
    /// Example: kvota ingest bns-xlsx archive_unemploymentRate.xlsx --out unemployment.parquet
    Ingest {
        /// bns-xlsx (BNS spreadsheet), bns-open-data (stat.gov.kz export, CSV or Parquet),
        /// bns-sdg (BNS SDG platform data file, CSV) or postings (vacancy postings, CSV).
        #[arg(value_parser = parse_format)]
        format: Format,
        /// The file to read.
        file: PathBuf,
        /// Output file, .parquet or .csv.
        #[arg(long)]
        out: PathBuf,
        /// Indicator name (default: the spreadsheet's title, or NAM of the export).
        #[arg(long)]
        indicator: Option<String>,
        /// Snapshot month (YYYY-MM) of a postings file that has no date column.
        #[arg(long, value_parser = parse_month)]
        month: Option<kvota::ingest::text::Period>,
    },
    /// Apportion seats over the units of a CSV file (columns unit, weight) with an exact method.
    ///
    /// Example: kvota apportion --input parties.csv --seats 54 --method dhondt --out seats.csv
    Apportion(ApportionArgs),
    /// Score applicants by a rules file, rank the eligible ones of each quota cell, fill the slots.
    ///
    /// Example: kvota select --rules data/rules/kz_2026_pilot.toml --applicants applicants.csv --quota slots.csv --out reports/selection
    Select {
        /// Rules file (TOML): fields, stages, bands, caps, pass marks (see data/rules/).
        #[arg(long)]
        rules: PathBuf,
        /// Applicants, CSV or Parquet: applicant_id, submitted_at, [updated_at, decided_at,
        /// route, region, section,] and one column per field of the rules.
        #[arg(long)]
        applicants: PathBuf,
        /// Slots per cell, CSV or Parquet: route, region, [section,] slots.
        #[arg(long)]
        quota: Option<PathBuf>,
        /// Output folder: selection.parquet, cutoffs.parquet, funnel.parquet, manifest.json.
        #[arg(long, default_value = "reports/selection")]
        out: PathBuf,
    },
    /// The kandas social-contract ledger on a date: status, repayments owed, retention, projection.
    ///
    /// Example: kvota contract --families families.csv --payments payments.csv --moves moves.csv --as-of 2026-12-31
    Contract {
        /// Families, CSV or Parquet: family_id, arrival_date, host_region, members.
        #[arg(long)]
        families: PathBuf,
        /// Support paid: family_id, item, paid_date, amount_mci or amount_kzt.
        #[arg(long)]
        payments: PathBuf,
        /// Moves: family_id, move_date, to_region.
        #[arg(long)]
        moves: Option<PathBuf>,
        /// Date of the status (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        as_of: chrono::NaiveDate,
        /// Folder with the dated parameters (contract length, repayment share, MCI).
        #[arg(long, default_value = "data/params")]
        params: PathBuf,
        /// Output folder: contract_status.parquet, contract_regions.parquet, retention.parquet, manifest.json.
        #[arg(long, default_value = "reports/contract")]
        out: PathBuf,
    },
    /// Rebuild the default dataset in data/panel from data/raw (see data/README.md).
    Dataset {
        #[command(subcommand)]
        action: DatasetAction,
    },
    /// Forecast every series of a long table (series_id, period, value).
    ///
    /// Example: kvota forecast --input series.csv --horizon 6 --out forecasts.parquet --models auto
    #[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
    Forecast {
        #[command(subcommand)]
        action: Option<ForecastAction>,
        #[command(flatten)]
        args: ForecastArgs,
    },
}

#[derive(clap::Args)]
pub struct ApportionArgs {
    /// CSV with columns unit, weight (weights: non-negative integers of any size or decimals).
    #[arg(long)]
    pub input: PathBuf,
    /// Seats to apportion.
    #[arg(long)]
    pub seats: u64,
    /// hamilton, dhondt, sainte-lague, huntington-hill, adams, dean or quota.
    #[arg(long, default_value = "hamilton")]
    pub method: String,
    /// Minimum seats of every unit.
    #[arg(long)]
    pub min: Option<u64>,
    /// How Hamilton meets the minimums: minimum-first (the default: units below their minimum
    /// get it first, the rest of the house is apportioned over the others) or raise-from-pool
    /// (the historical US House convention: quotas of all units at the full house, floors,
    /// units below the minimum raised to it from the seats left after the floors, the rest by
    /// largest remainder among the others).
    #[arg(long, default_value = "minimum-first", value_parser = MinRule::parse)]
    pub min_rule: MinRule,
    /// Column with each unit's maximum seats (empty cell = no maximum).
    #[arg(long)]
    pub max_column: Option<String>,
    /// First divisor of modified Sainte-Laguë on the 1, 3, 5 scale, e.g. 1.4.
    #[arg(long, value_parser = parse_fraction)]
    pub first_divisor: Option<(u64, u64)>,
    /// Break ties by the stated rule (larger weight, then earlier unit) instead of failing.
    #[arg(long)]
    pub break_ties: bool,
    /// Output file (.csv or .parquet) with unit, seats in input order; stdout if omitted.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

impl ApportionArgs {
    pub fn options(&self) -> Result<FileApportionment, String> {
        Ok(FileApportionment {
            seats: self.seats,
            method: Method::parse(&self.method, self.first_divisor).map_err(|m| format!("--method: {m}"))?,
            min: self.min,
            min_rule: self.min_rule,
            ties: if self.break_ties { TieRule::LargerWeightThenOrder } else { TieRule::Error },
        })
    }
}

#[derive(clap::Args)]
pub struct ForecastArgs {
    /// Long table, CSV or Parquet, with columns series_id, period (2023, 2023Q2 or 2023-05), value.
    #[arg(long, required = true)]
    pub input: Option<PathBuf>,
    /// Steps to forecast.
    #[arg(long, required = true, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub horizon: Option<u32>,
    /// Output file (.parquet or .csv): series_id, period, step, mean, lo_L, hi_L, model.
    #[arg(long, required = true)]
    pub out: Option<PathBuf>,
    /// Model: auto, naive, snaive, naive2, drift, ses, ses-ets, holt, damped, theta, otm, dstm,
    /// dotm, theta-sa, dstm-sa, otm-sa, autotheta, autoets (ets), autoets-a, ces, comb,
    /// classic-theta, autoarima (arima), autoarima-approx, autoarima-css, autoarima-sa.
    #[arg(long, default_value = "auto", value_parser = parse_model)]
    pub models: ModelSpec,
    /// Season length (default: 1 for years and indices, 4 for quarters, 12 for months).
    #[arg(long)]
    pub season: Option<usize>,
    /// Prediction-interval levels in percent, comma-separated.
    #[arg(long, default_value = "80,95", value_delimiter = ',', value_parser = parse_level)]
    pub level: Vec<f64>,
    /// Keep the models' own intervals instead of calibrating them on hold-outs across series.
    #[arg(long)]
    pub no_calibrate: bool,
}

impl ForecastArgs {
    /// Input, output and options (clap has made every required flag present).
    pub fn resolve(self) -> (PathBuf, PathBuf, ForecastOptions) {
        let opts = ForecastOptions {
            model: self.models,
            horizon: self.horizon.expect("required by clap") as usize,
            season: self.season,
            levels: self.level,
            calibrate: !self.no_calibrate,
        };
        (self.input.expect("required by clap"), self.out.expect("required by clap"), opts)
    }
}

#[derive(Subcommand)]
pub enum ScenarioAction {
    /// Run several scenarios; those on the same panel, model and horizon share one set of
    /// forecasts. Each writes <OUT>/<scenario id>/ as `kvota run` does; ids must differ.
    ///
    /// Example: kvota scenario run scenarios/*.toml --out reports
    Run {
        /// Scenario files.
        #[arg(required = true)]
        scenarios: Vec<PathBuf>,
        /// Output root.
        #[arg(long, default_value = "reports")]
        out: PathBuf,
    },
    /// Run two scenarios and list the cells whose rating, shortage gap or quota differ (B - A);
    /// writes <OUT>/compare_<A>_<B>.parquet (and .csv).
    ///
    /// Example: kvota scenario compare scenarios/baseline.toml scenarios/lp_amended.toml
    Compare {
        a: PathBuf,
        b: PathBuf,
        /// Output root (the two runs go to <OUT>/<id>/).
        #[arg(long, default_value = "reports")]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum ForecastAction {
    /// Rolling-origin back-test: accuracy of models on the last origins of every series.
    ///
    /// Example: kvota forecast backtest --input series.csv --horizon 2 --models naive2,theta,dotm,auto
    Backtest {
        #[arg(long)]
        input: PathBuf,
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..=1000))]
        horizon: u32,
        /// Models to compare, comma-separated.
        #[arg(long, default_value = "naive2,drift,theta,dotm,autoets,auto", value_delimiter = ',', value_parser = parse_model)]
        models: Vec<ModelSpec>,
        /// Number of forecast origins per series (the last ones).
        #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=100))]
        origins: u32,
        #[arg(long)]
        season: Option<usize>,
        /// Score the models' own intervals instead of calibrating them at each origin across the
        /// series, as `kvota forecast` does by default.
        #[arg(long)]
        no_calibrate: bool,
        /// Also write the table (.parquet or .csv).
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
pub enum DatasetAction {
    /// Example: kvota dataset build --raw data/raw --assumptions data/build/assumptions.toml --sources data/build/sources.toml --out data/panel
    Build {
        /// Folder with the official series the build reads.
        #[arg(long, default_value = "data/raw")]
        raw: PathBuf,
        /// Modelling assumptions and calibration totals.
        #[arg(long, default_value = "data/build/assumptions.toml")]
        assumptions: PathBuf,
        /// The source map: what every panel column rests on, and tables that replace columns.
        #[arg(long, default_value = "data/build/sources.toml")]
        sources: PathBuf,
        #[arg(long, default_value = "data/panel")]
        out: PathBuf,
    },
}

/// The overrides `kvota run` passes to the scenario (the command line wins).
pub fn run_overrides(
    data: Option<PathBuf>,
    params: Option<PathBuf>,
    png: bool,
    formats: Vec<TableFormat>,
    langs: Vec<Lang>,
) -> RunOverrides {
    let mut unique = Vec::new();
    for l in langs {
        if !unique.contains(&l) {
            unique.push(l);
        }
    }
    RunOverrides { data: data.map(|d| panel_folder(&d)), params, png, formats, langs: unique }
}

/// `--data` names the panel folder or the data folder that holds it (`data` as well as
/// `data/panel`): a folder without the panel's `region_year.csv` but with `panel/region_year.csv`
/// means its `panel/`.
pub fn panel_folder(d: &std::path::Path) -> PathBuf {
    use kvota::builtin::is_file;
    if !is_file(&d.join("region_year.csv")) && is_file(&d.join("panel").join("region_year.csv")) {
        d.join("panel")
    } else {
        d.to_path_buf()
    }
}

/// A value's problem in the reader's language (the parsers run before anything else).
fn said(m: Msg) -> String {
    m.say(Lang::from_env().texts())
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).filter(|_| !s.trim().is_empty()).ok_or_else(|| said(Msg::new("arg-lang").arg("value", s)))
}

/// `1.4` -> (14, 10): a decimal as an exact fraction.
fn parse_fraction(s: &str) -> Result<(u64, u64), String> {
    let bad = || said(Msg::new("arg-fraction").arg("value", s));
    let t = s.trim();
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    if int.is_empty() || !int.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    let den = 10u64.checked_pow(frac.len() as u32).ok_or_else(bad)?;
    let num = format!("{int}{frac}").parse::<u64>().map_err(|_| bad())?;
    Ok((num, den))
}

fn parse_model(s: &str) -> Result<ModelSpec, String> {
    kvota::series::parse_model(s).map_err(said)
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse().map_err(said)
}

fn parse_table_format(s: &str) -> Result<TableFormat, String> {
    s.parse().map_err(said)
}

fn parse_level(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if v > 0.0 && v < 100.0 => Ok(v),
        _ => Err(said(Msg::new("arg-level").arg("value", s))),
    }
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    kvota::ingest::table::parse_date(s).map_err(said)
}

fn parse_month(s: &str) -> Result<kvota::ingest::text::Period, String> {
    match kvota::ingest::text::parse_period_label(s) {
        Some(p @ kvota::ingest::text::Period::Month(..)) => Ok(p),
        _ => Err(said(Msg::new("arg-month").arg("value", s))),
    }
}
