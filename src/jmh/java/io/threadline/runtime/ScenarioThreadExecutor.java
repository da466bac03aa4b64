package io.threadline.runtime;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * JMH's worker threads as the runtime's scenario threads ({@code -Djmh.executor=CUSTOM
 * -Djmh.executor.class=io.threadline.runtime.ScenarioThreadExecutor}), so that line stamps land
 * where they do in a run: in the thread's own field.
 */
public final class ScenarioThreadExecutor extends ThreadPoolExecutor {
    public ScenarioThreadExecutor(int threads, String prefix) {
        super(threads, threads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), new Factory(prefix));
    }

    private static final class Factory implements java.util.concurrent.ThreadFactory {
        private final String prefix;
        private final AtomicInteger n = new AtomicInteger();

        Factory(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new ScenarioThread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
