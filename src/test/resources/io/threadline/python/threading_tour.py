"""The threading, queue, time and concurrent.futures API a course uses, in an order that does
not depend on scheduling (each step waits for the last): CPython prints the same lines."""
import queue
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_COMPLETED

log = []
data = threading.local()


def step(name):
    print(name, threading.current_thread().name, threading.active_count())


class Worker(threading.Thread):
    def run(self):
        data.value = self.name
        time.sleep(0.1)
        step("subclass run " + data.value)


w = Worker(name="W")
print("alive before start:", w.is_alive(), w.daemon, w.ident is None)
w.start()
w.join(timeout=0.05)
print("after join(0.05):", w.is_alive())
w.join()
print("after join():", w.is_alive(), threading.main_thread().name, len(threading.enumerate()))

barrier = threading.Barrier(3)
def at_barrier(i):
    time.sleep(0.1 * i)
    n = barrier.wait()
    log.append(i)
bs = [threading.Thread(target=at_barrier, args=(i,)) for i in range(3)]
for b in bs:
    b.start()
for b in bs:
    b.join()
print("barrier passed by", sorted(log))

cond = threading.Condition()
items = []
def producer():
    for i in range(3):
        time.sleep(0.1)
        with cond:
            items.append(i)
            cond.notify_all()
t = threading.Thread(target=producer)
t.start()
with cond:
    got = cond.wait_for(lambda: len(items) == 3, timeout=5)
print("wait_for:", got, items)
t.join()

ev = threading.Event()
print("event wait with timeout:", ev.wait(0.05))
threading.Timer(0.1, ev.set).start()
print("event set by a Timer:", ev.wait())

sem = threading.BoundedSemaphore(1)
sem.acquire()
print("semaphore acquire with timeout:", sem.acquire(timeout=0.05))
sem.release()
try:
    sem.release()
except ValueError as e:
    print("BoundedSemaphore:", e)

rl = threading.RLock()
with rl:
    with rl:
        print("RLock taken twice")

for q in (queue.Queue(), queue.LifoQueue(), queue.PriorityQueue()):
    for x in (3, 1, 2):
        q.put(x)
    print(type(q).__name__, [q.get() for _ in range(3)])
q = queue.Queue(maxsize=1)
q.put("a")
try:
    q.put("b", timeout=0.05)
except queue.Full:
    print("queue.Full after a timeout")
q.get()
try:
    q.get(timeout=0.05)
except queue.Empty:
    print("queue.Empty after a timeout")
sq = queue.SimpleQueue()
sq.put(1)
print("SimpleQueue", sq.get(), sq.empty())

jq = queue.Queue()
def drain():
    while True:
        x = jq.get()
        time.sleep(0.05)
        jq.task_done()
threading.Thread(target=drain, daemon=True).start()
for x in range(3):
    jq.put(x)
jq.join()
print("queue joined")

def slow(x):
    time.sleep(0.1 * x)
    return x * 10
with ThreadPoolExecutor(max_workers=3) as ex:
    fs = [ex.submit(slow, x) for x in (3, 1, 2)]
    print("as_completed:", [f.result() for f in as_completed(fs)])
    done, pending = wait([ex.submit(slow, 5), ex.submit(slow, 1)], return_when=FIRST_COMPLETED)
    print("wait first:", [f.result() for f in done], len(pending))
    f = ex.submit(slow, 2)
    f.add_done_callback(lambda fut: print("callback", fut.result()))
    try:
        ex.submit(slow, 9).result(timeout=0.05)
    except TimeoutError:
        print("result timed out")
    print("map:", list(ex.map(slow, [2, 1, 0])))
# at least: python3's real sleep overshoots, by 50 ms and more on a loaded machine
start = time.perf_counter()
time.sleep(1.5)
print("slept 1.5 s or more", time.perf_counter() - start >= 1.5, "monotonic", round(time.monotonic() - start, 3) >= 1.5)
