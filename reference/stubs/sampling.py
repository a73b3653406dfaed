import numpy as np


def sample(logits, temperature, top_k, top_p, u):
    """Temperature, top-k and top-p filtering, then one draw per row.

    logits: float64 (batch, vocab); temperature: float > 0; top_k: int
    (0 = off); top_p: float (1.0 = off); u: float64 (batch,) in [0, 1).
    In order: divide the logits by temperature; top-k keeps every token
    whose logit is >= the k-th largest (ties all kept); top-p, on the softmax
    of the kept logits: sort the kept tokens by probability, descending,
    ties to the lower index, and keep a token when the sum of the
    probabilities before it is < top_p; renormalize (removed tokens get
    exactly 0). Draw: the smallest index j, in vocabulary order, with
    probs[0] + ... + probs[j] > u[row].
    Returns (probs (batch, vocab), tokens: int64 (batch,)).
    """
    raise NotImplementedError
