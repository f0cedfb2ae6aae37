class Config:
    def __init__(self):
        self.settings = {'debug': True}
cfg = Config()
print(cfg.settings['debug'])
print(cfg.options['debug'])
