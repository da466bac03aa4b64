"""The GIL: the same jobs on one thread and on several: prime checks (CPU-bound), then downloads (I/O-bound)."""
import threading
import time

THREADS = 4        # parameter "threads"
NUMBERS = 8        # parameter "numbers" (how many to check; each takes real CPU time here)
DOWNLOADS = 4      # parameter "downloads"
DOWNLOAD = 0.5     # parameter "download" (s each; time.sleep stands in for the network)

CANDIDATES = [
    1000000000039, 1000000000061, 1000000000063, 1000000000091,
    1000000000121, 1000000000163, 1000000000169, 1000000000177,
    1000000000189, 1000000000193, 1000000000211, 1000000000271,
    1000000000303, 1000000000331, 1000000000333, 1000000000339]

primes = 0


def check_prime(n):
    global primes
    prime = n > 1 and (n % 2 != 0 or n == 2)     # the loop holds the GIL
    d = 3
    while prime and d * d <= n:
        prime = n % d != 0
        d += 2
    if prime:
        primes += 1


def download(site):
    time.sleep(DOWNLOAD)       # waiting for the network: the GIL is free meanwhile


def in_threads(name, count, items, job):
    """Runs job over the items on count threads, thread k taking items k, k + count, ..."""
    def work(first):
        for item in items[first::count]:
            job(item)
    threads = [threading.Thread(target=work, args=(k,), name=f"{name}-{k + 1}") for k in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


if __name__ == "__main__":
    candidates = CANDIDATES[:NUMBERS]
    sites = [f"site-{i}" for i in range(1, DOWNLOADS + 1)]

    print(f"CPU-bound: checking {NUMBERS} numbers for primes")
    start = time.perf_counter()
    for n in candidates:
        check_prime(n)
    cpu_one = time.perf_counter() - start
    print(f"  1 thread:  {cpu_one:.3f} s, {primes} primes")

    primes = 0
    start = time.perf_counter()
    in_threads("Checker", THREADS, candidates, check_prime)
    cpu_many = time.perf_counter() - start
    print(f"  {THREADS} threads: {cpu_many:.3f} s, {primes} primes")

    print(f"I/O-bound: downloading {DOWNLOADS} pages")
    start = time.perf_counter()
    for site in sites:
        download(site)
    io_one = time.perf_counter() - start
    print(f"  1 thread:  {io_one:.3f} s")

    start = time.perf_counter()
    in_threads("Downloader", THREADS, sites, download)
    io_many = time.perf_counter() - start
    print(f"  {THREADS} threads: {io_many:.3f} s")

    print(f"CPU-bound: 1 thread {cpu_one:.3f} s, {THREADS} threads {cpu_many:.3f} s: "
          f"speed-up {cpu_one / cpu_many:.1f}x")
    print(f"I/O-bound: 1 thread {io_one:.3f} s, {THREADS} threads {io_many:.3f} s: "
          f"speed-up {io_one / io_many:.1f}x")
