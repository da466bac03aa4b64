package io.threadline.runtime;

import java.util.List;

/**
 * Python's {@code random.Random}, draw for draw: the Mersenne Twister (MT19937) seeded as
 * {@code random.seed(n)} seeds it from an int (init_by_array over the 32-bit words of |n|),
 * and {@code random()}, {@code getrandbits}, {@code randrange}/{@code randint} (through
 * {@code _randbelow}, which rejects and redraws), {@code choice}, {@code shuffle} and
 * {@code uniform} computed as CPython 3.11 computes them. So a scenario and its Python twin,
 * given the same seed, print the same numbers. Not thread-safe; a run's draws are serialised
 * by the runtime's baton anyway.
 */
public final class PyRandom {
    private static final int N = 624;
    private static final int M = 397;

    private final int[] mt = new int[N];
    private int index;

    /** As {@code random.Random(seed)}. */
    public PyRandom(long seed) {
        seed(seed);
    }

    private PyRandom(PyRandom from) {
        System.arraycopy(from.mt, 0, mt, 0, N);
        index = from.index;
    }

    /** A generator in the same state: a forked child's. */
    PyRandom copy() {
        return new PyRandom(this);
    }

    /** As {@code random.seed(seed)} with an int. */
    public void seed(long seed) {
        long n = seed == Long.MIN_VALUE ? Long.MIN_VALUE : Math.abs(seed);
        int[] key;
        if (n == 0) {
            key = new int[] {0};
        } else if ((n >>> 32) == 0) {
            key = new int[] {(int) n};
        } else {
            // |Long.MIN_VALUE| is 2^63: its low word is 0 and its high word 0x80000000, as here.
            key = new int[] {(int) n, (int) (n >>> 32)};
        }
        initByArray(key);
    }

    private void initGenrand(int s) {
        mt[0] = s;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    private void initByArray(int[] key) {
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000;
        index = N;
    }

    /** The next 32 random bits, as an unsigned value. */
    private long next32() {
        if (index >= N) {
            twist();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    private void twist() {
        for (int k = 0; k < N; k++) {
            int y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
            mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
        }
        index = 0;
    }

    /** {@code random.random()}: a float in [0, 1) with 53 random bits. */
    public double random() {
        long a = next32() >>> 5;
        long b = next32() >>> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    /** {@code random.getrandbits(k)} for 0 <= k <= 63; words are drawn least significant first. */
    public long getrandbits(int k) {
        if (k < 0 || k > 63) {
            throw new PyError("ValueError", "number of bits must be between 0 and 63 here, got " + k);
        }
        if (k == 0) {
            return 0;
        }
        if (k <= 32) {
            return next32() >>> (32 - k);
        }
        long low = next32();
        return (next32() >>> (64 - k)) << 32 | low;
    }

    /** {@code _randbelow(n)}: draws bit_length(n) bits until the value is below n. */
    private long randbelow(long n) {
        if (n <= 0) {
            return 0;
        }
        int k = 64 - Long.numberOfLeadingZeros(n);
        long r = getrandbits(k);
        while (r >= n) {
            r = getrandbits(k);
        }
        return r;
    }

    /** {@code random.randrange(stop)}. */
    public long randrange(long stop) {
        if (stop <= 0) {
            throw new PyError("ValueError", "empty range for randrange()");
        }
        return randbelow(stop);
    }

    /** {@code random.randrange(start, stop)}. */
    public long randrange(long start, long stop) {
        return randrange(start, stop, 1);
    }

    /** {@code random.randrange(start, stop, step)}. */
    public long randrange(long start, long stop, long step) {
        long width = stop - start;
        if (step == 1) {
            if (width <= 0) {
                throw new PyError("ValueError", "empty range for randrange(" + start + ", " + stop + ")");
            }
            return start + randbelow(width);
        }
        if (step == 0) {
            throw new PyError("ValueError", "zero step for randrange()");
        }
        long n = step > 0 ? Math.floorDiv(width + step - 1, step) : Math.floorDiv(width + step + 1, step);
        if (n <= 0) {
            throw new PyError("ValueError", "empty range for randrange(" + start + ", " + stop + ", " + step + ")");
        }
        return start + step * randbelow(n);
    }

    /** {@code random.randint(a, b)}: a to b, both included. */
    public int randint(int a, int b) {
        return (int) randrange(a, (long) b + 1);
    }

    /** {@code random.uniform(a, b)}. */
    public double uniform(double a, double b) {
        return a + (b - a) * random();
    }

    /** {@code random.choice(seq)}. */
    public <T> T choice(List<T> seq) {
        if (seq.isEmpty()) {
            throw new PyError("IndexError", "Cannot choose from an empty sequence");
        }
        return seq.get((int) randbelow(seq.size()));
    }

    /** {@code random.shuffle(x)}, in place. */
    public <T> void shuffle(List<T> x) {
        for (int i = x.size() - 1; i > 0; i--) {
            int j = (int) randbelow(i + 1);
            T t = x.get(i);
            x.set(i, x.get(j));
            x.set(j, t);
        }
    }
}
