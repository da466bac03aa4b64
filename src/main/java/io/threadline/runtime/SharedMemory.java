package io.threadline.runtime;

import java.util.function.Supplier;

/**
 * An access to multiprocessing's shared memory (a Value's or an Array's), as CPython's
 * synchronized wrapper makes it: the object's lock is held for that one read or write only.
 */
final class SharedMemory {
    private SharedMemory() {
    }

    static <T> T read(Scheduler s, SimLock lock, Supplier<T> read) {
        lock.acquire();
        try {
            s.lock.lock();
            try {
                return read.get();
            } finally {
                s.lock.unlock();
            }
        } finally {
            lock.release();
        }
    }

    static void write(Scheduler s, SimLock lock, Runnable write) {
        read(s, lock, () -> {
            write.run();
            return null;
        });
    }
}
