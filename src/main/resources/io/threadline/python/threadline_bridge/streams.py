"""sys.stdout and sys.stderr: every completed line becomes a print event of the runtime, at
the scenario time and on the thread that completed it, so output keeps its order across
threads. Like a terminal, a partial line waits for its newline (whoever writes it)."""
import io
import sys

from . import core


class Output(io.TextIOBase):
    def __init__(self, stream, name):
        super().__init__()
        self._stream = stream
        self._name = name
        self._partial = ""
        self.buffer = _Bytes(self)

    @property
    def encoding(self):
        return "utf-8"

    @property
    def errors(self):
        return "strict"

    @property
    def name(self):
        return self._name

    @property
    def line_buffering(self):
        return True

    def writable(self):
        return True

    def isatty(self):
        return False

    def fileno(self):
        raise io.UnsupportedOperation("fileno: the program's output goes to Threadline")

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        if "\n" not in s:
            self._partial += s
            return len(s)
        text = self._partial + s
        lines = text.split("\n")
        self._partial = lines.pop()
        for line in lines:
            _emit(self._stream, line, sys._getframe(1))
        return len(s)

    def flush(self):
        pass

    def close_partial(self):
        if self._partial:
            text, self._partial = self._partial, ""
            _emit(self._stream, text, None)


class _Bytes:
    """sys.stdout.buffer: bytes written there are decoded and take the same way."""

    def __init__(self, text):
        self._text = text

    def write(self, b):
        self._text.write(bytes(b).decode("utf-8", "replace"))
        return len(b)

    def flush(self):
        pass


def _emit(stream, line, frame):
    me = core.CUR
    if core.MAX_OUTPUT:
        core._output_lines[0] += 1
        if core._output_lines[0] > core.MAX_OUTPUT:
            core.stop_run("stopped: the program printed more than {:,} lines (the limit; raise it with "
                          "--set max_output=N)".format(core.MAX_OUTPUT))
    text = core._escape(line.rstrip("\r"))
    if core.within_horizon(me):
        core.tell("p", stream, text, frame=frame)
    else:
        core.call("P", stream, text, frame=frame)


STDOUT = None
STDERR = None


def install():
    global STDOUT, STDERR
    STDOUT = Output("1", "<stdout>")
    STDERR = Output("2", "<stderr>")
    sys.stdout = STDOUT
    sys.stderr = STDERR


def thread_ended():
    pass


def forget_partial():
    for s in (STDOUT, STDERR):
        if s is not None:
            s._partial = ""


def flush_all():
    for s in (STDOUT, STDERR):
        if s is not None:
            s.close_partial()
