for x in y:
    try:
        break
        z = *a
    finally:
        yield
