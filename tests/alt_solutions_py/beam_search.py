# Lists of (score, sequence) and sorted(); token ids as a list of ints.
import math

import numpy as np


def beam_search(lm_prob, beam_size):
    all_tokens, all_scores = [], []
    for table in lm_prob:
        beams = [(0.0, [])]
        for t, probs in enumerate(table):
            candidates = []
            for score, seq in beams:
                for token, p in enumerate(probs):
                    candidates.append((score + math.log(p), seq + [token]))
            candidates.sort(key=lambda c: -c[0])
            beams = candidates[:beam_size]
        all_tokens.append([seq for _, seq in beams])
        all_scores.append([score for score, _ in beams])
    return np.array(all_tokens), np.array(all_scores)
