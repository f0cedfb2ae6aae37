match x:
    case {"k": 1, **__debug__}:
        pass
