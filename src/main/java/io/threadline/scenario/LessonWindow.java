package io.threadline.scenario;

/**
 * The stretch of a run a scenario's lesson is about (µs of scenario time): the window plays it
 * slowly enough to watch and the timeline is fitted to it.
 */
public record LessonWindow(long from, long to) {
    public LessonWindow {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("a lesson window needs 0 <= from < to, not " + from + ".." + to);
        }
    }

    public long length() {
        return to - from;
    }
}
