import asyncio

async def worker(name, queue):
    while True:
        item = await queue.get()
        if item is None:
            break
        print(name, item)

async def main():
    q = asyncio.Queue()
    tasks = [asyncio.create_task(worker(i, q)) for i in range(3)]
    for n in range(10):
        await q.put(n)
    await asyncio.gather(*tasks)

asyncio.run(main())
