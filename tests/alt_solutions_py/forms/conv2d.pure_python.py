# A correct solution in another form: seven nested pure-Python loops over lists.
def conv2d(x, weight, bias, stride, padding):
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    sh, sw = stride
    ph, pw = padding
    Ho = (H + 2 * ph - KH) // sh + 1
    Wo = (W + 2 * pw - KW) // sw + 1
    X = x.tolist()
    K = weight.tolist()

    def at(n, c, i, j):
        i -= ph
        j -= pw
        if 0 <= i < H and 0 <= j < W:
            return X[n][c][i][j]
        return 0.0

    out = []
    for n in range(N):
        planes = []
        for f in range(F):
            rows = []
            for i in range(Ho):
                row = []
                for j in range(Wo):
                    s = 0.0 if bias is None else float(bias[f])
                    for c in range(C):
                        for a in range(KH):
                            for b in range(KW):
                                s += at(n, c, i * sh + a, j * sw + b) * K[f][c][a][b]
                    row.append(s)
                rows.append(row)
            planes.append(rows)
        out.append(planes)
    return out
