"""asyncio: one thread, one event loop, many tasks; await asyncio.sleep lets the others run, time.sleep does not."""
import asyncio
import time

TASKS = 3          # parameter "tasks" (task k brews for k times DELAY)
DELAY = 1.0        # parameter "delay" (s)
TICK = 0.8         # parameter "tick" (s between the clock task's ticks)
BLOCKING = False   # parameter "blocking": time.sleep in the coroutines instead of await asyncio.sleep


async def brew(name, seconds):
    print(f"{name}: start brewing ({seconds:.1f} s)")
    if BLOCKING:
        time.sleep(seconds)            # blocks the thread, and with it every task
    else:
        await asyncio.sleep(seconds)   # suspends this task; the loop runs the others
    print(f"{name}: done")
    return seconds


async def clock():
    ticks = 0
    try:
        while True:
            await asyncio.sleep(TICK)
            ticks += 1
            print(f"clock: tick {ticks}")
    except asyncio.CancelledError:
        print(f"clock: cancelled after {ticks} ticks")
        raise


async def main():
    start = time.monotonic()
    ticker = asyncio.create_task(clock(), name="clock")
    results = await asyncio.gather(*(brew(f"tea-{k}", DELAY * k) for k in range(1, TASKS + 1)))
    print(f"all done in {time.monotonic() - start:.1f} s: {results}")
    ticker.cancel()


if __name__ == "__main__":
    asyncio.run(main())
