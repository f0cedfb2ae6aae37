class E(Exception):
    def __str__(self):
        return 'custom str of E'
raise E('ignored arg')
