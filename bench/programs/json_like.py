# JSON-like serialisation written in Python: a recursive encoder of nested
# dicts/lists/str/int/float/bool/None into a string (with escapes), and a
# recursive-descent parser back; the round trip is checked.
ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"}
UNESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t"}


def encode_str(s):
    out = ['"']
    for ch in s:
        out.append(ESCAPES.get(ch, ch))
    out.append('"')
    return "".join(out)


def encode(value, parts):
    if value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, int):
        parts.append(str(value))
    elif isinstance(value, float):
        parts.append(repr(value))
    elif isinstance(value, str):
        parts.append(encode_str(value))
    elif isinstance(value, list):
        parts.append("[")
        for i, item in enumerate(value):
            if i:
                parts.append(",")
            encode(item, parts)
        parts.append("]")
    elif isinstance(value, dict):
        parts.append("{")
        first = True
        for k, v in value.items():
            if not first:
                parts.append(",")
            first = False
            parts.append(encode_str(k))
            parts.append(":")
            encode(v, parts)
        parts.append("}")
    else:
        raise TypeError("cannot encode " + type(value).__name__)


def dumps(value):
    parts = []
    encode(value, parts)
    return "".join(parts)


class ParseError(Exception):
    pass


class Parser:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def skip(self):
        text, pos = self.text, self.pos
        while pos < len(text) and text[pos] in " \n\t":
            pos += 1
        self.pos = pos

    def value(self):
        self.skip()
        ch = self.text[self.pos]
        if ch == "{":
            return self.obj()
        if ch == "[":
            return self.array()
        if ch == '"':
            return self.string()
        if self.text.startswith("null", self.pos):
            self.pos += 4
            return None
        if self.text.startswith("true", self.pos):
            self.pos += 4
            return True
        if self.text.startswith("false", self.pos):
            self.pos += 5
            return False
        return self.number()

    def number(self):
        start = self.pos
        text = self.text
        while self.pos < len(text) and text[self.pos] in "+-0123456789.eE":
            self.pos += 1
        token = text[start:self.pos]
        if not token:
            raise ParseError("unexpected %r at %d" % (text[start], start))
        if "." in token or "e" in token or "E" in token:
            return float(token)
        return int(token)

    def string(self):
        self.pos += 1
        out = []
        text = self.text
        while True:
            ch = text[self.pos]
            if ch == '"':
                self.pos += 1
                return "".join(out)
            if ch == "\\":
                out.append(UNESCAPES[text[self.pos + 1]])
                self.pos += 2
            else:
                out.append(ch)
                self.pos += 1

    def array(self):
        self.pos += 1
        items = []
        self.skip()
        if self.text[self.pos] == "]":
            self.pos += 1
            return items
        while True:
            items.append(self.value())
            self.skip()
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "]":
                return items
            if ch != ",":
                raise ParseError("expected , or ]")

    def obj(self):
        self.pos += 1
        result = {}
        self.skip()
        if self.text[self.pos] == "}":
            self.pos += 1
            return result
        while True:
            self.skip()
            key = self.string()
            self.skip()
            if self.text[self.pos] != ":":
                raise ParseError("expected :")
            self.pos += 1
            result[key] = self.value()
            self.skip()
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "}":
                return result
            if ch != ",":
                raise ParseError("expected , or }")


def loads(text):
    return Parser(text).value()


def make_doc(seed, depth):
    state = seed
    def rand(n):
        nonlocal state
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        return state % n
    def build(d):
        kind = rand(4) if d > 0 and rand(5) != 0 else 4 + rand(4)
        if kind < 2:
            return [build(d - 1) for _ in range(1 + rand(5))]
        if kind < 4:
            return {"k%d\t%s" % (i, "\"q\"" if rand(3) == 0 else "v"): build(d - 1)
                    for i in range(1 + rand(5))}
        if kind == 4:
            return rand(100000) - 50000
        if kind == 5:
            return rand(1000) / 8 - 40.25
        if kind == 6:
            return "text %d\nline\\%d" % (rand(1000), rand(10))
        return [None, True, False][rand(3)]
    return {"root": build(depth), "id": seed}


checksum = 0
for seed in range(170):
    doc = make_doc(seed, 6)
    text = dumps(doc)
    back = loads(text)
    if back != doc or dumps(back) != text:
        raise ValueError("round trip failed for seed %d" % seed)
    checksum = (checksum * 31 + len(text) + text.count(":") * 7) % 1000000007
print(checksum, len(dumps(make_doc(7, 6))))
