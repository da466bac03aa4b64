package io.threadline.ui.timeline;

import io.threadline.trace.ThreadState;

/**
 * What the timeline draws at one point of a thread lane, for tests and tools that compare the
 * view with the trace.
 *
 * @param thread     the lane's thread id
 * @param state      the state drawn (for a merged column, the one that takes most of its time)
 * @param mixed      several spans fall into this pixel column and were merged
 * @param instantRun the column also shows a tick: the thread ran for zero scenario time there
 * @param event      index of the event whose span is drawn
 */
public record DrawnState(int thread, ThreadState state, boolean mixed, boolean instantRun, int event) {
}
