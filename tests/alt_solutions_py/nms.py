# Row-by-row IoU against a block of boxes (a helper reused by both parts);
# nms keeps a suppressed flag per box and walks the score order in Python.
import numpy as np


def _iou_row(box, others):
    w = np.minimum(box[2], others[:, 2]) - np.maximum(box[0], others[:, 0])
    h = np.minimum(box[3], others[:, 3]) - np.maximum(box[1], others[:, 1])
    inter = np.where((w > 0) & (h > 0), w * h, 0.0)
    area = (box[2] - box[0]) * (box[3] - box[1])
    areas = (others[:, 2] - others[:, 0]) * (others[:, 3] - others[:, 1])
    return inter / (area + areas - inter)


def box_iou(a, b):
    a = np.asarray(a, dtype=np.float64).reshape(-1, 4)
    b = np.asarray(b, dtype=np.float64).reshape(-1, 4)
    out = np.zeros((a.shape[0], b.shape[0]), dtype=np.float64)
    if b.shape[0] == 0:
        return out
    for i in range(a.shape[0]):
        out[i] = _iou_row(a[i], b)
    return out


def nms(boxes, scores, iou_threshold):
    n = len(scores)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    boxes = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
    order = sorted(range(n), key=lambda i: -float(scores[i]))
    suppressed = [False] * n
    keep = []
    for pos, i in enumerate(order):
        if suppressed[i]:
            continue
        keep.append(i)
        rest = [j for j in order[pos + 1:] if not suppressed[j]]
        if not rest:
            continue
        ious = _iou_row(boxes[i], boxes[rest])
        for j, v in zip(rest, ious):
            if v > iou_threshold:
                suppressed[j] = True
    return np.array(keep, dtype=np.int64)
