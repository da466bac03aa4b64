package io.threadline.ui.timeline;

/**
 * Where a thread's lane is, in the view's own coordinates (after vertical scrolling).
 *
 * @param thread  thread id in the trace
 * @param process the thread's process id
 * @param y       top of the lane
 * @param height  the lane's height
 */
public record LaneLayout(int thread, int process, double y, double height) {
    /** The vertical middle of the lane. */
    public double centerY() {
        return y + height / 2;
    }
}
