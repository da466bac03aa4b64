"""Semaphore: more clients than connections; only as many get in as there are permits."""
import random
import threading
import time

PERMITS = 3       # parameter "permits"
CLIENTS = 8       # parameter "clients"
WORK = 1.0        # parameter "work" (s a client uses its connection, varied 0.5 to 1.5 times)
BOUNDED = True    # parameter "bounded": a BoundedSemaphore rather than a Semaphore
SEED = 0          # parameter "seed"


def client(name, connections, query_time):
    with connections:                  # waits while every connection is in use
        print(f"{name} connected")
        time.sleep(query_time)         # using the connection
        print(f"{name} is done")


if __name__ == "__main__":
    random.seed(SEED)
    connections = threading.BoundedSemaphore(PERMITS) if BOUNDED else threading.Semaphore(PERMITS)

    threads = []
    for i in range(1, CLIENTS + 1):
        name = f"Client-{i}"
        query_time = WORK * random.randint(5, 15) / 10
        threads.append(threading.Thread(target=client, args=(name, connections, query_time), name=name))
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    print("All clients are done. A cleanup bug releases a connection nobody took:")
    connections.release()              # a BoundedSemaphore raises ValueError here
    print(f"No error: the semaphore now lets {connections._value} in, for {PERMITS} connections.")
