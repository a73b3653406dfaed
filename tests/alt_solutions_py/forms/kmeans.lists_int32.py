# A correct solution in another form: np.linalg.norm squared, int32 labels; both returned as lists.
import numpy as np


def kmeans(data, init_centers, max_iter):
    centers = np.array(init_centers, dtype=float)
    k = len(centers)
    def assign(c):
        d = np.linalg.norm(data[:, None] - c[None], axis=2) ** 2
        return d.argmin(1).astype(np.int32)
    labels = assign(centers)
    it = 0
    while it < max_iter:
        it += 1
        new = np.array([data[labels == j].mean(0) if (labels == j).any() else centers[j] for j in range(k)])
        if np.all(new == centers):
            break
        centers = new
        labels = assign(centers)
    return labels.tolist(), centers.tolist()
