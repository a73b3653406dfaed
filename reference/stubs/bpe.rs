use ndarray::prelude::*;

/// Byte-level BPE training, as minbpe's BasicTokenizer.
///
/// ids start as the bytes of `text`. Each round: count the adjacent pairs,
/// overlapping ("aaa" holds (a, a) twice); take the most frequent, and on a
/// tie the pair whose first occurrence in the current ids comes first;
/// replace its occurrences left to right, without overlap ("aaa" → [X, a]),
/// with the new id 256 + round. Stop after `n_merges` rounds, or earlier
/// when fewer than two ids remain. Returns the merges in order, (n, 2): row
/// i is the pair that made token 256 + i.
pub fn bpe_train(text: &[u8], n_merges: usize) -> Array2<usize> {
    todo!()
}

/// The token ids of `text` under `merges` (rows (a, b), row i making token
/// 256 + i): ids start as the bytes; while some adjacent pair is a merge,
/// replace the pair with the lowest merge index (all its occurrences, left
/// to right, without overlap) by its token.
pub fn bpe_encode(text: &[u8], merges: ArrayView2<usize>) -> Array1<usize> {
    todo!()
}
