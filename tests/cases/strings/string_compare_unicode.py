words = ['zebra', 'Zebra', 'apple', 'Äpfel', 'éclair', 'eclair', 'Ω', '1abc', '_x', ' space']
print(sorted(words))
print(sorted(words, key=str.lower))
print([w < 'm' for w in words])
print(max(words), min(words), 'a' < 'B', 'a' < 'b', chr(0x10FFFF) > 'z')
