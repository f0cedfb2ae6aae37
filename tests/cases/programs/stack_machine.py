program = [
    ('push', 10), ('push', 0), ('store', 'i'),
    ('label', 'loop'),
    ('load', 'i'), ('push', 5), ('lt',), ('jz', 'end'),
    ('load', 'i'), ('print',),
    ('load', 'i'), ('push', 1), ('add',), ('store', 'i'),
    ('jmp', 'loop'),
    ('label', 'end'), ('print',), ('halt',),
]
labels = {ins[1]: pc for pc, ins in enumerate(program) if ins[0] == 'label'}
stack, env, pc, steps = [], {}, 0, 0
while True:
    op, *args = program[pc]
    pc += 1
    steps += 1
    if op == 'push':
        stack.append(args[0])
    elif op == 'store':
        env[args[0]] = stack.pop()
    elif op == 'load':
        stack.append(env[args[0]])
    elif op == 'add':
        b, a = stack.pop(), stack.pop()
        stack.append(a + b)
    elif op == 'lt':
        b, a = stack.pop(), stack.pop()
        stack.append(int(a < b))
    elif op == 'jz':
        if not stack.pop():
            pc = labels[args[0]]
    elif op == 'jmp':
        pc = labels[args[0]]
    elif op == 'print':
        print('out', stack.pop())
    elif op == 'halt':
        break
print('steps', steps, 'env', env, 'stack', stack)
