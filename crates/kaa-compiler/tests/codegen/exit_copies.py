# Exit blocks without a line number are duplicated in CPython's block
# allocation order (newest first), which decides the copies' layout.
def pi_handler(self, target, data):
    if self._options.comments and self._finish_start_element:
        self._finish_start_element = False
        return
    if self._filter and not self._filter.acceptNode(target):
        if target in data:
            return


def detach(self):
    if self._active_count == 0 and self._waiters is None:
        return
    for x in self.y:
        if x:
            return
