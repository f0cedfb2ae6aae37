a, b = b, a
(c, d), e = (1, 2), 3
[f, g] = h
