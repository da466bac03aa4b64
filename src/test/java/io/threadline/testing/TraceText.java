package io.threadline.testing;

import io.threadline.trace.LaneColumns;
import io.threadline.trace.OutputLine;
import io.threadline.trace.ResourceColumns;
import io.threadline.trace.ResourceInfo;
import io.threadline.trace.ResourceOp;
import io.threadline.trace.Trace;
import io.threadline.trace.WaitRole;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders parts of a trace as short lines, so tests read like the timeline they check. */
public final class TraceText {
    private TraceText() {
    }

    /**
     * Transitions of one thread, e.g. {@code "0.500 waiting join Olivia"} or
     * {@code "3.000 runnable woken by Olivia"}.
     */
    public static List<String> transitions(Trace trace, String thread) {
        int t = trace.threadNamed(thread);
        if (t < 0) {
            throw new AssertionError("no thread named " + thread);
        }
        LaneColumns lane = trace.lane(t);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lane.size(); i++) {
            StringBuilder b = new StringBuilder();
            b.append(seconds(lane.time(i))).append(' ').append(lane.state(i).label());
            String reason = lane.reason(i).label();
            if (!reason.isEmpty()) {
                b.append(' ').append(reason);
            }
            String detail = trace.string(lane.detail(i));
            if (detail != null) {
                b.append(' ').append(detail);
            }
            if (lane.cause(i) >= 0) {
                b.append(" by ").append(trace.thread(lane.cause(i)).name());
            }
            out.add(b.toString());
        }
        return out;
    }

    /** The resource with this name's id; fails if there is none. */
    public static int resourceNamed(Trace trace, String name) {
        for (int r = 0; r < trace.resourceCount(); r++) {
            if (trace.resource(r).name().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no resource named " + name);
    }

    /**
     * Events of one resource, e.g. {@code "0.000 acquire Alice"}, {@code "0.500 wait Bob"},
     * {@code "1.000 woken Bob by Alice"}, {@code "1.000 put Producer-1 'item 1.1'"}.
     */
    public static List<String> resource(Trace trace, String name) {
        ResourceColumns lane = trace.resourceLane(resourceNamed(trace, name));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lane.size(); i++) {
            StringBuilder b = new StringBuilder();
            ResourceOp op = lane.op(i);
            int arg = lane.arg(i);
            b.append(seconds(lane.time(i))).append(' ').append(op.label()).append(' ')
                    .append(trace.thread(lane.thread(i)).name());
            switch (op) {
                case ACQUIRE, RELEASE -> {
                    if (lane.kind().reentrant()) {
                        b.append(" depth ").append(arg);
                    }
                }
                case WAIT -> {
                    if (WaitRole.of(arg) != WaitRole.WAITS) {
                        b.append(" to ").append(WaitRole.of(arg).label());
                    }
                }
                case WOKEN, FORCED -> {
                    if (arg >= 0) {
                        b.append(" by ").append(trace.thread(arg).name());
                    }
                }
                case PUT, DONE -> b.append(" '").append(trace.string(arg)).append('\'');
                case GET -> b.append(" #").append(arg);
                case NOTIFY -> b.append(' ').append(arg);
                default -> {
                }
            }
            out.add(b.toString());
        }
        return out;
    }

    /** Every resource's kind and name, in trace order, e.g. {@code "lock counter lock"}. */
    public static List<String> resources(Trace trace) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < trace.resourceCount(); r++) {
            ResourceInfo info = trace.resource(r);
            out.add(info.kind().label() + " " + info.name());
        }
        return out;
    }

    /** Times and state labels of one thread's transitions, without reasons. */
    public static List<String> states(Trace trace, String thread) {
        List<String> out = new ArrayList<>();
        for (String s : transitions(trace, thread)) {
            String[] parts = s.split(" ");
            out.add(parts[0] + " " + parts[1]);
        }
        return out;
    }

    /** Output lines as {@code "time thread: text"}. */
    public static List<String> output(Trace trace) {
        List<String> out = new ArrayList<>();
        for (OutputLine o : trace.output()) {
            out.add(seconds(o.time()) + " " + trace.thread(o.thread()).name() + ": " + o.text());
        }
        return out;
    }

    /** Output texts only, in order. */
    public static List<String> texts(Trace trace) {
        List<String> out = new ArrayList<>();
        for (OutputLine o : trace.output()) {
            out.add(o.text());
        }
        return out;
    }

    public static String seconds(long micros) {
        return String.format(Locale.ROOT, "%.3f", micros / 1e6);
    }

    /** Every column of every thread, for comparing two traces exactly. */
    public static String dump(Trace trace) {
        StringBuilder b = new StringBuilder();
        b.append(trace.scenario()).append(' ').append(trace.params()).append(' ').append(trace.seed()).append('\n');
        for (int t = 0; t < trace.threadCount(); t++) {
            b.append(trace.thread(t)).append('\n');
            LaneColumns l = trace.lane(t);
            for (int i = 0; i < l.size(); i++) {
                b.append(l.time(i)).append(',').append(l.state(i)).append(',').append(l.reason(i)).append(',')
                        .append(l.cause(i)).append(',').append(trace.string(l.detail(i))).append(',')
                        .append(l.line(i)).append('\n');
            }
        }
        trace.output().forEach(o -> b.append(o).append('\n'));
        trace.results().forEach(r -> b.append(r).append('\n'));
        trace.counters().forEach(c -> {
            b.append(c.name()).append(':');
            for (int i = 0; i < c.size(); i++) {
                b.append(c.get(i).time()).append('=').append(c.get(i).value()).append(' ');
            }
            b.append('\n');
        });
        b.append(trace.outcome()).append(' ').append(trace.outcomeMessage()).append(' ').append(trace.endTime());
        return b.toString();
    }
}
