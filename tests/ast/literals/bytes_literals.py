b'abc'
B"x"
b'\x00\xff\n'
br'\d'
Rb'x'
b''
b'a' b'b'
