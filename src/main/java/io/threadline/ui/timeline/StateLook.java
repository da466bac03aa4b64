package io.threadline.ui.timeline;

import io.threadline.trace.ThreadState;

import java.util.EnumMap;

/**
 * How a thread state is drawn: the one table from state to look. Every state differs in shape
 * as well as colour, so a greyscale projector or a colour-blind student still tells them apart.
 *
 * @param shape  the drawing
 * @param height share of the lane's bar height the shape takes
 * @param stroke outline or main colour
 * @param fill   fill colour (for outlined and hatched shapes)
 * @param text   colour of a label written on the shape
 */
record StateLook(Shape shape, double height, PaletteKey stroke, PaletteKey fill, PaletteKey text) {

    enum Shape {
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

    private static final EnumMap<ThreadState, StateLook> TABLE = new EnumMap<>(ThreadState.class);

    static {
        TABLE.put(ThreadState.NEW, new StateLook(Shape.DOTTED, 0.5, PaletteKey.NEW, PaletteKey.BACKGROUND,
                PaletteKey.NEW_TEXT));
        TABLE.put(ThreadState.RUNNABLE, new StateLook(Shape.HATCHED, 1.0, PaletteKey.RUNNABLE,
                PaletteKey.RUNNABLE_FILL, PaletteKey.RUNNABLE_TEXT));
        TABLE.put(ThreadState.RUNNING, new StateLook(Shape.SOLID, 1.0, PaletteKey.RUNNING, PaletteKey.RUNNING,
                PaletteKey.RUNNING_TEXT));
        TABLE.put(ThreadState.WAITING, new StateLook(Shape.OUTLINED, 0.64, PaletteKey.WAITING,
                PaletteKey.WAITING_FILL, PaletteKey.WAITING_TEXT));
        TABLE.put(ThreadState.DEAD, new StateLook(Shape.END_CAP, 0, PaletteKey.RETURNED, PaletteKey.BACKGROUND,
                PaletteKey.TEXT));
    }

    static StateLook of(ThreadState state) {
        return TABLE.get(state);
    }
}
