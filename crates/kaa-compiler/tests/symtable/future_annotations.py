from __future__ import annotations
x: SomeType = value
y: OnlyAnn
def f(a: ArgAnn, *b: VarAnn, c: KwAnn = default, **d: KwsAnn) -> RetAnn:
    inner: InnerAnn = 1
    return a
class C:
    attr: ClassAnn
    lam: Callable[[], int] = lambda: 1
z: (lambda q: q)
w: [comp for comp in range(3)]
