package io.threadline.ui.control;

import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;

/**
 * Tooltips made when the pointer first comes over their control. A {@link Tooltip} is a popup
 * window with a scene of its own; the window's forty-odd cost a sixteenth of the start-up, for
 * tips most of which are never shown in a session. The text is the control's accessible help at
 * once, and the tooltip, once made, follows every later change.
 */
public final class Tips {
    /** The show delay of the toolbar's tips: sooner than JavaFX's second, for a class that is watching. */
    public static final Duration QUICK = Duration.millis(400);
    private static final Object KEY = new Object();

    private Tips() {
    }

    /** {@code c}'s tip says {@code text} after the quick delay, as the toolbar's and the timeline header's do. */
    public static void quick(Control c, String text) {
        set(c, text, QUICK);
    }

    /** {@code c}'s tip says {@code text} after JavaFX's usual delay; null takes the tip away. */
    public static void set(Control c, String text) {
        set(c, text, null);
    }

    /** {@code c}'s tip says {@code text} once the pointer rests {@code delay} (null: JavaFX's own). */
    public static void set(Control c, String text, Duration delay) {
        set(c, text, delay, 0);
    }

    /** As {@link #set(Control, String, Duration)}, its lines wrapped at {@code wrapWidth} (0: one line). */
    public static void set(Control c, String text, Duration delay, double wrapWidth) {
        c.setAccessibleHelp(text);
        Pending p = (Pending) c.getProperties().get(KEY);
        if (text == null) {
            if (p != null) {
                c.removeEventFilter(MouseEvent.MOUSE_ENTERED, p);
                c.getProperties().remove(KEY);
            }
            c.setTooltip(null);
            return;
        }
        Tooltip made = c.getTooltip();
        if (made != null) {
            made.setText(text);
            shape(made, delay, wrapWidth);
            return;
        }
        if (p == null) {
            p = new Pending(c);
            c.getProperties().put(KEY, p);
            c.addEventFilter(MouseEvent.MOUSE_ENTERED, p);
        }
        p.text = text;
        p.delay = delay;
        p.wrapWidth = wrapWidth;
        if (c.isHover()) {
            // the pointer is already over it (a status message arriving as it is read): no entry to wait for
            p.make();
        }
    }

    private static void shape(Tooltip t, Duration delay, double wrapWidth) {
        if (delay != null) {
            t.setShowDelay(delay);
        }
        if (wrapWidth > 0) {
            t.setWrapText(true);
            t.setMaxWidth(wrapWidth);
        }
    }

    /** {@code c} has a tip, made or still waiting for the pointer. */
    public static boolean has(Control c) {
        return c.getTooltip() != null || c.getProperties().containsKey(KEY);
    }

    /** The text of {@code c}'s tip, made or not; null without one. */
    public static String text(Control c) {
        if (c.getTooltip() != null) {
            return c.getTooltip().getText();
        }
        Pending p = (Pending) c.getProperties().get(KEY);
        return p == null ? null : p.text;
    }

    /** Makes the tooltip as the pointer enters: its own handlers then see the moves that show it. */
    private static final class Pending implements EventHandler<MouseEvent> {
        private final Control owner;
        private String text;
        private Duration delay;
        private double wrapWidth;

        Pending(Control owner) {
            this.owner = owner;
        }

        @Override
        public void handle(MouseEvent e) {
            make();
        }

        void make() {
            owner.removeEventFilter(MouseEvent.MOUSE_ENTERED, this);
            owner.getProperties().remove(KEY);
            Tooltip t = new Tooltip(text);
            shape(t, delay, wrapWidth);
            owner.setTooltip(t);
        }
    }
}
