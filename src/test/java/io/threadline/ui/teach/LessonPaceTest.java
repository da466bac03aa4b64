package io.threadline.ui.teach;

import io.threadline.scenario.LessonWindow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lesson's window lasts a few seconds on screen; the rest of the run goes at the user's speed. */
class LessonPaceTest {
    private static final List<Double> SPEEDS = List.of(0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0);

    @Test
    void theWindowLastsAtLeastFourSecondsAtTheFastestSpeedThatDoes() {
        // race-condition: the whole run, 0.101 s, lasts 5 s at 0.02x (2 s at 0.05x would be too quick)
        assertThat(LessonPace.of(new LessonWindow(0, 101_000), SPEEDS, 1).slow()).isEqualTo(0.02);
        // gil-cpu-vs-io's threaded CPU phase, 0.402 s: 4.02 s at 0.1x
        assertThat(LessonPace.of(new LessonWindow(400_000, 802_000), SPEEDS, 1).slow()).isEqualTo(0.1);
        // a window too short for every speed gets the slowest
        assertThat(LessonPace.of(new LessonWindow(0, 10), SPEEDS, 1).slow()).isEqualTo(0.01);
        // never faster than what the user chose
        assertThat(LessonPace.of(new LessonWindow(0, 60_000_000), SPEEDS, 0.5).slow()).isEqualTo(0.5);
    }

    @Test
    void slowInsideTheWindowAndAlittleBeforeItTheUsersSpeedElsewhere() {
        LessonPace p = LessonPace.of(new LessonWindow(400_000, 802_000), SPEEDS, 2);
        assertThat(p.speedAt(0)).isEqualTo(2);
        assertThat(p.speedAt(390_000)).as("slowed just before, so no frame skips into it").isEqualTo(0.1);
        assertThat(p.speedAt(600_000)).isEqualTo(0.1);
        assertThat(p.speedAt(802_000)).isEqualTo(2);
        assertThat(p.normal()).isEqualTo(2);
    }

    @Test
    void aWindowMustHaveLength() {
        assertThatThrownBy(() -> new LessonWindow(5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LessonWindow(-1, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
