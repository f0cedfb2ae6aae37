s = 'abcdefghijklmnopqrstuvwxyz'
print(s[:5] + s[-5:], s[::5], s[1::5], s[-1::-5], s[5:0:-1], s[25:100], s[-30:3])
print(s[3:3], s[10:5], s[::-26], s[::26], s[slice(3, None, 7)])
words = 'one two three four five'.split()
print([w[::-1] for w in words], [w[1:-1] for w in words], [w[-1] for w in words], ''.join(w[0] for w in words))
print('palindrome', [w for w in ['level', 'python', 'racecar', 'abba', 'ab'] if w == w[::-1]])
