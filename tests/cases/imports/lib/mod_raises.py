print('mod_raises: starting')
x = 1


def helper():
    return {}['missing']


value = helper()
