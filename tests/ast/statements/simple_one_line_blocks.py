if x: pass
while y: break
for i in r: continue
def f(): return 1
class C: pass
