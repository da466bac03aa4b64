"""The program's own locks, RLocks, semaphores, conditions, events, barriers and queues as
lanes of the runtime: each one's takes and gives back, sets, notifies, items put and taken
are reported to it, and its waits are waits for it, so the runtime records them as it does
its own primitives' (holder spans, wait lists, the wait-for graph's edges).

Only objects the program itself made get a lane: the locks threading and queue make inside
them (a Semaphore's condition, a Condition's waiter locks, a Queue's mutex) are parts of the
object they serve. A report needs no reply: it never gives the baton away (see _tell), so
what the lane says changes exactly where the program's state does. What changes a resource
and wakes a waiter (a release, a set) is reported before the wake-up, as the runtime's own
primitives record it.
"""
import ast
import linecache
import sys
import threading
import queue

from . import core

_ROLES = {"queue-get": "get", "queue-put": "put", "queue-join": "join"}

# Resources are declared to the runtime anew in each process: a forked child's copy of a lock
# is a lock of its own. The generation tells a child's lanes from the parent's.
_generation = [0]
_next_id = [0]
# the names given so far in this process, so that a second self.lock becomes "self.lock 2"
_names_used = {}
# what the assignment on a line of the program makes: (code, line) -> its target or ""
_targets = {}


class Lane:
    __slots__ = ("kind", "capacity", "rid", "gen", "name", "items", "puts", "last")

    def __init__(self, kind, capacity, frame, last=False):
        self.kind = kind
        self.capacity = capacity
        self.rid = 0
        self.gen = -1
        self.name = _name_made_at(frame)
        # a queue's items not yet taken, with their numbers (put order), as the runtime numbers them
        self.items = []
        self.puts = 0
        # a LifoQueue gives the item put last
        self.last = last


def after_fork_in_child():
    _generation[0] += 1


def _name_made_at(frame):
    """The name the program gives what it makes on {@code frame}'s line: the target of an
    assignment of a call (lock_a = threading.Lock(), self.lock = Lock()), else "" and the
    runtime numbers it as its own ("Lock 2"). A second object of the same name gets a number.
    Only the line is read: a lock made in a list, a dict or a call of the program's own gets
    no name rather than a guessed one."""
    key = (frame.f_code, frame.f_lineno)
    target = _targets.get(key)
    if target is None:
        target = ""
        try:
            stmt = ast.parse(linecache.getline(core.PROGRAM_FILE, frame.f_lineno).strip()).body[0]
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
                node, value = stmt.targets[0], stmt.value
            elif isinstance(stmt, ast.AnnAssign):
                node, value = stmt.target, stmt.value
            else:
                node = value = None
            # lock = RLock() if REENTRANT else Lock(): either call makes it
            while isinstance(value, ast.IfExp) and isinstance(value.body, ast.Call):
                value = value.orelse
            if isinstance(value, ast.Call) and isinstance(node, (ast.Name, ast.Attribute)):
                target = ast.unparse(node)
        except (SyntaxError, IndexError, ValueError):
            pass
        _targets[key] = target
    if not target:
        return ""
    n = _names_used.get(target, 0) + 1
    _names_used[target] = n
    return target if n == 1 else "%s %d" % (target, n)


def rid(lane):
    """The lane's number in this process, declared to the runtime at its first use here."""
    if lane.gen != _generation[0]:
        _declare(lane)
    return lane.rid


def _declare(lane):
    _next_id[0] += 1
    lane.rid = _next_id[0]
    lane.gen = _generation[0]
    lane.items = []
    lane.puts = 0
    core.send_later(["Yd", "0", "0", str(lane.rid), lane.kind, str(lane.capacity), core._escape(lane.name)])


def report(lane, op, arg=0, text=None):
    """Tells the runtime that the running thread did {@code op} to the lane's object, without a
    reply. It carries CPU only up to just before the horizon (the rest goes with the next
    message), so it can never make the runtime give the baton away: the lane changes exactly
    where the program's state does, a few lines early at most. Every call here runs through the
    line tracer, which costs more than the report: hence one function, not a stack of helpers."""
    if lane.gen != _generation[0]:
        _declare(lane)
    me = core.CUR
    me.ops += 1
    us = 0
    if me.pending >= 1000:
        us = min(me.pending // 1000, me.horizon - me.now - 1)
        if us > 0:
            core._flush(me, us)
        else:
            us = 0
    f = sys._getframe(1)
    program = core.PROGRAM_FILE
    while f is not None and f.f_code.co_filename != program:
        f = f.f_back
    line = "Y\t%d\t%d\t%d\t%s\t%d" % (us, f.f_lineno if f is not None else 0, lane.rid, op, arg)
    if text is not None:
        line += "\t" + core._escape(text)
    later = core._later
    later.append((line + "\n").encode("utf-8", "surrogateescape"))
    if len(later) >= 512:
        core.send_pending()


def lane_of(obj):
    d = getattr(obj, "__dict__", None)
    return d.get("_tl_lane") if d is not None else None


def role_of(reason):
    return _ROLES.get(reason, "waits")


def made_by_program():
    """The program's frame making the object whose __init__ called this (through a wrapper),
    or None where the standard library makes it for itself. A Condition's own RLock is the
    program's too when its Condition is."""
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
    return f if f is not None and f.f_code.co_filename == core.PROGRAM_FILE else None


def lock_lane():
    """A lane for a plain Lock the program's own code makes (its caller's caller), or None."""
    f = sys._getframe(2)
    return Lane("lock", 1, f) if f.f_code.co_filename == core.PROGRAM_FILE else None


def _own(obj, kind, capacity, last=False):
    f = made_by_program()
    if f is not None:
        obj.__dict__["_tl_lane"] = Lane(kind, capacity, f, last)


# ---------------------------------------------------------------- the wrappers

def install():
    from . import sync
    sync.LANES[0] = lock_lane
    sync.REPORT[0] = report
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
        _own(self, "rlock", 1)
        # waiting for the RLock is waiting for its inner lock
        self._block._res = lane_of(self)

    def acquire_(self, blocking=True, timeout=-1):
        rc = acquire(self, blocking, timeout)
        lane = lane_of(self)
        if rc and lane is not None:
            report(lane, "a", self._count)
        return rc

    def release_(self):
        lane = lane_of(self)
        if lane is not None and self._owner == threading.get_ident() and self._count > 0:
            report(lane, "r", self._count - 1)
        release(self)

    def _release_save(self):
        lane = lane_of(self)
        if lane is not None and self._count > 0:
            report(lane, "r", 0)
        return release_save(self)

    def _acquire_restore(self, state):
        acquire_restore(self, state)
        lane = lane_of(self)
        if lane is not None:
            report(lane, "a", self._count)

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
            lane = lane_of(self)
            if rc and lane is not None:
                report(lane, "a", 1)
            return rc

        cls.acquire = cls.__enter__ = acquire_

    def release_(self, n=1):
        lane = lane_of(self)
        # one too many for a bounded one raises, and releases nothing
        if lane is not None and n >= 1 and not (bounded and self._value + n > self._initial_value):
            for _ in range(n):
                report(lane, "r", 0)
        release(self, n)

    cls.release = release_


def _install_condition():
    cls = threading.Condition
    init, notify = cls.__init__, cls.notify

    def __init__(self, lock=None):
        init(self, lock)
        _own(self, "condition", 0)

    def notify_(self, n=1):
        lane = lane_of(self)
        if lane is not None and self._is_owned():
            report(lane, "n", min(n, len(self._waiters)))
        notify(self, n)

    cls.__init__ = __init__
    cls.notify = notify_


def _told_first(method, op):
    """{@code method} of an object that reports {@code op} on its lane first: what it changes
    wakes the object's waiters, and the runtime's own primitives record the change before."""
    def told_first(self):
        lane = lane_of(self)
        if lane is not None:
            report(lane, op)
        return method(self)

    return told_first


def _install_event():
    cls = threading.Event
    init, set_, clear = cls.__init__, cls.set, cls.clear

    def __init__(self):
        init(self)
        _own(self, "event", 0)

    cls.__init__ = __init__
    cls.set = _told_first(set_, "s")
    cls.clear = _told_first(clear, "c")


def _install_barrier():
    cls = threading.Barrier
    init, release = cls.__init__, cls._release

    def __init__(self, parties, action=None, timeout=None):
        init(self, parties, action, timeout)
        _own(self, "barrier", parties)

    cls.__init__ = __init__
    cls._release = _told_first(release, "b")


def _install_queues():
    for cls in (queue.Queue, queue.LifoQueue, queue.PriorityQueue):
        _wrap_queue(cls)
    _wrap_simple_queue(queue._PySimpleQueue)


def _put(lane, item):
    rid(lane)   # numbered from 0 at its first use in this process
    number = lane.puts
    report(lane, "p", 0, _text(item))
    lane.puts = number + 1
    lane.items.append((item, number))


def _got(lane, item):
    entries = lane.items
    order = range(len(entries) - 1, -1, -1) if lane.last else range(len(entries))
    for i in order:
        if entries[i][0] is item:
            report(lane, "g", entries.pop(i)[1])
            return


def _text(item):
    """An item as the runtime's own queues show theirs: str(), as print would."""
    try:
        text = str(item)
    except Exception:
        text = "<%s>" % type(item).__name__
    return text if len(text) <= 60 else text[:59] + "\u2026"


def _wrap_queue(cls):
    put, get = cls.__dict__["_put"], cls.__dict__["_get"]

    if cls is queue.Queue:
        init = cls.__init__

        def __init__(self, maxsize=0):
            init(self, maxsize)
            _own(self, "queue", maxsize, isinstance(self, queue.LifoQueue))

        cls.__init__ = __init__

    def _put_(self, item):
        put(self, item)
        lane = lane_of(self)
        if lane is not None:
            _put(lane, item)

    def _get_(self):
        item = get(self)
        lane = lane_of(self)
        if lane is not None:
            _got(lane, item)
        return item

    cls._put = _put_
    cls._get = _get_


def _wrap_simple_queue(cls):
    init, put, get = cls.__init__, cls.put, cls.get

    def __init__(self):
        init(self)
        _own(self, "queue", 0)

    def put_(self, item, block=True, timeout=None):
        lane = lane_of(self)
        if lane is not None:
            _put(lane, item)
        put(self, item, block, timeout)

    def get_(self, block=True, timeout=None):
        item = get(self, block, timeout)
        lane = lane_of(self)
        if lane is not None:
            _got(lane, item)
        return item

    cls.__init__ = __init__
    cls.put = put_
    cls.get = get_
