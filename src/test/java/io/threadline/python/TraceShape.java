package io.threadline.python;

import io.threadline.trace.LaneColumns;
import io.threadline.trace.OutputLine;
import io.threadline.trace.Reason;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;

/**
 * What two runs of the same program must agree on, line numbers aside: each thread (name,
 * process, daemon) with its transitions (time, state, reason, cause), the printed lines (time,
 * thread, text, stream), and how the run ended. A Java program's io(...) is a sleep here: its
 * Python program can only say time.sleep for the download it stands for.
 */
final class TraceShape {
    private TraceShape() {
    }

    static List<String> of(Trace t) {
        List<String> out = new ArrayList<>();
        out.add("outcome " + t.outcome().label() + " at " + t.endTime());
        for (int i = 0; i < t.threadCount(); i++) {
            var info = t.thread(i);
            out.add("thread " + info.name() + " in " + t.process(info.process()).name() + (info.daemon() ? " daemon" : ""));
            LaneColumns lane = t.lane(i);
            for (int k = 0; k < lane.size(); k++) {
                int cause = lane.cause(k);
                String reason = lane.reason(k) == Reason.IO ? Reason.SLEEP.label() : lane.reason(k).label();
                out.add("  " + lane.time(k) + " " + lane.state(k).label() + " " + reason
                        + (cause >= 0 ? " by " + t.thread(cause).name() : ""));
            }
        }
        for (OutputLine o : t.output()) {
            out.add("print " + o.time() + " " + t.thread(o.thread()).name() + (o.error() ? " (stderr)" : "") + ": "
                    + o.text());
        }
        return out;
    }
}
