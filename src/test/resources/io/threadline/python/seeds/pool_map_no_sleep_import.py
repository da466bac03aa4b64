# From the seed article "How many snakes do you need?" (000), as printed there: the workers
# call sleep, which the article never imports, so each task raises NameError and map() raises
# it again in the main process.
from multiprocessing import Pool

def worker(x):
    print('In worker with: ',x)
    sleep(2)
    return x*x

def main():
    with Pool(processes=4) as pool:
        print(pool.map(worker, [0,1,2,3,4,5]))


if __name__=='__main__':
    main()
