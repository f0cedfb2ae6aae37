TRANSITIONS = {
    ('idle', 'coin'): 'ready',
    ('ready', 'push'): 'vending',
    ('ready', 'refund'): 'idle',
    ('vending', 'done'): 'idle',
}
def run(events):
    state = 'idle'
    trace = [state]
    for ev in events:
        try:
            state = TRANSITIONS[(state, ev)]
        except KeyError:
            trace.append(f'!{ev}')
            continue
        trace.append(state)
    return trace
print(run(['coin', 'push', 'done']))
print(run(['push', 'coin', 'refund', 'coin', 'coin', 'push', 'done', 'done']))
counts = {}
for (src, ev), dst in TRANSITIONS.items():
    counts[src] = counts.get(src, 0) + 1
print(counts, sorted({dst for dst in TRANSITIONS.values()}))
