s = {0.5, 1.5, 2.0, 1.0, 2.5, 0.25}
print(sorted(s), len(s))
print(1 in s, 2 in s, 0.25 in s, 3 in s)
print({1.0, 1, True}, {0, 0.0, False, -0.0})
print(hash(0.1), hash(-0.1), hash(1e308), hash(float('inf')))
print(set([1.5, 2.5, 3.5]) == {3.5, 2.5, 1.5})
