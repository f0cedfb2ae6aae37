tree = {}
paths = ['a/b/c', 'a/b/d', 'a/e', 'f', 'a/b/c/g']
for p in paths:
    node = tree
    for part in p.split('/'):
        node = node.setdefault(part, {})
print(tree)
def count_leaves(t):
    return 1 if not t else sum(count_leaves(v) for v in t.values())
def depth(t):
    return 0 if not t else 1 + max(depth(v) for v in t.values())
print(count_leaves(tree), depth(tree))
def walk(t, prefix=''):
    for k, v in t.items():
        yield prefix + k
        yield from walk(v, prefix + k + '/')
print(list(walk(tree)))
