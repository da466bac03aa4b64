package io.threadline.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs back to back with random stops leave no scenario thread and no heap behind. The full
 * thousand runs are {@code threadline stress} (README); here a smaller count, on every build.
 */
class StressCommandTest {
    private static final Pattern HEAP = Pattern.compile("heap +after GC: ([0-9.]+) MB before, ([0-9.]+) MB after");

    private record Result(int status, String out, String err) {
    }

    private static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Cli(f -> {
        }).run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runsBackToBackWithRandomStopsLeaveNoThreadAndNoHeapBehind() {
        Result r = cli("stress", "--runs", "150", "--seed", "3");

        assertThat(r.err()).isEmpty();
        assertThat(r.status()).as(r.out()).isEqualTo(Cli.OK);
        assertThat(r.out()).contains("stress: 150 runs back to back")
                .containsPattern("runs +150 in ")
                .containsPattern("stopped +[1-9]\\d*")
                .contains("scenario threads alive after a run: at most 0; after the last: 0")
                .contains("result       ok");
        Matcher heap = HEAP.matcher(r.out());
        assertThat(heap.find()).as(r.out()).isTrue();
        double growth = Double.parseDouble(heap.group(2)) - Double.parseDouble(heap.group(1));
        assertThat(growth).as("MB of heap kept after 150 runs").isLessThan(4);
    }

    @Test
    void aThreadLeftBehindIsReportedAndFailsTheCommand() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread leftover = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, StressCommand.SCENARIO_THREAD_PREFIX + "999-Leftover");
        leftover.setDaemon(true);
        leftover.start();
        try {
            Result r = cli("stress", "--runs", "3");

            assertThat(r.status()).isEqualTo(Cli.FAILED);
            assertThat(r.out()).contains("at most 1; after the last: 1").contains("result       FAILED");
        } finally {
            release.countDown();
            leftover.join();
        }
    }

    @Test
    void badArgumentsGetOneLine() {
        assertThat(cli("stress", "--runs", "0")).isEqualTo(new Result(Cli.BAD_INPUT, "",
                "threadline: --runs must be between 1 and 1000000, got 0\n"));
        assertThat(cli("stress", "--runs=many")).isEqualTo(new Result(Cli.BAD_INPUT, "",
                "threadline: --runs must be a whole number, got 'many'\n"));
        assertThat(cli("stress", "--fast")).isEqualTo(new Result(Cli.BAD_INPUT, "",
                "threadline: unknown argument '--fast' for stress (options: --runs N, --seed N)\n"));
    }
}
