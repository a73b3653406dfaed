# expect: mistake worst_first | pattern reversed | invariant sorted_descending
# np.argsort on the log-probabilities without negating them: the beams
# kept are the worst ones.
import numpy as np


def beam_search(lm_prob, beam_size):
    batch, seqlen, vocab = lm_prob.shape
    logp = np.log(lm_prob)
    tokens = np.zeros((batch, beam_size, seqlen), dtype=np.int64)
    scores_out = np.zeros((batch, beam_size))
    for b in range(batch):
        beams = [([], 0.0)]
        for t in range(seqlen):
            cand = [(seq + [tok], s + logp[b, t, tok]) for seq, s in beams for tok in range(vocab)]
            order = np.argsort([s for _, s in cand], kind="stable")[:beam_size]
            beams = [cand[i] for i in order]
        tokens[b] = [seq for seq, _ in beams]
        scores_out[b] = [s for _, s in beams]
    return tokens, scores_out
