pub1 = 1
pub2 = 'two'
_priv = 3


def pubf():
    return 'pubf'
