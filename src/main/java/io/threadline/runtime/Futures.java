package io.threadline.runtime;

import io.threadline.trace.Reason;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** concurrent.futures.wait(): which futures are done, waiting (result: wait) as long as asked. */
public final class Futures {
    /** When wait() returns: FIRST_COMPLETED, FIRST_EXCEPTION or ALL_COMPLETED. */
    public enum ReturnWhen { FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED }

    /** wait()'s answer: the futures done and those not, each in the order given. */
    public record DoneAndNotDone<T>(Set<SimFuture<T>> done, Set<SimFuture<T>> notDone) {
    }

    private Futures() {
    }

    /** One thread in wait(): woken when a future it watches completes. */
    static final class Waiter {
        private final Scheduler s;
        private final SimThread thread;
        final WaitList list = new WaitList();

        Waiter(Scheduler s, SimThread thread) {
            this.s = s;
            this.thread = thread;
        }

        void changed(SimThread by) {
            if (list.first() == thread) {
                s.wake(thread, Reason.WOKEN, by);
            }
        }
    }

    static <T> DoneAndNotDone<T> wait(Scheduler s, List<SimFuture<T>> fs, long timeout, ReturnWhen when) {
        SimThread me = s.enter();
        Waiter w = new Waiter(s, me);
        try {
            for (SimFuture<T> f : fs) {
                f.watchers.add(w);
            }
            long deadline = timeout < 0 ? -1 : s.now + timeout;
            while (!satisfied(fs, when)) {
                long left = deadline < 0 ? -1 : Math.max(0, deadline - s.now);
                if (left == 0 || !s.await(me, Reason.RESULT, "wait " + when.name(), w.list, left)) {
                    break;
                }
            }
            Set<SimFuture<T>> done = new LinkedHashSet<>();
            Set<SimFuture<T>> notDone = new LinkedHashSet<>();
            for (SimFuture<T> f : fs) {
                (f.isCompletedForWaiters() ? done : notDone).add(f);
            }
            return new DoneAndNotDone<>(done, notDone);
        } finally {
            for (SimFuture<T> f : fs) {
                f.watchers.remove(w);
            }
            s.lock.unlock();
        }
    }

    private static <T> boolean satisfied(List<SimFuture<T>> fs, ReturnWhen when) {
        int done = 0;
        for (SimFuture<T> f : fs) {
            if (f.isCompletedForWaiters()) {
                done++;
                if (when == ReturnWhen.FIRST_COMPLETED || when == ReturnWhen.FIRST_EXCEPTION && f.failed()) {
                    return true;
                }
            }
        }
        return done == fs.size();
    }
}
