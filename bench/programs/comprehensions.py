# List, dict and set comprehensions and generator expressions: nested
# loops, conditions, comprehensions over comprehensions, any/all/sum.
def run(n):
    nums = [i * 7 % 1000 for i in range(n)]
    evens = [x for x in nums if x % 2 == 0]
    pairs = [(x, y) for x in range(40) for y in range(x) if (x + y) % 3 == 0]
    matrix = [[i * j for j in range(30)] for i in range(30)]
    transposed = [[row[i] for row in matrix] for i in range(30)]
    diag = sum(transposed[i][i] for i in range(30))
    flat = [v for row in matrix for v in row if v % 5]
    squares = {x: x * x for x in range(500)}
    inverted = {v: k for k, v in squares.items() if v % 3 == 1}
    residues = {x % 97 for x in nums}
    words = ["w%d" % (i % 50) for i in range(300)]
    lengths = {w: len(w) for w in words}
    seen = {w for w in words if w.endswith("7")}
    big = any(x > 990 for x in nums)
    small = all(x >= 0 for x in nums)
    total = sum(x * 2 for x in evens if x > 100)
    nested = sum(sum(y for y in range(x % 10)) for x in nums[:2000])
    firsts = [p[0] for p in pairs]
    return (len(evens) + len(pairs) + diag + len(flat) + sum(inverted) + len(residues)
            + sum(lengths.values()) + len(seen) + big + small + total + nested + sum(firsts))


checksum = 0
for rep in range(150):
    checksum = (checksum * 3 + run(5000 + rep)) % 1000000007
print(checksum)
