# expect: mistake empty_cluster_nan | pattern non_finite_rows
# Each center becomes data[labels == j].mean(axis=0), with no guard for a
# cluster that lost all its points (NumPy warns and returns NaN).
import numpy as np


def kmeans(data, init_centers, max_iter):
    centers = np.array(init_centers, dtype=float)
    d2 = ((data[:, None] - centers[None]) ** 2).sum(-1)
    labels = d2.argmin(1)
    for _ in range(max_iter):
        new = np.array([data[labels == j].mean(axis=0) for j in range(len(centers))])
        if np.allclose(new, centers, rtol=0, atol=0, equal_nan=True):
            break
        centers = new
        d2 = ((data[:, None] - centers[None]) ** 2).sum(-1)
        labels = d2.argmin(1)
    return labels, centers
