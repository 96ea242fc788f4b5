//! Reference results from public sources, and properties.

use proptest::prelude::*;

use crate::biproportional::biproportional;
use crate::priority::priority;
use crate::quota::{quota_method_by_steps, quota_method_by_tokens};
use crate::*;
use std::cmp::Ordering;

fn run(w: &[u128], h: u64, m: Method) -> Vec<u64> {
    apportion(&Request::new(w, h, m)).unwrap_or_else(|e| panic!("{m:?} {h}: {e}")).seats
}

const WEBSTER: Method = Method::Webster { first_divisor: None };

#[test]
fn textbook_examples() {
    // wahlrecht.de (D'Hondt, Sainte-Laguë), de.wikipedia (Adams, Dean, Hill-Huntington),
    // as collected in the tests of the R package proporz (polettif/proporz).
    assert_eq!(run(&[4160, 3380, 2460], 10, Method::Jefferson), [4, 4, 2]);
    assert_eq!(run(&[4160, 3380, 2460], 10, WEBSTER), [4, 3, 3]);
    for m in [Method::Adams, Method::Dean, Method::HuntingtonHill] {
        assert_eq!(run(&[450, 350, 199, 1], 50, m), [22, 17, 10, 1], "{m:?}");
    }
    let v = [43, 33, 12, 8, 4];
    assert_eq!(run(&v, 10, Method::Adams), [4, 3, 1, 1, 1]);
    assert_eq!(run(&v, 10, Method::HuntingtonHill), [4, 3, 1, 1, 1]);
    assert_eq!(run(&v, 10, Method::Dean), [4, 3, 1, 1, 1]);
    assert_eq!(run(&v, 10, WEBSTER), [5, 3, 1, 1, 0]);
    assert_eq!(run(&v, 10, Method::Jefferson), [5, 4, 1, 0, 0]);
    assert_eq!(run(&[5200, 1700, 3100], 15, WEBSTER), [8, 2, 5]);
    // Hamilton / Hare-Niemeyer (de.wikipedia, en.wikipedia Largest remainder method).
    assert_eq!(run(&[216, 310, 22, 32], 60, Method::Hamilton), [23, 32, 2, 3]);
    assert_eq!(run(&[47000, 16000, 15800, 12000, 6100, 3100], 10, Method::Hamilton), [5, 2, 1, 1, 1, 0]);
    assert_eq!(run(&[720257, 323524, 257466, 213138, 144392, 88315], 31, Method::Hamilton), [13, 6, 5, 4, 2, 1]);
}

#[test]
fn us_house_2020_huntington_hill() {
    // U.S. Census Bureau, 2020 Census Apportionment Results, Table 1 (apportionment
    // population and number of representatives by state), states in alphabetical order.
    let pop: [u128; 50] = [
        5030053, 736081, 7158923, 3013756, 39576757, 5782171, 3608298, 990837, 21570527, 10725274, 1460137, 1841377,
        12822739, 6790280, 3192406, 2940865, 4509342, 4661468, 1363582, 6185278, 7033469, 10084442, 5709752, 2963914,
        6160281, 1085407, 1963333, 3108462, 1379089, 9294493, 2120220, 20215751, 10453948, 779702, 11808848, 3963516,
        4241500, 13011844, 1098163, 5124712, 887770, 6916897, 29183290, 3275252, 643503, 8654542, 7715946, 1795045,
        5897473, 577719,
    ];
    let seats: [u64; 50] = [
        7, 1, 9, 4, 52, 8, 5, 1, 28, 14, 2, 2, 17, 9, 4, 4, 6, 6, 2, 8, 9, 13, 8, 4, 8, 2, 3, 4, 2, 12, 3, 26, 14, 1,
        15, 5, 6, 17, 2, 7, 1, 9, 38, 4, 1, 11, 10, 2, 8, 1,
    ];
    assert_eq!(seats.iter().sum::<u64>(), 435);
    assert_eq!(run(&pop, 435, Method::HuntingtonHill), seats);
}

#[test]
fn spain_european_parliament_2019_dhondt() {
    // 2019 European Parliament election in Spain, single nationwide constituency, D'Hondt with
    // no threshold (Ministry of the Interior results as tabulated on Wikipedia): 54 seats as
    // elected, 59 after Brexit (31 Jan 2020). Parties below CEUS win no seat either way.
    let votes: [u128; 10] = [7369789, 4519205, 2731825, 2258857, 1393684, 1252139, 1018435, 633090, 296491, 295546];
    assert_eq!(run(&votes, 54, Method::Jefferson), [20, 12, 7, 6, 3, 3, 2, 1, 0, 0]);
    assert_eq!(run(&votes, 59, Method::Jefferson), [21, 13, 8, 6, 4, 3, 3, 1, 0, 0]);
}

#[test]
fn new_zealand_2020_sainte_lague() {
    // 2020 New Zealand general election: party votes of the parties entitled to list seats
    // (Labour, National, Green, ACT, Māori), Sainte-Laguë over 120 seats; official seats from
    // the Electoral Commission (6 Nov 2020): 65, 33, 10, 10, 2.
    let votes: [u128; 5] = [1443545, 738275, 226757, 219031, 33630];
    assert_eq!(run(&votes, 120, WEBSTER), [65, 33, 10, 10, 2]);
}

#[test]
fn modified_first_divisor_raises_the_bar_for_a_first_seat() {
    // Standard Sainte-Laguë: 100/1, 100/3 = 33.3, 25/1 -> [2, 1].
    assert_eq!(run(&[100, 25], 3, WEBSTER), [2, 1]);
    // With first divisor 1.4: 100/1.4 = 71.4, 100/3 = 33.3, 100/5 = 20 > 25/1.4 = 17.9 -> [3, 0].
    assert_eq!(run(&[100, 25], 3, Method::Webster { first_divisor: Some((7, 5)) }), [3, 0]);
}

#[test]
fn alabama_paradox_for_hamilton_only() {
    // The textbook example: C loses a seat when the house grows from 10 to 11.
    let w = [6, 6, 2];
    assert_eq!(run(&w, 10, Method::Hamilton), [4, 4, 2]);
    assert_eq!(run(&w, 11, Method::Hamilton), [5, 5, 1]);
    for m in [Method::Jefferson, WEBSTER, Method::HuntingtonHill, Method::Adams, Method::Dean, Method::Quota] {
        let a = apportion(&Request::new(&w, 10, m).ties(TieRule::LargerWeightThenOrder)).unwrap().seats;
        let b = apportion(&Request::new(&w, 11, m).ties(TieRule::LargerWeightThenOrder)).unwrap().seats;
        assert!(a.iter().zip(&b).all(|(x, y)| y >= x), "{m:?}: {a:?} -> {b:?}");
    }
}

#[test]
fn ties_are_errors_or_broken_and_reported() {
    let e = apportion(&Request::new(&[1, 1, 1, 1], 7, Method::Hamilton)).unwrap_err();
    assert!(matches!(e, ApportionError::Tie { ref units, seats: 3, .. } if units == &[0, 1, 2, 3]), "{e}");
    let o = apportion(&Request::new(&[1, 2, 1, 1], 7, Method::Hamilton).ties(TieRule::LargerWeightThenOrder)).unwrap();
    assert_eq!(o.seats.iter().sum::<u64>(), 7);
    let e = apportion(&Request::new(&[10, 10], 1, Method::Jefferson)).unwrap_err();
    assert!(matches!(e, ApportionError::Tie { .. }), "{e}");
    let o = apportion(&Request::new(&[10, 10], 1, Method::Jefferson).ties(TieRule::LargerWeightThenOrder)).unwrap();
    assert_eq!(o.seats, [1, 0]);
    assert_eq!(o.ties[0].units, [0, 1]);
    // A tie in the middle of the quota method (votes [720, 720, 120, 120], 8 seats: the first
    // seat is already contested), found at the house size where it happens.
    let e = apportion(&Request::new(&[720, 720, 120, 120], 8, Method::Quota)).unwrap_err();
    assert!(matches!(e, ApportionError::Tie { at_house: 1, .. }), "{e}");
    let o =
        apportion(&Request::new(&[720, 720, 120, 120], 8, Method::Quota).ties(TieRule::LargerWeightThenOrder)).unwrap();
    assert_eq!(o.seats.iter().sum::<u64>(), 8);
    assert!(o.ties.len() > 1, "ties reported at several house sizes: {:?}", o.ties);
}

#[test]
fn bounds_and_infeasibility() {
    let w = [1000, 10, 10];
    let o = apportion(&Request::new(&w, 20, Method::Jefferson).bounds(Some(&[0, 2, 3]), Some(&[12, 20, 20]))).unwrap();
    assert_eq!(o.seats[0], 12);
    assert!(o.seats[1] >= 2 && o.seats[2] >= 3);
    assert_eq!(o.seats.iter().sum::<u64>(), 20);
    let h = apportion(&Request::new(&w, 20, Method::Hamilton).bounds(Some(&[0, 2, 3]), Some(&[12, 20, 20]))).unwrap();
    assert_eq!(h.seats[0], 12);
    assert_eq!(h.seats.iter().sum::<u64>(), 20);
    let e = apportion(&Request::new(&w, 4, Method::Jefferson).bounds(Some(&[2, 2, 2]), None)).unwrap_err().to_string();
    assert!(e.contains("sum of minimums <= seats"), "{e}");
    let e =
        apportion(&Request::new(&w, 40, Method::Jefferson).bounds(None, Some(&[10, 10, 10]))).unwrap_err().to_string();
    assert!(e.contains("sum of maximums >= seats"), "{e}");
    let e = apportion(&Request::new(&[5, 4, 3], 2, Method::HuntingtonHill)).unwrap_err().to_string();
    assert!(e.contains("seats >= units with weight"), "{e}");
    assert!(apportion(&Request::new(&[0, 0], 1, Method::Hamilton)).is_err());
}

#[test]
fn huge_weights_are_exact() {
    // Weights near 1e30 force the arbitrary-precision path (squares overflow u128).
    let w: Vec<u128> = [3u128, 2, 2].iter().map(|x| x * 10u128.pow(30) + 7).collect();
    let o = apportion(&Request::new(&w, 7, Method::HuntingtonHill).ties(TieRule::LargerWeightThenOrder)).unwrap();
    assert_eq!(o.seats, [3, 2, 2]);
    // Decimal weights: quotas 12.5, 7.25, 0.25 -> floors 12, 7, 0; the last seat to the
    // largest remainder (0.5).
    let d = scale_decimals(&["12.5", "7.25", "0.25"]).unwrap();
    assert_eq!(run(&d, 20, Method::Hamilton), [13, 7, 0]);
}

/// The highest-averages procedure, seat by seat (reference for the jump-and-step code).
fn sequential(w: &[u128], h: u64, m: Method) -> Vec<u64> {
    let mut s = vec![0u64; w.len()];
    for _ in 0..h {
        let i = (0..w.len())
            .filter(|&i| w[i] > 0)
            .max_by(|&a, &b| {
                priority(m, w[a], s[a]).cmp(&priority(m, w[b], s[b])).then(w[a].cmp(&w[b])).then(b.cmp(&a))
            })
            .unwrap();
        s[i] += 1;
    }
    s
}

/// The quota method as Balinski and Young define it, seat by seat over every unit: the reference
/// for the queue-based code. Returns the seats and the house sizes at which a tie was broken.
fn quota_by_definition(w: &[u128], h: u64, min: &[u64], max: &[u64]) -> Option<(Vec<u64>, Vec<u64>)> {
    let total: u128 = w.iter().sum();
    let mut s = min.to_vec();
    let mut ties = Vec::new();
    for k in s.iter().sum::<u64>() + 1..=h {
        // Eligible: below the maximum and s + 1 <= ceil(w k / W), i.e. s W < w k.
        let eligible: Vec<usize> =
            (0..w.len()).filter(|&i| w[i] > 0 && s[i] < max[i] && (s[i] as u128) * total < w[i] * k as u128).collect();
        let best = *eligible.iter().max_by(|&&a, &&b| {
            priority(Method::Quota, w[a], s[a])
                .cmp(&priority(Method::Quota, w[b], s[b]))
                .then(w[a].cmp(&w[b]))
                .then(b.cmp(&a))
        })?;
        let top = priority(Method::Quota, w[best], s[best]);
        if eligible.iter().any(|&j| j != best && priority(Method::Quota, w[j], s[j]).cmp(&top) == Ordering::Equal) {
            ties.push(k);
        }
        s[best] += 1;
    }
    Some((s, ties))
}

#[test]
fn quota_method_is_path_dependent() {
    // Weights 124, 761, 341, 918 at 15 seats: the quota method (seat by seat, checked against
    // an independent Python implementation with exact fractions) gives [1, 5, 2, 7], while
    // D'Hondt capped at the upper quotas of house size 15 gives [0, 6, 2, 7]. So the quota
    // method has no one-shot divisor form, and its implementation has to go seat by seat.
    let w = [124u128, 761, 341, 918];
    assert_eq!(run(&w, 15, Method::Quota), [1, 5, 2, 7]);
    let upper: Vec<u64> = quotas(&w, 15).iter().map(|q| q.1).collect();
    let capped = apportion(&Request::new(&w, 15, Method::Jefferson).bounds(None, Some(&upper))).unwrap();
    assert_eq!(capped.seats, [0, 6, 2, 7]);
}

fn methods() -> impl Strategy<Value = Method> {
    prop_oneof![
        Just(Method::Hamilton),
        Just(Method::Jefferson),
        Just(WEBSTER),
        Just(Method::Webster { first_divisor: Some((7, 5)) }),
        Just(Method::HuntingtonHill),
        Just(Method::Adams),
        Just(Method::Dean),
        Just(Method::Quota),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn totals_exact(w in prop::collection::vec(0u128..1_000_000, 1..30), h in 0u64..500, m in methods()) {
        let positive = w.iter().filter(|x| **x > 0).count() as u64;
        prop_assume!(positive > 0 && (!m.gives_everyone_a_seat() || h >= positive));
        let o = apportion(&Request::new(&w, h, m).ties(TieRule::LargerWeightThenOrder)).unwrap();
        prop_assert_eq!(o.seats.iter().sum::<u64>(), h);
        for (s, x) in o.seats.iter().zip(&w) {
            prop_assert!(*x > 0 || *s == 0);
        }
    }

    /// The schedule form of the quota method (tokens in priority order, earliest free house
    /// size) gives what the seat-by-seat definition gives: seats, ties and their house sizes,
    /// errors; with minimums, maximums, zero weights and many exact ties (small weights).
    #[test]
    fn quota_method_schedule_equals_seat_by_seat(
        w in prop::collection::vec(prop_oneof![0u128..12, 1u128..1_000_000], 1..18),
        h in 0u64..300,
        mins in prop::collection::vec(0u64..3, 18),
        caps in prop::collection::vec(prop_oneof![3 => Just(u64::MAX), 1 => 0u64..40], 18),
        strict in any::<bool>(),
    ) {
        let n = w.len();
        let min: Vec<u64> = mins[..n].to_vec();
        let max: Vec<u64> = (0..n).map(|i| if w[i] == 0 { min[i] } else { caps[i].max(min[i]) }).collect();
        let total_max: u128 = max.iter().map(|&x| x as u128).sum();
        prop_assume!(min.iter().sum::<u64>() <= h && total_max >= h as u128 && w.iter().any(|x| *x > 0));
        let rule = if strict { TieRule::Error } else { TieRule::LargerWeightThenOrder };
        let req = Request::new(&w, h, Method::Quota).ties(rule);
        let steps = quota_method_by_steps(&req, &min, &max);
        if let Some(tokens) = quota_method_by_tokens(&req, &min, &max) {
            prop_assert_eq!(format!("{tokens:?}"), format!("{steps:?}"));
        }
    }

    #[test]
    fn quota_rule_for_hamilton_and_the_quota_method(w in prop::collection::vec(1u128..100_000, 1..25), h in 0u64..400) {
        let q = quotas(&w, h);
        for m in [Method::Hamilton, Method::Quota] {
            let o = apportion(&Request::new(&w, h, m).ties(TieRule::LargerWeightThenOrder)).unwrap();
            for (s, (lo, hi)) in o.seats.iter().zip(&q) {
                prop_assert!(s >= lo && s <= hi, "{:?}: {} outside [{}, {}]", m, s, lo, hi);
            }
        }
    }

    #[test]
    fn divisor_methods_are_house_monotone_and_match_the_sequential_procedure(
        w in prop::collection::vec(1u128..10_000, 1..12), h in 12u64..150,
        m in prop_oneof![Just(Method::Jefferson), Just(WEBSTER), Just(Method::HuntingtonHill), Just(Method::Adams), Just(Method::Dean), Just(Method::Quota)]
    ) {
        let a = apportion(&Request::new(&w, h, m).ties(TieRule::LargerWeightThenOrder)).unwrap().seats;
        let b = apportion(&Request::new(&w, h + 1, m).ties(TieRule::LargerWeightThenOrder)).unwrap().seats;
        prop_assert!(a.iter().zip(&b).all(|(x, y)| y >= x), "{:?}: {:?} -> {:?}", m, a, b);
        if m != Method::Quota {
            let plain = apportion(&Request::new(&w, h, m));
            if let Ok(o) = plain {
                prop_assert_eq!(o.seats, sequential(&w, h, m));
            }
        }
    }

    #[test]
    fn bounds_are_honoured(w in prop::collection::vec(1u128..10_000, 2..12), h in 0u64..200, m in methods(), seed in 0u64..1000) {
        let n = w.len();
        let min: Vec<u64> = (0..n).map(|i| (seed + i as u64 * 7) % 3).collect();
        let max: Vec<u64> = (0..n).map(|i| min[i] + 5 + ((seed + i as u64) % 40)).collect();
        let r = apportion(&Request::new(&w, h, m).bounds(Some(&min), Some(&max)).ties(TieRule::LargerWeightThenOrder));
        let smin: u64 = min.iter().sum();
        let smax: u64 = max.iter().sum();
        if h < smin || h > smax || (m.gives_everyone_a_seat() && h < n as u64) {
            prop_assert!(r.is_err());
        } else if let Ok(o) = r {
            prop_assert_eq!(o.seats.iter().sum::<u64>(), h);
            for i in 0..n {
                prop_assert!(o.seats[i] >= min[i] && o.seats[i] <= max[i]);
            }
        } else {
            // The quota method can be blocked by its upper quota under tight maximums.
            prop_assert!(m == Method::Quota, "{:?}", r);
        }
    }

    #[test]
    fn quota_method_matches_its_definition(
        w in prop::collection::vec(0u128..40, 1..15), h in 0u64..300, seed in 0u64..1000, bounded in any::<bool>()
    ) {
        // Small weights make equal priorities (ties) common.
        let n = w.len();
        prop_assume!(w.iter().any(|x| *x > 0));
        let (min, max): (Vec<u64>, Vec<u64>) = if bounded {
            ((0..n).map(|i| (seed + i as u64) % 2).collect(), (0..n).map(|i| 3 + (seed * 7 + i as u64) % 60).collect())
        } else {
            (vec![0; n], vec![u64::MAX; n])
        };
        prop_assume!(min.iter().sum::<u64>() <= h);
        let got = apportion(
            &Request::new(&w, h, Method::Quota).bounds(Some(&min), Some(&max)).ties(TieRule::LargerWeightThenOrder),
        );
        match quota_by_definition(&w, h, &min, &max) {
            Some((seats, ties)) => {
                let o = got.unwrap();
                prop_assert_eq!(o.seats, seats);
                prop_assert_eq!(o.ties.iter().map(|t| t.at_house).collect::<Vec<_>>(), ties);
            }
            None => prop_assert!(got.is_err()),
        }
    }

    #[test]
    fn biproportional_margins_exact(rows in 2usize..7, cols in 2usize..7, seed in 0u64..10_000) {
        let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
        let mut next = || { state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407); state >> 33 };
        let w: Vec<Vec<f64>> = (0..rows).map(|_| (0..cols).map(|_| (next() % 1000 + 1) as f64).collect()).collect();
        // Margins from a random integer matrix, so the instance is feasible.
        let x: Vec<Vec<u64>> = (0..rows).map(|_| (0..cols).map(|_| next() % 20).collect()).collect();
        let rt: Vec<u64> = x.iter().map(|r| r.iter().sum()).collect();
        let ct: Vec<u64> = (0..cols).map(|j| x.iter().map(|r| r[j]).sum()).collect();
        let b = biproportional(&w, &rt, &ct).unwrap();
        for (seats, &total) in b.seats.iter().zip(&rt).take(rows) {
            prop_assert_eq!(seats.iter().sum::<u64>(), total);
        }
        for j in 0..cols {
            prop_assert_eq!(b.seats.iter().map(|r| r[j]).sum::<u64>(), ct[j]);
        }
    }
}

/// The quota method through `apportion` (the schedule form where it applies, the seat-by-seat
/// definition where it does not) equals the definition: many units and seats, many equal
/// weights (groups of equal priority too large for the schedule form), weights above 2^53.
#[test]
fn quota_method_paths_agree_beyond_the_property_test_sizes() {
    let mut state = 0x2545F4914F6CDD1Du64;
    let mut rnd = |m: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % m
    };
    let medium: Vec<u128> = (0..2_000).map(|_| 1 + rnd(5_000) as u128).collect();
    let equal = vec![7u128; 200];
    let huge: Vec<u128> = (0..50).map(|_| (1u128 << 60) + rnd(1 << 40) as u128).collect();
    for (w, h) in [(&medium, 200_000u64), (&equal, 1_001), (&huge, 5_000)] {
        let fast = apportion(&Request::new(w, h, Method::Quota).ties(TieRule::LargerWeightThenOrder)).unwrap();
        let def = quota_method_seat_by_seat(w, h, TieRule::LargerWeightThenOrder).unwrap();
        assert_eq!(fast, def, "{} units, {h} seats", w.len());
        assert_eq!(fast.seats.iter().sum::<u64>(), h);
    }
}

#[test]
fn hamilton_minimums_under_both_conventions() {
    // Quotas at 11 seats: 6.875, 2.75, 0.9625, 0.4125; floors 6, 2, 0, 0 leave 3 seats.
    let w = [50u128, 20, 7, 3];
    let run = |min: u64, rule: MinRule| {
        let m = vec![min; 4];
        apportion(&Request::new(&w, 11, Method::Hamilton).bounds(Some(&m), None).min_rule(rule))
    };
    // Minimum 1. Minimum-first: the largest remainders (C, A, B) leave D at 0, so D is given its
    // minimum and 10 seats go over A, B, C (6.49, 2.60, 0.91): 6, 3, 1, 1.
    assert_eq!(run(1, MinRule::MinimumFirst).unwrap().seats, vec![6, 3, 1, 1]);
    // Raise-from-pool (US House): C and D are raised from 0 to 1 out of the pool of 3; the last
    // seat goes by largest remainder among A and B (A 0.875): 7, 2, 1, 1.
    assert_eq!(run(1, MinRule::RaiseFromPool).unwrap().seats, vec![7, 2, 1, 1]);
    // Minimum 2. Minimum-first fixes C and D at 2 and apportions 7 over A and B: 5, 2, 2, 2.
    assert_eq!(run(2, MinRule::MinimumFirst).unwrap().seats, vec![5, 2, 2, 2]);
    // Raise-from-pool needs 2 + 2 = 4 seats from a pool of 3: infeasible, and the error says so.
    match run(2, MinRule::RaiseFromPool) {
        Err(ApportionError::Infeasible { constraint, why }) => {
            let message = why.to_string();
            assert!(
                constraint.contains("raise-from-pool") && message.contains("needs 4") && message.contains("leave 3")
            )
        }
        other => panic!("{other:?}"),
    }
    // Without minimums the two conventions agree.
    for rule in [MinRule::MinimumFirst, MinRule::RaiseFromPool] {
        let out = apportion(&Request::new(&w, 11, Method::Hamilton).min_rule(rule)).unwrap();
        assert_eq!(out.seats, vec![7, 3, 1, 0]);
    }
    assert_eq!(MinRule::parse("us-house").unwrap(), MinRule::RaiseFromPool);
    assert!(MinRule::parse("other").unwrap_err().contains("minimum-first or raise-from-pool"));
}
