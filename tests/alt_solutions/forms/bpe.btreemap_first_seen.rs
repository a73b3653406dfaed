// A correct solution in another form: a BTreeMap of (count, first position), max_by; a HashMap of ranks.
use ndarray::prelude::*;
use std::collections::{BTreeMap, HashMap};

fn merge(ids: &[usize], pair: (usize, usize), id: usize) -> Vec<usize> {
    let mut out = Vec::with_capacity(ids.len());
    let mut i = 0;
    while i < ids.len() {
        if i + 1 < ids.len() && (ids[i], ids[i + 1]) == pair {
            out.push(id);
            i += 2;
        } else {
            out.push(ids[i]);
            i += 1;
        }
    }
    out
}

pub fn bpe_train(text: &[u8], n_merges: usize) -> Array2<usize> {
    let mut ids: Vec<usize> = text.iter().map(|&b| b as usize).collect();
    let mut merges: Vec<usize> = vec![];
    for r in 0..n_merges {
        if ids.len() < 2 { break; }
        // count, remembering the first position of each pair
        let mut counts: BTreeMap<(usize, usize), (usize, usize)> = BTreeMap::new();
        for (pos, w) in ids.windows(2).enumerate() {
            let e = counts.entry((w[0], w[1])).or_insert((0, pos));
            e.0 += 1;
        }
        let (&pair, _) = counts.iter().max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1))).unwrap();
        ids = merge(&ids, pair, 256 + r);
        merges.extend([pair.0, pair.1]);
    }
    let n = merges.len() / 2;
    Array2::from_shape_vec((n, 2), merges).unwrap()
}

pub fn bpe_encode(text: &[u8], merges: ArrayView2<usize>) -> Array1<usize> {
    let ranks: HashMap<(usize, usize), usize> = merges.outer_iter().enumerate().map(|(i, r)| ((r[0], r[1]), i)).collect();
    let mut ids: Vec<usize> = text.iter().map(|&b| b as usize).collect();
    loop {
        let best = ids.windows(2).filter_map(|w| ranks.get(&(w[0], w[1])).copied()).min();
        match best {
            Some(r) => ids = merge(&ids, (merges[[r, 0]], merges[[r, 1]]), 256 + r),
            None => break,
        }
    }
    Array1::from_vec(ids)
}
