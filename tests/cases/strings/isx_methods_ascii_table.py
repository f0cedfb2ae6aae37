for c in '09aZ _!\t\n\x0b\x1f~\x7f':
    print(repr(c), c.isalnum(), c.isalpha(), c.isdigit(), c.isspace(), c.isprintable(), c.isupper(), c.islower(), c.isidentifier())
