import circ_ok_a
B = 'b'


def get_a():
    return circ_ok_a.A
