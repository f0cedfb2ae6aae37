print('pkg_basic.sub: body, __package__ =', __package__)


def func():
    return 'pkg_basic.sub.func'
