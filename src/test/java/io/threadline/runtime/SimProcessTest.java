package io.threadline.runtime;

import io.threadline.trace.RunOutcome;
import io.threadline.trace.ThreadRole;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.threadline.testing.TraceText.output;
import static io.threadline.testing.TraceText.texts;
import static io.threadline.testing.TraceText.transitions;
import static org.assertj.core.api.Assertions.assertThat;

/** multiprocessing.Process, checked against CPython 3.11 (proc.py, run with python3 here). */
class SimProcessTest {

    /** Mirrors proc.py: a child changes its copy of a global, exits 0, 3 (sys.exit) or 1 (raises). */
    public static final class Children extends Program {
        int counter = 0;
        final List<String> log = new ArrayList<>();

        void child(int n) {
            counter += n;
            log.add("child " + n);
            print("child: counter is", counter);
            sleep(0.5);
            if (n == 3) {
                exit(3);
            }
            if (n == 4) {
                throw new PyError("ValueError", "bad");
            }
        }

        void sleeper() {
            sleep(10);
            print("never printed");
        }

        @Override
        protected void main() {
            SimProcess p = process(Children::child, 1);
            print(p.name(), p.pid(), p.exitcode(), p.isAlive());
            p.start();
            print("parent after start", p.isAlive(), p.pid() != null);
            p.join();
            print("joined", p.exitcode(), p.isAlive(), "parent counter", counter, log);
            SimProcess q = process(Children::child, 3);
            q.start();
            q.join();
            print("exit", q.exitcode());
            SimProcess r = process(Children::child, 4);
            r.start();
            r.join();
            print("raise", r.exitcode());
            SimProcess s = process(Children::sleeper);
            s.start();
            sleep(0.2);
            s.terminate();
            s.join();
            print("terminate", s.exitcode());
            SimProcess k = process(Children::sleeper);
            k.setName("Killed");
            k.start();
            k.kill();
            k.join();
            print("kill", k.exitcode(), k.name());
            k.close();
            try {
                k.isAlive();
            } catch (PyError e) {
                print("closed:", e.getMessage());
            }
            SimProcess z = process(Children::sleeper);
            z.start();
            try {
                z.close();
            } catch (PyError e) {
                print("close:", e.getMessage());
            }
            z.terminate();
            z.join();
            try {
                p.start();
            } catch (PyError e) {
                print("again:", e.toString());
            }
        }
    }

    @Test
    void startJoinExitcodesTerminateKillAndCloseAsCPython() {
        Trace t = Runs.run(new Children());
        assertThat(texts(t)).containsExactly(
                "Process-1 None None False",
                "parent after start True True",
                "child: counter is 1",
                "joined 0 False parent counter 0 []",
                "child: counter is 3",
                "exit 3",
                "child: counter is 4",
                "Process Process-3:",
                "Traceback (most recent call last):",
                "  File \"SimProcessTest.java\", line 33, in child",
                "ValueError: bad",
                "raise 1",
                "terminate -15",
                "kill -9 Killed",
                "closed: process object is closed",
                "close: Cannot close a process while it is still running. You should first call join() or terminate().",
                "again: AssertionError: cannot start a process twice");
        assertThat(t.outcome()).isEqualTo(RunOutcome.COMPLETED);
        // Each child is a process of its own, its main thread a lane with the process's name.
        int p1 = t.threadNamed("Process-1");
        assertThat(t.thread(p1).role()).isEqualTo(ThreadRole.PROCESS);
        assertThat(t.process(t.thread(p1).process()).name()).isEqualTo("Process-1");
        assertThat(transitions(t, "Main")).contains("0.000 waiting join Process-1", "0.500 runnable woken by Process-1");
        assertThat(transitions(t, "Process-4")).last().asString()
                .isEqualTo("1.700 dead killed terminated (SIGTERM) by Main");
        assertThat(transitions(t, "Killed")).last().asString().isEqualTo("1.700 dead killed killed (SIGKILL) by Main");
        assertThat(transitions(t, "Process-3")).last().asString().isEqualTo("1.500 dead raised ValueError: bad");
    }

    @Test
    void processesRunSideBySideEachUnderItsOwnGil() {
        Trace t = Runs.run(new Program() {
            void crunch() {
                cpu(0.4);
            }

            @Override
            protected void main() {
                List<SimProcess> all = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    all.add(process(p -> crunch()));
                }
                all.forEach(SimProcess::start);
                all.forEach(SimProcess::join);
                print("done");
            }
        });
        assertThat(output(t)).containsExactly("0.400 Main: done");
        assertThat(t.processCount()).isEqualTo(4);
        assertThat(CpuAndGilTest.maxRunningAtOnce(t)).isEqualTo(3);
    }

    @Test
    void aChildsThreadsKeepItAliveAndItsDaemonThreadsAreCutOffWhenItExits() {
        Trace t = Runs.run(new Program() {
            void child() {
                thread("Helper", () -> {
                    sleep(1);
                    print("helper done");
                }, false).start();
                thread("Ticker", () -> {
                    for (;;) {
                        sleep(0.3);
                    }
                }, true).start();
            }

            @Override
            protected void main() {
                SimProcess p = process(me -> child());
                p.start();
                p.join();
                print("exit", p.exitcode());
            }
        });
        assertThat(output(t)).containsExactly("1.000 Helper: helper done", "1.000 Main: exit 0");
        assertThat(transitions(t, "Ticker")).last().asString()
                .isEqualTo("1.000 dead killed cut off at exit: its process ended by Helper");
    }

    @Test
    void aDaemonicChildIsTerminatedWhenTheMainProcessEnds() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimProcess p = process(me -> sleep(5));
                p.setDaemon(true);
                p.start();
                sleep(1);
            }
        });
        assertThat(t.endTime()).isEqualTo(1_000_000);
        assertThat(transitions(t, "Process-1")).last().asString()
                .startsWith("1.000 dead killed terminated (SIGTERM): a daemonic process");
    }

    @Test
    void getpidNamesTheCallersProcess() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                print("parent", getpid());
                SimProcess p = process(me -> print("child", getpid()));
                p.start();
                p.join();
                print("pid", p.pid());
            }
        });
        assertThat(texts(t)).containsExactly("parent 1000", "child 1001", "pid 1001");
    }
}
