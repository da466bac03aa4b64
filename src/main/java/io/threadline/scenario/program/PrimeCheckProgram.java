package io.threadline.scenario.program;

import io.threadline.runtime.Program;
import io.threadline.runtime.PyError;
import io.threadline.runtime.SimLock;
import io.threadline.runtime.SimQueue;
import io.threadline.runtime.SimThread;
import io.threadline.runtime.SimThreadPoolExecutor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** The fourth seed's prime check, four ways: serial, a thread per number, threads with a lock and a queue, an executor. */
public final class PrimeCheckProgram extends Program {
    private static final List<Long> NUMBERS = List.of(1000000000039L, 1000000000041L, 1000000000061L,
            1000000000063L, 1000000000067L, 1000000000091L, 1000000000093L, 1000000000121L);
    /** Trial divisions to prove one of these primes: the time a check takes scales with them. */
    private static final int PRIME_STEPS = 499_999;

    private final int threads;
    private final double check;

    public PrimeCheckProgram(int threads, double check) {
        this.threads = threads;
        this.check = check;
    }

    private boolean isPrime(long n) {      // pure Python: CPU-bound, holds the GIL
        boolean prime = n >= 2 && (n % 2 != 0 || n == 2);
        int steps = 0;
        for (long d = 3; prime && d * d <= n; d += 2) {
            steps++;
            prime = n % d != 0;
        }
        cpu(check * steps / PRIME_STEPS);  // the loop above, at CPython's speed
        return prime;
    }

    private List<Long> serial() {
        List<Long> primes = new ArrayList<>();
        for (long n : NUMBERS) {
            if (isPrime(n)) {
                primes.add(n);
            }
        }
        return primes;
    }

    private List<Long> threadPerNumber() {
        List<Long> primes = new ArrayList<>();
        List<SimThread> all = new ArrayList<>();
        for (int i = 0; i < NUMBERS.size(); i++) {
            long n = NUMBERS.get(i);
            all.add(thread("Number-" + (i + 1), () -> {
                if (isPrime(n)) {
                    primes.add(n);
                }
            }));
        }
        all.forEach(SimThread::start);
        all.forEach(SimThread::join);
        return primes;
    }

    private List<Long> threadsWithLockAndQueue() {
        SimQueue<Long> numbers = queue("numbers", 0);
        for (long n : NUMBERS) {
            numbers.put(n);
        }
        List<Long> primes = new ArrayList<>();
        SimLock lock = lock("primes lock");
        List<SimThread> all = new ArrayList<>();
        for (int k = 1; k <= threads; k++) {
            all.add(thread("Worker-" + k, () -> {
                while (true) {
                    long n;
                    try {
                        n = numbers.getNowait();
                    } catch (PyError e) {  // queue.Empty
                        return;
                    }
                    if (isPrime(n)) {
                        lock.with(() -> primes.add(n));   // output_prime is the critical section
                    }
                }
            }));
        }
        all.forEach(SimThread::start);
        all.forEach(SimThread::join);
        return primes;
    }

    private List<Long> withExecutor() {
        SimThreadPoolExecutor executor = executor(threads);
        List<Boolean> flags = executor.map(this::isPrime, NUMBERS);
        executor.shutdown(true);
        List<Long> primes = new ArrayList<>();
        for (int i = 0; i < NUMBERS.size(); i++) {
            if (flags.get(i)) {
                primes.add(NUMBERS.get(i));
            }
        }
        return primes;
    }

    @Override
    protected void main() {
        Map<String, Supplier<List<Long>>> ways = new LinkedHashMap<>();
        ways.put("serial", this::serial);
        ways.put("a thread per number", this::threadPerNumber);
        ways.put(threads + " threads, a lock and a queue", this::threadsWithLockAndQueue);
        ways.put("ThreadPoolExecutor(" + threads + ")", this::withExecutor);
        List<Double> times = new ArrayList<>();
        for (Map.Entry<String, Supplier<List<Long>>> way : ways.entrySet()) {
            double start = now();
            List<Long> primes = way.getValue().get();
            times.add(now() - start);
            print(way.getKey() + ": " + String.format(Locale.ROOT, "%.3f", now() - start) + " s, " + primes.size()
                    + " primes");
        }
        List<String> ratios = new ArrayList<>();
        for (double t : times.subList(1, times.size())) {
            ratios.add(String.format(Locale.ROOT, "%.3fx", t / times.get(0)));
        }
        print("against serial: " + String.join(", ", ratios));
    }
}
