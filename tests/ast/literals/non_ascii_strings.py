'café'
'日本語'
'emoji 😀'
'\u2028'
