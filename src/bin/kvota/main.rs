//! The `kvota` command line: parses flags (`args`), resolves them with the scenario file into
//! the library's settings, calls the library, and renders progress, summaries and errors
//! (`render`). No logic lives here.

mod args;
mod help;
mod render;

use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use args::{Cli, Command, DatasetAction, ForecastAction, ScenarioAction};
use kvota::config::{Config, RunOverrides};
use kvota::pipeline::{self, jobs};
use render::TerminalProgress;

fn main() -> ExitCode {
    let texts = kvota::i18n::Lang::from_env().texts();
    let parsed = help::localize(Cli::command(), texts).try_get_matches().and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        // Usage errors in the reader's language; help and version as clap prints them.
        Err(e) => match render::usage_error(&e) {
            Some(text) => {
                eprint!("{text}");
                return ExitCode::from(2);
            }
            None => e.exit(),
        },
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader of the output went away (`kvota ... | head`): nothing is wrong with the
        // run, whose files are written; stop quietly, as ripgrep does.
        Err(e) if e.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprint!("{}", render::error(&e));
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let quiet = cli.quiet;
    let progress = TerminalProgress::new(quiet);
    // Every summary goes through `w`: a write error (a closed pipe) ends the command through
    // `?` instead of the panic of `println!`.
    let stdout = std::io::stdout();
    let w = &mut stdout.lock();
    match cli.command {
        Command::Run { scenario, data, params, out, png, format, lang } => {
            let cfg = Config::load(&scenario, &args::run_overrides(data, params, png, format, lang))?;
            let outcome = pipeline::run(&cfg, &out, &progress)?;
            drop(progress);
            if !quiet {
                render::run(w, &outcome)?;
            }
        }
        Command::Scenario { action: ScenarioAction::Run { scenarios, out } } => {
            let configs =
                scenarios.iter().map(|p| Config::load(p, &RunOverrides::default())).collect::<Result<Vec<_>, _>>()?;
            // The batch runs to its end when the summary cannot be written (its files are the
            // product); the first write error is reported after it.
            let mut written = Ok(());
            pipeline::run_batch(&configs, &out, &progress, &mut |_, o| {
                if !quiet && written.is_ok() {
                    written = progress.suspend(|| render::batch_line(w, o));
                }
            })?;
            written?;
            if !quiet {
                render::batch_wrote(w, configs.len(), &out)?;
            }
        }
        Command::Scenario { action: ScenarioAction::Compare { a, b, out } } => {
            let (ca, cb) = (Config::load(&a, &RunOverrides::default())?, Config::load(&b, &RunOverrides::default())?);
            let o = pipeline::compare(&ca, &cb, &out, &progress)?;
            drop(progress);
            if !quiet {
                render::compare(w, &o, &ca.id, &cb.id)?;
            }
        }
        Command::Validate { format: Some(format), files, .. } => {
            let mut problems = 0;
            for f in &files {
                let got = kvota::ingest::read(format, f, None)?;
                problems += got.report.problems.len();
                if !quiet || !got.report.problems.is_empty() {
                    render::ingest_report(w, &got.report)?;
                }
            }
            if problems > 0 {
                let t = kvota::i18n::Lang::from_env().texts();
                let args = [("problems", problems.to_string()), ("files", files.len().to_string())];
                anyhow::bail!(t.fs("cli-validate-problems", &args));
            }
        }
        Command::Validate { data, .. } => {
            let (_panel, report) = kvota::panel::Panel::load(&args::panel_folder(&data))?;
            if !quiet {
                render::validation(w, &report)?;
            }
        }
        Command::Ingest { format, file, out, indicator, month } => {
            let got = jobs::ingest(format, &file, &kvota::ingest::ReadOptions { indicator, month }, &out)?;
            if !quiet {
                render::ingest_report(w, &got.report)?;
                render::ingest_wrote(w, got.rows.len(), &out)?;
            }
        }
        Command::Forecast {
            action: Some(ForecastAction::Backtest { input, horizon, models, origins, season, no_calibrate, out }),
            ..
        } => {
            let o = jobs::backtest(
                &input,
                &models,
                horizon as usize,
                origins as usize,
                season,
                !no_calibrate,
                out.as_deref(),
            )?;
            if !quiet {
                render::backtest(w, &o, horizon, origins)?;
            }
        }
        Command::Forecast { action: None, args } => {
            let (input, out, opts) = args.resolve();
            let o = jobs::forecast(&input, &opts, &out, &progress)?;
            drop(progress);
            if !quiet {
                render::forecast(w, &o, opts.model.name(), opts.horizon, opts.calibrate, &out)?;
            }
        }
        Command::Apportion(a) => {
            let opts = a.options().map_err(anyhow::Error::msg)?;
            let (res, csv) = jobs::apportion(&a.input, a.max_column.as_deref(), &opts, a.out.as_deref())?;
            match (&a.out, csv) {
                (Some(out), _) if !quiet => render::apportioned(w, a.seats, res.units.len(), out)?,
                (None, Some(csv)) => write!(w, "{csv}")?,
                _ => {}
            }
            if !quiet {
                render::apportion_ties(&res);
            }
        }
        Command::Select { rules, applicants, quota, out } => {
            let o = jobs::select(&rules, &applicants, quota.as_deref(), &out)?;
            if !quiet {
                render::select(w, &o, &out)?;
            }
        }
        Command::Contract { families, payments, moves, as_of, params, out } => {
            let o = jobs::contract(&families, &payments, moves.as_deref(), &params, as_of, &out)?;
            if !quiet {
                render::contract(w, &o, as_of, &out)?;
            }
        }
        Command::Dataset { action: DatasetAction::Build { raw, assumptions, sources, out } } => {
            let report = kvota::dataset::build(&raw, &assumptions, &sources, &out)?;
            if !quiet {
                render::dataset_build(w, &report)?;
            }
        }
    }
    w.flush()?;
    Ok(())
}
