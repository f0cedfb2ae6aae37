"it's"
'say "hi"'
'both \' "'
