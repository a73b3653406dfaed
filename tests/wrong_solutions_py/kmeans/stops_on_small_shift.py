# expect: pattern confined | pattern scaled
# The classic interview loop: stop once the centers move by less than a
# tolerance. On data at a scale of 1e-5 it stops before the first move, and
# on a large cluster it stops before the last point changes sides.
import numpy as np


def kmeans(data, init_centers, max_iter, tol=1e-4):
    centers = init_centers.astype(float)
    for _ in range(max_iter):
        d2 = ((data[:, None, :] - centers[None, :, :]) ** 2).sum(-1)
        labels = d2.argmin(axis=1)
        new = np.array([data[labels == j].mean(axis=0) if np.any(labels == j) else centers[j]
                        for j in range(len(centers))])
        shift = np.linalg.norm(new - centers)
        if shift < tol:
            break
        centers = new
    d2 = ((data[:, None, :] - centers[None, :, :]) ** 2).sum(-1)
    return d2.argmin(axis=1), centers
