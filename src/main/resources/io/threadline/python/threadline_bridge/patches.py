"""Replaces CPython's primitives at their lowest level, before the program is imported:
_thread (start, locks, the end-of-thread sentinel, 3.13's handles, idents), time, the
standard streams, and the pure-Python SimpleQueue instead of the C one (which blocks in C).
Modules imported already (threading, sometimes by site) get their bound names patched."""
import _thread
import sys

from . import clocks
from . import core
from . import sync


def _replace_primitives(module, prefix):
    """The names of _thread's primitives, in _thread itself (prefix "") or as threading binds
    them at import (prefix "_")."""
    names = {"allocate_lock": sync.allocate_lock, "start_new_thread": sync.start_new_thread,
             "get_ident": sync.get_ident, "get_native_id": sync.get_native_id,
             "set_sentinel": sync.set_sentinel, "start_joinable_thread": sync.start_joinable_thread,
             "ThreadHandle": sync.ThreadHandle, "make_thread_handle": sync.make_thread_handle,
             "get_main_thread_ident": sync.get_main_thread_ident}
    private = {"set_sentinel", "ThreadHandle", "make_thread_handle", "get_main_thread_ident"}
    for name, value in names.items():
        bound = ("_" if name in private or (prefix and name not in ("get_ident", "get_native_id"))
                 else "") + name
        if hasattr(module, bound):
            setattr(module, bound, value)


def install_thread_module():
    t = _thread
    _replace_primitives(t, "")
    t.allocate = sync.allocate_lock
    t.LockType = sync.Lock
    t.start_new = sync.start_new_thread


def install_threading(main):
    # _queue's C SimpleQueue blocks inside C: make sure queue falls back to its Python one.
    sys.modules.setdefault("_queue", None)
    import threading
    th = threading
    _replace_primitives(th, "_")
    th._LockType = sync.Lock
    th.Lock = sync.Lock
    th._CRLock = None
    th._time = clocks.perf_counter
    if hasattr(th, "_thread_shutdown"):
        th._thread_shutdown = _join_non_daemon_threads
    # Module-level locks threading made at import are only ever taken briefly by one thread
    # at a time here; replace them anyway, so nothing of the program blocks in C.
    for name in ("_active_limbo_lock", "_shutdown_locks_lock"):
        if hasattr(th, name):
            setattr(th, name, sync.Lock())

    # The main thread: rekey it under its fake ident, give it the main state's handle.
    mt = th.main_thread()
    real = core.REAL_GET_IDENT()
    with_real = th._active.pop(real, None)
    th._active[main.ident] = mt if with_real is None else with_real
    mt._ident = main.ident
    if hasattr(mt, "_native_id"):
        mt._native_id = main.native
    if hasattr(mt, "_handle"):
        mt._handle = sync.ThreadHandle(main)
    if hasattr(mt, "_tstate_lock") and getattr(mt, "_tstate_lock", None) is not None:
        s = sync.Sentinel(main)
        s._held = True
        mt._tstate_lock = s
    mt._tl_state = main

    original_init = th.Thread.__init__
    _ORIGINAL_INIT[0] = original_init

    def __init__(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        if "_tl_state" not in self.__dict__:
            self.__dict__["_tl_state"] = core.new_thread_state(self._name, self._daemonic)

    __init__.__wrapped__ = original_init
    th.Thread.__init__ = __init__

    name_property = th.Thread.name

    def set_name(self, name):
        name_property.fset(self, name)
        st = self.__dict__.get("_tl_state")
        if st is not None:
            st.name = self._name
            core.tell_or_call("m", str(st.tid), core._escape(self._name))

    th.Thread.name = property(name_property.fget, set_name, doc=name_property.__doc__)

    daemon_property = th.Thread.daemon

    def set_daemon(self, daemonic):
        daemon_property.fset(self, daemonic)
        st = self.__dict__.get("_tl_state")
        if st is not None:
            st.daemon = bool(self._daemonic)
            core.tell_or_call("d", str(st.tid), "1" if self._daemonic else "0")

    th.Thread.daemon = property(daemon_property.fget, set_daemon, doc=daemon_property.__doc__)

    # An exception in run(): the thread ends dead (raised). threading.excepthook still prints
    # its traceback (to the program's stderr, so into the output), and the run goes on.
    original_make = th._make_invoke_excepthook

    def _make_invoke_excepthook():
        invoke = original_make()

        def invoke_excepthook(thread):
            e = sys.exc_info()[1]
            st = core.CUR
            if st is not None and e is not None:
                st.raised = _describe(e)
            return invoke(thread)

        return invoke_excepthook

    th._make_invoke_excepthook = _make_invoke_excepthook

    import queue
    if getattr(queue, "SimpleQueue", None) is not queue._PySimpleQueue:
        queue.SimpleQueue = queue._PySimpleQueue
    queue.time = clocks.perf_counter


def adopt_current_thread(st, name, old_ident=None):
    """Makes threading's object for the calling thread answer as the runtime's thread {@code st}:
    a forked child's first thread (known by its ident in the parent), or a thread the runtime
    made (the pool's result handler)."""
    import threading as th
    if name is None:
        current = th._active.get(old_ident) or th.main_thread()
        th._active.clear()
    else:
        current = th.Thread.__new__(th._DummyThread)
        _ORIGINAL_INIT[0](current, name=name, daemon=True)
        current._started.set()
        if hasattr(current, "_set_tstate_lock") and not hasattr(th, "_start_joinable_thread"):
            current._tstate_lock = None
    current.__dict__["_tl_state"] = st
    current._ident = st.ident
    if hasattr(current, "_native_id"):
        current._native_id = st.native
    if hasattr(current, "_handle"):
        current._handle = sync.ThreadHandle(st)
    if getattr(current, "_tstate_lock", None) is not None:
        s = sync.Sentinel(st)
        s._held = True
        current._tstate_lock = s
    th._active[st.ident] = current
    if name is None:
        th._main_thread = current


_ORIGINAL_INIT = [None]


def _join_non_daemon_threads():
    """3.13's _thread._shutdown, through the runtime: waits for this process's other threads."""
    me = core.CUR
    for st in list(core.THREADS.values()):
        if st is not me and not st.daemon and not st.done and st.tid != 0:
            core.call("j", str(st.tid), "-1")


def patch_thread_pool_executor(cft):
    """ThreadPoolExecutor keeps its threads in a set and shutdown() joins them in the set's
    order, which follows their addresses: keep them in the order they were made instead."""
    original_executor_init = cft.ThreadPoolExecutor.__init__

    def executor_init(self, *args, **kwargs):
        original_executor_init(self, *args, **kwargs)
        self._threads = _OrderedSet()

    cft.ThreadPoolExecutor.__init__ = executor_init


class _OrderedSet:
    """The few set operations ThreadPoolExecutor uses on its threads, in insertion order."""

    def __init__(self):
        self._items = {}

    def add(self, item):
        self._items[item] = None

    def discard(self, item):
        self._items.pop(item, None)

    def remove(self, item):
        del self._items[item]

    def __iter__(self):
        return iter(list(self._items))

    def __len__(self):
        return len(self._items)

    def __contains__(self, item):
        return item in self._items


def _describe(e):
    t = type(e)
    name = t.__qualname__ if t.__module__ in ("builtins", "__main__") else t.__module__ + "." + t.__qualname__
    text = str(e)
    return name + (": " + text if text else "")


def describe(e):
    return _describe(e)


def install_sys():
    def setswitchinterval(interval):
        if not isinstance(interval, (int, float)):
            raise TypeError("must be real number, not %s" % type(interval).__name__)
        if interval <= 0:
            raise ValueError("switch interval must be strictly positive")
        us = max(1, int(round(interval * 1e6)))
        core.SWITCH_INTERVAL[0] = us / 1e6
        core.call("q", str(us), frame=sys._getframe(1))

    def getswitchinterval():
        return core.SWITCH_INTERVAL[0]

    sys.setswitchinterval = setswitchinterval
    sys.getswitchinterval = getswitchinterval
