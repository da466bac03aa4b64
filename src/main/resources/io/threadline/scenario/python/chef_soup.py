"""Chef soup: Barron starts Olivia, keeps cooking, then joins her."""
import threading
import time

OLIVIA_SLEEP = 3.0   # parameter "olivia"
COOK_TIME = 0.5      # parameter "cook"


class ChefOlivia(threading.Thread):
    def __init__(self):
        super().__init__(name="Olivia")

    def run(self):
        print("Olivia started & waiting for sausage to thaw...")
        time.sleep(OLIVIA_SLEEP)
        print("Olivia is done cutting sausage.")


if __name__ == "__main__":
    threading.current_thread().name = "Barron"
    print("Barron started & requesting Olivia's help.")
    olivia = ChefOlivia()
    print("  Olivia alive?:", olivia.is_alive())

    print("Barron tells Olivia to start.")
    olivia.start()
    print("  Olivia alive?:", olivia.is_alive())

    print("Barron continues cooking soup.")
    time.sleep(COOK_TIME)
    print("  Olivia alive?:", olivia.is_alive())

    print("Barron patiently waits for Olivia to finish and join...")
    olivia.join()
    print("  Olivia alive?:", olivia.is_alive())

    print("Barron and Olivia are both done!")
