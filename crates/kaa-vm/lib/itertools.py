"""Functional tools for creating and using iterators.

kaa's itertools: CPython 3.11's iterator types (lazy, with the same
results, argument errors and reprs), written in Python for now; each type
keeps its state on the instance the way Modules/itertoolsmodule.c does.
"""

import _kaa_itertools

_marker = object()
_new = object.__new__
_MAXSIZE = 9223372036854775807


def _self(self):
    return self


def _is_number(x):
    # PyNumber_Check: something with __index__, __int__, __float__ or
    # complex.
    if isinstance(x, (int, float, complex)):
        return True
    t = type(x)
    return (hasattr(t, '__index__') or hasattr(t, '__int__')
            or hasattr(t, '__float__'))


def _ssize(x, what):
    # A C Py_ssize_t argument: an int by __index__.
    if not isinstance(x, int):
        f = getattr(type(x), '__index__', None)
        if f is None:
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(x).__name__)
        x = f(x)
    if x > _MAXSIZE or x < -_MAXSIZE - 1:
        raise OverflowError("Python int too large to convert to C ssize_t")
    return x


class count:
    """Return a count object whose .__next__() method returns consecutive
    values."""

    def __new__(cls, start=0, step=1):
        self = _new(cls)
        if not _is_number(start) or not _is_number(step):
            raise TypeError('a number is required')
        self._s = [start, step]
        return self

    __slots__ = ('_s',)
    __iter__ = _self
    __next__ = _kaa_itertools.count_next

    def __repr__(self):
        n, step = self._s
        if type(step) is int and step == 1:
            return 'count(%r)' % (n,)
        return 'count(%r, %r)' % (n, step)


class cycle:
    """Return elements from the iterable until it is exhausted. Then repeat
    the sequence indefinitely."""

    def __new__(cls, iterable, /):
        self = _new(cls)
        self._s = [iter(iterable), [], 0]
        return self

    __slots__ = ('_s',)
    __iter__ = _self
    __next__ = _kaa_itertools.cycle_next


class repeat:
    """repeat(object [,times]) -> create an iterator which returns the
    object for the specified number of times.  If not specified, returns
    the object endlessly."""

    def __new__(cls, object, times=_marker):
        self = _new(cls)
        if times is _marker:
            cnt = -1
        else:
            times = _ssize(times, 'times')
            cnt = times if times > 0 else 0
        self._s = [object, cnt]
        return self

    __slots__ = ('_s',)
    __iter__ = _self
    __next__ = _kaa_itertools.repeat_next

    def __length_hint__(self):
        if self._s[1] == -1:
            raise TypeError('len() of unsized object')
        return self._s[1]

    def __repr__(self):
        obj, cnt = self._s
        if cnt == -1:
            return 'repeat(%r)' % (obj,)
        return 'repeat(%r, %d)' % (obj, cnt)


class accumulate:
    """Return series of accumulated sums (or other binary function
    results)."""

    def __new__(cls, iterable, func=None, *, initial=None):
        self = _new(cls)
        self._s = [iter(iterable), func, None, False, initial, initial is not None]
        return self

    __slots__ = ('_s',)
    __iter__ = _self
    __next__ = _kaa_itertools.accumulate_next


class chain:
    """Return a chain object whose .__next__() method returns elements from
    the first iterable until it is exhausted, then elements from the next
    iterable, until all of the iterables are exhausted."""

    def __new__(cls, *iterables):
        self = _new(cls)
        self._s = [iter(iterables), None]
        return self

    @classmethod
    def from_iterable(cls, iterable, /):
        """Alternative chain() constructor taking a single iterable
        argument that evaluates lazily."""
        self = cls.__new__(cls)
        self._s = [iter(iterable), None]
        return self

    __slots__ = ('_s',)
    __iter__ = _self
    __next__ = _kaa_itertools.chain_next


class compress:
    """Return data elements corresponding to true selector elements."""

    def __new__(cls, data, selectors):
        self = _new(cls)
        self._s = [iter(data), iter(selectors)]
        return self

    __slots__ = ('_s',)
    __iter__ = _self
    __next__ = _kaa_itertools.compress_next


class dropwhile:
    """Drop items from the iterable while predicate(item) is true."""

    def __new__(cls, predicate, iterable, /):
        self = _new(cls)
        self._s = [predicate, iter(iterable), False]
        return self

    __slots__ = ('_s',)
    __iter__ = _self
    __next__ = _kaa_itertools.dropwhile_next


class takewhile:
    """Return successive entries from an iterable as long as the predicate
    evaluates to true for each entry."""

    def __new__(cls, predicate, iterable, /):
        self = _new(cls)
        self._s = [predicate, iter(iterable), False]
        return self

    __slots__ = ('_s',)
    __iter__ = _self
    __next__ = _kaa_itertools.takewhile_next


class filterfalse:
    """Return those items of iterable for which function(item) is false."""

    def __new__(cls, function, iterable, /):
        self = _new(cls)
        self._s = [function, iter(iterable)]
        return self

    __slots__ = ('_s',)
    __iter__ = _self
    __next__ = _kaa_itertools.filterfalse_next


def _eq(a, b):
    # PyObject_RichCompareBool: identity first.
    return a is b or a == b


class groupby:
    """make an iterator that returns consecutive keys and groups from the
    iterable"""

    def __new__(cls, iterable, key=None):
        self = _new(cls)
        self._keyfunc = key
        self._it = iter(iterable)
        self._tgtkey = _marker
        self._currkey = _marker
        self._currvalue = _marker
        self._currgrouper = None
        return self

    __iter__ = _self

    def _step(self):
        newvalue = next(self._it)
        if self._keyfunc is None:
            newkey = newvalue
        else:
            newkey = self._keyfunc(newvalue)
        self._currvalue = newvalue
        self._currkey = newkey

    def __next__(self):
        self._currgrouper = None
        # Skip to the next group, as groupby_next.
        while True:
            if self._currkey is _marker:
                pass
            elif self._tgtkey is _marker:
                break
            elif not _eq(self._tgtkey, self._currkey):
                break
            self._step()
        self._tgtkey = self._currkey
        grouper = _grouper(self, self._tgtkey)
        self._currgrouper = grouper
        return (self._currkey, grouper)


class _grouper:
    def __init__(self, parent, tgtkey):
        self._parent = parent
        self._tgtkey = tgtkey

    __iter__ = _self

    def __next__(self):
        gbo = self._parent
        if gbo._currgrouper is not self:
            raise StopIteration
        if gbo._currvalue is _marker:
            gbo._step()
        if not _eq(self._tgtkey, gbo._currkey):
            raise StopIteration
        r = gbo._currvalue
        gbo._currvalue = _marker
        return r


def _islice_index(x, msg):
    if x is None:
        return None
    if not isinstance(x, int) and getattr(type(x), '__index__', None) is None:
        raise ValueError(msg)
    x = _ssize(x, '') if not isinstance(x, int) else x
    if x < 0 or x > _MAXSIZE:
        raise ValueError(msg)
    return x


class islice:
    """islice(iterable, stop) --> islice object
islice(iterable, start, stop[, step]) --> islice object

Return an iterator whose next() method returns selected values from an
iterable.  If start is specified, will skip all preceding elements;
otherwise, start defaults to zero.  Step defaults to one.  If
specified as another value, step determines how many values are
skipped between successive calls.  Works like a slice() on a list
but returns an iterator."""

    def __new__(cls, *args, **kwargs):
        self = _new(cls)
        if kwargs:
            raise TypeError('islice() takes no keyword arguments')
        n = len(args)
        if n < 2:
            raise TypeError('islice expected at least 2 arguments, got %d' % n)
        if n > 4:
            raise TypeError('islice expected at most 4 arguments, got %d' % n)
        seq = args[0]
        start, step = 0, 1
        if n == 2:
            stop = _islice_index(
                args[1], 'Stop argument for islice() must be None or an '
                'integer: 0 <= x <= sys.maxsize.')
        else:
            msg = ('Indices for islice() must be None or an integer: '
                   '0 <= x <= sys.maxsize.')
            start = _islice_index(args[1], msg)
            stop = _islice_index(args[2], msg)
            if start is None:
                start = 0
            if n == 4:
                if args[3] is not None:
                    try:
                        step = _ssize(args[3], '')
                    except (TypeError, OverflowError):
                        step = -1
                    if step < 1:
                        raise ValueError('Step for islice() must be a '
                                         'positive integer or None.')
        self._s = [iter(seq), start, -1 if stop is None else stop, step, 0]
        return self

    __slots__ = ('_s',)
    __iter__ = _self
    __next__ = _kaa_itertools.islice_next


class pairwise:
    """Return an iterator of overlapping pairs taken from the input
    iterator."""

    def __new__(cls, iterable, /):
        self = _new(cls)
        self._s = [iter(iterable), None, False]
        return self

    __slots__ = ('_s',)
    __iter__ = _self
    __next__ = _kaa_itertools.pairwise_next


class starmap:
    """Return an iterator whose values are returned from the function
    evaluated with an argument tuple taken from the given sequence."""

    def __new__(cls, function, iterable, /):
        self = _new(cls)
        self._s = [function, iter(iterable)]
        return self

    __slots__ = ('_s',)
    __iter__ = _self
    __next__ = _kaa_itertools.starmap_next


class _tee:
    """Iterator wrapped to make it copyable."""

    def __init__(self, source, link):
        # A link is [value, next link]; tees over one source share them.
        self._src = source
        self._link = link

    __iter__ = _self

    def __next__(self):
        link = self._link
        nxt = link[1]
        if nxt is None:
            value = next(self._src)
            nxt = link[1]
            if nxt is None:
                nxt = [value, None]
                link[1] = nxt
        self._link = nxt
        return nxt[0]

    def __copy__(self):
        return _tee(self._src, self._link)


def tee(iterable, n=2, /):
    """Returns a tuple of n independent iterators."""
    n = _ssize(n, 'n')
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    it = iter(iterable)
    copier = getattr(type(it), '__copy__', None)
    if copier is None:
        first = _tee(it, [None, None])
        copier = _tee.__copy__
    else:
        first = it
    return tuple([first] + [copier(first) for _ in range(n - 1)])


class zip_longest:
    """Return a zip_longest object whose .__next__() method returns a tuple
    where the i-th element comes from the i-th iterable argument."""

    def __new__(cls, *iterables, fillvalue=None):
        self = _new(cls)
        its = [iter(x) for x in iterables]
        self._s = [its, len(its), fillvalue]
        return self

    __slots__ = ('_s',)
    __iter__ = _self
    __next__ = _kaa_itertools.zip_longest_next


class product:
    """Cartesian product of input iterables.  Equivalent to nested
    for-loops."""

    def __new__(cls, *iterables, repeat=1):
        self = _new(cls)
        repeat = _ssize(repeat, 'repeat')
        if repeat < 0:
            raise ValueError('repeat argument cannot be negative')
        pools = tuple([tuple(x) for x in iterables] * repeat)
        self._s = [pools, 0, None, None, False]
        return self

    __slots__ = ('_s',)
    __iter__ = _self
    __next__ = _kaa_itertools.product_next


class permutations:
    """Return successive r-length permutations of elements in the
    iterable."""

    def __new__(cls, iterable, r=None):
        self = _new(cls)
        pool = tuple(iterable)
        if r is None:
            r = len(pool)
        else:
            if not isinstance(r, int):
                raise TypeError('Expected int as r')
            r = _ssize(r, 'r')
            if r < 0:
                raise ValueError('r must be non-negative')
        self._s = [pool, r, None, None, False]
        return self

    __slots__ = ('_s',)
    __iter__ = _self
    __next__ = _kaa_itertools.permutations_next


class combinations:
    """Return successive r-length combinations of elements in the
    iterable."""

    def __new__(cls, iterable, r):
        self = _new(cls)
        pool = tuple(iterable)
        r = _ssize(r, 'r')
        if r < 0:
            raise ValueError('r must be non-negative')
        self._s = [pool, r, None, None, False]
        return self

    __slots__ = ('_s',)
    __iter__ = _self
    __next__ = _kaa_itertools.combinations_next


class combinations_with_replacement:
    """Return successive r-length combinations of elements in the iterable
    allowing individual elements to have successive repeats."""

    def __new__(cls, iterable, r):
        self = _new(cls)
        pool = tuple(iterable)
        r = _ssize(r, 'r')
        if r < 0:
            raise ValueError('r must be non-negative')
        self._s = [pool, r, None, None, False]
        return self

    __slots__ = ('_s',)
    __iter__ = _self
    __next__ = _kaa_itertools.cwr_next


del _self
