//! One stable sort for the whole crate, compiled once.
//!
//! `slice::sort_by` is instantiated in full (driftsort: about 4 KB of wasm) for
//! every element type and comparator it is called with. The web page sorts
//! little and rarely, so the crate sorts through [`sort_by`] and [`sort_by_key`]
//! instead: a bottom-up merge sort of indices behind a `dyn` comparator (one
//! copy), then the items moved into that order by following the permutation's
//! cycles (a few swaps, the only code generated per element type). Both are
//! stable and O(n log n), so the result is exactly what `slice::sort_by` gives.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, as `slice::sort_by` does.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = {
        let items = &*items;
        stable_order(items.len(), &mut |a, b| compare(&items[a], &items[b]))
    };
    permute(order, &mut |a, b| items.swap(a, b));
}

/// Sorts `items` stably by `key`, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably in their natural order, as `slice::sort` does.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The stable sorted order of `len` items: position `k` of the result holds
/// the index of the item that belongs at `k`.
fn stable_order(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut merged = vec![0; len];
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right, mut out) = (start, middle, start);
            while left < middle && right < end {
                // Take from the right run only when strictly smaller: stable.
                if compare(order[right], order[left]) == Ordering::Less {
                    merged[out] = order[right];
                    right += 1;
                } else {
                    merged[out] = order[left];
                    left += 1;
                }
                out += 1;
            }
            merged[out..out + middle - left].copy_from_slice(&order[left..middle]);
            out += middle - left;
            merged[out..end].copy_from_slice(&order[right..end]);
            start = end;
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// Moves the items into `order` (item `order[k]` to position `k`) by swaps
/// along each cycle of the permutation: linear time, no copies of the items.
fn permute(mut order: Vec<usize>, swap: &mut dyn FnMut(usize, usize)) {
    for start in 0..order.len() {
        let mut position = start;
        loop {
            let next = order[position];
            order[position] = position;
            if next == start {
                break;
            }
            swap(position, next);
            position = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every arrangement of up to 7 items with repeated keys sorts exactly as
    /// the standard library's stable sort sorts it.
    #[test]
    fn sorts_every_small_arrangement_as_the_standard_stable_sort_does() {
        fn arrangements(len: usize, keys: u8) -> Vec<Vec<(u8, usize)>> {
            let mut all = vec![vec![]];
            for position in 0..len {
                all = all
                    .into_iter()
                    .flat_map(|prefix: Vec<(u8, usize)>| {
                        (0..keys).map(move |key| {
                            let mut next = prefix.clone();
                            next.push((key, position));
                            next
                        })
                    })
                    .collect();
            }
            all
        }
        for len in 0..=7 {
            for items in arrangements(len, 4) {
                let mut ours = items.clone();
                sort_by_key(&mut ours, |item| item.0);
                let mut theirs = items.clone();
                theirs.sort_by_key(|item| item.0);
                assert_eq!(ours, theirs, "{items:?}");
            }
        }
    }

    #[test]
    fn sorts_long_lists_of_strings() {
        let mut words: Vec<String> = (0..1000u32)
            .map(|n| format!("{}", n.wrapping_mul(2_654_435_761) % 977))
            .collect();
        let mut expected = words.clone();
        expected.sort();
        sort(&mut words);
        assert_eq!(words, expected);
        sort_by(&mut words, |a, b| b.cmp(a));
        expected.reverse();
        assert_eq!(words, expected);
    }
}
