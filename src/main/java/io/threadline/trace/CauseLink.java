package io.threadline.trace;

/**
 * An arrow on the timeline: at {@code time}, thread {@code from} made thread {@code to} change
 * state (woke it, started it, ended its join ...).
 *
 * @param event index, in the lane of {@code to}, of the transition that was caused
 */
public record CauseLink(long time, int from, int to, int event, CauseKind kind) {
}
