# expect: mistake unclamped_intersection
# The intersection clamped once, on the product: two negative sides (boxes
# apart on both axes) give a positive "intersection".
import numpy as np


def box_iou(a, b):
    out = np.zeros((len(a), len(b)))
    for i in range(len(a)):
        for j in range(len(b)):
            w = min(a[i, 2], b[j, 2]) - max(a[i, 0], b[j, 0])
            h = min(a[i, 3], b[j, 3]) - max(a[i, 1], b[j, 1])
            inter = max(0.0, w * h)
            aa = (a[i, 2] - a[i, 0]) * (a[i, 3] - a[i, 1])
            bb = (b[j, 2] - b[j, 0]) * (b[j, 3] - b[j, 1])
            out[i, j] = inter / (aa + bb - inter)
    return out


def nms(boxes, scores, iou_threshold):
    order = list(np.argsort(-scores, kind="stable"))
    keep = []
    while order:
        i = order.pop(0)
        keep.append(i)
        if order:
            ious = box_iou(boxes[[i]], boxes[order])[0]
            order = [j for j, o in zip(order, ious) if o <= iou_threshold]
    return np.array(keep, dtype=np.int64)
