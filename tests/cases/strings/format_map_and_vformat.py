class Defaulting(dict):
    def __missing__(self, k):
        return f'?{k}?'
tmpl = '{name} has {count} {item}s'
print(tmpl.format_map({'name': 'Ann', 'count': 3, 'item': 'apple'}))
print(tmpl.format_map(Defaulting(name='Bob')))
print('{0}{1}{0}'.format('ab', 'cd'), '{:{fill}>{width}}'.format('x', fill='.', width=5))
print('{0!r:^10}|{0!s:^10}|'.format('q'), '{:>{}}'.format('r', 4), '{:.{}f}'.format(3.14159, 3))
print('{a.real}+{a.imag}j'.format(a=3 + 4j), '{0[0]}{0[1]}'.format(['x', 'y']), '{d[key]}'.format(d={'key': 'v'}))
