words = ['hello world', 'HELLO', 'hELLO wORLD', "they're bill's friends", 'ǆemal', 'straße', 'ﬁx', '', '123abc', 'a1b2 c3', 'İstanbul', 'ΣΑΣ σας']
for w in words:
    print(repr(w), repr(w.upper()), repr(w.lower()), repr(w.capitalize()), repr(w.title()), repr(w.swapcase()), repr(w.casefold()))
print('ß'.upper(), 'ﬃ'.upper(), 'ŉ'.upper(), 'ΐ'.upper())
print('ΑΣ'.lower(), 'ΑΣ Σ'.lower(), 'aΣb'.lower())
