package io.threadline.scenario.program;

import io.threadline.runtime.Coroutine;
import io.threadline.runtime.Program;
import io.threadline.runtime.PyError;
import io.threadline.runtime.SimTask;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One thread, one event loop, many tasks: await asyncio.sleep lets the others run, time.sleep does not. */
public final class AsyncioTasksProgram extends Program {
    private final int tasks;
    private final double delay;
    private final double tick;
    private final boolean blocking;

    public AsyncioTasksProgram(int tasks, double delay, double tick, boolean blocking) {
        this.tasks = tasks;
        this.delay = delay;
        this.tick = tick;
        this.blocking = blocking;
    }

    private double brew(String name, double seconds) {           // async def brew(name, seconds)
        print(name + ": start brewing (" + String.format(Locale.ROOT, "%.1f", seconds) + " s)");
        if (blocking) {
            sleep(seconds);                     // time.sleep: blocks the thread, and with it every task
        } else {
            asyncio.sleep(seconds);             // await asyncio.sleep: suspends this task only
        }
        print(name + ": done");
        return seconds;
    }

    private Object clock() {                    // async def clock()
        int ticks = 0;
        try {
            while (true) {
                asyncio.sleep(tick);
                ticks++;
                print("clock: tick " + ticks);
            }
        } catch (PyError e) {                   // except asyncio.CancelledError:
            print("clock: cancelled after " + ticks + " ticks");
            throw e;
        }
    }

    private Object amain() {                    // async def main()
        double start = now();
        SimTask<Object> ticker = asyncio.createTask("clock", this::clock);
        List<Coroutine<Double>> brews = new ArrayList<>();
        for (int k = 1; k <= tasks; k++) {
            String name = "tea-" + k;
            double seconds = delay * k;
            brews.add(() -> brew(name, seconds));
        }
        List<Object> results = asyncio.gather(brews.toArray());
        print("all done in " + String.format(Locale.ROOT, "%.1f", now() - start) + " s: " + str(results));
        ticker.cancel();
        return null;
    }

    @Override
    protected void main() {
        asyncio.run(this::amain);
    }
}
