//! What the command line prints: progress on a terminal, and the summary of each command. No
//! logic: every figure comes from the library's outcome.

use std::io::{self, IsTerminal, Write};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use kvota::error::{Error, Input};
use kvota::i18n::{Lang, Texts};
use kvota::manifest::Summary;
use kvota::pipeline::jobs::{BacktestOutcome, ContractOutcome, ForecastOutcome, SelectOutcome};
use kvota::pipeline::{CompareOutcome, Progress, RunOutcome};
use kvota::progress::Stage;
use kvota::series::SkipReason;

/// Progress on stderr when it is a terminal and not --quiet; nothing otherwise.
pub struct TerminalProgress {
    bar: Option<ProgressBar>,
}

impl TerminalProgress {
    /// Runs `f` (which prints) with the bar hidden.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(b) => b.suspend(f),
            None => f(),
        }
    }

    pub fn new(quiet: bool) -> Self {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let b = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            b.enable_steady_tick(Duration::from_millis(120));
            b
        });
        TerminalProgress { bar }
    }
}

impl Progress for TerminalProgress {
    fn stage(&self, stage: Stage) {
        if let Some(b) = &self.bar {
            b.set_style(ProgressStyle::with_template("{spinner} {msg}").expect("template"));
            b.set_length(0);
            b.set_message(Lang::from_env().texts().t(stage.key()));
        }
    }
    fn start(&self, stage: Stage, total: u64) {
        if let Some(b) = &self.bar {
            b.set_style(ProgressStyle::with_template("{spinner} {msg} [{bar:30}] {pos}/{len}").expect("template"));
            b.set_length(total);
            b.set_position(0);
            b.set_message(Lang::from_env().texts().t(stage.key()));
        }
    }
    fn inc(&self, n: u64) {
        if let Some(b) = &self.bar {
            b.inc(n);
        }
    }
}

impl Drop for TerminalProgress {
    fn drop(&mut self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

fn pairs<K: std::fmt::Display, V: std::fmt::Display>(it: impl IntoIterator<Item = (K, V)>, sep: &str) -> String {
    it.into_iter().map(|(k, v)| format!("{k}{sep}{v}")).collect::<Vec<_>>().join(", ")
}

/// `kvota run`: the headline figures, in the language of `KVOTA_LANG` or the locale (English by
/// default), from the message catalogue.
pub fn run(w: &mut dyn Write, o: &RunOutcome) -> io::Result<()> {
    let t = Lang::from_env().texts();
    let m = &o.manifest;
    let s: &Summary = &m.summary;
    let mut say = |key: &str, args: &[(&str, String)]| writeln!(w, "{}", t.fs(key, args));
    let n = |x: u64| x.to_string();
    say(
        "cli-run-scenario",
        &[("scenario", m.scenario.id.clone()), ("run", m.run_id.clone()), ("year", m.scenario.target_year.to_string())],
    )?;
    let e = &m.summary.evidence;
    let pct = |x: f64| format!("{} %", t.dec(100.0 * x, 0));
    say(
        "cli-run-basis",
        &[
            ("open_syn", pct(e.distributed_openings_synthetic)),
            ("open_est", pct(e.distributed_openings_estimated)),
            ("supply_syn", pct(e.distributed_supply_synthetic)),
            ("score_syn", pct(e.distributed_score_synthetic)),
            ("score_est", pct(e.distributed_score_estimated)),
        ],
    )?;
    if let Some(r) = &s.requests {
        let d = |k: &str| n(r.decisions.get(k).copied().unwrap_or(0));
        say(
            "cli-run-requests",
            &[
                ("evidence", t.name("evidence", &r.evidence)),
                ("lines", n(r.lines)),
                ("employers", n(r.employers)),
                ("workers", n(r.workers)),
                ("justified", n(r.justified)),
                ("approved", d("approved")),
                ("reduced", d("reduced")),
                ("rejected", d("rejected")),
                ("ict", d("outside_quota")),
                ("flags", n(r.flagged_employers.values().sum::<u64>())),
            ],
        )?;
    }
    say(
        "cli-run-ceiling",
        &[
            ("ceiling", n(s.ceiling)),
            ("pct", t.dec(s.ceiling_pct, 2).trim_end_matches('0').trim_end_matches([',', '.']).to_string()),
            ("lf", n(s.labour_force_basis)),
            ("lf_year", s.labour_force_year.to_string()),
            ("reserve", n(s.reserve)),
            ("distributed", n(s.distributed)),
            ("justified", n(s.justified_demand)),
        ],
    )?;
    let cats: Vec<String> = s
        .foreign_by_category
        .iter()
        .map(|(k, v)| format!("{}: {v}", if k == "seasonal" { t.t("cli-category-seasonal") } else { k.clone() }))
        .collect();
    say("cli-run-categories", &[("list", cats.join(", ")), ("method", s.allocation_method.clone())])?;
    if s.editions.len() > 1 {
        let last = s.editions.last().expect("editions");
        say(
            "cli-run-amendments",
            &[
                ("n", (s.editions.len() - 1).to_string()),
                ("id", last.id.clone()),
                ("ceiling", n(last.ceiling)),
                ("distributed", n(last.distributed)),
                ("reserve", n(last.reserve)),
            ],
        )?;
    }
    if let (Some(i), Some(u)) = (s.permits_issued, s.utilisation) {
        say("cli-run-issued", &[("issued", n(i)), ("pct", format!("{} %", t.dec(100.0 * u, 1)))])?;
    }
    let capped = if s.kandas_families < s.kandas_families_funded {
        t.fs("cli-run-kandas-capped", &[("funded", n(s.kandas_families_funded)), ("families", n(s.kandas_families))])
    } else {
        String::new()
    };
    let split = match (s.kandas_split.as_str(), s.kandas_previous_order_year) {
        ("previous_order", Some(year)) => t.fs("cli-run-kandas-by-order", &[("year", year.to_string())]),
        _ => t.fs("cli-run-kandas-by-shortage", &[("grade", t.name("evidence", &s.kandas_shortage_grade))]),
    };
    say(
        "cli-run-kandas",
        &[
            ("families", n(s.kandas_families)),
            ("persons", n(s.kandas_persons)),
            ("regions", s.kandas_regions.len().to_string()),
            // Adding 0.0 turns a negative zero into zero: no "-0" is printed.
            ("cost", format!("{:.0}", s.kandas_cost_kzt.round() + 0.0)),
            ("budget", format!("{:.0}", s.kandas_budget_kzt.round() + 0.0)),
            ("capped", capped),
            ("split", split),
        ],
    )?;
    let cells: Vec<String> = s.cells_by_rating.iter().map(|(k, v)| format!("{} {v}", t.name("rating", k))).collect();
    say("cli-run-cells", &[("list", cells.join(", "))])?;
    if !s.reality.is_empty() {
        let d: Vec<String> = s
            .reality
            .iter()
            .map(|r| {
                let v = r.distance.map_or("-".to_string(), |x| t.dec(x, 2));
                let cal = match (r.measure.as_str(), s.kandas_split.as_str(), s.kandas_previous_order_year) {
                    ("kandas_region", "previous_order", Some(year)) => {
                        format!(" {}", t.fs("cli-by-previous-order", &[("year", year.to_string())]))
                    }
                    _ if r.calibrated => format!(" {}", t.t("cli-calibrated")),
                    _ => String::new(),
                };
                format!("{} {v}{cal}", t.name("cli-measure", &r.measure))
            })
            .collect();
        say("cli-run-reality", &[("year", m.scenario.target_year.to_string()), ("list", d.join(", "))])?;
    }
    for w in &m.warnings {
        say("cli-warning", &[("text", w.text(t))])?;
    }
    say("cli-run-wrote", &[("n", o.files.len().to_string()), ("dir", o.out_dir.display().to_string())])
}

/// One line per scenario of a batch (in the language of `KVOTA_LANG` or the locale).
pub fn batch_line(w: &mut dyn Write, o: &RunOutcome) -> io::Result<()> {
    let t = Lang::from_env().texts();
    let m = &o.manifest.summary;
    let args = [
        ("id", format!("{:<24}", o.manifest.scenario.id)),
        ("distributed", format!("{:>7}", m.distributed)),
        ("ceiling", format!("{:>7}", m.ceiling)),
        ("families", format!("{:>5}", m.kandas_families)),
        ("shortage", m.cells_by_rating.get("shortage").copied().unwrap_or(0).to_string()),
    ];
    writeln!(w, "{}", t.fs("cli-batch-line", &args))
}

/// The last line of a batch.
pub fn batch_wrote(w: &mut dyn Write, n: usize, out: &std::path::Path) -> io::Result<()> {
    let t = Lang::from_env().texts();
    writeln!(w, "{}", t.fs("cli-batch-wrote", &[("n", n.to_string()), ("dir", out.display().to_string())]))
}

/// `name: count` pairs with the names from the catalogue (`prefix-code`, else the code).
fn named_counts(t: &Texts, prefix: &str, counts: &std::collections::BTreeMap<String, u64>) -> String {
    counts.iter().map(|(k, v)| format!("{} {v}", t.name(prefix, k))).collect::<Vec<_>>().join(", ")
}

/// `kvota scenario compare`: the cells that differ and the totals.
pub fn compare(w: &mut dyn Write, o: &CompareOutcome, a: &str, b: &str) -> io::Result<()> {
    let t = Lang::from_env().texts();
    let cmp = &o.comparison;
    let changed: Vec<_> = cmp.cells.iter().filter(|c| c.changed()).collect();
    let n = |x: usize| x.to_string();
    let args =
        [("a", a.to_string()), ("b", b.to_string()), ("changed", n(changed.len())), ("cells", n(cmp.cells.len()))];
    writeln!(w, "{}", t.fs("cli-compare-head", &args))?;
    let h = |k: &str| t.t(k);
    writeln!(
        w,
        "{:<7} {:<3} {:>13} {:>13} {:>8} {:>8} {:>8} {:>8}",
        h("cli-col-region"),
        h("cli-col-section"),
        h("cli-col-rating-a"),
        h("cli-col-rating-b"),
        h("cli-col-gap-a"),
        h("cli-col-gap-b"),
        h("cli-col-quota-a"),
        h("cli-col-quota-b")
    )?;
    let rating = |r: &Option<String>| r.as_deref().map_or("-".to_string(), |r| t.name("rating", r));
    for c in &changed {
        writeln!(
            w,
            "{:<7} {:<3} {:>13} {:>13} {:>8} {:>8} {:>8} {:>8}",
            c.region,
            c.section,
            rating(&c.rating_a),
            rating(&c.rating_b),
            c.gap_a,
            c.gap_b,
            c.quota_a,
            c.quota_b
        )?;
    }
    let tot = cmp.totals();
    let keys = ["gap_a", "gap_b", "quota_a", "quota_b", "families_a", "families_b"];
    let args: Vec<(&str, String)> = keys.iter().zip(tot).map(|(k, v)| (*k, v.to_string())).collect();
    writeln!(w, "{}", t.fs("cli-compare-totals", &args))?;
    writeln!(w, "{}", t.fs("cli-compare-wrote", &[("stem", o.stem.display().to_string())]))
}

/// The per-file report of `kvota ingest` and `kvota validate --format`, in the reader's
/// language; a footnote is the file's own text.
pub fn ingest_report(w: &mut dyn Write, r: &kvota::ingest::IngestReport) -> io::Result<()> {
    let t = Lang::from_env().texts();
    writeln!(w, "{} ({})", r.file.display(), r.format)?;
    writeln!(w, "  {:<16} {}", t.t("cli-ingest-rows-read"), r.rows_read)?;
    writeln!(w, "  {:<16} {}", t.t("cli-ingest-rows-normalised"), r.rows_normalised)?;
    let flags = pairs(&r.flags, " ");
    let flags = if flags.is_empty() { String::new() } else { format!(" ({flags})") };
    writeln!(w, "  {:<16} {}{flags}", t.t("cli-ingest-flagged"), r.cells_flagged())?;
    let said = |m: &[kvota::error::Msg]| -> Vec<String> { m.iter().map(|m| m.say(t)).collect() };
    let problems: Vec<String> = r.problems.iter().map(|p| p.say(t)).collect();
    for (key, lines) in [
        ("cli-ingest-split", said(&r.splits)),
        ("cli-ingest-gap", said(&r.gaps)),
        ("cli-ingest-skipped", said(&r.skipped)),
        ("cli-ingest-footnote", r.footnotes.clone()),
        ("cli-ingest-problem", problems),
    ] {
        let label = t.t(key);
        for l in lines {
            writeln!(w, "  {label:<16} {l}")?;
        }
    }
    Ok(())
}

/// The last line of `kvota ingest`.
pub fn ingest_wrote(w: &mut dyn Write, rows: usize, out: &std::path::Path) -> io::Result<()> {
    let t = Lang::from_env().texts();
    writeln!(w, "{}", t.fs("cli-ingest-wrote", &[("n", rows.to_string()), ("path", out.display().to_string())]))
}

/// `kvota validate`: the files and checks of the panel.
pub fn validation(w: &mut dyn Write, report: &kvota::panel::ValidationReport) -> io::Result<()> {
    let t = Lang::from_env().texts();
    let ok = t.t("cli-validate-ok");
    for f in &report.files {
        writeln!(
            w,
            "{}",
            t.fs("cli-validate-file", &[("path", f.path.display().to_string()), ("rows", f.rows.to_string())])
        )?;
        for c in &f.checks {
            writeln!(w, "  {ok}  {}", c.text(t))?;
        }
    }
    for x in &report.warnings {
        writeln!(w, "{}", t.fs("cli-warning", &[("text", x.text(t))]))?;
    }
    writeln!(w, "{}", t.fs("cli-validate-valid", &[("n", report.files.len().to_string())]))
}

/// `kvota forecast backtest`: accuracy per model.
pub fn backtest(w: &mut dyn Write, o: &BacktestOutcome, horizon: u32, origins: u32) -> io::Result<()> {
    let t = Lang::from_env().texts();
    let n = o.table.series.len();
    let args = [
        ("series", n.to_string()),
        ("used", (n - o.skipped.len()).to_string()),
        ("horizon", horizon.to_string()),
        ("origins", origins.to_string()),
    ];
    writeln!(w, "{}", t.fs("cli-backtest-head", &args))?;
    writeln!(
        w,
        "{:<14} {:>9} {:>8} {:>8} {:>8} {:>8} {:>8} {:>11}",
        t.t("cli-col-model"),
        t.t("cli-col-forecasts"),
        "sMAPE",
        "MASE",
        "MSIS",
        "cov80",
        "cov95",
        t.t("cli-col-calibrated")
    )?;
    for r in &o.rows {
        let s = &r.summary;
        let calibrated = t.fs(
            "cli-backtest-calibrated",
            &[("n", r.calibrated.0.to_string()), ("origins", r.calibrated.1.to_string())],
        );
        writeln!(
            w,
            "{:<14} {:>9} {:>8.3} {:>8.3} {:>8.3} {:>7.1}% {:>7.1}% {:>11}",
            r.model.name(),
            r.forecasts,
            s.smape,
            s.mase,
            s.msis,
            100.0 * s.coverage_80,
            100.0 * s.coverage_95,
            calibrated
        )?;
    }
    writeln!(w, "{}", t.t("cli-backtest-calibrated-note"))?;
    for s in &o.skipped {
        writeln!(w, "{}", t.fs("cli-skipped", &[("id", s.id.clone()), ("reason", skip_reason(t, &s.reason))]))?;
    }
    Ok(())
}

/// Why a series was left out, in the user's language.
fn skip_reason(t: &Texts, r: &SkipReason) -> String {
    use kvota::forecast::ForecastError;
    match r {
        SkipReason::DuplicatePeriod(p) => t.fs("skip-duplicate-period", &[("period", p.clone())]),
        SkipReason::Gap { after, before } => t.fs("skip-gap", &[("after", after.clone()), ("before", before.clone())]),
        SkipReason::NoValues => t.t("skip-no-values"),
        SkipReason::MissingValue(p) => t.fs("skip-missing-value", &[("period", p.clone())]),
        SkipReason::TooShortToBacktest { values, horizon } => {
            t.fs("skip-too-short-backtest", &[("values", values.to_string()), ("horizon", horizon.to_string())])
        }
        SkipReason::Model(ForecastError::TooShort { model, need, got }) => t.fs(
            "skip-model-too-short",
            &[("model", model.to_string()), ("need", need.to_string()), ("got", got.to_string())],
        ),
        SkipReason::Model(ForecastError::NonFinite(i)) => t.fs("skip-model-non-finite", &[("position", i.to_string())]),
        SkipReason::Model(ForecastError::Failed(detail)) => t.fs("skip-model-failed", &[("detail", detail.clone())]),
    }
}

/// `kvota forecast`: what was forecast, how the intervals were made, what was skipped.
pub fn forecast(
    w: &mut dyn Write,
    o: &ForecastOutcome,
    model: &str,
    horizon: usize,
    calibrate: bool,
    out: &std::path::Path,
) -> io::Result<()> {
    let t = Lang::from_env().texts();
    let run = &o.run;
    let fallbacks = run.results.iter().filter(|(_, r)| r.fallback_reason.is_some()).count();
    let args = [
        ("done", run.results.len().to_string()),
        ("series", o.table.series.len().to_string()),
        ("model", model.to_string()),
        ("fallbacks", fallbacks.to_string()),
        ("horizon", horizon.to_string()),
    ];
    writeln!(w, "{}", t.fs("cli-forecast-head", &args))?;
    let intervals = match &run.calibration {
        Some(c) => {
            t.fs("cli-forecast-calibrated", &[("holdouts", c.holdouts.to_string()), ("series", c.series.to_string())])
        }
        None if calibrate => {
            let min = kvota::forecast::calibrate::Settings::short_panels().min_series;
            t.fs("cli-forecast-too-few", &[("min", min.to_string())])
        }
        None => t.t("cli-forecast-no-calibrate"),
    };
    writeln!(w, "{intervals}")?;
    if !run.skipped.is_empty() {
        let args = [("n", run.skipped.len().to_string()), ("path", o.skipped_path.display().to_string())];
        writeln!(w, "{}", t.fs("cli-forecast-skipped", &args))?;
    }
    writeln!(w, "{}", t.fs("cli-wrote", &[("path", out.display().to_string())]))
}

/// `kvota select`: outcomes and the funnel by route and stage.
pub fn select(w: &mut dyn Write, o: &SelectOutcome, out: &std::path::Path) -> io::Result<()> {
    let t = Lang::from_env().texts();
    let args = [
        ("n", o.counts.values().sum::<u64>().to_string()),
        ("counts", named_counts(t, "cli-outcome", &o.counts)),
        ("cells", o.cells.to_string()),
    ];
    writeln!(w, "{}", t.fs("cli-select-summary", &args))?;
    let h = |k: &str| t.t(k);
    writeln!(
        w,
        "{:<16} {:<20} {:>10} {:>10} {:>10} {:>10}",
        h("cli-col-route"),
        h("cli-col-stage"),
        h("cli-col-entered"),
        h("cli-col-passed"),
        h("cli-col-rejected"),
        h("cli-col-invalid")
    )?;
    for (route, stage, c) in kvota::select::funnel_by_route_stage(&o.funnel) {
        writeln!(w, "{route:<16} {stage:<20} {:>10} {:>10} {:>10} {:>10}", c[0], c[1], c[2], c[3])?;
    }
    writeln!(w, "{}", t.fs("cli-run-wrote", &[("n", o.files.len().to_string()), ("dir", out.display().to_string())]))
}

/// `kvota contract`: statuses, amounts owed and expected, retention.
pub fn contract(
    w: &mut dyn Write,
    o: &ContractOutcome,
    as_of: chrono::NaiveDate,
    out: &std::path::Path,
) -> io::Result<()> {
    let t = Lang::from_env().texts();
    let args = [
        ("n", o.by_status.values().sum::<u64>().to_string()),
        ("date", as_of.to_string()),
        ("statuses", named_counts(t, "cli-status", &o.by_status)),
    ];
    writeln!(w, "{}", t.fs("cli-contract-summary", &args))?;
    // Plain digits (no separators) so that the figures can be copied; never "-0".
    let args = [
        ("owed", t.fixed(o.owed_kzt, 0)),
        ("expected", t.fixed(o.expected_repayments_kzt, 0)),
        ("retention", t.fixed(100.0 * o.retention_at_term, 1)),
    ];
    writeln!(w, "{}", t.fs("cli-contract-amounts", &args))?;
    writeln!(w, "{}", t.fs("cli-run-wrote", &[("n", o.files.len().to_string()), ("dir", out.display().to_string())]))
}

/// `kvota apportion --out`: what was written.
pub fn apportioned(w: &mut dyn Write, seats: u64, units: usize, out: &std::path::Path) -> io::Result<()> {
    let t = Lang::from_env().texts();
    let args = [("seats", seats.to_string()), ("units", units.to_string()), ("path", out.display().to_string())];
    writeln!(w, "{}", t.fs("cli-apportion-wrote", &args))
}

/// `kvota dataset build`: its notes (the library's, in English) and the files it wrote.
pub fn dataset_build(w: &mut dyn Write, report: &kvota::dataset::BuildReport) -> io::Result<()> {
    let t = Lang::from_env().texts();
    for n in &report.notes {
        writeln!(w, "{}", t.fs("cli-dataset-note", &[("text", n.say(t))]))?;
    }
    for f in &report.files {
        writeln!(w, "{}", t.fs("cli-wrote", &[("path", f.display().to_string())]))?;
    }
    Ok(())
}

/// Ties broken by `kvota apportion --break-ties`, on stderr.
pub fn apportion_ties(res: &kvota::allocate::units::Apportioned) {
    let t = Lang::from_env().texts();
    for tie in &res.ties {
        let names: Vec<&str> = tie.units.iter().map(|&i| res.units[i].as_str()).collect();
        let args = [("house", tie.at_house.to_string()), ("seats", tie.seats.to_string()), ("units", names.join(", "))];
        eprintln!("{}", t.fs("cli-apportion-tie", &args));
    }
}

/// A usage error of the command line (an unknown flag, a bad value, a missing argument) in the
/// reader's language, with where to find the usage; `None` for what clap says itself (help,
/// version) or a kind not said here.
pub fn usage_error(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let t = Lang::from_env().texts();
    let text = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        _ => None,
    };
    let quoted = |k: ContextKind| match e.get(k) {
        Some(ContextValue::Strings(v)) => Some(v.iter().map(|s| format!("'{s}'")).collect::<Vec<_>>().join(", ")),
        Some(ContextValue::String(s)) => Some(format!("'{s}'")),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let said = match e.kind() {
        ErrorKind::UnknownArgument => t.fs("usage-unknown-arg", &[("arg", arg)]),
        ErrorKind::InvalidSubcommand => {
            t.fs("usage-unknown-command", &[("command", text(ContextKind::InvalidSubcommand).unwrap_or_default())])
        }
        ErrorKind::InvalidValue => {
            let value = text(ContextKind::InvalidValue).unwrap_or_default();
            let base = t.fs("usage-invalid-value", &[("value", value), ("arg", arg)]);
            match quoted(ContextKind::ValidValue) {
                Some(v) => base + "; " + &t.fs("usage-possible", &[("values", v)]),
                None => base,
            }
        }
        ErrorKind::ValueValidation => {
            let value = text(ContextKind::InvalidValue).unwrap_or_default();
            let detail = std::error::Error::source(e).map(|s| s.to_string()).unwrap_or_default();
            t.fs("usage-invalid-value", &[("value", value), ("arg", arg)]) + ": " + &detail
        }
        ErrorKind::MissingRequiredArgument => t.fs("usage-missing", &[("args", arg)]),
        ErrorKind::ArgumentConflict => {
            t.fs("usage-conflict", &[("arg", arg), ("prior", text(ContextKind::PriorArg).unwrap_or_default())])
        }
        _ => return None,
    };
    let help = match quoted(ContextKind::SuggestedArg).or_else(|| quoted(ContextKind::SuggestedSubcommand)) {
        Some(s) => t.fs("usage-did-you-mean", &[("suggestion", s)]) + " " + &t.t("usage-help"),
        None => t.t("usage-help"),
    };
    Some(format!("{}\n{}\n", t.fs("cli-error", &[("text", said)]), t.fs("cli-hint", &[("text", help)])))
}

/// An error as a person reads it, in the language of `KVOTA_LANG` or the locale: the message,
/// each cause on its own line and only once (a cause whose text the message already holds, such
/// as the OS error of a file the message names, is not repeated), and what to do next.
pub fn error(e: &anyhow::Error) -> String {
    let t = Lang::from_env().texts();
    // kvota's own errors are said in the user's language; a text another library wrote (a
    // TOML parser's, the OS's) is said as it is.
    let mut said = match e.downcast_ref::<Error>() {
        Some(k) => k.say(t),
        None => e.to_string(),
    };
    let mut out = t.fs("cli-error", &[("text", said.clone())]) + "\n";
    for cause in e.chain().skip(1) {
        let c = cause.to_string();
        if !said.contains(&c) {
            out += &t.fs("cli-cause", &[("text", c.clone())]);
            out += "\n";
            said += &c;
        }
    }
    if let Some(h) = e.downcast_ref::<Error>().and_then(|k| hint(k, t)) {
        out += &t.fs("cli-hint", &[("text", h)]);
        out += "\n";
    }
    out
}

/// What to do next about an error of the library, by its kind.
fn hint(e: &Error, t: &Texts) -> Option<String> {
    Some(match e {
        Error::Missing { input: Input::Scenario, .. } => {
            let builtin: Vec<&str> = kvota::builtin::all()
                .iter()
                .map(|(p, _)| *p)
                .filter(|p| p.starts_with("scenarios/") && p.matches('/').count() == 1)
                .collect();
            t.fs("hint-scenario-missing", &[("builtin", builtin.join(", "))])
        }
        Error::Missing { input: Input::Panel, .. } => t.t("hint-panel-missing"),
        Error::Missing { input: Input::Params, .. } => t.t("hint-params-missing"),
        Error::Missing { input: Input::ScenarioFile(key), .. } => {
            t.fs("hint-data-file-missing", &[("key", key.to_string())])
        }
        Error::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => t.t("hint-file-missing"),
        Error::Input { .. } => t.t("hint-input"),
        Error::Scenario { .. } => t.t("hint-scenario"),
        Error::Param { .. } => t.t("hint-param"),
        Error::Inconsistent(_) => t.t("hint-inconsistent"),
        // A tie says itself what to do (decide, or --break-ties).
        Error::Infeasible { constraint, .. } if constraint != "tie" => t.t("hint-infeasible"),
        Error::Internal(_) => t.t("hint-internal"),
        _ => return None,
    })
}
