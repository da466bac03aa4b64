package io.threadline.runtime;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** PyRandom draws what CPython 3.11's random module draws, for the same seed. */
class PyRandomTest {
    /**
     * Printed by python3 3.11: for each seed, {@code r = random.Random(seed)} then r.random(),
     * r.randint(5, 30), r.randint(50, 150), r.uniform(0.5, 3.0), r.choice('abcdefg'),
     * r.getrandbits(40), r.randrange(3, 1000, 7).
     */
    private static final Object[][] CPYTHON = {
            {0, "0.8444218515250481 29 103 0.6012109454519439 e 444468675045 542"},
            {1, "0.13436424411240122 30 147 0.6577670547192733 a 835351532923 808"},
            {2, "0.9560342718892494 6 61 0.7121799878973041 g 808180060228 549"},
            {3, "0.23796462709189137 22 66 1.4248879163701982 e 689230811806 115"},
            {4, "0.23604808973743452 8 142 1.4901456065267025 b 73401421651 38"},
            {5, "0.6229016948897019 28 95 2.487983913914242 g 716142411305 948"},
            {6, "0.793340083761663 7 112 2.405542076781792 a 158915730056 843"},
            {7, "0.32383276483316237 9 100 2.1273361825996346 a 591937865764 171"},
            {8, "0.2267058593810488 17 66 0.9827916194650703 a 150689723297 444"},
            {9, "0.46300735781502145 16 84 0.8463485312861381 g 7201129310 605"},
            {10, "0.5714025946899135 18 111 1.945228252836176 b 895339965703 878"},
            {11, "0.4523795535098186 22 149 1.6641251752494333 e 647917487440 339"},
    };

    private static final List<String> LETTERS = List.of("a", "b", "c", "d", "e", "f", "g");

    private static String draws(long seed) {
        PyRandom r = new PyRandom(seed);
        return r.random() + " " + r.randint(5, 30) + " " + r.randint(50, 150) + " " + r.uniform(0.5, 3.0) + " "
                + r.choice(LETTERS) + " " + r.getrandbits(40) + " " + r.randrange(3, 1000, 7);
    }

    /** Compares floats by value (Java 17's Double.toString is not always Python's shortest repr). */
    private static void assertSameDraws(String java, String python, long seed) {
        String[] j = java.split(" ");
        String[] p = python.split(" ");
        assertThat(j).as("seed " + seed).hasSameSizeAs(p);
        for (int i = 0; i < p.length; i++) {
            if (p[i].contains(".")) {
                assertThat(Double.parseDouble(j[i])).as("seed " + seed + ", draw " + i).isEqualTo(Double.parseDouble(p[i]));
            } else {
                assertThat(j[i]).as("seed " + seed + ", draw " + i).isEqualTo(p[i]);
            }
        }
    }

    @Test
    void drawsAsCPythonForTwelveSeeds() {
        for (Object[] row : CPYTHON) {
            long seed = ((Integer) row[0]).longValue();
            assertSameDraws(draws(seed), (String) row[1], seed);
        }
    }

    @Test
    void seedsWiderThan32BitsUseEveryWordAndNegativeSeedsTheirAbsoluteValue() {
        // python3: random.Random(2**32 + 5).random(), random.Random(2**40 + 3).random()
        assertThat(new PyRandom(4294967301L).random()).isEqualTo(0.15727238718789782);
        assertThat(new PyRandom(1099511627779L).random()).isEqualTo(0.21978710637116716);
        assertThat(new PyRandom(2147483647L).random()).isEqualTo(0.3177580158172969);
        assertThat(new PyRandom(-42).random()).isEqualTo(new PyRandom(42).random());
        assertThat(new PyRandom(42).random()).isEqualTo(0.6394267984578837);
    }

    @Test
    void shuffleAndChoiceFollowRandbelow() {
        // python3: r = random.Random(0); r.random(); r.getrandbits(32); r.randint(5,30); r.randrange(1000);
        // r.choice('abcdefg'); r.uniform(0.5, 1.5); r.randint(0, 2**40); l = list(range(10)); r.shuffle(l)
        PyRandom r = new PyRandom(0);
        assertThat(r.random()).isEqualTo(0.8444218515250481);
        assertThat(r.getrandbits(32)).isEqualTo(3255389356L);
        assertThat(r.randint(5, 30)).isEqualTo(18);
        assertThat(r.randrange(1000)).isEqualTo(41);
        assertThat(r.choice(LETTERS)).isEqualTo("c");
        assertThat(r.uniform(0.5, 1.5)).isEqualTo(1.465464886361917);
        assertThat(r.randrange(0, (1L << 40) + 1)).isEqualTo(891145273829L);
        List<Integer> l = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        r.shuffle(l);
        assertThat(l).containsExactly(2, 0, 3, 8, 6, 1, 9, 5, 7, 4);
    }

    @Test
    void badRangesRaiseAsPythonDoes() {
        PyRandom r = new PyRandom(1);
        assertThatThrownBy(() -> r.randrange(0)).isInstanceOf(PyError.class).hasMessageContaining("empty range");
        assertThatThrownBy(() -> r.randint(3, 2)).isInstanceOf(PyError.class).hasMessageContaining("empty range");
        assertThatThrownBy(() -> r.choice(List.of())).isInstanceOf(PyError.class)
                .hasMessageContaining("empty sequence");
    }

    /** Where python3 is installed, 200 more seeds are compared with it live. */
    @Test
    void drawsAsTheInstalledPythonForManySeeds() throws Exception {
        String script = "import random\n"
                + "for seed in range(1000, 1200):\n"
                + "    r = random.Random(seed * 7919)\n"
                + "    print(' '.join([repr(r.random()), str(r.randint(5,30)), str(r.randint(50,150)),"
                + " repr(r.uniform(0.5,3.0)), r.choice('abcdefg'), str(r.getrandbits(40)), str(r.randrange(3,1000,7))]))\n";
        List<String> lines = python(script);
        assumeTrue(lines != null, "python3 is not installed");
        assertThat(lines).hasSize(200);
        for (int i = 0; i < lines.size(); i++) {
            long seed = (1000L + i) * 7919;
            assertSameDraws(draws(seed), lines.get(i), seed);
        }
    }

    /** The lines python3 prints for {@code script}, or null if there is no python3. */
    static List<String> python(String script) throws InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true).start();
        } catch (IOException e) {
            return null;
        }
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("python3 failed: " + out);
            }
            return out.lines().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            p.destroy();
        }
    }
}
