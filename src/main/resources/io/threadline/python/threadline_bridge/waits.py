"""Why a thread waits: read from where in the standard library it blocked, and named as
Threadline's built-in scenarios name it (queue-get, condition, event ...)."""
import sys
import threading

from . import core

_LOCK = "lock"
_LOCK_OPS = ("__enter__", "acquire", "_acquire_restore")


def _classify(frame):
    """(reason, the object waited on) for a frame of the standard library, "op" for a lock
    operation inside a higher-level primitive, or None for a frame that says nothing."""
    code = frame.f_code
    name = code.co_name
    path = code.co_filename
    if path.endswith("threading.py"):
        this = frame.f_locals.get("self")
        if isinstance(this, (threading.Condition, _RLOCK_TYPES)):
            if name in _LOCK_OPS:
                return "op", this
            if name in ("wait", "wait_for") and isinstance(this, threading.Condition):
                return "condition", this
            return None
        if isinstance(this, threading.Event) and name == "wait":
            return "event", this
        if isinstance(this, threading.Semaphore) and name in ("acquire", "__enter__"):
            return "semaphore", this
        if isinstance(this, threading.Barrier) and name in ("wait", "_enter", "_wait"):
            return "barrier", this
        if isinstance(this, threading.Thread):
            if name == "start":
                return "start-handshake", this
            if name in ("join", "_wait_for_tstate_lock"):
                return "join", this
        return None
    if path.endswith("queue.py"):
        if name in ("get", "get_nowait"):
            return "queue-get", frame.f_locals.get("self")
        if name in ("put", "put_nowait"):
            return "queue-put", frame.f_locals.get("self")
        if name == "join":
            return "queue-join", frame.f_locals.get("self")
        return None
    if "concurrent" in path and path.endswith("_base.py"):
        if name in ("result", "exception"):
            return "result", frame.f_locals.get("self")
        if name in ("as_completed", "wait"):
            return "result", None
        return None
    mp = _MP_CLASSIFIER
    if mp is not None and "multiprocessing" in path:
        return mp(frame, name, path)
    return None


_RLOCK_TYPES = (threading._PyRLock,) if hasattr(threading, "_PyRLock") else ()
_MP_CLASSIFIER = None


def reason_for(lock, frame):
    """(reason, detail) for a thread about to wait on {@code lock}, called from {@code frame}."""
    reason, detail, _ = reason_and_object(lock, frame)
    return reason, detail


def reason_and_object(lock, frame):
    """(reason, detail, the object waited for) for a thread about to wait on {@code lock}."""
    f = frame
    first = None
    outer = None
    user = None
    while f is not None:
        path = f.f_code.co_filename
        if path == core.PROGRAM_FILE:
            user = f
            break
        if path not in core._SKIP_FILES:
            c = _classify(f)
            if c is not None:
                if first is None:
                    first = c
                if c[0] != "op":
                    outer = c
        f = f.f_back
    if first is not None and first[0] == "op":
        return _LOCK, _name_of(first[1], user), first[1]
    if outer is None:
        return _LOCK, _name_of(lock, user), lock
    reason, obj = outer
    if reason in ("start-handshake", "join") and isinstance(obj, threading.Thread):
        return reason, obj.name, obj
    return reason, _name_of(obj, user), obj


def _name_of(obj, user):
    """The name the program's code has for {@code obj} where it waits: a variable, or an
    attribute of one (self.lock), else the kind of object."""
    if obj is None:
        return ""
    if user is not None:
        try:
            scopes = (user.f_locals, user.f_globals)
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
    t = type(obj).__name__.lstrip("_")
    return t[0].lower() + t[1:] if t else ""


def stack_has_user_frame(frame):
    f = frame
    while f is not None:
        if f.f_code.co_filename == core.PROGRAM_FILE:
            return True
        f = f.f_back
    return False


def caller():
    return sys._getframe(2)
