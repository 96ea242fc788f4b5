//! Biproportional apportionment: an integer matrix, proportional to a weight matrix by row
//! and column multipliers, that meets given row and column totals exactly.
//!
//! Primary algorithm: alternating scaling (Balinski and Demange 1989; as in Zurich's "double
//! proportional" elections) with Sainte-Laguë rounding: columns and rows are apportioned in
//! turn, each step a vector divisor apportionment of its total with the weights scaled by the
//! other side's multipliers, until both margins hold. Alternating scaling can stall on rare
//! inputs (ties); then the fallback is *controlled rounding* of the continuous biproportional
//! fit (iterative proportional fitting, then each cell rounded down or up so that every margin
//! holds, chosen by a min-cost flow that rounds up the largest fractional parts). The fallback
//! is exact on the margins and keeps every cell within one seat of the fitted value, but it is
//! not the tie-and-transfer algorithm: its result can differ from the divisor-based
//! biproportional apportionment in such cases, and the outcome says which algorithm was used.

use std::collections::VecDeque;

/// Which algorithm produced the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Algorithm {
    AlternatingScaling { iterations: usize },
    ControlledRounding,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Biproportional {
    pub seats: Vec<Vec<u64>>,
    pub algorithm: Algorithm,
    /// Row and column multipliers (alternating scaling only).
    pub row_multipliers: Vec<f64>,
    pub col_multipliers: Vec<f64>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BiproportionalError {
    #[error("row totals add up to {rows} but column totals to {cols}")]
    TotalsDiffer { rows: u64, cols: u64 },
    #[error("weights must be finite and non-negative (row {row}, column {col})")]
    BadWeight { row: usize, col: usize },
    #[error("no matrix with these totals fits the zero pattern of the weights: {0}")]
    Infeasible(String),
    #[error("shape: {0}")]
    Shape(String),
}

/// Computes the biproportional apportionment of `weights` (rows x columns) to the totals.
pub fn biproportional(
    weights: &[Vec<f64>],
    row_totals: &[u64],
    col_totals: &[u64],
) -> Result<Biproportional, BiproportionalError> {
    let (nr, nc) = (weights.len(), col_totals.len());
    if row_totals.len() != nr || weights.iter().any(|r| r.len() != nc) {
        return Err(BiproportionalError::Shape(format!(
            "{nr} weight rows for {} row totals, {nc} columns",
            row_totals.len()
        )));
    }
    for (i, row) in weights.iter().enumerate() {
        for (j, v) in row.iter().enumerate() {
            if !v.is_finite() || *v < 0.0 {
                return Err(BiproportionalError::BadWeight { row: i, col: j });
            }
        }
    }
    let (rs, cs): (u64, u64) = (row_totals.iter().sum(), col_totals.iter().sum());
    if rs != cs {
        return Err(BiproportionalError::TotalsDiffer { rows: rs, cols: cs });
    }
    check_support(weights, row_totals, col_totals)?;
    match alternating_scaling(weights, row_totals, col_totals, 1000) {
        Some(b) => Ok(b),
        None => controlled_rounding(weights, row_totals, col_totals),
    }
}

/// Sainte-Laguë apportionment of `total` among real weights; returns the seats and a divisor
/// `d` (seats = round(w / d) for every unit), or `None` if a tie makes it ambiguous.
fn webster_real(weights: &[f64], total: u64) -> Option<(Vec<u64>, f64)> {
    let sum: f64 = weights.iter().sum();
    if total == 0 {
        let top = weights.iter().cloned().fold(0.0, f64::max);
        return Some((vec![0; weights.len()], if top > 0.0 { top * 4.0 } else { 1.0 }));
    }
    if sum <= 0.0 {
        return None;
    }
    let d0 = sum / total as f64;
    let mut s: Vec<u64> = weights.iter().map(|w| (w / d0 + 0.5).floor() as u64).collect();
    let mut have: u64 = s.iter().sum();
    let prio = |w: f64, k: u64| w / (k as f64 + 0.5);
    while have != total {
        if have < total {
            let i = (0..weights.len())
                .filter(|&i| weights[i] > 0.0)
                .max_by(|&a, &b| prio(weights[a], s[a]).total_cmp(&prio(weights[b], s[b])))?;
            s[i] += 1;
            have += 1;
        } else {
            let i = (0..weights.len())
                .filter(|&i| s[i] > 0)
                .min_by(|&a, &b| prio(weights[a], s[a] - 1).total_cmp(&prio(weights[b], s[b] - 1)))?;
            s[i] -= 1;
            have -= 1;
        }
    }
    let next = (0..weights.len()).filter(|&i| weights[i] > 0.0).map(|i| prio(weights[i], s[i])).fold(0.0, f64::max);
    let last =
        (0..weights.len()).filter(|&i| s[i] > 0).map(|i| prio(weights[i], s[i] - 1)).fold(f64::INFINITY, f64::min);
    if (last - next).abs() <= 1e-12 * last.abs().max(1e-300) {
        return None; // tie at the boundary
    }
    Some((s, 0.5 * (next + last)))
}

fn alternating_scaling(w: &[Vec<f64>], rows: &[u64], cols: &[u64], max_iter: usize) -> Option<Biproportional> {
    let (nr, nc) = (rows.len(), cols.len());
    let mut lam = vec![1.0f64; nr];
    let mut mu = vec![1.0f64; nc];
    let mut x = vec![vec![0u64; nc]; nr];
    for it in 1..=max_iter {
        // Columns.
        for j in 0..nc {
            let col: Vec<f64> = (0..nr).map(|i| w[i][j] * lam[i]).collect();
            let (s, d) = webster_real(&col, cols[j])?;
            for i in 0..nr {
                x[i][j] = s[i];
            }
            mu[j] = 1.0 / d;
        }
        if (0..nr).all(|i| x[i].iter().sum::<u64>() == rows[i]) {
            return Some(Biproportional {
                seats: x,
                algorithm: Algorithm::AlternatingScaling { iterations: it },
                row_multipliers: lam,
                col_multipliers: mu,
            });
        }
        // Rows.
        for i in 0..nr {
            let row: Vec<f64> = (0..nc).map(|j| w[i][j] * mu[j]).collect();
            let (s, d) = webster_real(&row, rows[i])?;
            x[i] = s;
            lam[i] = 1.0 / d;
        }
        if (0..nc).all(|j| (0..nr).map(|i| x[i][j]).sum::<u64>() == cols[j]) {
            return Some(Biproportional {
                seats: x,
                algorithm: Algorithm::AlternatingScaling { iterations: it },
                row_multipliers: lam,
                col_multipliers: mu,
            });
        }
    }
    None
}

/// Max-flow check that some non-negative matrix with these margins is positive only where
/// the weights are.
fn check_support(w: &[Vec<f64>], rows: &[u64], cols: &[u64]) -> Result<(), BiproportionalError> {
    let (nr, nc) = (rows.len(), cols.len());
    let mut net = Network::new(nr + nc + 2);
    let (src, snk) = (nr + nc, nr + nc + 1);
    for (i, (wi, &r)) in w.iter().zip(rows).enumerate() {
        net.add(src, i, r as i64, 0);
        for (j, &v) in wi.iter().enumerate().take(nc) {
            if v > 0.0 {
                net.add(i, nr + j, i64::MAX / 4, 0);
            }
        }
    }
    for (j, &c) in cols.iter().enumerate() {
        net.add(nr + j, snk, c as i64, 0);
    }
    let total: u64 = rows.iter().sum();
    let (flow, _) = net.min_cost_flow(src, snk, total as i64);
    if flow < total as i64 {
        let empty_rows: Vec<usize> = (0..nr).filter(|&i| rows[i] > 0 && w[i].iter().all(|v| *v == 0.0)).collect();
        let empty_cols: Vec<usize> = (0..nc).filter(|&j| cols[j] > 0 && (0..nr).all(|i| w[i][j] == 0.0)).collect();
        return Err(BiproportionalError::Infeasible(format!(
            "at most {flow} of {total} seats can be placed (rows with seats but no weight: {empty_rows:?}; columns: {empty_cols:?})"
        )));
    }
    Ok(())
}

/// Fallback: IPF to the margins, then round each cell down or up by a min-cost flow that meets
/// the margins and rounds up the largest fractional parts.
fn controlled_rounding(w: &[Vec<f64>], rows: &[u64], cols: &[u64]) -> Result<Biproportional, BiproportionalError> {
    let (nr, nc) = (rows.len(), cols.len());
    let mut q: Vec<Vec<f64>> = w.to_vec();
    // IPF converges geometrically when the margins admit a matrix positive on every weighted
    // cell, but only like 1/k when some cell is forced to zero; the integer step below needs
    // the fit to well under a seat, not to machine precision, and fails cleanly otherwise.
    for _ in 0..20_000 {
        let mut worst = 0.0f64;
        for i in 0..nr {
            let s: f64 = q[i].iter().sum();
            if s > 0.0 {
                let k = rows[i] as f64 / s;
                q[i].iter_mut().for_each(|v| *v *= k);
            }
        }
        for j in 0..nc {
            let s: f64 = (0..nr).map(|i| q[i][j]).sum();
            if s > 0.0 {
                let k = cols[j] as f64 / s;
                worst = worst.max((s - cols[j] as f64).abs());
                (0..nr).for_each(|i| q[i][j] *= k);
            }
        }
        if worst < 1e-7 {
            break;
        }
    }
    let mut x: Vec<Vec<u64>> = q.iter().map(|r| r.iter().map(|v| v.floor().max(0.0) as u64).collect()).collect();
    let mut net = Network::new(nr + nc + 2);
    let (src, snk) = (nr + nc, nr + nc + 1);
    let mut cell_edges = Vec::new();
    let mut need = 0i64;
    for i in 0..nr {
        let r_short = rows[i] as i64 - x[i].iter().sum::<u64>() as i64;
        if r_short < 0 {
            return Err(BiproportionalError::Infeasible(format!("row {i}: the fitted matrix exceeds its total")));
        }
        need += r_short;
        net.add(src, i, r_short, 0);
        for j in 0..nc {
            let frac = q[i][j] - q[i][j].floor();
            if w[i][j] > 0.0 {
                // Cost: prefer rounding up large fractions (scaled to integers).
                let cost = ((1.0 - frac) * 1e6).round() as i64;
                cell_edges.push((i, j, net.add(i, nr + j, 1, cost)));
            }
        }
    }
    for j in 0..nc {
        let c_short = cols[j] as i64 - (0..nr).map(|i| x[i][j]).sum::<u64>() as i64;
        if c_short < 0 {
            return Err(BiproportionalError::Infeasible(format!("column {j}: the fitted matrix exceeds its total")));
        }
        net.add(nr + j, snk, c_short, 0);
    }
    let (flow, _) = net.min_cost_flow(src, snk, need);
    if flow < need {
        return Err(BiproportionalError::Infeasible(format!(
            "controlled rounding placed {flow} of {need} remaining seats"
        )));
    }
    for (i, j, e) in cell_edges {
        if net.flow(e) > 0 {
            x[i][j] += 1;
        }
    }
    Ok(Biproportional {
        seats: x,
        algorithm: Algorithm::ControlledRounding,
        row_multipliers: vec![],
        col_multipliers: vec![],
    })
}

/// A small min-cost max-flow network (successive shortest paths with SPFA).
struct Network {
    head: Vec<Vec<usize>>,
    to: Vec<usize>,
    cap: Vec<i64>,
    cost: Vec<i64>,
}

impl Network {
    fn new(n: usize) -> Self {
        Network { head: vec![Vec::new(); n], to: Vec::new(), cap: Vec::new(), cost: Vec::new() }
    }

    /// Adds an edge and its residual; returns the edge id.
    fn add(&mut self, u: usize, v: usize, cap: i64, cost: i64) -> usize {
        let id = self.to.len();
        self.head[u].push(id);
        self.to.push(v);
        self.cap.push(cap);
        self.cost.push(cost);
        self.head[v].push(id + 1);
        self.to.push(u);
        self.cap.push(0);
        self.cost.push(-cost);
        id
    }

    /// Flow on edge `e` (capacity used).
    fn flow(&self, e: usize) -> i64 {
        self.cap[e ^ 1]
    }

    fn min_cost_flow(&mut self, s: usize, t: usize, want: i64) -> (i64, i64) {
        let n = self.head.len();
        let (mut flow, mut total_cost) = (0i64, 0i64);
        while flow < want {
            let mut dist = vec![i64::MAX; n];
            let mut in_queue = vec![false; n];
            let mut prev_edge = vec![usize::MAX; n];
            dist[s] = 0;
            let mut queue = VecDeque::from([s]);
            while let Some(u) = queue.pop_front() {
                in_queue[u] = false;
                for &e in &self.head[u] {
                    let v = self.to[e];
                    if self.cap[e] > 0 && dist[u] + self.cost[e] < dist[v] {
                        dist[v] = dist[u] + self.cost[e];
                        prev_edge[v] = e;
                        if !in_queue[v] {
                            in_queue[v] = true;
                            queue.push_back(v);
                        }
                    }
                }
            }
            if dist[t] == i64::MAX {
                break;
            }
            let mut push = want - flow;
            let mut v = t;
            while v != s {
                let e = prev_edge[v];
                push = push.min(self.cap[e]);
                v = self.to[e ^ 1];
            }
            let mut v = t;
            while v != s {
                let e = prev_edge[v];
                self.cap[e] -= push;
                self.cap[e ^ 1] += push;
                v = self.to[e ^ 1];
            }
            flow += push;
            total_cost += push * dist[t];
        }
        (flow, total_cost)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meets_margins() {
        let w = vec![vec![5.0, 3.0, 2.0], vec![1.0, 6.0, 3.0], vec![2.0, 2.0, 6.0]];
        let b = biproportional(&w, &[10, 8, 12], &[9, 10, 11]).unwrap();
        for (i, r) in b.seats.iter().enumerate() {
            assert_eq!(r.iter().sum::<u64>(), [10, 8, 12][i]);
        }
        for j in 0..3 {
            assert_eq!(b.seats.iter().map(|r| r[j]).sum::<u64>(), [9, 10, 11][j]);
        }
        let cr = controlled_rounding(&w, &[10, 8, 12], &[9, 10, 11]).unwrap();
        assert_eq!(cr.seats.iter().flatten().sum::<u64>(), 30);
    }

    #[test]
    fn infeasible_zero_pattern_is_reported() {
        let w = vec![vec![1.0, 0.0], vec![0.0, 0.0]];
        let e = biproportional(&w, &[1, 1], &[1, 1]).unwrap_err().to_string();
        assert!(e.contains("rows with seats but no weight: [1]"), "{e}");
        assert!(matches!(biproportional(&w, &[1, 1], &[1, 2]), Err(BiproportionalError::TotalsDiffer { .. })));
    }
}
