# A small backtracking regular-expression matcher written in Python:
# literals, '.', classes [a-z] [^0-9], escapes \d \w \s, groups,
# alternation, greedy * + ? and anchors ^ $, matched by continuation
# passing (closures). Used for search and non-overlapping findall.
DIGITS = "0123456789"
WORD = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_" + DIGITS
SPACE = " \t\n"


class Parser:
    def __init__(self, pattern):
        self.p = pattern
        self.i = 0

    def peek(self):
        return self.p[self.i] if self.i < len(self.p) else ""

    def parse(self):
        node = self.alternation()
        if self.i != len(self.p):
            raise ValueError("unbalanced ) in %r" % self.p)
        return node

    def alternation(self):
        seqs = [self.sequence()]
        while self.peek() == "|":
            self.i += 1
            seqs.append(self.sequence())
        return ("alt", seqs) if len(seqs) > 1 else seqs[0]

    def sequence(self):
        items = []
        while self.peek() not in ("", "|", ")"):
            atom = self.atom()
            q = self.peek()
            if q == "*":
                atom = ("rep", atom, 0, -1)
            elif q == "+":
                atom = ("rep", atom, 1, -1)
            elif q == "?":
                atom = ("rep", atom, 0, 1)
            if q in ("*", "+", "?"):
                self.i += 1
            items.append(atom)
        return ("seq", items)

    def atom(self):
        ch = self.peek()
        self.i += 1
        if ch == "(":
            node = self.alternation()
            if self.peek() != ")":
                raise ValueError("missing )")
            self.i += 1
            return node
        if ch == ".":
            return ("any",)
        if ch == "^":
            return ("bol",)
        if ch == "$":
            return ("eol",)
        if ch == "[":
            return self.char_class()
        if ch == "\\":
            return self.escape()
        return ("lit", ch)

    def escape(self):
        ch = self.peek()
        self.i += 1
        if ch == "d":
            return ("class", DIGITS, False)
        if ch == "w":
            return ("class", WORD, False)
        if ch == "s":
            return ("class", SPACE, False)
        return ("lit", ch)

    def char_class(self):
        negated = self.peek() == "^"
        if negated:
            self.i += 1
        chars = []
        while self.peek() != "]":
            if self.peek() == "":
                raise ValueError("missing ]")
            c = self.peek()
            self.i += 1
            if self.peek() == "-" and self.i + 1 < len(self.p) and self.p[self.i + 1] != "]":
                end = self.p[self.i + 1]
                self.i += 2
                for code in range(ord(c), ord(end) + 1):
                    chars.append(chr(code))
            else:
                chars.append(c)
        self.i += 1
        return ("class", "".join(chars), negated)


def match(node, s, i, k):
    kind = node[0]
    if kind == "lit":
        return i < len(s) and s[i] == node[1] and k(i + 1)
    if kind == "any":
        return i < len(s) and s[i] != "\n" and k(i + 1)
    if kind == "class":
        return i < len(s) and (s[i] in node[1]) != node[2] and k(i + 1)
    if kind == "seq":
        return match_seq(node[1], 0, s, i, k)
    if kind == "alt":
        for seq in node[1]:
            if match(seq, s, i, k):
                return True
        return False
    if kind == "rep":
        return match_rep(node, 0, s, i, k)
    if kind == "bol":
        return i == 0 and k(i)
    if kind == "eol":
        return i == len(s) and k(i)
    raise ValueError(kind)


def match_seq(items, j, s, i, k):
    if j == len(items):
        return k(i)
    return match(items[j], s, i, lambda p: match_seq(items, j + 1, s, p, k))


def match_rep(node, count, s, i, k):
    _, inner, low, high = node
    if high < 0 or count < high:
        if match(inner, s, i, lambda p: p != i and match_rep(node, count + 1, s, p, k)):
            return True
    return count >= low and k(i)


class Regex:
    def __init__(self, pattern):
        self.root = Parser(pattern).parse()

    def search(self, s, start=0):
        found = []

        def done(end):
            found.append(end)
            return True

        for i in range(start, len(s) + 1):
            if match(self.root, s, i, done):
                return i, found[-1]
        return None

    def findall(self, s):
        out = []
        pos = 0
        while pos <= len(s):
            m = self.search(s, pos)
            if m is None:
                break
            a, b = m
            out.append(s[a:b])
            pos = b if b > a else b + 1
        return out


PATTERNS = [
    r"\d+",
    r"[a-z]+@[a-z]+\.(com|org)",
    r"^(ab|a)*c$",
    r"x?y+z*",
    r"\w+\s\w+",
    r"(0|1(01*0)*1)+",
    r"[^aeiou ]+",
]
TEXTS = [
    "call 555 0199 or mail bob@example.com, alice@site.org today",
    "abababac",
    "ababababababababx",
    "xyyyz yz xz y",
    "the quick brown fox jumps over 13 lazy dogs",
    "110 1001 11 1111 10010 111111",
]

regexes = [Regex(p) for p in PATTERNS]
checksum = 0
for rep in range(220):
    for ri, r in enumerate(regexes):
        for ti, t in enumerate(TEXTS):
            found = r.findall(t)
            checksum = (checksum * 31 + len(found) * 7 + sum(len(f) for f in found) + ri + ti) % 1000000007
print(checksum, regexes[1].findall(TEXTS[0]), regexes[5].findall(TEXTS[5]))
