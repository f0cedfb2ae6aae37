def caesar(s, k):
    out = []
    for c in s:
        if c.isupper():
            out.append(chr((ord(c) - 65 + k) % 26 + 65))
        elif c.islower():
            out.append(chr((ord(c) - 97 + k) % 26 + 97))
        else:
            out.append(c)
    return ''.join(out)
def vigenere(s, key, sign=1):
    out = []
    ki = 0
    for c in s:
        if c.isalpha():
            shift = (ord(key[ki % len(key)].lower()) - 97) * sign
            base = 65 if c.isupper() else 97
            out.append(chr((ord(c) - base + shift) % 26 + base))
            ki += 1
        else:
            out.append(c)
    return ''.join(out)
msg = 'Attack at Dawn! Zebras & yaks.'
for k in [1, 3, 13, 25, -1]:
    enc = caesar(msg, k)
    print(k, enc, caesar(enc, -k) == msg)
v = vigenere(msg, 'Lemon')
print(v, vigenere(v, 'Lemon', -1))
print(msg.translate(str.maketrans('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', 'nopqrstuvwxyzabcdefghijklmNOPQRSTUVWXYZABCDEFGHIJKLM')))
