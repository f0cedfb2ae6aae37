class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def parse(cls, s):
        y, m, d = map(int, s.split('-'))
        return cls(y, m, d)
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return f'{type(self).__name__}({self.y}, {self.m}, {self.d})'
    def __lt__(self, o):
        return (self.y, self.m, self.d) < (o.y, o.m, o.d)
class Birthday(Date):
    pass
ds = [Date.parse('2024-02-29'), Birthday.parse('1999-12-31'), Date(2000, 1, 1)]
print(ds, sorted(ds), min(ds))
print([y for y in range(1896, 1912) if Date.is_leap(y)], Date.is_leap(2000), Date.is_leap(1900))
