# Writing a lone surrogate to stdout (UTF-8, strict) raises UnicodeEncodeError.
print('before', '\u0101')
print('a\ud800b')
print('not reached')
