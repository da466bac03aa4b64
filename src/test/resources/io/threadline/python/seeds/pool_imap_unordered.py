# From the seed article "How many snakes do you need?" (000): imap_unordered (sleep imported).
from multiprocessing import Pool
from time import sleep

def worker(x):
    print('In worker with: ',x)
    sleep(2)
    return x*x

def main():
    with Pool(processes=4) as pool:
        for res in pool.imap_unordered(worker, [0,1,2,3,4,5]):
            print(res)

if __name__=='__main__':
    main()
