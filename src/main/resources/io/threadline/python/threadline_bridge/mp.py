"""multiprocessing on the runtime. A child is a real CPython process, forked as on Linux (its
globals are a copy of the parent's at start), connected to the runtime on a channel of its
own, and joined to the run as a simulated process with its own GIL. What passes between
processes goes through the runtime: Queue, SimpleQueue, JoinableQueue and Pipe are queues
in the runtime (items pickled), Lock, RLock, Semaphore (and so Condition, Event, Barrier)
are the runtime's locks, Value and Array share memory as in CPython (mmap) with those locks.
Pool is the runtime's process pool (the one the built-in scenarios use): its workers are
forked children that run the tasks the pool hands them; ProcessPoolExecutor is built on it.
"""
import base64
import os
import pickle
import queue as _queue_module
import sys
import threading

from . import core
from . import waits

REAL_GETPID = os.getpid
FAKE_PID = [0]


def _encode(obj):
    from multiprocessing.reduction import ForkingPickler
    return base64.b64encode(ForkingPickler.dumps(obj)).decode("ascii")


def _decode(text):
    if text.startswith("!"):
        return RuntimeError(text[1:])
    return pickle.loads(base64.b64decode(text))


def _timeout_us(block, timeout):
    if not block:
        return "0"
    if timeout is None:
        return "-1"
    if timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")
    return str(int(round(timeout * 1e6)))


def _short_repr(obj):
    try:
        text = repr(obj)
    except Exception:
        text = "<%s>" % type(obj).__name__
    return core._escape(text if len(text) <= 200 else text[:197] + "...")


def _name(obj):
    return core._escape(waits._name_of(obj, _user_frame()))


def _user_frame():
    f = sys._getframe(2)
    while f is not None and f.f_code.co_filename != core.PROGRAM_FILE:
        f = f.f_back
    return f


# ---------------------------------------------------------------- processes

def getpid():
    return FAKE_PID[0]


class Popen:
    """Starts a multiprocessing.Process as a forked child joined to the run."""
    method = "fork"

    def __init__(self, process_obj):
        self.returncode = None
        self.sentinel = None
        self.finalizer = None
        answer = core.call("F", core._escape(process_obj.name), "1" if process_obj.daemon else "0",
                           frame=_user_frame())
        tid, pid = answer.split(" ")
        self._tid = tid
        self.pid = int(pid)
        _fork(int(tid), int(pid), lambda: _run_child(process_obj))
        core.call("S", tid, frame=_user_frame())

    def duplicate_for_child(self, fd):
        return fd

    def poll(self, flag=None):
        if self.returncode is None:
            answer = core.call("a", self._tid)
            if answer != "alive":
                self.returncode = int(answer)
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is None:
            us = "-1" if timeout is None else str(max(0, int(round(timeout * 1e6))))
            answer = core.call("j", self._tid, us, frame=_user_frame())
            if answer == "1":
                return self.poll()
            return None
        return self.returncode

    def terminate(self):
        if self.returncode is None:
            core.call("K", self._tid, "15", frame=_user_frame())

    def kill(self):
        if self.returncode is None:
            core.call("K", self._tid, "9", frame=_user_frame())

    def close(self):
        pass


def _run_child(process_obj):
    core.start_child(core.CUR)
    return process_obj._bootstrap(parent_sentinel=None)


def _fork(tid, pid, body):
    """Forks a child whose first thread is the runtime's thread {@code tid}; runs {@code body}
    in it, and ends the child with body's exit status once the runtime has ended it."""
    saved = core.before_fork()
    child = core.REAL_FORK()
    if child != 0:
        core.after_fork_in_parent(saved)
        return
    code = 1
    try:
        core.after_fork_in_child(tid)
        FAKE_PID[0] = pid
        _reseed()
        code = body()
        if not isinstance(code, int):
            code = 0
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except BaseException:
        import traceback
        traceback.print_exc(file=sys.__stderr__)
        if os.environ.get("THREADLINE_BRIDGE_LOG"):
            with open(os.environ["THREADLINE_BRIDGE_LOG"], "a") as log:
                traceback.print_exc(file=log)
        code = 1
    core.end_process(code)


def _reseed():
    # CPython seeds a child's random from os.urandom; here from the run's seed and the
    # child's pid, so a run repeats.
    import random
    random.seed(core.SEED * 1_000_003 + FAKE_PID[0])


# ---------------------------------------------------------------- queues and pipes

class Queue:
    """multiprocessing.Queue: a queue of the runtime, items pickled."""

    def __init__(self, maxsize=0, *, ctx=None):
        if maxsize <= 0:
            maxsize = 0
        self._maxsize = maxsize
        self._qid = core.call("Qn", str(maxsize), "queue", frame=_user_frame())
        self._closed = False

    def __getstate__(self):
        from multiprocessing import context
        context.assert_spawning(self)
        return self.__dict__

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError("Queue %r is closed" % self)
        answer = core.call("Qp", self._qid, _timeout_us(block, timeout), _encode(obj), _short_repr(obj),
                           _name(self), frame=_user_frame())
        if answer == "full":
            raise _queue_module.Full

    def get(self, block=True, timeout=None):
        if self._closed:
            raise ValueError("Queue %r is closed" % self)
        answer = core.call("Qg", self._qid, _timeout_us(block, timeout), _name(self), frame=_user_frame())
        if answer == "empty":
            raise _queue_module.Empty
        return _decode(answer)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        return int(core.call("Qs", self._qid))

    def empty(self):
        return self.qsize() == 0

    def full(self):
        return self._maxsize > 0 and self.qsize() >= self._maxsize

    def close(self):
        self._closed = True

    def join_thread(self):
        pass

    def cancel_join_thread(self):
        pass

    def _reset(self):
        pass


class JoinableQueue(Queue):
    def task_done(self):
        if core.call("Qt", self._qid, frame=_user_frame()) == "error":
            raise ValueError("task_done() called too many times")

    def join(self):
        core.call("Qj", self._qid, _name(self), frame=_user_frame())


class SimpleQueue(Queue):
    def __init__(self, *, ctx=None):
        super().__init__(0, ctx=ctx)

    def put(self, obj):
        super().put(obj)

    def get(self):
        return super().get()


class Connection:
    """One end of a Pipe: send() and recv() over a queue of the runtime in each direction."""

    def __init__(self, incoming, outgoing):
        self._in = incoming
        self._out = outgoing
        self._closed = False

    @property
    def closed(self):
        return self._closed

    @property
    def readable(self):
        return self._in is not None

    @property
    def writable(self):
        return self._out is not None

    def _check(self, readable=False, writable=False):
        if self._closed:
            raise OSError("handle is closed")
        if readable and self._in is None:
            raise OSError("connection is write-only")
        if writable and self._out is None:
            raise OSError("connection is read-only")

    def send(self, obj):
        self._check(writable=True)
        core.call("Qp", self._out, "-1", _encode(obj), _short_repr(obj), _name(self), frame=_user_frame())

    def send_bytes(self, buf, offset=0, size=None):
        data = bytes(memoryview(buf)[offset:None if size is None else offset + size])
        self.send(_Bytes(data))

    def recv(self):
        self._check(readable=True)
        answer = core.call("Qg", self._in, "-1", _name(self), frame=_user_frame())
        if answer == "closed":
            raise EOFError
        return _decode(answer)

    def recv_bytes(self, maxlength=None):
        obj = self.recv()
        return obj.data if isinstance(obj, _Bytes) else bytes(obj)

    def poll(self, timeout=0.0):
        self._check(readable=True)
        us = "-1" if timeout is None else str(max(0, int(round(timeout * 1e6))))
        return core.call("Qw", self._in, us, _name(self), frame=_user_frame()) == "1"

    def close(self):
        if not self._closed:
            self._closed = True
            if self._out is not None:
                core.call("Qc", self._out)

    def fileno(self):
        raise OSError("a Threadline pipe has no file descriptor")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class _Bytes:
    def __init__(self, data):
        self.data = data


def Pipe(duplex=True):
    a = core.call("Qn", "0", "pipe", frame=_user_frame())
    if duplex:
        b = core.call("Qn", "0", "pipe", frame=_user_frame())
        return Connection(b, a), Connection(a, b)
    return Connection(a, None), Connection(None, a)


# ---------------------------------------------------------------- locks across processes

class SemLock:
    """_multiprocessing.SemLock: a semaphore or recursive mutex whose state is in the runtime,
    shared by every process of the run."""

    def __init__(self, kind, value, maxvalue, name=None, unlink=True):
        self.kind = kind
        self.maxvalue = maxvalue
        self.name = None
        self.handle = int(core.call("Sn", str(kind), str(value), str(maxvalue), frame=_user_frame()))

    @staticmethod
    def _rebuild(handle, kind, maxvalue, name):
        s = SemLock.__new__(SemLock)
        s.kind, s.maxvalue, s.name, s.handle = kind, maxvalue, None, handle
        return s

    def acquire(self, block=True, timeout=None):
        reason = "lock" if self.kind == 0 or self.maxvalue == 1 else "semaphore"
        f = sys._getframe(1)
        r, detail = waits.reason_for(None, f)
        if r != "lock":
            reason = r
        answer = core.call("Sa", str(self.handle), _timeout_us(block, timeout), reason,
                           core._escape(detail), frame=f)
        return answer == "1"

    def release(self):
        answer = core.call("Sr", str(self.handle), frame=sys._getframe(1))
        if answer == "many":
            raise ValueError("semaphore or lock released too many times")
        if answer == "notmine":
            raise AssertionError("attempt to release recursive lock not owned by thread")

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def _count(self):
        return int(core.call("Sq", str(self.handle), "count"))

    def _is_mine(self):
        return core.call("Sq", str(self.handle), "mine") == "1"

    def _get_value(self):
        return int(core.call("Sq", str(self.handle), "value"))

    def _is_zero(self):
        return self._get_value() == 0

    def _after_fork(self):
        pass


def _classify(frame, name, path):
    if path.endswith("synchronize.py"):
        this = frame.f_locals.get("self")
        import multiprocessing.synchronize as s
        if isinstance(this, s.Condition) and name in ("wait", "wait_for"):
            return "condition", this
        if isinstance(this, s.Event) and name == "wait":
            return "event", this
        if isinstance(this, s.Condition) and name in ("__enter__", "acquire"):
            return "op", this
    return None


# ---------------------------------------------------------------- the pool

class _TaskFailed:
    """A task's exception, shipped back as a value (apply_async hands it to error_callback)."""

    def __init__(self, error, text):
        self.error = error
        self.text = text

    def __repr__(self):
        return self.text


def _worker_loop(initializer, initargs):
    """A pool worker's life: run each task the runtime's pool hands it, report its result."""
    if initializer is not None:
        initializer(*initargs)
    me = core.CUR
    payload = core.await_first_task(me)
    while True:
        fn, args, kwds, mode = _decode(payload)
        try:
            value = fn(*args, **(kwds or {}))
            answer = ["ok", _encode(value), _short_repr(value)]
        except Exception as e:
            from . import patches
            if mode == "apply":
                # apply_async hands a failure to error_callback and get(): a value to the pool
                failed = _TaskFailed(_error_for_pickle(e), patches.describe(e))
                answer = ["ok", _encode(failed), core._escape(failed.text)]
            else:
                answer = ["err", _encode(_error_for_pickle(e)), core._escape(patches.describe(e))]
        payload = core.call("r", *answer)


def _error_for_pickle(e):
    try:
        pickle.dumps(e)
        return e
    except Exception:
        return RuntimeError("%s: %s" % (type(e).__name__, e))


class ApplyResult:
    """multiprocessing.pool.AsyncResult of apply_async on the runtime's pool."""

    def __init__(self, pool, rid, callback, error_callback):
        self._pool = pool
        self._rid = rid
        self._callback = callback
        self._error_callback = error_callback
        self._value = None
        self._have = False

    def ready(self):
        return self._have or core.call("Or", self._rid) == "1"

    def successful(self):
        if not self.ready():
            raise ValueError("%r not ready" % self)
        self._fetch(None)
        return not isinstance(self._value, _TaskFailed)

    def wait(self, timeout=None):
        try:
            self._fetch(timeout, wait_only=True)
        except TimeoutError:
            pass

    def _fetch(self, timeout, wait_only=False):
        if self._have:
            return
        us = "-1" if timeout is None else str(max(0, int(round(timeout * 1e6))))
        answer = core.call("Og", self._rid, us, frame=_user_frame())
        if answer == "timeout":
            if wait_only:
                return
            import multiprocessing
            raise multiprocessing.TimeoutError
        self._value = _decode(answer)
        self._have = True

    def get(self, timeout=None):
        self._fetch(timeout)
        if isinstance(self._value, _TaskFailed):
            raise self._value.error
        return self._value


class _Iterator:
    def __init__(self, iid):
        self._iid = iid

    def __iter__(self):
        return self

    def __next__(self):
        answer = core.call("Oi", self._iid, frame=_user_frame())
        if answer == "stop":
            raise StopIteration
        kind, data = answer.split(" ", 1)
        value = _decode(data)
        if kind == "err":
            raise value
        return value

    def next(self, timeout=None):
        return self.__next__()


_callbacks = {}


class Pool:
    """multiprocessing.Pool on the runtime's process pool (each worker a forked child)."""

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None, context=None):
        if processes is None:
            processes = core.CORES
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        answer = core.call("On", str(processes), frame=_user_frame()).split(" ")
        self._pid = answer[0]
        self._state = "RUN"
        self._processes = processes
        for tid, pid in zip(answer[1::2], answer[2::2]):
            _fork(int(tid), int(pid), lambda: _worker_loop(initializer, initargs))

    def _check_running(self):
        if self._state != "RUN":
            raise ValueError("Pool not running")

    def _tasks(self, func, iterable, star):
        tasks = []
        for item in iterable:
            args = tuple(item) if star else (item,)
            tasks.append(_encode((func, args, None, "map")))
            tasks.append(_short_repr(item))
        return tasks

    def map(self, func, iterable, chunksize=None):
        self._check_running()
        return self._map("map", func, iterable, False, chunksize)

    def starmap(self, func, iterable, chunksize=None):
        self._check_running()
        return self._map("starmap", func, iterable, True, chunksize)

    def _map(self, kind, func, iterable, star, chunksize):
        answer = core.call("Om", self._pid, kind, str(chunksize or 0), *self._tasks(func, iterable, star),
                           frame=_user_frame())
        parts = answer.split(" ")
        if parts[0] == "err":
            raise _decode(parts[1])
        return [_decode(p) for p in parts[1:]]

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        self._check_running()
        items = list(iterable)
        return self.apply_async(_map_all, (func, items), callback=callback, error_callback=error_callback)

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        self._check_running()
        items = [tuple(x) for x in iterable]
        return self.apply_async(_starmap_all, (func, items), callback=callback, error_callback=error_callback)

    def imap(self, func, iterable, chunksize=1):
        self._check_running()
        return _Iterator(core.call("Ol", self._pid, "imap", str(chunksize or 1),
                                   *self._tasks(func, iterable, False), frame=_user_frame()))

    def imap_unordered(self, func, iterable, chunksize=1):
        self._check_running()
        return _Iterator(core.call("Ol", self._pid, "imap_unordered", str(chunksize or 1),
                                   *self._tasks(func, iterable, False), frame=_user_frame()))

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        args = tuple(args)
        task = _encode((func, args, dict(kwds), "apply"))
        with_callback = callback is not None or error_callback is not None
        # shown as the runtime's own pool shows a call of one argument: that argument
        shown = args[0] if len(args) == 1 and not kwds else args
        rid = core.call("Oa", self._pid, "1" if with_callback else "0", task, _short_repr(shown),
                        frame=_user_frame())
        result = ApplyResult(self, rid, callback, error_callback)
        if with_callback:
            _callbacks[rid] = result
        return result

    def close(self):
        if self._state == "RUN":
            self._state = "CLOSE"
            core.call("Oc", self._pid, frame=_user_frame())

    def terminate(self):
        if self._state != "TERMINATE":
            self._state = "TERMINATE"
            core.call("Ot", self._pid, frame=_user_frame())

    def join(self):
        if self._state == "RUN":
            raise ValueError("Pool is still running")
        core.call("Oj", self._pid, frame=_user_frame())

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, *exc):
        self.terminate()

    def __reduce__(self):
        raise NotImplementedError("pool objects cannot be passed between processes or pickled")


def _map_all(func, items):
    return [func(x) for x in items]


def _starmap_all(func, items):
    return [func(*x) for x in items]


def run_callback(payload):
    """On the main process's pool result-handler thread: a finished apply_async's callback."""
    rid, data = payload.split(" ", 1)
    result = _callbacks.pop(rid, None)
    if result is None:
        return
    value = _decode(data)
    result._value = value
    result._have = True
    if isinstance(value, _TaskFailed):
        if result._error_callback is not None:
            result._error_callback(value.error)
    elif result._callback is not None:
        result._callback(value)


# ---------------------------------------------------------------- ProcessPoolExecutor

def _make_executor():
    from concurrent.futures import _base

    class ProcessPoolExecutor(_base.Executor):
        """concurrent.futures.ProcessPoolExecutor on the runtime's process pool."""

        def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), *,
                     max_tasks_per_child=None):
            if max_workers is not None and max_workers <= 0:
                raise ValueError("max_workers must be greater than 0")
            self._pool = Pool(max_workers, initializer, initargs)
            self._shutdown = False

        def submit(self, fn, /, *args, **kwargs):
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
            future = _base.Future()

            def done(value):
                future.set_result(value)

            def failed(error):
                future.set_exception(error)

            self._pool.apply_async(fn, args, kwargs, callback=done, error_callback=failed)
            return future

        def shutdown(self, wait=True, *, cancel_futures=False):
            if not self._shutdown:
                self._shutdown = True
                self._pool.close()
                if wait:
                    self._pool.join()

    return ProcessPoolExecutor


# ---------------------------------------------------------------- installing

def install():
    FAKE_PID[0] = core.FAKE_PID_BASE
    os.getpid = getpid
    if hasattr(os, "getppid"):
        os.getppid = lambda: core.FAKE_PID_BASE - 1 if FAKE_PID[0] == core.FAKE_PID_BASE else core.FAKE_PID_BASE
    waits._MP_CLASSIFIER = _classify
    from . import hooks
    for name in ("multiprocessing.context", "multiprocessing.synchronize", "multiprocessing.pool",
                 "multiprocessing.queues", "multiprocessing.connection", "concurrent.futures.process",
                 "concurrent.futures.thread"):
        hooks.when_imported(name, lambda module, name=name: _patch(name, module))


def _patch(name, module):
    if name == "multiprocessing.context":
        for cls in (getattr(module, n, None) for n in ("Process", "ForkProcess", "SpawnProcess", "ForkServerProcess")):
            if cls is not None:
                cls._Popen = staticmethod(lambda process_obj: Popen(process_obj))
        base = module.BaseContext
        base.Queue = lambda self, maxsize=0: Queue(maxsize)
        base.JoinableQueue = lambda self, maxsize=0: JoinableQueue(maxsize)
        base.SimpleQueue = lambda self: SimpleQueue()
        base.Pipe = lambda self, duplex=True: Pipe(duplex)
        base.Pool = lambda self, processes=None, initializer=None, initargs=(), maxtasksperchild=None: \
            Pool(processes, initializer, initargs, maxtasksperchild)
        base.cpu_count = lambda self: core.CORES

        def manager(self):
            core.stop_run("stopped: multiprocessing.Manager() is not supported in a Threadline run: its server "
                          "process talks over sockets outside the runtime" + _where())

        base.Manager = manager
    elif name == "multiprocessing.synchronize":
        module.SemLock.__init__.__globals__["_multiprocessing"] = _FakeMultiprocessing
    elif name == "multiprocessing.pool":
        module.Pool = Pool
    elif name == "multiprocessing.queues":
        module.Queue = Queue
        module.JoinableQueue = JoinableQueue
        module.SimpleQueue = SimpleQueue
    elif name == "multiprocessing.connection":
        module.Pipe = Pipe
    elif name == "concurrent.futures.process":
        module.ProcessPoolExecutor = _make_executor()
    elif name == "concurrent.futures.thread":
        from . import patches
        patches.patch_thread_pool_executor(module)
    elif name == "concurrent.futures":
        pass


def _where():
    line = core.user_line(sys._getframe(2))
    return " (%s, line %d)" % (os.path.basename(core.PROGRAM_FILE), line) if line else ""


class _FakeMultiprocessing:
    SemLock = SemLock

    @staticmethod
    def sem_unlink(name):
        pass
