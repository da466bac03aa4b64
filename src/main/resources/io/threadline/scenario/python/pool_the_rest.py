"""Pool, the rest: apply, apply_async with get(timeout), map_async, ordered imap, ThreadPool, and ProcessPoolExecutor."""
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from multiprocessing import Pool, TimeoutError
from multiprocessing.pool import ThreadPool

WORK = 2.0       # parameter "work" (s a worker takes, as in the seed)
TIMEOUT = 1.0    # parameter "timeout" (s apply_async's get waits before TimeoutError)


def worker(x):
    print("In worker: ", x, flush=True)   # the seed's spacing: two spaces before the number
    time.sleep(WORK)
    return x * x


def nap(n):
    time.sleep(n * WORK / 4)
    return n


def collect(results):                    # map_async's callback, on the pool's result thread
    print("  callback got", results, flush=True)


if __name__ == "__main__":
    with Pool(processes=2) as pool:
        print("apply: blocks until the result is back")
        print("  result:", pool.apply(worker, (1,)))

        print("apply_async: get() with a timeout")
        res = pool.apply_async(worker, (2,))
        try:
            print("  result:", res.get(timeout=TIMEOUT))
        except TimeoutError:
            print(f"  TimeoutError after {TIMEOUT} s; ready: {res.ready()}")
            print("  result:", res.get())

        print("map_async: the main thread goes on")
        r = pool.map_async(worker, [3, 4, 5], callback=collect)
        print("  ready:", r.ready())
        r.wait()
        print("  result:", r.get())

        print("imap: in input order, each once it and those before it are done")
        for n in pool.imap(nap, [3, 1, 2]):
            print("  got", n)

    with ThreadPool(2) as threads:
        print("ThreadPool: the same calls on threads of this process")
        print("  result:", threads.map(worker, [6, 7]))

    print("ProcessPoolExecutor: submit, cancel, wait")
    with ProcessPoolExecutor(max_workers=2) as executor:
        futures = [executor.submit(nap, n) for n in (2, 1, 2, 1, 1)]
        print("  cancel:", [f.cancel() for f in futures])
        done, not_done = wait(futures, return_when=FIRST_COMPLETED)
        print(f"  first completed: {len(done)} done, {len(not_done)} not done")
        wait(futures)
        print("  results:", [("cancelled" if f.cancelled() else f.result()) for f in futures])
        print("  exception():", futures[0].exception())
