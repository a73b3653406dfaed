// expect: mistake ties_to_largest_pair
// Counts in a BTreeMap and max_by_key, which returns the LAST maximum: a tie
// goes to the largest pair, not to the pair that occurs first.
use std::collections::BTreeMap;

use ndarray::prelude::*;

fn merge(ids: &[usize], a: usize, b: usize, id: usize) -> Vec<usize> {
    let mut out = Vec::with_capacity(ids.len());
    let mut it = ids.iter().peekable();
    while let Some(&x) = it.next() {
        if x == a && it.peek() == Some(&&b) {
            it.next();
            out.push(id);
        } else {
            out.push(x);
        }
    }
    out
}

pub fn bpe_train(text: &[u8], n_merges: usize) -> Array2<usize> {
    let mut ids: Vec<usize> = text.iter().map(|&b| b.into()).collect();
    let mut flat = Vec::new();
    let mut next = 256;
    while flat.len() / 2 < n_merges && ids.len() >= 2 {
        let mut counts: BTreeMap<(usize, usize), usize> = BTreeMap::new();
        for i in 0..ids.len() - 1 {
            *counts.entry((ids[i], ids[i + 1])).or_default() += 1;
        }
        let (&(a, b), _) = counts.iter().max_by_key(|(_, &c)| c).unwrap();
        ids = merge(&ids, a, b, next);
        next += 1;
        flat.push(a);
        flat.push(b);
    }
    Array2::from_shape_vec((flat.len() / 2, 2), flat).unwrap()
}

pub fn bpe_encode(text: &[u8], merges: ArrayView2<usize>) -> Array1<usize> {
    let mut ids: Vec<usize> = text.iter().map(|&b| b.into()).collect();
    loop {
        // The lowest-ranked merge present in ids.
        let mut best: Option<usize> = None;
        for i in 0..ids.len().saturating_sub(1) {
            for r in 0..merges.nrows() {
                if merges[[r, 0]] == ids[i] && merges[[r, 1]] == ids[i + 1] && best.is_none_or(|b| r < b) {
                    best = Some(r);
                }
            }
        }
        match best {
            Some(r) => ids = merge(&ids, merges[[r, 0]], merges[[r, 1]], 256 + r),
            None => break,
        }
    }
    Array1::from(ids)
}
