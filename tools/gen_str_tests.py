#!/usr/bin/env python3
"""Generate crates/kaa-str/tests/data/*.txt: str method results from CPython 3.11.

Run with CPython 3.11 (Unicode 14.0.0):

    python3 tools/gen_str_tests.py

Every expected value is what python3 returns (or raises). One case per line:

    method <TAB> arg <TAB> arg ... <TAB> => <TAB> result

Values are encoded so the Rust side needs no escaping rules:
    s:61.e9.d800     a str, code points in hex joined by '.' ('s:' is '')
    y:6162ff         bytes, hex
    i:-3             an int          n   None          b:1 / b:0  a bool
    l:<s>,<s>        a list of strs (each 's:...'), 'l:' is []
    t:<s>,<s>        a tuple of strs
    e:Class:<s>      an exception: class name and str(exc) encoded as a str
    ue:Class:enc:start:end:<s reason>:<s message>   Unicode{En,De}codeError
"""
import os
import random
import subprocess
import sys
import unicodedata

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DATA = os.path.join(ROOT, "crates", "kaa-str", "tests", "data")


def enc(v):
    if v is None:
        return "n"
    if isinstance(v, bool):
        return "b:1" if v else "b:0"
    if isinstance(v, int):
        return f"i:{v}"
    if isinstance(v, str):
        return "s:" + ".".join(f"{ord(c):x}" for c in v)
    if isinstance(v, (bytes, bytearray)):
        return "y:" + bytes(v).hex()
    if isinstance(v, list):
        return "l:" + ",".join(enc(x) for x in v)
    if isinstance(v, tuple):
        return "t:" + ",".join(enc(x) for x in v)
    raise TypeError(type(v))


def enc_exc(e):
    if isinstance(e, (UnicodeEncodeError, UnicodeDecodeError)):
        return (f"ue:{type(e).__name__}:{e.encoding}:{e.start}:{e.end}:"
                f"{enc(e.reason)}:{enc(str(e))}")
    return f"e:{type(e).__name__}:{enc(str(e))}"


def call(fn, *args):
    try:
        return enc(fn(*args))
    except Exception as e:  # the expected exception is the test data
        return enc_exc(e)


class Out:
    def __init__(self, name):
        self.name = name
        self.lines = []

    def case(self, method, args, result):
        self.lines.append("\t".join([method] + [enc(a) for a in args] + ["=>", result]))

    def write(self):
        path = os.path.join(DATA, self.name)
        with open(path, "w", encoding="ascii") as f:
            f.write("\n".join(self.lines) + "\n")
        print("wrote", os.path.normpath(path), len(self.lines), "cases")


# Characters the random strings are drawn from: ASCII, Latin-1, BMP letters,
# spaces and line breaks of every kind, cased specials, surrogates, astral.
INTERESTING = (
    list("abcABC xyzXYZ019_-.,;\t\n\r") +
    [chr(c) for c in (0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x1F, 0x85, 0xA0, 0x1680, 0x2000, 0x2028,
                      0x2029, 0x202F, 0x205F, 0x3000, 0x200B, 0xFEFF)] +
    list("éÉßÿµªºÀàıİſσςΣϐϑϕϖϰϱϵᾼᾳΐŉǅǄǆǈǋǲ") +
    list("ﬁﬂﬀﬃﬄﬅﬆŉǰẖẗẘẙẚ") +
    [chr(c) for c in (0x0130, 0x0345, 0x1E9E, 0x2126, 0x212A, 0x212B, 0x0300, 0x0301,
                      0x05D0, 0x0660, 0x0661, 0x06F9, 0x0966, 0x00B2, 0x00BD, 0x2155,
                      0x2460, 0x3007, 0x4E00, 0x4E8C, 0xD800, 0xDBFF, 0xDC00, 0xDC80,
                      0xDCFF, 0xDFFF, 0xFFFD, 0xFFFF, 0x10000, 0x10400, 0x10428,
                      0x1D7CE, 0x1F600, 0x1F1E6, 0x10FFFF, 0xE000, 0x00AD, 0x2160)]
)


def rand_str(rng, maxlen=12, alphabet=None):
    alphabet = alphabet or INTERESTING
    n = rng.randint(0, maxlen)
    return "".join(rng.choice(alphabet) for _ in range(n))


def samples(rng, count):
    """Random strings covering all three storage kinds (and ASCII)."""
    out = ["", "a", "abc", "Hello World", "  spaced  out\t", "ß", "ΣΑΣ", "\ud800", "😀x"]
    ascii_alpha = list("abcAB _.-\t\n x1")
    latin = ascii_alpha + list("éßÿ\xa0\x85µ")
    bmp = latin + list("ΣσςİıǅΐﬁⅦ\u2028\u3000") + ["\ud800", "\udc80"]
    for i in range(count):
        alpha = [ascii_alpha, latin, bmp, INTERESTING][i % 4]
        out.append(rand_str(rng, 14, alpha))
    return out


def gen_hash():
    """hash(str) and hash(bytes) under several PYTHONHASHSEED values."""
    rng = random.Random(1)
    strs = samples(rng, 60) + ["a" * n for n in range(20)] + ["\u0100" * n for n in range(1, 9)]
    strs += ["\U00010000" * n for n in range(1, 6)]
    byts = [b"", b"a", b"abc", bytes(range(256))] + [bytes(rng.randrange(256) for _ in range(n)) for n in range(20)]
    script = ("import sys\n"
              "strs = [ ''.join(chr(int(c, 16)) for c in l.split('.') if c) for l in sys.stdin.readline().split() ]\n"
              "byts = [ bytes.fromhex(l[2:]) for l in sys.stdin.readline().split() ]\n"
              "print(' '.join(str(hash(s)) for s in strs))\n"
              "print(' '.join(str(hash(b)) for b in byts))\n"
              )
    out = Out("hash.txt")
    stdin = (" ".join("x" + enc(s)[2:] for s in strs) + "\n" +
             " ".join("y:" + b.hex() for b in byts) + "\n")
    # "x" + hex list (possibly empty) keeps every token non-empty.
    script = script.replace("l.split('.')", "l[1:].split('.')")
    for seed in (0, 1, 2, 42, 12345, 4294967295):
        env = dict(os.environ, PYTHONHASHSEED=str(seed))
        res = subprocess.run([sys.executable, "-c", script], input=stdin, env=env,
                             capture_output=True, text=True, check=True).stdout.splitlines()
        for s, h in zip(strs, res[0].split()):
            out.case("hash", [seed, s], enc(int(h)))
        for b, h in zip(byts, res[1].split()):
            out.case("hash_bytes", [seed, b], enc(int(h)))
    out.write()


CASE_METHODS = ["lower", "upper", "casefold", "title", "capitalize", "swapcase"]
PREDICATES = ["isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower",
              "isnumeric", "isprintable", "isspace", "istitle", "isupper"]


def gen_case():
    """Case methods and predicates on random strings of all kinds."""
    rng = random.Random(2)
    strs = samples(rng, 400)
    strs += ["ΑΣ", "ΑΣ.", "Α.Σ", "ΑΣ'Α", "Σ", "ΑΣΣ", "aΣ\u0345", "a\u0345Σ\u0345b", "ΣΑΣ ΑΣ'", "ǅungla ǆ", "ﬁsh ﬂy", "ŉ", "İstanbul"]
    out = Out("case.txt")
    for st in strs:
        for m in CASE_METHODS + PREDICATES:
            out.case(m, [st], call(getattr(st, m)))
    out.write()


def checksum(values):
    """FNV-1a over 32-bit values (the Rust test computes the same)."""
    h = 0xcbf29ce484222325
    for v in values:
        h = ((h ^ v) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h


def gen_exhaustive():
    """Every code point through each one-char method: a checksum per 4096-block."""
    out = Out("exhaustive.txt")
    for m in CASE_METHODS + PREDICATES + ["decimal"]:
        for start in range(0, 0x110000, 0x1000):
            vals = []
            for cp in range(start, start + 0x1000):
                c = chr(cp)
                if m == "decimal":
                    vals.append(unicodedata.decimal(c, 99) if c.isdecimal() else 99)
                    continue
                r = getattr(c, m)()
                if isinstance(r, bool):
                    vals.append(int(r))
                else:
                    vals.extend(ord(x) for x in r)
                    vals.append(0xFFFFFFFF)
            out.case(m, [start], enc(checksum(vals) - (1 << 63)))
    out.write()


def needle_for(rng, hay, alphabet):
    r = rng.random()
    if hay and r < 0.6:
        a = rng.randrange(len(hay))
        return hay[a:a + rng.randint(0, 5)]
    if r < 0.7:
        return ""
    return rand_str(rng, 3, alphabet)


def opt_index(rng):
    return rng.choice([None, None, None, 0, 1, 2, 3, 5, 10, 100, -1, -2, -3, -7, -100])


def search_inputs(rng, count):
    """(haystack, alphabet) pairs: short random strings and long repetitive ones."""
    out = []
    for i, h in enumerate(samples(rng, count)):
        out.append((h, [list("abcAB _.-\t\n x1"), list("abé ßÿ\xa0"), list("abΣσ\u2028\ud800 "), INTERESTING][i % 4]))
    for alpha in (list("ab"), list("abc "), list("aé"), list("aΣ\ud800"), ["a", "\U0001F600", "b"]):
        for _ in range(25):
            out.append(("".join(rng.choice(alpha) for _ in range(rng.randint(50, 300))), alpha))
    return out


def gen_search():
    rng = random.Random(3)
    out = Out("search.txt")
    for hay, alpha in search_inputs(rng, 300):
        for m in ("find", "rfind", "index", "rindex", "count", "startswith", "endswith"):
            sub = needle_for(rng, hay, alpha)
            st, en = opt_index(rng), opt_index(rng)
            out.case(m, [hay, sub, st, en], call(getattr(hay, m), sub, st, en))
        sub = needle_for(rng, hay, alpha)
        out.case("contains", [hay, sub], enc(sub in hay))
        for _ in range(2):
            old = needle_for(rng, hay, alpha)
            new = rand_str(rng, 3, alpha)
            cnt = rng.choice([-1, -1, 0, 1, 2, 5])
            out.case("replace", [hay, old, new, cnt], call(hay.replace, old, new, cnt))
    out.write()


def gen_split():
    rng = random.Random(4)
    out = Out("split.txt")
    for hay, alpha in search_inputs(rng, 400):
        for m in ("split", "rsplit"):
            sep = rng.choice([None, None, needle_for(rng, hay, alpha)])
            ms = rng.choice([-1, -1, 0, 1, 2, 3])
            out.case(m, [hay, sep, ms], call(getattr(hay, m), sep, ms))
        for keep in (False, True):
            out.case("splitlines", [hay, keep], call(hay.splitlines, keep))
        for m in ("partition", "rpartition"):
            sep = needle_for(rng, hay, alpha)
            out.case(m, [hay, sep], call(getattr(hay, m), sep))
        items = [rand_str(rng, 4, alpha) for _ in range(rng.randint(0, 4))]
        out.case("join", [hay[:3], items], call(hay[:3].join, items))
    out.write()


def gen_pad():
    rng = random.Random(5)
    out = Out("pad.txt")
    fills = [" ", "*", "é", "Σ", "\ud800", "\U0001F600", "", "ab"]
    for hay, alpha in search_inputs(rng, 300):
        for m in ("center", "ljust", "rjust"):
            w = rng.choice([-1, 0, 3, 8, 15, 20, 21])
            f = rng.choice(fills)
            out.case(m, [hay, w, f], call(getattr(hay, m), w, f))
        w = rng.choice([-1, 0, 3, 8, 15, 20, 21])
        h2 = rng.choice([hay, "-" + hay, "+" + hay, hay])
        out.case("zfill", [h2, w], call(h2.zfill, w))
        t = rng.choice([-1, 0, 1, 3, 4, 8])
        h3 = hay.replace("x", "\t").replace("a", "\t")
        out.case("expandtabs", [h3, t], call(h3.expandtabs, t))
        for m in ("strip", "lstrip", "rstrip"):
            chars = rng.choice([None, None, rand_str(rng, 3, alpha), "", needle_for(rng, hay, alpha)])
            out.case(m, [hay, chars], call(getattr(hay, m), chars))
        for m in ("removeprefix", "removesuffix"):
            a = needle_for(rng, hay, alpha)
            p = hay[:len(a)] if rng.random() < 0.5 and m == "removeprefix" else a
            if m == "removesuffix" and rng.random() < 0.5 and a:
                p = hay[len(hay) - len(a):]
            out.case(m, [hay, p], call(getattr(hay, m), p))
    out.write()


ENCODINGS = ["utf-8", "ascii", "latin-1", "UTF8", "Latin_1", "us-ascii", "iso8859-1", "u8", "L1", "bogus"]
WIDE = ["utf-16", "utf-16-le", "utf-16-be", "UTF16", "utf_16le", "utf-32", "utf-32-le", "utf-32-be", "U32"]
ERRORS = ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "surrogateescape",
          "surrogatepass", "bogus"]


def random_bytes(rng):
    r = rng.random()
    if r < 0.3:
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 10)))
    if r < 0.5:
        # Valid UTF-8 with a cut or a corrupted byte.
        b = bytearray(rand_str(rng, 6, [c for c in INTERESTING if not 0xD800 <= ord(c) < 0xE000]).encode())
        if b:
            k = rng.randrange(len(b))
            if rng.random() < 0.5:
                b = b[:k]
            else:
                b[k] = rng.randrange(256)
        return bytes(b)
    pieces = [b"a", b"\xc3\xa9", b"\xe2\x82\xac", b"\xf0\x9f\x98\x80", b"\xed\xa0\x80", b"\xed\xb2\x80",
              b"\xc0\x80", b"\xe0\x80\x80", b"\xf4\x90\x80\x80", b"\xf5", b"\xff", b"\x80", b"\xc3", b"\xe2\x82",
              b"\xf0\x9f\x98", b"\xf0\x9f", b"\xe0\xa0", b"\xed\xa0", b"\xf0\x90", b"\xf4\x8f"]
    return b"".join(rng.choice(pieces) for _ in range(rng.randint(0, 5)))


def gen_codecs():
    rng = random.Random(6)
    out = Out("codecs.txt")
    for st in samples(rng, 200):
        for _ in range(3):
            e, er = rng.choice(ENCODINGS), rng.choice(ERRORS)
            out.case("encode", [st, e, er], call(st.encode, e, er))
    for _ in range(1200):
        b = random_bytes(rng)
        e, er = rng.choice(ENCODINGS), rng.choice(ERRORS)
        out.case("decode", [b, e, er], call(b.decode, e, er))
    for st in samples(rng, 150):
        for _ in range(2):
            e, er = rng.choice(WIDE), rng.choice(ERRORS)
            out.case("encode", [st, e, er], call(st.encode, e, er))
    for _ in range(800):
        e = rng.choice(WIDE)
        base = rng.choice(["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
        b = bytearray(rand_str(rng, 5).encode(base, "surrogatepass"))
        r = rng.random()
        if b and r < 0.3:
            b = b[:rng.randrange(len(b))]
        elif b and r < 0.6:
            b[rng.randrange(len(b))] = rng.choice([0, 0xD8, 0xDC, 0xFF, 0x11, 0x61])
        elif r < 0.7:
            b = bytes(rng.randrange(256) for _ in range(rng.randint(0, 9)))
        b = bytes(b)
        er = rng.choice(ERRORS)
        out.case("decode", [b, e, er], call(b.decode, e, er))
    out.write()


def gen_storage():
    """Indexing, slicing, concatenation, repetition, comparison, max code point."""
    rng = random.Random(7)
    out = Out("storage.txt")
    strs = samples(rng, 160)
    for k, st in enumerate(strs):
        n = len(st)
        out.case("len", [st], enc(n))
        out.case("max", [st], enc(max(map(ord, st), default=0)))
        out.case("code_points", [st], enc([c for c in st]))
        for _ in range(3):
            a, b = rng.randint(0, n + 2), rng.randint(0, n + 2)
            out.case("slice", [st, a, b], enc(st[a:b]))
            sl = slice(rng.choice([None, -1, 0, 1, 2, n, -n - 1]), rng.choice([None, 0, -1, 2, n]),
                       rng.choice([1, 2, 3, -1, -2, -3]))
            start, stop, step = sl.indices(n)
            cnt = len(range(start, stop, step))
            out.case("slice_step", [st, start, step, cnt], enc(st[sl]))
        other = strs[(k * 7 + 3) % len(strs)]
        out.case("concat", [st, other], enc(st + other))
        r = rng.choice([0, 1, 2, 3])
        out.case("repeat", [st, r], enc(st * r))
        out.case("cmp", [st, other], enc((st > other) - (st < other)))
        out.case("eq", [st, st[:]], enc(True))
        out.case("to_utf8", [st], call(lambda: st.encode("utf-8")))
    out.write()


def gen_translate():
    rng = random.Random(8)
    out = Out("translate.txt")
    for hay, alpha in search_inputs(rng, 150):
        keys = list({ord(rng.choice(alpha)) for _ in range(rng.randint(0, 4))})
        vals = [rng.choice([None, ord(rng.choice(alpha)), rand_str(rng, 3, alpha), 0x110000, -1]) for _ in keys]
        table = dict(zip(keys, vals))
        out.case("translate", [hay, keys, vals], call(hay.translate, table))
        x = rand_str(rng, 4, alpha)
        y = "".join(rng.choice(alpha) for _ in x) if rng.random() < 0.8 else rand_str(rng, 4, alpha)
        z = rng.choice([None, rand_str(rng, 3, alpha)])
        args = [x, y] if z is None else [x, y, z]
        try:
            res = enc(sorted(str.maketrans(*args).items()) and [enc(k) + "/" + enc(v) for k, v in str.maketrans(*args).items()])
        except ValueError as e:
            res = enc_exc(e)
        out.case("maketrans", [x, y, z], res)
    out.write()


def gen_digits():
    """int() of strings mixing Unicode decimal digits and whitespace."""
    rng = random.Random(9)
    out = Out("digits.txt")
    digits = [chr(c) for c in range(0x110000) if chr(c).isdecimal()]
    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    for _ in range(300):
        body = "".join(rng.choice(digits) for _ in range(rng.randint(1, 8)))
        text = (rng.choice(["", "-", "+"]) + body)
        text = "".join(rng.choice(spaces) for _ in range(rng.randint(0, 2))) + text
        text += "".join(rng.choice(spaces) for _ in range(rng.randint(0, 2)))
        out.case("int", [text], call(int, text))
    out.write()


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("run this with CPython 3.11 (Unicode 14.0.0)")
    os.makedirs(DATA, exist_ok=True)
    gen_hash()
    gen_case()
    gen_exhaustive()
    gen_search()
    gen_split()
    gen_pad()
    gen_codecs()
    gen_storage()
    gen_translate()
    gen_digits()


if __name__ == "__main__":
    main()
