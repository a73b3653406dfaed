import numpy as np


def beam_search(lm_prob, beam_size):
    """Beam search over a position-wise language model.

    lm_prob: np.ndarray (batch, seqlen, vocab), float64: each position's
       token probabilities; a sequence scores sum(ln p).
    beam_size: int.

    Step 0 keeps the beam_size best tokens; each later step extends every
    beam by every token and keeps the beam_size best of the beam * vocab
    candidates. Returns (tokens, log_probs), best first:
    tokens: integer np.ndarray (batch, beam_size, seqlen) (token ids must be
    integers, not floats); log_probs: np.ndarray (batch, beam_size).
    """
    raise NotImplementedError
