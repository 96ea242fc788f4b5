//! The `kvota` command line: parses flags, resolves them with the scenario file, calls the
//! library, and renders progress and errors. No logic lives here.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use kvota::forecast::engine::ModelSpec;
use kvota::panel::Panel;
use kvota::pipeline::{self, Progress};
use kvota::scenario::Scenario;
use kvota::series::{self, ForecastOptions};

#[derive(Parser)]
#[command(name = "kvota", version, about = "Labour-shortage forecasting and quota allocation for Kazakhstan")]
struct Cli {
    /// Print nothing but errors.
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the whole pipeline for a scenario and write Parquet outputs and a manifest.
    ///
    /// Example: kvota run --scenario scenarios/baseline.toml --out reports
    Run {
        /// Scenario file.
        #[arg(long, default_value = "scenarios/baseline.toml")]
        scenario: PathBuf,
        /// Folder with the panel CSVs (overrides the scenario's data.panel).
        #[arg(long)]
        data: Option<PathBuf>,
        /// Output root; results go to <OUT>/<scenario id>/.
        #[arg(long, default_value = "reports")]
        out: PathBuf,
        /// Also write the charts as PNG (charts/*.png).
        #[arg(long)]
        png: bool,
        /// Also write every table as Arrow IPC (.arrow) and/or CSV (.csv) beside its Parquet file.
        #[arg(long, value_delimiter = ',', value_name = "arrow,csv")]
        format: Vec<kvota::scenario::TableFormat>,
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
        /// Format of FILES (bns-xlsx, bns-open-data or postings; postings need a date column).
        #[arg(long, value_enum, requires = "files")]
        format: Option<kvota::ingest::Format>,
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
        /// bns-xlsx (BNS spreadsheet), bns-open-data (stat.gov.kz export, CSV or Parquet) or
        /// postings (vacancy postings, CSV).
        #[arg(value_enum)]
        format: kvota::ingest::Format,
        /// The file to read.
        file: PathBuf,
        /// Output file, .parquet or .csv.
        #[arg(long)]
        out: PathBuf,
        /// Indicator name (default: the spreadsheet's title, or NAM of the export).
        #[arg(long)]
        indicator: Option<String>,
        /// Snapshot month (YYYY-MM) of a postings file that has no date column.
        #[arg(long)]
        month: Option<String>,
    },
    /// Apportion seats over the units of a CSV file (columns unit, weight) with an exact method.
    ///
    /// Example: kvota apportion --input parties.csv --seats 54 --method dhondt --out seats.csv
    Apportion {
        /// CSV with columns unit, weight (weights: non-negative integers of any size or decimals).
        #[arg(long)]
        input: PathBuf,
        /// Seats to apportion.
        #[arg(long)]
        seats: u64,
        /// hamilton, dhondt, sainte-lague, huntington-hill, adams, dean or quota.
        #[arg(long, default_value = "hamilton")]
        method: String,
        /// Minimum seats of every unit.
        #[arg(long)]
        min: Option<u64>,
        /// Column with each unit's maximum seats (empty cell = no maximum).
        #[arg(long)]
        max_column: Option<String>,
        /// First divisor of modified Sainte-Laguë on the 1, 3, 5 scale, e.g. 1.4.
        #[arg(long)]
        first_divisor: Option<String>,
        /// Break ties by the stated rule (larger weight, then earlier unit) instead of failing.
        #[arg(long)]
        break_ties: bool,
        /// Output file (.csv or .parquet) with unit, seats in input order; stdout if omitted.
        #[arg(long)]
        out: Option<PathBuf>,
    },
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
        #[arg(long)]
        as_of: String,
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
struct ForecastArgs {
    /// Long table, CSV or Parquet, with columns series_id, period (2023, 2023Q2 or 2023-05), value.
    #[arg(long, required = true)]
    input: Option<PathBuf>,
    /// Steps to forecast.
    #[arg(long, required = true, value_parser = clap::value_parser!(u32).range(1..=1000))]
    horizon: Option<u32>,
    /// Output file (.parquet or .csv): series_id, period, step, mean, lo_L, hi_L, model.
    #[arg(long, required = true)]
    out: Option<PathBuf>,
    /// Model: auto, naive, snaive, naive2, drift, ses, ses-ets, holt, damped, theta, otm, dstm,
    /// dotm, theta-sa, dstm-sa, otm-sa, autotheta, autoets (ets), autoets-a, ces, comb,
    /// classic-theta, autoarima (arima), autoarima-approx, autoarima-css, autoarima-sa.
    #[arg(long, default_value = "auto", value_parser = parse_model)]
    models: ModelSpec,
    /// Season length (default: 1 for years and indices, 4 for quarters, 12 for months).
    #[arg(long)]
    season: Option<usize>,
    /// Prediction-interval levels in percent, comma-separated.
    #[arg(long, default_value = "80,95", value_delimiter = ',', value_parser = parse_level)]
    level: Vec<f64>,
    /// Keep the models' own intervals instead of calibrating them on hold-outs across series.
    #[arg(long)]
    no_calibrate: bool,
}

#[derive(Subcommand)]
enum ScenarioAction {
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
enum ForecastAction {
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
        /// Also write the table (.parquet or .csv).
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

/// `1.4` -> (14, 10): a decimal as an exact fraction.
fn parse_fraction(s: &str) -> Option<(u64, u64)> {
    let s = s.trim();
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if int.is_empty() || !int.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let den = 10u64.checked_pow(frac.len() as u32)?;
    let num = format!("{int}{frac}").parse::<u64>().ok()?;
    Some((num, den))
}

fn parse_model(s: &str) -> Result<ModelSpec, String> {
    s.parse()
}

fn parse_level(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if v > 0.0 && v < 100.0 => Ok(v),
        _ => Err(format!("`{s}` is not a level between 0 and 100 (e.g. 80)")),
    }
}

#[derive(Subcommand)]
enum DatasetAction {
    /// Example: kvota dataset build --raw data/raw --assumptions data/build/assumptions.toml --out data/panel
    Build {
        #[arg(long, default_value = "data/raw")]
        raw: PathBuf,
        #[arg(long, default_value = "data/build/assumptions.toml")]
        assumptions: PathBuf,
        #[arg(long, default_value = "data/panel")]
        out: PathBuf,
    },
}

/// Progress on stderr when it is a terminal and not --quiet; nothing otherwise.
struct TerminalProgress {
    bar: Option<ProgressBar>,
    quiet: bool,
}

impl TerminalProgress {
    fn new(quiet: bool) -> Self {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let b = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            b.enable_steady_tick(Duration::from_millis(120));
            b
        });
        TerminalProgress { bar, quiet }
    }
}

impl Progress for TerminalProgress {
    fn stage(&self, name: &str) {
        if let Some(b) = &self.bar {
            b.set_style(ProgressStyle::with_template("{spinner} {msg}").expect("template"));
            b.set_length(0);
            b.set_message(name.to_string());
        }
    }
    fn start(&self, name: &str, total: u64) {
        if let Some(b) = &self.bar {
            b.set_style(ProgressStyle::with_template("{spinner} {msg} [{bar:30}] {pos}/{len}").expect("template"));
            b.set_length(total);
            b.set_position(0);
            b.set_message(name.to_string());
        }
    }
    fn inc(&self, n: u64) {
        if let Some(b) = &self.bar {
            b.inc(n);
        }
    }
    fn finish(&self) {}
}

impl Drop for TerminalProgress {
    fn drop(&mut self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
        let _ = self.quiet;
    }
}

/// `forecasts.parquet` -> `forecasts.skipped.csv`.
fn skipped_path(out: &std::path::Path) -> PathBuf {
    let stem = out.file_stem().and_then(|s| s.to_str()).unwrap_or("forecast");
    out.with_file_name(format!("{stem}.skipped.csv"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let quiet = cli.quiet;
    match cli.command {
        Command::Scenario { action: ScenarioAction::Run { scenarios, out } } => {
            let loaded: Vec<(PathBuf, Scenario)> =
                scenarios.iter().map(|p| Scenario::load(p).map(|s| (p.clone(), s))).collect::<Result<_, _>>()?;
            let mut ids = std::collections::BTreeSet::new();
            for (p, s) in &loaded {
                if !ids.insert(s.id.clone()) {
                    return Err(anyhow::anyhow!("{}: scenario id `{}` is used twice in the batch", p.display(), s.id));
                }
            }
            let cache = pipeline::ForecastCache::new();
            let progress = TerminalProgress::new(true);
            for (p, s) in &loaded {
                let o = pipeline::run_cached(p, s, &out, &progress, Some(&cache))?;
                if !quiet {
                    let m = &o.manifest.summary;
                    println!(
                        "{:<24} foreign quota {:>7} of ceiling {:>7}; kandas {:>5} families; shortage cells {}",
                        s.id,
                        m.distributed,
                        m.ceiling,
                        m.kandas_families,
                        m.cells_by_rating.get("shortage").copied().unwrap_or(0)
                    );
                }
            }
            if !quiet {
                println!("wrote {} scenarios to {}", loaded.len(), out.display());
            }
            Ok(())
        }
        Command::Scenario { action: ScenarioAction::Compare { a, b, out } } => {
            let (sa, sb) = (Scenario::load(&a)?, Scenario::load(&b)?);
            if sa.id == sb.id {
                return Err(anyhow::anyhow!("both scenarios have the id `{}`", sa.id));
            }
            let cache = pipeline::ForecastCache::new();
            let progress = TerminalProgress::new(true);
            let oa = pipeline::run_cached(&a, &sa, &out, &progress, Some(&cache))?;
            let ob = pipeline::run_cached(&b, &sb, &out, &progress, Some(&cache))?;
            let cmp = kvota::compare::compare(&oa.out_dir, &ob.out_dir)?;
            let table = cmp.cell_table();
            let stem = out.join(format!("compare_{}_{}", sa.id, sb.id));
            let meta = [("scenario_a", sa.id.clone()), ("scenario_b", sb.id.clone())];
            kvota::export::write_table(&stem.with_extension("parquet"), &table, &meta)?;
            kvota::export::write_table(&stem.with_extension("csv"), &table, &meta)?;
            kvota::export::write_atomic(&stem.with_extension("svg"), kvota::report::compare_svg(&cmp)?.as_bytes())?;
            if !quiet {
                let changed: Vec<_> = cmp.cells.iter().filter(|c| c.changed()).collect();
                println!("{} vs {}: {} of {} cells differ", sa.id, sb.id, changed.len(), cmp.cells.len());
                println!(
                    "{:<7} {:<3} {:>13} {:>13} {:>8} {:>8} {:>8} {:>8}",
                    "region", "sec", "rating A", "rating B", "gap A", "gap B", "quota A", "quota B"
                );
                for c in &changed {
                    println!(
                        "{:<7} {:<3} {:>13} {:>13} {:>8} {:>8} {:>8} {:>8}",
                        c.region,
                        c.section,
                        c.rating_a.as_deref().unwrap_or("-"),
                        c.rating_b.as_deref().unwrap_or("-"),
                        c.gap_a,
                        c.gap_b,
                        c.quota_a,
                        c.quota_b
                    );
                }
                let t = cmp.totals();
                println!(
                    "totals: gap {} -> {}, foreign quota {} -> {}, kandas families {} -> {}",
                    t[0], t[1], t[2], t[3], t[4], t[5]
                );
                println!("wrote {}.parquet, .csv and .svg (deltas by region)", stem.display());
            }
            Ok(())
        }
        Command::Run { scenario, data, out, png, format } => {
            let mut sc = Scenario::load(&scenario)?;
            sc.output.png |= png;
            sc.output.formats.extend(format);
            sc.output.formats.sort();
            sc.output.formats.dedup();
            if let Some(d) = data {
                sc.data.panel = d;
            }
            let progress = TerminalProgress::new(quiet);
            let outcome = pipeline::run(&scenario, &sc, &out, &progress)?;
            drop(progress);
            if !quiet {
                let s = &outcome.manifest.summary;
                println!("scenario {} ({}), target year {}", sc.id, outcome.manifest.run_id, sc.target_year);
                println!(
                    "foreign-labour quota: ceiling {} ({} % of {} labour force in {}), reserve {}, distributed {} of {} justified demand",
                    s.ceiling,
                    s.ceiling_pct,
                    s.labour_force_basis,
                    s.labour_force_year,
                    s.reserve,
                    s.distributed,
                    s.justified_demand
                );
                println!(
                    "  by category: {}; method {}",
                    s.foreign_by_category.iter().map(|(k, v)| format!("{k}: {v}")).collect::<Vec<_>>().join(", "),
                    s.allocation_method
                );
                if s.editions.len() > 1 {
                    let last = s.editions.last().expect("editions");
                    println!(
                        "  {} amendment(s); edition {}: ceiling {}, distributed {}, reserve left {}",
                        s.editions.len() - 1,
                        last.id,
                        last.ceiling,
                        last.distributed,
                        last.reserve
                    );
                }
                if let (Some(i), Some(u)) = (s.permits_issued, s.utilisation) {
                    println!("  permits issued {i}: utilisation {:.1} %", 100.0 * u);
                }
                println!(
                    "kandas quota: {} families, {} persons over {} regions (cost {:.0} of {:.0} tenge{})",
                    s.kandas_families,
                    s.kandas_persons,
                    s.kandas_regions.len(),
                    s.kandas_cost_kzt,
                    s.kandas_budget_kzt,
                    if s.kandas_families < s.kandas_families_funded {
                        format!(
                            "; the budget funds {} but the regions can take {}",
                            s.kandas_families_funded, s.kandas_families
                        )
                    } else {
                        String::new()
                    }
                );
                println!(
                    "cells: {}",
                    s.cells_by_rating.iter().map(|(k, v)| format!("{k} {v}")).collect::<Vec<_>>().join(", ")
                );
                for w in &outcome.manifest.warnings {
                    println!("warning: {w}");
                }
                println!("wrote {} files to {}", outcome.files.len(), outcome.out_dir.display());
            }
            Ok(())
        }
        Command::Validate { format: Some(format), files, .. } => {
            let mut problems = 0;
            for f in &files {
                let got = kvota::ingest::read(format, f, None)?;
                problems += got.report.problems.len();
                if !quiet || !got.report.problems.is_empty() {
                    print_ingest_report(&got.report);
                }
            }
            if problems > 0 {
                return Err(anyhow::anyhow!("{problems} problems in {} files", files.len()));
            }
            Ok(())
        }
        Command::Ingest { format, file, out, indicator, month } => {
            let month = match month.as_deref() {
                Some(m) => Some(match kvota::ingest::text::parse_period_label(m) {
                    Some(p @ kvota::ingest::text::Period::Month(..)) => p,
                    _ => return Err(anyhow::anyhow!("--month `{m}` is not a month such as 2024-11")),
                }),
                None => None,
            };
            let opts = kvota::ingest::ReadOptions { indicator, month };
            let got = kvota::ingest::read_with(format, &file, &opts)?.into_strict()?;
            kvota::ingest::write(&got, &out)?;
            if !quiet {
                print_ingest_report(&got.report);
                println!("wrote {} rows to {}", got.rows.len(), out.display());
            }
            Ok(())
        }
        Command::Validate { data, .. } => {
            let (_panel, report) = Panel::load(&data)?;
            if !quiet {
                for f in &report.files {
                    println!("{}: {} rows", f.path.display(), f.rows);
                    for c in &f.checks {
                        println!("  ok  {c}");
                    }
                }
                for w in &report.warnings {
                    println!("warning: {w}");
                }
                println!("valid: {} files", report.files.len());
            }
            Ok(())
        }
        Command::Forecast {
            action: Some(ForecastAction::Backtest { input, horizon, models, origins, season, out }),
            ..
        } => {
            let table = series::read_long(&input)?;
            let (rows, skipped) = series::backtest(&table, &models, horizon as usize, origins as usize, season);
            if !quiet {
                println!(
                    "{} series, {} used, horizon {horizon}, up to {origins} origins each",
                    table.series.len(),
                    table.series.len() - skipped.len()
                );
                println!(
                    "{:<14} {:>9} {:>8} {:>8} {:>8} {:>8} {:>8}",
                    "model", "forecasts", "sMAPE", "MASE", "MSIS", "cov80", "cov95"
                );
                for r in &rows {
                    let s = &r.summary;
                    println!(
                        "{:<14} {:>9} {:>8.3} {:>8.3} {:>8.3} {:>7.1}% {:>7.1}%",
                        r.model.name(),
                        r.forecasts,
                        s.smape,
                        s.mase,
                        s.msis,
                        100.0 * s.coverage_80,
                        100.0 * s.coverage_95
                    );
                }
                for s in &skipped {
                    println!("skipped {}: {}", s.id, s.reason);
                }
            }
            if let Some(out) = out {
                use kvota::export::{ColumnData, OutputTable};
                let t = OutputTable::new("backtest")
                    .col("model", ColumnData::Str(rows.iter().map(|r| r.model.name().to_string()).collect()), "model")
                    .col(
                        "forecasts",
                        ColumnData::Int(rows.iter().map(|r| r.forecasts as i64).collect()),
                        "forecasts scored",
                    )
                    .col(
                        "smape",
                        ColumnData::Float(rows.iter().map(|r| r.summary.smape).collect()),
                        "mean sMAPE, percent",
                    )
                    .col("mase", ColumnData::Float(rows.iter().map(|r| r.summary.mase).collect()), "mean MASE")
                    .col(
                        "msis",
                        ColumnData::Float(rows.iter().map(|r| r.summary.msis).collect()),
                        "mean MSIS of the 95 % interval",
                    )
                    .col(
                        "coverage_80",
                        ColumnData::Float(rows.iter().map(|r| r.summary.coverage_80).collect()),
                        "share inside the 80 % interval",
                    )
                    .col(
                        "coverage_95",
                        ColumnData::Float(rows.iter().map(|r| r.summary.coverage_95).collect()),
                        "share inside the 95 % interval",
                    );
                kvota::export::write_table(&out, &t, &[])?;
            }
            Ok(())
        }
        Command::Forecast { action: None, args } => {
            let input = args.input.expect("required by clap");
            let out = args.out.expect("required by clap");
            let table = series::read_long(&input)?;
            let opts = ForecastOptions {
                model: args.models,
                horizon: args.horizon.expect("required by clap") as usize,
                season: args.season,
                levels: args.level,
                calibrate: !args.no_calibrate,
            };
            let progress = TerminalProgress::new(quiet);
            progress.start("forecasting", table.series.len() as u64);
            let run = series::forecast_table(&table, &opts, &|| progress.inc(1));
            drop(progress);
            kvota::export::write_table(&out, &run.table(&opts.levels), &[("model", opts.model.name().to_string())])?;
            let sidecar = skipped_path(&out);
            if run.skipped.is_empty() {
                let _ = std::fs::remove_file(&sidecar);
            } else {
                let mut text = String::from("series_id,reason\n");
                for s in &run.skipped {
                    text.push_str(&format!(
                        "\"{}\",\"{}\"\n",
                        s.id.replace('"', "\"\""),
                        s.reason.replace('"', "\"\"")
                    ));
                }
                kvota::export::write_atomic(&sidecar, text.as_bytes())?;
            }
            if !quiet {
                let fallbacks = run.results.iter().filter(|(_, r)| r.fallback_reason.is_some()).count();
                println!(
                    "forecast {} of {} series with {} ({} fell back to a simpler model), horizon {}",
                    run.results.len(),
                    table.series.len(),
                    opts.model.name(),
                    fallbacks,
                    opts.horizon
                );
                match &run.calibration {
                    Some(c) => println!(
                        "intervals calibrated on {} hold-out windows of {} series (rolling origins)",
                        c.holdouts, c.series
                    ),
                    None if !args.no_calibrate => {
                        println!("intervals: model-based (fewer than 20 series allow a hold-out)")
                    }
                    None => println!("intervals: model-based (--no-calibrate)"),
                }
                if !run.skipped.is_empty() {
                    println!("skipped {} series (reasons in {})", run.skipped.len(), sidecar.display());
                }
                println!("wrote {}", out.display());
            }
            Ok(())
        }
        Command::Apportion { input, seats, method, min, max_column, first_divisor, break_ties, out } => {
            use kvota::allocate::apportion::{Method, TieRule};
            let fd =
                match first_divisor {
                    None => None,
                    Some(d) => Some(parse_fraction(&d).ok_or_else(|| {
                        anyhow::anyhow!("--first-divisor `{d}` is not a number in [1, 2) such as 1.4")
                    })?),
                };
            let method = Method::parse(&method, fd).map_err(|m| anyhow::anyhow!("--method: {m}"))?;
            let opts = kvota::allocate::units::FileApportionment {
                seats,
                method,
                min,
                max_column,
                ties: if break_ties { TieRule::LargerWeightThenOrder } else { TieRule::Error },
            };
            let res = kvota::allocate::units::apportion_file(&input, &opts)?;
            let table = res.table();
            match out {
                Some(out) => {
                    kvota::export::write_table(&out, &table, &[])?;
                    if !quiet {
                        println!("apportioned {seats} seats over {} units; wrote {}", res.units.len(), out.display());
                    }
                }
                None => print!("{}", table.to_csv()),
            }
            if !quiet {
                for t in &res.ties {
                    let names: Vec<&str> = t.units.iter().map(|&i| res.units[i].as_str()).collect();
                    eprintln!(
                        "tie broken at house size {}: {} seat(s) among {}",
                        t.at_house,
                        t.seats,
                        names.join(", ")
                    );
                }
            }
            Ok(())
        }
        Command::Select { rules, applicants, quota, out } => {
            let o = kvota::select::run(&rules, &applicants, quota.as_deref(), &out)?;
            if !quiet {
                println!(
                    "{} applicants: {}; {} quota cells",
                    o.counts.values().sum::<u64>(),
                    o.counts.iter().map(|(k, v)| format!("{k} {v}")).collect::<Vec<_>>().join(", "),
                    o.cells
                );
                // The funnel by route and stage, all regions together (per region in funnel.parquet).
                let mut by: Vec<(String, String, [u64; 4])> = Vec::new();
                for f in &o.funnel {
                    let c = [f.entered, f.passed, f.rejected, f.invalid];
                    match by.iter_mut().find(|(r, s, _)| *r == f.route && *s == f.stage) {
                        Some((_, _, t)) => t.iter_mut().zip(c).for_each(|(a, b)| *a += b),
                        None => by.push((f.route.clone(), f.stage.clone(), c)),
                    }
                }
                println!(
                    "{:<16} {:<20} {:>10} {:>10} {:>10} {:>10}",
                    "route", "stage", "entered", "passed", "rejected", "invalid"
                );
                for (route, stage, c) in &by {
                    println!("{route:<16} {stage:<20} {:>10} {:>10} {:>10} {:>10}", c[0], c[1], c[2], c[3]);
                }
                println!("wrote {} files to {}", o.files.len(), out.display());
            }
            Ok(())
        }
        Command::Contract { families, payments, moves, as_of, params, out } => {
            let date = chrono::NaiveDate::parse_from_str(as_of.trim(), "%Y-%m-%d")
                .map_err(|_| anyhow::anyhow!("--as-of `{as_of}` is not a date (YYYY-MM-DD)"))?;
            let o = kvota::contract::run(&families, &payments, moves.as_deref(), &params, date, &out)?;
            if !quiet {
                println!(
                    "{} families on {date}: {}",
                    o.by_status.values().sum::<u64>(),
                    o.by_status.iter().map(|(k, v)| format!("{k} {v}")).collect::<Vec<_>>().join(", ")
                );
                println!(
                    "owed {:.0} tenge; expected repayments of contracts in force {:.0} tenge; retention over the term {:.1} %",
                    o.owed_kzt,
                    o.expected_repayments_kzt,
                    100.0 * o.retention_at_term
                );
                println!("wrote {} files to {}", o.files.len(), out.display());
            }
            Ok(())
        }
        Command::Dataset { action: DatasetAction::Build { raw, assumptions, out } } => {
            let report = kvota::dataset::build(&raw, &assumptions, &out)?;
            if !quiet {
                for n in &report.notes {
                    println!("note: {n}");
                }
                for f in &report.files {
                    println!("wrote {}", f.display());
                }
            }
            Ok(())
        }
    }
}

/// The per-file report of `kvota ingest` and `kvota validate --format`.
fn print_ingest_report(r: &kvota::ingest::IngestReport) {
    println!("{} ({})", r.file.display(), r.format);
    println!("  rows read        {}", r.rows_read);
    println!("  rows normalised  {}", r.rows_normalised);
    let flags: Vec<String> = r.flags.iter().map(|(k, v)| format!("{k} {v}")).collect();
    println!(
        "  cells flagged    {}{}",
        r.cells_flagged(),
        if flags.is_empty() { String::new() } else { format!(" ({})", flags.join(", ")) }
    );
    for s in &r.splits {
        println!("  region split     {s}");
    }
    for g in &r.gaps {
        println!("  gap              {g}");
    }
    for s in &r.skipped {
        println!("  skipped          {s}");
    }
    for f in &r.footnotes {
        println!("  footnote         {f}");
    }
    for p in &r.problems {
        println!("  problem          {p}");
    }
}
