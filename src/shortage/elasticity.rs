//! Expansion demand from output: the employment elasticity of each section to its real output
//! (GVA), fitted with linfa on the national history, applied to the scenario's output growth.
//!
//! Per section `j`, on the years `t` with both values:
//!
//! ```text
//! dln E_jt = a_j + b_j dln Y_jt + e_jt        (OLS, linfa-linear)
//! ```
//!
//! with `E` national employment (BNS LFS) and `dln Y` the log of the real GVA volume index.
//! Fifteen yearly points per section make each `b_j` noisy, so the estimates are shrunk towards
//! the pooled within-section slope `b` (the same regression with section intercepts) by the
//! empirical-Bayes weight `w_j = tau^2 / (tau^2 + se_j^2)`, `tau^2` the variance of the true
//! slopes estimated by DerSimonian and Laird's method of moments (Controlled Clinical Trials 7,
//! 1986; the shrinkage as in Morris, JASA 78, 1983). The shrunk slope is clipped to [0, 1.2] (a negative long-run elasticity is not
//! a planning assumption anyone would defend), and the intercept re-estimated given it:
//! `a_j = mean(dln E) - b_j mean(dln Y)`. The projection for `h` years of output growth `g_j`:
//!
//! ```text
//! E_j,L+h = E_j,L exp(h (a_j + b_j ln(1 + g_j)))
//! ```

use std::collections::BTreeMap;

use linfa::prelude::*;
use linfa_linear::LinearRegression;
use ndarray::{Array1, Array2};

use crate::codes::OkedSection;
use crate::error::{Error, Result};
use crate::panel::NationalSectionYear;

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SectionElasticity {
    pub section: String,
    /// Years of data in the fit.
    pub n: usize,
    /// OLS slope and its standard error.
    pub ols: f64,
    pub se: f64,
    /// Shrinkage weight on the OLS slope.
    pub weight: f64,
    /// The elasticity used.
    pub elasticity: f64,
    /// Trend of employment at zero output growth (log points a year).
    pub intercept: f64,
    /// Mean real output growth over the last 5 years (the default scenario growth).
    pub output_growth_5y: f64,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ElasticityModel {
    /// Pooled within-section slope.
    pub pooled: f64,
    pub tau2: f64,
    pub sections: Vec<SectionElasticity>,
}

impl ElasticityModel {
    pub fn section(&self, s: OkedSection) -> Option<&SectionElasticity> {
        self.sections.iter().find(|x| x.section == s.code())
    }

    /// Employment ratio `E_{L+h} / E_L` for output growth `g` (fraction a year).
    pub fn growth_ratio(&self, s: OkedSection, g: f64, h: usize) -> Option<f64> {
        let e = self.section(s)?;
        Some((h as f64 * (e.intercept + e.elasticity * (1.0 + g).ln())).exp())
    }
}

fn ols(x: &[f64], y: &[f64], intercept: bool) -> Result<(f64, f64)> {
    let n = x.len();
    let xs = Array2::from_shape_vec((n, 1), x.to_vec()).expect("an n x 1 matrix of n values");
    let ds = DatasetBase::new(xs, Array1::from(y.to_vec()));
    let fit = LinearRegression::new()
        .with_intercept(intercept)
        .fit(&ds)
        .map_err(|source| Error::Regression { context: "elasticity regression".into(), source })?;
    Ok((fit.params()[0], fit.intercept()))
}

/// Fits the model on the national series of the panel's sections up to `last_year`.
pub fn fit(
    national: &BTreeMap<(OkedSection, i32), NationalSectionYear>,
    sections: &[OkedSection],
    last_year: i32,
) -> Result<ElasticityModel> {
    let mut per: Vec<(OkedSection, Vec<f64>, Vec<f64>)> = Vec::new();
    for &s in sections {
        let (mut xs, mut ys) = (Vec::new(), Vec::new());
        let mut t = last_year;
        while let (Some(cur), Some(prev)) = (national.get(&(s, t)), national.get(&(s, t - 1))) {
            if cur.employed > 0 && prev.employed > 0 {
                xs.push((cur.gva_volume_index_pct / 100.0).ln());
                ys.push((cur.employed as f64 / prev.employed as f64).ln());
            }
            t -= 1;
        }
        xs.reverse();
        ys.reverse();
        if xs.len() < 5 {
            return Err(Error::input(
                crate::error::Location::file(crate::panel::NATIONAL_SECTION_FILE),
                crate::error::Msg::new("el-few-years").arg("section", s.code()).arg("years", xs.len()),
            ));
        }
        per.push((s, xs, ys));
    }
    // Pooled within-section slope: demeaned data, no intercept.
    let (mut px, mut py) = (Vec::new(), Vec::new());
    for (_, xs, ys) in &per {
        let (mx, my) = (mean(xs), mean(ys));
        px.extend(xs.iter().map(|x| x - mx));
        py.extend(ys.iter().map(|y| y - my));
    }
    let (pooled, _) = ols(&px, &py, false)?;
    // Section OLS with standard errors.
    let mut est = Vec::new();
    for (s, xs, ys) in &per {
        let (b, a) = ols(xs, ys, true)?;
        let mx = mean(xs);
        let sxx: f64 = xs.iter().map(|x| (x - mx).powi(2)).sum();
        let rss: f64 = xs.iter().zip(ys).map(|(x, y)| (y - a - b * x).powi(2)).sum();
        let se = if sxx > 0.0 { (rss / (xs.len() as f64 - 2.0) / sxx).sqrt() } else { f64::INFINITY };
        est.push((*s, b, se));
    }
    // tau^2 = variance of the true slopes, by the DerSimonian-Laird moment estimator: the
    // precision-weighted spread of the estimates beyond what their sampling errors explain (an
    // imprecise outlier barely moves it).
    let w: Vec<f64> =
        est.iter().map(|(_, _, se)| if se.is_finite() && *se > 0.0 { 1.0 / (se * se) } else { 0.0 }).collect();
    let sw: f64 = w.iter().sum();
    let sw2: f64 = w.iter().map(|x| x * x).sum();
    let bw: f64 = est.iter().zip(&w).map(|((_, b, _), wi)| wi * b).sum::<f64>() / sw;
    let q: f64 = est.iter().zip(&w).map(|((_, b, _), wi)| wi * (b - bw).powi(2)).sum();
    let k = est.len() as f64;
    let tau2 = if sw > 0.0 { ((q - (k - 1.0)) / (sw - sw2 / sw)).max(0.0) } else { 0.0 };
    let mut sections_out = Vec::new();
    for ((s, b, se), (_, xs, ys)) in est.iter().zip(&per) {
        let w = if tau2 > 0.0 && se.is_finite() { tau2 / (tau2 + se * se) } else { 0.0 };
        let elasticity = (w * b + (1.0 - w) * pooled).clamp(0.0, 1.2);
        let intercept = mean(ys) - elasticity * mean(xs);
        let recent = &xs[xs.len().saturating_sub(5)..];
        let output_growth_5y = recent.iter().map(|x| x.exp() - 1.0).sum::<f64>() / recent.len() as f64;
        sections_out.push(SectionElasticity {
            section: s.code().to_string(),
            n: xs.len(),
            ols: *b,
            se: *se,
            weight: w,
            elasticity,
            intercept,
            output_growth_5y,
        });
    }
    Ok(ElasticityModel { pooled, tau2, sections: sections_out })
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovers_a_known_elasticity() {
        // Two sections with employment growing at 0.5 x output growth plus trend and noise.
        let mut m = BTreeMap::new();
        let secs = [OkedSection::from_letter('C').unwrap(), OkedSection::from_letter('F').unwrap()];
        let mut state = 7u64;
        let mut noise = || {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((state >> 33) as f64 / (1u64 << 31) as f64 - 0.5) * 0.002
        };
        for (k, s) in secs.iter().enumerate() {
            let mut e = 100_000.0;
            for y in 2010..=2025 {
                let g = 0.02 + 0.03 * (((y * 7 + k as i32 * 3) % 5) as f64 / 4.0);
                if y > 2010 {
                    e *= (0.01 + 0.5 * (1.0f64 + g).ln() + noise()).exp();
                }
                m.insert(
                    (*s, y),
                    NationalSectionYear { employed: e.round() as i64, gva_volume_index_pct: 100.0 * (1.0 + g) },
                );
            }
        }
        let model = fit(&m, &secs, 2025).unwrap();
        assert!((model.pooled - 0.5).abs() < 0.05, "{}", model.pooled);
        for s in &model.sections {
            assert!((s.elasticity - 0.5).abs() < 0.1, "{s:?}");
            assert!((s.intercept - 0.01).abs() < 0.005, "{s:?}");
            assert_eq!(s.n, 15);
        }
        let r = model.growth_ratio(secs[0], 0.04, 2).unwrap();
        let e = &model.sections[0];
        assert!((r - (2.0 * (e.intercept + e.elasticity * 1.04f64.ln())).exp()).abs() < 1e-12);
    }
}
