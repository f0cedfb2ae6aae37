# Coroutines without asyncio: async def functions awaiting each other and
# a small awaitable class, driven round-robin by a scheduler calling
# send(None).
class Yield:
    """An awaitable that suspends the running task once."""

    def __await__(self):
        yield self


class Channel:
    def __init__(self):
        self.items = []

    async def put(self, item):
        self.items.append(item)
        await Yield()

    async def get(self):
        while not self.items:
            await Yield()
        return self.items.pop(0)


async def square(x):
    return x * x


async def add_squares(a, b):
    return await square(a) + await square(b)


async def producer(chan, n):
    for i in range(n):
        value = await add_squares(i, i + 1)
        await chan.put(value)
    await chan.put(None)


async def consumer(chan):
    total = 0
    while True:
        item = await chan.get()
        if item is None:
            return total
        total += item % 1000


async def fib(n):
    if n < 2:
        return n
    return await fib(n - 1) + await fib(n - 2)


async def counter(n):
    count = 0
    for i in range(n):
        count += await fib(i % 8)
        if i % 16 == 0:
            await Yield()
    return count


def run(tasks):
    """Round-robin: each send(None) runs a task to its next suspension."""
    results = []
    queue = list(tasks)
    while queue:
        task = queue.pop(0)
        try:
            task.send(None)
        except StopIteration as stop:
            results.append(stop.value)
        else:
            queue.append(task)
    return results


checksum = 0
for rep in range(70):
    chan = Channel()
    results = run([producer(chan, 1500), consumer(chan), counter(800 + rep)])
    checksum += sum(r for r in results if r is not None) + len(results)
print(checksum)
