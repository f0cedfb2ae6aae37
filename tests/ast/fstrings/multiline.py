f'''
line {x}
  {y!r:>{w}}
'''
f"""{
    x
}"""
