# A trailing `return` leaves no implicit `return None` (nor its None
# constant) behind, even when a folded tuple is added to co_consts later.
def wrap(text, width=70, **kwargs):
    """Docstring first, so None is not constant 0."""
    w = TextWrapper(width=width, **kwargs)
    return w.wrap(text)


def dead_code_after_return(**kwargs):
    "doc"
    f(**kwargs)
    return 1
    x = 2
