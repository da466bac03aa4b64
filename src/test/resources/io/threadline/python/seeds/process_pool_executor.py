# From the seed article "Concurrency & Parallelism" (003): its ProcessPoolExecutor versions,
# as printed there (the first never keeps its futures, so its result is empty), run in turn.
from concurrent.futures import ProcessPoolExecutor, as_completed
from functools import partial

def compute_x(x, y=2):
    from time import sleep
    sleep(0.8)
    return (x,y)

list_to_iterate = [1,2,3,4,5,6,7,8,9,10]

def multiproc(list_to_iterate, workers=4):
    with ProcessPoolExecutor(max_workers=workers) as executor:
        futures = []
        for i in list_to_iterate:
            executor.submit(compute_x, x=i)
        result = [future.result() for future in as_completed(futures)]
    return result

def multiproc_map(list_to_iterate, workers=4):
    with ProcessPoolExecutor(max_workers=workers) as executor:
        futures = executor.map(compute_x, list_to_iterate)
        result = [future for future in futures]
    return result

def multiproc_partial(list_to_iterate, workers=4):
    with ProcessPoolExecutor(max_workers=workers) as executor:
        wrap = partial(compute_x, y=3)
        futures = executor.map(wrap, list_to_iterate)
        result = [future for future in futures]
    return result

if __name__ == "__main__":
    print(multiproc(list_to_iterate))
    print(multiproc_map(list_to_iterate))
    print(multiproc_partial(list_to_iterate))
