/**
 * The window: the shell around the timeline control ({@code ui.timeline}).
 *
 * <ul>
 *   <li>{@code main.fxml} lays the window out and includes its parts, each with its own FXML and
 *       class: the {@link io.threadline.ui.Toolbar}, the {@link io.threadline.ui.ScenarioBrowser},
 *       the {@link io.threadline.ui.ScenarioPanel} and the {@link io.threadline.ui.StatusBar}.
 *       {@link io.threadline.ui.MainController} wires them around the timeline and the output;
 *       {@link io.threadline.ui.WindowLayout} shares the room (and has presentation mode),
 *       {@link io.threadline.ui.WindowTitle} names the run, {@link io.threadline.ui.FileMenu} reads
 *       and writes files, and {@link io.threadline.ui.KeyMap} declares every shortcut once.
 *       {@code threadline.css} styles it on top of AtlantaFX Primer light or dark
 *       ({@link io.threadline.ui.Theme}), with Inter and JetBrains Mono bundled ({@code Fonts}).</li>
 *   <li>{@link io.threadline.ui.PlaybackModel} is where the window stands in a trace (playhead,
 *       reveal time, live / playing / paused) with read-only properties and an injected clock;
 *       the window pulls a snapshot from it once per frame.</li>
 *   <li>{@link io.threadline.ui.ParamForm} and {@link io.threadline.ui.OutputPane} are panels,
 *       each usable on its own.</li>
 *   <li>The teaching aids (prediction and tour, thread panel, code and its marks, compare) are in
 *       {@code ui.teach}, which knows nothing of this package; the controller hands them their
 *       nodes in one block and calls them from {@code sync()}.</li>
 * </ul>
 *
 * <p>Traps worth knowing:
 * <ul>
 *   <li>The JavaFX thread only draws. A run goes on in the runtime's own threads; never call
 *       {@code Run.awaitEnd} here. {@code Run.start} and {@code Run.stop} return at once.</li>
 *   <li>A paced run cannot be paused (its threads run against the wall clock): "pause" freezes
 *       the view, the run records on, and the frame loop keeps polling until it has ended.</li>
 *   <li>Monocle's headless screen is 1280x800: a test window larger than that overflows its
 *       frame buffer (BufferOverflowException in Framebuffer.composePixels).</li>
 *   <li>Ikonli icon sizes are not em-relative; presentation mode scales them in the CSS.</li>
 *   <li>Toolbar buttons do not take focus, so Space and the arrows stay timeline shortcuts;
 *       plain-key shortcuts step aside while a text field or switch has the focus. A shortcut is
 *       declared in {@link io.threadline.ui.KeyMap} and nowhere else: a menu item that shows a key
 *       ({@code setAccelerator}) puts it in the scene's accelerators, so a second handler of the
 *       same key would run its command twice.</li>
 *   <li>Never drop an exception you did not expect: {@link io.threadline.ui.ErrorReporter#report}
 *       logs it and shows the one error dialog. A bad trace file or a failed save is not such
 *       an error: it gets its line in the status bar.</li>
 *   <li>Never {@code showAndWait} a dialog from a frame or layout handler (JavaFX refuses it);
 *       the error dialog is not modal and gathers repeats, because a fault in a frame handler
 *       fires sixty times a second.</li>
 *   <li>Why a run ended badly goes in the {@link io.threadline.ui.OutcomeBanner} in full; the
 *       status bar's one line may be cut at the window's edge.</li>
 *   <li>Every file the window writes goes to a temporary file moved into place when complete
 *       (the {@code export} package's writers), so a failed write leaves the old file; closing
 *       the window waits for saves under way and, briefly, for the stopped run's threads.</li>
 * </ul>
 */
package io.threadline.ui;
