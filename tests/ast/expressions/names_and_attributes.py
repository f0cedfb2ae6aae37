a.b.c
obj.method().attr
