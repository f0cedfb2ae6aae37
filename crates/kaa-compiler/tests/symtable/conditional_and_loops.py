def f(n):
    while n:
        n -= 1
        if n > 5:
            break
        elif n:
            continue
        else:
            m = n
    else:
        done = True
    for i in range(n):
        pass
    else:
        k = i
    assert n, msg
    raise Err from cause
