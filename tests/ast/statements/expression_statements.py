f()
x
1
'doc'
...
await_ = 1
