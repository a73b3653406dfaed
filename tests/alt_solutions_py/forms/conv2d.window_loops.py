# A correct solution in another form: four loops over windows with np.sum.
import numpy as np


def conv2d(x, weight, bias=None, stride=(1, 1), padding=(0, 0)):
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    sh, sw = stride
    ph, pw = padding
    xp = np.pad(x, [(0, 0), (0, 0), (ph, ph), (pw, pw)], mode="constant")
    Ho = (H + 2 * ph - KH) // sh + 1
    Wo = (W + 2 * pw - KW) // sw + 1
    out = np.zeros((N, F, Ho, Wo))
    for n in range(N):
        for f in range(F):
            for i in range(Ho):
                for j in range(Wo):
                    win = xp[n, :, i * sh:i * sh + KH, j * sw:j * sw + KW]
                    out[n, f, i, j] = np.sum(win * weight[f])
            if bias is not None:
                out[n, f] += bias[f]
    return out
