"""heapq.py - Heap queue algorithm (a min-heap kept in a list)

kaa's heapq: CPython 3.11's interface and behaviour, written in Python.
The sift steps follow CPython's algorithm (siftdown towards the root,
the "bottom-up" siftup used by heappop/heapreplace/heapify) so the
list holds the same layout as CPython's after every operation.
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def _check_list(heap, fname, nargs):
    # CPython's C heapq accepts only lists (Argument Clinic's message).
    if not isinstance(heap, list):
        which = "argument 1" if nargs > 1 else "argument"
        got = "None" if heap is None else type(heap).__name__
        raise TypeError(f"{fname}() {which} must be list, not {got}")


def _siftdown(heap, startpos, pos):
    # Move heap[pos] up towards startpos until its parent is not larger.
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup(heap, pos):
    # Bottom-up: move the smaller child up until a leaf is reached, then
    # put the item there and sift it back down (fewer comparisons).
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown(heap, startpos, pos)


def _siftdown_max(heap, startpos, pos):
    # The max-heap variant of _siftdown.
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if parent < newitem:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup_max(heap, pos):
    # The max-heap variant of _siftup.
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[rightpos] < heap[childpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown_max(heap, startpos, pos)


def heappush(heap, item, /):
    """Push item onto heap, maintaining the heap invariant."""
    _check_list(heap, "heappush", 2)
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap, /):
    """Pop the smallest item off the heap, maintaining the heap invariant."""
    _check_list(heap, "heappop", 1)
    if not heap:
        raise IndexError("index out of range")
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup(heap, 0)
        return returnitem
    return lastelt


def heapreplace(heap, item, /):
    """Pop and return the current smallest value, and add the new item."""
    _check_list(heap, "heapreplace", 2)
    if not heap:
        raise IndexError("index out of range")
    returnitem = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return returnitem


def heappushpop(heap, item, /):
    """Push item on the heap, then pop and return the smallest item."""
    _check_list(heap, "heappushpop", 2)
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(heap, /):
    """Transform list into a heap, in-place, in O(len(heap)) time."""
    _check_list(heap, "heapify", 1)
    for i in reversed(range(len(heap) // 2)):
        _siftup(heap, i)


def _heapify_max(heap, /):
    """Maxheap variant of heapify."""
    _check_list(heap, "_heapify_max", 1)
    for i in reversed(range(len(heap) // 2)):
        _siftup_max(heap, i)


def _heappop_max(heap, /):
    """Maxheap variant of heappop."""
    _check_list(heap, "_heappop_max", 1)
    if not heap:
        raise IndexError("index out of range")
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup_max(heap, 0)
        return returnitem
    return lastelt


def _heapreplace_max(heap, item, /):
    """Maxheap variant of heapreplace."""
    _check_list(heap, "_heapreplace_max", 2)
    if not heap:
        raise IndexError("index out of range")
    returnitem = heap[0]
    heap[0] = item
    _siftup_max(heap, 0)
    return returnitem


def merge(*iterables, key=None, reverse=False):
    """Merge multiple sorted inputs into a single sorted output.

    Equivalent to sorted(itertools.chain(*iterables)) but lazy; equal
    items come out in the order of their iterables.
    """
    # Each heap entry is [sort key, tie-breaker, value, iterator]; the
    # tie-breaker keeps equal keys in iterable order (negated for the
    # max-heap so that the earliest iterable still wins).
    sign = -1 if reverse else 1
    entries = []
    for order, iterable in enumerate(iterables):
        it = iter(iterable)
        for value in it:
            k = value if key is None else key(value)
            entries.append([k, order * sign, value, it])
            break
    if reverse:
        heapify_, pop_, replace_ = _heapify_max, _heappop_max, _heapreplace_max
    else:
        heapify_, pop_, replace_ = heapify, heappop, heapreplace
    heapify_(entries)
    while len(entries) > 1:
        entry = entries[0]
        yield entry[2]
        for value in entry[3]:
            entry[0] = value if key is None else key(value)
            entry[2] = value
            replace_(entries, entry)
            break
        else:
            pop_(entries)
    if entries:
        entry = entries[0]
        yield entry[2]
        yield from entry[3]


def nsmallest(n, iterable, key=None):
    """Find the n smallest elements in a dataset.

    Equivalent to:  sorted(iterable, key=key)[:n]
    """
    if n <= 0:
        return []
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    """Find the n largest elements in a dataset.

    Equivalent to:  sorted(iterable, key=key, reverse=True)[:n]
    """
    if n <= 0:
        return []
    return sorted(iterable, key=key, reverse=True)[:n]
