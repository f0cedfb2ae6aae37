data = [1, 2]
r = [x * y for x in data if x for y in other if y > x]
def f(n):
    return [i + n for i in range(n)]
