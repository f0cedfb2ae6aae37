result = foo(1,
             2]
