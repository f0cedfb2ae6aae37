# The exact comparisons heapq makes (CPython's sift algorithms).
import heapq

log = []


class K:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        log.append(f'{self.v}<{other.v}')
        return self.v < other.v

    def __eq__(self, other):
        log.append(f'{self.v}=={other.v}')
        return self.v == other.v

    def __repr__(self):
        return f'K({self.v})'


def show(label):
    print(label, ' '.join(log))
    log.clear()


vals = [5, 3, 8, 1, 9, 2, 7]
h = []
for v in vals:
    heapq.heappush(h, K(v))
show('push')
print(h)
while h:
    heapq.heappop(h)
show('pop')
h = [K(v) for v in vals]
heapq.heapify(h)
show('heapify')
print(h)
heapq.heapreplace(h, K(6))
show('replace')
heapq.heappushpop(h, K(0))
show('pushpop0')
heapq.heappushpop(h, K(4))
show('pushpop4')
print(h)
print(list(heapq.merge([K(1), K(4)], [K(2), K(3)])))
show('merge')
print(list(heapq.merge([K(4), K(1)], [K(3), K(3)], reverse=True)))
show('merge-rev')


class Bad:
    def __lt__(self, other):
        raise RuntimeError('no order')


h = [1]
try:
    heapq.heappush(h, Bad())
except RuntimeError as e:
    print('RuntimeError', e, len(h))
