package io.threadline.picture;

/**
 * How far into the transitions the window looks: the first {@code shown} steps of
 * {@code order} have happened. Stepping moves through the transitions of one instant one at a
 * time, so the moment looked at is more than its time: what each thread did last, the line it
 * is at and the prints so far follow the cursor.
 */
public record StepCursor(TransitionOrder order, int shown) {

    /** Thread {@code t}'s latest event the cursor has passed, or -1. */
    public int lastEvent(int t) {
        return shown >= order.count() ? Integer.MAX_VALUE : order.lastEventShown(t, shown);
    }

    /** Output lines printed by then. */
    public int outputShown() {
        return order.outputShown(shown);
    }
}
