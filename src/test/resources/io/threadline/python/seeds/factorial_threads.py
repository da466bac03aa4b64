import threading


def factorial(n):
  if n == 0:
    return 1
  else:
    return n * factorial(n - 1)


def print_factorial_output(n):
  print(factorial(n))


def main():
  threads = []
  for i in range(5):
    thread = threading.Thread(target=print_factorial_output, args=(i,))
    threads.append(thread)
    thread.start()

  for thread in threads:
    thread.join()


if __name__ == "__main__":
  main()
