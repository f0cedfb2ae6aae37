raise ExceptionGroup('outer', [ValueError('v'), ExceptionGroup('inner', [KeyError('k'), TypeError('t')])])
