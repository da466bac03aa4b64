"""The bridge's core: the channel to Threadline's runtime, the baton, the scenario clock.

Only the Python thread whose proxy in the runtime holds the baton executes; every other
thread of the process is blocked on its own real lock (its gate). The running thread writes
a request on the channel and reads the reply itself. A reply names the thread that runs
next: when that is another thread, the reader gives it the reply, opens its gate and closes
its own, so the role of the channel's reader passes on with the baton, one hop per handoff.

Scenario time is the runtime's: every reply carries "now" and a horizon, the scenario time
up to which this thread may compute without asking (nothing can happen before it: no timer
is due, no other thread wants the GIL). Executed lines cost CPU time, added up here and
sent to the runtime at the next point where CPython could switch threads once the horizon
is reached, so preemption happens where it happens in CPython.
"""
import _thread
import os
import sys

REAL_ALLOCATE = _thread.allocate_lock
REAL_START = _thread.start_new_thread
REAL_GET_IDENT = _thread.get_ident
REAL_FORK = getattr(os, "fork", None)
REAL_GETPID = os.getpid
REAL_EXIT = os._exit

# The run's settings, set by main() from the command line.
LINE_COST_NS = 50
MAX_LINES = 0
MAX_OUTPUT = 0
MAX_THREADS = 0
PROGRAM_FILE = ""
CORES = 4
SEED = 0
CHANNEL = ""
FAKE_PID_BASE = 4000
# Lines between two contacts with the runtime at most, so its watchdog sees a computing
# thread make progress: a thread that does not call in for seconds is stuck outside it.
SYNC_LINES = 100_000
# time.time() of scenario time 0: 2025-01-01T00:00:00Z, so printed times repeat run to run.
EPOCH_NS = 1_735_689_600 * 1_000_000_000

_sock = None
_rfile = None
_send_lock = REAL_ALLOCATE()


class Stopped(BaseException):
    """Raised in a thread whose run the runtime has ended; unwinds without running handlers."""


class ThreadState:
    """One Python thread as the runtime knows it (its proxy's id) and its clock."""
    __slots__ = ("tid", "gate", "mail", "now", "horizon", "pending", "lines_left", "cpu_ns",
                 "lc", "ll", "ops", "spin", "raised", "name", "ident", "native", "alive",
                 "handle", "done", "sentinel", "daemon", "limit", "__weakref__")

    def __init__(self, tid, name):
        self.tid = tid
        self.name = name
        self.gate = REAL_ALLOCATE()
        self.gate.acquire()
        self.mail = None
        self.now = 0            # scenario µs at the last reply
        self.horizon = 0        # scenario µs this thread may compute up to without asking
        self.limit = 0          # pending ns past which it reports at a switch point (see _slack)
        self.pending = 0        # ns of CPU executed since the last report
        self.lines_left = SYNC_LINES
        self.cpu_ns = 0         # CPU reported so far (thread_time)
        self.lc = None          # code object of the last line (back-edge detection)
        self.ll = 0             # number of the last line
        self.ops = 0            # runtime calls so far: a spin is reads with none between
        self.spin = None        # (site, clock, threshold) of a reading compared with a bound
        self.raised = None
        self.ident = 0
        self.native = 0
        self.alive = True
        self.handle = None
        self.done = False
        self.sentinel = None
        self.daemon = False

    def clock_ns(self):
        """Scenario time now on this thread, in ns: the last reply's time plus CPU since."""
        return self.now * 1000 + self.pending


def thread_state(tid, name, daemon=False):
    """A thread of this process known to the runtime as {@code tid}, with its made-up idents."""
    st = ThreadState(tid, name)
    st.daemon = daemon
    st.ident = fake_ident(tid)
    st.native = NATIVE_BASE + tid
    THREADS[tid] = st
    return st


THREADS = {}
BY_REAL_IDENT = {}
CUR = None
_next_tid = [0]
_output_lines = [0]
_threads_started = [0]
_code_skip = set()


def current():
    return CUR


def fake_ident(tid):
    # Deterministic thread identifiers, in the range CPython's look like on 64-bit Linux.
    return 139_800_000_000_000 + tid * 8_392_704


# ---------------------------------------------------------------- the channel

def _escape(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def send(fields):
    data = ("\t".join(fields) + "\n").encode("utf-8", "surrogateescape")
    if _sock is None and os.environ.get("THREADLINE_BRIDGE_LOG"):
        import traceback
        with open(os.environ["THREADLINE_BRIDGE_LOG"], "a") as log:
            log.write("send without a channel: %r\n" % (fields,))
            traceback.print_stack(file=log)
    with _send_lock:
        _later.append(data)
        _write_later()


# Reports that go out with the next message of this process (send_later)
_later = []


def send_later(fields):
    """A report with no reply that may wait for this process's next message and go with it, in
    one write: a socket write (and the runtime's wake-up to read it) costs several times what the
    report does. The runtime reads them in order, each with its own CPU, as if sent at once."""
    _later.append(("\t".join(fields) + "\n").encode("utf-8", "surrogateescape"))
    if len(_later) >= 512:
        send_pending()


def send_pending():
    with _send_lock:
        if _later:
            _write_later()


def _write_later():
    data = _later[0] if len(_later) == 1 else b"".join(_later)
    _later.clear()
    try:
        _sock.sendall(data)
    except OSError:
        _gone()


def _gone():
    # The runtime has ended the run (or the application is gone): nothing of this process
    # may run on; os._exit ends every thread at once, wherever it is blocked.
    REAL_EXIT(0)


def _read_reply():
    line = _rfile.readline()
    if not line:
        _gone()
    parts = line.decode("utf-8", "surrogateescape").rstrip("\n").split("\t", 3)
    if parts[0] == "X":
        _gone()
    return int(parts[0]), int(parts[1]), int(parts[2]), parts[3] if len(parts) > 3 else ""


def await_reply(me):
    """Reads replies until one is for {@code me}; hands every other one to its thread."""
    global CUR
    tid, now, horizon, payload = _read_reply()
    if tid != me.tid:
        other = THREADS.get(tid) or _helper_thread(tid)
        other.mail = (now, horizon, payload)
        CUR = other
        other.gate.release()
        me.gate.acquire()
        now, horizon, payload = me.mail
        me.mail = None
    CUR = me
    me.now = now
    me.horizon = horizon
    me.limit = (horizon - now) * 1000 + _slack()
    me.lines_left = SYNC_LINES
    return payload


_JITTER = []
SLACK_LINES = 32


def _slack():
    """A few lines' worth of CPU (drawn from the run's seed) a thread may run past its horizon
    before it reports. Without it a loop whose length divides the switch interval's lines
    would be preempted at the same place of every iteration, and never where CPython, whose
    switch falls anywhere in the loop, can lose an update; with it the place differs from
    switch to switch and from seed to seed, the same on every run with the same seed."""
    if not LINE_COST_NS:
        return 0
    if not _JITTER:
        import random
        _JITTER.append(random.Random(SEED * 7919 + FAKE_PID_BASE))
    return _JITTER[0].randrange(SLACK_LINES) * LINE_COST_NS


def hand_over_and_leave(me):
    """For a thread that has ended: passes the next reply on and returns (never runs again)."""
    global CUR
    tid, now, horizon, payload = _read_reply()
    other = THREADS.get(tid) or _helper_thread(tid)
    other.mail = (now, horizon, payload)
    CUR = other
    other.gate.release()


def _helper_thread(tid):
    """A thread the runtime made on its own in this process (a pool's result handler): it
    gets a real thread here, which runs what the runtime hands it (the pool's callbacks)."""
    st = thread_state(tid, "Pool-result-handler", True)
    REAL_START(_helper_body, (st,))
    return st


def _wake_up(st):
    """The first moment of a thread's real thread: waits for its first reply, then runs."""
    global CUR
    st.gate.acquire()
    now, horizon, payload = st.mail
    st.mail = None
    CUR = st
    st.now = now
    st.horizon = horizon
    st.limit = (horizon - now) * 1000 + _slack()
    BY_REAL_IDENT[REAL_GET_IDENT()] = st
    trace_this_thread()
    return payload


def _helper_body(st):
    payload = _wake_up(st)
    from . import patches, mp
    patches.adopt_current_thread(st, "Pool-result-handler")
    while True:
        if payload.startswith("C "):
            try:
                mp.run_callback(payload[2:])
            except Exception:
                import traceback
                traceback.print_exc()
        payload = call("r", "done")


def flush_fields(me):
    """The CPU executed since the last report, in whole µs (the rest stays pending)."""
    if me.pending < 1000:
        return "0"
    return _flush(me, me.pending // 1000)


def flush_within_horizon(me):
    """As flush_fields, but only up to just before the horizon: a report without a reply
    carrying it can never make the runtime give the baton away."""
    if me.pending < 1000:
        return "0"
    return _flush(me, max(0, min(me.pending // 1000, me.horizon - me.now - 1)))


def _flush(me, us):
    me.pending -= us * 1000
    me.limit -= us * 1000
    me.cpu_ns += us * 1000
    me.now += us
    return str(us)


def call(op, *args, frame=None, cpu=None):
    """A runtime call from the running thread: sends it, waits for the reply, returns its
    payload. {@code cpu}: how much of the pending CPU goes with it (flush_fields: all)."""
    me = CUR
    me.ops += 1
    send([op, (cpu or flush_fields)(me), str(user_line(frame))] + list(args))
    return await_reply(me)


def tell(op, *args, frame=None):
    """A call that needs no reply: it cannot change who runs (within the horizon)."""
    me = CUR
    me.ops += 1
    send([op, flush_fields(me), str(user_line(frame))] + list(args))


def within_horizon(me):
    """Whether reporting the pending CPU now cannot change who runs: a call that needs no reply."""
    us = me.pending // 1000 if me.pending > 0 else 0
    return us == 0 or me.now + us < me.horizon


def tell_or_call(op, *args):
    me = CUR
    if not within_horizon(me):
        call("c", frame=sys._getframe(2))
    tell(op, *args, frame=sys._getframe(2))


SWITCH_INTERVAL = [0.005]


def fatal(message):
    try:
        send(["!", _escape(message)])
    finally:
        REAL_EXIT(3)


# ---------------------------------------------------------------- where in the program

def user_line(frame=None):
    """The line of the program's own code the running thread is at (innermost), or 0."""
    f = frame if frame is not None else sys._getframe(2)
    while f is not None:
        if f.f_code.co_filename == PROGRAM_FILE:
            return f.f_lineno
        f = f.f_back
    return 0


# ---------------------------------------------------------------- CPU time of executed lines

def sync(me):
    """At a point where CPython may switch threads, once the horizon is reached: report the
    CPU executed, and let the runtime preempt this thread if its switch interval is up."""
    if MAX_LINES and me.lines_left <= 0:
        _count_lines(me)
    # Report the CPU rounded up to the microsecond: past the horizon by less than one, rounding
    # down would report exactly the rest of the switch interval, and the runtime would preempt
    # the thread only at a later switch point. The thread owes the difference (pending < 0).
    us = -(-me.pending // 1000) if me.pending > 0 else 0
    me.pending -= us * 1000
    me.cpu_ns += us * 1000
    me.now += us
    me.ops += 1
    send(["c", str(us), str(user_line(sys._getframe(2)))])
    await_reply(me)


_lines_run = [0]


def _count_lines(me):
    _lines_run[0] += SYNC_LINES
    if _lines_run[0] >= MAX_LINES:
        stop_run("stopped: the program executed more than {:,} lines (the limit; raise it with "
                 "--set max_lines=N)".format(MAX_LINES))


def stop_run(message):
    """Ends the whole run with this one-line message (a limit, an unsupported call)."""
    me = CUR
    send(["u", flush_fields(me), str(user_line(sys._getframe(1))), _escape(message)])
    await_reply(me)  # never answered: the run is over
    _gone()


def _make_settrace_tracer():
    cost = LINE_COST_NS
    skip = _code_skip

    def tracer(frame, event, arg):
        me = CUR
        if event == "line":
            me.pending += cost
            me.lines_left -= 1
            ln = frame.f_lineno
            code = frame.f_code
            if code is me.lc and ln <= me.ll:
                # a jump backwards: the end of a loop's iteration, where CPython may switch
                if me.pending > me.limit or me.lines_left <= 0:
                    me.lc = code
                    me.ll = ln
                    sync(me)
                    return tracer
            me.lc = code
            me.ll = ln
            return tracer
        if event == "call":
            code = frame.f_code
            if code in skip or code.co_filename in _SKIP_FILES or code.co_filename.startswith("<frozen"):
                skip.add(code)
                return None
            if me.pending > me.limit or me.lines_left <= 0:
                sync(me)
            me.lc = code
            me.ll = -1
            return tracer
        if event == "return":
            back = frame.f_back
            if back is not None:
                me.lc = back.f_code
                me.ll = back.f_lineno
        return tracer

    return tracer


_SKIP_FILES = set()
_tracer = None
MONITORING = False


def start_tracing():
    """Counts executed lines: sys.monitoring where CPython has it (3.12+), else sys.settrace."""
    global _tracer, MONITORING
    if hasattr(sys, "monitoring") and os.environ.get("THREADLINE_SETTRACE") != "1":
        mon = sys.monitoring
        tool = 4
        try:
            mon.use_tool_id(tool, "threadline")
        except ValueError:
            tool = 5
            mon.use_tool_id(tool, "threadline")
        cost = LINE_COST_NS
        skip = _code_skip
        disable = mon.DISABLE

        def on_line(code, ln):
            me = CUR
            if code in skip:
                return disable
            if code.co_filename in _SKIP_FILES or code.co_filename.startswith("<frozen"):
                skip.add(code)
                return disable
            me.pending += cost
            me.lines_left -= 1
            if code is me.lc and ln <= me.ll:
                if me.pending > me.limit or me.lines_left <= 0:
                    me.lc = code
                    me.ll = ln
                    sync(me)
                    return None
            me.lc = code
            me.ll = ln
            return None

        def on_start(code, offset):
            me = CUR
            if code in skip:
                return disable
            if code.co_filename in _SKIP_FILES or code.co_filename.startswith("<frozen"):
                skip.add(code)
                return disable
            if me.pending > me.limit or me.lines_left <= 0:
                sync(me)
            me.lc = code
            me.ll = -1
            return None

        mon.register_callback(tool, mon.events.LINE, on_line)
        mon.register_callback(tool, mon.events.PY_START, on_start)
        mon.set_events(tool, mon.events.LINE | mon.events.PY_START)
        MONITORING = True
    else:
        _tracer = _make_settrace_tracer()
        sys.settrace(_tracer)


def trace_this_thread():
    if _tracer is not None:
        sys.settrace(_tracer)


# ---------------------------------------------------------------- threads

def new_thread_state(name, daemon=False):
    tid_text = call("n", _escape(name), "1" if daemon else "0", frame=sys._getframe(2))
    return thread_state(int(tid_text), name, daemon)


NATIVE_BASE = 4000


def start_thread(st, function, args, kwargs):
    """Starts the real thread behind {@code st}; it waits at its gate until its proxy runs."""
    if MAX_THREADS:
        _threads_started[0] += 1
        if _threads_started[0] > MAX_THREADS:
            stop_run("stopped: the program started more than {:,} threads (the limit; raise it with "
                     "--set max_threads=N)".format(MAX_THREADS))
    if not st.daemon:
        _non_daemon[0] += 1
    REAL_START(_thread_body, (st, function, args, kwargs))
    call("t", str(st.tid), frame=sys._getframe(2))


def _thread_body(st, function, args, kwargs):
    _wake_up(st)
    try:
        function(*args, **kwargs)
    except SystemExit:
        pass
    except Stopped:
        return
    except BaseException as e:  # what _thread itself would print: rare below threading
        import traceback
        traceback.print_exception(type(e), e, e.__traceback__)
    end_thread(st)


_non_daemon = [1]


def _last_words(st):
    """As at interpreter exit, a line left without its newline is printed once the last
    non-daemon thread of the process ends."""
    if not st.daemon:
        _non_daemon[0] -= 1
        if _non_daemon[0] <= 0:
            from . import streams
            streams.flush_all()


def _report_end(st, code):
    """Tells the runtime the thread's code is done: returned, or raised (st.raised)."""
    _last_words(st)
    st.alive = False
    st.done = True
    how = "x" if st.raised is not None else "r"
    send(["e", flush_fields(st), "0", how, _escape(st.raised or ""), str(code)])


def end_thread(st):
    """The thread's code is done: tells the runtime, passes the baton on, never runs again."""
    sys.settrace(None)
    _report_end(st, 0)
    hand_over_and_leave(st)


# ---------------------------------------------------------------- the process's start and end

_REAL_SOCKET_INIT = []


def connect(address):
    """Connects to the runtime (again in a forked child, where socket is patched by then)."""
    global _sock, _rfile
    import socket
    if not _REAL_SOCKET_INIT:
        _REAL_SOCKET_INIT.append(socket.socket.__init__)
    s = socket.socket.__new__(socket.socket)
    if address.startswith("tcp:"):
        host, port = address[4:].rsplit(":", 1)
        _REAL_SOCKET_INIT[0](s, socket.AF_INET, socket.SOCK_STREAM)
        s.connect((host, int(port)))
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    else:
        _REAL_SOCKET_INIT[0](s, socket.AF_UNIX, socket.SOCK_STREAM)
        s.connect(address)
    _sock = s
    # Read the socket's descriptor through C's buffered file, not socket.makefile's Python
    # SocketIO: a round trip costs half as much.
    import io
    _rfile = io.open(s.fileno(), "rb", buffering=1 << 16, closefd=False)


def report_syntax_error(e):
    """One line: file, line, column and message; then the process ends without running anything."""
    send(["x", _escape(str(e.filename or PROGRAM_FILE)), str(e.lineno or 0), str(e.offset or 0),
          _escape(type(e).__name__ + ": " + str(e.msg))])
    _sock.close()


def make_main():
    global CUR
    st = thread_state(0, "MainThread")
    BY_REAL_IDENT[REAL_GET_IDENT()] = st
    CUR = st
    return st


def start_main():
    """Tells the runtime the program is ready and waits until the main thread's proxy runs."""
    st = THREADS[0]
    send(["h", "%d.%d.%d" % sys.version_info[:3], str(os.getpid())])
    await_reply(st)


def run_main(code, namespace):
    me = CUR
    start_tracing()
    try:
        exec(code, namespace)
    except SystemExit as e:
        status = e.code
        if status is not None and status != 0:
            if not isinstance(status, int):
                print(status, file=sys.stderr)
            me.raised = "SystemExit: %s" % (status,)
    except Stopped:
        pass
    except BaseException as e:
        tb = e.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename in _SKIP_FILES:
            tb = tb.tb_next
        try:
            e.__traceback__ = tb
            sys.excepthook(type(e), e, tb)
        except BaseException:
            pass
        from . import patches
        me.raised = patches.describe(e)
    end_main(me)


def stop_tracing():
    sys.settrace(None)
    if MONITORING:
        mon = sys.monitoring
        for tool in (4, 5):
            if mon.get_tool(tool) == "threadline":
                mon.set_events(tool, 0)


def end_main(st):
    _report_end(st, 1 if st.raised else 0)
    hand_over_and_leave(st)
    # The interpreter must not shut down while the program's other threads run: the main
    # thread waits here until the run ends the process.
    st.gate.acquire()
    st.gate.acquire()


# ---------------------------------------------------------------- multiprocessing children

def before_fork():
    """The at-fork handlers (threading's, random's) run Python in the child before the bridge
    gets control there: no line may reach the horizon and call the runtime on the parent's
    channel meanwhile."""
    me = CUR
    saved = (me.horizon, me.lines_left, me.pending, me.limit)
    me.horizon = 1 << 62
    me.lines_left = 1 << 62
    me.limit = 1 << 62
    return saved


def after_fork_in_parent(saved):
    me = CUR
    me.horizon, me.lines_left, me.pending, me.limit = saved


def after_fork_in_child(tid):
    """In a forked child: forgets the parent's threads and channel (the parent keeps using
    them), connects on a channel of its own, and becomes the runtime's thread {@code tid}."""
    global _sock, _rfile, CUR
    try:
        _rfile.close()
        _sock.close()
    except OSError:
        pass
    _sock = None
    _rfile = None
    parent_state = BY_REAL_IDENT.get(REAL_GET_IDENT())
    THREADS.clear()
    BY_REAL_IDENT.clear()
    st = thread_state(tid, "MainThread")
    # no runtime call until the channel is up: the first reply brings the real horizon
    st.horizon = 1 << 62
    st.limit = 1 << 62
    BY_REAL_IDENT[REAL_GET_IDENT()] = st
    CUR = st
    _non_daemon[0] = 1
    # the parent sends what it had kept for its next message; the child's channel is its own
    _later.clear()
    from . import streams, patches, lanes
    streams.forget_partial()
    lanes.after_fork_in_child()
    connect(CHANNEL)
    send(["H", str(tid), str(REAL_GETPID())])

    patches.adopt_current_thread(st, None, parent_state.ident if parent_state else None)
    st.pending = 0
    st.lines_left = SYNC_LINES
    return st


def start_child(st):
    """A multiprocessing.Process child waits until its first thread's proxy runs."""
    await_reply(st)


def await_first_task(st):
    return await_reply(st)


def end_process(code):
    """A child's first thread is done: the process ends (the runtime ends its other threads)."""
    st = CUR
    if code == 0:
        st.raised = None
    _report_end(st, code)
    _read_reply()
    REAL_EXIT(code)


def exit_now(code):
    """os._exit in the program: the runtime learns the status, then the process ends at once."""
    try:
        send(["z", flush_fields(CUR), str(user_line(sys._getframe(1))), str(int(code))])
    finally:
        REAL_EXIT(code)


def dump_stacks_on_request(path):
    """SIGUSR2 makes C write every thread's stack to {@code path}: the runtime's watchdog asks
    so when a thread is stuck in C outside the runtime, to name the program's line it is at."""
    if not path:
        return
    try:
        import faulthandler
        import signal
        stacks = open(path, "w")
        _KEEP.append(stacks)
        faulthandler.register(signal.SIGUSR2, file=stacks, all_threads=True, chain=False)
    except (AttributeError, OSError, ValueError):
        pass


_KEEP = []
