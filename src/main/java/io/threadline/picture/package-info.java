/**
 * The timeline drawn without any toolkit, once, for every surface: the window's canvas, PNG,
 * SVG and recordings, from the window or from the command line on a machine with no display.
 *
 * <ul>
 *   <li>{@link io.threadline.picture.Painter} is the drawing surface, one small interface with
 *       three backends: {@link io.threadline.picture.Java2DPainter} (PNG, GIF frames; works with
 *       {@code java.awt.headless}), {@link io.threadline.picture.SvgPainter}, and the window's
 *       JavaFX canvas ({@code ui.timeline.CanvasPainter}).</li>
 *   <li>A {@link io.threadline.picture.Track} is one band of the timeline: a thread lane
 *       ({@link io.threadline.picture.ThreadTrack}), a counter chart, pool results, a process
 *       header. {@link io.threadline.picture.TimelineRows} lists them, top to bottom;
 *       {@link io.threadline.picture.TimelineRenderer} paints the rows, the cause arrows and the
 *       ruler. The window ({@code ui.timeline.TimelineView}) and
 *       {@link io.threadline.picture.TimelinePicture} (a whole trace with heading, legend,
 *       playhead and printed lines, as {@link io.threadline.picture.PictureOptions} say) both
 *       draw through these, so a lane looks the same everywhere.</li>
 *   <li>Shared pieces: {@link io.threadline.picture.TimeScale} (the one conversion between time
 *       and x), {@link io.threadline.picture.LaneBins} (a lane per pixel column),
 *       {@link io.threadline.picture.RulerTicks}, {@link io.threadline.picture.TimeText},
 *       {@link io.threadline.picture.SpanText}; the state look table
 *       {@link io.threadline.picture.StateStyle}, drawn by {@link io.threadline.picture.StateMarks};
 *       colours by role ({@link io.threadline.picture.Ink}) in a
 *       {@link io.threadline.picture.PictureTheme} (timeline.css's light and dark values; the
 *       window styles them from its CSS), sizes in {@link io.threadline.picture.PictureMetrics}.</li>
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
 *   <li>A busy lane is a block of pixels ({@link io.threadline.picture.LaneStrip}) where the
 *       surface lends one ({@link io.threadline.picture.Painter#pixels}), shapes elsewhere; both
 *       must give the same pixels.</li>
 * </ul>
 */
package io.threadline.picture;
