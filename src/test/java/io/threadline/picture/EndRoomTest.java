package io.threadline.picture;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.testing.TextRecorder;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EndRoomTest {
    private static Trace run(String id) throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId(id);
        return s.execute(s.values(Map.of()));
    }

    @Test
    void aDeathAtTheEndWithWordsGetsRoomForTheirPhrase() throws Exception {
        Trace t = run("daemon-cleaner");
        PictureMetrics m = PictureMetrics.PROJECTOR;
        double room = EndRoom.of(t, m);
        assertThat(room).as("room for 'cut off at exit' after the daemon's mark").isGreaterThan(TimeScale.END_ROOM_PX)
                .isLessThanOrEqualTo(EndRoom.MOST);
        // the picture leaves it: the phrase is written whole after the mark, not cut
        TimelinePicture p = TimelinePicture.of(t, PictureOptions.defaults().withMetrics(m).withWidth(1280));
        assertThat(p.width() - m.gutterWidth() - p.scale().x(t.endTime())).isCloseTo(room, org.assertj.core.api.Assertions.within(0.5));
        TextRecorder g = new TextRecorder();
        p.paint(g);
        assertThat(g.written()).extracting(TextRecorder.Written::text).contains("cut off at exit");
    }

    @Test
    void aTerminatedProcessSaysByWhichSignal() throws Exception {
        // processes' lesson is terminate(): Process-3 dies by SIGTERM at the run's very end
        Trace t = run("processes");
        TimelinePicture p = TimelinePicture.of(t, PictureOptions.defaults().withMetrics(PictureMetrics.PROJECTOR)
                .withWidth(1280));
        TextRecorder g = new TextRecorder();
        p.paint(g);
        assertThat(g.written()).extracting(TextRecorder.Written::text).contains("terminated (SIGTERM)");
    }

    @Test
    void withoutWordsAtTheEndTheRoomIsTheUsualOne() throws Exception {
        // chef-soup's threads return: nothing is written after their marks
        assertThat(EndRoom.of(run("chef-soup"), PictureMetrics.PROJECTOR)).isEqualTo(TimeScale.END_ROOM_PX);
        assertThat(EndRoom.of(null, PictureMetrics.PROJECTOR)).isEqualTo(TimeScale.END_ROOM_PX);
    }
}
