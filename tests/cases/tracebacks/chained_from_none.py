try:
    {}['x']
except KeyError:
    raise ValueError('clean message') from None
