//! Empirical calibration of prediction intervals across series (split-conformal style).
//!
//! Model-based intervals assume the model is right and its parameters known; on real data they
//! are too narrow (on M3 yearly, nominal 95 % intervals of the common models cover about 75 %
//! of outcomes). When many series are forecast together, kvota holds out blocks of `h`
//! observations of every series -- every block (non-overlapping rolling origins, at most 20)
//! from the last `h` values back to the oldest that still leaves the model's minimum number of
//! values to fit ([`Settings::short_panels`]) -- refits the same model on the data before each
//! block, and standardises each hold-out error by the half-width of the model's own interval at
//! that step: `z = (y - f) / (half-width at level L / z_L)`. For each step, level and side the
//! factor places that side at the empirical tail quantile of `z` over the hold-outs:
//! `c_lower = -q_{(1-L)/2}(z) / z_L`, `c_upper = q_{(1+L)/2}(z) / z_L`. Final intervals are
//! `point - c_lower * (point - lower)` to `point + c_upper * (upper - point)`. Only past data are
//! used; the assumption is that errors are exchangeable across the series and periods of one
//! run. Going back through the history matters: with only the last block, the factors learn the
//! shocks of one period (on M3 yearly the 80 % intervals of `auto` then covered 86.8 % of the
//! test years, with the blocks spread over the history 84.2 %; benches/README.md).

use rayon::prelude::*;

use crate::engine::ModelSpec;
use crate::stats::{normal_quantile, quantile_sorted};
use crate::{Forecast, Interval};

/// Minimum number of series with a hold-out forecast for a calibration to be made (series
/// that are long enough for at least one window, see [`Settings::min_train`]).
pub const MIN_SERIES: usize = 20;

/// What a hold-out error is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Standardise {
    /// The half-width of the model's own interval at that step and level, over `z_L`: the
    /// calibration widens or narrows the model's intervals.
    #[default]
    ModelInterval,
    /// The in-sample mean absolute one-step (or one-season) change of the values the hold-out
    /// was fitted on, the MASE scale: the calibrated interval is the point forecast plus and
    /// minus quantiles of the scaled errors times the series' own scale, and the model's
    /// interval is not used.
    NaiveScale,
}

/// Widening factors by level and step, for each side of the interval.
#[derive(Debug, Clone, PartialEq)]
pub struct Calibration {
    pub levels: Vec<f64>,
    /// How the factors are read: multiples of the model's half-widths, or of the series' scale.
    pub standardise: Standardise,
    /// Season length the scale is measured with ([`Standardise::NaiveScale`]).
    pub season: usize,
    /// `lower[l][k]`: factor for the lower half of the `levels[l]` interval at step `k + 1`.
    pub lower: Vec<Vec<f64>>,
    /// `upper[l][k]`: the same for the upper half.
    pub upper: Vec<Vec<f64>>,
    /// Series refitted for the calibration.
    pub series: usize,
    /// Hold-out windows that entered it (several per series).
    pub holdouts: usize,
}

/// How the hold-outs are drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// At most this many hold-out windows per series, spread evenly over those the series is
    /// long enough for (always the most recent and the oldest); `None` takes them all. Default
    /// 3: on M3 the coverage of `auto` was within 0.6 points of that with all windows, at a
    /// bounded cost for short horizons (h = 2 on 16 years allows 5 windows).
    pub windows: Option<usize>,
    /// Distance between the ends of successive windows: `None` is `h` (non-overlapping
    /// blocks); 1 gives origins one step apart.
    pub stride: Option<usize>,
    /// Least number of observations a hold-out fit may use: `None` is `max(10, 2 h)` (and never
    /// fewer than the model needs); shorter series take no part. Fits on a handful of values have noisy error variances,
    /// which would widen every interval (on random walks forecast by the naive model, whose
    /// intervals are right, windows down to 7 observations put the 95 % factors at up to 1.49).
    pub min_train: Option<usize>,
    /// At most this many series are refitted (an evenly spaced, deterministic subset): the
    /// tail quantiles are estimated well from a few thousand, and calibration then costs a
    /// small, bounded part of a large run.
    pub max_series: usize,
    /// Least number of series with a hold-out (and of hold-outs) for a calibration to be made.
    pub min_series: usize,
    /// What the hold-out errors are standardised by.
    pub standardise: Standardise,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            windows: Some(3),
            stride: None,
            min_train: None,
            max_series: 2_000,
            min_series: MIN_SERIES,
            standardise: Standardise::ModelInterval,
        }
    }
}

impl Settings {
    /// The settings for a panel too small or too short for the default: at least 5 series,
    /// hold-out fits down to the model's minimum length. Chosen on the selection protocol's
    /// choice data (docs/methods.md §3, point 4b, bench `calib_small`): on panels of 18 series
    /// cut at 8-20 values, h = 5, the mean distance of the 80 % and 95 % coverage from nominal
    /// fell from 13.9 points (the models' own intervals) to 6.4.
    pub fn small_panel() -> Settings {
        Settings { min_series: 5, min_train: Some(1), ..Settings::default() }
    }

    /// The settings of [`calibrate`]: those of [`Settings::small_panel`] with every hold-out
    /// window a series allows (stride h), at most 20. Chosen on the selection protocol's choice
    /// data (docs/methods.md §3, point 4f, bench `calib_small -- 4f`): on panels of 20 series cut
    /// at 8-20 values, h = 1 and 5, the mean distance of the 80 % and 95 % coverage from
    /// nominal was 4.9 points, against 7.4 for the default with the small-panel fallback; the
    /// cap of 20 windows changes nothing there (those panels allow at most 17) and bounds the
    /// cost on long series.
    pub fn short_panels() -> Settings {
        Settings { windows: Some(20), ..Settings::small_panel() }
    }
}

/// Learns widening factors from hold-outs of `series` with the model `spec`, with
/// [`Settings::short_panels`]: every series long enough for one hold-out window that leaves the
/// model's minimum to fit takes part with up to 20 windows. Returns `None` when fewer than 5
/// series are long enough for one hold-out.
pub fn calibrate(series: &[&[f64]], spec: ModelSpec, m: usize, h: usize, levels: &[f64]) -> Option<Calibration> {
    calibrate_with(series, spec, m, h, levels, Settings::short_panels())
}

/// [`calibrate`] with explicit settings.
pub fn calibrate_with(
    series: &[&[f64]],
    spec: ModelSpec,
    m: usize,
    h: usize,
    levels: &[f64],
    settings: Settings,
) -> Option<Calibration> {
    cuts_with(series, spec, m, h, levels, settings, &[0]).0.pop().flatten()
}

/// The model's own (uncalibrated) forecasts of the hold-out blocks of a calibration, by series
/// index and end of the block: the forecast of `series[i][end - h..end]` from a fit on
/// `series[i][..end - h]`.
pub type Holdouts = std::collections::BTreeMap<(usize, usize), Forecast>;

/// [`calibrate`] of the series cut short: for each `c` of `cuts`, exactly the calibration that
/// [`calibrate`] would make from every series without its last `c` values (what a forecast
/// made `c` periods earlier would have been calibrated with), and the hold-out forecasts they
/// were made from ([`Holdouts`]). Each hold-out fit is made once, however many cuts share it:
/// a rolling-origin back-test that calibrates at every origin costs about one calibration, not
/// one per origin, and need not refit the origins that are among the hold-outs.
pub fn calibrate_cuts(
    series: &[&[f64]],
    spec: ModelSpec,
    m: usize,
    h: usize,
    levels: &[f64],
    cuts: &[usize],
) -> (Vec<Option<Calibration>>, Holdouts) {
    cuts_with(series, spec, m, h, levels, Settings::short_panels(), cuts)
}

/// [`calibrate_cuts`] with explicit settings.
fn cuts_with(
    series: &[&[f64]],
    spec: ModelSpec,
    m: usize,
    h: usize,
    levels: &[f64],
    settings: Settings,
    cuts: &[usize],
) -> (Vec<Option<Calibration>>, Holdouts) {
    let plans: Vec<(usize, Vec<(usize, usize)>)> = cuts
        .iter()
        .map(|&c| {
            let cut: Vec<&[f64]> = series.iter().map(|y| &y[..y.len().saturating_sub(c)]).collect();
            plan(&cut, spec, h, &settings)
        })
        .collect();
    // every hold-out (series, end of its block) once
    let needed: Vec<(usize, usize)> =
        plans.iter().flat_map(|p| p.1.iter().copied()).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    let fits: Vec<Option<(Forecast, Vec<Vec<f64>>)>> = needed
        .par_iter()
        .map(|&(i, end)| holdout(&series[i][..end], spec, m, h, levels, settings.standardise))
        .collect();
    let at: std::collections::BTreeMap<(usize, usize), usize> =
        needed.iter().enumerate().map(|(k, &key)| (key, k)).collect();
    let calibrations = plans
        .iter()
        .map(|(n_series, holds)| {
            let zs: Vec<&Vec<Vec<f64>>> = holds.iter().filter_map(|key| fits[at[key]].as_ref().map(|f| &f.1)).collect();
            factors(&zs, *n_series, m, h, levels, &settings)
        })
        .collect();
    let holdouts = needed.into_iter().zip(fits).filter_map(|(key, f)| Some((key, f?.0))).collect();
    (calibrations, holdouts)
}

/// The hold-outs of a calibration: the number of series refitted, and per series (its index in
/// `series`) the ends of its hold-out blocks, most recent first.
fn plan(series: &[&[f64]], spec: ModelSpec, h: usize, settings: &Settings) -> (usize, Vec<(usize, usize)>) {
    let windows = settings.windows.unwrap_or(usize::MAX).max(1);
    let min_train = settings.min_train.unwrap_or(10.max(2 * h));
    let stride = settings.stride.unwrap_or(h).max(1);
    // a series takes part when its most recent window leaves `min_train` values to fit
    let need = (h + spec.min_length().max(3)).max(h + min_train);
    let eligible: Vec<usize> =
        (0..series.len()).filter(|&i| series[i].len() >= need && series[i].iter().all(|v| v.is_finite())).collect();
    let step = eligible.len().div_ceil(settings.max_series.max(1)).max(1);
    let chosen: Vec<usize> = eligible.iter().copied().step_by(step).collect();
    let holds = chosen
        .iter()
        .flat_map(|&i| {
            let n = series[i].len();
            // windows end `off = j * stride` values before the end, j = 0..k
            let k = (n - need) / stride + 1;
            let picks: Vec<usize> = if k <= windows {
                (0..k).collect()
            } else if windows == 1 {
                vec![0]
            } else {
                (0..windows).map(|w| (w * (k - 1) + (windows - 1) / 2) / (windows - 1)).collect()
            };
            picks.into_iter().map(move |j| (i, n - j * stride))
        })
        .collect();
    (chosen.len(), holds)
}

/// One hold-out: the model fitted on `y` without its last `h` values, its forecast of them and
/// the standardised errors `z[level][k]`.
fn holdout(
    y: &[f64],
    spec: ModelSpec,
    m: usize,
    h: usize,
    levels: &[f64],
    standardise: Standardise,
) -> Option<(Forecast, Vec<Vec<f64>>)> {
    let n = y.len();
    let fc = spec.forecast(&y[..n - h], m, h, levels).ok()?;
    let scale = crate::metrics::mase_scale(&y[..n - h], m);
    let z = levels
        .iter()
        .map(|&level| {
            let iv = fc.interval(level).expect("requested level");
            let zl = normal_quantile(0.5 + level / 200.0);
            (0..h)
                .map(|k| {
                    let sd = match standardise {
                        Standardise::ModelInterval => 0.5 * (iv.upper[k] - iv.lower[k]) / zl,
                        Standardise::NaiveScale => scale,
                    };
                    if sd > 0.0 && sd.is_finite() { (y[n - h + k] - fc.point[k]) / sd } else { f64::NAN }
                })
                .collect()
        })
        .collect();
    Some((fc, z))
}

/// The factors from the standardised errors of the hold-outs of `n_series` series.
fn factors(
    z: &[&Vec<Vec<f64>>],
    n_series: usize,
    m: usize,
    h: usize,
    levels: &[f64],
    settings: &Settings,
) -> Option<Calibration> {
    let min_series = settings.min_series.max(2);
    if n_series < min_series || z.len() < min_series {
        return None;
    }
    let mut lower = Vec::with_capacity(levels.len());
    let mut upper = Vec::with_capacity(levels.len());
    for (l, &level) in levels.iter().enumerate() {
        // Factors are multiples of the model's half-width (over z_L) or of the series' scale.
        let zl = match settings.standardise {
            Standardise::ModelInterval => normal_quantile(0.5 + level / 200.0),
            Standardise::NaiveScale => 1.0,
        };
        let tail = (1.0 - level / 100.0) / 2.0;
        let (mut lo, mut hi) = (Vec::with_capacity(h), Vec::with_capacity(h));
        for k in 0..h {
            let mut v: Vec<f64> = z.iter().map(|s| s[l][k]).filter(|x| x.is_finite()).collect();
            if v.len() < min_series {
                // Too few hold-outs at this step: the model's own interval (a factor of 1 on its
                // half-width; no factor at all on the scale, which [`Calibration::apply`] skips).
                let keep = match settings.standardise {
                    Standardise::ModelInterval => 1.0,
                    Standardise::NaiveScale => f64::NAN,
                };
                lo.push(keep);
                hi.push(keep);
                continue;
            }
            v.sort_by(f64::total_cmp);
            // Each side is placed at the empirical tail quantile of the standardised errors;
            // a side never crosses the point forecast.
            lo.push((-quantile_sorted(&v, tail) / zl).max(0.0));
            hi.push((quantile_sorted(&v, 1.0 - tail) / zl).max(0.0));
        }
        lower.push(lo);
        upper.push(hi);
    }
    Some(Calibration {
        levels: levels.to_vec(),
        standardise: settings.standardise,
        season: m,
        lower,
        upper,
        series: n_series,
        holdouts: z.len(),
    })
}

impl Calibration {
    /// Calibrates the intervals of `fc`, a forecast of a series whose values are `train`: widens
    /// (or narrows) the model's intervals around the point forecasts, or with
    /// [`Standardise::NaiveScale`] sets them to the point forecasts plus and minus the learned
    /// quantiles times the scale of `train` (left as they are when that scale is 0 or undefined).
    pub fn apply(&self, fc: &mut Forecast, train: &[f64]) {
        let scale = match self.standardise {
            Standardise::ModelInterval => None,
            Standardise::NaiveScale => {
                let s = crate::metrics::mase_scale(train, self.season);
                if !(s > 0.0 && s.is_finite()) {
                    return;
                }
                Some(s)
            }
        };
        for iv in &mut fc.intervals {
            let Some(l) = self.levels.iter().position(|x| (x - iv.level).abs() < 1e-9) else { continue };
            match scale {
                None => apply_one(iv, &fc.point, &self.lower[l], &self.upper[l]),
                Some(s) => {
                    for k in 0..fc.point.len().min(self.lower[l].len()) {
                        let (lo, hi) = (self.lower[l][k], self.upper[l][k]);
                        if lo.is_finite() && hi.is_finite() {
                            iv.lower[k] = fc.point[k] - lo * s;
                            iv.upper[k] = fc.point[k] + hi * s;
                        }
                    }
                }
            }
        }
    }
}

fn apply_one(iv: &mut Interval, point: &[f64], lower: &[f64], upper: &[f64]) {
    for k in 0..point.len().min(lower.len()) {
        let lo = point[k] - lower[k] * (point[k] - iv.lower[k]);
        let hi = point[k] + upper[k] * (iv.upper[k] - point[k]);
        iv.lower[k] = lo;
        iv.upper[k] = hi;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Seeded uniform draws on [-0.5, 0.5) (a 64-bit LCG).
    fn uniform(seed: u64) -> impl FnMut() -> f64 {
        let mut state = seed;
        move || {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((state >> 11) as f64 / (1u64 << 53) as f64) - 0.5
        }
    }

    /// A walk from `start` with `steps` increments drawn by `step`.
    fn walk(start: f64, steps: usize, mut step: impl FnMut() -> f64) -> Vec<f64> {
        let mut y = vec![start];
        for _ in 0..steps {
            let last = *y.last().unwrap();
            y.push(last + step());
        }
        y
    }

    #[test]
    fn widens_intervals_that_are_too_narrow() {
        // Random walks whose model (naive) intervals are right: factors near 1.
        let mut rnd = uniform(12345);
        // Steps: sums of 12 uniforms, ~ N(0, 1).
        let series: Vec<Vec<f64>> = (0..400).map(|_| walk(100.0, 30, || (0..12).map(|_| rnd()).sum())).collect();
        let refs: Vec<&[f64]> = series.iter().map(|v| v.as_slice()).collect();
        let cal = calibrate_with(&refs, ModelSpec::Naive, 1, 4, &[80.0, 95.0], Settings::default()).unwrap();
        // series of 31 values, h = 4, at least 10 values to fit: blocks can end 0, 4, ..., 16
        // values before the end (5 windows); three are used, ending 0, 8 and 16 before the end
        assert_eq!((cal.series, cal.holdouts), (400, 1200));
        // `calibrate`: every block that leaves 3 values to fit, ending 0, 4, ..., 24 before the end
        let short = calibrate(&refs, ModelSpec::Naive, 1, 4, &[80.0, 95.0]).unwrap();
        assert_eq!((short.series, short.holdouts), (400, 2800));
        let all = Settings { windows: None, ..Settings::default() };
        let cal_all = calibrate_with(&refs, ModelSpec::Naive, 1, 4, &[80.0, 95.0], all).unwrap();
        assert_eq!((cal_all.series, cal_all.holdouts), (400, 2000));
        let last_only = Settings { windows: Some(1), ..Settings::default() };
        let cal1 = calibrate_with(&refs, ModelSpec::Naive, 1, 4, &[80.0, 95.0], last_only).unwrap();
        assert_eq!((cal1.series, cal1.holdouts), (400, 400));
        let rolling = Settings { windows: Some(3), stride: Some(1), ..Settings::default() };
        let cal3 = calibrate_with(&refs, ModelSpec::Naive, 1, 4, &[80.0, 95.0], rolling).unwrap();
        assert_eq!((cal3.series, cal3.holdouts), (400, 1200));
        // A bounded, evenly spaced subset of the series is refitted.
        let subset = Settings { windows: Some(1), max_series: 150, ..Settings::default() };
        let cal_sub = calibrate_with(&refs, ModelSpec::Naive, 1, 4, &[80.0, 95.0], subset).unwrap();
        assert_eq!((cal_sub.series, cal_sub.holdouts), (134, 134));
        // the model (naive on random walks) is right: every factor is near 1, the noisier the
        // fewer hold-outs
        // On the MASE scale: one-step errors of N(0, 1) steps over their mean absolute change
        // sqrt(2 / pi); the 80 % interval's side sits near 1.2816 / 0.7979 = 1.61 scales, and
        // the calibrated interval is the point plus and minus that times the series' own scale.
        let scaled = Settings { standardise: Standardise::NaiveScale, ..Settings::short_panels() };
        let cal_s = calibrate_with(&refs, ModelSpec::Naive, 1, 4, &[80.0, 95.0], scaled).unwrap();
        assert!((1.4..1.8).contains(&cal_s.upper[0][0]) && (1.4..1.8).contains(&cal_s.lower[0][0]), "{cal_s:?}");
        let mut f = ModelSpec::Naive.forecast(&series[0], 1, 4, &[80.0, 95.0]).unwrap();
        cal_s.apply(&mut f, &series[0]);
        let scale = crate::metrics::mase_scale(&series[0], 1);
        let iv = f.interval(80.0).unwrap();
        assert!((iv.upper[2] - f.point[2] - cal_s.upper[0][2] * scale).abs() < 1e-9);
        assert!((f.point[2] - iv.lower[2] - cal_s.lower[0][2] * scale).abs() < 1e-9);
        for (c, band) in
            [(&cal_all, 0.7..1.35), (&cal1, 0.7..1.35), (&cal3, 0.7..1.35), (&cal_sub, 0.6..1.5), (&short, 0.7..1.5)]
        {
            for f in c.lower.iter().chain(&c.upper).flatten() {
                assert!(band.contains(f), "{f} outside {band:?}: {c:?}");
            }
        }
        for f in cal.lower.iter().chain(&cal.upper) {
            for c in f {
                assert!((0.75..1.3).contains(c), "{cal:?}");
            }
        }
    }

    #[test]
    fn calibrations_of_cut_series_share_their_fits_and_equal_separate_ones() {
        // Series of different lengths (some too short at the later cuts), one with a gap of
        // non-finite values near its start, drift model, h = 2.
        let mut rnd = uniform(99);
        let series: Vec<Vec<f64>> = (0..12)
            .map(|i| {
                let mut y = walk(50.0, 8 + i, || 1.0 + 3.0 * rnd());
                if i == 5 {
                    y[1] = f64::NAN;
                }
                y
            })
            .collect();
        let refs: Vec<&[f64]> = series.iter().map(|v| v.as_slice()).collect();
        let cuts = [0, 1, 2, 3, 6];
        let (together, fits) = calibrate_cuts(&refs, ModelSpec::Drift, 1, 2, &[80.0, 95.0], &cuts);
        for (c, got) in cuts.iter().zip(&together) {
            let cut: Vec<&[f64]> = refs.iter().map(|y| &y[..y.len() - c]).collect();
            assert_eq!(got, &calibrate(&cut, ModelSpec::Drift, 1, 2, &[80.0, 95.0]), "cut {c}");
        }
        assert!(together[0].is_some() && together[4].is_some());
        // The hold-out forecasts kept: each is the model's forecast of its block from the values
        // before it.
        assert!(fits.len() > 12, "{}", fits.len());
        for (&(i, end), f) in &fits {
            assert_eq!(f, &ModelSpec::Drift.forecast(&refs[i][..end - 2], 1, 2, &[80.0, 95.0]).unwrap());
        }
    }

    #[test]
    fn small_panels_fall_back_to_the_small_panel_settings() {
        // Trending series whose naive intervals are too narrow: 12 series of 14 values cannot
        // be calibrated by the default (20 series; h = 3 needs 13 values with a floor of 10),
        // but can by the small-panel settings, which widen the intervals.
        let series: Vec<Vec<f64>> =
            (0..12).map(|i| (0..14).map(|t| 100.0 + (1.0 + i as f64 * 0.1) * (t * t) as f64 * 0.5).collect()).collect();
        let refs: Vec<&[f64]> = series.iter().map(|v| v.as_slice()).collect();
        assert!(calibrate_with(&refs, ModelSpec::Naive, 1, 3, &[80.0], Settings::default()).is_none());
        let cal = calibrate(&refs, ModelSpec::Naive, 1, 3, &[80.0]).expect("small-panel calibration");
        assert_eq!(cal.series, 12);
        assert!(cal.upper[0].iter().all(|f| *f > 1.0), "{cal:?}");
        // Fewer than 5 series long enough: no calibration at all.
        assert!(calibrate(&refs[..4], ModelSpec::Naive, 1, 3, &[80.0]).is_none());
    }
}
