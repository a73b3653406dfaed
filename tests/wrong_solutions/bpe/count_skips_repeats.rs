// expect: mistake pairs_counted_without_overlap
// A window that repeats the pair just counted is skipped "to avoid double
// counting", so "aaa" counts (a, a) once.
use std::collections::HashMap;

use ndarray::prelude::*;

pub fn bpe_train(text: &[u8], n_merges: usize) -> Array2<usize> {
    let mut ids: Vec<usize> = text.iter().map(|&b| b as usize).collect();
    let mut merges: Vec<[usize; 2]> = Vec::new();
    while merges.len() < n_merges && ids.len() > 1 {
        let mut count: HashMap<[usize; 2], (usize, usize)> = HashMap::new();
        let mut last: Option<(usize, [usize; 2])> = None;
        for i in 0..ids.len() - 1 {
            let pair = [ids[i], ids[i + 1]];
            if let Some((j, q)) = last {
                if q == pair && j + 1 == i {
                    last = None;
                    continue;
                }
            }
            let e = count.entry(pair).or_insert((0, i));
            e.0 += 1;
            last = Some((i, pair));
        }
        let mut best: Option<([usize; 2], usize, usize)> = None;
        for (&p, &(c, first)) in &count {
            let better = match best {
                None => true,
                Some((_, bc, bf)) => c > bc || (c == bc && first < bf),
            };
            if better {
                best = Some((p, c, first));
            }
        }
        let (pair, _, _) = best.unwrap();
        let id = 256 + merges.len();
        let mut next = Vec::with_capacity(ids.len());
        let mut i = 0;
        while i < ids.len() {
            if i + 1 < ids.len() && [ids[i], ids[i + 1]] == pair {
                next.push(id);
                i += 2;
            } else {
                next.push(ids[i]);
                i += 1;
            }
        }
        ids = next;
        merges.push(pair);
    }
    let flat: Vec<usize> = merges.iter().flatten().copied().collect();
    Array2::from_shape_vec((merges.len(), 2), flat).unwrap()
}

pub fn bpe_encode(text: &[u8], merges: ArrayView2<usize>) -> Array1<usize> {
    let mut ids: Vec<usize> = text.iter().map(|&b| b as usize).collect();
    for r in 0..merges.nrows() {
        let pair = [merges[[r, 0]], merges[[r, 1]]];
        let mut next = Vec::with_capacity(ids.len());
        let mut i = 0;
        while i < ids.len() {
            if i + 1 < ids.len() && [ids[i], ids[i + 1]] == pair {
                next.push(256 + r);
                i += 2;
            } else {
                next.push(ids[i]);
                i += 1;
            }
        }
        ids = next;
    }
    Array1::from(ids)
}
