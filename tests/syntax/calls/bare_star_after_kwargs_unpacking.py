f(**kw, *)
f(x, *)
