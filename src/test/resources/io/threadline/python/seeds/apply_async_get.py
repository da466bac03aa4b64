# From the seed article "How many snakes do you need?" (000), as printed there (sleep
# imported): 'Blocking result: ' + 4 is a TypeError, raised in the main process.
from multiprocessing import Pool
from time import sleep

def collect_results(result):
    print('In collect results: ', result)


def worker(x):
    print('In worker: ',x)
    sleep(2)
    return x*x


def main():
    with Pool(processes=2) as pool:
        # blocking workflow:
        res = pool.apply_async(worker, [2])
        print('Blocking result: ' + res.get(timeout=5))

if __name__ == '__main__':
    main()
