package io.threadline.picture;

import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;

import java.util.EnumMap;

/**
 * How a thread state is drawn: the one table from state to look, shared by the window's lanes
 * and legend and by exported pictures. Every state differs in shape as well as colour, so a
 * greyscale projector or a colour-blind student still tells them apart.
 *
 * @param shape  the drawing
 * @param height share of the lane's bar height the shape takes
 * @param stroke outline or main colour
 * @param fill   fill colour (for outlined and hatched shapes)
 * @param text   colour of a label written on the shape
 */
public record StateStyle(Shape shape, double height, Ink stroke, Ink fill, Ink text) {

    public enum Shape {
        /** Solid full-height bar: the thread holds a core. */
        SOLID,
        /** Diagonal stripes: ready, but no core (or GIL) free. */
        HATCHED,
        /** A lower, pale, outlined bar with the reason written on it: blocked. */
        OUTLINED,
        /** A thin dotted outline: exists but not started. */
        DOTTED,
        /** Nothing after a mark that tells how the thread ended. */
        END_CAP
    }

    private static final EnumMap<ThreadState, StateStyle> TABLE = new EnumMap<>(ThreadState.class);

    static {
        TABLE.put(ThreadState.NEW, new StateStyle(Shape.DOTTED, 0.5, Ink.NEW, Ink.BACKGROUND, Ink.NEW_TEXT));
        TABLE.put(ThreadState.RUNNABLE, new StateStyle(Shape.HATCHED, 1.0, Ink.RUNNABLE, Ink.RUNNABLE_FILL,
                Ink.RUNNABLE_TEXT));
        TABLE.put(ThreadState.RUNNING, new StateStyle(Shape.SOLID, 1.0, Ink.RUNNING, Ink.RUNNING, Ink.RUNNING_TEXT));
        TABLE.put(ThreadState.WAITING, new StateStyle(Shape.OUTLINED, 0.64, Ink.WAITING, Ink.WAITING_FILL,
                Ink.WAITING_TEXT));
        TABLE.put(ThreadState.DEAD, new StateStyle(Shape.END_CAP, 0, Ink.RETURNED, Ink.BACKGROUND, Ink.TEXT));
    }

    public static StateStyle of(ThreadState state) {
        return TABLE.get(state);
    }

    /**
     * Whether a wait is on another thread (a lock, a queue, a join, a condition, a semaphore, an
     * event ...): the waits a lesson is about. These get a heavy outline, a thread waiting on
     * the clock (sleep, io, an event loop's select) the plain one, so the two read apart at a
     * glance, without colour.
     */
    public static boolean waitsOnAnother(Reason r) {
        return r.state() == ThreadState.WAITING && switch (r) {
            case SLEEP, IO, SELECT, AWAIT_SLEEP, START_HANDSHAKE -> false;
            default -> true;
        };
    }
}
