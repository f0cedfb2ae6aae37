import sys


def main(argv):
    total = 0
    for arg in argv[1:]:
        try:
            total += int(arg)
        except ValueError:
            print(f'bad: {arg!r}', file=sys.stderr)
    return total


if __name__ == '__main__':
    sys.exit(main(sys.argv))
