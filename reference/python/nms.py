import numpy as np


def box_iou(a, b):
    """IoU of every box of a (n, 4) with every box of b (m, 4), as
    torchvision.ops.box_iou: (n, m)."""
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    # (n, 1) against (1, m): the intersection's corners, sides clamped at 0.
    top_left = np.maximum(a[:, None, :2], b[None, :, :2])
    bottom_right = np.minimum(a[:, None, 2:], b[None, :, 2:])
    sides = np.clip(bottom_right - top_left, 0.0, None)
    inter = sides[..., 0] * sides[..., 1]
    return inter / (area_a[:, None] + area_b[None, :] - inter)


def nms(boxes, scores, iou_threshold):
    """Greedy non-maximum suppression, as torchvision.ops.nms: the indices of
    the kept boxes, by decreasing score."""
    order = np.argsort(-scores, kind="stable")
    keep = []
    while order.size > 0:
        best = order[0]
        keep.append(best)
        rest = order[1:]
        # Only boxes still in the running are compared, so a suppressed box
        # never suppresses another.
        iou = box_iou(boxes[best:best + 1], boxes[rest])[0]
        order = rest[iou <= iou_threshold]
    return np.array(keep, dtype=np.int64)
