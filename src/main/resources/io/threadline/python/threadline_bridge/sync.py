"""_thread's lock, the end-of-thread sentinel and 3.13's thread handle, carried out by the
runtime. threading's Condition, Event, Semaphore, Barrier, RLock and queue.Queue are built on
these and run unchanged.

A lock's state lives here: only one thread executes at a time, so taking a free lock or
releasing one nobody waits for needs no runtime call; a lock of the program's own code tells
its lane (lanes.py) without waiting for a reply. Only waiting for a held lock and waking its
waiters go to the runtime, which keeps the waiters in order, records the wait (with its
reason) and who woke whom.
"""
import sys

from . import core
from . import waits

_next_lock = [0]
# lanes.lock_lane and lanes.report, once the program's objects get lanes (lanes.install)
LANES = [None]
REPORT = [None]


class Lock:
    """_thread.lock: one holder at a time, released by any thread, not reentrant."""
    __slots__ = ("_holder", "_lid", "_waiting", "_lane", "_res", "__weakref__")

    def __init__(self):
        self._holder = None
        self._lid = 0
        self._waiting = 0
        # _lane: the lane its takes and gives back go to, a lock of the program's own code
        # has one; _res: the lane its waits are for (an RLock's inner lock: its RLock's)
        self._lane = self._res = LANES[0]() if LANES[0] is not None else None

    def acquire(self, blocking=True, timeout=-1):
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout < 0 and timeout != -1:
            raise ValueError("timeout value must be a non-negative number")
        if self._holder is None:
            self._holder = core.CUR
            if self._lane is not None:
                REPORT[0](self._lane, "a", 1)
            return True
        if not blocking:
            return False
        return _wait_for(self, timeout, sys._getframe(1))

    def __enter__(self):
        # the line tracer sees every call of these, and costs more than they do: no helpers
        if self._holder is None:
            self._holder = core.CUR
            if self._lane is not None:
                REPORT[0](self._lane, "a", 1)
            return True
        return _wait_for(self, -1, sys._getframe(1))

    def release(self):
        if self._holder is None:
            raise RuntimeError("release unlocked lock")
        self._holder = None
        if self._lane is not None:
            REPORT[0](self._lane, "r", 0)
        if self._waiting:
            core.call("k", str(self._lid), "1", frame=sys._getframe(1))

    def __exit__(self, *exc):
        if self._holder is None:
            raise RuntimeError("release unlocked lock")
        self._holder = None
        if self._lane is not None:
            REPORT[0](self._lane, "r", 0)
        if self._waiting:
            core.call("k", str(self._lid), "1", frame=sys._getframe(1))

    def locked(self):
        return self._holder is not None

    def _at_fork_reinit(self):
        self._holder = None
        self._waiting = 0
        self._lid = 0

    acquire_lock = acquire
    release_lock = release
    locked_lock = locked

    def __repr__(self):
        return "<%s _thread.lock object at %#x>" % ("locked" if self._holder is not None else "unlocked", id(self))


def _lanes():
    from . import lanes
    return lanes


def _wait_for(lock, timeout, frame):
    me = core.CUR
    if not lock._lid:
        _next_lock[0] += 1
        lock._lid = _next_lock[0]
    reason, detail, obj = waits.reason_and_object(lock, frame)
    # what the thread waits for, if it has a lane: the lock (or its RLock), or the queue,
    # event, condition ... it waits in; the runtime names the wait after the lane
    lanes = _lanes()
    lane = lock._res if reason == "lock" else lanes.lane_of(obj)
    on_lane = () if lane is None else (str(lanes.rid(lane)), lanes.role_of(reason))
    deadline = -1 if timeout < 0 else me.now + me.pending // 1000 + int(round(timeout * 1e6))
    lock._waiting += 1
    try:
        while True:
            holder = lock._holder
            holder_tid = holder.tid if reason == "lock" and isinstance(holder, core.ThreadState) else -1
            left = -1 if deadline < 0 else max(0, deadline - (me.now + me.pending // 1000))
            # The wait carries CPU only up to the horizon: more could end this thread's turn
            # before the runtime registers the wait, and a release by the next thread would
            # wake nobody; the rest goes with the next report.
            woken = core.call("w", str(lock._lid), str(holder_tid), str(left), reason,
                              core._escape(detail), *on_lane, frame=frame, cpu=core.flush_within_horizon)
            if lock._holder is None:
                break
            if woken == "0":
                return False
    finally:
        lock._waiting -= 1
    lock._holder = me
    if lock._lane is not None:
        REPORT[0](lock._lane, "a", 1)
    return True


def allocate_lock():
    return Lock()


class Sentinel:
    """The lock a thread's end releases (3.9 to 3.12: Thread._tstate_lock): waiting for it is
    the runtime's join, woken by the thread's death."""
    __slots__ = ("_st", "_held", "_released")

    def __init__(self, st):
        self._st = st
        self._held = False
        self._released = False

    def acquire(self, blocking=True, timeout=-1):
        st = self._st
        if core.CUR is st and not self._held:
            self._held = True
            return True
        if st.done:
            return True
        if not blocking:
            return False
        us = -1 if timeout is None or timeout < 0 else int(round(timeout * 1e6))
        if core.call("j", str(st.tid), str(us), frame=sys._getframe(1)) == "1":
            st.done = True
            return True
        return False

    __enter__ = acquire

    def release(self):
        # threading releases a sentinel only once its thread is known to be done, or the main
        # thread's own at interpreter shutdown (a child process's end)
        self._released = True

    def __exit__(self, *exc):
        pass

    def locked(self):
        return not self._st.done and not self._released

    def _at_fork_reinit(self):
        # threading, after a fork, reinitialises and takes the forking thread's sentinel again
        self._held = False
        self._released = False


def set_sentinel():
    return Sentinel(core.CUR)


class ThreadHandle:
    """3.13's _thread._ThreadHandle: join() is the runtime's join."""
    __slots__ = ("_st", "__weakref__")

    def __init__(self, st=None):
        self._st = st

    @property
    def ident(self):
        return self._st.ident if self._st is not None else None

    def is_done(self):
        return self._st is not None and self._st.done

    def join(self, timeout=None):
        st = self._st
        if st is None:
            raise RuntimeError("thread not started")
        if st is core.CUR:
            raise RuntimeError("Cannot join current thread")
        if st.done:
            return
        us = -1 if timeout is None else max(0, int(round(timeout * 1e6)))
        core.call("j", str(st.tid), str(us), frame=sys._getframe(1))

    def _set_done(self):
        pass


def make_thread_handle(ident):
    for st in core.THREADS.values():
        if st.ident == ident:
            return ThreadHandle(st)
    return ThreadHandle(None)


def _state_for(function):
    owner = getattr(function, "__self__", None)
    st = getattr(owner, "_tl_state", None) if owner is not None else None
    if st is None:
        st = core.new_thread_state("Dummy-%d" % (len(core.THREADS) + 1), True)
    return st


def start_new_thread(function, args, kwargs=None):
    if not isinstance(args, tuple):
        raise TypeError("2nd arg must be a tuple")
    st = _state_for(function)
    core.start_thread(st, function, args, kwargs or {})
    return st.ident


def start_joinable_thread(function, handle=None, daemon=True):
    st = _state_for(function)
    if handle is None:
        handle = ThreadHandle(st)
    else:
        handle._st = st
    st.handle = handle
    core.start_thread(st, function, (), {})
    return handle


def get_ident():
    st = core.BY_REAL_IDENT.get(core.REAL_GET_IDENT())
    return st.ident if st is not None else core.REAL_GET_IDENT()


def get_native_id():
    st = core.BY_REAL_IDENT.get(core.REAL_GET_IDENT())
    return st.native if st is not None else 0


def get_main_thread_ident():
    return core.fake_ident(0)
