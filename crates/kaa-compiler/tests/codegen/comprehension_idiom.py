# `for y in [expr]` in a comprehension: no loop, and no block boundary, so
# BUILD_TUPLE + UNPACK_SEQUENCE become a SWAP.
actual = {j + k: j * k for i in range(4) for j, k in [(i + 1, i + 2)]}
other = [y for x in range(3) for y in (x * 2,)]
