import sys
for i in range(3):
    print('line', i)
print('to stderr', file=sys.stderr)
x = [1, 2, 3]
x.remove(99)
