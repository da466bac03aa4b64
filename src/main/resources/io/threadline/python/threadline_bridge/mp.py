"""multiprocessing on the runtime: each child a CPython process of its own, joined to the run
as a simulated process with its own GIL."""


def install():
    pass
