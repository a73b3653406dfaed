# A correct solution in another form: sorted(..., reverse=True) candidates, tokens int32.
import numpy as np


def beam_search(lm_prob, beam_size):
    B, T, V = lm_prob.shape
    logp = np.log(lm_prob)
    toks = np.zeros((B, beam_size, T), dtype=np.int32)
    lps = np.zeros((B, beam_size), dtype=np.float64)
    for b in range(B):
        beams = [([], 0.0)]
        for t in range(T):
            cand = [(seq + [v], s + logp[b, t, v]) for seq, s in beams for v in range(V)]
            cand = sorted(cand, key=lambda c: c[1], reverse=True)
            beams = cand[:beam_size]
        for i, (seq, s) in enumerate(beams):
            toks[b, i] = seq
            lps[b, i] = s
    return toks, lps
