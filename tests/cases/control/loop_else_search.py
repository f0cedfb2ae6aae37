def find_first_dup(seq):
    seen = set()
    for x in seq:
        if x in seen:
            break
        seen.add(x)
    else:
        return None
    return x
print(find_first_dup([1, 2, 3, 2, 1]), find_first_dup('abc'), find_first_dup('abca'))
def is_prime(n):
    if n < 2:
        return False
    for d in range(2, int(n ** 0.5) + 1):
        if n % d == 0:
            return False
    else:
        return True
print([n for n in range(30) if is_prime(n)])
n = 0
while n < 3:
    n += 1
else:
    print('while completed', n)
for i in range(3):
    for j in range(3):
        if i == j == 1:
            break
    else:
        print('inner completed for', i)
