//! The two queues of the quota method, which is sequential (one seat per step, 10^7 steps for a
//! large house) and so lives or dies by its queues.
//!
//! - [`RadixHeap`]: units waiting until their upper quota lets them take another seat, keyed by
//!   house size. Keys only grow, so a radix heap does in amortised `O(log C)` cheap bucket moves
//!   what a binary heap does with a sift through `log n` levels (Ahuja, Mehlhorn, Orlin and
//!   Tarjan, "Faster algorithms for the shortest path problem", JACM 37(2), 1990).
//! - [`PriorityHeap`]: eligible units by priority, a 4-ary max-heap of 16-byte entries (float
//!   key and unit) whose comparison is supplied by the caller, so exact tie-breaking can read the
//!   weights and seats without storing them in the heap.

use std::cmp::Ordering;

type Item = (f64, u32);

/// Radix heap of `(key, item)` with non-decreasing pops: every pushed key must be at least the
/// last popped key. Items are `(priority key, unit)` pairs.
pub(crate) struct RadixHeap {
    last: u64,
    len: usize,
    /// The smallest key when known, so that "nothing is due yet" costs one comparison.
    min_key: Option<u64>,
    buckets: [Vec<(u64, Item)>; 65],
}

impl RadixHeap {
    pub(crate) fn new() -> Self {
        RadixHeap { last: 0, len: 0, min_key: None, buckets: std::array::from_fn(|_| Vec::new()) }
    }

    fn bucket(&self, key: u64) -> usize {
        (64 - (key ^ self.last).leading_zeros()) as usize
    }

    pub(crate) fn push(&mut self, key: u64, item: Item) {
        debug_assert!(key >= self.last, "radix heap keys must not decrease");
        let b = self.bucket(key);
        self.buckets[b].push((key, item));
        if self.len == 0 {
            self.min_key = Some(key);
        } else if let Some(m) = self.min_key {
            self.min_key = Some(m.min(key));
        }
        self.len += 1;
    }

    /// Pops an item whose key is at most `limit` (the smallest key first), or `None` when the
    /// smallest key is above `limit`.
    pub(crate) fn pop_at_most(&mut self, limit: u64) -> Option<(u64, Item)> {
        if self.len == 0 {
            return None;
        }
        if self.min_key.is_some_and(|m| m > limit) {
            return None;
        }
        if self.buckets[0].is_empty() {
            let i = (1..65).find(|&i| !self.buckets[i].is_empty()).expect("len > 0");
            let min = self.buckets[i].iter().map(|e| e.0).min().expect("not empty");
            self.min_key = Some(min);
            if min > limit {
                return None;
            }
            self.last = min;
            let mut moved = std::mem::take(&mut self.buckets[i]);
            for e in &moved {
                let b = self.bucket(e.0);
                self.buckets[b].push(*e);
            }
            // Give the emptied bucket its capacity back.
            moved.clear();
            self.buckets[i] = moved;
        }
        self.len -= 1;
        let e = self.buckets[0].pop();
        if self.buckets[0].is_empty() {
            self.min_key = None;
        }
        e
    }
}

/// A 4-ary max-heap of `(approximate key, unit)` ordered by a caller-supplied comparison.
pub(crate) struct PriorityHeap {
    v: Vec<(f64, u32)>,
}

const D: usize = 4;

impl PriorityHeap {
    pub(crate) fn with_capacity(n: usize) -> Self {
        PriorityHeap { v: Vec::with_capacity(n) }
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.v.len()
    }

    pub(crate) fn top(&self) -> Option<(f64, u32)> {
        self.v.first().copied()
    }

    /// The root's children: the runner-up is among them.
    pub(crate) fn children_of_top(&self) -> &[(f64, u32)] {
        &self.v[1.min(self.v.len())..self.v.len().min(1 + D)]
    }

    pub(crate) fn push(&mut self, e: (f64, u32), cmp: &impl Fn(&(f64, u32), &(f64, u32)) -> Ordering) {
        self.v.push(e);
        let mut i = self.v.len() - 1;
        while i > 0 {
            let p = (i - 1) / D;
            if cmp(&self.v[i], &self.v[p]) != Ordering::Greater {
                break;
            }
            self.v.swap(i, p);
            i = p;
        }
    }

    pub(crate) fn pop(&mut self, cmp: &impl Fn(&(f64, u32), &(f64, u32)) -> Ordering) -> Option<(f64, u32)> {
        let last = self.v.pop()?;
        if self.v.is_empty() {
            return Some(last);
        }
        let top = std::mem::replace(&mut self.v[0], last);
        self.sift_down(cmp);
        Some(top)
    }

    fn sift_down(&mut self, cmp: &impl Fn(&(f64, u32), &(f64, u32)) -> Ordering) {
        let n = self.v.len();
        let mut i = 0;
        loop {
            let first = D * i + 1;
            if first >= n {
                break;
            }
            let mut best = first;
            for c in first + 1..(first + D).min(n) {
                if cmp(&self.v[c], &self.v[best]) == Ordering::Greater {
                    best = c;
                }
            }
            if cmp(&self.v[best], &self.v[i]) != Ordering::Greater {
                break;
            }
            self.v.swap(i, best);
            i = best;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{PriorityHeap, RadixHeap};

    #[test]
    fn priority_heap_sorts_with_its_comparison() {
        let keys = [5.0, 1.0, 9.0, 3.0, 9.0, 7.0, 2.0, 8.0, 0.5, 6.0, 4.0];
        // Ties on the key are broken by the smaller unit, as the caller's comparison says.
        let cmp = |a: &(f64, u32), b: &(f64, u32)| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1));
        let mut h = PriorityHeap::with_capacity(4);
        for (i, k) in keys.iter().enumerate() {
            h.push((*k, i as u32), &cmp);
        }
        assert_eq!(h.top(), Some((9.0, 2)));
        assert!(h.children_of_top().contains(&(9.0, 4)));
        assert_eq!(h.pop(&cmp), Some((9.0, 2)));
        let mut out = Vec::new();
        while let Some(e) = h.pop(&cmp) {
            out.push(e);
        }
        let units: Vec<u32> = out.iter().map(|e| e.1).collect();
        assert_eq!(units, vec![4, 7, 5, 9, 0, 10, 3, 6, 1, 8]);
        assert_eq!(h.len(), 0);
    }

    #[test]
    fn pops_in_key_order_up_to_the_limit() {
        let mut h = RadixHeap::new();
        for (k, i) in [(5u64, 0u32), (3, 1), (9, 2), (3, 3), (1_000_000, 4)] {
            h.push(k, (0.0, i));
        }
        assert_eq!(h.pop_at_most(2), None);
        let mut got = vec![h.pop_at_most(3).unwrap().0, h.pop_at_most(3).unwrap().0];
        assert_eq!(h.pop_at_most(4), None);
        h.push(4, (0.0, 5));
        got.push(h.pop_at_most(10).unwrap().0);
        got.push(h.pop_at_most(10).unwrap().0);
        got.push(h.pop_at_most(10).unwrap().0);
        assert_eq!(got, vec![3, 3, 4, 5, 9]);
        assert_eq!(h.pop_at_most(999_999), None);
        assert_eq!(h.pop_at_most(u64::MAX), Some((1_000_000, (0.0, 4))));
        assert_eq!(h.pop_at_most(u64::MAX), None);
    }
}
