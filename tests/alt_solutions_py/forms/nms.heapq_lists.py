# A correct solution in another form: box_iou as nested lists, nms with heapq, indices as a list of ints.
import heapq


def box_iou(a, b):
    res = []
    for p in a:
        row = []
        ap = (p[2] - p[0]) * (p[3] - p[1])
        for q in b:
            bq = (q[2] - q[0]) * (q[3] - q[1])
            iw = max(0.0, min(p[2], q[2]) - max(p[0], q[0]))
            ih = max(0.0, min(p[3], q[3]) - max(p[1], q[1]))
            inter = iw * ih
            row.append(inter / (ap + bq - inter))
        res.append(row)
    return res


def nms(boxes, scores, iou_threshold):
    heap = [(-s, i) for i, s in enumerate(scores)]
    heapq.heapify(heap)
    keep = []
    while heap:
        _, i = heapq.heappop(heap)
        if all(box_iou([boxes[i]], [boxes[j]])[0][0] <= iou_threshold for j in keep):
            keep.append(i)
    return keep
