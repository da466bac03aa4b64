package io.threadline.testing;

import io.threadline.trace.LaneColumns;
import io.threadline.trace.ResourceColumns;
import io.threadline.trace.Trace;

import java.util.TreeSet;

/** The instants a test of "at any time" looks at: every time something happens, and the middle of every stretch between two. */
public final class Instants {
    private Instants() {
    }

    /** Every event's time of every thread and resource lane, the midpoints between a lane's events, and the end. */
    public static TreeSet<Long> of(Trace t) {
        TreeSet<Long> times = new TreeSet<>();
        for (int th = 0; th < t.threadCount(); th++) {
            LaneColumns lane = t.lane(th);
            for (int i = 0; i < lane.size(); i++) {
                times.add(lane.time(i));
                if (i + 1 < lane.size()) {
                    times.add((lane.time(i) + lane.time(i + 1)) / 2);
                }
            }
        }
        for (int r = 0; r < t.resourceCount(); r++) {
            ResourceColumns lane = t.resourceLane(r);
            for (int i = 0; i < lane.size(); i++) {
                times.add(lane.time(i));
                if (i + 1 < lane.size()) {
                    times.add((lane.time(i) + lane.time(i + 1)) / 2);
                }
            }
        }
        times.add(t.endTime());
        return times;
    }
}
