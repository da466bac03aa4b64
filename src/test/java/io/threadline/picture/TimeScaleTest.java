package io.threadline.picture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeScaleTest {
    // 0..1 s over 1000 px: 1000 µs per pixel, so every number below is exact
    private final TimeScale scale = new TimeScale(0, 1_000_000, 1000);

    @Test
    void mapsTimeToPixelsAndBack() {
        assertThat(scale.x(0)).isEqualTo(0.0);
        assertThat(scale.x(250_000)).isEqualTo(250.0);
        assertThat(scale.x(1_000_000)).isEqualTo(1000.0);
        assertThat(scale.x(-10_000)).isEqualTo(-10.0);
        assertThat(scale.time(0)).isEqualTo(0.0);
        assertThat(scale.time(250)).isEqualTo(250_000.0);
        assertThat(scale.time(1000)).isEqualTo(1_000_000.0);
        assertThat(scale.microsPerPixel()).isEqualTo(1000.0);
        assertThat(scale.pixels(2_500)).isEqualTo(2.5);
    }

    @Test
    void offsetWindowMapsRelativeToItsStart() {
        TimeScale s = new TimeScale(2_000_000, 4_000_000, 500);
        assertThat(s.x(3_000_000)).isEqualTo(250.0);
        assertThat(s.time(100)).isEqualTo(2_400_000.0);
        assertThat(s.duration()).isEqualTo(2_000_000.0);
    }

    @Test
    void zoomInKeepsThePivotTimeUnderThePivotPixel() {
        TimeScale z = scale.zoom(2, 250);
        assertThat(z.start()).isEqualTo(125_000.0);
        assertThat(z.end()).isEqualTo(625_000.0);
        assertThat(z.time(250)).isEqualTo(250_000.0);
        assertThat(z.microsPerPixel()).isEqualTo(500.0);
        assertThat(z.width()).isEqualTo(1000.0);
    }

    @Test
    void zoomOutKeepsThePivotToo() {
        TimeScale z = scale.zoom(0.5, 500);
        assertThat(z.start()).isEqualTo(-500_000.0);
        assertThat(z.end()).isEqualTo(1_500_000.0);
        assertThat(z.time(500)).isEqualTo(500_000.0);
    }

    @Test
    void zoomInThenOutReturnsToTheSameWindow() {
        TimeScale back = scale.zoom(4, 800).zoom(0.25, 800);
        assertThat(back).isEqualTo(scale);
    }

    @Test
    void panMovesTheContentWithThePointer() {
        TimeScale right = scale.pan(100);   // drag content 100 px right: earlier times come into view
        assertThat(right.start()).isEqualTo(-100_000.0);
        assertThat(right.end()).isEqualTo(900_000.0);
        TimeScale left = scale.pan(-250);
        assertThat(left.start()).isEqualTo(250_000.0);
        assertThat(left.x(250_000)).isEqualTo(0.0);
    }

    @Test
    void resizingKeepsTheWindowAndChangesTheResolution() {
        TimeScale wide = scale.withWidth(2000);
        assertThat(wide.start()).isEqualTo(0.0);
        assertThat(wide.end()).isEqualTo(1_000_000.0);
        assertThat(wide.x(500_000)).isEqualTo(1000.0);
    }

    @Test
    void clampDurationLimitsZoomAroundThePivot() {
        TimeScale tiny = scale.withWindow(500_000, 500_010);
        TimeScale c = tiny.clampDuration(100, 1e9, 500);
        assertThat(c.duration()).isEqualTo(100.0);
        assertThat(c.time(500)).isEqualTo(500_005.0);
        assertThat(scale.clampDuration(100, 1e9, 0)).isSameAs(scale);
    }

    @Test
    void rejectsEmptyWindows() {
        assertThatThrownBy(() -> new TimeScale(5, 5, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> scale.zoom(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
