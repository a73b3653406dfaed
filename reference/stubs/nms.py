import numpy as np


def box_iou(a, b):
    """IoU of every box of a (n, 4) with every box of b (m, 4), as
    torchvision.ops.box_iou.

    Boxes are (x1, y1, x2, y2) with x1 < x2 and y1 < y2; area =
    (x2 - x1) * (y2 - y1) (no +1); the intersection is 0 when the boxes do
    not overlap. IoU = inter / (area_a + area_b - inter). Returns a float
    array (n, m); n or m may be 0.
    """
    raise NotImplementedError


def nms(boxes, scores, iou_threshold):
    """Greedy non-maximum suppression, as torchvision.ops.nms.

    boxes (n, 4), scores (n,) with distinct values, iou_threshold a float.
    Visit the boxes by decreasing score; keep a box unless a kept box has
    IoU > iou_threshold with it (equal keeps it). Suppressed boxes suppress
    nothing. Returns the indices of the kept boxes (integers), by decreasing
    score; empty when n = 0.
    """
    raise NotImplementedError
