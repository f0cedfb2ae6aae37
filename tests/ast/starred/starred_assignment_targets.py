a, *b = x
*a, b = x
[a, *b, c] = x
(*a,) = x
