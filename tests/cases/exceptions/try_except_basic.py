def risky(kind):
    if kind == 'value':
        raise ValueError('bad value')
    if kind == 'key':
        return {}['missing']
    if kind == 'index':
        return [][0]
    if kind == 'zero':
        return 1 // 0
    if kind == 'type':
        return 'a' + 1
    if kind == 'attr':
        return None.foo
    if kind == 'name':
        return undefined_thing
    return 'ok'
for k in ['value', 'key', 'index', 'zero', 'type', 'attr', 'name', 'none']:
    try:
        r = risky(k)
    except (ValueError, KeyError) as e:
        print(k, 'value-or-key', type(e).__name__, e)
    except LookupError as e:
        print(k, 'lookup', type(e).__name__, e)
    except ArithmeticError as e:
        print(k, 'arith', repr(e))
    except Exception as e:
        print(k, 'other', type(e).__name__, e)
    else:
        print(k, 'no error', r)
    finally:
        print(k, 'finally')
