//! Scoring rules as data: a versioned TOML file that declares the answers an applicant gives
//! (fields with their type and range), the stages in order — gates with per-block thresholds,
//! scored questionnaires with bands, caps per factor and per group of factors, and pass/fail
//! checks — the time limit, and the tie-break rule.
//!
//! ```toml
//! id = "example"
//! title = "An example"
//! effective = 2026-02-13
//! reference = "the legal act"
//! status = "what is verified and what is assumed"
//! max_days = 29
//! reset_timestamp_on_change = false
//!
//! [fields]
//! age = { type = "number", min = 16, max = 100 }
//! education = { type = "category", values = ["secondary", "higher"] }
//! test = { type = "number", min = 0, max = 1 }
//! checked = { type = "bool" }
//!
//! [[stages]]
//! id = "test"
//! kind = "gate"
//! blocks = [{ field = "test", min = 0.3 }, { field = "age", below = 45 }]
//!
//! [[stages]]
//! id = "questionnaire"
//! kind = "score"
//! pass = 100
//! factors = [
//!   { id = "age", field = "age", ranges = [{ from = 18, to = 30, points = 100 }, { from = 30, points = 50 }] },
//!   { id = "education", field = "education", categories = { secondary = 20, higher = 80 }, cap = 60 },
//! ]
//!
//! [[stages]]
//! id = "checks"
//! kind = "check"
//! field = "checked"
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Location, Msg, Result};

/// The type and range of an answer.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase", deny_unknown_fields)]
pub enum FieldSpec {
    Number { min: f64, max: f64 },
    Category { values: Vec<String> },
    Bool,
}

/// A band of a numeric factor: `from <= value < to` (no `to`: no upper end).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RangeBand {
    pub from: f64,
    #[serde(default)]
    pub to: Option<f64>,
    pub points: f64,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Factor {
    pub id: String,
    pub field: String,
    #[serde(default)]
    pub ranges: Vec<RangeBand>,
    #[serde(default)]
    pub categories: BTreeMap<String, f64>,
    /// Most points the factor can give.
    #[serde(default)]
    pub cap: Option<f64>,
}

/// Factors that share a cap (e.g. the four abilities of a language, or all experience).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub factors: Vec<String>,
    pub cap: f64,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Block {
    pub field: String,
    /// Minimum value to pass the block (inclusive).
    #[serde(default)]
    pub min: Option<f64>,
    /// The value must be below this (exclusive), e.g. an age limit.
    #[serde(default)]
    pub below: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase", deny_unknown_fields)]
pub enum Stage {
    /// Every block must reach its minimum.
    Gate {
        id: String,
        #[serde(default)]
        title: String,
        blocks: Vec<Block>,
    },
    /// Points by factor, capped per factor and per group; the total must reach `pass`.
    Score {
        id: String,
        #[serde(default)]
        title: String,
        pass: f64,
        factors: Vec<Factor>,
        #[serde(default)]
        groups: Vec<Group>,
    },
    /// A yes/no outcome recorded for the applicant (checks by authorities, interview).
    Check {
        id: String,
        #[serde(default)]
        title: String,
        field: String,
    },
}

impl Stage {
    pub fn id(&self) -> &str {
        match self {
            Stage::Gate { id, .. } | Stage::Score { id, .. } | Stage::Check { id, .. } => id,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    pub id: String,
    pub title: String,
    pub effective: toml::value::Datetime,
    pub reference: String,
    /// What is verified and what is assumed.
    pub status: String,
    /// Longest time from submission to decision, in days (checked when decisions are dated).
    #[serde(default)]
    pub max_days: Option<u32>,
    /// Whether the tie-break time moves to the last change of the answers (Australia: yes;
    /// Canada: no).
    #[serde(default)]
    pub reset_timestamp_on_change: bool,
    pub fields: BTreeMap<String, FieldSpec>,
    pub stages: Vec<Stage>,
}

impl Rules {
    /// Reads and validates a rules file; errors name the file and line.
    pub fn load(path: &Path) -> Result<Rules> {
        let text = crate::builtin::read_to_string(path)?;
        Self::parse(path, &text)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Rules> {
        let r: Rules = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| text[..s.start].lines().count().max(1));
            Error::input(Location { file: path.to_path_buf(), row: line, column: None }, e.message().to_string())
        })?;
        r.validate().map_err(|m| Error::input(Location::file(path), m))?;
        Ok(r)
    }

    fn validate(&self) -> std::result::Result<(), Msg> {
        if self.stages.is_empty() {
            return Err(Msg::new("rule-no-stages"));
        }
        let mut ids = std::collections::BTreeSet::new();
        for (name, f) in &self.fields {
            match f {
                FieldSpec::Number { min, max } if !(min.is_finite() && max.is_finite() && min < max) => {
                    return Err(Msg::new("rule-field-range").arg("field", name));
                }
                FieldSpec::Category { values } if values.is_empty() => {
                    return Err(Msg::new("rule-field-values").arg("field", name));
                }
                _ => {}
            }
        }
        let field = |name: &str, stage: &str| -> std::result::Result<&FieldSpec, Msg> {
            self.fields.get(name).ok_or_else(|| Msg::new("rule-undeclared").arg("stage", stage).arg("field", name))
        };
        for st in &self.stages {
            if !ids.insert(st.id().to_string()) {
                return Err(Msg::new("rule-stage-twice").arg("stage", st.id()));
            }
            match st {
                Stage::Gate { id, blocks, .. } => {
                    if blocks.is_empty() {
                        return Err(Msg::new("rule-gate-empty").arg("gate", id));
                    }
                    for b in blocks {
                        if !matches!(field(&b.field, id)?, FieldSpec::Number { .. }) {
                            return Err(Msg::new("rule-gate-number").arg("gate", id).arg("field", &b.field));
                        }
                        if b.min.is_none() && b.below.is_none() {
                            return Err(Msg::new("rule-gate-bound").arg("gate", id).arg("field", &b.field));
                        }
                    }
                }
                Stage::Check { id, field: f, .. } => {
                    if !matches!(field(f, id)?, FieldSpec::Bool) {
                        return Err(Msg::new("rule-check-bool").arg("check", id).arg("field", f));
                    }
                }
                Stage::Score { id, pass, factors, groups, .. } => {
                    if !pass.is_finite() {
                        return Err(Msg::new("rule-pass").arg("stage", id));
                    }
                    let mut fids = std::collections::BTreeSet::new();
                    for f in factors {
                        if !fids.insert(f.id.as_str()) {
                            return Err(Msg::new("rule-factor-twice").arg("stage", id).arg("factor", &f.id));
                        }
                        let spec = field(&f.field, id)?;
                        match spec {
                            FieldSpec::Number { .. } => {
                                if f.ranges.is_empty() || !f.categories.is_empty() {
                                    return Err(Msg::new("rule-factor-ranges").arg("factor", &f.id));
                                }
                                let mut sorted = f.ranges.clone();
                                sorted.sort_by(|a, b| a.from.total_cmp(&b.from));
                                for w in sorted.windows(2) {
                                    match w[0].to {
                                        Some(t) if t <= w[1].from => {}
                                        _ => {
                                            return Err(Msg::new("rule-bands-overlap")
                                                .arg("factor", &f.id)
                                                .arg("a", w[0].from)
                                                .arg("b", w[1].from));
                                        }
                                    }
                                }
                                for b in &f.ranges {
                                    if b.to.is_some_and(|t| t <= b.from) || !b.points.is_finite() {
                                        return Err(Msg::new("rule-band-empty")
                                            .arg("factor", &f.id)
                                            .arg("from", b.from));
                                    }
                                }
                            }
                            FieldSpec::Category { values } => {
                                if f.categories.is_empty() || !f.ranges.is_empty() {
                                    return Err(Msg::new("rule-factor-categories").arg("factor", &f.id));
                                }
                                if let Some(k) = f.categories.keys().find(|k| !values.contains(k)) {
                                    return Err(Msg::new("rule-factor-value")
                                        .arg("factor", &f.id)
                                        .arg("value", k)
                                        .arg("field", &f.field));
                                }
                            }
                            FieldSpec::Bool => {
                                if f.categories.keys().any(|k| k != "true" && k != "false") || !f.ranges.is_empty() {
                                    return Err(Msg::new("rule-factor-bool").arg("factor", &f.id));
                                }
                            }
                        }
                        if f.cap.is_some_and(|c| c.is_nan() || c < 0.0) {
                            return Err(Msg::new("rule-factor-cap").arg("factor", &f.id));
                        }
                    }
                    let mut in_group = std::collections::BTreeSet::new();
                    for g in groups {
                        if let Some(x) = g.factors.iter().find(|x| !in_group.insert(x.as_str())) {
                            return Err(Msg::new("rule-factor-groups").arg("factor", x).arg("stage", id));
                        }
                        if let Some(x) = g.factors.iter().find(|x| !fids.contains(x.as_str())) {
                            return Err(Msg::new("rule-group-factor")
                                .arg("group", &g.id)
                                .arg("factor", x)
                                .arg("stage", id));
                        }
                        if g.cap.is_nan() || g.cap < 0.0 {
                            return Err(Msg::new("rule-group-cap").arg("group", &g.id));
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// Factors of every score stage, in order: `(stage id, factor id)`.
    pub fn factor_ids(&self) -> Vec<(String, String)> {
        let mut v = Vec::new();
        for st in &self.stages {
            if let Stage::Score { id, factors, .. } = st {
                for f in factors {
                    v.push((id.clone(), f.id.clone()));
                }
            }
        }
        v
    }
}

/// Parses an answer against its field into a number: the value of a number field, the index
/// of a category (in the field's `values`), 1 or 0 for a bool. Says why an answer is not valid.
pub fn encode(spec: &FieldSpec, raw: &str) -> std::result::Result<f64, Msg> {
    let s = raw.trim();
    match spec {
        FieldSpec::Number { min, max } => {
            let v: f64 = s.parse().map_err(|_| Msg::new("err-not-number").arg("value", s))?;
            if !v.is_finite() || v < *min || v > *max {
                return Err(Msg::new("rule-outside").arg("value", v).arg("min", min).arg("max", max));
            }
            Ok(v)
        }
        FieldSpec::Category { values } => values
            .iter()
            .position(|v| v == s)
            .map(|i| i as f64)
            .ok_or_else(|| Msg::new("err-one-of").arg("value", s).arg("options", values.join(", "))),
        FieldSpec::Bool => match s.to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" => Ok(1.0),
            "false" | "0" | "no" => Ok(0.0),
            _ => Err(Msg::new("rule-not-bool").arg("value", s)),
        },
    }
}

/// A factor ready to score encoded answers.
#[derive(Debug, Clone, PartialEq)]
pub struct CompiledFactor {
    pub field: usize,
    /// Bands of a number field (empty for tables).
    pub ranges: Vec<RangeBand>,
    /// Points by category index (or `[false, true]` for a bool field).
    pub table: Vec<f64>,
    pub cap: Option<f64>,
}

impl CompiledFactor {
    /// Points for an encoded answer, before caps.
    pub fn points(&self, v: f64) -> f64 {
        if self.ranges.is_empty() {
            self.table.get(v as usize).copied().unwrap_or(0.0)
        } else {
            self.ranges.iter().find(|b| v >= b.from && b.to.is_none_or(|t| v < t)).map_or(0.0, |b| b.points)
        }
    }
}

impl Rules {
    /// Index of each field in `fields` order.
    pub fn field_index(&self, name: &str) -> usize {
        self.fields.keys().position(|k| k == name).expect("validated field")
    }

    /// The factors of a score stage, compiled.
    pub fn compile(&self, factors: &[Factor]) -> Vec<CompiledFactor> {
        factors
            .iter()
            .map(|f| {
                let spec = &self.fields[&f.field];
                let table = match spec {
                    FieldSpec::Category { values } => {
                        values.iter().map(|v| f.categories.get(v).copied().unwrap_or(0.0)).collect()
                    }
                    FieldSpec::Bool => {
                        ["false", "true"].iter().map(|v| f.categories.get(*v).copied().unwrap_or(0.0)).collect()
                    }
                    FieldSpec::Number { .. } => Vec::new(),
                };
                CompiledFactor { field: self.field_index(&f.field), ranges: f.ranges.clone(), table, cap: f.cap }
            })
            .collect()
    }
}

/// Points per factor after the factor caps and then the group caps, and the total. The total
/// counts each group at most at its cap; a group over its cap has its factors' points scaled
/// down proportionally, so that they still add up to what the group contributes.
pub fn score(
    factors: &[Factor],
    compiled: &[CompiledFactor],
    groups: &[Group],
    answers: &[f64],
    pts: &mut [f64],
) -> f64 {
    for (k, c) in compiled.iter().enumerate() {
        let p = c.points(answers[c.field]);
        pts[k] = c.cap.map_or(p, |cap| p.min(cap));
    }
    let mut grouped = vec![false; factors.len()];
    let mut total = 0.0;
    for g in groups {
        let idx: Vec<usize> = g.factors.iter().filter_map(|id| factors.iter().position(|f| &f.id == id)).collect();
        let sum: f64 = idx.iter().map(|&i| pts[i]).sum();
        total += sum.min(g.cap);
        if sum > g.cap && sum > 0.0 {
            let k = g.cap / sum;
            for &i in &idx {
                pts[i] *= k;
            }
        }
        for &i in &idx {
            grouped[i] = true;
        }
    }
    total += pts.iter().zip(&grouped).filter(|(_, g)| !**g).map(|(p, _)| p).sum::<f64>();
    total
}
