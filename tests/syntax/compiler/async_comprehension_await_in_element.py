def f():
    return {k: await v for k, v in items}
