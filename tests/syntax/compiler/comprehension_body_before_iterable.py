x = [await y for y in (yield)]
