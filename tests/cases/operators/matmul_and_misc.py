class M:
    def __init__(self, rows):
        self.rows = rows
    def __matmul__(self, o):
        n, m, p = len(self.rows), len(o.rows), len(o.rows[0])
        return M([[sum(self.rows[i][k] * o.rows[k][j] for k in range(m)) for j in range(p)] for i in range(n)])
    def __imatmul__(self, o):
        self.rows = (self @ o).rows
        return self
    def __repr__(self):
        return f'M({self.rows})'
a = M([[1, 2], [3, 4]])
b = M([[0, 1], [1, 0]])
print(a @ b, b @ a)
a @= b
print(a)
class P:
    def __pow__(self, o, mod=None):
        return ('pow', o, mod)
    def __rpow__(self, o):
        return ('rpow', o)
    def __floordiv__(self, o):
        return ('floordiv', o)
    def __rtruediv__(self, o):
        return ('rtruediv', o)
    def __lshift__(self, o):
        return ('lshift', o)
    def __rand__(self, o):
        return ('rand', o)
    def __invert__(self):
        return 'inverted'
    def __pos__(self):
        return 'pos'
p = P()
print(p ** 2, pow(p, 2, 5), 2 ** p, p // 3, 1 / p, p << 1, 5 & p, ~p, +p)
