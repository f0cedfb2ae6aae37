"""Module/script to byte-compile all .py files to .pyc files.

kaa's compileall: CPython 3.11's compile_dir/compile_file/compile_path
(one worker; no rx/hardlink options beyond CPython's checks) over
py_compile and the native _kaa_pyc.
"""

import sys
import py_compile
import _kaa_pyc

__all__ = ["compile_dir", "compile_file", "compile_path"]


def _join(a, b):
    if not a or a.endswith('/'):
        return a + b
    return a + '/' + b


def _isdir(path):
    return _kaa_pyc.kind(path) in ('dir', 'linkdir')


def _walk_dir(dir, maxlevels, quiet=0):
    if not quiet:
        print('Listing {!r}...'.format(dir))
    try:
        names = _kaa_pyc.listdir(dir)
    except OSError:
        if quiet < 2:
            print("Can't list {!r}".format(dir))
        names = []
    names.sort()
    for name in names:
        if name == '__pycache__':
            continue
        fullname = _join(dir, name)
        if not _isdir(fullname):
            yield fullname
        elif (maxlevels > 0 and name != '.' and name != '..' and
              _kaa_pyc.kind(fullname) == 'dir'):
            yield from _walk_dir(fullname, maxlevels=maxlevels - 1,
                                 quiet=quiet)


def compile_dir(dir, maxlevels=None, ddir=None, force=False,
                rx=None, quiet=0, legacy=False, optimize=-1, workers=1,
                invalidation_mode=None, *, stripdir=None,
                prependdir=None, limit_sl_dest=None, hardlink_dupes=False):
    """Byte-compile all modules in the given directory tree."""
    if ddir is not None and (stripdir is not None or prependdir is not None):
        raise ValueError(("Destination dir (ddir) cannot be used "
                          "in combination with stripdir or prependdir"))
    if ddir is not None:
        stripdir = dir
        prependdir = ddir
        ddir = None
    if workers < 0:
        raise ValueError('workers must be greater or equal to 0')
    if maxlevels is None:
        maxlevels = sys.getrecursionlimit()
    files = _walk_dir(dir, quiet=quiet, maxlevels=maxlevels)
    success = True
    for file in files:
        if not compile_file(file, ddir, force, rx, quiet,
                            legacy, optimize, invalidation_mode,
                            stripdir=stripdir, prependdir=prependdir,
                            limit_sl_dest=limit_sl_dest,
                            hardlink_dupes=hardlink_dupes):
            success = False
    return success


def compile_file(fullname, ddir=None, force=False, rx=None, quiet=0,
                 legacy=False, optimize=-1,
                 invalidation_mode=None, *, stripdir=None, prependdir=None,
                 limit_sl_dest=None, hardlink_dupes=False):
    """Byte-compile one file."""
    if ddir is not None and (stripdir is not None or prependdir is not None):
        raise ValueError(("Destination dir (ddir) cannot be used "
                          "in combination with stripdir or prependdir"))
    success = True
    name = fullname.rpartition('/')[2]
    dfile = None
    if ddir is not None:
        dfile = _join(ddir, name)
    if stripdir is not None:
        fullname_parts = fullname.split('/')
        stripdir_parts = stripdir.split('/')
        ddir_parts = list(fullname_parts)
        for spart, opart in zip(stripdir_parts, fullname_parts):
            if spart == opart:
                ddir_parts.remove(spart)
        # os.path.join(*ddir_parts): empty parts add nothing.
        dfile = '/'.join(p for p in ddir_parts if p)
    if prependdir is not None:
        if dfile is None:
            dfile = _join(prependdir, fullname)
        else:
            dfile = _join(prependdir, dfile)
    if isinstance(optimize, int):
        optimize = [optimize]
    optimize = sorted(set(optimize))
    if hardlink_dupes and len(optimize) < 2:
        raise ValueError("Hardlinking of duplicated bytecode makes sense "
                         "only for more than one optimization level")
    if rx is not None:
        mo = rx.search(fullname)
        if mo:
            return success
    opt_cfiles = {}
    if _kaa_pyc.kind(fullname) == 'file' or _kaa_pyc.kind(fullname) == 'link':
        for opt_level in optimize:
            if legacy:
                opt_cfiles[opt_level] = fullname + 'c'
            else:
                if opt_level >= 0:
                    opt = opt_level if opt_level >= 1 else ''
                    opt_cfiles[opt_level] = py_compile._cache_from_source(
                        fullname, optimization=opt)
                else:
                    opt_cfiles[opt_level] = py_compile._cache_from_source(fullname)
        head, tail = name[:-3], name[-3:]
        if tail == '.py':
            if not force:
                expect = _kaa_pyc.expected_header(fullname, 1)
                if expect is not None:
                    expect = expect[:12]
                    for cfile in opt_cfiles.values():
                        if _kaa_pyc.read_head(cfile, 12) != expect:
                            break
                    else:
                        return success
            if not quiet:
                print('Compiling {!r}...'.format(fullname))
            try:
                for index, opt_level in enumerate(optimize):
                    cfile = opt_cfiles[opt_level]
                    ok = py_compile.compile(fullname, cfile, dfile, True,
                                            optimize=opt_level,
                                            invalidation_mode=invalidation_mode)
            except py_compile.PyCompileError as err:
                success = False
                if quiet >= 2:
                    return success
                elif quiet:
                    print('*** Error compiling {!r}...'.format(fullname))
                else:
                    print('*** ', end='')
                print(err.msg)
            except (SyntaxError, UnicodeError, OSError) as e:
                success = False
                if quiet >= 2:
                    return success
                elif quiet:
                    print('*** Error compiling {!r}...'.format(fullname))
                else:
                    print('*** ', end='')
                print(e.__class__.__name__ + ':', e)
            else:
                if ok == 0:
                    success = False
    return success


def compile_path(skip_curdir=1, maxlevels=0, force=False, quiet=0,
                 legacy=False, optimize=-1,
                 invalidation_mode=None):
    """Byte-compile all module on sys.path."""
    success = True
    for dir in sys.path:
        if (not dir or dir == '.') and skip_curdir:
            if quiet < 2:
                print('Skipping current directory')
        else:
            success = success and compile_dir(
                dir,
                maxlevels,
                None,
                force,
                quiet=quiet,
                legacy=legacy,
                optimize=optimize,
                invalidation_mode=invalidation_mode,
            )
    return success
