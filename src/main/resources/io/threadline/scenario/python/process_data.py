"""Passing data between processes: a Queue, a Pipe, shared Value and Array, a Manager's dict."""
import multiprocessing
import time
from multiprocessing import Array, Manager, Pipe, Process, Queue, Value

ITEMS = 4        # parameter "items" (work items on the queue)
WORK = 0.2       # parameter "work" (s of work per item, s per message, per dict entry)
USE_LOCK = True  # parameter "lock": hold the Value's lock across read and write


def me():
    return multiprocessing.current_process().name


def cpu(seconds):
    """Busy work that holds the GIL, as Threadline's cpu() does: this thread's own CPU time."""
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def worker(q1, q2):
    while True:
        item = q1.get()
        if item is None:               # the sentinel: no more work
            break
        print(f"{me()}: processing {item}", flush=True)
        cpu(WORK * (1 + item / 10))        # the work: items differ a little in size
        q2.put(item + 10)              # the result goes back on another queue


def echo(conn):
    message = conn.recv()              # waits for the parent to send
    print(f"{me()}: got {message}", flush=True)
    time.sleep(WORK)
    conn.send(["echo", message])
    conn.close()


def add_three(total, slots, slot):
    for _ in range(3):
        if USE_LOCK:
            with total.get_lock():
                add_one(total)
        else:
            add_one(total)
    slots[slot] = (slot + 1) * 100


def add_one(total):
    seen = total.value
    time.sleep(WORK / 4)               # between the read and the write
    total.value = seen + 1


def report(results, n):
    time.sleep(WORK * n)
    results[me()] = n * n              # a request to the manager's process


if __name__ == "__main__":
    print("1. Queue: the parent hands out work, two worker processes hand back results", flush=True)
    q1 = Queue()
    q2 = Queue()
    p1 = Process(target=worker, args=(q1, q2))
    p2 = Process(target=worker, args=(q1, q2))
    p1.start()
    p2.start()
    for i in range(ITEMS):
        q1.put(i)
    q1.put(None)                       # one sentinel per worker
    q1.put(None)
    p1.join()
    p2.join()
    results = []
    while not q2.empty():
        results.append(q2.get())
    print("   results:", results, flush=True)

    print("2. Pipe: one connection, an end for each process", flush=True)
    parent_conn, child_conn = Pipe()
    p3 = Process(target=echo, args=(child_conn,))
    p3.start()
    time.sleep(WORK)                   # the child waits in recv() meanwhile
    parent_conn.send([42, None, "hello"])
    print("   parent got:", parent_conn.recv(), flush=True)
    p3.join()

    print("3. Value and Array: shared memory, each with its lock", flush=True)
    total = Value("i", 0)
    slots = Array("i", [0, 0])
    p4 = Process(target=add_three, args=(total, slots, 0))
    p5 = Process(target=add_three, args=(total, slots, 1))
    p4.start()
    p5.start()
    p4.join()
    p5.join()
    print("   total:", total.value, "(6 additions), slots:", slots[:], flush=True)

    print("4. Manager: a server process holds a dict for everyone", flush=True)
    with Manager() as manager:
        squares = manager.dict()
        p7 = Process(target=report, args=(squares, 2))
        p8 = Process(target=report, args=(squares, 1))
        p7.start()
        p8.start()
        p7.join()
        p8.join()
        print("   results:", dict(squares), flush=True)
