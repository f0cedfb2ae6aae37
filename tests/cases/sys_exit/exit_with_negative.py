import sys
print('negative exit code wraps')
sys.exit(-1)
