try:
    f()
finally:
    cleanup()
