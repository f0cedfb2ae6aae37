'abc\
def'
