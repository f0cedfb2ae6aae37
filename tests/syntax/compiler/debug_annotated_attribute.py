obj.__debug__: bool
