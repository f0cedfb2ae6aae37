"""functools.py - Tools for working with functions and callable objects

kaa's functools: CPython 3.11's interface and behaviour (results, reprs,
errors, cache statistics), written in Python.
"""

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
           'partial', 'partialmethod', 'singledispatch',
           'singledispatchmethod', 'cached_property']

_MISSING = object()


# --- update_wrapper / wraps ------------------------------------------------

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Update a wrapper function to look like the wrapped function."""
    for name in assigned:
        value = getattr(wrapped, name, _MISSING)
        if value is not _MISSING:
            setattr(wrapper, name, value)
    for name in updated:
        getattr(wrapper, name).update(getattr(wrapped, name, {}))
    # Set last, so that a __wrapped__ copied from wrapped's __dict__ is
    # replaced by wrapped itself.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator factory to apply update_wrapper() to a wrapper function."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned,
                   updated=updated)


# --- total_ordering --------------------------------------------------------

def _derived(root, negate, with_eq):
    # An order method from `root`: its result, negated or not, combined
    # with equality (`and self != other` for a strict result from a
    # non-strict one, `or self == other` the other way).
    def method(self, other):
        r = getattr(type(self), root)(self, other)
        if r is NotImplemented:
            return r
        if negate:
            r = not r
        if with_eq == 'and':
            return r and self != other
        if with_eq == 'or':
            return r or self == other
        return r
    return method


# For each root, the methods derived from it: (name, negate, combine).
_ORDER_PLAN = {
    '__lt__': [('__gt__', True, 'and'), ('__le__', False, 'or'),
               ('__ge__', True, None)],
    '__le__': [('__ge__', True, 'or'), ('__lt__', False, 'and'),
               ('__gt__', True, None)],
    '__gt__': [('__lt__', True, 'and'), ('__ge__', False, 'or'),
               ('__le__', True, None)],
    '__ge__': [('__le__', True, 'or'), ('__gt__', False, 'and'),
               ('__lt__', True, None)],
}


def total_ordering(cls):
    """Class decorator that fills in missing ordering methods"""
    roots = {op for op in _ORDER_PLAN
             if getattr(cls, op, None) is not getattr(object, op, None)}
    if not roots:
        raise ValueError('must define at least one ordering operation: '
                         '< > <= >=')
    root = max(roots)
    for name, negate, combine in _ORDER_PLAN[root]:
        if name not in roots:
            method = _derived(root, negate, combine)
            method.__name__ = name
            method.__qualname__ = name
            setattr(cls, name, method)
    return cls


# --- cmp_to_key ------------------------------------------------------------

def cmp_to_key(mycmp):
    """Convert a cmp= function into a key= function."""
    class KeyWrapper(object):
        __slots__ = ['obj']

        def __init__(self, obj):
            self.obj = obj

        def _other(self, other):
            if type(other) is not KeyWrapper:
                raise TypeError('other argument must be K instance')
            return other.obj

        def __lt__(self, other):
            return mycmp(self.obj, self._other(other)) < 0

        def __gt__(self, other):
            return mycmp(self.obj, self._other(other)) > 0

        def __eq__(self, other):
            return mycmp(self.obj, self._other(other)) == 0

        def __le__(self, other):
            return mycmp(self.obj, self._other(other)) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, self._other(other)) >= 0

        def __hash__(self):
            # The C type's tp_name in the message.
            raise TypeError("unhashable type: 'functools.KeyWrapper'")

        def __call__(self, obj):
            return KeyWrapper(obj)

    KeyWrapper.__module__ = 'functools'
    return KeyWrapper


# --- reduce ----------------------------------------------------------------

def reduce(function, sequence, initial=_MISSING, /):
    """reduce(function, iterable[, initial]) -> value

    Apply a function of two arguments cumulatively to the items of a
    sequence or iterable, from left to right, so as to reduce the iterable
    to a single value.  For example, reduce(lambda x, y: x+y, [1, 2, 3, 4,
    5]) calculates ((((1+2)+3)+4)+5).  If initial is present, it is placed
    before the items of the iterable in the calculation, and serves as a
    default when the iterable is empty.
    """
    try:
        it = iter(sequence)
    except TypeError:
        raise TypeError('reduce() arg 2 must support iteration') from None
    value = initial
    if value is _MISSING:
        for value in it:
            break
        else:
            raise TypeError('reduce() of empty iterable with no initial '
                            'value')
    for element in it:
        value = function(value, element)
    return value


# --- partial ---------------------------------------------------------------

class partial:
    """partial(func, *args, **keywords) - new function with partial
    application of the given arguments and keywords.
    """

    def __new__(cls, *args, **keywords):
        if not args:
            raise TypeError("type 'partial' takes at least one argument")
        func, args = args[0], args[1:]
        if not callable(func):
            raise TypeError('the first argument must be callable')
        if isinstance(func, partial) and type(func).__call__ is partial.__call__:
            # Nested partials flatten into one, as partial_new does.
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self = super(partial, cls).__new__(cls)
        self.func = func
        self.args = args
        self.keywords = keywords
        return self

    def __call__(self, /, *args, **keywords):
        if self.keywords:
            keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(x) for x in self.args)
        parts.extend(f'{k}={v!r}' for k, v in self.keywords.items())
        # partial_repr names the type by tp_name: 'functools.partial' for
        # the built-in type, the bare name for a subclass.
        cls = type(self)
        name = 'functools.partial' if cls is partial else cls.__name__
        return f"{name}({', '.join(parts)})"

    def __reduce__(self):
        return (type(self), (self.func,),
                (self.func, self.args, self.keywords or None,
                 self.__dict__ or None))


class partialmethod(object):
    """Method descriptor with partial application of the given arguments
    and keywords.

    Supports wrapping existing descriptors and handles non-descriptor
    callables as instance methods.
    """

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError(f'{func!r} is not callable or a descriptor')
        if isinstance(func, partialmethod):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __repr__(self):
        args = ', '.join(map(repr, self.args))
        keywords = ', '.join(f'{k}={v!r}' for k, v in self.keywords.items())
        cls = type(self)
        return (f'{cls.__module__}.{cls.__qualname__}({self.func}, {args}, '
                f'{keywords})')

    def _make_unbound_method(self):
        pm = self

        def _method(cls_or_self, /, *args, **keywords):
            keywords = {**pm.keywords, **keywords}
            return pm.func(cls_or_self, *pm.args, *args, **keywords)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method._partialmethod = self
        return _method

    def __get__(self, obj, cls=None):
        get = getattr(self.func, '__get__', None)
        if get is not None:
            bound = get(obj, cls)
            if bound is not self.func:
                result = partial(bound, *self.args, **self.keywords)
                self_of = getattr(bound, '__self__', _MISSING)
                if self_of is not _MISSING:
                    result.__self__ = self_of
                return result
        return self._make_unbound_method().__get__(obj, cls)

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


# --- lru_cache -------------------------------------------------------------

class CacheInfo(tuple):
    """CacheInfo(hits, misses, maxsize, currsize)"""
    __slots__ = ()
    _fields = ('hits', 'misses', 'maxsize', 'currsize')

    def __new__(cls, hits, misses, maxsize, currsize):
        return tuple.__new__(cls, (hits, misses, maxsize, currsize))

    hits = property(lambda self: self[0])
    misses = property(lambda self: self[1])
    maxsize = property(lambda self: self[2])
    currsize = property(lambda self: self[3])

    def __repr__(self):
        return ('CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)'
                % tuple(self))

    def _asdict(self):
        return dict(zip(self._fields, self))


_CacheInfo = CacheInfo
del CacheInfo

_KWD_MARK = object()
_FAST_TYPES = frozenset([int, str])


def _make_key(args, kwds, typed):
    # A hashable key for the arguments: the one argument itself when it
    # is an exact int or str, otherwise a flat tuple.
    key = args
    if kwds:
        key += (_KWD_MARK,)
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    elif len(key) == 1 and type(key[0]) in _FAST_TYPES:
        return key[0]
    return key


def _lru_wrapper(user_function, maxsize, typed):
    cache = {}
    stats = [0, 0]  # hits, misses

    if maxsize == 0:
        def wrapper(*args, **kwds):
            stats[1] += 1
            return user_function(*args, **kwds)
    elif maxsize is None:
        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            result = cache.get(key, _MISSING)
            if result is not _MISSING:
                stats[0] += 1
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            return result
    else:
        def wrapper(*args, **kwds):
            # The dict's order is the recency order: a hit moves its key
            # to the end, a miss past maxsize drops the first key.
            key = _make_key(args, kwds, typed)
            result = cache.pop(key, _MISSING)
            if result is not _MISSING:
                cache[key] = result
                stats[0] += 1
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            if key in cache:
                # A recursive call cached it meanwhile.
                return result
            if len(cache) >= maxsize:
                del cache[next(iter(cache))]
            cache[key] = result
            return result

    def cache_info():
        """Report cache statistics"""
        return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        """Clear the cache and cache statistics"""
        cache.clear()
        stats[0] = stats[1] = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper


def lru_cache(maxsize=128, typed=False):
    """Least-recently-used cache decorator.

    If *maxsize* is set to None, the LRU features are disabled and the cache
    can grow without bound.

    If *typed* is True, arguments of different types will be cached
    separately.  For example, f(3.0) and f(3) will be treated as distinct
    calls with distinct results.
    """
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        wrapper = _lru_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize,
                                            'typed': typed}
        return update_wrapper(wrapper, user_function)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a '
                        'callable, or None')

    def decorating_function(user_function):
        wrapper = _lru_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize,
                                            'typed': typed}
        return update_wrapper(wrapper, user_function)

    return decorating_function


def cache(user_function, /):
    'Simple lightweight unbounded cache.  Sometimes called "memoize".'
    return lru_cache(maxsize=None)(user_function)


# --- singledispatch --------------------------------------------------------

def _is_union(cls):
    return type(cls).__name__ == 'UnionType' and hasattr(cls, '__args__')


def _is_valid_dispatch_type(cls):
    if isinstance(cls, type):
        return True
    return _is_union(cls) and all(isinstance(a, type) for a in cls.__args__)


def singledispatch(func):
    """Single-dispatch generic function decorator.

    Transforms a function into a generic function, which can have different
    behaviours depending upon the type of its first argument. The decorated
    function acts as the default implementation, and additional
    implementations can be registered using the register() attribute of the
    generic function.
    """
    registry = {}
    dispatch_cache = {}

    def dispatch(cls):
        """generic_func.dispatch(cls) -> <function implementation>

        Runs the dispatch algorithm to return the best available
        implementation for the given *cls* registered on *generic_func*.
        """
        impl = dispatch_cache.get(cls, _MISSING)
        if impl is not _MISSING:
            return impl
        mro = cls.__mro__
        impl = None
        for c in mro:
            if c in registry and c is not object:
                impl = registry[c]
                break
        if impl is None:
            # Registered ABCs the class is a virtual subclass of.
            matches = [t for t in registry
                       if t is not object and t not in mro
                       and issubclass(cls, t)]
            if len(matches) > 1:
                raise RuntimeError('Ambiguous dispatch: {} or {}'.format(
                    matches[0], matches[1]))
            impl = registry[matches[0]] if matches else registry[object]
        dispatch_cache[cls] = impl
        return impl

    def register(cls, func=None):
        """generic_func.register(cls, func) -> func

        Registers a new implementation for the given *cls* on a
        *generic_func*.
        """
        if _is_valid_dispatch_type(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError(
                    f'Invalid first argument to `register()`. '
                    f'{cls!r} is not a class or union type.'
                )
            ann = getattr(cls, '__annotations__', {})
            if not ann:
                raise TypeError(
                    f'Invalid first argument to `register()`: {cls!r}. '
                    f'Use either `@register(some_class)` or plain `@register` '
                    f'on an annotated function.'
                )
            func = cls
            argname, cls = next(iter(ann.items()))
            if isinstance(cls, str):
                cls = eval(cls, getattr(func, '__globals__', {}))
            if not _is_valid_dispatch_type(cls):
                if _is_union(cls):
                    raise TypeError(
                        f'Invalid annotation for {argname!r}. '
                        f'{cls!r} not all arguments are classes.'
                    )
                raise TypeError(
                    f'Invalid annotation for {argname!r}. '
                    f'{cls!r} is not a class.'
                )
        if _is_union(cls):
            for arg in cls.__args__:
                registry[arg] = func
        else:
            registry[cls] = func
        dispatch_cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f'{funcname} requires at least '
                            '1 positional argument')
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    wrapper._clear_cache = dispatch_cache.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """Single-dispatch generic method descriptor.

    Supports wrapping existing descriptors and handles non-descriptor
    callables as instance methods.
    """

    def __init__(self, func):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError(f'{func!r} is not callable or a descriptor')
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        """generic_method.register(cls, func) -> func

        Registers a new implementation for the given *cls* on a
        *generic_method*.
        """
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        dispatcher = self.dispatcher

        def _method(*args, **kwargs):
            method = dispatcher.dispatch(args[0].__class__)
            return method.__get__(obj, cls)(*args, **kwargs)

        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


# --- cached_property -------------------------------------------------------

class cached_property:
    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                'Cannot assign the same cached_property to two different '
                f'names ({self.attrname!r} and {name!r}).'
            )

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        name = self.attrname
        if name is None:
            raise TypeError('Cannot use cached_property instance without '
                            'calling __set_name__ on it.')
        try:
            store = instance.__dict__
        except AttributeError:
            raise TypeError(
                f"No '__dict__' attribute on {type(instance).__name__!r} "
                f'instance to cache {name!r} property.'
            ) from None
        value = store.get(name, _MISSING)
        if value is _MISSING:
            value = self.func(instance)
            try:
                store[name] = value
            except TypeError:
                raise TypeError(
                    f"The '__dict__' attribute on "
                    f'{type(instance).__name__!r} instance does not support '
                    f'item assignment for caching {name!r} property.'
                ) from None
        return value
