try:
    body_name = 1
except ValueError as err:
    handler_name = err
except (TypeError, KeyError):
    pass
else:
    else_name = 2
finally:
    final_name = 3
def f():
    try:
        pass
    except* OSError as eg:
        return eg
