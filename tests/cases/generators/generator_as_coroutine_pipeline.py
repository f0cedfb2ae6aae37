def printer():
    while True:
        item = yield
        print('printing', item)
def doubler(target):
    while True:
        item = yield
        target.send(item * 2)
p = printer()
next(p)
d = doubler(p)
next(d)
for i in range(3):
    d.send(i)
def grep(pattern, target):
    while True:
        line = yield
        if pattern in line:
            target.send(line)
g = grep('py', p)
next(g)
for line in ['python', 'rust', 'pypy', 'go']:
    g.send(line)
d.close()
g.close()
p.close()
print('closed', d.gi_frame, p.gi_frame)
