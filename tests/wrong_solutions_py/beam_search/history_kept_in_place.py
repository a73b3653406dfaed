# expect: mistake history_not_reordered
# Every batch at once; each step stacks the chosen tokens onto the history
# as it stands, without gathering the prefixes of their parent beams.
import numpy as np


def beam_search(lm_prob, beam_size):
    B, T, V = lm_prob.shape
    logp = np.log(lm_prob)
    first = np.argsort(-logp[:, 0], axis=1, kind="stable")[:, :beam_size]
    score = np.take_along_axis(logp[:, 0], first, axis=1)
    history = [first]
    for t in range(1, T):
        flat = (score[:, :, None] + logp[:, t][:, None, :]).reshape(B, -1)
        best = np.argsort(-flat, axis=1, kind="stable")[:, :beam_size]
        history.append(best % V)
        score = np.take_along_axis(flat, best, axis=1)
    return np.stack(history, axis=-1), score
