print('pkg_basic: init, __package__ =', __package__)
PKG_CONST = 'pkg'
