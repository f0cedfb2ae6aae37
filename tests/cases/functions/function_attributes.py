def documented(a, b=1):
    """Adds things."""
    return a + b
print(documented.__name__, documented.__doc__, documented.__defaults__, documented.__module__)
print(documented.__qualname__, documented.__code__.co_name, documented.__code__.co_argcount)
def nodoc():
    pass
print(nodoc.__doc__, nodoc(), type(nodoc).__name__, callable(nodoc))
documented.custom = 'attr'
print(documented.custom, sorted(k for k in vars(documented)))
def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__, outer().__name__)
class K:
    def meth(self):
        pass
print(K.meth.__qualname__, K().meth.__name__, K().meth.__func__ is K.meth, K().meth.__self__.__class__.__name__)
lam = lambda x: x
print(lam.__name__, lam.__qualname__, (lambda: 0).__code__.co_name)
def annotated(x: int, y: 'str' = 'a') -> list:
    pass
print(annotated.__annotations__)
f2 = documented
print(f2(5), f2 is documented, documented == f2)
