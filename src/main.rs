//! The `kvota` command line: parses flags, resolves them with the scenario file, calls the
//! library, and renders progress and errors. No logic lives here.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use kvota::panel::Panel;
use kvota::pipeline::{self, Progress};
use kvota::scenario::Scenario;

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
    },
    /// Check the input panel and print a validation report; exit 1 on errors.
    ///
    /// Example: kvota validate --data data/panel
    Validate {
        #[arg(long, default_value = "data/panel")]
        data: PathBuf,
    },
    /// Rebuild the default dataset in data/panel from data/raw (see data/README.md).
    Dataset {
        #[command(subcommand)]
        action: DatasetAction,
    },
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
        Command::Run { scenario, data, out } => {
            let mut sc = Scenario::load(&scenario)?;
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
                    "  by category: {}",
                    s.foreign_by_category.iter().map(|(k, v)| format!("{k}: {v}")).collect::<Vec<_>>().join(", ")
                );
                println!(
                    "kandas quota: {} families, {} persons over {} regions (cost {:.0} of {:.0} tenge)",
                    s.kandas_families,
                    s.kandas_persons,
                    s.kandas_regions.len(),
                    s.kandas_cost_kzt,
                    s.kandas_budget_kzt
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
        Command::Validate { data } => {
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
