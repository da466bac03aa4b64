package io.threadline.picture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeTextTest {
    @Test
    void pointsInTimeAreSecondsWithoutTrailingZeros() {
        assertThat(TimeText.seconds(0)).isEqualTo("0 s");
        assertThat(TimeText.seconds(500_000)).isEqualTo("0.5 s");
        assertThat(TimeText.seconds(3_000_000)).isEqualTo("3 s");
        assertThat(TimeText.seconds(12_345)).isEqualTo("0.012345 s");
    }

    @Test
    void durationsUseTheUnitThatReadsBest() {
        assertThat(TimeText.duration(2_500_000)).isEqualTo("2.5 s");
        assertThat(TimeText.duration(500_000)).isEqualTo("0.5 s");
        assertThat(TimeText.duration(100_000)).isEqualTo("0.1 s");
        assertThat(TimeText.duration(12_500)).isEqualTo("12.5 ms");
        assertThat(TimeText.duration(5_000)).isEqualTo("5 ms");
        assertThat(TimeText.duration(40)).isEqualTo("40 µs");
        assertThat(TimeText.duration(0)).isEqualTo("0 µs");
    }

    @Test
    void playheadShowsAsManyDecimalsAsTheZoomResolves() {
        assertThat(TimeText.playhead(1_250_000, 2_500)).isEqualTo("1.250 s");
        assertThat(TimeText.playhead(1_250_400, 50)).isEqualTo("1.2504 s");
        assertThat(TimeText.playhead(1_250_450, 5)).isEqualTo("1.25045 s");
        // zeros the zoom could tell apart are not written: the same instant reads alike at any width
        assertThat(TimeText.playhead(1_200_000, 50)).isEqualTo("1.200 s");
        assertThat(TimeText.playhead(1_200_000, 2_500)).isEqualTo("1.200 s");
        assertThat(TimeText.playhead(0, 0.5)).isEqualTo("0.000 s");
        assertThat(TimeText.playhead(7, 0.5)).isEqualTo("0.000007 s");
    }

    /** A caption's two times read alike: to the millisecond (threads-vs-processes said "0.758 s" and "0.80312 s"). */
    @Test
    void aPairOfTimesIsWrittenToTheMillisecondUnlessThatMakesTwoTimesOne() {
        assertThat(TimeText.secondsPair(758_000, 803_120)).containsExactly("0.758 s", "0.803 s");
        assertThat(TimeText.secondsPair(912_213, 1_035_876)).containsExactly("0.912 s", "1.036 s");
        assertThat(TimeText.secondsPair(2_000_000, 4_000_000)).containsExactly("2 s", "4 s");
        assertThat(TimeText.secondsPair(2_000_000, 2_000_000)).containsExactly("2 s", "2 s");
        assertThat(TimeText.secondsPair(1_000, 1_400)).containsExactly("0.001 s", "0.0014 s");
    }
}
