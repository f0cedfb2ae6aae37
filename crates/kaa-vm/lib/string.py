"""A collection of string constants.

Public module variables:

whitespace -- a string containing all ASCII whitespace
ascii_lowercase -- a string containing all ASCII lowercase letters
ascii_uppercase -- a string containing all ASCII uppercase letters
ascii_letters -- a string containing all ASCII letters
digits -- a string containing all ASCII decimal digits
hexdigits -- a string containing all ASCII hexadecimal digits
octdigits -- a string containing all ASCII octal digits
punctuation -- a string containing all ASCII punctuation characters
printable -- a string containing all ASCII characters considered printable

kaa's string: CPython 3.11's interface and behaviour, written in Python.
Template's placeholders are found by a small hand-written scanner that
matches what CPython's default pattern matches (kaa has no `re` yet).
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

# Some strings for ctype-style character classification
whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


# Functions which aren't available as string methods.

# Capitalize the words in a string, e.g. " aBc  dEf " -> "Abc Def".
def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split the argument into words using split, capitalize each
    word using capitalize, and join the capitalized words using
    join.  If the optional second argument sep is absent or None,
    runs of whitespace characters are replaced by a single space
    and leading and trailing whitespace are removed, otherwise
    sep is used to split and join the words.

    """
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


####################################################################

_ID_START = frozenset('_' + ascii_letters)
_ID_CONTINUE = frozenset('_' + ascii_letters + digits)


def _ident_end(s, i):
    # The end of the ASCII identifier ([_a-z][_a-z0-9]*, any case) that
    # starts at s[i], or i when none does: CPython's default idpattern.
    n = len(s)
    if i < n and s[i] in _ID_START:
        i += 1
        while i < n and s[i] in _ID_CONTINUE:
            i += 1
    return i


class _Match:
    """One placeholder found in a template (what re's match gave)."""

    __slots__ = ('kind', 'name', 'start', 'end', 'text')

    def __init__(self, kind, name, start, end, text):
        self.kind = kind      # 'escaped', 'named', 'braced' or 'invalid'
        self.name = name      # the identifier for named/braced
        self.start = start    # where the delimiter starts
        self.end = end        # just past the placeholder
        self.text = text      # the placeholder's text (mo.group())


class _ChainLookup:
    """Keyword arguments first, then the mapping (like ChainMap)."""

    __slots__ = ('maps',)

    def __init__(self, *maps):
        self.maps = maps

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        raise KeyError(key)


_sentinel_dict = {}


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    # r'[a-z]' matches to non-ASCII letters when used with IGNORECASE, but
    # without the ASCII flag.  We can't add re.ASCII to flags because of
    # backward compatibility.  So we use the ?a local flag and [a-z] pattern.
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None

    def __init_subclass__(cls):
        super().__init_subclass__()
        # Only the delimiter may be customised: kaa has no `re` to
        # compile another pattern with.
        for name in ('pattern', 'idpattern', 'braceidpattern', 'flags'):
            if name in cls.__dict__:
                raise NotImplementedError(
                    f"kaa's string.Template does not support overriding "
                    f"{name!r} yet (it needs the re module)")

    def __init__(self, template):
        self.template = template

    def _scan(self):
        # Yield each placeholder, scanning left to right as re.finditer
        # does with the pattern
        #   delim(?:(?P<escaped>delim)|(?P<named>id)|{(?P<braced>id)}|
        #           (?P<invalid>))
        s = self.template
        if not isinstance(s, str):
            raise TypeError("cannot use a string pattern on a bytes-like "
                            "object" if isinstance(s, (bytes, bytearray))
                            else "expected string or bytes-like object, "
                            f"got {type(s).__name__!r}")
        delim = self.delimiter
        size = len(delim)
        pos = 0
        while True:
            i = s.find(delim, pos)
            if i < 0 or not delim:
                return
            j = i + size
            if s.startswith(delim, j):
                end = j + size
                yield _Match('escaped', None, i, end, s[i:end])
                pos = end
                continue
            k = _ident_end(s, j)
            if k > j:
                yield _Match('named', s[j:k], i, k, s[i:k])
                pos = k
                continue
            if s.startswith('{', j):
                k = _ident_end(s, j + 1)
                if k > j + 1 and s.startswith('}', k):
                    yield _Match('braced', s[j + 1:k], i, k + 1, s[i:k + 1])
                    pos = k + 1
                    continue
            yield _Match('invalid', None, i, j, s[i:j])
            pos = j

    def _invalid(self, mo):
        i = mo.start + len(self.delimiter)
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def _substitute(self, mapping, safe):
        parts = []
        pos = 0
        for mo in self._scan():
            parts.append(self.template[pos:mo.start])
            pos = mo.end
            if mo.kind == 'escaped':
                parts.append(self.delimiter)
            elif mo.kind == 'invalid':
                if not safe:
                    self._invalid(mo)
                parts.append(mo.text)
            elif safe:
                try:
                    parts.append(str(mapping[mo.name]))
                except KeyError:
                    parts.append(mo.text)
            else:
                parts.append(str(mapping[mo.name]))
        parts.append(self.template[pos:])
        return ''.join(parts)

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        """Return the template with placeholders replaced from mapping/kws.

        Raises KeyError for a missing name, ValueError for an invalid
        placeholder.
        """
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainLookup(kws, mapping)
        return self._substitute(mapping, False)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        """Like substitute(), but leave missing or invalid placeholders."""
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainLookup(kws, mapping)
        return self._substitute(mapping, True)

    def is_valid(self):
        """Whether the template has no invalid placeholders."""
        for mo in self._scan():
            if mo.kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        """The identifiers of the valid placeholders, in order, once each."""
        ids = []
        for mo in self._scan():
            if mo.name is not None and mo.name not in ids:
                ids.append(mo.name)
        return ids


########################################################################
# The Formatter class: str.format() with its steps as overridable
# methods.  The two parsing helpers below do what CPython's _string
# module does (the same results and the same errors).

_MAXSIZE = (1 << 63) - 1


def _index_or_name(s):
    # A string of decimal digits is an index, anything else a name.
    if s and s.isdecimal():
        value = int(s)
        if value > _MAXSIZE:
            raise ValueError("Too many decimal digits in format string")
        return value
    return s


def _formatter_parser(s):
    # Yield (literal_text, field_name, format_spec, conversion) for each
    # piece of s, as _string.formatter_parser does.
    if not isinstance(s, str):
        raise TypeError(f"expected str, got {type(s).__name__}")
    n = len(s)
    pos = 0
    while pos < n:
        # Literal text up to the first brace.
        start = pos
        c = ''
        while pos < n:
            c = s[pos]
            pos += 1
            if c in '{}':
                break
        at_end = pos >= n
        if c == '}' and (at_end or s[pos] != '}'):
            raise ValueError("Single '}' encountered in format string")
        if c == '{' and at_end:
            raise ValueError("Single '{' encountered in format string")
        if c not in '{}' or not c:
            yield (s[start:pos], None, None, None)
            return
        if s[pos] == c:
            # A doubled brace: one brace of literal text, no field.
            pos += 1
            yield (s[start:pos - 1], None, None, None)
            continue
        literal = s[start:pos - 1]
        # The field name runs to '}', ':' or '!' (not inside [...]).
        name_start = pos
        c = ''
        while pos < n:
            c = s[pos]
            pos += 1
            if c == '{':
                raise ValueError("unexpected '{' in field name")
            if c == '[':
                while pos < n and s[pos] != ']':
                    pos += 1
                continue
            if c in '}:!':
                break
        field_name = s[name_start:pos - 1]
        conversion = None
        if c in ':!':
            if c == '!':
                if pos >= n:
                    raise ValueError("end of string while looking for "
                                     "conversion specifier")
                conversion = s[pos]
                pos += 1
                if pos < n:
                    c = s[pos]
                    pos += 1
                    if c == '}':
                        yield (literal, field_name, '', conversion)
                        continue
                    if c != ':':
                        raise ValueError("expected ':' after conversion "
                                         "specifier")
            # The format spec runs to the matching '}'.
            spec_start = pos
            depth = 1
            while pos < n:
                c = s[pos]
                pos += 1
                if c == '{':
                    depth += 1
                elif c == '}':
                    depth -= 1
                    if depth == 0:
                        break
            if depth:
                raise ValueError("unmatched '{' in format spec")
            yield (literal, field_name, s[spec_start:pos - 1], conversion)
        elif c != '}':
            raise ValueError("expected '}' before end of string")
        else:
            yield (literal, field_name, '', None)


def _field_rest(name, pos):
    # Yield (is_attribute, key) for each '.attr' or '[key]' after the
    # first part of a field name.
    n = len(name)
    while pos < n:
        c = name[pos]
        pos += 1
        if c == '.':
            start = pos
            while pos < n and name[pos] not in '.[':
                pos += 1
            if pos == start:
                raise ValueError("Empty attribute in format string")
            yield (True, name[start:pos])
        elif c == '[':
            start = pos
            while pos < n and name[pos] != ']':
                pos += 1
            if pos >= n:
                raise ValueError("Missing ']' in format string")
            if pos == start:
                raise ValueError("Empty attribute in format string")
            key = _index_or_name(name[start:pos])
            pos += 1
            yield (False, key)
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format "
                             "field specifier")


def _field_name_split(name):
    # _string.formatter_field_name_split: the first part (an index or a
    # name) and an iterator over the rest.
    if not isinstance(name, str):
        raise TypeError(f"expected str, got {type(name).__name__}")
    end = 0
    while end < len(name) and name[end] not in '.[':
        end += 1
    return _index_or_name(name[:end]), _field_rest(name, end)


class Formatter:
    """str.format() as a class whose steps can be overridden."""

    def format(self, format_string, /, *args, **kwargs):
        """Format format_string with the positional and keyword args."""
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        """Format format_string with args (a sequence) and kwargs."""
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args,
                 recursion_depth, auto_arg_index=0):
        # auto_arg_index is the next automatic index, or False once a
        # field gave its index explicitly.
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal, field_name, spec, conversion in self.parse(format_string):
            if literal:
                result.append(literal)
            if field_name is None:
                continue
            if field_name == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    # (CPython gives this message both ways round.)
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            spec, auto_arg_index = self._vformat(
                spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            result.append(self.format_field(obj, spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        """An index looks in args, a name in kwargs."""
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        """Called with the keys used; does nothing by default."""
        pass

    def format_field(self, value, format_spec):
        """Format one value: format(value, format_spec)."""
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        """Apply a conversion ('s', 'r', 'a' or None) to value."""
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        """An iterator of (literal_text, field_name, format_spec, conversion)."""
        return _formatter_parser(format_string)

    def get_field(self, field_name, args, kwargs):
        """The object a field names, and the key of the argument used."""
        first, rest = _field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in rest:
            if is_attr:
                obj = getattr(obj, key)
            else:
                obj = obj[key]
        return obj, first
