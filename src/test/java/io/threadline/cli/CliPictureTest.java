package io.threadline.cli;

import io.threadline.cli.CliRun.Result;
import io.threadline.export.RunCommand;
import io.threadline.export.TraceFile;
import io.threadline.export.TraceJsonWriter;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.threadline.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The command line draws and records without a display, and says the command that makes a trace again. */
class CliPictureTest {
    @Test
    void runDrawsPngSvgAndGifHeadless(@TempDir Path dir) throws Exception {
        assertThat(GraphicsEnvironment.isHeadless()).as("the tests run as a server would").isTrue();
        Path png = dir.resolve("soup.png");
        Path svg = dir.resolve("soup.svg");
        Path gif = dir.resolve("soup.gif");

        Result r = cli("run", "chef-soup", "--png", png.toString(), "--scale", "2", "--svg=" + svg, "--gif", gif.toString(),
                "--play-speed", "3", "--width", "800", "--theme", "dark");

        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("picture written to " + png + " (", "picture written to " + svg + " (",
                "recording written to " + gif + " (11 frames, ");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1600);
        // dark theme: the background is the dark one
        assertThat(image.getRGB(3, 3) & 0xffffff).isEqualTo(0x15181d);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        assertThat(f.newDocumentBuilder().parse(svg.toFile()).getDocumentElement().getAttribute("width"))
                .isEqualTo("800");
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(11);
        }
    }

    @Test
    void drawMakesPicturesOfASavedTraceAndOfAnotherToolsTrace(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("soup.json");
        cli("run", "chef-soup", "--trace", trace.toString());
        Path foreign = dir.resolve("browser.json");
        Files.writeString(foreign, "[{\"name\":\"Frame\",\"ph\":\"X\",\"pid\":1,\"tid\":1,\"ts\":0,\"dur\":16000}]");

        Result a = cli("draw", trace.toString(), "--png", dir.resolve("a.png").toString(), "--window", "0.4:0.6");
        Result b = cli("draw", foreign.toString(), "--svg", dir.resolve("b.svg").toString());

        assertThat(a.status()).isZero();
        assertThat(ImageIO.read(dir.resolve("a.png").toFile()).getWidth()).isEqualTo(1200);
        assertThat(b.status()).isZero();
        assertThat(Files.readString(dir.resolve("b.svg"))).contains("aria-label=\"browser.json\"",
                "aria-label=\"Frame\"");
    }

    @Test
    void framesAreWrittenIntoANewFolder(@TempDir Path dir) throws Exception {
        Path frames = dir.resolve("frames");

        Result r = cli("run", "chef-soup", "--frames", frames.toString(), "--fps", "2");

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("recording written to " + frames + "/ (7 PNG files, ");
        try (Stream<Path> files = Files.list(frames)) {
            assertThat(files.count()).isEqualTo(7);
        }
    }

    static Stream<Arguments> badPictureOptions() {
        return Stream.of(
                arguments(List.of("run", "chef-soup", "--png"), "threadline: --png needs a value"),
                arguments(List.of("run", "chef-soup", "--scale", "10", "--png", "a.png"),
                        "threadline: --scale must be a number from 0.5 to 4, got '10'"),
                arguments(List.of("run", "chef-soup", "--width", "wide"),
                        "threadline: --width must be a number from 400 to 20000, got 'wide'"),
                arguments(List.of("run", "chef-soup", "--window", "2:1"),
                        "threadline: --window needs FROM:TO in seconds, FROM before TO (e.g. 0.5:2), got '2:1'"),
                arguments(List.of("run", "chef-soup", "--theme", "pink"),
                        "threadline: --theme must be light or dark, got 'pink'"),
                arguments(List.of("run", "chef-soup", "--fps", "0"),
                        "threadline: --fps must be a number from 1 to 50, got '0'"),
                arguments(List.of("draw", "soup.json"),
                        "threadline: draw: which picture? (--png FILE, --svg FILE, --gif FILE or --frames DIR)"),
                arguments(List.of("draw", "--png", "a.png"), "threadline: draw: which trace file?"),
                arguments(List.of("draw", "a.json", "--blur", "2"),
                        "threadline: unknown option '--blur' for draw (options: --png, --svg, --gif, --frames,"
                                + " --scale, --width, --window, --theme, --large, --fps, --play-speed, --graph)"));
    }

    @ParameterizedTest
    @MethodSource("badPictureOptions")
    void aBadPictureOptionGetsOneLineAndExit2(List<String> args, String message) {
        Result r = cli(args.toArray(String[]::new));

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(message + "\n");
    }

    @Test
    void aRecordingThatWouldBeTooLongSaysHowToShortenIt(@TempDir Path dir) {
        Result r = cli("run", "chef-soup", "--gif", dir.resolve("a.gif").toString(), "--play-speed", "0.01");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).endsWith("at most 3000: raise the speed or lower the frame rate\n");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void theCopiedCommandLineMakesTheSameTrace(@TempDir Path dir) throws Exception {
        ScenarioSpec spec = ScenarioCatalog.byId("producer-consumer");
        Trace original = spec.execute(spec.values(Map.of("items", "6", "capacity", "2", "gil", "false",
                "seed", "7")));

        List<String> args = RunCommand.arguments(original);
        Path again = dir.resolve("again.json");
        Result r = cli(Stream.concat(args.stream(), Stream.of("--trace", again.toString())).toArray(String[]::new));

        assertThat(args).containsExactly("run", "producer-consumer", "--set", "producers=2", "--set", "consumers=2",
                "--set", "items=6", "--set", "capacity=2", "--set", "make=0.2", "--set", "consume=0.4", "--set",
                "gil=false", "--seed", "7");
        assertThat(r.status()).isZero();
        assertThat(Files.readAllBytes(again)).isEqualTo(TraceJsonWriter.toBytes(original));
        assertThat(RunCommand.of(original)).startsWith("java -jar ").endsWith(" run producer-consumer --set producers=2"
                + " --set consumers=2 --set items=6 --set capacity=2 --set make=0.2 --set consume=0.4 --set gil=false"
                + " --seed 7");
        assertThat(TraceFile.load(again).seed()).isEqualTo(7);
    }

    @Test
    void argumentsAreQuotedForTheShellOnlyWhenTheyNeedIt() {
        assertThat(RunCommand.quote("olivia=3")).isEqualTo("olivia=3");
        assertThat(RunCommand.quote("durations=1,2,3")).isEqualTo("durations=1,2,3");
        assertThat(RunCommand.quote("name=a b")).isEqualTo("'name=a b'");
        assertThat(RunCommand.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(RunCommand.quote("")).isEqualTo("''");
    }
}
