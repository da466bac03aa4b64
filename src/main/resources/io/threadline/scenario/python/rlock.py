"""RLock: a transfer holds the ledger's lock and calls record(), which takes the same lock again."""
import threading
import time

REENTRANT = True   # parameter "reentrant": False uses a plain Lock, and the program hangs
STEP = 0.5         # parameter "step" (s to check the balance or write one entry)

ledger = []
lock = threading.RLock() if REENTRANT else threading.Lock()


def record(who, entry):
    print(f"{who} takes the lock again to write: {entry}")
    with lock:                    # the caller holds it already
        time.sleep(STEP)          # writing the entry
        ledger.append(entry)


def transfer(name, other, amount):
    print(f"{name} asks for the lock")
    with lock:                    # both entries or neither
        print(f"{name} holds the lock")
        time.sleep(STEP)          # checking the balance
        record(name, f"{name} -{amount}")
        record(name, f"{other} +{amount}")
    print(f"{name} released the lock")


if __name__ == "__main__":
    alice = threading.Thread(target=transfer, args=("Alice", "Bob", 10), name="Alice")
    bob = threading.Thread(target=transfer, args=("Bob", "Alice", 5), name="Bob")
    alice.start()
    bob.start()
    alice.join()
    bob.join()

    print("Ledger:", ledger)
