def mat_mul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]
def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]
def mat_pow(m, e):
    result = identity(len(m))
    while e:
        if e & 1:
            result = mat_mul(result, m)
        m = mat_mul(m, m)
        e >>= 1
    return result
def transpose(m):
    return [list(r) for r in zip(*m)]
def det(m):
    if len(m) == 1:
        return m[0][0]
    return sum((-1) ** j * m[0][j] * det([row[:j] + row[j + 1:] for row in m[1:]]) for j in range(len(m)))
fibm = [[1, 1], [1, 0]]
print(mat_pow(fibm, 10), mat_pow(fibm, 90)[0][1])
a = [[2, 0, 1], [1, 3, 2], [1, 1, 1]]
print(mat_mul(a, identity(3)) == a, transpose(a), det(a), det([[1, 2], [3, 4]]))
for row in mat_mul(a, transpose(a)):
    print(' '.join(f'{v:4d}' for v in row))
