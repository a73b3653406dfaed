# A correct solution in another form: sorted(range(n), key=..., reverse=True), indices as uint8.
import numpy as np


def box_iou(a, b):
    ix1 = np.maximum.outer(a[:, 0], b[:, 0]); iy1 = np.maximum.outer(a[:, 1], b[:, 1])
    ix2 = np.minimum.outer(a[:, 2], b[:, 2]); iy2 = np.minimum.outer(a[:, 3], b[:, 3])
    inter = np.clip(ix2 - ix1, 0, None) * np.clip(iy2 - iy1, 0, None)
    aa = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    bb = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    return np.divide(inter, aa[:, None] + bb[None] - inter)


def nms(boxes, scores, iou_threshold):
    idx = sorted(range(len(scores)), key=lambda i: scores[i], reverse=True)
    keep = []
    while idx:
        i = idx.pop(0)
        keep.append(i)
        idx = [j for j in idx if box_iou(boxes[[i]], boxes[[j]])[0, 0] <= iou_threshold]
    return np.array(keep, dtype=np.uint8)
