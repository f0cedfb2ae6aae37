import copy


class _Hidden:
    __slots__ = ('__priv', 'pub')

    def __init__(self):
        self.__priv = [1]
        self.pub = 2

    def priv(self):
        return self.__priv


h = _Hidden()
h2 = copy.copy(h)
print(h2.priv(), h2.priv() is h.priv(), h2.pub)
h3 = copy.deepcopy(h)
print(h3.priv(), h3.priv() is h.priv(), h3.pub)
