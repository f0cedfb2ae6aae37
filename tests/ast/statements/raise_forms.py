raise
raise ValueError
raise ValueError('x') from err
raise E from None
