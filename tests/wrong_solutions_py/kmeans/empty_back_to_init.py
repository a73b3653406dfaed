# expect: pattern unlabelled_rows
# An empty cluster's center reset to its initial position instead of
# staying where it was.
import numpy as np


def kmeans(data, init_centers, max_iter):
    c = init_centers.copy()
    lab = ((data[:, None] - c[None]) ** 2).sum(-1).argmin(1)
    for _ in range(max_iter):
        new = np.array([data[lab == j].mean(0) if (lab == j).any() else init_centers[j]
                        for j in range(len(c))])
        if np.array_equal(new, c):
            break
        c = new
        lab = ((data[:, None] - c[None]) ** 2).sum(-1).argmin(1)
    return lab, c
