package io.threadline.picture;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.testing.TextRecorder;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a thread ended is written after its end mark where the lane has room: processes' lesson is
 * Process-2's exit code 3, and its lane ended in a plain dot (a review of the projector's pictures).
 */
class EndWordsTest {
    @Test
    void theExitCallAndTheSignalAreWrittenAfterTheirMarks() throws Exception {
        assertThat(textsOf("processes", 1280)).contains("sys.exit(3)");
        assertThat(textsOf("pool-the-rest", 1280)).contains("pool.terminate()");
    }

    /**
     * On the projector the window is 1280 px wide: the pool's workers are killed 3 s before the
     * end, and "terminated with the pool" read "terminated with…" up to the playhead, which the
     * words cannot pass (ForkProcess-3's arrow to ExecutorManagerThread stands at that instant, in
     * their lanes). The call that killed them is written whole before the playhead.
     */
    @Test
    void thePoolsWorkersSayWhatKilledThemWholeOnTheProjector() throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId("pool-the-rest");
        Trace t = s.execute(s.values(Map.of()));
        PictureMetrics m = PictureMetrics.PROJECTOR;
        TimelinePicture p = TimelinePicture.of(t, PictureOptions.defaults().withMetrics(m).withWidth(1262)
                .withPlayhead(t.endTime()));
        TextRecorder g = new TextRecorder();
        p.paint(g);
        double playhead = m.gutterWidth() + p.scale().x(t.endTime());
        List<TextRecorder.Written> words = g.written().stream()
                .filter(w -> w.text().startsWith("terminated") || w.text().startsWith("pool.")).toList();
        assertThat(words).as("the two workers' words").hasSize(2).allSatisfy(w -> {
            assertThat(w.text()).isEqualTo("pool.terminate()");
            assertThat(w.right()).isLessThan(playhead - 3);
        });
    }

    @Test
    void wordsCutShortEndInAnEllipsisAndAStubIsLeftOut() throws Exception {
        // the run ends at Process-3's termination: at 640 px its words are cut, never to a stub
        List<String> narrow = textsOf("processes", 640);
        assertThat(narrow).filteredOn(w -> w.startsWith("term")).allMatch(w -> w.equals("terminated (SIGTERM)")
                || w.endsWith("…") && w.length() >= 9);
    }

    private static List<String> textsOf(String id, double width) throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId(id);
        Trace t = s.execute(s.values(Map.of()));
        TextRecorder g = new TextRecorder();
        TimelinePicture.of(t, PictureOptions.defaults().withWidth(width)).paint(g);
        return g.written().stream().map(TextRecorder.Written::text).toList();
    }

    /**
     * Words that start before the playhead stop short of it, whole or not at all: at 1280 px
     * pool-the-rest's words after the killed marks ran across the playhead's line into time not
     * yet shown, and the exception at processes' edge read "ValueErr…".
     */
    @Test
    void wordsStopShortOfThePlayheadWholeOrNotAtAll() throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId("pool-the-rest");
        Trace t = s.execute(s.values(Map.of()));
        for (long before : new long[] {1_200_000, 600_000}) {
            long at = t.endTime() - before;
            TimelinePicture p = TimelinePicture.of(t, PictureOptions.defaults().withWidth(1280).withWholeRun().atTime(at));
            TextRecorder g = new TextRecorder();
            p.paint(g);
            double playhead = PictureOptions.defaults().metrics().gutterWidth() + p.scale().x(at);
            List<TextRecorder.Written> words = g.written().stream().filter(w -> w.text().startsWith("pool.")).toList();
            assertThat(words).allSatisfy(w -> {
                assertThat(w.right()).isLessThan(playhead);
                assertThat(w.text()).isEqualTo("pool.terminate()");
            });
            if (before == 600_000) {
                assertThat(words).as("the two workers' words, 0.6 s before the end").hasSize(2);
            }
        }
    }

    /** A last span's words end before the end mark: executor's "get" and process-data's "sleep 0.2 s" ran under the dot. */
    @Test
    void aLastSpansWordsEndBeforeItsEndMark() throws Exception {
        for (String id : List.of("executor", "process-data", "pool-the-rest")) {
            ScenarioSpec s = ScenarioCatalog.byId(id);
            Trace t = s.execute(s.values(Map.of()));
            PictureMetrics m = PictureMetrics.PROJECTOR;
            TimelinePicture p = TimelinePicture.of(t, PictureOptions.defaults().withMetrics(m).withWidth(1280));
            p.paint(new TextRecorder());
            for (TimelineRows.Row row : p.rows().rows()) {
                if (!(row.track() instanceof ThreadTrack lane)) {
                    continue;
                }
                for (double[] mark : lane.marks()) {
                    for (double[] b : lane.spanLabels()) {
                        if (b[0] < mark[0]) {
                            // the label's box has 3 px of ground either side of its text
                            assertThat(b[0] + b[2] - 3).as("%s, %s: a label ends before the mark at %.0f", id,
                                    t.thread(lane.thread()).name(), mark[0]).isLessThanOrEqualTo(mark[0] + 1);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aCutKeepsWholeWordsOrNone() {
        TextRecorder g = new TextRecorder();
        TextStyle f = TextStyle.of(10);
        String s = "terminated with the pool";
        assertThat(TextFit.ellipsizeWords(g, s, f, 1e6)).isEqualTo(s);
        String cut = TextFit.ellipsizeWords(g, s, f, g.textWidth("terminated with…", f) + 0.5);
        assertThat(cut).isEqualTo("terminated with…");
        assertThat(TextFit.ellipsizeWords(g, s, f, g.textWidth("termina", f))).isEmpty();
    }

    @Test
    void wordsBeforeAColonGoWholeWhenAllDoNotFit() {
        TextRecorder g = new TextRecorder();
        TextStyle f = TextStyle.of(10);
        String s = "cut off at exit: the last non-daemon thread ended";
        assertThat(TextFit.ellipsizeWords(g, s, f, 1e6)).isEqualTo(s);
        double phrase = g.textWidth("cut off at exit", f);
        assertThat(TextFit.ellipsizeWords(g, s, f, phrase + 0.5)).isEqualTo("cut off at exit");
        // with more room than the phrase but less than all: still the phrase, not "...: the last…"
        assertThat(TextFit.ellipsizeWords(g, s, f, g.textWidth("cut off at exit: the last…", f) + 0.5))
                .isEqualTo("cut off at exit");
        // short of the phrase: its own words are cut
        assertThat(TextFit.ellipsizeWords(g, s, f, phrase - 1)).isEqualTo("cut off at…");
    }
}
