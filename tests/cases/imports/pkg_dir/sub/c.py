from ..a import fa
VALUE = fa() + '!'
