print(1 and 2, 0 and 2, 1 or 2, 0 or 2, '' or 'default', 'x' and 'y', None or 0, [] or {} or 'z')
print(0 or '' or None, 1 and 0 and 2, 1 and 2 and 3, not [], not [0], None and 1)
calls = []
def t(v):
    calls.append(v)
    return v
r = t(0) and t(1)
print(r, calls)
calls.clear()
r = t(1) or t(2)
print(r, calls)
calls.clear()
r = t(0) or t('') or t([]) or t('last')
print(r, calls)
calls.clear()
r = t(1) and t('a') and t(None) and t(5)
print(r, calls)
x = [] or [1]
print(x, (lambda: 0)() or 'fallback', 3 and 'yes' or 'no', 0 and 'yes' or 'no')
print(bool(0.0 or 0j or 0), (0.0 or 0j), type(0 or 0.0).__name__)
