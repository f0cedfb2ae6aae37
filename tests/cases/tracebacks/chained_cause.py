def load(key):
    store = {'a': 1}
    try:
        return store[key]
    except KeyError as e:
        raise LookupError(f'cannot load {key}') from e
load('b')
