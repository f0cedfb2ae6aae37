assert True
assert 1 == 1, 'never shown'
try:
    assert False
except AssertionError as e:
    print('AssertionError', repr(e), e.args)
try:
    assert 1 > 2, 'custom message'
except AssertionError as e:
    print('AssertionError', e)
try:
    assert [], ('tuple', 'msg')
except AssertionError as e:
    print('AssertionError', e.args)
calls = []
def side():
    calls.append(1)
    return 'msg'
assert True, side()
print(calls)
try:
    x = 0
    assert x, f'x was {x}'
except AssertionError as e:
    print(e)
