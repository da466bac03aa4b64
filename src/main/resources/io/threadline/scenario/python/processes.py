"""Processes: a parent starts child processes; each has its own copy of the globals, and an exit code."""
import multiprocessing
import sys
import time

WORK = 1.0     # parameter "work" (s of computation the first child does)
CODE = 3       # parameter "code" (the exit code the second child gives sys.exit)
KILL = False   # parameter "kill": kill() (SIGKILL) instead of terminate() (SIGTERM)

counter = 0    # a global: each child process changes its own copy


def cpu(seconds):
    """Busy work that holds the GIL, as Threadline's cpu() does: this thread's own CPU time."""
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def add_ten():
    global counter
    counter += 10
    print(f"{multiprocessing.current_process().name}: my counter is {counter}", flush=True)
    cpu(WORK)                          # working: computation, with its own GIL


def give_up(status):
    print(f"{multiprocessing.current_process().name}: giving up with sys.exit({status})", flush=True)
    time.sleep(WORK / 2)
    sys.exit(status)


def forever():
    while True:
        print(f"{multiprocessing.current_process().name}: still working", flush=True)
        time.sleep(WORK * 0.4)


if __name__ == "__main__":
    print(f"Parent: my counter is {counter}", flush=True)
    child = multiprocessing.Process(target=add_ten)
    print(child.name, "alive:", child.is_alive(), "pid is None:", child.pid is None,
          "exitcode:", child.exitcode, flush=True)
    child.start()                      # forks a process; returns at once
    print(child.name, "alive:", child.is_alive(), "pid is None:", child.pid is None, flush=True)
    child.join()                       # waits until the child exits
    print(child.name, "exitcode:", child.exitcode, "alive:", child.is_alive(), flush=True)
    print(f"Parent: my counter is still {counter}", flush=True)

    failing = multiprocessing.Process(target=give_up, args=(CODE,))
    endless = multiprocessing.Process(target=forever)
    failing.start()
    endless.start()
    failing.join()
    print(failing.name, "exitcode:", failing.exitcode, flush=True)
    time.sleep(WORK)
    if KILL:
        endless.kill()                 # SIGKILL
    else:
        endless.terminate()            # SIGTERM: no finally, no cleanup
    endless.join()
    print(endless.name, "exitcode:", endless.exitcode, flush=True)
    endless.close()
