match cmd:
    case ['go', ('north' | 'south') as d, *_]:
        pass
    case {'action': [*items], 'meta': {'v': Version(major=3)}}:
        pass
