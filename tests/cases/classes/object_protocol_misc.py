class Node:
    def __init__(self, val, next=None):
        self.val = val
        self.next = next
    def __iter__(self):
        node = self
        while node:
            yield node.val
            node = node.next
    def __repr__(self):
        return ' -> '.join(map(str, self))
lst = Node(1, Node(2, Node(3)))
print(lst, list(lst), sum(lst), 2 in lst)
class Tree:
    def __init__(self, v, *kids):
        self.v, self.kids = v, kids
    def depth(self):
        return 1 + max((k.depth() for k in self.kids), default=0)
    def walk(self):
        yield self.v
        for k in self.kids:
            yield from k.walk()
t = Tree(1, Tree(2, Tree(4)), Tree(3))
print(t.depth(), list(t.walk()))
class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items.append(x)
        return self
    def pop(self):
        return self._items.pop()
    def __len__(self):
        return len(self._items)
s = Stack().push(1).push(2).push(3)
print(len(s), s.pop(), len(s))
