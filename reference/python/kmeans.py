import numpy as np


def kmeans(data, init_centers, max_iter):
    """Assign, move, repeat until nothing moves."""
    centers = init_centers.copy()
    labels = nearest(data, centers)
    for _ in range(max_iter):
        moved = centers.copy()
        for j in range(len(centers)):
            members = data[labels == j]
            if len(members) > 0:
                moved[j] = members.mean(axis=0)
        if np.array_equal(moved, centers):
            break
        centers = moved
        labels = nearest(data, centers)
    return labels, centers


def nearest(data, centers):
    distances = ((data[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)
    return np.argmin(distances, axis=1)
