# itertools' argument errors as CPython reports them.
from itertools import (count, repeat, islice, tee, product, permutations,
                       combinations, combinations_with_replacement, chain)

def show(f, *a, **k):
    try:
        r = f(*a, **k)
        print(repr(list(r) if not isinstance(r, tuple) else r))
    except Exception as e:
        print(type(e).__name__ + ":", e)

show(count, "a")
show(count, 1, "b")
show(repeat, 1, "x")
show(islice, "abc")
show(islice, "abc", 1, 2, 3, 4)
show(islice, "abc", -1)
show(islice, "abc", "x")
show(islice, "abc", -1, 3)
show(islice, "abc", 1, -3)
show(islice, "abc", 1.5, 3)
show(islice, "abc", 0, 3, 0)
show(islice, "abc", 0, 3, -1)
show(islice, "abc", 0, 3, 1.5)
show(islice, 5, 1)
show(tee, "abc", -1)
show(product, "ab", repeat=-1)
show(permutations, "ab", -1)
show(combinations, "ab", -1)
show(combinations_with_replacement, "ab", -2)
show(permutations, "ab", "x")
show(chain, 1, 2)
show(chain.from_iterable, [1])
show(product, 1)
show(combinations, 3, 1)
