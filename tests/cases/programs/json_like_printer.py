def dump(v, indent=0):
    pad = '  ' * indent
    if isinstance(v, dict):
        if not v:
            return '{}'
        items = [f'{pad}  {k!r}: {dump(x, indent + 1)}' for k, x in v.items()]
        return '{\n' + ',\n'.join(items) + '\n' + pad + '}'
    if isinstance(v, (list, tuple)):
        if not v:
            return '[]'
        items = [pad + '  ' + dump(x, indent + 1) for x in v]
        return '[\n' + ',\n'.join(items) + '\n' + pad + ']'
    if isinstance(v, str):
        return '"' + v.replace('\\', '\\\\').replace('"', '\\"') + '"'
    if v is None:
        return 'null'
    if isinstance(v, bool):
        return 'true' if v else 'false'
    return repr(v)
doc = {'name': 'kaa', 'version': [0, 1], 'tags': ('vm', 'say "hi"'), 'meta': {'ok': True, 'none': None, 'pi': 3.14, 'empty': {}}, 'list': []}
print(dump(doc))
