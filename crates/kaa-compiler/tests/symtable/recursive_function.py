def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
def outer():
    def helper(n):
        return helper(n - 1) if n else 0
    return helper
