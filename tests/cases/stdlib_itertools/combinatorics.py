# The combinatoric iterators over many sizes, in CPython's order.
from itertools import product, permutations, combinations, combinations_with_replacement

for n in range(5):
    pool = "abcde"[:n]
    for r in range(n + 2):
        print(n, r, "P", ["".join(p) for p in permutations(pool, r)])
        print(n, r, "C", ["".join(p) for p in combinations(pool, r)])
        print(n, r, "R", ["".join(p) for p in combinations_with_replacement(pool, r)])
    print(n, "Pfull", len(list(permutations(pool))))
for pools in [(), ("ab",), ("ab", ""), ("a", "bc", "de"), (range(3), "xy")]:
    print(list(product(*pools)))
print(list(product("ab", "c", repeat=2)))
p = permutations(range(3))
print(next(p), list(p), list(p))
c = combinations(range(4), 2)
print(next(c), next(c), list(c), next(c, "end"))
# The pools are read eagerly, once.
def gen():
    print("reading")
    yield from "xyz"
it = product(gen(), repeat=2)
print("made")
print(next(it), sum(1 for _ in it))
print(sum(1 for _ in permutations(range(7))), sum(1 for _ in combinations(range(20), 3)))
print(list(permutations([1, 1, 2])), list(combinations([[1], [2], [3]], 2)))
