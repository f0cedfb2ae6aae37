# bytes % formatting: every conversion with values of many types, and
# CPython's errors (checked against kaa-num's percent module).
out = []
vals = [0, 7, -42, 255, 3.5, -0.25, 1e20, b'ab', bytearray(b'xyz'), 'str', True, 2**70, None, [1]]
specs = ['%s', '%5s', '%-5s|', '%.1s', '%r', '%a', '%d', '%i', '%5d', '%-5d|', '%05d', '%+d', '% d', '%x', '%#x', '%X', '%#o', '%o', '%e', '%.2e', '%f', '%.3f', '%g', '%G', '%10.3f', '%-+8.2f|', '%c', '%b', '%5b', '%%', '%u', '%y', '%(a)s', '%*d', '%.*f', '%']
for s in specs:
    for v in vals:
        try:
            if '*' in s:
                r = s.encode() % (6, v)
            elif '(' in s:
                r = s.encode() % {b'a': v}
            else:
                r = s.encode() % (v,)
        except Exception as e:
            r = type(e).__name__ + ': ' + str(e)
        out.append(s + ' ' + repr(v) + ' ' + repr(r))
for f, a in [(b'%s %s', (b'a',)), (b'%s', (b'a', b'b')), (b'%s', b'x'), (b'%s', bytearray(b'q')), (b'x', ()), (b'x', 5), (b'%d', [1]), (b'%(a)s %(b)s', {b'a': 1, b'b': b'2'}), (b'%(a)s', 5), (b'%s %(a)s', {b'a': 1})]:
    try:
        r = f % a
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    out.append(repr(f) + ' ' + repr(a) + ' ' + repr(r))
print('\n'.join(out))
