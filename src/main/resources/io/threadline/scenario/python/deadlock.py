"""Deadlock: Alice pays Bob while Bob pays Alice; each transfer locks both accounts."""
import threading
import time

ORDERED = False   # parameter "ordered": True locks the accounts in one order for everyone
STEP = 0.5        # parameter "step" (s between taking the first and the second lock)

accounts = {"A": 100, "B": 100}
locks = {"A": threading.Lock(), "B": threading.Lock()}


def transfer(name, source, target, amount):
    first, second = source, target
    if ORDERED and first > second:      # everyone locks A before B
        first, second = target, source
    print(f"{name} wants to lock account {first}")
    with locks[first]:
        time.sleep(STEP)                # checking the balance
        print(f"{name} wants to lock account {second}")
        with locks[second]:
            accounts[source] -= amount
            accounts[target] += amount
            print(f"{name} moved {amount} from {source} to {target}")


if __name__ == "__main__":
    alice = threading.Thread(target=transfer, args=("Alice", "A", "B", 30), name="Alice")
    bob = threading.Thread(target=transfer, args=("Bob", "B", "A", 20), name="Bob")
    alice.start()
    bob.start()
    alice.join()                        # with ORDERED = False this never returns
    bob.join()

    print("Accounts:", accounts)
