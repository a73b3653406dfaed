# A correct solution in another form: histories in an object array of lists.
import numpy as np


def beam_search(lm_prob, beam_size):
    B, T, V = lm_prob.shape
    tokens = np.empty((B, beam_size), dtype=object)
    scores = np.zeros((B, beam_size))
    for b in range(B):
        beams = [((), 0.0)]
        for t in range(T):
            cand = [(seq + (v,), s + np.log(lm_prob[b, t, v])) for seq, s in beams for v in range(V)]
            cand.sort(key=lambda c: -c[1])
            beams = cand[:beam_size]
        for i, (seq, s) in enumerate(beams):
            tokens[b, i] = list(seq)
            scores[b, i] = s
    return tokens, scores
