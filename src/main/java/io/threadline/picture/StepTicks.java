package io.threadline.picture;

import java.util.Arrays;

/**
 * The ruler's ticks on the steps axis: where time moves on (the first step of each instant),
 * those far enough apart to carry their seconds, and a minor tick at every other step boundary
 * wide enough to see.
 *
 * @param labelled x of the instants written on the ruler (body coordinates)
 * @param times    their times, µs
 * @param minor    x of the other step boundaries shown
 */
public record StepTicks(double[] labelled, long[] times, double[] minor) {
    /** Steps narrower than this get no tick of their own. */
    private static final double MIN_STEP_PX = 4;

    public static StepTicks of(TimeScale s, double spacing) {
        TransitionOrder order = s.steps();
        int from = Math.max(0, (int) Math.floor(s.start()));
        int to = Math.min(order.count() - 1, (int) Math.ceil(s.end()));
        double stepPx = s.xOfPosition(1) - s.xOfPosition(0);
        double[] xs = new double[Math.max(0, to - from + 1)];
        long[] ts = new long[xs.length];
        double[] minor = new double[xs.length];
        int n = 0;
        int m = 0;
        double last = Double.NEGATIVE_INFINITY;
        for (int j = from; j <= to; j++) {
            double x = s.xOfPosition(j);
            boolean instant = j == 0 || order.time(j) != order.time(j - 1);
            if (instant && x - last >= spacing) {
                xs[n] = x;
                ts[n++] = order.time(j);
                last = x;
            } else if (stepPx >= MIN_STEP_PX) {
                minor[m++] = x;
            }
        }
        return new StepTicks(Arrays.copyOf(xs, n), Arrays.copyOf(ts, n), Arrays.copyOf(minor, m));
    }
}
