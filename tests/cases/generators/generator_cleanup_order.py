log = []
def resource(name):
    log.append(f'open {name}')
    try:
        yield name
        yield name + '2'
    finally:
        log.append(f'close {name}')
for x in resource('a'):
    log.append(f'use {x}')
g = resource('b')
log.append(f'use {next(g)}')
g.close()
g2 = resource('c')
next(g2)
try:
    g2.throw(ValueError('abort'))
except ValueError:
    log.append('abort propagated')
print('\n'.join(log))
