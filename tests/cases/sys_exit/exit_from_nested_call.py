import sys
def deep(n):
    if n == 0:
        print('exiting from depth')
        sys.exit(11)
    deep(n - 1)
deep(5)
