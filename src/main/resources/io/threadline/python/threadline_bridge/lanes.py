"""The program's own locks, RLocks, semaphores, conditions, events, barriers and queues as
lanes of the runtime: each one's takes and gives back, sets, notifies, items put and taken
are reported to it, and its waits are waits for it, so the runtime records them as it does
its own primitives' (holder spans, wait lists, the wait-for graph's edges).

Only objects the program itself made get a lane: the locks threading and queue make inside
them (a Semaphore's condition, a Condition's waiter locks, a Queue's mutex) are parts of the
object they serve. A report needs no reply (it cannot change who runs), except past the
horizon, where the thread reports its CPU first, as at any switch point.
"""
import sys
import threading
import queue

from . import core

# The runtime's names of the kinds (trace.ResourceKind's labels) and the names they get when
# the program has no name for them ("Lock 2"), as the runtime's own are named.
_TITLES = {"lock": "Lock", "rlock": "RLock", "semaphore": "Semaphore", "bounded-semaphore": "BoundedSemaphore",
           "condition": "Condition", "event": "Event", "barrier": "Barrier", "queue": "Queue"}
_ROLES = {"queue-get": "get", "queue-put": "put", "queue-join": "join"}

# Resources are declared to the runtime anew in each process: a forked child's copy of a lock
# is a lock of its own. The generation tells a child's lanes from the parent's.
_generation = [0]
_next_id = [0]
_count_of_kind = {}


class Lane:
    __slots__ = ("kind", "capacity", "rid", "gen", "name", "items", "puts", "last")

    def __init__(self, kind, capacity, last=False):
        self.kind = kind
        self.capacity = capacity
        self.rid = 0
        self.gen = -1
        self.name = ""
        # a queue's items not yet taken, with their numbers (put order), as the runtime numbers them
        self.items = []
        self.puts = 0
        # a LifoQueue gives the item put last
        self.last = last


def after_fork_in_child():
    _generation[0] += 1
    _count_of_kind.clear()


def _user_frame():
    f = sys._getframe(2)
    while f is not None and f.f_code.co_filename != core.PROGRAM_FILE:
        f = f.f_back
    return f


def _name_for(obj, user):
    """What the program calls {@code obj}: a global, a local, an attribute of one (alice.lock);
    globals first, so a lock passed around keeps the name it was made under."""
    if user is not None:
        try:
            scopes = (user.f_globals, user.f_locals)
        except Exception:
            scopes = ()
        for scope in scopes:
            for k, v in list(scope.items()):
                if v is obj and not k.startswith("__"):
                    return k
        for scope in scopes:
            for k, v in list(scope.items()):
                d = getattr(v, "__dict__", None)
                if isinstance(d, dict) and not isinstance(v, type) and not k.startswith("__"):
                    for a, w in list(d.items()):
                        if w is obj:
                            return k + "." + a
    return ""


def rid(lane, obj):
    """The lane's number in this process, declared to the runtime at its first use here."""
    if lane.gen != _generation[0]:
        _next_id[0] += 1
        lane.rid = _next_id[0]
        lane.gen = _generation[0]
        lane.items = []
        lane.puts = 0
        name = _name_for(obj, _user_frame())
        if not name:
            n = _count_of_kind.get(lane.kind, 0) + 1
            _count_of_kind[lane.kind] = n
            name = "%s %d" % (_TITLES[lane.kind], n)
        lane.name = name
        core.tell_or_call("Yd", str(lane.rid), lane.kind, str(lane.capacity), core._escape(name))
    return lane.rid


def _event(lane, obj, op, arg=0, text=None):
    r = rid(lane, obj)
    if text is None:
        core.tell_or_call("Y", str(r), op, str(arg))
    else:
        core.tell_or_call("Y", str(r), op, str(arg), core._escape(text))


def acquired(lane, obj, depth=1):
    _event(lane, obj, "a", depth)


def released(lane, obj, left=0):
    _event(lane, obj, "r", left)


def lane_of(obj):
    d = getattr(obj, "__dict__", None)
    return d.get("_tl_lane") if d is not None else None


def role_of(reason):
    return _ROLES.get(reason, "waits")


def made_by_program():
    """Whether the object being made (its __init__ called this through a wrapper) is the
    program's own: made by its code, or the lock a Condition of its code made for itself."""
    f = sys._getframe(1)
    while f is not None:
        path = f.f_code.co_filename
        if path in core._SKIP_FILES:
            f = f.f_back
        elif path.endswith("threading.py") and (f.f_code.co_name == "RLock" or f.f_code.co_name == "__init__"
                                                and type(f.f_locals.get("self")) is threading.Condition):
            f = f.f_back
        else:
            break
    return f is not None and f.f_code.co_filename == core.PROGRAM_FILE


def _own(obj, kind, capacity, last=False):
    if made_by_program():
        obj.__dict__["_tl_lane"] = Lane(kind, capacity, last)


# ---------------------------------------------------------------- the wrappers

def install():
    from . import sync
    sync.LANES[0] = Lane
    _install_rlock()
    _install_semaphores()
    _install_condition()
    _install_event()
    _install_barrier()
    _install_queues()


def _install_rlock():
    cls = getattr(threading, "_PyRLock", None)
    if cls is None:
        return
    init, acquire, release = cls.__init__, cls.acquire, cls.release
    release_save, acquire_restore = cls._release_save, cls._acquire_restore

    def __init__(self, *args, **kwargs):
        init(self, *args, **kwargs)
        if made_by_program():
            lane = Lane("rlock", 1)
            self.__dict__["_tl_lane"] = lane
            # waiting for the RLock is waiting for its inner lock
            self._block._res = (lane, self)

    def acquire_(self, blocking=True, timeout=-1):
        rc = acquire(self, blocking, timeout)
        lane = self.__dict__.get("_tl_lane")
        if rc and lane is not None:
            acquired(lane, self, self._count)
        return rc

    def release_(self):
        release(self)
        lane = self.__dict__.get("_tl_lane")
        if lane is not None:
            released(lane, self, self._count)

    def _release_save(self):
        state = release_save(self)
        lane = self.__dict__.get("_tl_lane")
        if lane is not None:
            released(lane, self, 0)
        return state

    def _acquire_restore(self, state):
        acquire_restore(self, state)
        lane = self.__dict__.get("_tl_lane")
        if lane is not None:
            acquired(lane, self, self._count)

    cls.__init__ = __init__
    cls.acquire = cls.__enter__ = acquire_
    cls.release = release_
    cls._release_save = _release_save
    cls._acquire_restore = _acquire_restore


def _install_semaphores():
    _wrap_semaphore(threading.Semaphore)
    _wrap_semaphore(threading.BoundedSemaphore)


def _wrap_semaphore(cls):
    init = cls.__dict__["__init__"]
    acquire = cls.__dict__.get("acquire")
    release = cls.__dict__["release"]
    bounded = cls is threading.BoundedSemaphore

    def __init__(self, value=1):
        init(self, value)
        # a BoundedSemaphore's __init__ runs Semaphore's: its lane is made once, bounded
        if bounded or not isinstance(self, threading.BoundedSemaphore):
            _own(self, "bounded-semaphore" if bounded else "semaphore", value)

    cls.__init__ = __init__
    if acquire is not None:
        def acquire_(self, blocking=True, timeout=None):
            rc = acquire(self, blocking, timeout)
            lane = self.__dict__.get("_tl_lane")
            if rc and lane is not None:
                acquired(lane, self, 1)
            return rc

        cls.acquire = cls.__enter__ = acquire_

    def release_(self, n=1):
        release(self, n)
        lane = self.__dict__.get("_tl_lane")
        if lane is not None:
            for _ in range(n):
                released(lane, self, 0)

    cls.release = release_


def _install_condition():
    cls = threading.Condition
    init, notify = cls.__init__, cls.notify

    def __init__(self, lock=None):
        init(self, lock)
        _own(self, "condition", 0)

    def notify_(self, n=1):
        lane = self.__dict__.get("_tl_lane")
        if lane is not None and self._is_owned():
            _event(lane, self, "n", min(n, len(self._waiters)))
        notify(self, n)

    cls.__init__ = __init__
    cls.notify = notify_


def _install_event():
    cls = threading.Event
    init, set_, clear = cls.__init__, cls.set, cls.clear

    def __init__(self):
        init(self)
        _own(self, "event", 0)

    def set_event(self):
        set_(self)
        lane = self.__dict__.get("_tl_lane")
        if lane is not None:
            _event(lane, self, "s")

    def clear_event(self):
        clear(self)
        lane = self.__dict__.get("_tl_lane")
        if lane is not None:
            _event(lane, self, "c")

    cls.__init__ = __init__
    cls.set = set_event
    cls.clear = clear_event


def _install_barrier():
    cls = threading.Barrier
    init, release = cls.__init__, cls._release

    def __init__(self, parties, action=None, timeout=None):
        init(self, parties, action, timeout)
        _own(self, "barrier", parties)

    def _release(self):
        lane = self.__dict__.get("_tl_lane")
        if lane is not None:
            _event(lane, self, "b")
        release(self)

    cls.__init__ = __init__
    cls._release = _release


def _install_queues():
    for cls in (queue.Queue, queue.LifoQueue, queue.PriorityQueue):
        _wrap_queue(cls, cls is queue.LifoQueue)
    _wrap_simple_queue(queue._PySimpleQueue)


def _put(lane, obj, item):
    rid(lane, obj)
    number = lane.puts
    _event(lane, obj, "p", 0, _text(item))
    lane.puts = number + 1
    lane.items.append((item, number))


def _got(lane, obj, item):
    entries = lane.items
    order = range(len(entries) - 1, -1, -1) if lane.last else range(len(entries))
    for i in order:
        if entries[i][0] is item:
            number = entries.pop(i)[1]
            _event(lane, obj, "g", number)
            return


def _text(item):
    try:
        text = repr(item)
    except Exception:
        text = "<%s>" % type(item).__name__
    return text if len(text) <= 60 else text[:59] + "\u2026"


def _wrap_queue(cls, last):
    put, get = cls.__dict__["_put"], cls.__dict__["_get"]

    if cls is queue.Queue:
        init = cls.__init__

        def __init__(self, maxsize=0):
            init(self, maxsize)
            _own(self, "queue", maxsize, isinstance(self, queue.LifoQueue))

        cls.__init__ = __init__

    def _put_(self, item):
        put(self, item)
        lane = self.__dict__.get("_tl_lane")
        if lane is not None:
            _put(lane, self, item)

    def _get_(self):
        item = get(self)
        lane = self.__dict__.get("_tl_lane")
        if lane is not None:
            _got(lane, self, item)
        return item

    cls._put = _put_
    cls._get = _get_


def _wrap_simple_queue(cls):
    init, put, get = cls.__init__, cls.put, cls.get

    def __init__(self):
        init(self)
        _own(self, "queue", 0)

    def put_(self, item, block=True, timeout=None):
        put(self, item, block, timeout)
        lane = self.__dict__.get("_tl_lane")
        if lane is not None:
            _put(lane, self, item)

    def get_(self, block=True, timeout=None):
        item = get(self, block, timeout)
        lane = self.__dict__.get("_tl_lane")
        if lane is not None:
            _got(lane, self, item)
        return item

    cls.__init__ = __init__
    cls.put = put_
    cls.get = get_
