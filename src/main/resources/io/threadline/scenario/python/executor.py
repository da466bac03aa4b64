"""Futures from a thread pool (as_completed, then map), and apply_async with a callback on a process pool."""
import random
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from multiprocessing import Pool

WORKERS = 3                          # parameter "workers" (threads)
PROCESSES = 2                        # parameter "processes"
DELAYS = [3.0, 1.0, 2.0, 1.5, 0.5]   # parameter "durations": five values, one for all, or "varied"
SEED = 0                             # parameter "seed" (used by "varied")
PAGES = [0, 1, 2, 3, 4]

# At module level, not under __main__: pool processes started by spawn import this file again
# and must see the same delays.
if DELAYS == "varied":
    random.seed(SEED)
    DELAYS = [random.randint(5, 30) / 10 for _ in PAGES]   # 0.5 to 3.0 s
elif isinstance(DELAYS, (int, float)):
    DELAYS = [float(DELAYS)] * len(PAGES)

collected = []


def fetch(page):
    time.sleep(DELAYS[page])         # downloading (time.sleep stands in for the network)
    return f"page {page}"


def square(x):
    time.sleep(DELAYS[x])            # a slow computation
    return x * x


def collect_result(result):          # runs on the pool's result-handler thread
    collected.append(result)
    print(f"  callback got {result}", flush=True)


if __name__ == "__main__":
    with ThreadPoolExecutor(max_workers=WORKERS) as executor:
        print("submit + as_completed:")
        futures = [executor.submit(fetch, p) for p in PAGES]
        for future in as_completed(futures):      # futures as they finish
            print(f"  got {future.result()}")

        print("map:")
        pages = list(executor.map(fetch, PAGES))  # results in input order
        print(f"  got {pages}")

    print("apply_async with a callback:")
    pool = Pool(processes=PROCESSES)
    for x in PAGES:
        pool.apply_async(square, (x,), callback=collect_result)
    print("  the main thread goes on while the pool works")
    pool.close()
    pool.join()
    print(f"  collected {collected}")
