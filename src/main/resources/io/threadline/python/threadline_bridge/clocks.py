"""time's clocks and sleep, in scenario time.

time.sleep is the runtime's sleep. The clocks read the thread's scenario time without a
runtime call (nothing else can happen before the thread's horizon). A busy-wait on a clock,
such as ``while time.thread_time() < end: pass``, would spin line by line; it is carried out
as one stretch of CPU work up to the bound the loop compares with, as CPython would spend it
(to the microsecond). A reading remembers the bound it was compared with, so the next read
at the same place, with no runtime call between, knows how far the loop is going.
"""
import ast
import math
import linecache
import sys
import time as _time

from . import core

THREAD, PROCESS, WALL, EPOCH = 0, 1, 2, 3


class Reading(float):
    """A clock reading (float seconds) that notes the bound a spinning loop compares it with."""
    __slots__ = ()

    def __lt__(self, other):
        _bound(self, other)
        return float.__lt__(self, other)

    def __le__(self, other):
        _bound(self, other)
        return float.__le__(self, other)

    def __gt__(self, other):
        _bound(self, other)
        return float.__gt__(self, other)

    def __ge__(self, other):
        _bound(self, other)
        return float.__ge__(self, other)

    def __sub__(self, other):
        value = float.__sub__(self, other)
        if value is NotImplemented:
            return value
        sp = core.CUR.spin if core.CUR is not None else None
        if sp is not None and sp[0] is self:
            e = Elapsed(value)
            sp[4] = e
            sp[5] = float(other)
            return e
        return value

    __hash__ = float.__hash__


class Elapsed(float):
    """reading - start: a bound compared with it is a bound on the reading plus start."""
    __slots__ = ()

    def __lt__(self, other):
        _elapsed_bound(self, other)
        return float.__lt__(self, other)

    def __le__(self, other):
        _elapsed_bound(self, other)
        return float.__le__(self, other)

    def __gt__(self, other):
        _elapsed_bound(self, other)
        return float.__gt__(self, other)

    def __ge__(self, other):
        _elapsed_bound(self, other)
        return float.__ge__(self, other)

    __hash__ = float.__hash__


class ReadingNs(int):
    """An integer clock reading in ns, as the *_ns clocks give, noting the bound likewise."""
    __slots__ = ()

    def __lt__(self, other):
        _bound(self, other)
        return int.__lt__(self, other)

    def __le__(self, other):
        _bound(self, other)
        return int.__le__(self, other)

    def __gt__(self, other):
        _bound(self, other)
        return int.__gt__(self, other)

    def __ge__(self, other):
        _bound(self, other)
        return int.__ge__(self, other)

    def __sub__(self, other):
        value = int.__sub__(self, other)
        if value is NotImplemented:
            return value
        sp = core.CUR.spin if core.CUR is not None else None
        if sp is not None and sp[0] is self:
            e = ElapsedNs(value)
            sp[4] = e
            sp[5] = other
            return e
        return value

    __hash__ = int.__hash__


class ElapsedNs(int):
    __slots__ = ()

    def __lt__(self, other):
        _elapsed_bound(self, other)
        return int.__lt__(self, other)

    def __le__(self, other):
        _elapsed_bound(self, other)
        return int.__le__(self, other)

    def __gt__(self, other):
        _elapsed_bound(self, other)
        return int.__gt__(self, other)

    def __ge__(self, other):
        _elapsed_bound(self, other)
        return int.__ge__(self, other)

    __hash__ = int.__hash__


def _bound(reading, other):
    me = core.CUR
    sp = me.spin if me is not None else None
    if sp is not None and sp[0] is reading and isinstance(other, (int, float)):
        sp[3] = other


def _elapsed_bound(elapsed, other):
    me = core.CUR
    sp = me.spin if me is not None else None
    if sp is not None and sp[4] is elapsed and isinstance(other, (int, float)):
        sp[3] = sp[5] + other


_pure_sites = {}


def _pure_spin(code, lineno):
    """Whether the line is the test of a while loop whose body does nothing (pass, ...,
    continue): a busy-wait that only burns CPU until the clock passes its bound."""
    key = (code, lineno)
    found = _pure_sites.get(key)
    if found is None:
        found = False
        try:
            source = "".join(linecache.getlines(code.co_filename))
            for node in ast.walk(ast.parse(source)):
                if isinstance(node, ast.While) and node.test.lineno <= lineno <= getattr(node.test, "end_lineno", node.test.lineno):
                    found = all(isinstance(s, (ast.Pass, ast.Continue)) or
                                (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))
                                for s in node.body) and not node.orelse
                    break
        except (SyntaxError, ValueError):
            found = False
        _pure_sites[key] = found
    return found


def _read(kind, ns_value_of, factory, scale):
    """A reading of clock {@code kind}; fast-forwards a busy-wait on it (see the module)."""
    me = core.CUR
    f = sys._getframe(2)
    site = (f.f_code, f.f_lasti)
    sp = me.spin
    if sp is not None and sp[1] == site and sp[2] == kind and sp[3] is not None and sp[6] == me.ops:
        bound_ns = sp[3] * scale
        now_ns = ns_value_of(me)
        if bound_ns > now_ns and f.f_code.co_filename == core.PROGRAM_FILE:
            bound_ns = int(math.ceil(bound_ns))
            per_iteration = now_ns - sp[7]
            pure = _pure_spin(f.f_code, f.f_lineno)
            if per_iteration <= 0 or pure:
                bound = sp[3]
                _spin(me, bound_ns - now_ns, per_iteration, pure)
                value = ns_value_of(me)
                r = factory(value)
                if not _above(r, bound):
                    # the clock has passed the bound by less than its resolution shows
                    r = factory(bound_ns) if _above(factory(bound_ns), bound) else _just_above(r, bound)
                me.spin = [r, site, kind, None, None, None, me.ops, value]
                return r
    value = ns_value_of(me)
    r = factory(value)
    me.spin = [r, site, kind, None, None, None, me.ops, value]
    return r


def _above(reading, bound):
    base = float if isinstance(reading, float) else int
    return base.__gt__(reading, bound) is True or (base is int and float(reading) > bound)


def _just_above(reading, bound):
    if isinstance(reading, float):
        return Reading(math.nextafter(float(bound), math.inf))
    return ReadingNs(int(math.floor(bound)) + 1)


def _spin(me, needed_ns, per_iteration, pure):
    """Spends the CPU a busy-wait spends until its clock passes the bound."""
    if per_iteration > 0:
        loops = -(-needed_ns // per_iteration)
        charge = loops * per_iteration
    else:
        # Lines cost nothing: the wait ends on the microsecond the bound falls in (rounded as
        # the runtime rounds a cpu() call's seconds), and a loop that does more than spin
        # gets to look again at every horizon.
        charge = (me.pending + needed_ns + 500) // 1000 * 1000 - me.pending
        if not pure:
            room = me.horizon * 1000 - (me.now * 1000 + me.pending)
            charge = min(charge, room if room > 0 else 1000)
    me.pending += max(0, charge)
    core.call("c", frame=sys._getframe(3))


def _thread_ns(me):
    return me.cpu_ns + me.pending


def _process_ns(me):
    total = 0
    for st in core.THREADS.values():
        total += st.cpu_ns + (st.pending if st is me else 0)
    return total


def _wall_ns(me):
    return me.now * 1000 + me.pending


def _epoch_ns(me):
    return core.EPOCH_NS + me.now * 1000 + me.pending


def _seconds(ns):
    return Reading(ns / 1e9)


def _nanos(ns):
    return ReadingNs(ns)


def perf_counter():
    return _read(WALL, _wall_ns, _seconds, 1e9)


def perf_counter_ns():
    return _read(WALL + 10, _wall_ns, _nanos, 1)


def time():
    return _read(EPOCH, _epoch_ns, _seconds, 1e9)


def time_ns():
    return _read(EPOCH + 10, _epoch_ns, _nanos, 1)


def thread_time():
    return _read(THREAD, _thread_ns, _seconds, 1e9)


def thread_time_ns():
    return _read(THREAD + 10, _thread_ns, _nanos, 1)


def process_time():
    return _read(PROCESS, _process_ns, _seconds, 1e9)


def process_time_ns():
    return _read(PROCESS + 10, _process_ns, _nanos, 1)


def sleep(secs):
    if not isinstance(secs, (int, float)):
        try:
            secs = float(secs)
        except (TypeError, ValueError):
            raise TypeError("'%s' object cannot be interpreted as an integer or float" % type(secs).__name__)
    if secs != secs:
        raise ValueError("Invalid value NaN (not a number)")
    if secs < 0:
        raise ValueError("sleep length must be non-negative")
    core.call("s", str(int(round(secs * 1e6))), frame=sys._getframe(1))


def _now_seconds():
    me = core.CUR
    return _epoch_ns(me) / 1e9


def localtime(secs=None):
    return _time.localtime(_now_seconds() if secs is None else secs)


def gmtime(secs=None):
    return _time.gmtime(_now_seconds() if secs is None else secs)


def ctime(secs=None):
    return _time.ctime(_now_seconds() if secs is None else secs)


def asctime(t=None):
    return _time.asctime(localtime() if t is None else t)


def strftime(format, t=None):
    return _time.strftime(format, localtime() if t is None else t)


def install():
    import time as t
    for name in ("perf_counter", "perf_counter_ns", "time", "time_ns", "thread_time", "thread_time_ns",
                 "process_time", "process_time_ns", "sleep", "localtime", "gmtime", "ctime", "asctime",
                 "strftime"):
        setattr(t, name, globals()[name])
    t.monotonic = perf_counter
    t.monotonic_ns = perf_counter_ns
