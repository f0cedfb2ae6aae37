import sys
try:
    raise ValueError('boom')
except ValueError as e:
    print('handling', e)
    sys.exit(2)
