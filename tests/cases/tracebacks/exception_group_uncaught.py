def fail():
    raise ExceptionGroup('several errors', [ValueError('bad'), TypeError('worse')])
print('about to fail')
fail()
