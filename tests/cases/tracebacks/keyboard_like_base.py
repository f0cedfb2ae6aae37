class Stop(BaseException):
    pass
print('raising BaseException subclass')
raise Stop('stopped')
