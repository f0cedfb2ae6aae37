total = 0
def add(n):
    global total
    total += n
def nested():
    def deeper():
        global total
        total = total * 10
    deeper()
add(5)
nested()
add(1)
print(total)
def declare_new():
    global brand_new
    brand_new = 'created'
declare_new()
print(brand_new)
def read_before_global_assign():
    return 'total' in globals(), total
print(read_before_global_assign())
