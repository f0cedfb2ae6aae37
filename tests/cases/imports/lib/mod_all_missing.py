__all__ = ['ok', 'missing']
ok = 1
