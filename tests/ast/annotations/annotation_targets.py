a.b: int
a[0]: int = 1
(a): int = 1
