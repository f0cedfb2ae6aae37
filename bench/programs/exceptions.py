# Exceptions raised and caught in a loop, try/finally, custom classes.
class AppError(Exception):
    pass
def risky(i):
    if i % 3 == 0:
        raise AppError(i)
    if i % 5 == 0:
        raise KeyError(i)
    return i
total = 0
for i in range(750000):
    try:
        total += risky(i)
    except AppError as e:
        total += 1
    except KeyError:
        total += 2
    finally:
        total += 1
print(total)
