from multiprocessing import Process, Queue


def worker(q1, q2):
  while True:
    item = q1.get()
    if item is None:
      break
    print(f'Processing {item}')
    # Save worker output in another queue
    q2.put(item + 10)


if __name__ == '__main__':

  q1 = Queue()
  q2 = Queue()
  p1 = Process(target=worker, args=(q1, q2))
  p2 = Process(target=worker, args=(q1, q2))
  p1.start()
  p2.start()

  for i in range(10):
    q1.put(i)

  # Wait for workers to finish
  q1.put(None)
  q1.put(None)

  p1.join()
  p2.join()

  # Print the outputs
  while not q2.empty():
    print(q2.get())
