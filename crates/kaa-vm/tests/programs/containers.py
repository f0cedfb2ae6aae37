l = [3, 1, 2]
l.append(5)
l.extend([9, 0])
l.insert(0, 7)
print(l, len(l), l[0], l[-1], l[1:3], l[::-1], l[::2])
l.sort()
print(l, sorted(l, reverse=True), l.pop(), l.pop(0), l)
l[1:3] = [10, 20, 30]
del l[0]
print(l, l.index(20), l.count(10), 20 in l, 99 in l)
t = (1, 2, (3, 4))
print(t, t[2][1], len(t), (1,), (), t + (5,), t * 2)
a, (b, c) = 1, (2, 3)
first, *rest = [1, 2, 3, 4]
print(a, b, c, first, rest)
d = {"a": 1, "b": 2}
d["c"] = 3
del d["a"]
print(d, len(d), d.get("z"), d.get("b"), list(d.keys()), list(d.values()), list(d.items()))
print({k: v * 2 for k, v in d.items()}, dict(a=1, b=2), dict([(1, 2)]))
print(d.pop("b"), d.setdefault("e", 5), d)
s = {3, 1, 2}
s.add(10)
s.discard(1)
print(s, len(s), 2 in s, s | {100}, s & {2, 3}, s - {3}, {1, 2} ^ {2, 3})
print(set([5, 9, 1, 33, 17, 65, 129]), {3, 1, 2}, set(), frozenset([1, 2]), {(1, 2), (3, 4)})
print(set("hello") == set("olleh"), {1, 2} < {1, 2, 3}, sorted({"b", "a"}))
print([x * x for x in range(10) if x % 3 == 0], list(map(str, [1, 2])), list(filter(None, [0, 1, 2])))
print(list(zip("abc", [1, 2, 3])), list(enumerate("xy", 1)), list(reversed([1, 2, 3])))
nested = [1, [2, [3, []]]]
nested[1][1][1].append(nested)
print(nested)
dd = {}
dd["self"] = dd
print(dd)
print(repr("it's"), repr('say "hi"'), str([1.0, "a", None]))
print(any([0, 0, 1]), all([]), all([1, 0]))
print(list(range(10, 0, -3)), range(5), len(range(0, 100, 7)), range(10)[2:5])
m = [[0] * 3 for _ in range(2)]
m[0][1] = 5
print(m)
print({1: "a", True: "b", 1.0: "c"})
print(hash(1) == hash(1.0), hash((1, 2)), hash(-1), hash(2**61), hash(1.5))
