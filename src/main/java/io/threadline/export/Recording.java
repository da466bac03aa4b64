package io.threadline.export;

import java.util.Locale;

/**
 * How a run's playback is recorded: at what speed it plays (scenario seconds per second), at how
 * many frames per second, how long the last frame stays (GIF), and the scale of the frames.
 */
public record Recording(double speed, double fps, double holdSeconds, double scale) {
    /** Most frames a recording may have; a longer run needs a higher speed or a lower frame rate. */
    public static final int MAX_FRAMES = 3000;

    public Recording {
        if (!(speed > 0 && speed <= 1000)) {
            throw new IllegalArgumentException("playback speed must be above 0 and at most 1000, got " + num(speed));
        }
        if (!(fps >= 1 && fps <= 50)) {
            // GIF delays are hundredths of a second, and viewers slow down anything under 2
            throw new IllegalArgumentException("frame rate must be 1 to 50 frames per second, got " + num(fps));
        }
        if (!(holdSeconds >= 0 && holdSeconds <= 60)) {
            throw new IllegalArgumentException("the last frame can be held 0 to 60 s, got " + num(holdSeconds));
        }
        PictureExport.checkScale(scale);
    }

    /** Real time, 10 frames per second, the end held 2 s, 1x. */
    public static Recording defaults() {
        return new Recording(1, 10, 2, 1);
    }

    /** Scenario microseconds between two frames. */
    public double step() {
        return speed * 1_000_000 / fps;
    }

    /** Frames needed for a run of {@code end} microseconds: one at 0, one per step, one at the end. */
    public long frames(long end) {
        if (end <= 0) {
            return 1;
        }
        return (long) Math.ceil(end / step() - 1e-9) + 1;
    }

    /** The scenario time of frame {@code i}. */
    public long timeOf(int i, long end) {
        return Math.min(end, Math.round(i * step()));
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }
}
