//! Constrained allocation as a linear programme: integer seats per unit that maximise a
//! weighted total subject to bounds per unit and floors and caps on groups of units, with the
//! binding constraints and their shadow prices reported so that every result can be explained.
//!
//! ```text
//! maximise    sum_i v_i x_i
//! subject to  l_i <= x_i <= u_i                  (per unit: integers)
//!             L_g <= sum_{i in g} x_i <= U_g     (per group: integers, either side optional)
//! ```
//!
//! The primal is solved with `microlp` (simplex, so the optimum is a vertex). When the groups
//! form two laminar families (for the quota: total ⊃ regions, and sections) the constraint
//! matrix is totally unimodular and every vertex is integral: the simplex answer *is* the
//! integer allocation. Otherwise a fractional vertex is re-solved with integer variables
//! (branch and bound), so the result always meets every constraint exactly. Shadow prices come
//! from the same LP solved by `clarabel` (interior point; good_lp exposes its duals): the gain in
//! objective per extra unit of a constraint's bound.
//!
//! Infeasible settings are diagnosed with an elastic programme: each soft group constraint gets
//! a slack, the total slack is minimised, and the groups that had to be relaxed are named with
//! the amounts — "section floors B, F exceed what the ceiling leaves by 8,020" rather than
//! "infeasible".

use good_lp::{
    Constraint, Expression, ProblemVariables, ResolutionError, Solution, SolutionWithDual, SolverModel, Variable,
    clarabel, microlp, variable,
};

/// One unit (a region x section cell, say).
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// Objective value of one seat here (e.g. shortage severity).
    pub value: f64,
    pub min: u64,
    pub max: u64,
}

/// A constraint on the total of a group of units.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Name used in reports and errors, e.g. `ceiling` or `region capacity KZ-23`.
    pub name: String,
    pub members: Vec<usize>,
    pub min: Option<u64>,
    pub max: Option<u64>,
    /// A hard group is never relaxed when diagnosing infeasibility (a legal ceiling, say): the
    /// diagnosis then names the soft groups that conflict with it.
    pub hard: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub units: Vec<Unit>,
    pub groups: Vec<Group>,
}

/// Which side of a constraint holds with equality.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Min,
    Max,
}

impl Side {
    pub fn word(self) -> &'static str {
        match self {
            Side::Min => "floor",
            Side::Max => "cap",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct GroupReport {
    pub name: String,
    pub total: u64,
    pub min: Option<u64>,
    pub max: Option<u64>,
    /// The side at which the group total sits, if any.
    pub binding: Option<Side>,
    /// Objective gained per unit the binding bound is relaxed (raised for a cap, lowered for
    /// a floor); 0 when not binding.
    pub shadow_price: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnitReport {
    /// The unit sits at its own bound.
    pub binding: Option<Side>,
    /// Objective gained per unit the binding bound of the unit is relaxed.
    pub shadow_price: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LpSolution {
    pub seats: Vec<u64>,
    pub objective: f64,
    pub groups: Vec<GroupReport>,
    pub units: Vec<UnitReport>,
    /// The simplex vertex was already integral (no branch and bound needed).
    pub integral_vertex: bool,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LpError {
    /// Settings that cannot all hold: `constraint` names the groups (or unit) concerned, `why`
    /// says how, typed so that a caller can say it in its reader's language.
    #[error("infeasible: {constraint}: {why}")]
    Infeasible { constraint: String, why: Infeasibility },
    #[error("invalid problem: {0}")]
    Invalid(String),
    #[error("solver: {0}")]
    Solver(String),
}

/// Why a problem has no solution.
#[derive(Debug, Clone, PartialEq)]
pub enum Infeasibility {
    /// A unit's minimum exceeds its maximum.
    UnitBounds { min: u64, max: u64 },
    /// A group's floor exceeds its own cap.
    FloorAboveCap { floor: u64, cap: u64 },
    /// A group's floor exceeds what its units can take at most.
    FloorAboveCapacity { floor: u64, capacity: u64 },
    /// A group's cap is below what its units must have.
    CapBelowFloors { cap: u64, floors: u64 },
    /// The unit bounds and the hard groups cannot hold together (nothing soft to relax).
    HardConstraints,
    /// The soft groups cannot all hold (with the hard ones named in `against`); the smallest
    /// relaxation that makes them feasible, per group and side.
    Relaxation { against: Vec<String>, relaxed: Vec<(String, Side, f64)> },
}

impl std::fmt::Display for Infeasibility {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Infeasibility::UnitBounds { min, max } => write!(f, "its minimum {min} exceeds its maximum {max}"),
            Infeasibility::FloorAboveCap { floor, cap } => write!(f, "its floor {floor} exceeds its cap {cap}"),
            Infeasibility::FloorAboveCapacity { floor, capacity } => {
                write!(f, "its floor {floor} exceeds the {capacity} its units can take at most")
            }
            Infeasibility::CapBelowFloors { cap, floors } => {
                write!(f, "its cap {cap} is below the {floors} its units must have")
            }
            Infeasibility::HardConstraints => {
                f.write_str("the unit bounds and these hard constraints cannot hold together")
            }
            Infeasibility::Relaxation { against, relaxed } => {
                let relaxed: Vec<String> =
                    relaxed.iter().map(|(g, side, by)| format!("{g} {} by {by:.0}", side.word())).collect();
                write!(
                    f,
                    "these settings cannot all hold{}; the smallest change that makes them feasible relaxes {}",
                    if against.is_empty() { String::new() } else { format!(" together with {}", against.join(", ")) },
                    relaxed.join(", ")
                )
            }
        }
    }
}

const TOL: f64 = 1e-6;

/// Solves the problem (see the module documentation).
pub fn solve(p: &Problem) -> Result<LpSolution, LpError> {
    validate(p)?;
    let (x, integral_vertex) = match primal(p, false) {
        Ok(x) => {
            let integral = x.iter().all(|v| (v - v.round()).abs() <= TOL);
            if integral { (x, true) } else { (primal(p, true).map_err(|e| solver_error(p, e))?, false) }
        }
        Err(ResolutionError::Infeasible) => return Err(diagnose(p)),
        Err(e) => return Err(solver_error(p, e)),
    };
    let seats: Vec<u64> = x.iter().map(|v| v.round().max(0.0) as u64).collect();
    check(p, &seats)?;
    let (gdual, udual) = duals(p);
    let objective = p.units.iter().zip(&seats).map(|(u, s)| u.value * *s as f64).sum();
    let groups = p
        .groups
        .iter()
        .enumerate()
        .map(|(k, g)| {
            let total: u64 = g.members.iter().map(|&i| seats[i]).sum();
            let binding = side(total, g.min, g.max);
            GroupReport {
                name: g.name.clone(),
                total,
                min: g.min,
                max: g.max,
                binding,
                shadow_price: binding.map_or(0.0, |s| gdual[k].get(s)),
            }
        })
        .collect();
    let units = p
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let binding = side(seats[i], Some(u.min), Some(u.max));
            UnitReport { binding, shadow_price: binding.map_or(0.0, |s| udual[i].get(s)) }
        })
        .collect();
    Ok(LpSolution { seats, objective, groups, units, integral_vertex })
}

fn side(total: u64, min: Option<u64>, max: Option<u64>) -> Option<Side> {
    // A cap is reported before a floor when both hold (min == max).
    if max == Some(total) {
        Some(Side::Max)
    } else if min == Some(total) && total > 0 {
        Some(Side::Min)
    } else {
        None
    }
}

fn validate(p: &Problem) -> Result<(), LpError> {
    let n = p.units.len();
    for (i, u) in p.units.iter().enumerate() {
        if !u.value.is_finite() {
            return Err(LpError::Invalid(format!("unit {i} has a non-finite value")));
        }
        if u.min > u.max {
            return Err(LpError::Infeasible {
                constraint: format!("unit {i}"),
                why: Infeasibility::UnitBounds { min: u.min, max: u.max },
            });
        }
        if u.max > i32::MAX as u64 {
            return Err(LpError::Invalid(format!("unit {i}: maximum {} is too large for the solver", u.max)));
        }
    }
    for g in &p.groups {
        if let Some(&i) = g.members.iter().find(|&&i| i >= n) {
            return Err(LpError::Invalid(format!("group `{}` names unit {i} of {n}", g.name)));
        }
        if let (Some(lo), Some(hi)) = (g.min, g.max)
            && lo > hi
        {
            return Err(LpError::Infeasible {
                constraint: g.name.clone(),
                why: Infeasibility::FloorAboveCap { floor: lo, cap: hi },
            });
        }
        let cap: u64 = g.members.iter().map(|&i| p.units[i].max).sum();
        if g.min.is_some_and(|lo| lo > cap) {
            return Err(LpError::Infeasible {
                constraint: g.name.clone(),
                why: Infeasibility::FloorAboveCapacity { floor: g.min.unwrap_or(0), capacity: cap },
            });
        }
        let floor: u64 = g.members.iter().map(|&i| p.units[i].min).sum();
        if g.max.is_some_and(|hi| hi < floor) {
            return Err(LpError::Infeasible {
                constraint: g.name.clone(),
                why: Infeasibility::CapBelowFloors { cap: g.max.unwrap_or(0), floors: floor },
            });
        }
    }
    Ok(())
}

fn solver_error(p: &Problem, e: ResolutionError) -> LpError {
    match e {
        ResolutionError::Infeasible => diagnose(p),
        other => LpError::Solver(other.to_string()),
    }
}

struct Model {
    vars: ProblemVariables,
    x: Vec<Variable>,
    objective: Expression,
}

fn model(p: &Problem, integer: bool) -> Model {
    let mut vars = ProblemVariables::new();
    let x: Vec<Variable> = p
        .units
        .iter()
        .map(|u| {
            let v = variable().min(u.min as f64).max(u.max as f64);
            vars.add(if integer { v.integer() } else { v })
        })
        .collect();
    let objective: Expression = p.units.iter().zip(&x).map(|(u, v)| u.value * *v).sum();
    Model { vars, x, objective }
}

fn group_sum(g: &Group, x: &[Variable]) -> Expression {
    g.members.iter().map(|&i| x[i]).sum()
}

fn group_constraints(p: &Problem, x: &[Variable]) -> Vec<(usize, Side, Constraint)> {
    let mut out = Vec::new();
    for (k, g) in p.groups.iter().enumerate() {
        if let Some(lo) = g.min {
            out.push((k, Side::Min, group_sum(g, x).geq(lo as f64)));
        }
        if let Some(hi) = g.max {
            out.push((k, Side::Max, group_sum(g, x).leq(hi as f64)));
        }
    }
    out
}

fn primal(p: &Problem, integer: bool) -> Result<Vec<f64>, ResolutionError> {
    let m = model(p, integer);
    let mut lp = m.vars.maximise(m.objective).using(microlp);
    for (_, _, c) in group_constraints(p, &m.x) {
        lp.add_constraint(c);
    }
    let sol = lp.solve()?;
    Ok(m.x.iter().map(|v| sol.value(*v)).collect())
}

#[derive(Debug, Clone, Copy, Default)]
struct Dual {
    min: f64,
    max: f64,
}

impl Dual {
    fn get(&self, s: Side) -> f64 {
        match s {
            Side::Min => self.min,
            Side::Max => self.max,
        }
    }
}

/// Shadow prices from the interior-point solve of the same LP. Unit bounds are written as
/// explicit constraints so that they get duals too. A failed dual solve leaves zeros: the
/// primal answer does not depend on it.
fn duals(p: &Problem) -> (Vec<Dual>, Vec<Dual>) {
    let mut gd = vec![Dual::default(); p.groups.len()];
    let mut ud = vec![Dual::default(); p.units.len()];
    let mut vars = ProblemVariables::new();
    let x: Vec<Variable> = p.units.iter().map(|_| vars.add(variable())).collect();
    let objective: Expression = p.units.iter().zip(&x).map(|(u, v)| u.value * *v).sum();
    let mut lp = vars.maximise(objective).using(clarabel);
    let mut refs = Vec::new();
    for (k, s, c) in group_constraints(p, &x) {
        refs.push((true, k, s, lp.add_constraint(c)));
    }
    for (i, u) in p.units.iter().enumerate() {
        refs.push((false, i, Side::Min, lp.add_constraint(Expression::from(x[i]).geq(u.min as f64))));
        refs.push((false, i, Side::Max, lp.add_constraint(Expression::from(x[i]).leq(u.max as f64))));
    }
    let Ok(mut sol) = lp.solve() else {
        return (gd, ud);
    };
    let dual = sol.compute_dual();
    for (is_group, k, s, r) in refs {
        // Clarabel's multipliers are non-negative; they are the gain per unit of relaxation
        // for either side.
        let v = good_lp::DualValues::dual(&dual, r).abs();
        let v = if v < 1e-7 { 0.0 } else { v };
        let d = if is_group { &mut gd[k] } else { &mut ud[k] };
        match s {
            Side::Min => d.min = v,
            Side::Max => d.max = v,
        }
    }
    (gd, ud)
}

/// Verifies the integer answer against every constraint (a guard on the solver).
fn check(p: &Problem, seats: &[u64]) -> Result<(), LpError> {
    for (i, (u, s)) in p.units.iter().zip(seats).enumerate() {
        if *s < u.min || *s > u.max {
            return Err(LpError::Solver(format!("unit {i}: {s} outside [{}, {}]", u.min, u.max)));
        }
    }
    for g in &p.groups {
        let t: u64 = g.members.iter().map(|&i| seats[i]).sum();
        if g.min.is_some_and(|lo| t < lo) || g.max.is_some_and(|hi| t > hi) {
            return Err(LpError::Solver(format!("group `{}`: total {t} breaks its bounds", g.name)));
        }
    }
    Ok(())
}

/// Names the constraints that cannot hold together: minimises the total relaxation of the
/// soft group bounds (hard ones stay) and reports the relaxed groups, with the hard groups
/// that end up binding against them.
fn diagnose(p: &Problem) -> LpError {
    let mut vars = ProblemVariables::new();
    let x: Vec<Variable> = p.units.iter().map(|u| vars.add(variable().min(u.min as f64).max(u.max as f64))).collect();
    let mut slacks = Vec::new();
    for (k, g) in p.groups.iter().enumerate() {
        if g.hard {
            continue;
        }
        if g.min.is_some() {
            slacks.push((k, Side::Min, vars.add(variable().min(0.0))));
        }
        if g.max.is_some() {
            slacks.push((k, Side::Max, vars.add(variable().min(0.0))));
        }
    }
    let total_slack: Expression = slacks.iter().map(|s| s.2).sum();
    let mut lp = vars.minimise(total_slack).using(microlp);
    for (k, g) in p.groups.iter().enumerate() {
        let slack = |side: Side| slacks.iter().find(|s| s.0 == k && s.1 == side).map(|s| s.2);
        if let Some(lo) = g.min {
            let e = group_sum(g, &x) + slack(Side::Min).map_or(Expression::from(0.0), Expression::from);
            lp.add_constraint(e.geq(lo as f64));
        }
        if let Some(hi) = g.max {
            let e = group_sum(g, &x) - slack(Side::Max).map_or(Expression::from(0.0), Expression::from);
            lp.add_constraint(e.leq(hi as f64));
        }
    }
    let Ok(sol) = lp.solve() else {
        let hard: Vec<&str> = p.groups.iter().filter(|g| g.hard).map(|g| g.name.as_str()).collect();
        return LpError::Infeasible { constraint: hard.join(", "), why: Infeasibility::HardConstraints };
    };
    let relaxed: Vec<(String, Side, f64)> = slacks
        .iter()
        .filter_map(|(k, s, v)| {
            let amount = sol.value(*v);
            (amount > TOL).then(|| (p.groups[*k].name.clone(), *s, amount))
        })
        .collect();
    let xv: Vec<f64> = x.iter().map(|v| sol.value(*v)).collect();
    let against: Vec<String> = p
        .groups
        .iter()
        .filter(|g| g.hard)
        .filter(|g| {
            let t: f64 = g.members.iter().map(|&i| xv[i]).sum();
            g.max.is_some_and(|hi| (t - hi as f64).abs() <= 1e-6)
                || g.min.is_some_and(|lo| (t - lo as f64).abs() <= 1e-6)
        })
        .map(|g| g.name.clone())
        .collect();
    let names: Vec<String> = slacks
        .iter()
        .filter(|(_, _, v)| sol.value(*v) > TOL)
        .map(|(k, s, _)| format!("{} {}", p.groups[*k].name, s.word()))
        .collect();
    LpError::Infeasible {
        constraint: if names.is_empty() { "constraints".into() } else { names.join(", ") },
        why: Infeasibility::Relaxation { against, relaxed },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(value: f64, max: u64) -> Unit {
        Unit { value, min: 0, max }
    }

    fn group(name: &str, members: Vec<usize>, min: Option<u64>, max: Option<u64>, hard: bool) -> Group {
        Group { name: name.into(), members, min, max, hard }
    }

    #[test]
    fn fills_by_value_under_a_ceiling_and_prices_it() {
        // Three cells with demand 50, 40, 30 and values 3, 2, 1; ceiling 70.
        let p = Problem {
            units: vec![unit(3.0, 50), unit(2.0, 40), unit(1.0, 30)],
            groups: vec![group("ceiling", vec![0, 1, 2], None, Some(70), true)],
        };
        let s = solve(&p).unwrap();
        assert_eq!(s.seats, vec![50, 20, 0]);
        assert!(s.integral_vertex);
        assert_eq!(s.groups[0].binding, Some(Side::Max));
        // One more permit goes to the marginal cell, value 2.
        assert!((s.groups[0].shadow_price - 2.0).abs() < 1e-5, "{}", s.groups[0].shadow_price);
        // The first cell is at its demand cap, worth 3 - 2 = 1 more per unit of demand.
        assert_eq!(s.units[0].binding, Some(Side::Max));
        assert!((s.units[0].shadow_price - 1.0).abs() < 1e-5);
        assert_eq!(s.units[1].binding, None);
    }

    #[test]
    fn floors_and_regional_caps() {
        // Regions {0,1} and {2,3}; sections {0,2} and {1,3}.
        let p = Problem {
            units: vec![unit(5.0, 100), unit(4.0, 100), unit(3.0, 100), unit(1.0, 100)],
            groups: vec![
                group("ceiling", vec![0, 1, 2, 3], None, Some(150), true),
                group("region R1", vec![0, 1], None, Some(80), false),
                group("section S2", vec![1, 3], Some(60), None, false),
            ],
        };
        let s = solve(&p).unwrap();
        assert_eq!(s.seats.iter().sum::<u64>(), 150);
        assert!(s.seats[0] + s.seats[1] <= 80);
        assert!(s.seats[1] + s.seats[3] >= 60);
        // 5 x0 + 4 x1 + 3 x2 + x3 is largest with the floor met by x1: [20, 60, 70, 0] (550).
        assert_eq!(s.seats, vec![20, 60, 70, 0]);
        assert!((s.objective - 550.0).abs() < 1e-9);
        assert!(s.groups.iter().all(|g| g.binding.is_some()));
        // One more permit under the ceiling goes to unit 2 (+3); one more of region capacity
        // moves a permit from unit 2 to unit 0 (+5 - 3); a floor one lower frees a permit of
        // unit 1 for unit 0 (+5 - 4).
        let prices: Vec<f64> = s.groups.iter().map(|g| (g.shadow_price * 1e6).round() / 1e6).collect();
        assert_eq!(prices, vec![3.0, 2.0, 1.0]);
    }

    #[test]
    fn infeasible_floors_are_named() {
        let p = Problem {
            units: vec![unit(1.0, 1000), unit(1.0, 1000), unit(1.0, 1000)],
            groups: vec![
                group("ceiling", vec![0, 1, 2], None, Some(500), true),
                group("section B", vec![0], Some(400), None, false),
                group("section F", vec![1], Some(300), None, false),
            ],
        };
        let e = solve(&p).unwrap_err();
        let LpError::Infeasible { constraint, why } = &e else { panic!("{e}") };
        let message = why.to_string();
        assert!(constraint.contains("floor"), "{e}");
        assert!(message.contains("together with ceiling"), "{e}");
        let relaxed: f64 = message
            .split(" by ")
            .skip(1)
            .filter_map(|t| t.split(|c: char| !c.is_ascii_digit()).next()?.parse::<f64>().ok())
            .sum();
        assert_eq!(relaxed, 200.0, "{e}");
        // A floor above what the units can take is caught before solving.
        let p2 =
            Problem { units: vec![unit(1.0, 10)], groups: vec![group("section A", vec![0], Some(11), None, false)] };
        assert!(matches!(solve(&p2), Err(LpError::Infeasible { constraint, .. }) if constraint == "section A"));
        // Unit minimums above a hard ceiling leave nothing to relax: the ceiling is named.
        let p3 = Problem {
            units: vec![Unit { value: 1.0, min: 10, max: 20 }, Unit { value: 1.0, min: 10, max: 20 }],
            groups: vec![group("ceiling", vec![0, 1], None, Some(15), true)],
        };
        assert!(matches!(solve(&p3), Err(LpError::Infeasible { constraint, .. }) if constraint == "ceiling"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// Random region x section grids with a ceiling, regional caps and section floors built
        /// around a known feasible allocation: the answer meets every constraint, is an integral
        /// vertex (two laminar families), and is at least as good as the known allocation.
        #[test]
        fn grid_problems_are_solved_exactly(r in 2usize..5, c in 2usize..5, seed in 0u64..100_000) {
            let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
            let mut next = || { state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407); state >> 33 };
            let n = r * c;
            let units: Vec<Unit> = (0..n).map(|_| Unit { value: (next() % 100) as f64 / 10.0, min: 0, max: next() % 50 }).collect();
            let known: Vec<u64> = units.iter().map(|u| if u.max == 0 { 0 } else { next() % (u.max + 1) }).collect();
            let total: u64 = known.iter().sum();
            let mut groups = vec![group("ceiling", (0..n).collect(), None, Some(total + next() % 20), true)];
            for i in 0..r {
                let m: Vec<usize> = (0..c).map(|j| i * c + j).collect();
                let t: u64 = m.iter().map(|&k| known[k]).sum();
                groups.push(group(&format!("region {i}"), m, None, Some(t + next() % 5), false));
            }
            for j in 0..c {
                let m: Vec<usize> = (0..r).map(|i| i * c + j).collect();
                let t: u64 = m.iter().map(|&k| known[k]).sum();
                groups.push(group(&format!("section {j}"), m, Some(t.saturating_sub(next() % 5)), None, false));
            }
            let p = Problem { units, groups };
            let s = solve(&p).unwrap();
            proptest::prop_assert!(s.integral_vertex);
            check(&p, &s.seats).unwrap();
            let known_obj: f64 = p.units.iter().zip(&known).map(|(u, k)| u.value * *k as f64).sum();
            proptest::prop_assert!(s.objective >= known_obj - 1e-6, "{} < {}", s.objective, known_obj);
        }
    }
}
