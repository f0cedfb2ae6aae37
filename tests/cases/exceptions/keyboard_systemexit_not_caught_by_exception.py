try:
    try:
        raise SystemExit(3)
    except Exception:
        print('not here')
except BaseException as e:
    print('BaseException caught', type(e).__name__, e.code)
try:
    try:
        raise KeyboardInterrupt
    except Exception:
        print('not here')
except KeyboardInterrupt:
    print('KeyboardInterrupt caught')
try:
    raise GeneratorExit
except Exception:
    print('not here')
except GeneratorExit:
    print('GeneratorExit caught')
print(issubclass(SystemExit, Exception), issubclass(KeyboardInterrupt, Exception), issubclass(StopIteration, Exception))
