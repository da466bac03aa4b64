import multiprocessing

def do_smthg (val):
    print ("doing smthg")
    return

if __name__ == '__main__':
    val = "some args"
    t = multiprocessing.Process (target = do_smthg, args = (val,))
    t.start()
    t.join()
