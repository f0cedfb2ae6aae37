def handle(cmd):
    match cmd.split():
        case ['go', direction]:
            return f'going {direction}'
        case ['go', *_]:
            return 'go where?'
        case ['pick', 'up', item] | ['take', item]:
            return f'picking {item}'
        case ['drop', *items] if items:
            return f'dropping {", ".join(items)}'
        case []:
            return 'nothing'
        case [single]:
            return f'single word {single!r}'
        case _:
            return 'unknown'
for c in ['go north', 'go', 'go a b', 'pick up lamp', 'take key', 'drop a b c', 'drop', '', 'look', 'jump over there']:
    print(repr(c), '->', handle(c))
def config(d):
    match d:
        case {'type': 'db', 'host': str(host), **rest}:
            return f'db at {host} extra={rest}'
        case {'type': 'cache', 'size': int(n)} if n > 0:
            return f'cache {n}'
        case {'type': t}:
            return f'unknown type {t}'
        case _:
            return 'invalid'
for d in [{'type': 'db', 'host': 'h1', 'port': 5}, {'type': 'cache', 'size': 3}, {'type': 'cache', 'size': 0}, {'type': 'x'}, {}, 5]:
    print(config(d))
