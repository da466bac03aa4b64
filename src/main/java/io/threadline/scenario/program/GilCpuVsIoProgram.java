package io.threadline.scenario.program;

import io.threadline.runtime.Program;
import io.threadline.runtime.SimThread;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** The same jobs on one thread and on several: prime checks (CPU-bound), then downloads (I/O-bound). */
public final class GilCpuVsIoProgram extends Program {
    private static final List<Long> NUMBERS = List.of(
            1000000000039L, 1000000000061L, 1000000000063L, 1000000000091L,
            1000000000121L, 1000000000163L, 1000000000169L, 1000000000177L,
            1000000000189L, 1000000000193L, 1000000000211L, 1000000000271L,
            1000000000303L, 1000000000331L, 1000000000333L, 1000000000339L);

    private final int threads;
    private final int numbers;
    private final double checkTime;
    private final int downloads;
    private final double downloadTime;

    private int primes;

    public GilCpuVsIoProgram(int threads, int numbers, double checkTime, int downloads, double downloadTime) {
        this.threads = threads;
        this.numbers = numbers;
        this.checkTime = checkTime;
        this.downloads = downloads;
        this.downloadTime = downloadTime;
    }

    private void checkPrime(long n) {
        cpu(checkTime);                  // the loop below, at CPython's speed: holds the GIL
        boolean prime = n > 1 && (n % 2 != 0 || n == 2);
        for (long d = 3; prime && d * d <= n; d += 2) {
            prime = n % d != 0;
        }
        if (prime) {
            primes++;
        }
    }

    private void download(String site) {
        io(downloadTime, site);          // waiting for the network: the GIL is free meanwhile
    }

    /** Runs job over the items on {@code count} threads, thread k taking items k, k + count, ... */
    private <T> void inThreads(String name, int count, List<T> items, Consumer<T> job) {
        List<SimThread> all = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int first = k;
            all.add(thread(name + "-" + (k + 1), () -> {
                for (int i = first; i < items.size(); i += count) {
                    job.accept(items.get(i));
                }
            }));
        }
        all.forEach(SimThread::start);
        all.forEach(SimThread::join);
    }

    @Override
    protected void main() {
        List<Long> candidates = NUMBERS.subList(0, numbers);
        List<String> sites = new ArrayList<>();
        for (int i = 1; i <= downloads; i++) {
            sites.add("site-" + i);
        }

        print("CPU-bound: checking " + numbers + " numbers for primes");
        double start = now();
        candidates.forEach(this::checkPrime);
        double cpuOne = now() - start;
        print("  1 thread:  " + seconds(cpuOne) + ", " + primes + " primes");

        primes = 0;
        start = now();
        inThreads("Checker", threads, candidates, this::checkPrime);
        double cpuMany = now() - start;
        print("  " + threads + " threads: " + seconds(cpuMany) + ", " + primes + " primes");

        print("I/O-bound: downloading " + downloads + " pages");
        start = now();
        sites.forEach(this::download);
        double ioOne = now() - start;
        print("  1 thread:  " + seconds(ioOne));

        start = now();
        inThreads("Downloader", threads, sites, this::download);
        double ioMany = now() - start;
        print("  " + threads + " threads: " + seconds(ioMany));

        print("CPU-bound: 1 thread " + seconds(cpuOne) + ", " + threads + " threads " + seconds(cpuMany)
                + ": speed-up " + speedUp(cpuOne, cpuMany));
        print("I/O-bound: 1 thread " + seconds(ioOne) + ", " + threads + " threads " + seconds(ioMany)
                + ": speed-up " + speedUp(ioOne, ioMany));
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f s", s);
    }

    private static String speedUp(double one, double many) {
        return many > 0 ? String.format(Locale.ROOT, "%.1fx", one / many) : "-";
    }
}
