__debug__ = 1
def f(__debug__):
    del __debug__
