package io.threadline.ui;

import io.threadline.export.TraceFile;
import io.threadline.python.ScenarioSource;
import io.threadline.scenario.TourStep;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.LaneColumns;
import io.threadline.trace.OutputLine;
import io.threadline.trace.Reason;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import io.threadline.ui.KeyMap.Shortcut;
import io.threadline.ui.teach.CodeEditor;
import io.threadline.ui.teach.ComparePane;
import io.threadline.ui.teach.CodeView;
import io.threadline.ui.timeline.WaitForGraphPanel;
import io.threadline.testing.TraceText;
import javafx.scene.input.KeyCode;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.concurrent.Task;
import io.threadline.picture.PictureOptions;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user's own program in the window: a scenario's Python program edited and run (its lanes,
 * output and code line come from the user's text), a SyntaxError on its line, Reset, new, open and
 * save, an edit that outlives another scenario and the window, and the title that says whose it is.
 * These runs start a real CPython (python3, which CI installs).
 */
class UserProgramWindowTest extends FxTestBase {
    private static final long S = 1_000_000;
    /** The file the save dialog answers with, and the open dialog's; null: cancelled. */
    private final AtomicReference<File> chosen = new AtomicReference<>();

    @Override
    protected TraceLoader loader() {
        return TraceFile::load;
    }

    private CodeEditor editor() {
        return fx(() -> c.panel().pythonCode());
    }

    private void useDialogs() {
        fx(() -> c.fileMenu().useDialogs(new FileMenu.Dialogs() {
            @Override
            public File open(FileChooser chooser, Window owner) {
                return chosen.get();
            }

            @Override
            public File save(FileChooser chooser, Window owner) {
                return chosen.get();
            }

            @Override
            public Optional<ExportRequest> askExport(Window owner, boolean recording, ExportRequest initial,
                                                     Trace trace, Function<ExportRequest, PictureOptions> look) {
                return Optional.empty();
            }

            @Override
            public void showProgress(Window owner, String title, Task<?> task) {
            }
        }));
    }

    /** Replaces line {@code n} (from 1) of the editor's text, as typing would. */
    private void replaceLine(int n, String text) {
        fx(() -> {
            var area = editor().area();
            int start = area.getAbsolutePosition(n - 1, 0);
            area.replaceText(start, start + area.getParagraph(n - 1).length(), text);
        });
    }

    private Trace runShownToEnd() {
        Trace before = fx(() -> c.playback().getTrace());
        fx(() -> c.run());
        try {
            waitUntil("a run of the program ended", () -> c.playback().getTrace() != null
                    && c.playback().getTrace() != before && !c.playback().isRunning()
                    && c.playback().getMode() == PlaybackModel.Mode.PAUSED);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " (status: " + c.message() + ")\n" + fx(() -> editor().text()), e);
        }
        return fx(() -> c.playback().getTrace());
    }

    private void edit(String scenario) {
        select(scenario);
        fx(() -> c.keys().run(Shortcut.EDIT));
        waitUntil("the code is editable", () -> editor().isEditable());
    }

    @Test
    void editingAScenarioRunsTheEditedTextWithItsLanesOutputAndCodeLine() {
        ScenarioSpec soup = ScenarioCatalog.byId("chef-soup");
        edit("chef-soup");
        assertThat(fx(() -> editor().text())).isEqualTo(ScenarioSource.render(soup, soup.defaults()));
        // what if Olivia thaws the sausage for one second only?
        replaceLine(5, "OLIVIA_SLEEP = 1.0   # parameter \"olivia\"");

        Trace t = runShownToEnd();
        assertThat(t.scenario()).isEqualTo("python:chef_soup.py");
        assertThat(t.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(t.source()).contains("OLIVIA_SLEEP = 1.0");
        assertThat(t.endTime()).as("Olivia sleeps 1 s now").isEqualTo(S);
        int olivia = t.threadNamed("Olivia");
        int barron = t.threadNamed("Barron");
        assertThat(olivia).isNotNegative();
        assertThat(barron).isNotNegative();
        assertThat(fx(() -> c.timeline().traceProperty().get())).isSameAs(t);
        List<String> printed = new ArrayList<>();
        fx(() -> c.output().lines()).forEach(l -> printed.add(l.text()));
        assertThat(printed).contains("Olivia is done cutting sausage.", "Barron and Olivia are both done!");

        // the code line follows the playhead, in the user's own text: Barron joins Olivia at line 33
        LaneColumns lane = t.lane(barron);
        int joinAt = -1;
        for (int i = 0; i < lane.size(); i++) {
            if (lane.state(i) == ThreadState.WAITING && lane.reason(i) == Reason.JOIN) {
                joinAt = i;
            }
        }
        assertThat(joinAt).isNotNegative();
        long when = lane.time(joinAt);
        int line = lane.line(joinAt);
        assertThat(fx(() -> editor().text().split("\n", -1)[line - 1])).contains("olivia.join()");
        fx(() -> {
            c.timeline().selectedThreadProperty().set(barron);
            c.timeline().playheadProperty().set(when);
        });
        waitUntil("Barron's line is marked", () -> editor().primaryLine() == line);
        assertThat(fx(() -> editor().marks())).extracting(CodeView.LineMark::label).contains("Barron");
        assertThat(fx(() -> stage.getTitle())).startsWith("chef_soup.py").contains("your edit of Chef soup");
        assertThat(fx(() -> ((javafx.scene.control.Label) node("runStatus")).getText()))
                .contains("your edit of Chef soup", "chef_soup.py");
    }

    @Test
    void compareRunsTheEditAgainstTheProgramAsItShipsOrTwoSeeds() {
        edit("chef-soup");
        replaceLine(5, "OLIVIA_SLEEP = 1.0   # parameter \"olivia\"");
        fx(() -> c.teach().toggleCompare());
        waitUntil("compare open", () -> c.teach().isComparing());
        ComparePane p = c.teach().comparePane();
        assertThat(fx(() -> p.param().getValue())).isSameAs(ProgramComparison.EDIT);
        assertThat(fx(() -> p.valueA().getText() + " vs " + p.valueB().getText())).isEqualTo("true vs false");
        fx(p::run);
        waitUntil("both ran", () -> !p.isBusy() && p.viewB().traceProperty().get() != null);
        assertThat(fx(() -> p.viewA().traceProperty().get().endTime())).isEqualTo(S);
        assertThat(fx(() -> p.viewB().traceProperty().get().endTime())).isEqualTo(3 * S);
        assertThat(fx(p::captionA)).startsWith("your edit — ended at 1.000 s");
        assertThat(fx(p::captionB)).startsWith("as it ships — ended at 3.000 s (2.000 s later than A)");

        fx(() -> p.param().setValue(p.param().getItems().stream().filter(x -> x.name().equals("seed"))
                .findFirst().orElseThrow()));
        assertThat(fx(() -> p.valueA().getText() + " vs " + p.valueB().getText())).isEqualTo("0 vs 1");
        // edited with the comparison open: Run both runs the text as it is now
        replaceLine(5, "OLIVIA_SLEEP = 2.0   # parameter \"olivia\"");
        fx(p::run);
        waitUntil("both ran again", () -> !p.isBusy() && fx(p::captionB).startsWith("seed 1"));
        assertThat(fx(p::captionA)).startsWith("seed 0 — ended at 2.000 s");
    }

    @Test
    void aSyntaxErrorMarksItsLineInTheEditorAndNothingRuns() {
        edit("chef-soup");
        replaceLine(13, "    def run(self)");
        Trace before = fx(() -> c.playback().getTrace());
        fx(() -> c.run());
        waitUntil("the problem is shown", () -> editor().problem() != null);
        assertThat(fx(() -> editor().problemLine())).isEqualTo(13);
        assertThat(fx(() -> editor().problem())).startsWith("Line 13").contains("expected ':'");
        assertThat(c.message()).startsWith("Not run: chef_soup.py, line 13: ").contains("expected ':'");
        assertThat(fx(() -> c.playback().getTrace())).isSameAs(before);
        assertThat(fx(() -> editor().text())).as("the edit is kept").contains("    def run(self)\n");

        // fixed, it runs, and the mark goes
        replaceLine(13, "    def run(self):");
        Trace t = runShownToEnd();
        assertThat(t.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(fx(() -> editor().problem())).isNull();
    }

    @Test
    void aPastedDeadlockShowsItsLockLanesAndOpensTheWaitForGraphAsTheBuiltInDeadlockDoes() throws Exception {
        runToEnd("deadlock");
        WaitForGraphPanel graph = fx(() -> (WaitForGraphPanel) stage.getScene().getRoot().lookup(".wait-for-graph"));
        waitUntil("the built-in deadlock opens the graph", graph::isVisible);
        assertThat(fx(() -> graph.opener().isSelected())).as("its button pressed, as if clicked").isTrue();

        fx(() -> c.keys().run(Shortcut.NEW_PROGRAM));
        waitUntil("a new program", () -> c.shownProgram() != null);
        String twoLocks = new String(getClass().getResourceAsStream("/io/threadline/python/two_locks.py").readAllBytes(),
                StandardCharsets.UTF_8);
        fx(() -> editor().area().replaceText(twoLocks));
        Trace t = runShownToEnd();
        assertThat(t.outcome()).isEqualTo(RunOutcome.DEADLOCK);
        for (String lock : List.of("lock_a", "lock_b")) {
            int r = TraceText.resourceNamed(t, lock);
            assertThat(fx(() -> c.timeline().rows().rowOfResource(r))).as(lock + "'s lane is open").isNotNull();
        }
        waitUntil("the graph opens by itself for the pasted program's deadlock",
                () -> graph.isVisible() && graph.shown() != null && graph.shown().graph().hasDeadlock());
        assertThat(fx(() -> graph.shown().describe())).contains("One waits for lock_b, held by Two",
                "Two waits for lock_a, held by One");
    }

    @Test
    void anExceptionInAThreadEndsItRaisedWithItsTracebackInTheOutput() {
        fx(() -> c.keys().run(Shortcut.NEW_PROGRAM));
        waitUntil("a new program", () -> c.shownProgram() != null);
        fx(() -> editor().area().replaceText("""
                import threading

                def work():
                    raise ValueError("no soup today")

                t = threading.Thread(target=work, name="Cook")
                t.start()
                t.join()
                print("main goes on")
                """));
        Trace t = runShownToEnd();
        LaneColumns cook = t.lane(t.threadNamed("Cook"));
        assertThat(cook.state(cook.size() - 1)).isEqualTo(ThreadState.DEAD);
        assertThat(cook.reason(cook.size() - 1)).isEqualTo(Reason.RAISED);
        List<String> errors = new ArrayList<>();
        for (OutputLine l : fx(() -> c.output().lines())) {
            if (l.error()) {
                errors.add(l.text());
            }
        }
        assertThat(String.join("\n", errors)).contains("ValueError: no soup today");
        assertThat(fx(() -> c.output().lines())).extracting(OutputLine::text).contains("main goes on");
        // no tour of its own: the moments of its run, read from the trace
        waitUntil("the run's moments", () -> !c.teach().tourBar().tour().isEmpty());
        // (Cook runs from its start to its end before MainThread gets the GIL back: no join to wait for)
        assertThat(fx(() -> c.teach().tourBar().tour())).extracting(TourStep::title)
                .containsExactly("Cook raised", "The run ends");
        assertThat(fx(() -> c.teach().tourBar().tour().get(0).note())).contains("ValueError: no soup today");
    }

    @Test
    void anExceptionInTheMainThreadEndsTheRunTheSameWay() {
        fx(() -> c.keys().run(Shortcut.NEW_PROGRAM));
        waitUntil("a new program", () -> c.shownProgram() != null);
        fx(() -> editor().area().replaceText("print('before')\nraise RuntimeError('main fails')\n"));
        Trace t = runShownToEnd();
        LaneColumns main = t.lane(0);
        assertThat(main.reason(main.size() - 1)).isEqualTo(Reason.RAISED);
        assertThat(fx(() -> c.output().lines())).filteredOn(OutputLine::error).extracting(OutputLine::text)
                .anyMatch(l -> l.contains("RuntimeError: main fails"));
        assertThat(fx(() -> editor().text())).as("the program stays as typed")
                .isEqualTo("print('before')\nraise RuntimeError('main fails')\n");
    }

    @Test
    void resetBringsTheScenarioProgramBackAndRunRunsTheScenarioAgain() {
        ScenarioSpec soup = ScenarioCatalog.byId("chef-soup");
        edit("chef-soup");
        replaceLine(5, "OLIVIA_SLEEP = 1.0   # parameter \"olivia\"");
        fx(() -> c.panel().reset());
        waitUntil("read-only again", () -> !editor().isEditable());
        assertThat(fx(() -> editor().text())).isEqualTo(soup.pythonSource());
        assertThat(fx(() -> c.programs().editOf(soup))).isNull();
        Trace t = runShownToEnd();
        assertThat(t.scenario()).isEqualTo("chef-soup");
        assertThat(t.endTime()).isEqualTo(3 * S);
    }

    @Test
    void newOpenAndSaveAProgram() throws Exception {
        useDialogs();
        fx(() -> c.keys().run(Shortcut.NEW_PROGRAM));
        waitUntil("a new program", () -> c.shownProgram() != null);
        ProgramDraft d = fx(() -> c.shownProgram());
        assertThat(d.name()).isEqualTo("untitled.py");
        assertThat(fx(() -> editor().text())).isEqualTo(UserPrograms.TEMPLATE);
        assertThat(fx(() -> c.browser().programList().getItems())).containsExactly(d);
        assertThat(fx(() -> stage.getTitle())).startsWith("untitled.py — your program");
        Trace t = runShownToEnd();
        assertThat(t.threadNamed("Worker-3")).isNotNegative();
        // Worker-3 sleeps 1.5 s; its lines cost 0.05 µs each on top
        assertThat(t.endTime()).isBetween(3 * S / 2, 3 * S / 2 + 1000);

        Path file = home.resolve("soup.py");
        chosen.set(file.toFile());
        replaceLine(1, "# mine");
        fx(() -> c.keys().run(Shortcut.SAVE_PROGRAM));
        waitUntil("saved", () -> c.message().startsWith("Saved soup.py"));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("# mine\nimport threading");
        assertThat(fx(() -> stage.getTitle())).startsWith("soup.py — your program");
        assertThat(fx(() -> d.file())).isEqualTo(file.toAbsolutePath());

        // the command line runs the saved file, once a run of the saved text is shown
        fx(() -> c.fileMenu().copyCommandLine());
        assertThat(c.message()).startsWith("The command line runs a program file: save the program first");
        Trace again = runShownToEnd();
        String command = fx(() -> c.fileMenu().copyCommandLine());
        assertThat(command).endsWith(" run " + file.toAbsolutePath()
                + " --set cores=4 --set gil=true --set seed=0 --set line_cost=0.05");

        // its trace saved and opened again comes with its code
        Path traceFile = home.resolve("soup.json");
        fx(() -> c.fileMenu().saveTo(traceFile));
        waitUntil("the trace saved", () -> c.message().startsWith("Saved soup.json"));
        assertThat(TraceFile.load(traceFile).source()).isEqualTo(again.source());
        fx(() -> c.keys().run(Shortcut.NEW_PROGRAM));
        fx(() -> c.openTrace(traceFile));
        waitUntil("the trace opened", () -> c.message().startsWith("Opened soup.json"));
        assertThat(fx(() -> c.shownProgram().name())).isEqualTo("soup.py");
        assertThat(fx(() -> editor().text())).isEqualTo(again.source());
        assertThat(fx(() -> c.playback().getTrace().eventCount())).isEqualTo(again.eventCount());
        fx(() -> c.browser().programList().getSelectionModel().select(d));
        waitUntil("the saved one is shown", () -> c.shownProgram() == d);

        Path other = home.resolve("other.py");
        Files.writeString(other, "print('hello from a file')\n", StandardCharsets.UTF_8);
        chosen.set(other.toFile());
        fx(() -> c.keys().run(Shortcut.OPEN_PROGRAM));
        waitUntil("opened", () -> c.shownProgram() != null && c.shownProgram().name().equals("other.py"));
        assertThat(fx(() -> editor().text())).isEqualTo("print('hello from a file')\n");
        Trace o = runShownToEnd();
        assertThat(fx(() -> c.output().lines())).extracting(OutputLine::text).containsExactly("hello from a file");
        assertThat(o.scenario()).isEqualTo("python:other.py");

        // dropped on the window, a .py opens as a program (the same file again: it is shown, not doubled)
        fx(() -> c.fileMenu().dropped(List.of(file.toFile())));
        waitUntil("the saved one is shown", () -> c.shownProgram() == d);
        assertThat(fx(() -> c.browser().programList().getItems())).extracting(ProgramDraft::name)
                .containsExactly("soup.py", "untitled.py", "other.py");
    }

    @Test
    void anEditSurvivesAnotherScenarioAndTheWindowClosing() throws Exception {
        edit("chef-soup");
        replaceLine(6, "COOK_TIME = 0.25      # parameter \"cook\"");
        select("producer-consumer");
        assertThat(fx(() -> editor().isEditable())).isFalse();
        select("chef-soup");
        assertThat(fx(() -> editor().isEditable())).isTrue();
        assertThat(fx(() -> editor().text())).contains("COOK_TIME = 0.25");
        fx(() -> c.keys().run(Shortcut.NEW_PROGRAM));
        waitUntil("a new program", () -> c.shownProgram() != null && c.shownProgram().origin() == null);
        replaceLine(1, "# kept for tomorrow");

        // the window closes and opens again on the same folder
        fx(() -> {
            c.shutdown();
            return null;
        });
        c = fx(() -> ThreadlineApp.build(stage, null, home));
        waitUntil("the programs kept are read", () -> !c.restoring());
        assertThat(fx(() -> c.browser().programList().getItems())).extracting(ProgramDraft::name)
                .containsExactly("untitled.py");
        assertThat(c.message()).contains("back");
        select("chef-soup");
        assertThat(fx(() -> editor().isEditable())).isTrue();
        assertThat(fx(() -> editor().text())).contains("COOK_TIME = 0.25");
        fx(() -> c.browser().programList().getSelectionModel().select(0));
        waitUntil("the program of one's own is shown", () -> c.shownProgram() != null
                && c.shownProgram().origin() == null);
        assertThat(fx(() -> editor().text())).startsWith("# kept for tomorrow\n");
    }

    @Test
    void typingInTheEditorIsTypingNotShortcuts() {
        edit("chef-soup");
        fx(() -> {
            editor().area().requestFocus();
            editor().area().moveTo(0);
        });
        List<Shortcut> heard = new ArrayList<>();
        fx(() -> c.keys().setOnRun(heard::add));
        robot.push(KeyCode.R);
        robot.push(KeyCode.SPACE);
        robot.push(KeyCode.E);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(heard).isEmpty();
        assertThat(fx(() -> editor().text())).startsWith("r e\"\"\"Chef soup");
        assertThat(fx(() -> c.playback().getTrace())).isNull();
        // Ctrl+F in the code finds in the code
        robot.push(KeyCode.CONTROL, KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> editor().isFinding())).isTrue();
        assertThat(heard).containsExactly(Shortcut.SEARCH);
    }

    @Test
    void aMissingInterpreterGetsOneLineAndTheSettingIsThere() {
        edit("chef-soup");
        fx(() -> {
            c.panel().interpreterField().setText(home.resolve("no-such-python").toString());
            c.panel().interpreterField().getOnAction().handle(null);
        });
        Trace before = fx(() -> c.playback().getTrace());
        fx(() -> c.run());
        waitUntil("the problem is said", () -> c.message().contains("cannot run the Python interpreter"));
        assertThat(c.message()).doesNotContain("\n");
        assertThat(fx(() -> c.playback().getTrace())).isSameAs(before);
        assertThat(fx(() -> c.panel().interpreterField().isFocused())).isTrue();
        fx(() -> {
            c.panel().interpreterField().setText("");
            c.panel().interpreterField().getOnAction().handle(null);
        });
        assertThat(runShownToEnd().outcome()).isEqualTo(RunOutcome.COMPLETED);
    }
}
