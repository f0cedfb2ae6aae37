for w in [0, 3, 8]:
    for p in [0, 2, 5]:
        print('[%*.*f] [%*.*s] [%-*d]' % (w, p, 3.14159, w, p, 'abcdef', w, 42))
