class Order:
    cls_attr = 'class'
    def __init__(self):
        self.inst = 'instance'
    @property
    def prop(self):
        return 'property'
    def __getattr__(self, name):
        return f'fallback:{name}'
o = Order()
print(o.inst, o.cls_attr, o.prop, o.missing)
o.__dict__['prop'] = 'shadow attempt'
print(o.prop, o.__dict__['prop'])
o.__dict__['cls_attr'] = 'instance wins'
print(o.cls_attr, Order.cls_attr)
