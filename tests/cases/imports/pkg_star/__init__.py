__all__ = ['a', 'sub_listed']
a = 1
b = 2
