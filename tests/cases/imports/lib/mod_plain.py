"""A plain module."""
print('mod_plain: running body, __name__ =', __name__)
VALUE = 42
_private = 'hidden'


def double(x):
    return x * 2


class Thing:
    def __repr__(self):
        return 'Thing()'
