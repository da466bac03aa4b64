"""Producer and consumer: items pass through a queue; None tells a consumer to stop."""
import queue
import threading
import time

PRODUCERS = 2     # parameter "producers"
CONSUMERS = 2     # parameter "consumers"
ITEMS = 10        # parameter "items" (in all, shared among the producers)
CAPACITY = 3      # parameter "capacity" (0 = unbounded)
MAKE = 0.2        # parameter "make" (s of CPU work per item)
CONSUME = 0.4     # parameter "consume" (s of CPU work per item)


def cpu(seconds):
    """Busy work that holds the GIL, as Threadline's cpu() does: this thread's own CPU time."""
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def producer(q, pid, count):
    for i in range(1, count + 1):
        cpu(MAKE)                      # making the item: computation, with the GIL
        item = f"item {pid}.{i}"
        q.put(item)
        print(f"Producer {pid} put {item}")


def consumer(q, cid):
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        print(f"Consumer {cid} got {item}")
        cpu(CONSUME)                   # working on it: computation, with the GIL
        q.task_done()


if __name__ == "__main__":
    q = queue.Queue(maxsize=CAPACITY)

    makers = []
    for p in range(1, PRODUCERS + 1):
        count = ITEMS // PRODUCERS + (1 if p <= ITEMS % PRODUCERS else 0)
        makers.append(threading.Thread(target=producer, args=(q, p, count), name=f"Producer-{p}"))
    takers = [threading.Thread(target=consumer, args=(q, c), name=f"Consumer-{c}")
              for c in range(1, CONSUMERS + 1)]
    for t in makers:
        t.start()
    for t in takers:
        t.start()

    for t in makers:
        t.join()
    q.join()
    print(f"All {ITEMS} items are done.")

    for _ in takers:
        q.put(None)
    for t in takers:
        t.join()
    print("Consumers stopped.")
