def f(it, k):
    s = {a for a in it}
    d = {key: val + k for key, val in it}
    g = (q for q in it if q)
    return s, d, g
dd = {v: k for k, v in items}
