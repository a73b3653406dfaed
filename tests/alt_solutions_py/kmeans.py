# Distances by the expansion |x|^2 - 2 x.c + |c|^2; sums with np.add.at.
import numpy as np


def kmeans(data, init_centers, max_iter):
    centers = np.array(init_centers, dtype=float)
    k = len(centers)

    def assign(c):
        d = (data**2).sum(1)[:, None] - 2 * data @ c.T + (c**2).sum(1)[None, :]
        return d.argmin(axis=1)

    labels = assign(centers)
    it = 0
    while it < max_iter:
        sums = np.zeros_like(centers)
        np.add.at(sums, labels, data)
        counts = np.bincount(labels, minlength=k)
        new = centers.copy()
        nonempty = counts > 0
        new[nonempty] = sums[nonempty] / counts[nonempty][:, None]
        if (new == centers).all():
            break
        centers = new
        labels = assign(centers)
        it += 1
    return [int(l) for l in labels], centers
