"""Race condition: threads add 1 to a shared counter by reading it, working, writing it back."""
import random
import threading
import time

THREADS = 4        # parameter "threads"
ROUNDS = 3         # parameter "rounds" (additions per thread)
WORK = 0.008       # parameter "work" (s of CPU work between the read and the write)
SEED = 0           # parameter "seed" (varies the work times)
USE_LOCK = False   # parameter "lock"

counter = 0


def cpu(seconds):
    """Busy work that holds the GIL, as Threadline's cpu() does: this thread's own CPU time."""
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def add_one(name):
    global counter
    seen = counter                # read
    cpu(WORK * random.randint(50, 150) / 100)   # work on it: 0.5 to 1.5 times WORK
    now = counter                 # another thread may have written meanwhile...
    counter = seen + 1            # write: ...and that write is lost here
    if now != seen:
        print(f"{name}: read {seen}, wrote {seen + 1} over the {now} another thread wrote meanwhile: "
              "an update is lost")
    else:
        print(f"{name}: read {seen}, wrote {seen + 1}")


def worker(name, lock):
    for _ in range(ROUNDS):
        if USE_LOCK:
            with lock:
                add_one(name)
        else:
            add_one(name)


if __name__ == "__main__":
    random.seed(SEED)
    lock = threading.Lock()
    names = [f"Thread-{i}" for i in range(1, THREADS + 1)]
    threads = [threading.Thread(target=worker, args=(n, lock), name=n) for n in names]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    expected = THREADS * ROUNDS
    print(f"Counter: {counter} (expected {expected}): {expected - counter} update(s) lost")
