def wrap(text, width):
    lines, line = [], ''
    for word in text.split():
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line += ' ' + word
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines
text = 'The quick brown fox jumps over the lazy dog and keeps running far beyond the horizon of the small town'
for w in [10, 20, 35]:
    print(f'--- width {w}')
    for l in wrap(text, w):
        print(f'|{l:<{w}}|')
    print('|' + '|\n|'.join(l.center(w) for l in wrap(text, w)[:2]) + '|')
