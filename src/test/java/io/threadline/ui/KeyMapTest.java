package io.threadline.ui;

import io.threadline.export.TraceFile;
import io.threadline.picture.PictureOptions;
import io.threadline.runtime.ClockMode;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.Trace;
import io.threadline.ui.KeyMap.Shortcut;
import io.threadline.ui.PlaybackModel.Mode;
import io.threadline.ui.timeline.ArrowMode;
import io.threadline.ui.timeline.TimelineView;
import javafx.concurrent.Task;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.io.File;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every shortcut of the key map, pressed as a user presses it, does its one thing once: the key
 * map hears it once, and what it does shows once (a dialog opened once, a switch flipped once, one
 * step taken). A key handled twice, by the key map and by anything else, fails here.
 */
class KeyMapTest extends FxTestBase {
    /** The dialogs the File menu asked for, by what they were for. */
    private final List<String> dialogs = new CopyOnWriteArrayList<>();
    private final List<Shortcut> heard = new CopyOnWriteArrayList<>();
    private final AtomicInteger tracesShown = new AtomicInteger();

    @Override
    protected TraceLoader loader() {
        return TraceFile::load;
    }

    @BeforeEach
    void listen() {
        fx(() -> {
            c.keys().setOnRun(heard::add);
            c.playback().traceProperty().addListener((o, a, b) -> tracesShown.incrementAndGet());
            c.fileMenu().useDialogs(new FileMenu.Dialogs() {
                @Override
                public File open(FileChooser chooser, Window owner) {
                    dialogs.add("open");
                    return null;
                }

                @Override
                public File save(FileChooser chooser, Window owner) {
                    dialogs.add("save");
                    return null;
                }

                @Override
                public Optional<ExportRequest> askExport(Window owner, boolean recording, ExportRequest initial,
                                                         Trace trace, Function<ExportRequest, PictureOptions> look) {
                    dialogs.add(recording ? "record" : "export");
                    return Optional.empty();
                }

                @Override
                public void showProgress(Window owner, String title, Task<?> task) {
                    dialogs.add("progress");
                }
            });
        });
    }

    /** The keys a user holds for {@code k}: Ctrl (the shortcut key here) and Shift, then the key. */
    private static KeyCode[] keysOf(KeyCombination k) {
        KeyCodeCombination kc = (KeyCodeCombination) k;
        List<KeyCode> keys = new ArrayList<>();
        if (kc.getShortcut() == KeyCombination.ModifierValue.DOWN) {
            keys.add(KeyCode.CONTROL);
        }
        if (kc.getShift() == KeyCombination.ModifierValue.DOWN) {
            keys.add(KeyCode.SHIFT);
        }
        keys.add(kc.getCode());
        return keys.toArray(KeyCode[]::new);
    }

    /** Presses {@code s} by its key {@code k}: the key map hears it once, and only it. */
    private void press(Shortcut s, KeyCombination k) {
        heard.clear();
        dialogs.clear();
        robot.push(keysOf(k));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(heard).as(s + " by " + k.getName()).containsExactly(s);
    }

    private void press(Shortcut s) {
        press(s, s.combination());
    }

    private double span() {
        TimelineView v = c.timeline();
        return fx(() -> (double) (v.visibleEnd() - v.visibleStart()));
    }

    private void atTheEndOf(String scenario) {
        runToEnd(scenario);
        waitUntil("the tour is ready", () -> !c.teach().tourBar().tour().isEmpty());
        fx(() -> c.scenarioList().requestFocus());
    }

    @Test
    void everyShortcutDoesItsOneThingOnce() {
        atTheEndOf("chef-soup");
        Trace t = c.playback().getTrace();
        Map<Shortcut, Runnable> checks = new EnumMap<>(Shortcut.class);
        checks.put(Shortcut.RUN, () -> {
            int before = tracesShown.get();
            press(Shortcut.RUN);
            waitUntil("the run ends", () -> !c.playback().isRunning());
            assertThat(tracesShown.get() - before).as("one run").isEqualTo(1);
            assertThat(c.playback().getTrace()).isNotSameAs(t);
            waitUntil("the tour is ready", () -> !c.teach().tourBar().tour().isEmpty());
        });
        checks.put(Shortcut.STOP, () -> {
            fx(() -> {
                c.clockMode = ClockMode.PACED;
                c.run();
                c.clockMode = ClockMode.VIRTUAL;
            });
            press(Shortcut.STOP);
            waitUntil("stopped", () -> c.playback().outcomeProperty().get() == RunOutcome.STOPPED);
            runToEnd("chef-soup");
            waitUntil("the tour is ready", () -> !c.teach().tourBar().tour().isEmpty());
            fx(() -> c.scenarioList().requestFocus());
        });
        checks.put(Shortcut.PLAY, () -> {
            press(Shortcut.PLAY);
            assertThat(fx(() -> c.playback().getMode())).as("playing, not paused again").isEqualTo(Mode.PLAYING);
            fx(() -> c.togglePlay());
        });
        checks.put(Shortcut.TO_END, () -> {
            fx(() -> c.playback().seek(0));
            press(Shortcut.TO_END);
            assertThat(fx(() -> c.playback().getPlayhead())).isEqualTo(fx(() -> c.playback().limit()));
        });
        checks.put(Shortcut.STEP_BACK, () -> {
            long end = fx(() -> c.playback().getPlayhead());
            press(Shortcut.STEP_BACK);
            assertThat(fx(() -> c.playback().getPlayhead())).as("one event back")
                    .isEqualTo(TraceSteps.previous(c.playback().getTrace(), end));
        });
        checks.put(Shortcut.STEP_FORWARD, () -> {
            long at = fx(() -> c.playback().getPlayhead());
            press(Shortcut.STEP_FORWARD);
            assertThat(fx(() -> c.playback().getPlayhead())).as("one event on")
                    .isEqualTo(TraceSteps.next(c.playback().getTrace(), at));
        });
        checks.put(Shortcut.REPLAY, () -> {
            fx(() -> c.playback().seek(Long.MAX_VALUE));
            press(Shortcut.REPLAY);
            assertThat(fx(() -> c.playback().getMode())).isEqualTo(Mode.PLAYING);
            assertThat(fx(() -> c.playback().getPlayhead())).isLessThan(fx(() -> c.playback().limit()));
            fx(() -> c.togglePlay());
            fx(() -> c.playback().seek(Long.MAX_VALUE));
        });
        checks.put(Shortcut.SLOWER, () -> {
            double speed = fx(() -> c.playback().getSpeed());
            press(Shortcut.SLOWER);
            int i = PlaybackModel.SPEEDS.indexOf(speed);
            assertThat(fx(() -> c.playback().getSpeed())).isEqualTo(PlaybackModel.SPEEDS.get(i - 1));
        });
        checks.put(Shortcut.FASTER, () -> {
            double speed = fx(() -> c.playback().getSpeed());
            press(Shortcut.FASTER);
            int i = PlaybackModel.SPEEDS.indexOf(speed);
            assertThat(fx(() -> c.playback().getSpeed())).isEqualTo(PlaybackModel.SPEEDS.get(i + 1));
        });
        checks.put(Shortcut.ZOOM_IN, () -> {
            for (KeyCombination k : List.of(new KeyCodeCombination(KeyCode.PLUS),
                    new KeyCodeCombination(KeyCode.ADD), new KeyCodeCombination(KeyCode.EQUALS))) {
                fx(() -> c.timeline().fit());
                double before = span();
                press(Shortcut.ZOOM_IN, k);
                assertThat(before / span()).as("one zoom step by " + k.getName()).isCloseTo(1.5, within(0.01));
            }
        });
        checks.put(Shortcut.ZOOM_OUT, () -> {
            for (KeyCombination k : List.of(new KeyCodeCombination(KeyCode.MINUS),
                    new KeyCodeCombination(KeyCode.SUBTRACT))) {
                fx(() -> {
                    c.timeline().fit();
                    c.timeline().zoomIn();
                    c.timeline().zoomIn();
                });
                double before = span();
                press(Shortcut.ZOOM_OUT, k);
                assertThat(span() / before).as("one zoom step by " + k.getName()).isCloseTo(1.5, within(0.01));
            }
        });
        checks.put(Shortcut.FIT, () -> {
            fx(() -> c.timeline().fit());
            double whole = span();
            fx(() -> c.timeline().zoomIn());
            press(Shortcut.FIT);
            assertThat(span()).isEqualTo(whole);
        });
        checks.put(Shortcut.STEPS_AXIS, () -> {
            boolean steps = fx(() -> c.timeline().stepsAxisProperty().get());
            press(Shortcut.STEPS_AXIS);
            assertThat(fx(() -> c.timeline().stepsAxisProperty().get())).isEqualTo(!steps);
            assertThat(fx(() -> c.timeline().timeScaleProperty().get().steps() != null)).isEqualTo(!steps);
            press(Shortcut.STEPS_AXIS);
            assertThat(fx(() -> c.timeline().stepsAxisProperty().get())).isEqualTo(steps);
        });
        checks.put(Shortcut.THEME, () -> {
            boolean dark = fx(() -> c.timeline().darkProperty().get());
            press(Shortcut.THEME);
            assertThat(fx(() -> c.timeline().darkProperty().get())).isEqualTo(!dark);
        });
        checks.put(Shortcut.TOUR_NEXT, () -> {
            int at = fx(() -> c.teach().tourBar().index());
            press(Shortcut.TOUR_NEXT);
            assertThat(fx(() -> c.teach().tourBar().index())).isEqualTo(at + 1);
        });
        checks.put(Shortcut.TOUR_BACK, () -> {
            fx(() -> c.teach().nextStep());
            int at = fx(() -> c.teach().tourBar().index());
            press(Shortcut.TOUR_BACK);
            assertThat(fx(() -> c.teach().tourBar().index())).isEqualTo(at - 1);
        });
        checks.put(Shortcut.ARROWS, () -> {
            ArrowMode m = fx(() -> c.timeline().arrowModeProperty().get());
            press(Shortcut.ARROWS);
            assertThat(fx(() -> c.timeline().arrowModeProperty().get()))
                    .isEqualTo(ArrowMode.values()[(m.ordinal() + 1) % ArrowMode.values().length]);
        });
        checks.put(Shortcut.COMPARE, () -> {
            press(Shortcut.COMPARE);
            assertThat(fx(() -> c.teach().isComparing())).isTrue();
            fx(() -> c.teach().closeCompare());
        });
        checks.put(Shortcut.STEP_MODE, () -> {
            int before = tracesShown.get();
            press(Shortcut.STEP_MODE);
            assertThat(fx(() -> c.step().on())).isTrue();
            // chef soup has no choice to make: its step run goes straight to the end
            waitUntil("the step run ends", () -> !c.playback().isRunning());
            assertThat(tracesShown.get() - before).as("one step run").isEqualTo(1);
            fx(() -> c.keys().run(Shortcut.STEP_MODE));
            assertThat(fx(() -> c.step().on())).isFalse();
        });
        for (Shortcut pick : KeyMap.PICKS) {
            checks.put(pick, () -> {
                int before = tracesShown.get();
                press(pick);
                assertThat(tracesShown.get()).as("no choice waits: nothing happens").isEqualTo(before);
            });
        }
        for (Shortcut atAChoice : List.of(Shortcut.NEXT_CHOICE, Shortcut.LET_GO, Shortcut.CHOICE_BACK)) {
            checks.put(atAChoice, () -> {
                int before = tracesShown.get();
                press(atAChoice);
                assertThat(tracesShown.get()).as("not in step mode: nothing happens").isEqualTo(before);
            });
        }
        checks.put(Shortcut.FORK, () -> {
            press(Shortcut.FORK);
            assertThat(c.message()).isEqualTo("This run made no choice: there is nothing to fork.");
        });
        checks.put(Shortcut.FIND_IT, () -> {
            press(Shortcut.FIND_IT);
            assertThat(c.message()).startsWith("Chef soup has no bug to search for here");
        });
        checks.put(Shortcut.EDIT, () -> {
            press(Shortcut.EDIT);
            assertThat(fx(() -> c.panel().pythonCode().isEditable())).isTrue();
            assertThat(fx(() -> c.shownProgram().origin().id())).isEqualTo("chef-soup");
            fx(() -> c.panel().reset());
            assertThat(fx(() -> c.panel().pythonCode().isEditable())).isFalse();
            fx(() -> c.scenarioList().requestFocus());
        });
        checks.put(Shortcut.NEW_PROGRAM, () -> {
            press(Shortcut.NEW_PROGRAM);
            assertThat(fx(() -> c.browser().programList().getItems())).hasSize(1);
            assertThat(fx(() -> c.shownProgram().name())).isEqualTo("untitled.py");
            select("chef-soup");
            fx(() -> c.scenarioList().requestFocus());
        });
        checks.put(Shortcut.OPEN_PROGRAM, () -> {
            press(Shortcut.OPEN_PROGRAM);
            assertThat(dialogs).containsExactly("open");
        });
        checks.put(Shortcut.SAVE_PROGRAM, () -> {
            press(Shortcut.SAVE_PROGRAM);
            assertThat(dialogs).containsExactly("save");
        });
        checks.put(Shortcut.PRESENTATION, () -> {
            press(Shortcut.PRESENTATION);
            assertThat(fx(() -> c.root().getStyleClass().contains("presentation"))).isTrue();
            fx(() -> c.setPresentation(false));
        });
        for (WindowLayout.Part part : WindowLayout.Part.values()) {
            Shortcut fold = part.key;
            checks.put(fold, () -> {
                fx(() -> {
                    c.layout().setFullScreen(false);
                    c.setPresentation(true);
                });
                press(fold);
                assertThat(fx(() -> c.layout().isOpen(part))).as(fold + " opens its part once").isTrue();
                fx(() -> c.setPresentation(false));
            });
        }
        checks.put(Shortcut.BACK_OUT, () -> {
            fx(() -> {
                c.setPresentation(true);
                c.teach().toggleCompare();
            });
            press(Shortcut.BACK_OUT);
            assertThat(fx(() -> c.teach().isComparing())).as("Escape closes the comparison first").isFalse();
            assertThat(fx(() -> c.root().getStyleClass().contains("presentation"))).isTrue();
            press(Shortcut.BACK_OUT);
            assertThat(fx(() -> c.root().getStyleClass().contains("presentation"))).isFalse();
        });
        checks.put(Shortcut.SEARCH, () -> {
            press(Shortcut.SEARCH);
            assertThat(fx(() -> stage.getScene().getFocusOwner())).isSameAs(node("searchField"));
            fx(() -> c.scenarioList().requestFocus());
        });
        checks.put(Shortcut.OPEN, () -> {
            press(Shortcut.OPEN);
            assertThat(dialogs).containsExactly("open");
        });
        checks.put(Shortcut.SAVE, () -> {
            press(Shortcut.SAVE);
            assertThat(dialogs).containsExactly("save");
        });
        checks.put(Shortcut.EXPORT, () -> {
            press(Shortcut.EXPORT);
            assertThat(dialogs).containsExactly("export");
        });
        checks.put(Shortcut.RECORD, () -> {
            press(Shortcut.RECORD);
            assertThat(dialogs).containsExactly("record");
        });
        checks.put(Shortcut.COPY_COMMAND, () -> {
            fx(() -> Clipboard.getSystemClipboard().clear());
            press(Shortcut.COPY_COMMAND);
            assertThat(c.message()).startsWith("Copied: ").endsWith(" run chef-soup --set olivia=3 --set cook=0.5 --seed 0");
            assertThat(fx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(c.message().substring(8));
        });

        assertThat(checks.keySet()).as("a check for every shortcut").containsExactly(Shortcut.values());
        for (Shortcut s : Shortcut.values()) {
            checks.get(s).run();
        }
    }

    @Test
    void whileTypingPlainKeysTypeAndCtrlKeysStillWork() {
        atTheEndOf("chef-soup");
        TextField search = node("searchField");
        fx(search::requestFocus);
        int before = tracesShown.get();

        robot.push(KeyCode.R);
        robot.push(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(heard).as("R and Space are typed, not run").isEmpty();
        assertThat(fx(() -> search.getText())).isEqualTo("r ");
        assertThat(tracesShown.get()).isEqualTo(before);

        press(Shortcut.SAVE);
        assertThat(dialogs).containsExactly("save");
        fx(search::clear);
    }

    @Test
    void theToolbarAndTheFileMenuRunTheirCommandThroughTheKeyMapOnce() {
        atTheEndOf("chef-soup");
        heard.clear();
        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(heard).containsExactly(Shortcut.SAVE);
        assertThat(dialogs).containsExactly("save");

        heard.clear();
        dialogs.clear();
        fx(() -> ((javafx.scene.control.MenuButton) node("fileMenuButton")).getItems().stream()
                .filter(i -> "Open trace…".equals(i.getText())).findFirst().orElseThrow().fire());
        assertThat(heard).containsExactly(Shortcut.OPEN);
        assertThat(dialogs).containsExactly("open");
    }
}
