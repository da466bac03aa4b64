package io.threadline.ui;

import io.threadline.python.ProgramException;
import io.threadline.python.ScenarioSource;
import io.threadline.python.UserProgram;
import io.threadline.runtime.ClockMode;
import io.threadline.runtime.Run;
import io.threadline.scenario.ParamException;
import io.threadline.scenario.ParamValues;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.Trace;
import io.threadline.ui.KeyMap.Shortcut;
import io.threadline.ui.teach.Comparison;
import io.threadline.ui.teach.TeachingAids;
import javafx.scene.control.TextField;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The window's side of the user's programs: which one is shown (an edit of the scenario shown, or
 * a program of the user's own), the side panel and the sidebar for it, its commands (Edit, Reset,
 * New, Open, Save program), running it, and its problems where the user looks (a SyntaxError on its
 * line, a missing interpreter at the interpreter's field). The programs themselves are
 * {@link UserPrograms}'; the window is reached through {@link Window}.
 */
final class ProgramDesk {
    /** What the desk needs of the window. */
    interface Window {
        /** The scenario shown, or null while a program of the user's own is. */
        ScenarioSpec current();

        /** Shows the scenario {@code s} (with its edit, if it has one). */
        void select(ScenarioSpec s);

        /** Shows the user's own program {@code d} in place of a scenario. */
        void showOwn(ProgramDraft d);

        /** Follows a run that started, the last of {@code key} from now on. */
        void follow(Run run, String key);

        void say(String message, boolean error);

        /** Another program is shown, or none: the title, the run button, the teaching aids follow. */
        void changed(ScenarioSpec teachFor);

        /** The program shown was typed in, or saved: the title follows. */
        void edited();

        /** The scenario form's values of {@code s}, as last typed. */
        Map<String, String> scenarioForm(ScenarioSpec s);

        /** The parameter form's values now. */
        Map<String, String> form();

        /** The code gets the side panel's room while a program is edited. */
        void roomForCode(boolean editing);

        FileMenu.Dialogs dialogs();

        javafx.stage.Window owner();

        ClockMode clockMode();

        double speed();
    }

    private final Window window;
    private final ScenarioPanel panel;
    private final ScenarioBrowser browser;
    private UserPrograms programs;
    private InterpreterSetting interpreter;
    /** The program shown, or null for a scenario as it ships. */
    private ProgramDraft shown;
    private boolean restoring;

    ProgramDesk(Window window, ScenarioPanel panel, ScenarioBrowser browser, KeyMap keys) {
        this.window = window;
        this.panel = panel;
        this.browser = browser;
        keys.bind(Shortcut.EDIT, this::edit);
        keys.bind(Shortcut.NEW_PROGRAM, () -> programs.newProgram());
        keys.bind(Shortcut.OPEN_PROGRAM, () -> programs.chooseAndOpen());
        keys.bind(Shortcut.SAVE_PROGRAM, this::save);
        panel.wire(keys, () -> {
            if (shown != null) {
                programs.reset(shown);
            }
        });
        browser.setOnProgram(window::showOwn, d -> {
            boolean wasShown = d == shown;
            programs.close(d);
            if (wasShown) {
                browser.pickFirst();
            }
        });
        panel.pythonCode().textProperty().addListener((o, a, text) -> {
            if (shown != null && panel.pythonCode().isEditable()) {
                programs.typed(shown, text);
                panel.showProgramState(shown);
                browser.refreshPrograms();
                window.edited();
            }
        });
        TextField field = panel.interpreterField();
        field.setOnAction(e -> interpreter.set(field.getText()));
        field.focusedProperty().addListener((o, a, on) -> {
            if (!on) {
                interpreter.set(field.getText());
            }
        });
    }

    /**
     * Keeps the user's programs and the interpreter setting under {@code home} (the window's tests
     * use their own); {@link #restore} brings back the programs kept there.
     */
    void useHome(Path home) {
        interpreter = new InterpreterSetting(home.resolve("python"));
        programs = new UserPrograms(new Programs(), new ProgramStore(home.resolve("programs")), interpreter);
        browser.setPrograms(programs.own());
    }

    void restore() {
        restoring = true;
        programs.restore(() -> {
            restoring = false;
            List<String> back = new ArrayList<>();
            programs.all().forEach(d -> back.add(d.name()));
            ScenarioSpec s = window.current();
            if (s != null && shown == null && programs.editOf(s) != null) {
                showPanel(programs.editOf(s));
            }
            if (!back.isEmpty()) {
                window.say("Your programs from last time are back: " + String.join(", ", back) + ".", false);
            }
        });
    }

    boolean restoring() {
        return restoring;
    }

    UserPrograms programs() {
        return programs;
    }

    /** The program shown, or null. */
    ProgramDraft shown() {
        return shown;
    }

    /** The scenario {@code s} is shown: with its edit in the side panel if it has one (true then). */
    boolean scenarioShown(ScenarioSpec s) {
        shown = programs.editOf(s);
        if (shown != null) {
            panel.showProgram(shown, interpreter.text());
        }
        window.roomForCode(shown != null);
        return shown != null;
    }

    /** Shows {@code d} in the side panel in place of the scenario's parameters and code. */
    void showPanel(ProgramDraft d) {
        shown = d;
        panel.showProgram(d, interpreter.text());
        window.roomForCode(true);
        window.changed(d.origin());
    }

    /** What the shown scenario or program leaves behind when another is shown: a start under way. */
    void leave() {
        programs.cancelStart();
    }

    /** Run: the program shown, in CPython (started in the background). */
    void run() {
        panel.pythonCode().clearProblem();
        programs.run(shown, window.form());
    }

    /** A trace opened from a file: a run of a user's program with its text opens as that program. */
    ProgramDraft adopt(Trace trace) {
        return trace.scenario().startsWith(UserProgram.SCENARIO_PREFIX) && !trace.source().isEmpty()
                ? programs.adopt(trace) : null;
    }

    /** Edit: the Python tab's program becomes the user's, to change and run. */
    private void edit() {
        ScenarioSpec s = window.current();
        if (shown != null) {
            panel.showPython();
            panel.pythonCode().area().requestFocus();
        } else if (s != null) {
            programs.edit(s, window.form());
        }
    }

    private void save() {
        ScenarioSpec s = window.current();
        if (shown != null) {
            programs.chooseAndSave(shown);
        } else if (s != null) {
            ParamValues v;
            try {
                v = s.values(window.form());
            } catch (ParamException e) {
                v = s.defaults();
            }
            // the scenario's own program, as it runs with the form's values, taken home
            programs.chooseAndSave(ProgramDraft.ofScenario(s, ScenarioSource.fileName(s), ScenarioSource.render(s, v)));
        }
    }

    /** The file the trace's program is saved in, while it holds the very text that made the trace. */
    Path programFile(Trace trace) {
        ProgramDraft d = programs.madeBy(trace);
        return d == null || d.file() == null || !trace.source().equals(d.savedText()) ? null : d.file();
    }

    /** What a comparison of the program shown runs, or null if none is shown. */
    Comparison comparison() {
        if (shown == null) {
            return null;
        }
        Map<String, String> form = shown.origin() == null ? Map.of() : window.scenarioForm(shown.origin());
        return new ProgramComparison(shown, form, interpreter.get());
    }

    /** Whether {@code t} is a run of the program shown (its lines are the editor's). */
    TeachingAids.Code codeOf(Trace t) {
        return t.scenario().equals(UserProgram.SCENARIO_PREFIX + shown.name()) ? TeachingAids.Code.PYTHON
                : TeachingAids.Code.NONE;
    }

    /** The window closes: a start under way is ended, what is being kept is written. */
    void shutdown(long millis) throws InterruptedException {
        programs.shutdown(millis);
    }

    /** What the user's programs see of the window. */
    private final class Programs implements UserPrograms.Host {
        @Override
        public void show(ProgramDraft d) {
            if (d == shown) {
                if (!d.text().equals(panel.pythonCode().text())) {
                    panel.pythonCode().show(d.text());
                }
                panel.showProgramState(d);
                browser.refreshPrograms();
                window.edited();
            } else if (d.origin() != null && d.origin() == window.current()) {
                showPanel(d);
                panel.showPython();
                panel.pythonCode().area().requestFocus();
            } else if (d.origin() != null) {
                window.select(d.origin());
            } else {
                window.showOwn(d);
                panel.pythonCode().area().requestFocus();
            }
        }

        @Override
        public void showScenario(ScenarioSpec s) {
            shown = null;
            if (s == window.current()) {
                panel.show(s, window.scenarioForm(s));
                window.roomForCode(false);
                window.changed(s);
            } else {
                window.select(s);
            }
        }

        @Override
        public void follow(Run r, ProgramDraft d) {
            window.follow(r, d.origin() != null ? d.origin().id() : d.key());
        }

        @Override
        public void notStarted(ProgramDraft d, ProgramException e) {
            switch (e.kind()) {
                case SYNTAX -> {
                    if (d == shown) {
                        panel.showPython();
                        panel.pythonCode().showProblem(e.line(), "Line " + e.line()
                                + (e.column() > 0 ? ", column " + e.column() : "") + ": "
                                + syntaxMessage(e) + ". Nothing ran: fix the line and press Run.");
                    }
                    window.say("Not run: " + d.name() + ", line " + e.line() + ": " + syntaxMessage(e), true);
                }
                case INTERPRETER -> {
                    window.say(e.getMessage().replace("give one with --python EXE",
                            "set one under Python interpreter on the Scenario tab"), true);
                    panel.interpreterField().requestFocus();
                }
                default -> window.say("Could not start " + d.name() + ": " + e.getMessage(), true);
            }
        }

        @Override
        public void say(String message, boolean error) {
            window.say(message, error);
        }

        @Override
        public FileMenu.Dialogs dialogs() {
            return window.dialogs();
        }

        @Override
        public javafx.stage.Window owner() {
            return window.owner();
        }

        @Override
        public ClockMode clockMode() {
            return window.clockMode();
        }

        @Override
        public double speed() {
            return window.speed();
        }
    }

    /** A SyntaxError's own words: the exception's message without the file and line it starts with. */
    private static String syntaxMessage(ProgramException e) {
        String m = e.getMessage();
        String head = e.file() + ", line " + e.line() + ": ";
        return m.startsWith(head) ? m.substring(head.length()) : m;
    }
}
