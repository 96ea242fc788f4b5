//! Speed: 10^7 seats over 10^5 units with every method (issue 5 target: under 1 s).
//!
//! Also the LP of the foreign-labour quota at its real size (issue 5 target: under 1 s).
//!
//!     cargo bench -p kvota-apportion --bench apportion -- [units] [seats]

use std::time::Instant;

use kvota_apportion::{Method, Request, TieRule, apportion};

fn main() {
    let args: Vec<u64> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let units = *args.first().unwrap_or(&100_000) as usize;
    let seats = *args.get(1).unwrap_or(&10_000_000);
    // Seeded weights spread over four orders of magnitude (1,000 to 10,000,000).
    let mut state = 0x9E3779B97F4A7C15u64;
    let weights: Vec<u128> = (0..units)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let u = (state >> 11) as f64 / (1u64 << 53) as f64;
            (1000.0 * 10f64.powf(4.0 * u)) as u128
        })
        .collect();
    println!("{units} units, {seats} seats");
    for (name, m) in [
        ("hamilton", Method::Hamilton),
        ("dhondt", Method::Jefferson),
        ("sainte-lague", Method::Webster { first_divisor: None }),
        ("sainte-lague 1.4", Method::Webster { first_divisor: Some((7, 5)) }),
        ("huntington-hill", Method::HuntingtonHill),
        ("adams", Method::Adams),
        ("dean", Method::Dean),
        ("quota", Method::Quota),
    ] {
        let t = Instant::now();
        let o = apportion(&Request::new(&weights, seats, m).ties(TieRule::LargerWeightThenOrder)).expect("apportion");
        let secs = t.elapsed().as_secs_f64();
        assert_eq!(o.seats.iter().sum::<u64>(), seats);
        println!("  {name:<18} {secs:>8.3} s  ({} ties broken)", o.ties.len());
        if m == Method::Quota {
            // The schedule form against the seat-by-seat definition, at full size.
            let t = Instant::now();
            let d = kvota_apportion::quota_method_seat_by_seat(&weights, seats, TieRule::LargerWeightThenOrder)
                .expect("seat by seat");
            let secs = t.elapsed().as_secs_f64();
            assert_eq!(d.seats, o.seats, "the schedule form differs from the definition");
            assert_eq!(d.ties, o.ties);
            println!("  {:<18} {secs:>8.3} s  (same seats and ties as above)", "quota seat by seat");
        }
    }
    lp_quota_size();
}

/// The constrained allocation of the foreign-labour quota at its real size: 20 regions x 21
/// sections (LP with a ceiling, regional capacities, section floors and caps, and per-cell
/// demand and local-content caps), then the split of each cell into 5 worker categories with
/// exact national category totals (biproportional apportionment).
fn lp_quota_size() {
    use kvota_apportion::biproportional::biproportional;
    use kvota_apportion::lp::{Group, Problem, Unit, solve};
    let (nr, ns, nc) = (20usize, 21usize, 5usize);
    let mut state = 0x2545F4914F6CDD1Du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state >> 11
    };
    let units: Vec<Unit> =
        (0..nr * ns).map(|_| Unit { value: (next() % 1000) as f64 / 100.0, min: 0, max: next() % 400 }).collect();
    let demand: u64 = units.iter().map(|u| u.max).sum();
    let mut groups = vec![Group {
        name: "ceiling".into(),
        members: (0..nr * ns).collect(),
        min: None,
        max: Some(demand / 3),
        hard: true,
    }];
    for r in 0..nr {
        let m: Vec<usize> = (0..ns).map(|s| r * ns + s).collect();
        let cap: u64 = m.iter().map(|&i| units[i].max).sum::<u64>() / 2;
        groups.push(Group { name: format!("region {r}"), members: m, min: None, max: Some(cap), hard: false });
    }
    for s in 0..ns {
        let m: Vec<usize> = (0..nr).map(|r| r * ns + s).collect();
        let total: u64 = m.iter().map(|&i| units[i].max).sum();
        groups.push(Group {
            name: format!("section {s}"),
            members: m,
            min: Some(total / 10),
            max: Some(total * 6 / 10),
            hard: false,
        });
    }
    let p = Problem { units, groups };
    let t = Instant::now();
    let sol = solve(&p).expect("feasible");
    let lp_secs = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let shares = [0.055, 0.259, 0.448, 0.238, 0.0];
    let rows: Vec<u64> = sol.seats.iter().copied().filter(|&s| s > 0).collect();
    let total: u64 = rows.iter().sum();
    let w: Vec<u128> = shares.iter().map(|s| (s * 1000.0) as u128).collect();
    let cols = apportion(&Request::new(&w, total, Method::Hamilton).ties(TieRule::LargerWeightThenOrder))
        .expect("category totals")
        .seats;
    let weights: Vec<Vec<f64>> = rows.iter().map(|_| shares.to_vec()).collect();
    let split = biproportional(&weights, &rows, &cols).expect("split");
    let split_secs = t.elapsed().as_secs_f64();
    let binding = sol.groups.iter().filter(|g| g.binding.is_some()).count();
    println!(
        "lp quota {nr} x {ns} cells (+ {nc} categories): LP + duals {lp_secs:.3} s, category split {split_secs:.3} s \
         ({} binding groups, integral vertex: {}, {:?})",
        binding, sol.integral_vertex, split.algorithm
    );

    // The same problem with the categories inside the LP: 2,100 variables, category caps as a
    // third family of groups (no longer totally unimodular, so the vertex may be fractional
    // and branch and bound takes over).
    let mut units = Vec::new();
    for u in &p.units {
        for (k, sh) in shares.iter().enumerate() {
            units.push(Unit { value: u.value + k as f64 * 0.01, min: 0, max: (u.max as f64 * sh).round() as u64 });
        }
    }
    let mut groups: Vec<Group> = p
        .groups
        .iter()
        .map(|g| Group {
            members: g.members.iter().flat_map(|&i| (0..nc).map(move |k| i * nc + k)).collect(),
            ..g.clone()
        })
        .collect();
    let cap = groups[0].max.unwrap_or(0);
    for (k, sh) in shares.iter().enumerate() {
        groups.push(Group {
            name: format!("category {k}"),
            members: (0..nr * ns).map(|i| i * nc + k).collect(),
            min: None,
            max: Some((cap as f64 * sh).round() as u64),
            hard: false,
        });
    }
    let p5 = Problem { units, groups };
    let t = Instant::now();
    let sol = solve(&p5).expect("feasible");
    println!(
        "lp quota {nr} x {ns} x {nc} = {} variables in one LP: {:.3} s (integral vertex: {})",
        p5.units.len(),
        t.elapsed().as_secs_f64(),
        sol.integral_vertex
    );
}
