import sys
import multiprocessing
from multiprocessing import Process
def funcl(a, res):
print('func1: starting')
for i in range(10000000): pass
print('func1: finishing')
res.update({a:1})
print("appended")
