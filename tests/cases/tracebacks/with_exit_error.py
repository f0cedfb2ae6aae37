class CM:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        return False
with CM():
    print('in with')
    int('not a number')
