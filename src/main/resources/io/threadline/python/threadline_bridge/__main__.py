"""Runs a program with its concurrency carried out by Threadline's runtime.

    python3 -X utf8 -u -B <this directory> --channel PATH --program FILE [--source FILE]
            [--line-cost NS] [--max-lines N] [--max-output N] [--max-threads N]

Connects to the runtime, compiles the program (a SyntaxError is reported, and nothing runs),
replaces CPython's primitives (see patches), then runs the program as __main__ on the
runtime's main thread.
"""
import os
import sys


def _arguments(argv):
    opts = {}
    i = 0
    while i < len(argv):
        key = argv[i]
        if not key.startswith("--") or i + 1 >= len(argv):
            raise SystemExit("threadline bridge: bad argument %r" % key)
        opts[key[2:]] = argv[i + 1]
        i += 2
    return opts


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parent = os.path.dirname(here)
    if sys.path and os.path.abspath(sys.path[0]) in (here, parent):
        del sys.path[0]
    if parent not in sys.path:
        sys.path.append(parent)
    opts = _arguments(sys.argv[1:])

    from threadline_bridge import core
    core.LINE_COST_NS = int(opts.get("line-cost", "50"))
    core.MAX_LINES = int(opts.get("max-lines", "0"))
    core.MAX_OUTPUT = int(opts.get("max-output", "0"))
    core.MAX_THREADS = int(opts.get("max-threads", "0"))
    core.CORES = int(opts.get("cores", "4"))
    core.SEED = int(opts.get("seed", "0"))
    core.CHANNEL = opts["channel"]
    program = opts["program"]
    core.PROGRAM_FILE = program
    core._SKIP_FILES.update(os.path.join(here, f) for f in os.listdir(here) if f.endswith(".py"))
    core._SKIP_FILES.add(os.path.abspath(__file__))
    # The channel is read through socket.py: never trace it (a sync inside a read would nest),
    # and the program cannot use sockets anyway.
    import socket
    core._SKIP_FILES.add(socket.__file__)
    core.connect(opts["channel"])
    core.dump_stacks_on_request(opts.get("stacks"))
    if os.environ.get("THREADLINE_BRIDGE_LOG"):
        import faulthandler, signal
        faulthandler.register(signal.SIGUSR1, file=open(os.environ["THREADLINE_BRIDGE_LOG"], "a"))

    with open(opts.get("source", program), "rb") as f:
        source = f.read()
    try:
        code = compile(source, program, "exec", dont_inherit=True)
    except SyntaxError as e:
        core.report_syntax_error(e)
        return
    except ValueError as e:  # e.g. source code string cannot contain null bytes
        core.report_syntax_error(SyntaxError(str(e), (program, 1, 1, "")))
        return

    import linecache
    text = source.decode("utf-8", "replace")
    linecache.cache[program] = (len(text), None, text.splitlines(True), program)

    core.make_main()
    from threadline_bridge import patches, clocks, streams, unsupported
    patches.install_thread_module()
    patches.install_threading(core.CUR)
    clocks.install()
    streams.install()
    patches.install_sys()
    unsupported.install()
    from threadline_bridge import mp
    mp.install()
    from threadline_bridge import lanes
    lanes.install()

    import types
    module = types.ModuleType("__main__")
    module.__file__ = program
    import builtins
    module.__builtins__ = builtins
    module.__spec__ = None
    sys.modules["__main__"] = module
    sys.argv = [program]
    directory = os.path.dirname(os.path.abspath(opts.get("path", program)))
    sys.path.insert(0, directory)

    # An unseeded random is seeded from the run's seed, so a run repeats (CPython would seed
    # it from os.urandom).
    import random
    random.seed(core.SEED)
    core.start_main()
    core.run_main(code, module.__dict__)


if __name__ == "__main__":
    try:
        main()
    except BaseException as problem:  # the bridge's own failure: say it where Threadline reads it
        import traceback
        traceback.print_exc(file=sys.__stderr__)
        try:
            from threadline_bridge import core
            if core._sock is not None:
                core.fatal("%s: %s" % (type(problem).__name__, problem))
        finally:
            os._exit(3)
