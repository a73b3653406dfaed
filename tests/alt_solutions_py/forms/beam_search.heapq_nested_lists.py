# A correct solution in another form: heapq.nlargest over Python lists; tokens and scores as nested lists.
import heapq
import math


def beam_search(lm_prob, beam_size):
    batch, seqlen, vocab = lm_prob.shape
    all_tokens, all_scores = [], []
    for b in range(batch):
        beams = [(0.0, [])]
        for t in range(seqlen):
            cands = []
            order = 0
            for score, seq in beams:
                for v in range(vocab):
                    cands.append((score + math.log(lm_prob[b, t, v]), order, seq + [v]))
                    order += 1
            best = heapq.nlargest(beam_size, cands, key=lambda c: (c[0], -c[1]))
            beams = [(s, seq) for s, _, seq in best]
        all_tokens.append([seq for _, seq in beams])
        all_scores.append([s for s, _ in beams])
    return all_tokens, all_scores
