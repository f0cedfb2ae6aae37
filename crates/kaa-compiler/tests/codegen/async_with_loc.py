# The POP_BLOCK closing an `async with` body keeps the body's last location
# (compiler_async_with has no UNSET_LOC there, unlike compiler_with).
async def coro(barrier, results1, results2):
    try:
        async with barrier as i:
            if i == 2:
                raise RuntimeError
        async with barrier:
            results1.append(True)
    except E:
        results2.append(True)
