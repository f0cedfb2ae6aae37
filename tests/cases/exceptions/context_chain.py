def a():
    try:
        raise KeyError('a')
    except KeyError:
        b()
def b():
    try:
        raise ValueError('b')
    except ValueError:
        raise TypeError('c')
try:
    a()
except TypeError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(repr(cur))
        cur = cur.__context__
    print(chain)
try:
    try:
        raise ValueError('original')
    except ValueError as e:
        raise e
except ValueError as e:
    print(repr(e), e.__context__)
try:
    try:
        raise ValueError(1)
    finally:
        pass
except ValueError as e:
    print('context of plain finally:', e.__context__)
try:
    try:
        raise KeyError(1)
    except KeyError:
        pass
    raise IndexError(2)
except IndexError as e:
    print('after handled block:', e.__context__)
e1 = ValueError('loop')
try:
    try:
        raise e1
    except ValueError:
        raise e1
except ValueError as e:
    print('self context avoided:', e.__context__)
