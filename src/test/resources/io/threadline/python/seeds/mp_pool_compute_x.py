# From the seed article "Concurrency & Parallelism" (003): multiprocessing.Pool's map.
import multiprocessing as mp

def compute_x(x, y=2):
    from time import sleep
    sleep(0.8)
    return (x,y)

list_to_iterate = [1,2,3,4,5,6,7,8,9,10]

def multiproc(list_to_iterate, workers=2):
    pool = mp.Pool(workers)
    result = pool.map(compute_x, list_to_iterate)
    return result

if __name__ == "__main__":
    result = multiproc(list_to_iterate)
    print(result)
