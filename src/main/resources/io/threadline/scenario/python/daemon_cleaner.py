"""Daemon kitchen cleaner: Olivia cleans forever; the program ends when Barron is done."""
import threading
import time

DAEMON = True   # parameter "daemon"


def kitchen_cleaner():
    while True:
        print("Olivia cleaned the kitchen.")
        time.sleep(1)


if __name__ == "__main__":
    threading.current_thread().name = "Barron"
    olivia = threading.Thread(target=kitchen_cleaner, name="Olivia", daemon=DAEMON)
    olivia.start()

    print("Barron is cooking...")
    time.sleep(0.6)
    print("Barron is cooking...")
    time.sleep(0.6)
    print("Barron is done!")
