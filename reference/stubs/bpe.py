import numpy as np


def bpe_train(text, n_merges):
    """Byte-level BPE training, as minbpe's BasicTokenizer.

    text: bytes; n_merges: int. ids start as the bytes of text. Each round:
    count adjacent pairs, overlapping (b"aaa" holds (a, a) twice); take the
    most frequent, and on a tie the pair whose first occurrence in the
    current ids comes first; replace its occurrences left to right, without
    overlap (b"aaa" -> [X, a]), by the new id 256 + round. Stop after
    n_merges rounds, or earlier when fewer than two ids remain.
    Returns the merges in order as integers, shape (n, 2): row i made token
    256 + i (an empty result for no merges).
    """
    raise NotImplementedError


def bpe_encode(text, merges):
    """The token ids of text (bytes) under merges (int array (n, 2), row i
    making token 256 + i): ids start as the bytes; while some adjacent pair
    is a merge, replace the pair with the lowest merge index (all its
    occurrences, left to right, without overlap) by its token.
    Returns the ids as integers.
    """
    raise NotImplementedError
