import circ_ok_b
A = 'a'


def get_b():
    return circ_ok_b.B
