d = {k1: v1, **rest, k2: v2}
s = {e1, *es}
t = (*a, b)
call(p, *args, kw=val, **kws)
sl = seq[lo:hi, ::step]
