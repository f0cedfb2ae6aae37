def encode(s):
    if not s:
        return []
    out = []
    cur, n = s[0], 1
    for c in s[1:]:
        if c == cur:
            n += 1
        else:
            out.append((cur, n))
            cur, n = c, 1
    out.append((cur, n))
    return out
def decode(pairs):
    return ''.join(c * n for c, n in pairs)
for s in ['', 'a', 'aaabccdddd', 'abc', 'zzzzzzzzzzzz', 'aabbaa']:
    e = encode(s)
    print(repr(s), e, ''.join(f'{n}{c}' for c, n in e), decode(e) == s)
