"""Generic (shallow and deep) copying operations.

Interface summary:

        import copy

        x = copy.copy(y)        # make a shallow copy of y
        x = copy.deepcopy(y)    # make a deep copy of y

For module specific errors, copy.Error is raised.

kaa's copy: CPython 3.11's interface and behaviour, written in Python.
Objects that define no __copy__/__deepcopy__/__reduce_ex__/__reduce__
of their own are copied the way object.__reduce_ex__(4) would describe
them (a new object from cls.__new__, then its __dict__ and slots), so
that kaa does not depend on pickling support.
"""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error   # backward compatibility


def _method_type():
    class _C:
        def _m(self):
            pass
    return type(_C()._m)


_MethodType = _method_type()
_FunctionType = type(_method_type)
_BuiltinFunctionType = type(len)
_CodeType = type(_method_type.__code__)

# Types whose values copy() returns unchanged (CPython's _copy_immutable).
_IMMUTABLE = (type(None), int, float, bool, complex, str, tuple, bytes,
              frozenset, type, range, slice, property, _BuiltinFunctionType,
              type(Ellipsis), type(NotImplemented), _FunctionType)

# Types whose values deepcopy() returns unchanged (CPython's
# _deepcopy_atomic).
_ATOMIC = (type(None), int, float, bool, complex, bytes, str, _CodeType,
           type, range, _BuiltinFunctionType, type(Ellipsis),
           type(NotImplemented), _FunctionType, property)


def copy(x):
    """Shallow copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """
    cls = type(x)
    if cls in _IMMUTABLE:
        return x
    if cls in (list, dict, set, bytearray):
        return cls.copy(x)
    if issubclass(cls, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _ATOMIC or issubclass(cls, type):
        y = x
    elif cls is list:
        y = _deepcopy_list(x, memo)
    elif cls is tuple:
        y = _deepcopy_tuple(x, memo)
    elif cls is dict:
        y = _deepcopy_dict(x, memo)
    elif cls is _MethodType:
        # A bound method rebinds its function to a copy of __self__
        # (CPython calls types.MethodType(func, self); kaa cannot build
        # method objects that way, binding through __get__ is the same).
        y = x.__func__.__get__(deepcopy(x.__self__, memo))
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x)
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    # If it is its own copy, don't memoize.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)  # Make sure x lives at least as long as d
    return y


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


def _deepcopy_tuple(x, memo):
    y = [deepcopy(a, memo) for a in x]
    # We're not going to put the tuple in the memo, but it's still
    # important we check for it, in case the tuple contains recursive
    # mutable structures.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            return tuple(y)
    return x


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _keep_alive(x, memo):
    """Keeps a reference to the object x in the memo.

    Because we remember objects by their id, we have to assure that
    possibly temporary objects are kept alive by referencing them.
    We store a reference at the id of the memo, which should normally
    not be used unless someone tries to deepcopy the memo itself...
    """
    try:
        memo[id(memo)].append(x)
    except KeyError:
        # aha, this is the first one :-)
        memo[id(memo)] = [x]


def _newobj(cls, *args):
    # copyreg.__newobj__
    return cls.__new__(cls, *args)


def _newobj_ex(cls, args, kwargs):
    # copyreg.__newobj_ex__
    return cls.__new__(cls, *args, **kwargs)


def _rebuild_exception(cls, args, state):
    # An exception made from its args, then its attributes set.
    y = cls(*args)
    if state:
        for key, value in state.items():
            setattr(y, key, value)
    return y


def _slotnames(cls):
    # copyreg._slotnames: the (mangled) slot names of cls and its bases.
    names = []
    for c in cls.__mro__:
        slots = vars(c).get("__slots__", ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ("__dict__", "__weakref__"):
                continue
            if name.startswith('__') and not name.endswith('__'):
                stripped = c.__name__.lstrip('_')
                if stripped:
                    name = '_%s%s' % (stripped, name)
            names.append(name)
    return names


def _default_state(x):
    # object.__getstate__: the instance __dict__ (None when empty) and,
    # when some slots are set, a (dict, slots) pair.
    state = getattr(x, "__dict__", None)
    if not state:
        state = None
    slots = {}
    for name in _slotnames(type(x)):
        try:
            slots[name] = getattr(x, name)
        except AttributeError:
            pass
    if slots:
        return (state, slots)
    return state


def _overrides(cls, name):
    # Whether a Python class in cls's MRO defines `name`, rather than it
    # coming from the nearest built-in base.
    base = object
    for c in cls.__mro__:
        if c.__module__ == 'builtins':
            base = c
            break
    return getattr(cls, name, None) is not getattr(base, name, None)


def _reduce(x):
    """The reduce value object.__reduce_ex__(4) would give x."""
    cls = type(x)
    if cls in (set, frozenset):
        return (cls, (list(x),), None)
    if cls is bytearray:
        return (cls, (bytes(x),), None)
    if cls is slice:
        return (cls, (x.start, x.stop, x.step), None)
    if _overrides(cls, "__reduce_ex__"):
        return x.__reduce_ex__(4)
    if _overrides(cls, "__reduce__"):
        return x.__reduce__()
    if isinstance(x, BaseException):
        # BaseException.__reduce__ gives (cls, args[, __dict__]) and its
        # __setstate__ sets each attribute; kaa has neither yet, so one
        # helper does both (the attributes are copied with the args).
        state = getattr(x, "__dict__", None) or None
        return (_rebuild_exception, (cls, x.args, state))
    if isinstance(x, (set, frozenset)):
        # set.__reduce__: the class called with a list of the items.
        return (cls, (list(x),), getattr(x, "__dict__", None) or None)
    if cls.__module__ == 'builtins' or not isinstance(x, object):
        raise TypeError(f"cannot pickle {cls.__name__!r} object")
    kwargs = None
    if hasattr(x, "__getnewargs_ex__"):
        args, kwargs = x.__getnewargs_ex__()
    elif hasattr(x, "__getnewargs__"):
        args = x.__getnewargs__()
    else:
        args = ()
    if _overrides(cls, "__getstate__"):
        state = x.__getstate__()
    else:
        state = _default_state(x)
    listiter = iter(x) if isinstance(x, list) else None
    dictiter = iter(x.items()) if isinstance(x, dict) else None
    if kwargs:
        return (_newobj_ex, (cls, args, kwargs), state, listiter, dictiter)
    return (_newobj, (cls,) + tuple(args), state, listiter, dictiter)


def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None,
                 *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                item = deepcopy(item, memo)
                y.append(item)
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
                y[key] = value
        else:
            for key, value in dictiter:
                y[key] = value
    return y
