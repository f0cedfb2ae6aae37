X = 1


def __getattr__(name):
    if name == 'dynamic':
        return 'made by __getattr__'
    raise AttributeError(f"module {__name__!r} has no attribute {name!r} (custom)")


def __dir__():
    return ['X', 'dynamic']
