package io.threadline.ui.timeline;

import io.threadline.picture.StateStyle;
import io.threadline.trace.ThreadState;

import java.util.EnumMap;

/**
 * How a thread state is drawn, in the view's own types; the table itself is
 * {@link StateStyle}, shared with exported pictures. Every state differs in shape
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
        // one table for the window and exported pictures: io.threadline.picture.StateStyle
        for (ThreadState s : ThreadState.values()) {
            StateStyle st = StateStyle.of(s);
            TABLE.put(s, new StateLook(Shape.valueOf(st.shape().name()), st.height(),
                    PaletteKey.valueOf(st.stroke().name()), PaletteKey.valueOf(st.fill().name()),
                    PaletteKey.valueOf(st.text().name())));
        }
    }

    static StateLook of(ThreadState state) {
        return TABLE.get(state);
    }
}
