/**
 * The teaching aids around the timeline: {@link io.threadline.ui.teach.TeachingAids} wires them
 * into the window and keeps them in step once per frame.
 *
 * <ul>
 *   <li>{@link io.threadline.ui.teach.TourBar}: the question to predict before a run, answered by
 *       the run, and the guided tour of its moments.</li>
 *   <li>{@link io.threadline.ui.teach.ThreadPanel}: the selected thread at the playhead, with the
 *       lifecycle diagram and the {@link io.threadline.ui.teach.ThreadInspector}.</li>
 *   <li>{@link io.threadline.ui.teach.ComparePane}: two runs with one parameter changed, stacked
 *       on one time axis.</li>
 *
 *   <li>{@link io.threadline.ui.teach.CodeView}: the program's code, each thread's line marked in
 *       its colour ({@link io.threadline.ui.teach.ThreadColours}, shared with the output).</li>
 * </ul>
 *
 * <p>Nodes that draw states (the diagram, swatches, the time bar) live in {@code ui.timeline} with
 * the rest of the drawing; this package arranges and words them. It uses neither the window's
 * shell ({@code ui}) nor anything below the scenarios but the trace (see ArchitectureTest). See
 * HACKING.md for the traps.
 */
package io.threadline.ui.teach;
