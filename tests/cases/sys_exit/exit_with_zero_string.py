import sys
print('exit with string "0" prints it and status 1')
sys.exit('0')
