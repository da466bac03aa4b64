package io.threadline.scenario;

import io.threadline.trace.ThreadState;

/**
 * One annotated moment of a guided tour, found from the trace (never a hard-coded time), so
 * it follows the parameters.
 *
 * @param time   scenario time in microseconds
 * @param thread the thread the note is about, or -1
 * @param title  a few words, e.g. "Barron joins Olivia"
 * @param note   one or two sentences saying what happens and why
 * @param state  the state of {@code thread} the note speaks of, when the thread passes through
 *               several at that instant (Olivia is new, runnable, running and waiting at 0 s):
 *               the tour then stops just after that transition; null for the instant's end
 */
public record TourStep(long time, int thread, String title, String note, ThreadState state) {

    /** A step about the instant as it ends. */
    public TourStep(long time, int thread, String title, String note) {
        this(time, thread, title, note, null);
    }
}
