package io.threadline.ui;

import atlantafx.base.controls.ToggleSwitch;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import org.fxmisc.richtext.GenericStyledArea;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Every keyboard shortcut of the window, each declared once with its keys, and what runs them.
 * The toolbar's buttons and the File menu's items run their command through here as well, so a
 * key, a click and a menu item all do the same thing, once.
 *
 * <p>Keys with Ctrl (⌘ on a Mac) go into the scene's accelerator map: they work wherever the
 * focus is, and as the File menu's items show the same keys, JavaFX files those under the very
 * same entries: one key, one entry, one action. Plain keys are timeline keys: they step aside
 * while a text field, a switch or the code being edited has the focus, so typing "4" or a space
 * into a field stays typing.
 */
final class KeyMap {
    /** Where a shortcut works. */
    enum Reach {
        /** Not while typing: the key goes to the text field or switch that has the focus. */
        VIEW,
        /** Everywhere in the window, also while typing. */
        WINDOW
    }

    /** The window's shortcuts; the keys card and the tooltips read their keys from here. */
    enum Shortcut {
        RUN("R", Reach.VIEW, plain(KeyCode.R)),
        STOP("S", Reach.VIEW, plain(KeyCode.S)),
        PLAY("Space", Reach.VIEW, plain(KeyCode.SPACE)),
        STEP_BACK("\u2190", Reach.VIEW, plain(KeyCode.LEFT)),
        STEP_FORWARD("\u2192", Reach.VIEW, plain(KeyCode.RIGHT)),
        REPLAY("Home", Reach.VIEW, plain(KeyCode.HOME)),
        TO_END("End", Reach.VIEW, plain(KeyCode.END)),
        SLOWER("[", Reach.VIEW, plain(KeyCode.OPEN_BRACKET)),
        FASTER("]", Reach.VIEW, plain(KeyCode.CLOSE_BRACKET)),
        ZOOM_IN("+", Reach.VIEW, plain(KeyCode.PLUS), plain(KeyCode.ADD), plain(KeyCode.EQUALS)),
        ZOOM_OUT("\u2212", Reach.VIEW, plain(KeyCode.MINUS), plain(KeyCode.SUBTRACT)),
        FIT("F", Reach.VIEW, plain(KeyCode.F)),
        /** The horizontal axis counts transitions, or seconds. */
        STEPS_AXIS("D", Reach.VIEW, plain(KeyCode.D)),
        THEME("T", Reach.VIEW, plain(KeyCode.T)),
        TOUR_NEXT("PgDn", Reach.VIEW, plain(KeyCode.PAGE_DOWN)),
        TOUR_BACK("PgUp", Reach.VIEW, plain(KeyCode.PAGE_UP)),
        ARROWS("A", Reach.VIEW, plain(KeyCode.A)),
        COMPARE("C", Reach.VIEW, plain(KeyCode.C)),
        /** Runs the scenario with the student as the scheduler (or lets the scheduler go on). */
        STEP_MODE("P", Reach.VIEW, plain(KeyCode.P)),
        PICK_1("1", Reach.VIEW, plain(KeyCode.DIGIT1), plain(KeyCode.NUMPAD1)),
        PICK_2("2", Reach.VIEW, plain(KeyCode.DIGIT2), plain(KeyCode.NUMPAD2)),
        PICK_3("3", Reach.VIEW, plain(KeyCode.DIGIT3), plain(KeyCode.NUMPAD3)),
        PICK_4("4", Reach.VIEW, plain(KeyCode.DIGIT4), plain(KeyCode.NUMPAD4)),
        PICK_5("5", Reach.VIEW, plain(KeyCode.DIGIT5), plain(KeyCode.NUMPAD5)),
        PICK_6("6", Reach.VIEW, plain(KeyCode.DIGIT6), plain(KeyCode.NUMPAD6)),
        PICK_7("7", Reach.VIEW, plain(KeyCode.DIGIT7), plain(KeyCode.NUMPAD7)),
        PICK_8("8", Reach.VIEW, plain(KeyCode.DIGIT8), plain(KeyCode.NUMPAD8)),
        PICK_9("9", Reach.VIEW, plain(KeyCode.DIGIT9), plain(KeyCode.NUMPAD9)),
        /** At a choice: the scheduler's own pick, and on to the next choice. */
        NEXT_CHOICE("N", Reach.VIEW, plain(KeyCode.N)),
        /** At a choice: the scheduler chooses from here to the end. */
        LET_GO("G", Reach.VIEW, plain(KeyCode.G)),
        /** Back one choice: the run again without the last pick. */
        CHOICE_BACK("Backspace", Reach.VIEW, plain(KeyCode.BACK_SPACE)),
        /** What if another thread had run at the choice before the playhead? */
        FORK("W", Reach.VIEW, plain(KeyCode.W)),
        /** Searches the interleavings for the scenario's bug. */
        FIND_IT("X", Reach.VIEW, plain(KeyCode.X)),
        /** Makes the Python tab's program the user's to edit and run. */
        EDIT("E", Reach.VIEW, plain(KeyCode.E)),
        PRESENTATION("F11", Reach.WINDOW, plain(KeyCode.F11)),
        /** In presentation mode: opens or closes the prediction and tour bar. */
        SHOW_TOUR("Q", Reach.VIEW, plain(KeyCode.Q)),
        /** In presentation mode: opens or closes the program's output. */
        SHOW_OUTPUT("O", Reach.VIEW, plain(KeyCode.O)),
        /** In presentation mode: opens or closes the code. */
        SHOW_CODE("K", Reach.VIEW, plain(KeyCode.K)),
        /** In presentation mode: opens or closes the side panel (the scenario, its parameters, the thread). */
        SHOW_PANEL("I", Reach.VIEW, plain(KeyCode.I)),
        /** Closes the comparison, else leaves presentation mode, else lets Escape through. */
        BACK_OUT("Esc", Reach.WINDOW, plain(KeyCode.ESCAPE)),
        /** Finds in the code when the code editor has the focus, else searches the scenarios. */
        SEARCH(null, Reach.WINDOW, shortcut(KeyCode.F)),
        NEW_PROGRAM(null, Reach.WINDOW, shortcut(KeyCode.N)),
        OPEN_PROGRAM(null, Reach.WINDOW, shortcut(KeyCode.O, KeyCombination.SHIFT_DOWN)),
        SAVE_PROGRAM(null, Reach.WINDOW, shortcut(KeyCode.S, KeyCombination.SHIFT_DOWN)),
        OPEN(null, Reach.WINDOW, shortcut(KeyCode.O)),
        SAVE(null, Reach.WINDOW, shortcut(KeyCode.S)),
        EXPORT(null, Reach.WINDOW, shortcut(KeyCode.E)),
        RECORD(null, Reach.WINDOW, shortcut(KeyCode.E, KeyCombination.SHIFT_DOWN)),
        COPY_COMMAND(null, Reach.WINDOW, shortcut(KeyCode.C, KeyCombination.SHIFT_DOWN));

        private final String keys;
        private final Reach reach;
        private final List<KeyCombination> combinations;

        Shortcut(String keys, Reach reach, KeyCombination... combinations) {
            this.keys = keys;
            this.reach = reach;
            this.combinations = List.of(combinations);
        }

        /** The key as the window writes it: "R", "Space", "Ctrl+S" (⌘S on a Mac). */
        String keys() {
            return keys != null ? keys : combinations.get(0).getDisplayText();
        }

        /** The first of its keys, the one a menu shows. */
        KeyCombination combination() {
            return combinations.get(0);
        }

        boolean matches(KeyEvent e) {
            for (KeyCombination k : combinations) {
                if (k.match(e)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the key goes through the accelerator map (it has Ctrl/⌘) rather than the key filter. */
        boolean accelerator() {
            return combination().getShortcut() == KeyCombination.ModifierValue.DOWN;
        }
    }

    /** The pick keys, candidate 1 first. */
    static final List<Shortcut> PICKS = List.of(Shortcut.PICK_1, Shortcut.PICK_2, Shortcut.PICK_3, Shortcut.PICK_4,
            Shortcut.PICK_5, Shortcut.PICK_6, Shortcut.PICK_7, Shortcut.PICK_8, Shortcut.PICK_9);

    /** A row of the keys card: shortcuts that share a line (their keys apart by {@code gap}), and what they do. */
    private record CardRow(String what, String gap, Shortcut... shortcuts) {
    }

    /** The shortcuts a first-time user needs, in the sidebar where the eye is anyway. */
    private static final List<CardRow> CARD = List.of(
            new CardRow("run", " ", Shortcut.RUN),
            new CardRow("play / pause", " ", Shortcut.PLAY),
            new CardRow("step", " ", Shortcut.STEP_BACK, Shortcut.STEP_FORWARD),
            new CardRow("zoom, fit", " ", Shortcut.ZOOM_IN, Shortcut.ZOOM_OUT, Shortcut.FIT),
            new CardRow("steps axis", " ", Shortcut.STEPS_AXIS),
            new CardRow("tour", " ", Shortcut.TOUR_NEXT, Shortcut.TOUR_BACK),
            // two keys of two commands: set apart more than the keys of one
            new CardRow("arrows, compare", "  ", Shortcut.ARROWS, Shortcut.COMPARE),
            new CardRow("you schedule, find it", "  ", Shortcut.STEP_MODE, Shortcut.FIND_IT),
            new CardRow("presentation", " ", Shortcut.PRESENTATION));

    private final Map<Shortcut, BooleanSupplier> actions = new EnumMap<>(Shortcut.class);
    private Consumer<Shortcut> onRun = s -> { };

    private static KeyCombination plain(KeyCode code) {
        // Shift is free: "+" is Shift+= on most keyboards, and a held Shift should not eat a key.
        return new KeyCodeCombination(code, KeyCombination.SHIFT_ANY);
    }

    private static KeyCombination shortcut(KeyCode code, KeyCombination.Modifier... more) {
        KeyCombination.Modifier[] m = new KeyCombination.Modifier[more.length + 1];
        m[0] = KeyCombination.SHORTCUT_DOWN;
        System.arraycopy(more, 0, m, 1, more.length);
        return new KeyCodeCombination(code, m);
    }

    /** What {@code s} does. */
    void bind(Shortcut s, Runnable action) {
        bindIf(s, () -> {
            action.run();
            return true;
        });
    }

    /** What {@code s} does, where the action says whether it did anything (else the key goes on). */
    void bindIf(Shortcut s, BooleanSupplier action) {
        if (actions.putIfAbsent(s, action) != null) {
            throw new IllegalStateException(s + " is bound twice");
        }
    }

    /** Runs the command of {@code s}, as its key does; true if it did something. */
    boolean run(Shortcut s) {
        BooleanSupplier a = actions.get(s);
        if (a == null) {
            return false;
        }
        onRun.accept(s);
        return a.getAsBoolean();
    }

    /** Hears every command run through the key map, by key, click or menu (for tests). */
    void setOnRun(Consumer<Shortcut> listener) {
        onRun = listener;
    }

    /** Makes the shortcuts work in {@code scene}. */
    void install(Scene scene) {
        for (Shortcut s : Shortcut.values()) {
            if (s.accelerator()) {
                for (KeyCombination k : s.combinations) {
                    scene.getAccelerators().put(k, () -> run(s));
                }
            }
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Shortcut s = find(e, scene.getFocusOwner());
            if (s != null && run(s)) {
                e.consume();
            }
        });
    }

    /** The plain-key shortcut {@code e} stands for with {@code focus} where it is, or null. */
    private static Shortcut find(KeyEvent e, Node focus) {
        boolean typing = focus instanceof TextInputControl || focus instanceof ToggleSwitch
                || focus instanceof GenericStyledArea<?, ?, ?> code && code.isEditable();
        for (Shortcut s : Shortcut.values()) {
            if (!s.accelerator() && (s.reach == Reach.WINDOW || !typing) && s.matches(e)) {
                return s;
            }
        }
        return null;
    }

    /** Fills the keys card. */
    static void fillCard(GridPane grid) {
        for (int i = 0; i < CARD.size(); i++) {
            CardRow row = CARD.get(i);
            StringBuilder keys = new StringBuilder();
            for (Shortcut s : row.shortcuts()) {
                keys.append(keys.length() == 0 ? "" : row.gap()).append(s.keys());
            }
            Label key = new Label(keys.toString());
            key.getStyleClass().add("key-cap");
            Label what = new Label(row.what());
            what.getStyleClass().add("key-what");
            grid.addRow(i, key, what);
        }
    }
}
