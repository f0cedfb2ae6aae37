[ ] ( [ ( ( ) for i in [ ] ( ) ) ] , * for
