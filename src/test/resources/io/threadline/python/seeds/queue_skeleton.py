# From the seed article "Concurrency in Python" (001): its queue sketch, as printed there
# (it imports a name threading does not have, so CPython stops at the first line).
from threading import thread
from queue import Queue
def producer (queue):
 for i in range(10):
   item = make_an_item_available(i)
   queue.put(item)
def consumer (queue):
 while True:
   item = queue.get()
   # do something
   queue.task_done() # mark the item as done
queue = Queue()
t1 = Thread (target = producer, args = (queue,))
t2 = Thread (target = consumer, args = (queue,))
t1.start()
t2.start()
