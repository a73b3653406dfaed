use std::collections::BTreeMap;

use ndarray::prelude::*;

/// Counts in a BTreeMap with the first position found by a search,
/// merging by a two-pointer rewrite of the ids in place, and encoding by
/// applying the merges in rank order (the same thing: a merge's pair only
/// holds ids made before it).
pub fn bpe_train(text: &[u8], n_merges: usize) -> Array2<usize> {
    let mut ids: Vec<usize> = text.iter().map(|&b| b as usize).collect();
    let mut merges = Array2::<usize>::zeros((0, 2));
    for round in 0..n_merges {
        if ids.len() < 2 {
            break;
        }
        let mut counts: BTreeMap<(usize, usize), usize> = BTreeMap::new();
        for w in ids.windows(2) {
            *counts.entry((w[0], w[1])).or_default() += 1;
        }
        let top = *counts.values().max().unwrap();
        let first = |p: &(usize, usize)| ids.windows(2).position(|w| (w[0], w[1]) == *p).unwrap();
        let pair = counts
            .iter()
            .filter(|(_, &c)| c == top)
            .map(|(p, _)| *p)
            .min_by_key(|p| first(p))
            .unwrap();
        replace_in_place(&mut ids, pair, 256 + round);
        merges.push_row(ArrayView1::from(&[pair.0, pair.1])).unwrap();
    }
    merges
}

pub fn bpe_encode(text: &[u8], merges: ArrayView2<usize>) -> Array1<usize> {
    let mut ids: Vec<usize> = text.iter().map(|&b| b as usize).collect();
    for (rank, m) in merges.rows().into_iter().enumerate() {
        replace_in_place(&mut ids, (m[0], m[1]), 256 + rank);
    }
    Array1::from(ids)
}

fn replace_in_place(ids: &mut Vec<usize>, pair: (usize, usize), new_id: usize) {
    let (mut read, mut write) = (0, 0);
    while read < ids.len() {
        if read + 1 < ids.len() && ids[read] == pair.0 && ids[read + 1] == pair.1 {
            ids[write] = new_id;
            read += 2;
        } else {
            ids[write] = ids[read];
            read += 1;
        }
        write += 1;
    }
    ids.truncate(write);
}
