# expect: mistake history_not_reordered
# Each step appends the chosen token to row i of the history, but row i
# keeps the prefix of beam i, not of the beam the token extends.
import numpy as np


def beam_search(lm_prob, beam_size):
    batch, seqlen, vocab = lm_prob.shape
    tokens = np.zeros((batch, beam_size, seqlen), dtype=np.int64)
    log_probs = np.zeros((batch, beam_size))
    for b in range(batch):
        lp = np.log(lm_prob[b])
        best = np.argsort(-lp[0], kind="stable")[:beam_size]
        tokens[b, :, 0] = best
        score = lp[0, best]
        for t in range(1, seqlen):
            total = score[:, None] + lp[t][None, :]
            flat = np.argsort(-total, axis=None, kind="stable")[:beam_size]
            src, tok = flat // vocab, flat % vocab
            tokens[b, :, t] = tok
            score = total[src, tok]
        log_probs[b] = score
    return tokens, log_probs
