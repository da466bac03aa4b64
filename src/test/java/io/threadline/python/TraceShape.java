package io.threadline.python;

import io.threadline.trace.LaneColumns;
import io.threadline.trace.OutputLine;
import io.threadline.trace.Reason;
import io.threadline.trace.ResourceColumns;
import io.threadline.trace.ResourceInfo;
import io.threadline.trace.ResourceOp;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What two runs of the same program must agree on, line numbers aside: each thread (name,
 * process, daemon) with its transitions (time, state, reason, cause), each resource (kind,
 * process; not its name: a Python program's locks have none of the Java program's) with its
 * events (time, what, thread, argument), the printed lines (time, thread, text, stream), and
 * how the run ended. A Java program's io(...) is a sleep here: its
 * Python program can only say time.sleep for the download it stands for.
 */
final class TraceShape {
    private TraceShape() {
    }

    static List<String> of(Trace t) {
        return of(t, r -> true);
    }

    /** With only the resources {@code shown} lets through. */
    static List<String> of(Trace t, Predicate<ResourceInfo> shown) {
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
        for (int r = 0; r < t.resourceCount(); r++) {
            ResourceInfo info = t.resource(r);
            if (!shown.test(info)) {
                continue;
            }
            out.add("resource " + info.kind().label() + " in " + t.process(info.process()).name());
            ResourceColumns lane = t.resourceLane(r);
            for (int k = 0; k < lane.size(); k++) {
                ResourceOp op = lane.op(k);
                int arg = lane.arg(k);
                String what = switch (op) {
                    case PUT, DONE -> t.string(arg);
                    case WOKEN, FORCED -> arg >= 0 ? "by " + t.thread(arg).name() : "";
                    default -> Integer.toString(arg);
                };
                out.add("  " + lane.time(k) + " " + op.label() + " " + t.thread(lane.thread(k)).name() + " " + what);
            }
        }
        for (OutputLine o : t.output()) {
            out.add("print " + o.time() + " " + t.thread(o.thread()).name() + (o.error() ? " (stderr)" : "") + ": "
                    + o.text());
        }
        return out;
    }
}
