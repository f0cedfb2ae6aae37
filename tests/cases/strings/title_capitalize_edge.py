for s in ["hello world", "HELLO WORLD", "hello-world_foo bar", "o'neil mc'donald", "3rd place", "ǳ letter", "ßtraße", "a.b.c", "x1y2z", ""]:
    print(repr(s.title()), repr(s.capitalize()), s.istitle(), s.title().istitle())
