print('before')
x = 1
print(undefined_variable + x)
print('never')
