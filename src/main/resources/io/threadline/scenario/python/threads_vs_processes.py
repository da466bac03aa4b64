"""Threads vs processes: the same CPU-bound tasks on a pool of threads (one GIL) and of processes (a GIL each)."""
import time
from concurrent.futures import ThreadPoolExecutor
from multiprocessing import Pool

TASKS = 4       # parameter "tasks"
WORKERS = 4     # parameter "workers" (threads, then processes)
WORK = 0.2      # parameter "work" (s of CPU work per task)


def cpu(seconds):
    """Busy work that holds the GIL, as Threadline's cpu() does: this thread's own CPU time."""
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def crunch(x):
    cpu(WORK)                        # pure computation: holds its process's GIL
    return x * x


if __name__ == "__main__":
    inputs = list(range(TASKS))

    print(f"Threads: {TASKS} tasks on {WORKERS} threads of one process")
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=WORKERS) as executor:
        results = list(executor.map(crunch, inputs))
    on_threads = time.perf_counter() - start
    print(f"  {results} in {on_threads:.3f} s")

    print(f"Processes: {TASKS} tasks on {WORKERS} worker processes")
    start = time.perf_counter()
    with Pool(processes=WORKERS) as pool:
        results = pool.map(crunch, inputs)
        pool.close()
        pool.join()
    on_processes = time.perf_counter() - start
    print(f"  {results} in {on_processes:.3f} s")

    print(f"Threads {on_threads:.3f} s, processes {on_processes:.3f} s: "
          f"processes {on_threads / on_processes:.1f}x as fast")
