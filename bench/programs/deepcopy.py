# A deep copy written in Python: recursive copy of nested lists, dicts,
# tuples, sets and plain objects, with a memo dict keyed by id() so that
# shared references and cycles are preserved; the copy is then checked.
class Node:
    def __init__(self, name, children, payload):
        self.name = name
        self.children = children
        self.payload = payload
        self.parent = None


def deep_copy(x, memo):
    key = id(x)
    found = memo.get(key)
    if found is not None:
        return found
    if isinstance(x, (int, float, str, bool)) or x is None:
        return x
    if isinstance(x, list):
        result = []
        memo[key] = result
        for item in x:
            result.append(deep_copy(item, memo))
        return result
    if isinstance(x, dict):
        result = {}
        memo[key] = result
        for k, v in x.items():
            result[deep_copy(k, memo)] = deep_copy(v, memo)
        return result
    if isinstance(x, tuple):
        items = [deep_copy(item, memo) for item in x]
        # A tuple whose items are all unchanged is shared, like copy.deepcopy.
        for a, b in zip(items, x):
            if a is not b:
                result = tuple(items)
                break
        else:
            result = x
        memo[key] = result
        return result
    if isinstance(x, set):
        result = {deep_copy(item, memo) for item in x}
        memo[key] = result
        return result
    if isinstance(x, Node):
        result = Node(None, None, None)
        memo[key] = result
        result.name = deep_copy(x.name, memo)
        result.children = deep_copy(x.children, memo)
        result.payload = deep_copy(x.payload, memo)
        result.parent = deep_copy(x.parent, memo)
        return result
    raise TypeError("cannot copy " + type(x).__name__)


def build(depth, seed):
    shared = {"shared": [seed, seed + 1]}
    children = []
    if depth > 0:
        for i in range(3):
            children.append(build(depth - 1, seed * 3 + i))
    payload = {
        "ints": list(range(seed % 7)),
        "pair": (seed, "s%d" % seed, [seed]),
        "const": (1, 2, "three"),
        "tags": {seed % 5, seed % 3},
        "shared": shared,
        "again": shared,
    }
    node = Node("n%d" % seed, children, payload)
    for c in children:
        c.parent = node
    return node


def count(node, seen):
    if id(node) in seen:
        return 0
    seen.add(id(node))
    total = 1 + len(node.payload["ints"]) + node.payload["pair"][0]
    if node.payload["shared"] is not node.payload["again"]:
        raise ValueError("sharing lost")
    for c in node.children:
        if c.parent is not node:
            raise ValueError("cycle lost")
        total += count(c, seen)
    return total


checksum = 0
tree = build(6, 1)
for rep in range(25):
    copy = deep_copy(tree, {})
    if copy is tree or copy.children[0] is tree.children[0]:
        raise ValueError("not a deep copy")
    if copy.payload["const"] is not tree.payload["const"]:
        raise ValueError("immutable tuple copied")
    copy.payload["ints"].append(rep)
    checksum += count(copy, set()) + rep * len(copy.payload["ints"])
print(checksum, count(tree, set()), len(tree.payload["ints"]))
