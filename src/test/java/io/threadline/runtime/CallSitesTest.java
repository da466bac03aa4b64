package io.threadline.runtime;

import org.junit.jupiter.api.Test;

import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The scenario line of a runtime call: right on every call, cached or not. */
class CallSitesTest {
    /** Stands for the runtime between the scenario's code and the walk (Program, Scheduler.enter). */
    static final class Runtime {
        final CallSites sites = new CallSites(Prog.class);

        int call() {
            return enter();
        }

        private int enter() {
            return sites.line();
        }
    }

    static int lineHere() {
        return new Throwable().getStackTrace()[1].getLineNumber();
    }

    /** Stands for a scenario's program class. */
    static final class Prog {
        final Runtime rt = new Runtime();

        int[] twoSitesInOneMethod() {
            int a = rt.call(); int la = lineHere();
            int b = rt.call(); int lb = lineHere();
            return new int[] {a, la, b, lb};
        }

        int[] overloaded(int x) {
            int a = rt.call(); int la = lineHere();
            return new int[] {a, la};
        }

        int[] overloaded(String x) {
            int a = rt.call(); int la = lineHere();
            return new int[] {a, la};
        }

        int[] fromALambda() {
            IntSupplier body = () -> rt.call(); int la = lineHere();
            return new int[] {body.getAsInt(), la};
        }

        int[] fromAConstructor() {
            Worker w = new Worker(rt); int la = lineHere();
            return new int[] {w.line, la};
        }

        /** A thread subclass: its creation points at the {@code new}, not at its constructor. */
        static final class Worker {
            final int line;

            Worker(Runtime rt) {
                line = rt.call();
            }
        }
    }

    @Test
    void findsTheLineOfEachCallAgainAndAgain() {
        Prog p = new Prog();
        for (int i = 0; i < 2_000; i++) {
            int[] r = p.twoSitesInOneMethod();
            assertThat(r[0]).isEqualTo(r[1]);
            assertThat(r[2]).isEqualTo(r[3]).isNotEqualTo(r[0]);
            int[] o1 = p.overloaded(1);
            int[] o2 = p.overloaded("x");
            assertThat(o1[0]).isEqualTo(o1[1]);
            assertThat(o2[0]).isEqualTo(o2[1]);
            int[] l = p.fromALambda();
            assertThat(l[0]).isEqualTo(l[1]);
            int[] c = p.fromAConstructor();
            assertThat(c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void zeroWhenNoScenarioCodeIsOnTheStack() {
        assertThat(new Runtime().call()).isZero();
        assertThat(new CallSites(null).line()).isZero();
    }
}
