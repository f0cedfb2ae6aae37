x.async_ = 1
awaitable = 2
