"""The prime check: serial, a thread per number, threads with a lock and a queue, a ThreadPoolExecutor."""
import queue
import threading
import time
from concurrent.futures import ThreadPoolExecutor

THREADS = 4    # parameter "threads" (for the lock-and-queue version and the executor)
NUMBERS = [1000000000039, 1000000000041, 1000000000061, 1000000000063,
           1000000000067, 1000000000091, 1000000000093, 1000000000121]


def is_prime(n):                       # pure Python: CPU-bound, holds the GIL
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


def serial():
    return [n for n in NUMBERS if is_prime(n)]


def thread_per_number():
    primes = []

    def check(n):
        if is_prime(n):
            primes.append(n)
    threads = [threading.Thread(target=check, args=(n,), name=f"Number-{i + 1}") for i, n in enumerate(NUMBERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return primes


def threads_with_lock_and_queue():
    numbers = queue.Queue()
    for n in NUMBERS:
        numbers.put(n)
    primes = []
    lock = threading.Lock()

    def work():
        while True:
            try:
                n = numbers.get_nowait()
            except queue.Empty:
                return
            if is_prime(n):
                with lock:             # output_prime is the critical section
                    primes.append(n)
    threads = [threading.Thread(target=work, name=f"Worker-{k + 1}") for k in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return primes


def with_executor():
    with ThreadPoolExecutor(max_workers=THREADS) as executor:
        flags = list(executor.map(is_prime, NUMBERS))
    return [n for n, prime in zip(NUMBERS, flags) if prime]


if __name__ == "__main__":
    times = {}
    for name, way in [("serial", serial), ("a thread per number", thread_per_number),
                      (f"{THREADS} threads, a lock and a queue", threads_with_lock_and_queue),
                      (f"ThreadPoolExecutor({THREADS})", with_executor)]:
        start = time.perf_counter()
        primes = way()
        times[name] = time.perf_counter() - start
        print(f"{name}: {times[name]:.3f} s, {len(primes)} primes")
    base = times["serial"]
    print("against serial: " + ", ".join(f"{t / base:.3f}x" for t in list(times.values())[1:]))
