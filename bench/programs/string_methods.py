# String methods: split/rsplit/join/replace/partition/strip/case changes,
# str.format and %-formatting with specs, f-strings with conversions and
# format specs, startswith/endswith/find/count, zfill/center/ljust.
NAMES = ["ada", "grace", "alan", "edsger", "barbara", "ken", "dennis", "guido"]


def line_for(i):
    name = NAMES[i % 8]
    return f"{i:>6}|{name:<8}|{i * 1.5:.2f}|{name!r}|{i:#x}|{i % 97:03d}"


def run(n):
    total = 0
    for i in range(n):
        s = line_for(i)
        fields = s.split("|")
        total += len(fields[1].strip()) + int(fields[0]) % 13
        head, sep, tail = s.partition("|")
        total += len(tail) - len(head) + len(sep)
        t = "{0}-{1:>5}-{2:^7}-{name}".format(fields[1].strip(), i % 1000, "x" * (i % 5), name=NAMES[i % 3])
        total += len(t) + t.count("-") + t.find("x") + t.rfind("-")
        u = "%s=%d (%5.1f%%) %-4s|" % (NAMES[i % 8], i, (i % 1000) / 10, "ok")
        total += len(u.upper()) + u.lower().count("a") + len(u.title())
        w = s.replace("|", ", ").replace("'", "")
        total += len(w) + len(w.rsplit(", ", 2)[0])
        if w.startswith("   ") or w.endswith("f"):
            total += 1
        z = str(i).zfill(8) + NAMES[i % 8].center(10, "*") + NAMES[(i + 1) % 8].ljust(9, ".")
        total += len(z) + z.index("*") + len(z.swapcase().lstrip("0"))
        total += len(" ".join(reversed(fields)).split())
    return total


print(run(40000))
