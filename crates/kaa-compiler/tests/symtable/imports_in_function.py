def f():
    import json
    import xml.etree
    from os import path as p
    return json, xml, p
