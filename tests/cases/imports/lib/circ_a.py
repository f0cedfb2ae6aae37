import circ_b
A = 'a'
