# itertools objects keep their state across an exception raised by the
# function they call, and go on at the next call, as CPython's do.
import itertools as it

def flaky():
    state = {"n": 0}
    def pred(x):
        state["n"] += 1
        if state["n"] == 2:
            raise ValueError("boom at %r" % (x,))
        return x < 3
    return pred

def drain(obj, label):
    out = []
    while True:
        try:
            out.append(next(obj))
        except StopIteration:
            break
        except ValueError as e:
            out.append("E:" + str(e))
    print(label, out)

drain(it.dropwhile(flaky(), [1, 2, 3, 4, 1]), "dropwhile")
drain(it.takewhile(flaky(), [1, 2, 0, 4, 1]), "takewhile")
drain(it.filterfalse(flaky(), [1, 5, 2, 7, 0]), "filterfalse")
def add_flaky():
    n = [0]
    def f(a, b):
        n[0] += 1
        if n[0] == 2:
            raise ValueError("add")
        return a + b
    return f
drain(it.accumulate([1, 2, 3, 4], add_flaky()), "accumulate")
drain(it.starmap(lambda a, b: 10 // b, [(1, 1), (1, 2), (3, 0)][:2] + [[7, 7]]), "starmap")
print(list(it.accumulate([None, None], lambda a, b: None)), list(it.accumulate([1, 2], initial=None)))
print(list(it.starmap(max, [[3, 1], "ab", (x for x in (5, 9))])))
p = it.pairwise(iter([1, 2, 3]))
print(list(p), list(p))
c = it.cycle(x for x in "ab")
print([next(c) for _ in range(5)])
z = it.zip_longest("abc", [1], fillvalue=0)
print(next(z), list(z), list(z))
def bad():
    yield 1
    raise ValueError("bad source")
z = it.zip_longest(bad(), "xyz")
print(next(z))
try:
    next(z)
except ValueError as e:
    print("ValueError", e)
print(list(z))
print(list(it.compress("abcdef", [0, 1, 0, 1])), list(it.compress("ab", [])))
