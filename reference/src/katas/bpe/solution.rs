use std::collections::HashMap;

use ndarray::prelude::*;

/// Byte-level BPE training, as minbpe's BasicTokenizer: the merges in order,
/// merge i making token 256 + i from the pair (a, b). Returns (n, 2), n ≤
/// n_merges (fewer when the ids run out).
pub fn bpe_train(text: &[u8], n_merges: usize) -> Array2<usize> {
    let mut ids: Vec<usize> = text.iter().map(|&b| usize::from(b)).collect();
    let mut merges: Vec<usize> = Vec::new();
    for i in 0..n_merges {
        if ids.len() < 2 {
            break;
        }
        // Per pair: (count, position of its first occurrence), overlapping
        // occurrences counted ("aaa" holds (a, a) twice).
        let mut stats: HashMap<(usize, usize), (usize, usize)> = HashMap::new();
        for pos in 0..ids.len() - 1 {
            let pair = (ids[pos], ids[pos + 1]);
            let entry = stats.entry(pair).or_insert((0, pos));
            entry.0 += 1;
        }
        // The most frequent; on a tie, the one that occurs first.
        let (&pair, _) = stats
            .iter()
            .max_by(|(_, a), (_, b)| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
            .expect("at least one pair");
        ids = merge(&ids, pair, 256 + i);
        merges.extend([pair.0, pair.1]);
    }
    Array2::from_shape_vec((merges.len() / 2, 2), merges).expect("two ids per merge")
}

/// The token ids of `text` under `merges`: while some adjacent pair is a
/// merge, replace the pair of the lowest merge index (all its occurrences,
/// left to right).
pub fn bpe_encode(text: &[u8], merges: ArrayView2<usize>) -> Array1<usize> {
    let ranks: HashMap<(usize, usize), usize> = merges
        .rows()
        .into_iter()
        .enumerate()
        .map(|(rank, m)| ((m[0], m[1]), rank))
        .collect();
    let mut ids: Vec<usize> = text.iter().map(|&b| usize::from(b)).collect();
    while ids.len() >= 2 {
        let best = ids
            .windows(2)
            .filter_map(|w| ranks.get(&(w[0], w[1])).map(|&rank| (rank, (w[0], w[1]))))
            .min();
        let Some((rank, pair)) = best else {
            break;
        };
        ids = merge(&ids, pair, 256 + rank);
    }
    Array1::from(ids)
}

/// `ids` with every occurrence of `pair`, left to right and not
/// overlapping, replaced by `new_id` ("aaa" → [X, a]).
fn merge(ids: &[usize], pair: (usize, usize), new_id: usize) -> Vec<usize> {
    let mut out = Vec::with_capacity(ids.len());
    let mut i = 0;
    while i < ids.len() {
        if i + 1 < ids.len() && (ids[i], ids[i + 1]) == pair {
            out.push(new_id);
            i += 2;
        } else {
            out.push(ids[i]);
            i += 1;
        }
    }
    out
}
