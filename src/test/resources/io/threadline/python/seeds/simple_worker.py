# From the seed article "How many snakes do you need?" (000): a thread's first steps.
# CPython prints the thread's OS id on the last line: a different number every run there.
from threading import Thread

def simple_worker(greet='hello'):
    print(greet)

t1 = Thread(target=simple_worker)
print(t1.is_alive())  # prints False
t1.start()  # prints hello
print(t1.native_id)   # prints the thread ID.
