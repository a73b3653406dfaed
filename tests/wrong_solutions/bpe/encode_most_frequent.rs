// expect: mistake encode_by_frequency
// Training right (a Vec of (pair, count) in first-occurrence order); encoding
// merges the most frequent mergeable pair first, as training chose them.
use std::collections::HashMap;

use ndarray::prelude::*;

fn pair_counts(ids: &[usize]) -> Vec<((usize, usize), usize)> {
    let mut index: HashMap<(usize, usize), usize> = HashMap::new();
    let mut counts: Vec<((usize, usize), usize)> = Vec::new();
    for w in ids.windows(2) {
        let p = (w[0], w[1]);
        match index.get(&p) {
            Some(&i) => counts[i].1 += 1,
            None => {
                index.insert(p, counts.len());
                counts.push((p, 1));
            }
        }
    }
    counts
}

fn merge(ids: &[usize], p: (usize, usize), id: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ids.len() {
        if i + 1 < ids.len() && ids[i] == p.0 && ids[i + 1] == p.1 {
            out.push(id);
            i += 2;
        } else {
            out.push(ids[i]);
            i += 1;
        }
    }
    out
}

/// The most frequent of `counts` for which `keep` holds; ties: first seen.
fn most_frequent(counts: &[((usize, usize), usize)], keep: impl Fn(&(usize, usize)) -> bool) -> Option<(usize, usize)> {
    let mut best: Option<((usize, usize), usize)> = None;
    for &(p, c) in counts.iter().filter(|(p, _)| keep(p)) {
        if best.is_none_or(|(_, bc)| c > bc) {
            best = Some((p, c));
        }
    }
    best.map(|(p, _)| p)
}

pub fn bpe_train(text: &[u8], n_merges: usize) -> Array2<usize> {
    let mut ids: Vec<usize> = text.iter().map(|&b| b as usize).collect();
    let mut out = Vec::new();
    for r in 0..n_merges {
        let Some(p) = most_frequent(&pair_counts(&ids), |_| true) else {
            break;
        };
        ids = merge(&ids, p, 256 + r);
        out.extend([p.0, p.1]);
    }
    Array2::from_shape_vec((out.len() / 2, 2), out).unwrap()
}

pub fn bpe_encode(text: &[u8], merges: ArrayView2<usize>) -> Array1<usize> {
    let rank: HashMap<(usize, usize), usize> =
        merges.outer_iter().enumerate().map(|(r, m)| ((m[0], m[1]), r)).collect();
    let mut ids: Vec<usize> = text.iter().map(|&b| b as usize).collect();
    while let Some(p) = most_frequent(&pair_counts(&ids), |p| rank.contains_key(p)) {
        ids = merge(&ids, p, 256 + rank[&p]);
    }
    Array1::from(ids)
}
