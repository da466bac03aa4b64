package io.threadline.picture;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.Reason;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.ThreadRole;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The picture lays out like the window's timeline and draws the lanes' states where they are. */
class TimelinePictureTest {
    static Trace chefSoup() throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId("chef-soup");
        return s.execute(s.values(Map.of()));
    }

    @Test
    void itIsAsTallAsItsRowsAndAsWideAsAsked() throws Exception {
        Trace t = chefSoup();
        PictureMetrics m = PictureMetrics.DESK;

        TimelinePicture bare = TimelinePicture.of(t, PictureOptions.defaults().withLegend(false).withWidth(900));

        assertThat(bare.width()).isEqualTo(900);
        // ruler, two lanes, the row its one resource (the GIL, never contended) is folded into, the frame's bottom pixel
        assertThat(bare.height()).isEqualTo(m.rulerHeight() + 2 * m.laneHeight() + Math.round(m.laneHeight() * 0.8) + 1);
        assertThat(bare.scale().width()).isEqualTo(900 - m.gutterWidth());
        TimelinePicture dressed = TimelinePicture.of(t, PictureOptions.defaults().withTitle("Chef soup", "seed 0")
                .withOutputLines(3));
        assertThat(dressed.height()).isGreaterThan(bare.height() + 100);
    }

    @Test
    void theWholeRunIsFittedAsTheWindowFitsItAndAWindowIsTakenAsGiven() throws Exception {
        Trace t = chefSoup();

        TimeScale whole = TimelinePicture.of(t, PictureOptions.defaults()).scale();
        TimeScale part = TimelinePicture.of(t, PictureOptions.defaults().withWindow(400_000, 600_000)).scale();

        assertThat(whole.start()).isEqualTo(-60_000);
        // after the end, room for a death's mark and an arrow's label however long the run
        assertThat(whole.width() - whole.x(3_000_000)).isCloseTo(TimeScale.END_ROOM_PX, within(0.01));
        assertThat(part.start()).isEqualTo(400_000);
        assertThat(part.end()).isEqualTo(600_000);
    }

    @Test
    void eachLaneShowsItsStateInItsOwnColourWhereTheTimeScaleSaysSo() throws Exception {
        Trace t = chefSoup();
        PictureOptions o = PictureOptions.defaults().withLegend(false);
        TimelinePicture p = TimelinePicture.of(t, o);
        BufferedImage img = Java2DPainter.render(p, 1);
        PictureMetrics m = PictureMetrics.DESK;

        // Barron waits on join from 0.5 s; at 2 s the pixel row through the middle of his bar is
        // inside the pale waiting box. He runs for no time at 0.5 s: his bar stays waiting there,
        // and a hairline tick of the running colour above the bar marks the instant
        int x = (int) Math.round(m.gutterWidth() + p.scale().x(2_000_000));
        int barronMid = (int) (m.rulerHeight() + m.laneHeight() / 2);
        assertThat(rgb(img, x, barronMid)).isEqualTo(PictureTheme.LIGHT.color(Ink.WAITING_FILL).value());
        int tick = (int) (m.gutterWidth() + Math.floor(p.scale().x(500_000)));
        assertThat(rgb(img, tick, barronMid)).isIn(PictureTheme.LIGHT.color(Ink.WAITING_FILL).value(),
                PictureTheme.LIGHT.color(Ink.WAITING).value());
        int aboveBar = (int) (m.rulerHeight() + m.barPadding() - 2);
        assertThat(rgb(img, tick, aboveBar)).isEqualTo(PictureTheme.LIGHT.color(Ink.RUNNING).value());
        assertThat(rgb(img, tick + 3, aboveBar)).isEqualTo(PictureTheme.LIGHT.color(Ink.BACKGROUND).value());
        // after the run's end the lanes are empty: only the alternating band of Olivia's row
        int after = (int) Math.round(m.gutterWidth() + p.scale().x(3_060_000));
        assertThat(rgb(img, after, barronMid)).isEqualTo(PictureTheme.LIGHT.color(Ink.BACKGROUND).value());
    }

    @Test
    void aPlaybackFrameRevealsTheRunUpToItsPlayhead() throws Exception {
        Trace t = chefSoup();
        PictureOptions o = PictureOptions.defaults().withLegend(false).atTime(1_000_000);
        TimelinePicture p = TimelinePicture.of(t, o);
        BufferedImage img = Java2DPainter.render(p, 1);
        PictureMetrics m = PictureMetrics.DESK;
        int oliviaMid = (int) (m.rulerHeight() + m.laneHeight() * 1.5);

        int before = (int) Math.round(m.gutterWidth() + p.scale().x(800_000));
        int playhead = (int) (m.gutterWidth() + Math.round(p.scale().x(1_000_000)));
        int after = (int) Math.round(m.gutterWidth() + p.scale().x(2_300_000));
        assertThat(rgb(img, before, oliviaMid)).isEqualTo(PictureTheme.LIGHT.color(Ink.WAITING_FILL).value());
        assertThat(rgb(img, playhead, oliviaMid)).isEqualTo(PictureTheme.LIGHT.color(Ink.PLAYHEAD).value());
        assertThat(rgb(img, after, oliviaMid)).isEqualTo(PictureTheme.LIGHT.color(Ink.LANE_ALT).value());
    }

    @Test
    void aTinyOrHugeWidthIsRefused() {
        assertThatThrownBy(() -> PictureOptions.defaults().withWidth(10))
                .hasMessage("picture width must be 400 to 20000 pixels, got 10.0");
    }

    @Test
    void drawingCostFollowsTheWidthNotTheNumberOfEvents() {
        // a million transitions: eight threads sharing a GIL for 10 s in 80 µs turns
        Trace big = gil(8, 10, 80);
        assertThat(big.eventCount()).isGreaterThan(250_000);
        PictureOptions o = PictureOptions.defaults();
        Java2DPainter.render(TimelinePicture.of(big, o), 1);   // warm up

        long t0 = System.nanoTime();
        BufferedImage img = Java2DPainter.render(TimelinePicture.of(big, o), 1);
        long ms = (System.nanoTime() - t0) / 1_000_000;

        assertThat(img.getWidth()).isEqualTo(1200);
        // generous: a few hundred ms on a slow shared machine; walking every span would take seconds
        assertThat(ms).isLessThan(3_000);
    }

    @Test
    void thePicturesColoursAreTheTimelineCssColours() throws IOException {
        String css = Files.readString(Path.of("src/main/resources/io/threadline/ui/timeline/timeline.css"));
        int dark = css.indexOf(".timeline-view:dark");
        assertThat(dark).isPositive();
        for (Ink ink : Ink.values()) {
            assertThat(cssColour(css.substring(0, dark), ink)).as("light " + ink)
                    .isEqualTo(PictureTheme.LIGHT.color(ink).hex());
            assertThat(cssColour(css.substring(dark), ink)).as("dark " + ink)
                    .isEqualTo(PictureTheme.DARK.color(ink).hex());
        }
    }

    private static String cssColour(String css, Ink ink) {
        Matcher m = Pattern.compile(Pattern.quote(ink.cssProperty()) + ":\\s*(#[0-9a-fA-F]{6});").matcher(css);
        assertThat(m.find()).as(ink.cssProperty() + " in timeline.css").isTrue();
        return m.group(1).toLowerCase();
    }

    private static int rgb(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 0xffffff;
    }

    /** {@code threads} CPU-bound threads sharing one GIL round-robin in {@code quantum} µs turns. */
    static Trace gil(int threads, double seconds, long quantum) {
        Trace trace = new Trace();
        trace.describe("synthetic-gil", Map.of("gil", "true"), 0, "virtual");
        int p = trace.addProcess("MainProcess");
        int[] ids = new int[threads];
        for (int i = 0; i < threads; i++) {
            ids[i] = trace.addThread("Cruncher-" + (i + 1), p, false, ThreadRole.THREAD);
            trace.transition(ids[i], 0, ThreadState.RUNNABLE, Reason.STARTED, -1, null, 0);
        }
        long end = (long) (seconds * 1_000_000);
        long t = 0;
        int turn = 0;
        while (t < end) {
            int holder = ids[turn % threads];
            trace.transition(holder, t, ThreadState.RUNNING, Reason.SCHEDULED, -1, null, 0);
            t = Math.min(end, t + quantum);
            trace.transition(holder, t, ThreadState.RUNNABLE, Reason.PREEMPTED, ids[(turn + 1) % threads], null, 0);
            turn++;
        }
        for (int id : ids) {
            trace.transition(id, end, ThreadState.DEAD, Reason.RETURNED, -1, null, 0);
        }
        trace.finish(end, RunOutcome.COMPLETED, "");
        return trace;
    }

    @Test
    void theLegendNamesTheEndMarksWhereThePictureHasRoom() throws Exception {
        ScenarioSpec spec = ScenarioCatalog.byId("chef-soup");
        Trace t = spec.execute(spec.values(java.util.Map.of()));
        String wide = SvgPainter.render(TimelinePicture.of(t, PictureOptions.defaults().withWidth(1200)), "wide");
        // the SVG keeps each word as the label of its glyphs
        assertThat(wide).contains("aria-label=\"dead\"", "aria-label=\"returned\"", "aria-label=\"raised\"",
                "aria-label=\"killed\"");
        String narrow = SvgPainter.render(TimelinePicture.of(t, PictureOptions.defaults().withWidth(560)), "narrow");
        assertThat(narrow).contains("aria-label=\"dead\"").doesNotContain("aria-label=\"returned\"");
    }
}
