# expect: mistake unclamped_intersection
# Intersection sides from np.minimum / np.maximum, never clipped at 0.
import numpy as np


def box_iou(a, b):
    lt = np.maximum(a[:, None, :2], b[None, :, :2])
    rb = np.minimum(a[:, None, 2:], b[None, :, 2:])
    wh = rb - lt
    inter = wh[..., 0] * wh[..., 1]
    area_a = np.prod(a[:, 2:] - a[:, :2], axis=1)
    area_b = np.prod(b[:, 2:] - b[:, :2], axis=1)
    return inter / (area_a[:, None] + area_b[None, :] - inter)


def nms(boxes, scores, iou_threshold):
    order = list(np.argsort(-scores))
    iou = box_iou(boxes, boxes)
    keep = []
    while order:
        i = order.pop(0)
        keep.append(i)
        order = [j for j in order if iou[i, j] <= iou_threshold]
    return np.array(keep, dtype=np.int64)
