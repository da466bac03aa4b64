/**
 * The timeline control: {@link io.threadline.ui.timeline.TimelineView} (lanes, ruler, playhead,
 * hover, cause arrows by {@link io.threadline.ui.timeline.ArrowMode}) and
 * {@link io.threadline.ui.timeline.TimelineLegend}; and the other pictures of states drawn by the
 * same painter: {@link io.threadline.ui.timeline.LifecycleDiagram} (one thread's
 * {@link io.threadline.ui.timeline.ThreadMoment}), {@link io.threadline.ui.timeline.StateSwatch},
 * {@link io.threadline.ui.timeline.StateTimeBar}.
 *
 * <p>How it is put together: {@code TimeScale} maps µs to pixels (it, the per-pixel
 * {@code LaneBins}, {@code RulerTicks}, {@code TimeText} and {@code SpanText} live in the
 * toolkit-free {@code io.threadline.picture}, which exported pictures share); {@code TimelineRows} stacks
 * {@code Track}s (thread lanes, process headers, counter charts, pool results);
 * {@code TimelineRenderer} paints the visible rows on one canvas, each track drawing its body
 * under the scale and its header in the fixed gutter. {@code StateLook} is the one table from
 * state to look; its colours are CSS properties ({@code timeline.css}, light and {@code :dark}).
 *
 * <p>Traps for the next maintainer:
 * <ul>
 * <li>Many transitions are instants: the runtime's clock does not move while a thread prints or
 *     hands off, so a wake-up is often runnable and running spans of zero length. They are not
 *     errors; {@code LaneBins} marks them as "ran for an instant" ticks, and hover lists them.</li>
 * <li>Lanes are binned per pixel column ({@code LaneBins}), never walked span by span: a column
 *     is one span, a boundary between two (the span under the centre wins), or MIXED (the state
 *     with most time in it). Keep it that way or a million-event trace will freeze the window.</li>
 * <li>The trace may grow while drawn. Read a lane's {@code size()} once per frame and stay below
 *     it; never read {@code Trace.results()} or counters more than once per tick (TraceExtras).</li>
 * <li>{@code Parent.layout()} is final: the read-only lane model is {@code laneLayout()}.</li>
 * <li>Arrows depend on the lane under the pointer: a hover that changes lanes redraws the canvas
 *     (only then, and only while arrows are on).</li>
 * <li>Monocle's robot reports wheel deltas in its own units and sign; tests fire ScrollEvents.</li>
 * </ul>
 */
package io.threadline.ui.timeline;
