import multiprocessing


def factorial(n):
  if n == 0:
    return 1
  else:
    return n * factorial(n - 1)


def print_factorial_output(n):
  print(factorial(n))


def main():
  processes = []
  for i in range(5):
    process = multiprocessing.Process(target=print_factorial_output, args=(i,))
    processes.append(process)
    process.start()

  for process in processes:
    process.join()


if __name__ == "__main__":
  main()
