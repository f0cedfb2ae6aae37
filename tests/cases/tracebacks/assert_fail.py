def check(n):
    assert n % 2 == 0, f'{n} is odd'
    return n // 2
print(check(4))
check(7)
