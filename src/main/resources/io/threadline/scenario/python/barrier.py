"""Barrier: runners warm up for different times and wait at the start line until all are there."""
import threading
import time

RUNNERS = 3     # parameter "runners" (runner k warms up for k times WARMUP)
WARMUP = 1.0    # parameter "warmup" (s)
TIMEOUT = 0.0   # parameter "timeout" (s a runner waits at the line; 0: as long as it takes)


def start_signal():                    # run by the last runner to arrive, before anyone goes
    print(f"{threading.current_thread().name}: everyone is here. Go!")


barrier = threading.Barrier(RUNNERS, action=start_signal, timeout=TIMEOUT or None)


def runner(k):
    name = threading.current_thread().name
    time.sleep(WARMUP * k)             # warming up
    print(f"{name}: at the start line")
    try:
        place = barrier.wait()         # waits until all RUNNERS have called wait()
    except threading.BrokenBarrierError:
        print(f"{name}: the barrier is broken, going home")
        return
    print(f"{name}: running (arrived {place + 1} of {RUNNERS})")
    time.sleep(WARMUP * (RUNNERS + 1 - k) / 2)   # the race: the last to warm up is the fastest
    print(f"{name}: finished")


if __name__ == "__main__":
    runners = [threading.Thread(target=runner, args=(k,), name=f"Runner-{k}") for k in range(1, RUNNERS + 1)]
    for r in runners:
        r.start()
    for r in runners:
        r.join()
    print("Race over; the barrier is broken:", barrier.broken)
