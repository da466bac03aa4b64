"""Event: a traffic light; cars wait while it is clear (red) and all go when it is set (green)."""
import threading
import time

CARS = 5      # parameter "cars"
GAP = 0.7     # parameter "gap" (s between arrivals)
RED = 2.0     # parameter "red" (s)
GREEN = 1.0   # parameter "green" (s)


def car(name, arrival, green_light):
    time.sleep(arrival)                # driving up to the light
    print(f"{name} arrives, the light is {'green' if green_light.is_set() else 'red'}")
    green_light.wait()                 # returns at once while the light is green
    print(f"{name} drives through")


if __name__ == "__main__":
    threading.current_thread().name = "Light"
    green_light = threading.Event()

    cars = []
    for i in range(1, CARS + 1):
        name = f"Car-{i}"
        cars.append(threading.Thread(target=car, args=(name, i * GAP, green_light), name=name))
    for c in cars:
        c.start()

    start = time.perf_counter()
    while any(c.is_alive() for c in cars):
        print("Light turns red")
        green_light.clear()            # from now on, wait() blocks
        time.sleep(RED)
        print("Light turns green")
        green_light.set()              # wakes every waiting car at once
        time.sleep(GREEN)
    print("All cars are through")
