package io.threadline.cli;

import io.threadline.LauncherProcess;
import io.threadline.cli.CliRun.Result;
import io.threadline.export.OddPlaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.threadline.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outputs of the command line in unusual places: what stands at the path is never destroyed,
 * every path is checked before the run or the drawing starts, and every failure is one line
 * naming the path and the reason, with exit status 3, the old file as it was and no temporary
 * file left. The options are the same for every output: --trace, --png, --svg, --gif, --frames.
 */
class CliOutputsTest {
    private static final byte[] OLD = "the old file".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    private Path soup;

    @BeforeEach
    void aTrace() {
        soup = dir.resolve("soup.json");
        assertThat(cli("run", "chef-soup", "--trace", soup.toString()).status()).isZero();
    }

    /** {@code draw soup.json OPTION PATH}, or {@code run chef-soup --trace PATH} for the trace. */
    private Result write(String option, Path path) {
        return option.equals("--trace") ? cli("run", "chef-soup", "--trace", path.toString())
                : cli("draw", soup.toString(), option, path.toString(), "--play-speed", "3", "--fps", "2");
    }

    private void assertRefused(Result r, String line) {
        assertThat(r.errLines()).containsExactly("threadline: " + line);
        assertThat(r.status()).isEqualTo(Cli.CANNOT_WRITE);
        // nothing was run or drawn: not a line of the program's output, nor a "written" line
        assertThat(r.out()).isEmpty();
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> in = Files.list(dir)) {
            return in.sorted().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--trace", "--png", "--svg", "--gif", "--frames"})
    void aNamedPipeIsRefusedBeforeTheWork(String option) throws Exception {
        Path fifo = OddPlaces.fifo(dir.resolve("fifo"));

        assertRefused(write(option, fifo), "cannot write " + fifo + ": it is a named pipe, not a "
                + (option.equals("--frames") ? "folder" : "file"));
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(files()).containsExactly(fifo, soup);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--trace", "--png", "--svg", "--gif"})
    void aDeviceIsRefusedBeforeTheWork(String option) throws Exception {
        Path dev = OddPlaces.device(dir.resolve("full"));

        assertRefused(write(option, dev), "cannot write " + dev + ": it is a device, not a file");
        assertThat(Files.isRegularFile(dev)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--trace", "--png", "--svg", "--gif"})
    void aLinkIsFollowedAndStaysALink(String option) throws Exception {
        Path target = Files.createDirectory(dir.resolve("pictures")).resolve("real");
        Files.write(target, OLD);
        Path link = Files.createSymbolicLink(dir.resolve("link"), Path.of("pictures/real"));

        Result r = write(option, link);

        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("written to " + link + " (");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.size(target)).isGreaterThan(1000);
        assertThat(files()).containsExactly(link, dir.resolve("pictures"), soup);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--trace", "--png", "--svg", "--gif"})
    void aLinkToAFolderADanglingLinkAndAFolderAreRefused(String option) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("d"));
        Path toFolder = Files.createSymbolicLink(dir.resolve("to-folder"), folder);
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), Path.of("nowhere/x"));

        assertRefused(write(option, toFolder), "cannot write " + toFolder + ": it is a link to " + folder
                + ", which is a folder");
        assertRefused(write(option, dangling), "cannot write " + dangling + ": it is a link to "
                + dir.resolve("nowhere/x") + ", which is in a folder that does not exist");
        assertRefused(write(option, folder), "cannot write " + folder + ": it is a folder");
        assertRefused(write(option, dir.resolve("no/x")), "cannot write " + dir.resolve("no/x") + ": no such folder "
                + dir.resolve("no"));
        assertThat(folder).isEmptyDirectory();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--png", "--svg", "--gif", "--frames"})
    void theTraceBeingDrawnIsNeverAnOutput(String option) throws Exception {
        byte[] before = Files.readAllBytes(soup);
        Path same = dir.resolve("./soup.json");

        assertRefused(cli("draw", soup.toString(), option, same.toString()), "cannot write " + same + ": it is "
                + (option.equals("--frames") ? "a file, not a folder" : "the trace being read (name another file)"));
        assertThat(Files.readAllBytes(soup)).isEqualTo(before);
    }

    @Test
    void twoOutputsToOnePathAreRefused() throws Exception {
        Path x = dir.resolve("x");
        Path frames = Files.createDirectory(dir.resolve("frames"));

        assertRefused(cli("draw", soup.toString(), "--png", x.toString(), "--svg", x.toString()),
                "cannot write " + x + ": --png writes there already (name different files)");
        assertRefused(cli("run", "chef-soup", "--trace", x.toString(), "--gif", dir.resolve(".") + "/x"),
                "cannot write " + dir.resolve(".") + "/x: --trace writes there already (name different files)");
        assertRefused(cli("draw", soup.toString(), "--frames", frames.toString(), "--png", frames + "/a.png"),
                "cannot write " + frames + "/a.png: --frames writes the folder " + frames
                        + " already (name different files)");
        assertRefused(cli("draw", soup.toString(), "--svg", "-", "--png", "-"),
                "cannot write -: --svg writes there already (name different files)");
        assertThat(files()).containsExactly(frames, soup);
        assertThat(frames).isEmptyDirectory();
    }

    @Test
    void aFolderThatTakesNoFilesIsFoundBeforeTheRun() throws Exception {
        try (OddPlaces.Disk disk = OddPlaces.tinyDisk(dir.resolve("ro"), true)) {
            Path t = disk.root().resolve("t.json");

            Result r = cli("run", "chef-soup", "--trace", t.toString(), "--speed", "0.01");

            // at 0.01x the run would take five minutes: the test ends at once only if it never started
            assertRefused(r, "cannot write " + t + ": read-only file system (in " + disk.root() + ")");
        }
    }

    @Test
    void whenOneOutputCannotBeWrittenNoneIs() throws Exception {
        Path trace = dir.resolve("ok.json");
        try (OddPlaces.Disk disk = OddPlaces.tinyDisk(dir.resolve("disk"), false)) {
            Path png = disk.root().resolve("soup.png");
            Files.write(png, OLD);
            disk.fill();

            Result r = cli("run", "chef-soup", "--trace", trace.toString(), "--png", png.toString());

            assertThat(r.errLines()).containsExactly("threadline: cannot write " + png + ": no space left on device");
            assertThat(r.status()).isEqualTo(Cli.CANNOT_WRITE);
            assertThat(r.out()).doesNotContain("written");
            assertThat(Files.readAllBytes(png)).isEqualTo(OLD);
            assertThat(trace).doesNotExist();
            try (Stream<Path> in = Files.list(disk.root())) {
                assertThat(in).containsExactlyInAnyOrder(png, disk.root().resolve(".filler"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--trace", "--png", "--svg", "--gif", "--frames"})
    void aFullDiskIsOneLineInAJvmOfItsOwnAndLeavesTheOldFile(String option) throws Exception {
        // a JVM of its own: ImageIO's cache used to print a stack trace as the JVM shut down
        try (OddPlaces.Disk disk = OddPlaces.tinyDisk(dir.resolve("disk"), false)) {
            Path out = disk.root().resolve(option.equals("--frames") ? "frames" : "out");
            Path old = disk.root().resolve("old");
            Files.write(old, OLD);
            disk.fill();
            List<String> args = new ArrayList<>(option.equals("--trace") ? List.of("run", "chef-soup")
                    : List.of("draw", soup.toString(), "--play-speed", "3"));
            args.addAll(List.of(option, out.toString()));

            LauncherProcess.Result r = LauncherProcess.run(dir, env -> { }, args.toArray(String[]::new));

            assertThat(r.errLines()).containsExactly("threadline: cannot write " + out + ": no space left on device");
            assertThat(r.status()).isEqualTo(Cli.CANNOT_WRITE);
            assertThat(Files.readAllBytes(old)).isEqualTo(OLD);
            try (Stream<Path> in = Files.list(disk.root())) {
                assertThat(in).containsExactlyInAnyOrder(old, disk.root().resolve(".filler"));
            }
        }
    }

    @Test
    void dashIsStandardOutputAndTheCommandsOwnLinesGoToTheErrorStream() {
        Result svg = cli("draw", soup.toString(), "--svg", "-");
        Result trace = cli("run", "chef-soup", "--trace", "-");

        assertThat(svg.status()).isZero();
        assertThat(svg.out()).startsWith("<?xml").endsWith("</svg>\n");
        assertThat(svg.errLines()).singleElement().asString().startsWith("picture written to standard output (");
        assertThat(trace.status()).isZero();
        assertThat(trace.out()).startsWith("{\n\"otherData\":{\"format\":\"threadline-trace\"");
        assertThat(trace.err()).contains("Barron and Olivia are both done!", "completed at 3.000 s",
                "trace written to standard output");
        assertRefused(cli("draw", soup.toString(), "--frames", "-"), "--frames needs a folder, not standard output");
    }

    @Test
    void aWindowOutsideTheTraceGetsOneLine() throws Exception {
        Result after = cli("draw", soup.toString(), "--png", dir.resolve("a.png").toString(), "--window", "10:20");
        Result past = cli("draw", soup.toString(), "--png", dir.resolve("b.png").toString(), "--window", "2:20");

        assertThat(after.errLines()).containsExactly("threadline: --window 10:20 starts after the trace ends (at"
                + " 3.000 s): nothing to draw");
        assertThat(after.status()).isEqualTo(Cli.BAD_INPUT);
        assertThat(dir.resolve("a.png")).doesNotExist();
        // one that runs past the end ends with the trace
        assertThat(past.status()).isZero();
    }

    @Test
    void aTraceWithOtherDataOfTheWrongShapeGetsOneLine() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(soup).replaceFirst("\"otherData\":\\{[^\n]*\\},\n",
                "\"otherData\":\"oops\",\n"));

        Result r = cli("info", bad.toString());

        assertThat(r.errLines()).containsExactly("threadline: " + bad + ": line 2, column 13: 'otherData' must be an"
                + " object, got a string ('oops')");
        assertThat(r.status()).isEqualTo(Cli.BAD_INPUT);
    }
}
