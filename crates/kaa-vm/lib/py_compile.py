"""Routine to "compile" a .py file to a .pyc file.

kaa's py_compile: CPython 3.11's interface; the pyc (kaa's own magic
number, PEP 552 header, atomic write) is made by the native _kaa_pyc.
"""

import sys
import _kaa_pyc

__all__ = ["compile", "main", "PyCompileError", "PycInvalidationMode"]


class PyCompileError(Exception):
    """Exception raised when an error occurs while attempting to
    compile the file.
    """

    def __init__(self, exc_type, exc_value, file, msg=''):
        exc_type_name = exc_type.__name__
        if exc_type is SyntaxError:
            tbtext = _kaa_pyc.format_exception_only(exc_value) or ''
            errmsg = tbtext.replace('File "<string>"', 'File "%s"' % file)
        else:
            errmsg = "Sorry: %s: %s" % (exc_type_name, exc_value)
        Exception.__init__(self, msg or errmsg, exc_type_name, exc_value, file)
        self.exc_type_name = exc_type_name
        self.exc_value = exc_value
        self.file = file
        self.msg = msg or errmsg

    def __str__(self):
        return self.msg


class PycInvalidationMode:
    """The enum.Enum of CPython's py_compile: TIMESTAMP, CHECKED_HASH,
    UNCHECKED_HASH."""

    def __init__(self, name, value):
        self.name = name
        self.value = value

    def __repr__(self):
        return "<PycInvalidationMode.%s: %r>" % (self.name, self.value)

    def __str__(self):
        return "PycInvalidationMode." + self.name

    def __hash__(self):
        return hash(self.name)


PycInvalidationMode.TIMESTAMP = PycInvalidationMode("TIMESTAMP", 1)
PycInvalidationMode.CHECKED_HASH = PycInvalidationMode("CHECKED_HASH", 2)
PycInvalidationMode.UNCHECKED_HASH = PycInvalidationMode("UNCHECKED_HASH", 3)


def _get_default_invalidation_mode():
    if _kaa_pyc.source_date_epoch():
        return PycInvalidationMode.CHECKED_HASH
    else:
        return PycInvalidationMode.TIMESTAMP


def _cache_from_source(file, optimization=None):
    if optimization is None:
        level = sys.flags.optimize
        optimization = str(level) if level else ''
    return _kaa_pyc.cache_from_source(file, str(optimization),
                                      getattr(sys, 'pycache_prefix', None))


def compile(file, cfile=None, dfile=None, doraise=False, optimize=-1,
            invalidation_mode=None, quiet=0):
    """Byte-compile one Python source file to Python bytecode.

    Returns the path to the byte compiled file, or None after an error
    that was not raised.
    """
    if invalidation_mode is None:
        invalidation_mode = _get_default_invalidation_mode()
    if cfile is None:
        if optimize >= 0:
            optimization = optimize if optimize >= 1 else ''
            cfile = _cache_from_source(file, optimization=optimization)
        else:
            cfile = _cache_from_source(file)
    kind = _kaa_pyc.kind(cfile)
    if kind in ('link', 'linkdir'):
        msg = ('{} is a symlink and will be changed into a regular file if '
               'import writes a byte-compiled file to it')
        raise FileExistsError(msg.format(cfile))
    elif kind is not None and kind != 'file':
        msg = ('{} is a non-regular file and will be changed into a regular '
               'one if import writes a byte-compiled file to it')
        raise FileExistsError(msg.format(cfile))
    try:
        _kaa_pyc.compile(file, cfile, dfile or file, optimize,
                         invalidation_mode.value)
    except OSError:
        raise
    except Exception as err:
        py_exc = PyCompileError(err.__class__, err, dfile or file)
        if quiet < 2:
            if doraise:
                raise py_exc
            else:
                sys.stderr.write(py_exc.msg + '\n')
        return
    return cfile
