import sys
print('out 1')
print('err 1', file=sys.stderr)
print('out 2', end='')
sys.stdout.write(' written\n')
sys.stderr.write('err 2\n')
sys.exit(1)
