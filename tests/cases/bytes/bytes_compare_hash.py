print(b'abc' == b'abc', b'abc' < b'abd', b'a' < b'ab', b'' < b'\x00', b'\xff' > b'\x7f', bytearray(b'a') == b'a')
print(sorted([b'b', b'a', b'ab', b'', b'\x00']), max(b'hello'), min([b'x', b'y']))
print(hash(b'') == hash(b''), b'a' in [b'a'], b'abc'.startswith(bytearray(b'ab')), bytearray(b'abc').endswith(b'c'))
print(b'ab' + bytearray(b'cd'), bytearray(b'ab') + b'cd', b'ab' * 2, 2 * bytearray(b'x'))
