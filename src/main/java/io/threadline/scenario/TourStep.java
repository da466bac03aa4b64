package io.threadline.scenario;

/**
 * One annotated moment of a guided tour, found from the trace (never a hard-coded time), so
 * it follows the parameters.
 *
 * @param time   scenario time in microseconds
 * @param thread the thread the note is about, or -1
 * @param title  a few words, e.g. "Barron joins Olivia"
 * @param note   one or two sentences saying what happens and why
 */
public record TourStep(long time, int thread, String title, String note) {
}
