# X | Y between types, None and unions: types.UnionType with __args__.
u = int | str | None
print(u, u.__args__, type(u).__name__)
print(None | u, u | u, int | int, (int | str) | (str | float))
print(isinstance(None, u), isinstance(2.0, u), isinstance("s", u))
print(issubclass(bool, int | str), issubclass(float, int | str))
print((int | str).__args__ == (int, str))
try:
    int | 3
except TypeError as e:
    print("TypeError:", e)
print((int | str) == (str | int), (int | str) != (str | int), (int | str) == (int | float))
print(hash(int | str) == hash(str | int), {int | str: 1}.get(str | int), (int | str) in {str | int})
print((int | str) == int, (int, str) == (int | str))
