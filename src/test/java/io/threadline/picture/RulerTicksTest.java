package io.threadline.picture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RulerTicksTest {
    @Test
    void stepsAreOneTwoFiveAtTheSmallestThatKeepsLabelsApart() {
        // 1000 µs per px, labels at least 100 px apart: 100 ms → 0.1 s step
        assertThat(RulerTicks.step(1000, 100)).isEqualTo(100_000);
        assertThat(RulerTicks.step(1001, 100)).isEqualTo(200_000);
        assertThat(RulerTicks.step(2500, 100)).isEqualTo(500_000);
        assertThat(RulerTicks.step(5001, 100)).isEqualTo(1_000_000);
        assertThat(RulerTicks.step(20_000, 100)).isEqualTo(2_000_000);
        assertThat(RulerTicks.step(40_000, 100)).isEqualTo(5_000_000);
        assertThat(RulerTicks.step(90_000, 100)).isEqualTo(10_000_000);
        assertThat(RulerTicks.step(10, 100)).isEqualTo(1_000);
        assertThat(RulerTicks.step(0.001, 100)).isEqualTo(1);
    }

    @Test
    void minorTicksDivideTheStepEvenly() {
        assertThat(RulerTicks.minorDivisions(1_000_000)).isEqualTo(5);
        assertThat(RulerTicks.minorDivisions(2_000_000)).isEqualTo(4);
        assertThat(RulerTicks.minorDivisions(500_000)).isEqualTo(5);
        assertThat(RulerTicks.minorDivisions(20)).isEqualTo(4);
    }

    @Test
    void firstTickIsTheFirstMultipleAtOrAfterTheStart() {
        assertThat(RulerTicks.firstTick(-120_000, 500_000)).isEqualTo(0);
        assertThat(RulerTicks.firstTick(1, 500_000)).isEqualTo(500_000);
        assertThat(RulerTicks.firstTick(1_000_000, 500_000)).isEqualTo(1_000_000);
    }

    @Test
    void labelsAreSecondsWithTheDecimalsTheStepNeeds() {
        assertThat(TimeText.tick(0, 500_000)).isEqualTo("0 s");
        assertThat(TimeText.tick(1_000_000, 500_000)).isEqualTo("1.0 s");
        assertThat(TimeText.tick(1_500_000, 500_000)).isEqualTo("1.5 s");
        assertThat(TimeText.tick(10_000_000, 5_000_000)).isEqualTo("10 s");
        assertThat(TimeText.tick(1_001_000, 1_000)).isEqualTo("1.001 s");
        assertThat(TimeText.tick(250_000, 50_000)).isEqualTo("0.25 s");
    }
}
