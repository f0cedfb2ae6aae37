def fail():
    raise RuntimeError('x')
try:
    fail()
except RuntimeError as e:
    tb = e.__traceback__
    frames = []
    while tb:
        frames.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(frames)
    print(type(e.__traceback__).__name__)
