/**
 * The timeline as a picture, without any toolkit: for PNG, SVG and recordings, from the window or
 * from the command line on a machine with no display.
 *
 * <ul>
 *   <li>{@link io.threadline.picture.Painter} is the drawing surface, one small interface with
 *       three backends: {@link io.threadline.picture.Java2DPainter} (PNG, GIF frames; works with
 *       {@code java.awt.headless}), {@link io.threadline.picture.SvgPainter}, and the window's
 *       JavaFX canvas ({@code ui.timeline.CanvasPainter}).</li>
 *   <li>{@link io.threadline.picture.TimelinePicture} lays out and paints a whole trace through a
 *       painter, with {@link io.threadline.picture.PictureOptions} (window of time, width, theme,
 *       sizes, how far the run is revealed, playhead, heading, printed lines).</li>
 *   <li>What the window's timeline shares with it lives here too, so both draw from one source:
 *       {@link io.threadline.picture.TimeScale} (time to pixels and back),
 *       {@link io.threadline.picture.LaneBins} (a lane per pixel column),
 *       {@link io.threadline.picture.RulerTicks}, {@link io.threadline.picture.TimeText},
 *       {@link io.threadline.picture.SpanText} and the state look table
 *       {@link io.threadline.picture.StateStyle}. Colours: {@link io.threadline.picture.PictureTheme}
 *       holds timeline.css's light and dark values (a test keeps them equal).</li>
 * </ul>
 *
 * <p>Traps:
 * <ul>
 *   <li>No JavaFX here (a build-time test checks): {@code javafx.scene.text.Font} alone starts the
 *       toolkit, which needs a display. Text is measured with the bundled fonts through Java2D.</li>
 *   <li>Fonts come from {@code /io/threadline/ui/fonts}; a character Inter lacks is drawn with
 *       the JDK's logical sans-serif (it would otherwise be a box).</li>
 *   <li>SVG text is glyph outlines by default: most viewers lack Inter and would substitute a wider
 *       face, running names into their badges; librsvg ignores {@code textLength}.</li>
 * </ul>
 */
package io.threadline.picture;
