# expect: mistake stale_labels | invariant labels_are_nearest_centers
# Assign, then move: the labels returned were computed against the
# centers before their last move.
import numpy as np


def kmeans(data, init_centers, max_iter):
    centers = init_centers.copy()
    labels = np.zeros(len(data), dtype=np.int64)
    for _ in range(max_iter):
        dist = np.linalg.norm(data[:, None, :] - centers[None, :, :], axis=2) ** 2
        labels = np.argmin(dist, axis=1)
        new_centers = centers.copy()
        for j in range(centers.shape[0]):
            if np.any(labels == j):
                new_centers[j] = data[labels == j].mean(axis=0)
        if np.array_equal(new_centers, centers):
            break
        centers = new_centers
    return labels, centers
