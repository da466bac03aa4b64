"""Done before the threads finish: the main thread starts a worker and never joins it."""
import threading
import time

STEPS = 10     # parameter "steps"
PAUSE = 1.0    # parameter "pause" (s between the worker's steps)
JOIN = False   # parameter "join": wait for the worker before printing Done


def worker():
    for i in range(STEPS):
        print(f"t2: step {i}", flush=True)   # the seed prints a dot here, without a newline
        time.sleep(PAUSE)


if __name__ == "__main__":
    print("Starting")
    t2 = threading.Thread(target=worker, name="t2")
    t2.start()
    if JOIN:
        t2.join()
    print("Done")
