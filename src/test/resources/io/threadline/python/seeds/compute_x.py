# From the seed article "Concurrency & Parallelism" (003): the CPU-bound job, run serially.
def compute_x(x, y=2):
    from time import sleep
    sleep(0.8)
    return (x,y)

list_to_iterate = [1,2,3,4,5,6,7,8,9,10]
sum_all_x = [compute_x(i) for i in list_to_iterate]
print(sum_all_x)
