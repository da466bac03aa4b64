# From the seed article "How many snakes do you need?" (000): the main thread goes on while
# a thread prints a dot a second (the article's import of Thread added).
from threading import Thread
from time import sleep

def worker():
    for i in range(0,10):
        print('.', end='', flush=True)
        sleep(1)

print('Starting')

t2 = Thread(target=worker, name='t2')
t2.start()
print('\nDone')
