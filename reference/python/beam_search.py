import numpy as np


def beam_search(lm_prob, beam_size):
    """Keeps the beam_size best prefixes at every position."""
    batch, seqlen, vocab = lm_prob.shape
    tokens = np.zeros((batch, beam_size, seqlen), dtype=np.int64)
    log_probs = np.zeros((batch, beam_size))
    for b in range(batch):
        log_p = np.log(lm_prob[b])
        first = np.argsort(-log_p[0], kind="stable")[:beam_size]
        seqs = first[:, None]
        scores = log_p[0, first]
        for t in range(1, seqlen):
            candidates = (scores[:, None] + log_p[t][None, :]).ravel()
            best = np.argsort(-candidates, kind="stable")[:beam_size]
            parent, token = np.divmod(best, vocab)
            seqs = np.concatenate([seqs[parent], token[:, None]], axis=1)
            scores = candidates[best]
        tokens[b] = seqs
        log_probs[b] = scores
    return tokens, log_probs
