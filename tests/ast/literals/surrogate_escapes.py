'\ud800'
'a\udcff b'
