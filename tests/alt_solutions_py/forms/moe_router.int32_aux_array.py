# A correct solution in another form: experts int32 from a mergesort argsort, aux_loss as a (1,) array.
import numpy as np


def route(router_logits, k):
    z = router_logits - router_logits.max(1, keepdims=True)
    p = np.exp(z) / np.exp(z).sum(1, keepdims=True)
    idx = np.argsort(-p, axis=1, kind="mergesort")[:, :k].astype(np.int32)
    top = np.take_along_axis(p, idx, 1)
    w = top / top.sum(1, keepdims=True)
    T, E = p.shape
    onehot = np.zeros((T, E))
    np.put_along_axis(onehot, idx, 1.0, axis=1)
    aux = E * np.sum(onehot.mean(0) * p.mean(0))
    return w, idx, np.array([aux])


def moe_forward(x, router, experts, k):
    w, idx, _ = route(x @ router.weight.T + router.bias, k)
    outs = np.stack([x @ e.weight.T + e.bias for e in experts], axis=1)  # (T, E, d_out)
    chosen = np.take_along_axis(outs, idx[:, :, None], axis=1)
    return np.einsum("tk,tkd->td", w, chosen)
