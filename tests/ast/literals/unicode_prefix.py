u'unicode'
U'x'
