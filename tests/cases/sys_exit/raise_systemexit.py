print('raise SystemExit directly')
raise SystemExit(5)
