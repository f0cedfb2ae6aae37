import sys
try:
    sys.exit(9)
except SystemExit as e:
    print('caught SystemExit', e.code, repr(e))
try:
    sys.exit('msg')
except SystemExit as e:
    print('caught', e.code)
try:
    raise SystemExit(1, 2)
except SystemExit as e:
    print('tuple code', e.code)
print('continuing')
sys.exit(2)
