def g():
    received = []
    while len(received) < 4:
        x = yield len(received)
        received.append(x)
    return received
gen = g()
print(next(gen), gen.send(None), next(gen), gen.send('v'))
try:
    gen.send('last')
except StopIteration as e:
    print(e.value)
