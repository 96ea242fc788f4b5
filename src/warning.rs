//! Warnings of a run: things that do not stop it but that a reader must know. Typed, so that the
//! command line and the report say them in the reader's language ([`Warning::text`]); the
//! manifest records the English text ([`std::fmt::Display`]), one string per warning.

use std::fmt;
use std::path::PathBuf;

use crate::i18n::Texts;

#[derive(Debug, Clone, PartialEq)]
pub enum Warning {
    /// A parameter value used by the run that nobody has checked against its source.
    UnverifiedParameter { name: String, reference: String },
    /// No folder of published decisions: the run is not held against them.
    NoReference { path: PathBuf },
    /// More permits issued in a row than its quota allowed.
    IssuedAboveQuota { file: PathBuf, region: String, section: String, category: String, issued: u64, quota: u64 },
    /// The sections' employment does not add up to the regions' (largest gap, in %, and where).
    CellSumGap { cell_file: String, region_file: String, pct: f64, worst: String },
    /// The national employment of a year differs from the sum of the regions.
    NationalDiffers { file: String, year: i32, national: i64, sum: i64 },
    /// The panel is used only up to a year (`[data] last_year`).
    DataCut { year: i32 },
    /// On an observed (official or user-supplied) panel variable, the run's back-test found the
    /// model no better than the random walk.
    ForecastNoBetterThanNaive { file: String, variable: String, mase: f64, naive: f64 },
    /// On an observed panel variable, the run's calibrated intervals held in its back-test
    /// clearly less often (`wide` false) or more often (`wide` true) than their level
    /// (`[forecast] coverage_tolerance_points`).
    IntervalCoverage { file: String, variable: String, coverage_80: f64, coverage_95: f64, wide: bool },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::UnverifiedParameter { name, reference } => {
                write!(f, "parameter {name} uses a value not checked against a source ({reference})")
            }
            Warning::NoReference { path } => write!(
                f,
                "no reference folder {}: the run is not compared with the published decisions",
                path.display()
            ),
            Warning::IssuedAboveQuota { file, region, section, category, issued, quota } => write!(
                f,
                "{}: {issued} permits issued in ({region}, {section}, {category}) above its quota of {quota}",
                file.display()
            ),
            Warning::CellSumGap { cell_file, region_file, pct, worst } => {
                write!(
                    f,
                    "{cell_file}: employment of the sections differs from {region_file} by up to {pct:.2} % ({worst})"
                )
            }
            Warning::NationalDiffers { file, year, national, sum } => {
                write!(f, "{file}: national employed {national} in {year} differs from the sum of regions {sum}")
            }
            Warning::DataCut { year } => write!(f, "data cut at {year}: later years of the panel are not used"),
            Warning::ForecastNoBetterThanNaive { file, variable, mase, naive } => write!(
                f,
                "{file} {variable}: in the run's back-test the model's MASE {mase:.2} is not below the random walk's {naive:.2}; its forecasts of this observed variable did no better than carrying the last value forward"
            ),
            Warning::IntervalCoverage { file, variable, coverage_80, coverage_95, wide: false } => write!(
                f,
                "{file} {variable}: in the run's back-test the calibrated 80 % and 95 % intervals held only {:.0} % and {:.0} % of the later values; the uncertainty ranges of this observed variable are too narrow",
                100.0 * coverage_80,
                100.0 * coverage_95
            ),
            Warning::IntervalCoverage { file, variable, coverage_80, coverage_95, wide: true } => write!(
                f,
                "{file} {variable}: in the run's back-test the calibrated 80 % and 95 % intervals held {:.0} % and {:.0} % of the later values; the uncertainty ranges of this observed variable are too wide",
                100.0 * coverage_80,
                100.0 * coverage_95
            ),
        }
    }
}

impl serde::Serialize for Warning {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl Warning {
    /// The warning in the language of `t`.
    pub fn text(&self, t: &Texts) -> String {
        let s = |x: &dyn fmt::Display| x.to_string();
        match self {
            Warning::UnverifiedParameter { name, reference } => {
                t.fs("warn-unverified-parameter", &[("name", name.clone()), ("reference", reference.clone())])
            }
            Warning::NoReference { path } => t.fs("warn-no-reference", &[("path", path.display().to_string())]),
            Warning::IssuedAboveQuota { file, region, section, category, issued, quota } => t.fs(
                "warn-issued-above-quota",
                &[
                    ("file", file.display().to_string()),
                    ("region", region.clone()),
                    ("section", section.clone()),
                    ("category", category.clone()),
                    ("issued", s(issued)),
                    ("quota", s(quota)),
                ],
            ),
            Warning::CellSumGap { cell_file, region_file, pct, worst } => t.fs(
                "warn-cell-sum-gap",
                &[
                    ("cell_file", cell_file.clone()),
                    ("region_file", region_file.clone()),
                    ("pct", t.fixed(*pct, 2)),
                    ("worst", worst.clone()),
                ],
            ),
            Warning::NationalDiffers { file, year, national, sum } => t.fs(
                "warn-national-differs",
                &[("file", file.clone()), ("year", s(year)), ("national", s(national)), ("sum", s(sum))],
            ),
            Warning::DataCut { year } => t.fs("warn-data-cut", &[("year", s(year))]),
            Warning::ForecastNoBetterThanNaive { file, variable, mase, naive } => t.fs(
                "warn-forecast-no-better-than-naive",
                &[
                    ("file", file.clone()),
                    ("variable", variable.clone()),
                    ("mase", t.fixed(*mase, 2)),
                    ("naive", t.fixed(*naive, 2)),
                ],
            ),
            Warning::IntervalCoverage { file, variable, coverage_80, coverage_95, wide } => t.fs(
                if *wide { "warn-intervals-too-wide" } else { "warn-intervals-too-narrow" },
                &[
                    ("file", file.clone()),
                    ("variable", variable.clone()),
                    ("cov80", t.fixed(100.0 * coverage_80, 0)),
                    ("cov95", t.fixed(100.0 * coverage_95, 0)),
                ],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// The manifest's English text and the English catalogue's say the same, for every kind.
    #[test]
    fn english_text_is_the_manifests() {
        let all = [
            Warning::UnverifiedParameter { name: "pension.age_women".into(), reference: "Social Code".into() },
            Warning::NoReference { path: "data/reference".into() },
            Warning::IssuedAboveQuota {
                file: "issued.csv".into(),
                region: "KZ-55".into(),
                section: "F".into(),
                category: "3".into(),
                issued: 12,
                quota: 10,
            },
            Warning::CellSumGap {
                cell_file: "c.csv".into(),
                region_file: "r.csv".into(),
                pct: 0.5234,
                worst: "KZ-55 2020".into(),
            },
            Warning::NationalDiffers { file: "n.csv".into(), year: 2020, national: 100, sum: 99 },
            Warning::DataCut { year: 2023 },
            Warning::ForecastNoBetterThanNaive {
                file: "region_year.csv".into(),
                variable: "unemployed".into(),
                mase: 0.437,
                naive: 0.4228,
            },
            Warning::IntervalCoverage {
                file: "region_year.csv".into(),
                variable: "unemployed".into(),
                coverage_80: 0.49,
                coverage_95: 0.754,
                wide: false,
            },
            Warning::IntervalCoverage {
                file: "region_year.csv".into(),
                variable: "unemployed".into(),
                coverage_80: 1.0,
                coverage_95: 1.0,
                wide: true,
            },
        ];
        for w in &all {
            assert_eq!(w.text(Lang::En.texts()), w.to_string());
            for lang in [Lang::Kk, Lang::Ru] {
                let text = w.text(lang.texts());
                assert_ne!(text, w.to_string(), "{lang:?}: {text}");
                assert!(text.chars().any(|c| ('а'..='я').contains(&c)), "{lang:?}: {text}");
            }
        }
    }
}
