import circ_attr_b
A = 'a'
