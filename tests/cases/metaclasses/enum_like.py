# A small Enum built on a metaclass: members created at class creation,
# iteration, len, lookup by value and name, members immutable.
class EnumMeta(type):
    def __new__(mcls, name, bases, ns):
        members = {k: v for k, v in ns.items() if not k.startswith('_') and not callable(v)}
        for k in members:
            del ns[k]
        cls = super().__new__(mcls, name, bases, ns)
        cls._members = {}
        for k, v in members.items():
            m = object.__new__(cls)
            object.__setattr__(m, 'name', k)
            object.__setattr__(m, 'value', v)
            cls._members[k] = m
            type.__setattr__(cls, k, m)
        return cls
    def __iter__(cls):
        return iter(cls._members.values())
    def __len__(cls):
        return len(cls._members)
    def __contains__(cls, m):
        return isinstance(m, cls) and m.name in cls._members
    def __getitem__(cls, name):
        return cls._members[name]
    def __call__(cls, value):
        for m in cls._members.values():
            if m.value == value:
                return m
        raise ValueError(f'{value!r} is not a valid {cls.__name__}')
    def __setattr__(cls, name, value):
        if name in cls.__dict__.get('_members', ()):
            raise AttributeError(f'cannot reassign member {name!r}')
        super().__setattr__(name, value)

class Enum(metaclass=EnumMeta):
    def __repr__(self):
        return f'<{type(self).__name__}.{self.name}: {self.value!r}>'
    def __setattr__(self, name, value):
        raise AttributeError("can't set attribute")
    def __hash__(self):
        return hash(self.name)
    def __reduce__(self):
        return (type(self), (self.value,))

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    def describe(self):
        return f'{self.name.lower()}={self.value}'

print(list(Color), len(Color), Color.RED, Color['GREEN'], Color(3))
print(Color.RED in Color, 1 in Color, Color.BLUE.describe(), isinstance(Color.RED, Color))
print({Color.RED: 'r'}[Color.RED], Color.RED is Color(1), type(Color).__name__)
for bad in [lambda: Color(7), lambda: setattr(Color, 'RED', 9), lambda: setattr(Color.RED, 'value', 5)]:
    try:
        bad()
    except (ValueError, AttributeError) as e:
        print(type(e).__name__ + ':', e)
Color.extra = 'ok'
print(Color.extra, sorted(Color._members))
