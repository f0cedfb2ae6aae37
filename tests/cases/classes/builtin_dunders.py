# The special methods of built-in types are attributes, as slot wrappers
# and method-wrappers, and do what the operators do.
print(int.__add__, list.__len__, str.upper, object.__init__, dict.__getitem__)
print(type(int.__add__).__name__, type((1).__add__).__name__, type([].__len__).__name__,
      type(list.append).__name__, type([].append).__name__, type(object.__new__).__name__)
print((1).__add__(2), (1).__add__('a'), (1).__radd__(2), (2).__mul__(3.0), (5).__lt__(7))
print(1.5.__add__(1), 1.5.__eq__(1.5), (1).__eq__(1.0), (3).__truediv__(2))
print('ab'.__add__('c'), 'ab'.__mul__(2), 'ab'.__rmul__(3), 'x%sy'.__mod__(5), 'x'.__rmod__(5))
print('abc'.__len__(), 'abc'.__getitem__(1), 'abc'.__contains__('b'), 'a'.__lt__('b'), 'a'.__eq__(1))
print([1, 2].__add__([3]), [1].__mul__(3), [1, 2].__len__(), [1, 2].__getitem__(-1), [1].__eq__([1]))
l = [3, 1]
l.__setitem__(0, 9)
l.__iadd__([4])
l.__delitem__(1)
print(l, l.__contains__(9), list(l.__iter__()), list(l.__reversed__()), l.__imul__(2))
print((1, 2).__add__((3,)), (1, 2).__len__(), (1,).__mul__(2), (1, 2).__hash__() == hash((1, 2)))
d = {'a': 1}
d.__setitem__('b', 2)
print(d.__getitem__('a'), d.__len__(), d.__contains__('b'), d.__or__({'c': 3}), d.__eq__({'a': 1, 'b': 2}))
d.__delitem__('a')
print(d, d.__ior__({'z': 0}), list(d.__iter__()), d.__lt__({}))
s = {1, 2}
print(s.__and__({2, 3}), s.__or__({3}), s.__sub__({1}), s.__xor__({2, 5}), s.__contains__(1), s.__len__())
print(frozenset({1}).__or__({2}), s.__or__([3]), s.__ior__({9}), s.__iand__({9, 1}), s)
print(range(5).__len__(), range(5).__getitem__(2), range(5).__contains__(3), (None).__bool__(), (0).__bool__())
print(int.__add__(3, 4), str.__len__('four'), list.__len__([1]), dict.__len__({}), tuple.__getitem__((7,), 0))
print(object.__repr__(5)[:13], object.__eq__(1, 1), object.__ne__(1, 2), object.__lt__(1, 2))
print((7).__format__('>4'), 'x'.__format__('^5'), [].__format__(''), (2.5).__round__(), (7).__index__())
print(int.__hash__(5), str.__hash__('a') == hash('a'), object.__hash__(None) == hash(None))
print(hash(int.__add__) == hash(int.__add__), int.__add__ == int.__add__, dict.__hash__)
for bad in [lambda: 'a'.__add__(1), lambda: [1].__add__(1), lambda: (1,).__mul__('x'),
            lambda: [].__hash__()]:
    try:
        print(bad())
    except TypeError as e:
        print('TypeError:', e)
print(sorted(n for n in dir(list) if n.startswith('__')))
print(sorted(n for n in dir(1) if n.startswith('__')))
print(sorted(n for n in dir(object) if n.startswith('__')))
