data = {'name': 'widget', 'count': 7, 'price': 3.5, 'ratio': 0.125}
print('%(name)s x%(count)d @ %(price).2f (%(ratio).1%%)' % {**data, 'ratio': data['ratio'] * 100})
print('%(name)-10s|%(count)05d|%(price)+8.3f|' % data)
print('%s' % ('tuple',), '%s %s' % ('a', 'b'), '%r' % ('x',), '%s' % [('nested',)])
for v in [0, 1, -1, 255, -255, 2 ** 40]:
    print('%5d|%-5d|%05d|%+5d|%x|%X|%o|%#x|%#o|%e' % (v, v, v, v, v, v, v, v, v, v))
for v in [0.0, 1.5, -2.25, 1e10, 1e-10, 123.456]:
    print('%f|%.1f|%10.3e|%-10g|%G|%+.0f' % (v, v, v, v, v, v))
