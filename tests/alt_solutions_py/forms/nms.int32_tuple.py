# A correct solution in another form: a suppressed mask, indices as a tuple of int32.
import numpy as np


def box_iou(a, b):
    x1 = np.maximum(a[:, None, 0], b[None, :, 0])
    y1 = np.maximum(a[:, None, 1], b[None, :, 1])
    x2 = np.minimum(a[:, None, 2], b[None, :, 2])
    y2 = np.minimum(a[:, None, 3], b[None, :, 3])
    inter = (x2 - x1).clip(min=0) * (y2 - y1).clip(min=0)
    area = lambda t: (t[:, 2] - t[:, 0]) * (t[:, 3] - t[:, 1])
    return inter / (area(a)[:, None] + area(b)[None, :] - inter)


def nms(boxes, scores, iou_threshold):
    order = scores.argsort()[::-1]
    suppressed = np.zeros(len(boxes), dtype=bool)
    keep = []
    for idx in order:
        if suppressed[idx]:
            continue
        keep.append(idx)
        ious = box_iou(boxes[idx][None], boxes)[0]
        suppressed |= ious > iou_threshold
    return tuple(np.array(keep, dtype=np.int32))
