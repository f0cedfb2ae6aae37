from contextlib import contextmanager

@contextmanager
def opened(path, mode='r'):
    f = open(path, mode)
    try:
        yield f
    finally:
        f.close()

with opened('x') as f, opened('y', mode='w') as g:
    g.write(f.read())
