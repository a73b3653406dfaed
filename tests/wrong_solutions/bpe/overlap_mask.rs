// expect: mistake overlapping_replacement
// Matches marked in a mask first, then the ids rebuilt from it: every
// matching window becomes a token, so "aaa" gives two.
use std::collections::HashMap;

use ndarray::prelude::*;

fn replace(ids: &[usize], pair: (usize, usize), new_id: usize) -> Vec<usize> {
    let n = ids.len();
    let hit: Vec<bool> = (0..n).map(|i| i + 1 < n && ids[i] == pair.0 && ids[i + 1] == pair.1).collect();
    let mut out = Vec::new();
    for i in 0..n {
        if hit[i] {
            out.push(new_id);
        } else if i > 0 && hit[i - 1] {
            // second half of a merged pair
        } else {
            out.push(ids[i]);
        }
    }
    out
}

pub fn bpe_train(text: &[u8], n_merges: usize) -> Array2<usize> {
    let mut ids: Vec<usize> = text.iter().map(|&b| b as usize).collect();
    let mut merges = Array2::<usize>::zeros((0, 2));
    for round in 0..n_merges {
        if ids.len() < 2 {
            break;
        }
        let mut counts: HashMap<(usize, usize), usize> = HashMap::new();
        let mut seen: Vec<(usize, usize)> = Vec::new();
        for w in ids.windows(2) {
            let c = counts.entry((w[0], w[1])).or_insert(0);
            if *c == 0 {
                seen.push((w[0], w[1]));
            }
            *c += 1;
        }
        let mut best = seen[0];
        for &p in &seen {
            if counts[&p] > counts[&best] {
                best = p;
            }
        }
        ids = replace(&ids, best, 256 + round);
        merges.push_row(ArrayView1::from(&[best.0, best.1])).unwrap();
    }
    merges
}

pub fn bpe_encode(text: &[u8], merges: ArrayView2<usize>) -> Array1<usize> {
    // The merges in rank order, each applied everywhere.
    let mut ids: Vec<usize> = text.iter().map(|&b| b as usize).collect();
    for (rank, row) in merges.outer_iter().enumerate() {
        ids = replace(&ids, (row[0], row[1]), 256 + rank);
    }
    Array1::from(ids)
}
