f = lambda x: lambda y: x + y
