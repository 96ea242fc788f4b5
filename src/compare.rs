//! `kvota scenario compare A B`: per-cell differences between two scenario runs, read from
//! their Parquet outputs (so any two runs can be compared, not only fresh ones).
//!
//! One row per region x section present in either run: both ratings, shortage gaps
//! (`shortage_persons`) and foreign-labour quotas (all categories), and the differences B - A;
//! and one row per region for the kandas families. Rows are in code order.

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::Result;
use crate::export::{ColumnData, OutputTable, ParquetColumn, read_parquet_columns};

/// One region x section of the comparison.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CellDelta {
    pub region: String,
    pub section: String,
    pub rating_a: Option<String>,
    pub rating_b: Option<String>,
    pub gap_a: i64,
    pub gap_b: i64,
    pub quota_a: i64,
    pub quota_b: i64,
}

impl CellDelta {
    pub fn changed(&self) -> bool {
        self.rating_a != self.rating_b || self.gap_a != self.gap_b || self.quota_a != self.quota_b
    }
}

/// The comparison of two runs.
#[derive(Debug, Clone)]
pub struct Comparison {
    pub a: String,
    pub b: String,
    pub cells: Vec<CellDelta>,
    /// Region -> (families in A, families in B).
    pub kandas: BTreeMap<String, (i64, i64)>,
}

/// The named columns of a run's output as text, null as `None`.
fn read_columns(path: &Path, names: &[&str]) -> Result<Vec<Vec<Option<String>>>> {
    Ok(read_parquet_columns(path, names)?.iter().map(ParquetColumn::texts).collect())
}

fn int(v: &Option<String>) -> i64 {
    v.as_deref().and_then(|s| s.parse().ok()).unwrap_or(0)
}

/// The comparison's row of a region x section, created on first sight.
fn cell<'a>(
    cells: &'a mut BTreeMap<(String, String), CellDelta>,
    region: &Option<String>,
    section: &Option<String>,
) -> &'a mut CellDelta {
    let key = (region.clone().unwrap_or_default(), section.clone().unwrap_or_default());
    cells.entry(key.clone()).or_insert_with(|| CellDelta { region: key.0, section: key.1, ..Default::default() })
}

/// Compares the outputs in folders `a` and `b` (each `<out>/<scenario id>/`).
pub fn compare(a: &Path, b: &Path) -> Result<Comparison> {
    let mut cells: BTreeMap<(String, String), CellDelta> = BTreeMap::new();
    let mut kandas: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    for (side, dir) in [(0, a), (1, b)] {
        let sh = read_columns(
            &dir.join("shortage.parquet"),
            &["region_code", "oked_section", "rating", "shortage_persons"],
        )?;
        for (((r, s), rating), gap) in sh[0].iter().zip(&sh[1]).zip(&sh[2]).zip(&sh[3]) {
            let c = cell(&mut cells, r, s);
            if side == 0 {
                c.rating_a = rating.clone();
                c.gap_a = int(gap);
            } else {
                c.rating_b = rating.clone();
                c.gap_b = int(gap);
            }
        }
        let q = read_columns(&dir.join("quota_foreign.parquet"), &["region_code", "oked_section", "quota"])?;
        for ((r, s), quota) in q[0].iter().zip(&q[1]).zip(&q[2]) {
            let c = cell(&mut cells, r, s);
            if side == 0 {
                c.quota_a += int(quota);
            } else {
                c.quota_b += int(quota);
            }
        }
        let k = read_columns(&dir.join("quota_kandas.parquet"), &["region_code", "families"])?;
        for (region, families) in k[0].iter().zip(&k[1]) {
            let e = kandas.entry(region.clone().unwrap_or_default()).or_default();
            if side == 0 {
                e.0 = int(families);
            } else {
                e.1 = int(families);
            }
        }
    }
    let name = |p: &Path| p.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    Ok(Comparison { a: name(a), b: name(b), cells: cells.into_values().collect(), kandas })
}

impl Comparison {
    /// The cell table (`docs/outputs.md`, `compare.parquet`).
    pub fn cell_table(&self) -> OutputTable {
        let c = &self.cells;
        OutputTable::new("compare")
            .col("region_code", ColumnData::Str(c.iter().map(|x| x.region.clone()).collect()), "ISO 3166-2:KZ code")
            .col("oked_section", ColumnData::Str(c.iter().map(|x| x.section.clone()).collect()), "OKED section")
            .col("rating_a", ColumnData::OptStr(c.iter().map(|x| x.rating_a.clone()).collect()), "rating in scenario A")
            .col("rating_b", ColumnData::OptStr(c.iter().map(|x| x.rating_b.clone()).collect()), "rating in scenario B")
            .col("gap_a", ColumnData::Int(c.iter().map(|x| x.gap_a).collect()), "shortage_persons in A, persons")
            .col("gap_b", ColumnData::Int(c.iter().map(|x| x.gap_b).collect()), "shortage_persons in B, persons")
            .col("gap_delta", ColumnData::Int(c.iter().map(|x| x.gap_b - x.gap_a).collect()), "B - A, persons")
            .col(
                "quota_a",
                ColumnData::Int(c.iter().map(|x| x.quota_a).collect()),
                "foreign-labour quota in A, all categories",
            )
            .col(
                "quota_b",
                ColumnData::Int(c.iter().map(|x| x.quota_b).collect()),
                "foreign-labour quota in B, all categories",
            )
            .col("quota_delta", ColumnData::Int(c.iter().map(|x| x.quota_b - x.quota_a).collect()), "B - A, permits")
            .col(
                "changed",
                ColumnData::Bool(c.iter().map(CellDelta::changed).collect()),
                "rating, gap or quota differs",
            )
    }

    /// Totals: (gap A, gap B, quota A, quota B, kandas families A, B).
    pub fn totals(&self) -> [i64; 6] {
        let s = |f: fn(&CellDelta) -> i64| self.cells.iter().map(f).sum::<i64>();
        [
            s(|c| c.gap_a),
            s(|c| c.gap_b),
            s(|c| c.quota_a),
            s(|c| c.quota_b),
            self.kandas.values().map(|v| v.0).sum(),
            self.kandas.values().map(|v| v.1).sum(),
        ]
    }
}
