"""Condition: a baker and customers share a small shelf, guarded by one lock and two conditions."""
import threading
import time

CUSTOMERS = 2     # parameter "customers"
LOAVES = 6        # parameter "loaves"
CAPACITY = 2      # parameter "capacity" (loaves the shelf holds)
BAKE = 0.4        # parameter "bake" (s per loaf)
EAT = 2.0         # parameter "eat" (s per loaf)
CLEAN = 5.0       # parameter "clean" (s the baker cleans up before closing)

shelf = []
closed = False
lock = threading.Lock()
not_empty = threading.Condition(lock)
not_full = threading.Condition(lock)


def baker():
    global closed
    for loaf in range(1, LOAVES + 1):
        time.sleep(BAKE)                     # baking
        with not_full:
            while len(shelf) >= CAPACITY:
                not_full.wait()              # releases the lock while it waits for room
            shelf.append(loaf)
            print(f"Baker puts loaf {loaf}, shelf {shelf}")
            not_empty.notify()               # wakes one waiting customer
    time.sleep(CLEAN)                        # cleaning up before closing
    with not_empty:
        closed = True
        print("Baker closes the shop")
        not_empty.notify_all()               # wakes every waiting customer


def customer(name):
    while True:
        with not_empty:
            while not shelf and not closed:
                not_empty.wait()             # releases the lock while it waits for bread
            if not shelf:
                print(f"{name} goes home")
                return
            loaf = shelf.pop(0)
            print(f"{name} takes loaf {loaf}, shelf {shelf}")
            not_full.notify()                # wakes the baker if he waits for room
        time.sleep(EAT)                      # eating, without the lock


if __name__ == "__main__":
    threads = [threading.Thread(target=baker, name="Baker")]
    for i in range(1, CUSTOMERS + 1):
        name = f"Customer-{i}"
        threads.append(threading.Thread(target=customer, args=(name,), name=name))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"Shop closed, shelf {shelf}")
