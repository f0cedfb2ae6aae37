# Template subclasses may change the identifier pattern (compiled with re).
from string import Template


class Dotted(Template):
    idpattern = r'[_a-z][_a-z0-9.]*'


print(Dotted('$a.b and ${c.d}').substitute({'a.b': 1, 'c.d': 2}))


class Braces(Template):
    braceidpattern = r'[^}]+'


print(Braces('${any thing} $x').substitute({'any thing': 3, 'x': 4}))
