print('builtin exit()')
exit(6)
