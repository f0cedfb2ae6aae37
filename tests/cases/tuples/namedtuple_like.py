Point = tuple
p = Point((3, 4))
x, y = p
print(x * x + y * y, p)
records = [('b', 2), ('a', 2), ('c', 1)]
print(sorted(records, key=lambda r: (-r[1], r[0])))
def minmax(seq):
    return min(seq), max(seq)
lo, hi = minmax([5, 3, 9, 1])
print(lo, hi, minmax('hello'))
def stats(*nums):
    return len(nums), sum(nums), nums
print(stats(), stats(1, 2, 3))
nested = ((1, 2), (3, 4), (5, 6))
print([a + b for a, b in nested], dict(nested), tuple(map(sum, nested)))
print(tuple(zip((1, 2), ('a', 'b'))), (1, 2, 3)[1:] + (4,), tuple(sorted((3, 1, 2), reverse=True)))
