data = [3, 1, 4, 1, 5, 9, 2, 6]
it = iter(data)
print(next(it), next(it), list(it), next(it, 'exhausted'))
pos = iter(range(10))
print([next(pos) for _ in range(3)], list(pos))
queue = [5, 4, 3, 0, 2]
print(list(iter(lambda: queue.pop(0), 0)), queue)
class Countdown:
    def __init__(self):
        self.n = 3
    def __call__(self):
        self.n -= 1
        return self.n
print(list(iter(Countdown(), -1)))
