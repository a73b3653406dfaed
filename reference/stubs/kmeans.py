import numpy as np


def kmeans(data, init_centers, max_iter):
    """Lloyd's algorithm from init_centers (k, d) on data (n, d).

    max_iter: int.

    One iteration assigns every point to its nearest center (squared
    Euclidean distance, a tie going to the lower index), then moves each
    center to the mean of its points; a center with no points stays put.
    Stops when an iteration leaves every center unchanged, or after
    max_iter iterations. Returns (labels, centers): labels an integer
    np.ndarray (n,), the assignment to the centers returned; centers (k, d).
    """
    raise NotImplementedError
