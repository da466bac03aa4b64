# The same (000) with the article's missing import added.
from multiprocessing import Pool
from time import sleep

def worker(x):
    print('In worker with: ',x)
    sleep(2)
    return x*x

def main():
    with Pool(processes=4) as pool:
        print(pool.map(worker, [0,1,2,3,4,5]))


if __name__=='__main__':
    main()
