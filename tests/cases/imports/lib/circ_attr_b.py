import circ_attr_a
try:
    circ_attr_a.A
except AttributeError as e:
    print('AttributeError:', e)
B = 'b'
