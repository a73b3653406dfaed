// expect: mistake encode_leftmost_pair
// Training right; encoding scans left to right and merges the first adjacent
// pair that is a merge at all, whatever its rank, one occurrence at a time.
// Not catalogued: today this gets no finding (allowed); the header says what
// would be right.
use std::collections::HashMap;

use ndarray::prelude::*;

fn train_round(ids: &[usize]) -> Option<(usize, usize)> {
    let mut first: HashMap<(usize, usize), usize> = HashMap::new();
    let mut count: HashMap<(usize, usize), usize> = HashMap::new();
    for (i, w) in ids.windows(2).enumerate() {
        first.entry((w[0], w[1])).or_insert(i);
        *count.entry((w[0], w[1])).or_insert(0) += 1;
    }
    count.iter().map(|(&p, &c)| (c, std::cmp::Reverse(first[&p]), p)).max().map(|(_, _, p)| p)
}

pub fn bpe_train(text: &[u8], n_merges: usize) -> Array2<usize> {
    let mut ids: Vec<usize> = text.iter().map(|&b| b as usize).collect();
    let mut rows: Vec<usize> = Vec::new();
    for r in 0..n_merges {
        let Some((a, b)) = train_round(&ids) else { break };
        let mut out = Vec::new();
        let mut i = 0;
        while i < ids.len() {
            if i + 1 < ids.len() && ids[i] == a && ids[i + 1] == b {
                out.push(256 + r);
                i += 2;
            } else {
                out.push(ids[i]);
                i += 1;
            }
        }
        ids = out;
        rows.extend([a, b]);
    }
    Array2::from_shape_vec((rows.len() / 2, 2), rows).unwrap()
}

pub fn bpe_encode(text: &[u8], merges: ArrayView2<usize>) -> Array1<usize> {
    let rank: HashMap<(usize, usize), usize> =
        merges.outer_iter().enumerate().map(|(r, m)| ((m[0], m[1]), r)).collect();
    let mut ids: Vec<usize> = text.iter().map(|&b| b as usize).collect();
    'again: loop {
        for i in 0..ids.len().saturating_sub(1) {
            if let Some(&r) = rank.get(&(ids[i], ids[i + 1])) {
                ids.splice(i..i + 2, [256 + r]);
                continue 'again;
            }
        }
        break;
    }
    Array1::from(ids)
}
