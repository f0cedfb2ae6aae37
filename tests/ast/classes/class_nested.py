class Outer:
    class Inner:
        y = 2
