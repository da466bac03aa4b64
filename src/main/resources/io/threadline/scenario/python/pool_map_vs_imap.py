"""Pool: map (all results at once, in input order) vs imap_unordered (each as it is done)."""
import random
import time
from multiprocessing import Pool

WORKERS = 4        # parameter "workers"
DURATIONS = 2.0    # parameter "durations": one for all, a list of six, or "varied"
SEED = 0           # parameter "seed" (used by "varied")
MAP = True         # parameter "map": False runs imap_unordered alone on a fresh pool, as the seed's second program


def task_durations():
    if DURATIONS == "varied":
        random.seed(SEED)
        return [random.randint(5, 30) / 10 for _ in range(6)]   # 0.5 to 3.0 s
    if isinstance(DURATIONS, (int, float)):
        return [float(DURATIONS)] * 6
    return [float(d) for d in DURATIONS]


# At module level, not under __main__: worker processes started by spawn import this file
# again and must see the same durations.
TASK_DURATIONS = task_durations()


def worker(x):
    print("In worker with: ", x, flush=True)   # as the seed writes it: two spaces before the number
    time.sleep(TASK_DURATIONS[x])
    return x * x


if __name__ == "__main__":
    print("Task durations:", TASK_DURATIONS)
    with Pool(processes=WORKERS) as pool:
        if MAP:
            print("map:")
            print(pool.map(worker, range(6)))

        print("imap_unordered:")
        for square in pool.imap_unordered(worker, range(6)):
            print(square)

        pool.close()
        pool.join()
