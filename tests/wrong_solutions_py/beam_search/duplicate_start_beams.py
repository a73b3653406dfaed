# expect: mistake start_beams_duplicated | pattern confined
# The beam starts as beam_size empty sequences of score 0, all extended at
# step 0: the first step keeps beam_size copies of the best token.
import numpy as np


def beam_search(lm_prob, beam_size):
    B, L, V = lm_prob.shape
    toks = np.zeros((B, beam_size, L), dtype=np.int64)
    lps = np.zeros((B, beam_size))
    for b in range(B):
        seqs = [[] for _ in range(beam_size)]
        scores = np.zeros(beam_size)
        for t in range(L):
            cand = (scores[:, None] + np.log(lm_prob[b, t])[None, :]).ravel()
            best = np.argsort(-cand, kind="stable")[:beam_size]
            seqs = [seqs[i // V] + [i % V] for i in best]
            scores = cand[best]
        toks[b] = np.array(seqs)
        lps[b] = scores
    return toks, lps
