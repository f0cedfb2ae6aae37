from circ_a import A
B = 'b'
