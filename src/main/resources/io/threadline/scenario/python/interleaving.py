"""Three threads whose prints interleave: each picks a letter, then prints a step a second."""
import random
import threading
import time

STEPS = 5      # parameter "steps"
PAUSE = 1.0    # parameter "pause" (s between a thread's steps)
SEED = 0       # parameter "seed" (the letters the threads pick)

MARKS = ["a", "b", "c", "d", "e", "f", "g"]


def worker():
    name = threading.current_thread().name
    prefix = random.choice(MARKS)      # each thread its own letter, in its own local variable
    for i in range(STEPS):
        print(f"{name}: {prefix}{i}", flush=True)   # the seed prints these on one line
        time.sleep(PAUSE)


if __name__ == "__main__":
    random.seed(SEED)
    print("Starting")
    threads = [threading.Thread(target=worker, name=name) for name in ("ta", "tb", "tc")]
    for t in threads:
        t.start()
    print("Done")
