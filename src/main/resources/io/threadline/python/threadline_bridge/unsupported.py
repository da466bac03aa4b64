"""Calls a Threadline run cannot carry out (they wait for the outside world, or start
processes of their own): each stops the run with one line naming the call and the line."""
import builtins
import os
import sys

from . import core
from . import hooks


def _where():
    line = core.user_line(sys._getframe(2))
    name = os.path.basename(core.PROGRAM_FILE)
    return " (%s, line %d)" % (name, line) if line else ""


def refuse(call, why):
    def refused(*args, **kwargs):
        core.stop_run("stopped: %s is not supported in a Threadline run: %s%s" % (call, why, _where()))
    refused.__name__ = call.rsplit(".", 1)[-1].rstrip("()")
    return refused


_KEYBOARD = "the program has no keyboard to read"
_NETWORK = "the program cannot use the network"
_PROCESS = "it would start a process outside the run"
_ASYNC = "asyncio's event loop waits outside Threadline's runtime"
_SELECT = "it waits for files or sockets outside Threadline's runtime"


class _NoInput:
    """sys.stdin: reading it stops the run (no keyboard)."""
    encoding = "utf-8"

    def __getattr__(self, name):
        if name in ("read", "readline", "readlines", "__iter__", "__next__", "buffer"):
            return refuse("sys.stdin." + name, _KEYBOARD)
        raise AttributeError(name)

    closed = False

    def isatty(self):
        return False

    def fileno(self):
        return 0

    def close(self):
        self.closed = True

    def readable(self):
        return False


PATCHES = {
    "socket": [("socket", "socket.socket()", _NETWORK), ("create_connection", "socket.create_connection()", _NETWORK),
               ("socketpair", "socket.socketpair()", _NETWORK), ("create_server", "socket.create_server()", _NETWORK),
               ("getaddrinfo", "socket.getaddrinfo()", _NETWORK), ("gethostbyname", "socket.gethostbyname()", _NETWORK),
               ("gethostbyname_ex", "socket.gethostbyname_ex()", _NETWORK),
               ("gethostbyaddr", "socket.gethostbyaddr()", _NETWORK)],
    "subprocess": [("Popen", "subprocess.Popen()", _PROCESS), ("run", "subprocess.run()", _PROCESS),
                   ("call", "subprocess.call()", _PROCESS), ("check_call", "subprocess.check_call()", _PROCESS),
                   ("check_output", "subprocess.check_output()", _PROCESS),
                   ("getoutput", "subprocess.getoutput()", _PROCESS),
                   ("getstatusoutput", "subprocess.getstatusoutput()", _PROCESS)],
    "asyncio": [("run", "asyncio.run()", _ASYNC), ("get_event_loop", "asyncio.get_event_loop()", _ASYNC),
                ("new_event_loop", "asyncio.new_event_loop()", _ASYNC)],
    "select": [("select", "select.select()", _SELECT), ("poll", "select.poll()", _SELECT),
               ("epoll", "select.epoll()", _SELECT)],
    "selectors": [("DefaultSelector", "selectors.DefaultSelector()", _SELECT)],
}


def _patch_module(module):
    for attr, call, why in PATCHES.get(module.__name__, ()):
        if not hasattr(module, attr):
            continue
        value = getattr(module, attr)
        if isinstance(value, type):
            try:
                # A class stays a class (ssl subclasses socket.socket): making one stops the run.
                value.__init__ = _refusing_init(call, why)
                continue
            except TypeError:
                pass
        setattr(module, attr, refuse(call, why))


def _refusing_init(call, why):
    stop = refuse(call, why)

    def __init__(self, *args, **kwargs):
        stop()

    return __init__


def install():
    builtins.input = refuse("input()", _KEYBOARD)
    sys.stdin = _NoInput()
    for name in PATCHES:
        hooks.when_imported(name, _patch_module)
    os._exit = core.exit_now
    os.system = refuse("os.system()", _PROCESS)
    os.popen = refuse("os.popen()", _PROCESS)
    for name in ("execv", "execve", "execl", "execle", "execlp", "execvp", "execvpe", "spawnv", "spawnl",
                 "posix_spawn", "posix_spawnp", "forkpty"):
        if hasattr(os, name):
            setattr(os, name, refuse("os.%s()" % name, _PROCESS))
    if hasattr(os, "fork"):
        core.REAL_FORK = os.fork
        os.fork = refuse("os.fork()", "use multiprocessing, whose processes join the run")
    if hasattr(_thread_module(), "interrupt_main"):
        _thread_module().interrupt_main = refuse("_thread.interrupt_main()", "signals do not reach a Threadline run")


def _thread_module():
    import _thread
    return _thread
