import sys
def main():
    try:
        print('in main')
        sys.exit(4)
    finally:
        print('finally still runs')
main()
