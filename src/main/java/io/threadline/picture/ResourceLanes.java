package io.threadline.picture;

import io.threadline.trace.ResourceInfo;
import io.threadline.trace.ResourceKind;
import io.threadline.trace.ResourceSpans;
import io.threadline.trace.SpanSet;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;

/**
 * The stretches of every resource lane of one trace ({@link ResourceSpans}), kept up to date as
 * the trace grows: each frame takes in only the events recorded since the last. Also decides
 * which lanes a picture opens at first: those the lesson names ({@link Trace#resourceFocus()}),
 * or else the contended ones.
 */
public final class ResourceLanes {
    /** Lanes opened by default when the lesson names none: the first few contended ones. */
    static final int DEFAULT_OPEN = 4;

    private final Trace trace;
    private final List<ResourceSpans> spans = new ArrayList<>();

    public ResourceLanes(Trace trace) {
        this.trace = trace;
    }

    /** Takes in what was recorded since the last call. */
    public void update() {
        int n = trace.resourceCount();
        while (spans.size() < n) {
            spans.add(new ResourceSpans(trace.resource(spans.size()).kind()));
        }
        for (int r = 0; r < n; r++) {
            spans.get(r).update(trace.resourceLane(r), trace.resourceLane(r).size());
        }
    }

    public int count() {
        return spans.size();
    }

    public ResourceSpans spans(int resource) {
        return spans.get(resource);
    }

    /** Whether the lane of {@code resource} is open at first (else it is folded into the "resources" row). */
    public boolean inFocus(int resource) {
        List<String> focus = trace.resourceFocus();
        ResourceInfo info = trace.resource(resource);
        if (!focus.isEmpty()) {
            for (String name : focus) {
                if (info.name().equals(name) || info.name().startsWith(name + " ")) {
                    return true;
                }
            }
            return false;
        }
        // no lesson names them: the contended ones, GILs only where nothing else is
        int shown = 0;
        boolean lockContended = false;
        for (int r = 0; r < spans.size(); r++) {
            if (contended(r) && trace.resource(r).kind() != ResourceKind.GIL) {
                lockContended = true;
                if (r == resource) {
                    return shown < DEFAULT_OPEN;
                }
                shown++;
            }
        }
        return !lockContended && info.kind() == ResourceKind.GIL && contended(resource);
    }

    /** Whether someone waited for it for a while (a wait of no time, a thread runnable for an instant, is no contention). */
    private boolean contended(int r) {
        SpanSet w = spans.get(r).waits();
        for (int k = 0; k < w.size(); k++) {
            if (w.end(k) > w.start(k)) {
                return true;
            }
        }
        return false;
    }
}
