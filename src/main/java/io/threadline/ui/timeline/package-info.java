/**
 * The timeline control: {@link io.threadline.ui.timeline.TimelineView} (lanes, ruler, playhead,
 * hover, cause arrows by {@link io.threadline.ui.timeline.ArrowMode}) and
 * {@link io.threadline.ui.timeline.TimelineLegend}; and the other pictures of states drawn by the
 * same painter: {@link io.threadline.ui.timeline.LifecycleDiagram} (one thread's
 * {@link io.threadline.ui.timeline.ThreadMoment}), {@link io.threadline.ui.timeline.StateSwatch},
 * {@link io.threadline.ui.timeline.StateTimeBar}.
 *
 * <p>How it is put together: the tracks, their rows and their painting are toolkit-free and live
 * in {@code io.threadline.picture} ({@code TimelineRows}, {@code ThreadTrack} and the other
 * {@code Track}s, {@code TimelineRenderer}), shared with exported pictures. The view keeps the
 * window's part: the canvas and its {@link io.threadline.ui.timeline.CanvasPainter} (one per
 * canvas, with its own pools of images), the scale as the user zooms and pans, scrolling,
 * selection, hover, the playhead node, input ({@link io.threadline.ui.timeline.TimelineInput}),
 * and the colours from CSS ({@link io.threadline.ui.timeline.TimelineStyle}: one styleable
 * property per {@code picture.Ink}, timeline.css light and {@code :dark}).
 *
 * <p>Traps for the next maintainer:
 * <ul>
 * <li>Many transitions are instants: the runtime's clock does not move while a thread prints or
 *     hands off, so a wake-up is often runnable and running spans of zero length. They are not
 *     errors; {@code LaneBins} marks them as "ran for an instant" (a hairline tick above the bar,
 *     never a fill), and hover lists them.</li>
 * <li>Lanes are binned per pixel column ({@code LaneBins}), never walked span by span: a column
 *     is one span, a boundary between two (the span under the centre wins), or MIXED (the state
 *     with most time in it). Keep it that way or a million-event trace will freeze the window.</li>
 * <li>The trace may grow while drawn. Read a lane's {@code size()} once per frame and stay below
 *     it; never read {@code Trace.results()} or counters more than once per tick (TraceExtras).</li>
 * <li>{@code Parent.layout()} is final: the read-only lane model is {@code laneLayout()}.</li>
 * <li>Arrows depend on the lane under the pointer: a hover that changes lanes redraws the canvas
 *     (only then, and only while arrows are on).</li>
 * <li>Whatever lies under or over the canvas is repainted with it every frame: keep costly nodes
 *     (rounded, shaded, stroked) off it; the canvas stops short of the scroll bar.</li>
 * <li>Monocle's robot reports wheel deltas in its own units and sign; tests fire ScrollEvents.</li>
 * </ul>
 */
package io.threadline.ui.timeline;
