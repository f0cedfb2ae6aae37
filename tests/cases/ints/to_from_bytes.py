print((1024).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'))
print((255).to_bytes(1, 'big'), (0).to_bytes(3, 'big'))
print((-1).to_bytes(2, 'big', signed=True), (-256).to_bytes(2, 'little', signed=True))
print((2 ** 64 - 1).to_bytes(8, 'big'))
print(int.from_bytes(b'\x04\x00', 'big'), int.from_bytes(b'\x04\x00', 'little'))
print(int.from_bytes(b'\xff\xff', 'big', signed=True), int.from_bytes(b'\xff\xff', 'big'))
print(int.from_bytes(b'', 'big'), int.from_bytes([1, 2, 3], 'big'))
print(int.from_bytes(b'\x80' + b'\x00' * 15, 'big', signed=True))
print((5).to_bytes(), int.from_bytes(b'\x07'))
for n in [0, 1, 127, 128, 255, 256, -1, -128, -129, 2 ** 31]:
    try:
        print(n, n.to_bytes(4, 'big', signed=True).hex())
    except OverflowError as e:
        print(n, 'OverflowError:', e)
try:
    (256).to_bytes(1, 'big')
except OverflowError as e:
    print('OverflowError:', e)
try:
    (-1).to_bytes(1, 'big')
except OverflowError as e:
    print('OverflowError:', e)
try:
    (1).to_bytes(1, 'middle')
except ValueError as e:
    print('ValueError:', e)
