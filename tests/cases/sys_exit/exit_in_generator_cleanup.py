import sys
def gen():
    try:
        yield 1
    finally:
        print('generator cleanup')
g = gen()
print(next(g))
sys.exit(7)
