package io.threadline.picture;

import io.threadline.trace.CounterTrack;
import io.threadline.trace.ResourceSpans;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of the timeline from top to bottom: thread lanes grouped by process (with a header
 * per process of several threads when there are several processes; a process of one thread is
 * named in its lane, so a pool's workers take one row each), in creation order, then counter
 * charts, then one row per pool call's results, then the resource lanes: the lesson's open, the
 * rest folded into one row. Rebuilt only when the set of rows changes; lanes keep their caches.
 */
public final class TimelineRows {
    /** A track placed at content height y (0 = just under the ruler, before scrolling). */
    public record Row(Track track, double y, double height) {
        public double bottom() {
            return y + height;
        }
    }

    private final Map<Integer, ThreadTrack> threadTracks = new HashMap<>();
    private final Map<Object, Track> otherTracks = new HashMap<>();
    private List<Row> rows = List.of();
    private double contentHeight;
    private String signature = "";
    private ResourceLanes resourceLanes;
    private Trace resourceTrace;
    private boolean resourcesOpen;
    private TraceExtras extras;

    /** Brings the rows up to date with the trace; true if they changed. */
    public boolean update(Trace trace, TraceExtras extras, PictureMetrics m) {
        this.extras = extras;
        String sig = trace == null ? "" : trace.threadCount() + "/" + trace.processCount() + "/"
                + extras.counters().size() + "/" + extras.variants() + "/" + m
                + "/" + resourceSignature(trace);
        if (sig.equals(signature)) {
            return false;
        }
        signature = sig;
        List<Row> out = new ArrayList<>();
        double y = 0;
        if (trace != null) {
            int threads = trace.threadCount();
            int processes = trace.processCount();
            boolean grouped = processes > 1;
            List<List<Integer>> byProcess = new ArrayList<>();
            for (int p = 0; p <= processes; p++) {
                byProcess.add(new ArrayList<>());
            }
            for (int t = 0; t < threads; t++) {
                int p = trace.thread(t).process();
                // a thread whose process is not listed yet (a live run) goes last until it is
                byProcess.get(p >= 0 && p < processes ? p : processes).add(t);
            }
            for (int p = 0; p <= processes; p++) {
                List<Integer> group = byProcess.get(p);
                if (group.isEmpty()) {
                    continue;
                }
                boolean headed = grouped && p < processes && group.size() > 1;
                if (headed) {
                    int id = p;
                    Track header = otherTracks.computeIfAbsent("process:" + p + ":" + group.size(),
                            k -> new ProcessHeaderTrack(id, group.size()));
                    out.add(new Row(header, y, header.height(m)));
                    y += header.height(m);
                }
                for (int t : group) {
                    // a lane moves under a header once its process starts a second thread
                    ThreadTrack track = threadTracks.computeIfAbsent(headed ? t : ~t, k -> new ThreadTrack(t, headed));
                    out.add(new Row(track, y, track.height(m)));
                    y += track.height(m);
                }
            }
            // what reaches the main thread first (a pool's results: its lesson, kept on a
            // projector's screen), then the resources the lesson is about, then counters
            for (String v : extras.variants()) {
                Track track = otherTracks.computeIfAbsent("results:" + v, k -> new ResultsTrack(v, extras));
                out.add(new Row(track, y, track.height(m)));
                y += track.height(m);
            }
            y = addFocusedResources(out, y, m);
            for (CounterTrack c : extras.counters()) {
                Track track = otherTracks.computeIfAbsent(c, k -> new CounterChartTrack(c, extras));
                out.add(new Row(track, y, track.height(m)));
                y += track.height(m);
            }
            // the rest folded into one row, last
            y = addFoldedResources(out, y, m);
        }
        rows = List.copyOf(out);
        contentHeight = y;
        return true;
    }

    /** Where the run moves on to its next pool call (each call after the first's start), for a divider across the lanes. */
    public List<Long> callDividers() {
        return extras == null ? List.of() : extras.laterCallStarts();
    }

    /**
     * Brings the resource lanes up to date and says what rows they make: which are open, which
     * folded, and how tall each is, so the rows are rebuilt only when that changes.
     */
    private String resourceSignature(Trace trace) {
        if (resourceTrace != trace) {
            resourceTrace = trace;
            resourceLanes = new ResourceLanes(trace);
            otherTracks.keySet().removeIf(k -> k instanceof String s && s.startsWith("resource"));
        }
        resourceLanes.update();
        StringBuilder b = new StringBuilder().append(resourcesOpen ? 'o' : 'f');
        for (int r = 0; r < resourceLanes.count(); r++) {
            ResourceSpans sp = resourceLanes.spans(r);
            b.append(resourceLanes.inFocus(r) ? 'F' : '-').append(Math.min(8, Math.max(sp.holds().slots(),
                    sp.items().slots())));
        }
        return b.toString();
    }

    /** The resource lanes the lesson is about, open. */
    private double addFocusedResources(List<Row> out, double y, PictureMetrics m) {
        for (int r = 0; r < resourceLanes.count(); r++) {
            if (resourceLanes.inFocus(r)) {
                y = addResourceLane(out, y, r, m);
            }
        }
        return y;
    }

    /** The "resources" row with the other lanes, and (opened) those lanes under it. */
    private double addFoldedResources(List<Row> out, double y, PictureMetrics m) {
        List<Integer> folded = new ArrayList<>();
        for (int r = 0; r < resourceLanes.count(); r++) {
            if (!resourceLanes.inFocus(r)) {
                folded.add(r);
            }
        }
        if (!folded.isEmpty()) {
            Track fold = new ResourceFoldTrack(folded, resourceLanes, resourcesOpen);
            out.add(new Row(fold, y, fold.height(m)));
            y += fold.height(m);
            if (resourcesOpen) {
                for (int r : folded) {
                    y = addResourceLane(out, y, r, m);
                }
            }
        }
        return y;
    }

    private double addResourceLane(List<Row> out, double y, int r, PictureMetrics m) {
        Track track = otherTracks.computeIfAbsent("resource:" + r, k -> new ResourceTrack(r, resourceLanes));
        out.add(new Row(track, y, track.height(m)));
        return y + track.height(m);
    }

    /** Opens the folded resource lanes, or folds them again; the next {@link #update} lays them out. */
    public void toggleResources() {
        resourcesOpen = !resourcesOpen;
        signature = "";
    }

    /** Whether the folded resource lanes are open. */
    public boolean resourcesOpen() {
        return resourcesOpen;
    }

    /** Opens (or folds) the resource lanes the lesson is not about. */
    public void setResourcesOpen(boolean open) {
        if (open != resourcesOpen) {
            toggleResources();
        }
    }

    /** The resource lanes' stretches, or null before the first update with a trace. */
    public ResourceLanes resourceLanes() {
        return resourceLanes;
    }

    /** The row of a resource's lane, or null (folded, or no such resource). */
    public Row rowOfResource(int resource) {
        for (Row r : rows) {
            if (r.track() instanceof ResourceTrack t && t.resource() == resource) {
                return r;
            }
        }
        return null;
    }

    /** Forgets every track (a new trace). */
    public void clear() {
        resourceTrace = null;
        resourceLanes = null;
        threadTracks.clear();
        otherTracks.clear();
        rows = List.of();
        contentHeight = 0;
        signature = "";
    }

    /**
     * The cause arrows' shafts of the rows' last paint, {x, top, bottom} in the body's x and the
     * rows' y: the playhead's line stops short over them (see {@link MarkGaps#forPlayhead}).
     */
    private final List<double[]> arrowShafts = new java.util.ArrayList<>();

    List<double[]> arrowShafts() {
        return arrowShafts;
    }

    public List<Row> rows() {
        return rows;
    }

    public double contentHeight() {
        return contentHeight;
    }

    /** The row at content height y, or null. */
    public Row rowAt(double y) {
        for (Row r : rows) {
            if (y >= r.y() && y < r.bottom()) {
                return r;
            }
        }
        return null;
    }

    /** The lane row of a thread, or null. */
    public Row rowOf(int thread) {
        for (Row r : rows) {
            if (r.track().thread() == thread) {
                return r;
            }
        }
        return null;
    }
}
