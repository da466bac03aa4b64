package io.threadline.picture;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Scenario times as people read them: seconds on the ruler, the unit that fits for durations. */
public final class TimeText {
    private TimeText() {
    }

    /** A point in time in seconds, trailing zeros dropped: 500000 → "0.5 s", 12345 → "0.012345 s". */
    public static String seconds(long micros) {
        return plain(BigDecimal.valueOf(micros, 6)) + " s";
    }

    /**
     * Two points in time for one caption ("first 0.758 s · last 0.803 s"), to the millisecond, so
     * that neither reads more precise than the other ("0.80312 s" beside "0.758 s"); exact where
     * the millisecond would make two different times one.
     */
    public static String[] secondsPair(long a, long b) {
        String ra = plain(BigDecimal.valueOf(a, 6).setScale(3, RoundingMode.HALF_UP)) + " s";
        String rb = plain(BigDecimal.valueOf(b, 6).setScale(3, RoundingMode.HALF_UP)) + " s";
        if (ra.equals(rb) && a != b) {
            return new String[] {seconds(a), seconds(b)};
        }
        return new String[] {ra, rb};
    }

    /**
     * A duration in the unit that reads best: seconds from 100 ms on ("2.5 s", "0.5 s"), else
     * milliseconds ("12.5 ms"), else microseconds ("40 µs").
     */
    public static String duration(long micros) {
        long abs = Math.abs(micros);
        if (abs >= 100_000) {
            return plain(BigDecimal.valueOf(micros, 6).setScale(3, RoundingMode.HALF_UP)) + " s";
        }
        if (abs >= 1_000) {
            return plain(BigDecimal.valueOf(micros, 3)) + " ms";
        }
        return micros + " µs";
    }

    /** A ruler label for time t on a ruler whose ticks are {@code step} apart: as many decimals as the step needs. */
    public static String tick(long t, long step) {
        int decimals = 0;
        for (long s = 1_000_000; s > step && decimals < 6; s /= 10) {
            decimals++;
        }
        if (t == 0) {
            return "0 s";
        }
        return BigDecimal.valueOf(t, 6).setScale(decimals, RoundingMode.HALF_UP).toPlainString() + " s";
    }

    /**
     * The playhead's time, with the decimals the zoom level can tell apart (at least
     * milliseconds), less the zeros that end them: "1.200 s" at a finer zoom too, not "1.2000 s"
     * (one run's badge read "1.200 s" at 1280 px and "1.2000 s" at 1920; a review of the projector's pictures).
     */
    public static String playhead(long micros, double microsPerPixel) {
        int scale = 3;
        for (double g = 1000; g > microsPerPixel && scale < 6; g /= 10) {
            scale++;
        }
        BigDecimal v = BigDecimal.valueOf(micros, 6).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
        return (v.scale() < 3 ? v.setScale(3) : v).toPlainString() + " s";
    }

    private static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
    }
}
