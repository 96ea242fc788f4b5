//! The quota method of Balinski and Young (1975): as a schedule of seat tokens (fast) and seat by
//! seat (the definition), checked against each other.

use std::cmp::Ordering;

use crate::exact::{cmp_products, floor_mul_div, mul_div_rem};
use crate::queues;
use crate::{ApportionError, Method, Outcome, Request, Result, Tie, TieRule};

/// Balinski and Young's quota method: house sizes 1, 2, ..., H; at each step the seat goes to
/// the unit with the highest Jefferson priority `w / (s + 1)` among those for which `s + 1` does
/// not exceed the upper quota `ceil(w (k + 1) / W)` at the new house size `k + 1`. Units at
/// their minimum are filled first; maximums exclude units. Ties are checked at every step.
pub(crate) fn quota_method(req: &Request<'_>, min: &[u64], max: &[u64]) -> Result<Outcome> {
    match quota_method_by_tokens(req, min, max) {
        Some(r) => r,
        None => quota_method_by_steps(req, min, max),
    }
}

/// The quota method as a schedule (same result as [`quota_method_by_steps`], tested against it).
///
/// Unit i's seat j is a *token* with priority `w_i / j` that may be taken from house size
/// `r = floor((j - 1) W / w_i) + 1` on (its upper quota allows it from there). The method gives
/// each house size the best token released by then: a list schedule of unit jobs with release
/// times. Such a schedule is also obtained by taking the tokens in priority order and putting
/// each into the earliest free house size at or after its release (a higher-priority token never
/// depends on a lower one, and a token runs at the first free time it is released). That needs
/// the tokens sorted once, not a priority queue per seat: they are bucketed by their key
/// `j / w` in floating point (monotone in the exact value, as weights and seat numbers are exact
/// in an f64; the keys are evenly spread, so buckets hold a few tokens), a cache-sized chunk of
/// buckets at a time, each bucket sorted exactly, and the free house sizes found with a
/// union-find.
/// Returns `None` (use the step-by-step method) where this form is not exact or not worth it:
/// weights above 2^53, more than 2^31 seats, or groups of more than 64 exactly equal priorities.
pub(crate) fn quota_method_by_tokens(req: &Request<'_>, min: &[u64], max: &[u64]) -> Option<Result<Outcome>> {
    let mut sched = match TokenSchedule::new(req, min, max)? {
        Ok(s) => s,
        Err(done) => return Some(done),
    };
    let mut b0 = 0usize;
    while b0 < sched.n_buckets && sched.filled < sched.slots {
        let b1 = (b0 + sched.chunk_buckets).min(sched.n_buckets);
        sched.gather_chunk(b0, b1);
        let nb = b1 - b0;
        for b in 0..nb {
            let (lo, hi) = (sched.offsets[b] as usize, sched.offsets[b + 1] as usize);
            sched.sort_bucket(lo, hi);
            let mut k = lo;
            while k < hi {
                // A group of tokens of exactly equal priority (usually one).
                let mut e = k + 1;
                while e < hi && sched.same(&sched.tokens[k], &sched.tokens[e]) {
                    e += 1;
                }
                if e - k > 64 {
                    return None;
                }
                sched.schedule_group(k, e);
                k = e;
            }
        }
        b0 = b1;
    }
    Some(sched.finish())
}

/// A token: seat `j` of `unit`, with key `x = j / w` (the inverse of its priority).
#[derive(Clone, Copy)]
struct Token {
    x: f64,
    unit: u32,
    j: u32,
}

/// The working state of [`quota_method_by_tokens`].
struct TokenSchedule<'r> {
    req: &'r Request<'r>,
    total: u128,
    total64: u64,
    /// House size of the minimums; slot k is house size `start + 1 + k`.
    start: u64,
    slots: u64,
    /// Last token (seat number) of each unit.
    last: Vec<u64>,
    seats: Vec<u64>,
    n_buckets: usize,
    chunk_buckets: usize,
    scale: f64,
    /// Next seat number to generate per unit.
    cursor: Vec<u64>,
    raw: Vec<Token>,
    tokens: Vec<Token>,
    offsets: Vec<u32>,
    fill: Vec<u32>,
    /// next[k]: a free slot at or after slot k (slots == none).
    next: Vec<u32>,
    filled: u64,
    frontier: u32,
    ties: Vec<Tie>,
    group: Vec<(u32, u64, Option<u64>)>,
}

impl<'r> TokenSchedule<'r> {
    /// The schedule's state, `Err(outcome)` when nothing is to be scheduled, `None` where this
    /// form is not exact (see [`quota_method_by_tokens`]).
    fn new(req: &'r Request<'r>, min: &[u64], max: &[u64]) -> Option<std::result::Result<Self, Result<Outcome>>> {
        let n = req.weights.len();
        let total: u128 = req.weights.iter().sum();
        let h = req.seats;
        let start: u64 = min.iter().sum();
        if total == 0 || h > (1 << 31) || n > (1 << 31) || req.weights.iter().any(|&w| w > (1 << 53)) {
            return None;
        }
        // Tokens of unit i: seats min_i + 1 ..= min(max_i, upper quota at h) (later seats are
        // not released by house size h).
        let last_token = |i: usize| -> u64 {
            let w = req.weights[i];
            if w == 0 {
                return min[i];
            }
            let (q, r) = mul_div_rem(h as u128, w, total);
            let upper = (q + u128::from(r > 0)).min(u64::MAX as u128) as u64;
            upper.min(max[i]).max(min[i])
        };
        let last: Vec<u64> = (0..n).map(last_token).collect();
        let n_tokens: u64 = (0..n).map(|i| last[i] - min[i]).sum();
        // A token's key is the inverse of its priority, x = j / w (correctly rounded, so
        // monotone in the exact value): tokens are spread evenly in x (about W x of them have a
        // key below x), so equal-width buckets in x hold a few tokens each.
        let mut x_max = 0f64;
        for i in 0..n {
            if last[i] > min[i] {
                x_max = x_max.max(last[i] as f64 / req.weights[i] as f64);
            }
        }
        let seats: Vec<u64> = min.to_vec();
        let slots = h - start;
        if n_tokens == 0 {
            return (slots == 0).then(|| Err(Ok(Outcome { seats, ties: Vec::new() })));
        }
        let n_buckets = n_tokens.clamp(1, 1 << 24) as usize;
        // The buckets are handled a chunk at a time (about 2^17 tokens, which stay in cache).
        let per_chunk = 1usize << 17;
        let chunk_buckets = per_chunk.min(n_buckets);
        Some(Ok(TokenSchedule {
            req,
            total,
            total64: u64::try_from(total).unwrap_or(u64::MAX),
            start,
            slots,
            last,
            seats,
            n_buckets,
            chunk_buckets,
            scale: (n_buckets - 1) as f64 / x_max,
            cursor: (0..n).map(|i| min[i] + 1).collect(),
            raw: Vec::with_capacity(2 * per_chunk),
            tokens: Vec::with_capacity(2 * per_chunk),
            offsets: vec![0u32; chunk_buckets + 1],
            fill: vec![0u32; chunk_buckets + 1],
            next: (0..=slots as u32).collect(),
            filled: 0,
            frontier: 0,
            ties: Vec::new(),
            group: Vec::new(),
        }))
    }

    fn bucket_of(&self, x: f64) -> usize {
        ((x * self.scale) as usize).min(self.n_buckets - 1)
    }

    fn w(&self, t: &Token) -> u128 {
        self.req.weights[t.unit as usize]
    }

    /// Exact comparison of the keys j_a / w_a and j_b / w_b: the products fit in a u128
    /// (weights below 2^53, seat numbers below 2^32); differing floats already order as the
    /// exact values.
    fn exact(&self, a: &Token, b: &Token) -> Ordering {
        if a.x != b.x {
            return a.x.partial_cmp(&b.x).unwrap_or(Ordering::Equal);
        }
        (a.j as u128 * self.w(b)).cmp(&(b.j as u128 * self.w(a)))
    }

    /// The order of the step-by-step method: higher priority (smaller key), then larger
    /// weight, then the earlier unit.
    fn order(&self, a: &Token, b: &Token) -> Ordering {
        self.exact(a, b).then_with(|| self.w(b).cmp(&self.w(a))).then_with(|| a.unit.cmp(&b.unit))
    }

    fn same(&self, a: &Token, b: &Token) -> bool {
        self.exact(a, b) == Ordering::Equal
    }

    /// Release (first house size) of a token: floor((j - 1) W / w) + 1.
    fn release(&self, t: &Token) -> u64 {
        if let Some(a) = ((t.j - 1) as u64).checked_mul(self.total64) {
            return a / self.w(t) as u64 + 1;
        }
        (mul_div_rem((t.j - 1) as u128, self.total, self.w(t)).0 + 1).min(u64::MAX as u128) as u64
    }

    fn find(&mut self, mut k: u32) -> u32 {
        let next = &mut self.next;
        while next[k as usize] != k {
            let up = next[next[k as usize] as usize];
            next[k as usize] = up;
            k = up;
        }
        k
    }

    /// Generates each unit's tokens of buckets `b0..b1` from its cursor, counts them into the
    /// chunk's buckets and places them in bucket order (`tokens`, `offsets`).
    fn gather_chunk(&mut self, b0: usize, b1: usize) {
        self.raw.clear();
        for i in 0..self.cursor.len() {
            let mut j = self.cursor[i];
            while j <= self.last[i] {
                let x = j as f64 / self.req.weights[i] as f64;
                if self.bucket_of(x) >= b1 {
                    break;
                }
                self.raw.push(Token { x, unit: i as u32, j: j as u32 });
                j += 1;
            }
            self.cursor[i] = j;
        }
        let nb = b1 - b0;
        self.offsets[..=nb].fill(0);
        for k in 0..self.raw.len() {
            let b = self.bucket_of(self.raw[k].x) - b0 + 1;
            self.offsets[b] += 1;
        }
        for b in 0..nb {
            self.offsets[b + 1] += self.offsets[b];
        }
        self.fill[..=nb].copy_from_slice(&self.offsets[..=nb]);
        self.tokens.clear();
        self.tokens.resize(self.raw.len(), Token { x: 0.0, unit: 0, j: 0 });
        for k in 0..self.raw.len() {
            let t = self.raw[k];
            let b = self.bucket_of(t.x) - b0;
            self.tokens[self.fill[b] as usize] = t;
            self.fill[b] += 1;
        }
    }

    /// Buckets hold one or two tokens on average: insertion sort.
    fn sort_bucket(&mut self, lo: usize, hi: usize) {
        for k in lo + 1..hi {
            let mut m = k;
            while m > lo && self.order(&self.tokens[m - 1], &self.tokens[m]) == Ordering::Greater {
                self.tokens.swap(m - 1, m);
                m -= 1;
            }
        }
    }

    /// Places the tokens `k..e` (exactly equal priority) each into the earliest free house
    /// size at or after its release, and records a tie among them.
    fn schedule_group(&mut self, k: usize, e: usize) {
        self.group.clear();
        let alone = e - k == 1;
        for idx in k..e {
            let t = self.tokens[idx];
            // Every slot before `frontier` is taken: a token released by then (most are) starts
            // its search there; that needs two products, not the division of `release` (whose
            // exact value only a tie needs).
            let at_frontier = self.start + 1 + self.frontier as u64;
            let released =
                match (((t.j - 1) as u64).checked_mul(self.total64), at_frontier.checked_mul(self.w(&t) as u64)) {
                    (Some(a), Some(b)) => a < b,
                    _ => false,
                };
            let r = if released && alone { at_frontier } else { self.release(&t) };
            let first = (r.saturating_sub(self.start + 1).min(self.slots) as u32).max(self.frontier);
            let slot = self.find(first);
            let house = if (slot as u64) < self.slots {
                self.next[slot as usize] = slot + 1;
                if slot == self.frontier {
                    self.frontier = self.find(self.frontier);
                }
                self.filled += 1;
                self.seats[t.unit as usize] += 1;
                Some(self.start + 1 + slot as u64)
            } else {
                None
            };
            self.group.push((t.unit, r, house));
        }
        // A tie: at the house size where a token of the group was taken, another of the group
        // was released and still waiting.
        if self.group.len() > 1 {
            for (a, _, house_a) in &self.group {
                let Some(ha) = *house_a else { continue };
                let mut units: Vec<usize> = self
                    .group
                    .iter()
                    .filter(|(o, r, ho)| o != a && *r <= ha && ho.is_none_or(|x| x > ha))
                    .map(|(o, _, _)| *o as usize)
                    .collect();
                if !units.is_empty() {
                    units.push(*a as usize);
                    units.sort_unstable();
                    self.ties.push(Tie { units, seats: 1, at_house: ha });
                }
            }
        }
    }

    /// The outcome: the seats, or the error the seat-by-seat method stops with first (a tie it
    /// may not break, or no token to take).
    fn finish(mut self) -> Result<Outcome> {
        self.ties.sort_by_key(|t| t.at_house);
        let empty = (self.filled < self.slots).then(|| self.start + 1 + self.find(0) as u64);
        if let (TieRule::Error, Some(t)) = (self.req.ties, self.ties.first())
            && empty.is_none_or(|e| t.at_house < e)
        {
            return Err(ApportionError::Tie { units: t.units.clone(), seats: 1, at_house: t.at_house });
        }
        if let Some(e) = empty {
            return Err(ApportionError::Infeasible {
                constraint: "upper quota",
                why: crate::Infeasibility::UpperQuota { house: e },
            });
        }
        Ok(Outcome { seats: self.seats, ties: self.ties })
    }
}

/// The quota method computed seat by seat, without minimums or maximums: the definition, kept
/// public so that benchmarks can check the fast form against it at full size.
pub fn quota_method_seat_by_seat(weights: &[u128], seats: u64, ties: TieRule) -> Result<Outcome> {
    let n = weights.len();
    let max: Vec<u64> = weights.iter().map(|&w| if w == 0 { 0 } else { u64::MAX }).collect();
    quota_method_by_steps(&Request::new(weights, seats, Method::Quota).ties(ties), &vec![0; n], &max)
}

/// The quota method seat by seat (the definition; used where the schedule form does not apply).
pub(crate) fn quota_method_by_steps(req: &Request<'_>, min: &[u64], max: &[u64]) -> Result<Outcome> {
    let n = req.weights.len();
    let total: u128 = req.weights.iter().sum();
    // One record per unit, so that the winner of a step costs one cache miss, not three.
    #[derive(Clone, Copy)]
    struct Unit {
        w: u128,
        s: u64,
        max: u64,
    }
    let mut units: Vec<Unit> = (0..n).map(|i| Unit { w: req.weights[i], s: min[i], max: max[i] }).collect();
    let start: u64 = min.iter().sum();
    // Unit i may take seat s + 1 at house size k + 1 when s + 1 <= ceil(w (k + 1) / W), i.e.
    // s W < w (k + 1). It becomes eligible from house floor(s W / w) + 1.
    let eligible_from = |u: &Unit| -> u64 { (floor_mul_div(u.s as u128, total, u.w) + 1).min(u64::MAX as u128) as u64 };
    // Priority order: Jefferson priority w / (s + 1), exactly (floats decide only when clearly
    // apart), then larger weight, then earlier unit. Entries carry the float key so that most
    // comparisons read no unit record.
    let prio_cmp = |a: &(f64, u32), b: &(f64, u32), units: &[Unit]| -> Ordering {
        if (a.0 - b.0).abs() > 1e-9 * a.0.max(b.0) {
            return a.0.partial_cmp(&b.0).unwrap_or(Ordering::Equal);
        }
        let (x, y) = (&units[a.1 as usize], &units[b.1 as usize]);
        cmp_products(&[x.w, y.s as u128 + 1], &[y.w, x.s as u128 + 1])
    };
    let full_cmp = |a: &(f64, u32), b: &(f64, u32), units: &[Unit]| -> Ordering {
        prio_cmp(a, b, units)
            .then_with(|| units[a.1 as usize].w.cmp(&units[b.1 as usize].w))
            .then_with(|| b.1.cmp(&a.1))
    };
    let key = |u: &Unit, i: u32| (u.w as f64 / (u.s as f64 + 1.0), i);
    let mut ready = queues::PriorityHeap::with_capacity(n);
    // Waiting units by the house size from which they are eligible, with their priority key
    // (a waiting unit's seats do not change).
    let mut waiting = queues::RadixHeap::new();
    for (i, u) in units.iter().enumerate() {
        if u.s < u.max && u.w > 0 {
            waiting.push(eligible_from(u), key(u, i as u32));
        }
    }
    let mut ties = Vec::new();
    let mut house = start;
    // Entries not (yet) in the heap: this step's arrivals from the waiting queue and the last
    // winner if it may take another seat at once. About half of the steps are won by one of
    // them (a large unit whose upper quota has just let it in), without touching the heap.
    let mut pending: Vec<(f64, u32)> = Vec::new();
    while house < req.seats {
        let next = house + 1;
        let cmp = |a: &(f64, u32), b: &(f64, u32)| full_cmp(a, b, &units);
        while let Some((_, e)) = waiting.pop_at_most(next) {
            pending.push(e);
        }
        // The best pending entry, if it beats the heap's top.
        let best = (0..pending.len()).max_by(|&a, &b| cmp(&pending[a], &pending[b]));
        let from_pending = match (best, ready.top()) {
            (Some(b), Some(t)) => (cmp(&pending[b], &t) == Ordering::Greater).then_some(b),
            (Some(b), None) => Some(b),
            (None, _) => None,
        };
        let winner = match from_pending {
            Some(b) => pending.swap_remove(b),
            None => match ready.top() {
                Some(t) => t,
                None => {
                    return Err(ApportionError::Infeasible {
                        constraint: "upper quota",
                        why: crate::Infeasibility::UpperQuota { house: next },
                    });
                }
            },
        };
        // Mid-process tie: another eligible unit with the winner's priority (the runner-up is
        // pending, the heap's top, or a child of the top).
        let same = |o: &(f64, u32)| o.1 != winner.1 && prio_cmp(o, &winner, &units) == Ordering::Equal;
        let tied = pending.iter().any(same)
            || ready.top().is_some_and(|t| same(&t))
            || (from_pending.is_none() && ready.children_of_top().iter().any(same));
        for e in pending.drain(..) {
            ready.push(e, &cmp);
        }
        if tied {
            let mut tied_units = vec![winner.1 as usize];
            let mut buf = Vec::new();
            if from_pending.is_none() {
                buf.push(ready.pop(&cmp).expect("winner is the top"));
            }
            while let Some(o) = ready.top() {
                if prio_cmp(&o, &winner, &units) != Ordering::Equal {
                    break;
                }
                tied_units.push(o.1 as usize);
                buf.push(ready.pop(&cmp).expect("top exists"));
            }
            for e in buf {
                ready.push(e, &cmp);
            }
            tied_units.sort_unstable();
            match req.ties {
                TieRule::Error => return Err(ApportionError::Tie { units: tied_units, seats: 1, at_house: next }),
                TieRule::LargerWeightThenOrder => ties.push(Tie { units: tied_units, seats: 1, at_house: next }),
            }
        }
        if from_pending.is_none() {
            ready.pop(&cmp);
        }
        // The winner takes the seat; it stays a candidate when its upper quota allows another
        // seat at the next house size, and waits otherwise.
        house = next;
        let unit = winner.1;
        let u = &mut units[unit as usize];
        u.s += 1;
        if u.s >= u.max {
            continue;
        }
        // Eligible at house + 1 when s W < w (house + 1); the division that finds the first
        // eligible house is done only when it is not.
        let eligible_next = match (u.s as u128).checked_mul(total).zip(u.w.checked_mul(house as u128 + 1)) {
            Some((a, b)) => a < b,
            None => eligible_from(u) <= house + 1,
        };
        if eligible_next {
            pending.push(key(u, unit));
        } else {
            let from = eligible_from(u);
            waiting.push(from, key(u, unit));
        }
    }
    let seats = units.iter().map(|u| u.s).collect();
    Ok(Outcome { seats, ties })
}
