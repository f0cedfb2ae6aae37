def f(x):
	if x:
		global x
