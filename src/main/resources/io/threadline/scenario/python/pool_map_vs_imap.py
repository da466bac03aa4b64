"""Pool: map (all results at once, in input order) vs imap_unordered (each as it is done)."""
import random
import time
from multiprocessing import Pool

WORKERS = 4              # parameter "workers"
DURATIONS = [2.0] * 6    # parameter "durations": one for all, six values, or "varied"
SEED = 0                 # parameter "seed" (used by "varied")


def worker(x):
    print("In worker with:", x, flush=True)
    time.sleep(DURATIONS[x])
    return x * x


if __name__ == "__main__":
    if DURATIONS == "varied":
        rng = random.Random(SEED)
        DURATIONS = [rng.randint(5, 30) / 10 for _ in range(6)]
    with Pool(processes=WORKERS) as pool:
        print("map:")
        print(pool.map(worker, range(6)))

        print("imap_unordered:")
        for square in pool.imap_unordered(worker, range(6)):
            print(square)

        pool.close()
        pool.join()
