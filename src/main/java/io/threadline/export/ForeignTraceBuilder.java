package io.threadline.export;

import io.threadline.trace.Reason;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.ThreadRole;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Builds a {@link Trace} from a Chrome trace written by another tool, which knows nothing of
 * Threadline's states. The mapping (also in {@link TraceFormat}):
 *
 * <ul>
 *   <li>Each thread ({@code pid}, {@code tid}) with at least one span becomes a lane, named by its
 *       {@code thread_name} metadata (else "thread TID") and grouped under its process, named by
 *       {@code process_name} (else "process PID"); {@code thread_sort_index} and
 *       {@code process_sort_index} order them, then the ids.</li>
 *   <li>Spans ({@code X} events, and {@code B}/{@code E} pairs matched per thread) are
 *       <em>running</em>, with the span's name as the detail; what lies between them is
 *       <em>waiting</em> (reason unknown), up to the end of the trace. Only the outermost spans
 *       count: a span inside another is a call within it; one that overlaps the previous span's
 *       end continues from there. A {@code B} never ended runs to the end of the trace.</li>
 *   <li>Instants ({@code i}, {@code I}, {@code R}) become lines printed by their thread (their name),
 *       counters ({@code C}) counter tracks (one per numeric arg, rounded to whole numbers).</li>
 *   <li>Times are shifted so the first event is at 0 and rounded to whole microseconds.</li>
 *   <li>Every other event (flows, async, samples, objects ...) is counted and left out; the
 *       trace's outcome message says what was read and what was left out.</li>
 * </ul>
 *
 * Events may come in any order. Memory grows with the spans kept, which a file of events holds
 * anyway; the checks for broken values are those of Threadline's own format.
 */
final class ForeignTraceBuilder implements EventBuilder {
    private static final double LIMIT = TraceFormat.MAX_TIME;

    /** One growing list of doubles, without boxing. */
    private static final class Doubles {
        double[] a = new double[16];
        int n;

        void add(double v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }
    }

    private static final class Ints {
        int[] a = new int[16];
        int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }
    }

    private static final class ProcessAcc {
        final Id pid;
        String name;
        long sortIndex = Long.MAX_VALUE;

        ProcessAcc(Id pid) {
            this.pid = pid;
        }
    }

    private static final class ThreadAcc {
        final Id pid;
        final Id tid;
        String name;
        long sortIndex = Long.MAX_VALUE;
        final Doubles starts = new Doubles();
        final Doubles ends = new Doubles();
        final Ints names = new Ints();
        final Doubles openStarts = new Doubles();
        final Ints openNames = new Ints();

        ThreadAcc(Id pid, Id tid) {
            this.pid = pid;
            this.tid = tid;
        }

        boolean hasSpans() {
            return starts.n > 0 || openStarts.n > 0;
        }
    }

    /** A pid or tid: a number, or a string some tools use instead. */
    private record Id(long number, String text) implements Comparable<Id> {
        @Override
        public int compareTo(Id o) {
            if (text == null && o.text == null) {
                return Long.compare(number, o.number);
            }
            if (text == null || o.text == null) {
                return text == null ? -1 : 1;
            }
            return text.compareTo(o.text);
        }

        @Override
        public String toString() {
            return text != null ? text : Long.toString(number);
        }
    }

    private record Instant(double ts, ThreadAcc thread, String text) {
    }

    private record Sample(double ts, long value) {
    }

    private final Map<Id, ProcessAcc> processes = new HashMap<>();
    private final Map<List<Id>, ThreadAcc> threads = new LinkedHashMap<>();
    private final List<String> spanNames = new ArrayList<>();
    private final Map<String, Integer> spanNameIds = new HashMap<>();
    private final List<Instant> instants = new ArrayList<>();
    /** Counter series by (pid, series name), in order of first sample. */
    private final Map<List<Object>, List<Sample>> counters = new LinkedHashMap<>();
    /** Events left out, by kind ("flow (s/t/f)" ...), for the message. */
    private final Map<String, Integer> skipped = new TreeMap<>();
    private double first = Double.POSITIVE_INFINITY;
    private double last = Double.NEGATIVE_INFINITY;
    private long events;
    private long spans;

    @Override
    public void event(RawEvent e) throws TraceFormatException {
        events++;
        if (e.ph == null) {
            skip("without 'ph'");
            return;
        }
        String ph = string(e.ph, "ph");
        switch (ph) {
            case "X" -> complete(e);
            case "B" -> begin(e);
            case "E" -> end(e);
            case "M" -> metadata(e);
            case "i", "I", "R" -> instant(e);
            case "C" -> counter(e);
            case "b", "e", "n", "S", "T", "p", "F" -> skip("async (" + ph + ")");
            case "s", "t", "f" -> skip("flow (" + ph + ")");
            case "P" -> skip("sample (P)");
            case "N", "O", "D" -> skip("object (" + ph + ")");
            default -> skip("unknown phase '" + JsonValue.shorten(ph) + "'");
        }
    }

    private void skip(String kind) {
        skipped.merge(kind, 1, Integer::sum);
    }

    // ------------------------------------------------------------------ events

    private void complete(RawEvent e) throws TraceFormatException {
        double ts = time(e);
        if (e.dur == null) {
            skip("X without 'dur'");
            return;
        }
        double dur = number(e.dur, "dur", "a number of microseconds");
        if (dur < 0) {
            throw at(e.dur, "'dur' must not be negative, got " + JsonValue.shorten(e.dur.text));
        }
        if (ts + dur > LIMIT) {
            throw at(e.dur, "'dur' is too large: the span would end at " + JsonValue.shorten(Double.toString(ts + dur))
                    + " microseconds (at most " + TraceFormat.MAX_TIME + ")");
        }
        ThreadAcc t = thread(e);
        t.starts.add(ts);
        t.ends.add(ts + dur);
        t.names.add(nameId(e));
        seen(ts);
        seen(ts + dur);
        spans++;
    }

    private void begin(RawEvent e) throws TraceFormatException {
        double ts = time(e);
        ThreadAcc t = thread(e);
        t.openStarts.add(ts);
        t.openNames.add(nameId(e));
        seen(ts);
    }

    private void end(RawEvent e) throws TraceFormatException {
        double ts = time(e);
        ThreadAcc t = thread(e);
        if (t.openStarts.n == 0) {
            skip("E without B");
            return;
        }
        t.openStarts.n--;
        t.openNames.n--;
        double start = t.openStarts.a[t.openStarts.n];
        t.starts.add(start);
        t.ends.add(Math.max(start, ts));
        t.names.add(t.openNames.a[t.openNames.n]);
        seen(ts);
        spans++;
    }

    private void metadata(RawEvent e) throws TraceFormatException {
        String name = e.name == null ? "" : e.name.kind == JsonValue.Kind.STRING ? e.name.text : "";
        switch (name) {
            case TraceFormat.THREAD_NAME -> thread(e).name = argText(e, "name");
            case TraceFormat.PROCESS_NAME -> process(e).name = argText(e, "name");
            case TraceFormat.THREAD_SORT_INDEX -> thread(e).sortIndex = sortIndex(e);
            case "process_sort_index" -> process(e).sortIndex = sortIndex(e);
            default -> skip("metadata '" + JsonValue.shorten(name) + "'");
        }
    }

    private void instant(RawEvent e) throws TraceFormatException {
        double ts = time(e);
        String text = e.name == null || e.name.text == null ? "(instant)" : e.name.text;
        instants.add(new Instant(ts, thread(e), text));
        seen(ts);
    }

    private void counter(RawEvent e) throws TraceFormatException {
        double ts = time(e);
        String name = e.name != null && e.name.kind == JsonValue.Kind.STRING ? e.name.text : "counter";
        Id pid = id(e.pid, "pid", new Id(0, null));
        if (e.argsValue != null && e.argsValue.kind != JsonValue.Kind.OBJECT) {
            throw at(e.argsValue, "'args' must be an object, got " + e.argsValue.describe());
        }
        int kept = 0;
        // args arrive unordered: series by name, so tracks come in the same order every time
        for (Map.Entry<String, JsonValue> a : new TreeMap<>(e.args).entrySet()) {
            JsonValue v = a.getValue();
            double value;
            if (v.isNumber() && !v.isNonFinite() && v.kind != JsonValue.Kind.BIG_INTEGER) {
                value = v.doubleValue;
            } else {
                continue;
            }
            if (Math.abs(value) > 9.0e18) {
                continue;
            }
            String series = e.args.size() == 1 || a.getKey().equals(TraceFormat.COUNTER_VALUE) ? name
                    : name + " " + a.getKey();
            counters.computeIfAbsent(List.of(pid, series), k -> new ArrayList<>()).add(new Sample(ts,
                    Math.round(value)));
            kept++;
        }
        if (kept == 0) {
            skip("C without a number");
            return;
        }
        seen(ts);
    }

    // ------------------------------------------------------------------ helpers

    private void seen(double ts) {
        first = Math.min(first, ts);
        last = Math.max(last, ts);
    }

    private int nameId(RawEvent e) {
        String name = e.name == null || e.name.text == null || e.name.text.isEmpty() ? "(no name)" : e.name.text;
        Integer id = spanNameIds.get(name);
        if (id == null) {
            id = spanNames.size();
            spanNames.add(name);
            spanNameIds.put(name, id);
        }
        return id;
    }

    private ProcessAcc process(RawEvent e) throws TraceFormatException {
        Id pid = id(e.pid, "pid", new Id(0, null));
        return processes.computeIfAbsent(pid, ProcessAcc::new);
    }

    private ThreadAcc thread(RawEvent e) throws TraceFormatException {
        Id pid = id(e.pid, "pid", new Id(0, null));
        // as Perfetto: an event without tid is on its process's main thread (tid = pid)
        Id tid = id(e.tid, "tid", pid);
        processes.computeIfAbsent(pid, ProcessAcc::new);
        return threads.computeIfAbsent(List.of(pid, tid), k -> new ThreadAcc(pid, tid));
    }

    private static Id id(JsonValue v, String what, Id absent) throws TraceFormatException {
        if (v == null) {
            return absent;
        }
        if (v.kind == JsonValue.Kind.STRING) {
            return new Id(0, v.text);
        }
        if (v.kind == JsonValue.Kind.INTEGER) {
            return new Id(v.longValue, null);
        }
        if (v.kind == JsonValue.Kind.FLOAT && !v.isNonFinite() && v.doubleValue == Math.rint(v.doubleValue)
                && Math.abs(v.doubleValue) < 9.0e15) {
            return new Id((long) v.doubleValue, null);
        }
        throw at(v, "'" + what + "' must be a whole number or a string, got " + v.describe());
    }

    private static double time(RawEvent e) throws TraceFormatException {
        if (e.ts == null) {
            throw new TraceFormatException(e.line, e.column, "event has no 'ts'");
        }
        double ts = number(e.ts, "ts", "a number of microseconds");
        if (Math.abs(ts) > LIMIT) {
            throw at(e.ts, "'ts' is too large: " + JsonValue.shorten(e.ts.text) + " (at most "
                    + TraceFormat.MAX_TIME + " microseconds either side of 0)");
        }
        return ts;
    }

    private static double number(JsonValue v, String what, String kind) throws TraceFormatException {
        if (!v.isNumber() || v.isNonFinite()) {
            throw at(v, "'" + what + "' must be " + kind + ", got " + v.describe());
        }
        if (v.kind == JsonValue.Kind.BIG_INTEGER) {
            throw at(v, "'" + what + "' is too large: " + JsonValue.shorten(v.text) + " (at most "
                    + TraceFormat.MAX_TIME + ")");
        }
        return v.doubleValue;
    }

    private static String string(JsonValue v, String what) throws TraceFormatException {
        if (v.kind != JsonValue.Kind.STRING) {
            throw at(v, "'" + what + "' must be a string, got " + v.describe());
        }
        return v.text;
    }

    private static String argText(RawEvent e, String key) throws TraceFormatException {
        if (e.argsValue != null && e.argsValue.kind != JsonValue.Kind.OBJECT) {
            throw at(e.argsValue, "'args' must be an object, got " + e.argsValue.describe());
        }
        JsonValue v = e.args.get(key);
        return v == null || !v.isScalar() || v.kind == JsonValue.Kind.NULL ? null : v.text;
    }

    private static long sortIndex(RawEvent e) throws TraceFormatException {
        if (e.argsValue != null && e.argsValue.kind != JsonValue.Kind.OBJECT) {
            throw at(e.argsValue, "'args' must be an object, got " + e.argsValue.describe());
        }
        JsonValue v = e.args.get("sort_index");
        if (v == null || v.kind != JsonValue.Kind.INTEGER) {
            return Long.MAX_VALUE;
        }
        return v.longValue;
    }

    private static TraceFormatException at(JsonValue where, String problem) {
        return new TraceFormatException(where.line, where.column, problem);
    }

    // ------------------------------------------------------------------ the end

    @Override
    public Trace finish(int line, int column) throws TraceFormatException {
        List<ThreadAcc> lanes = new ArrayList<>();
        for (ThreadAcc t : threads.values()) {
            if (t.hasSpans()) {
                lanes.add(t);
            }
        }
        if (lanes.isEmpty()) {
            throw new TraceFormatException(events == 0 ? "the trace has no events"
                    : "nothing to show: no spans (ph X, or B and E pairs) on any thread, among " + events + " events");
        }
        double origin = first;
        long end = Math.round(last - origin);
        if (end > TraceFormat.MAX_TIME) {
            throw new TraceFormatException("the trace spans " + end + " microseconds, more than "
                    + TraceFormat.MAX_TIME);
        }
        Trace trace = new Trace();
        trace.describe("", Map.of(), 0, "virtual");

        // processes, then their threads, each by sort index, then id
        Comparator<ProcessAcc> byProcess = Comparator.<ProcessAcc>comparingLong(p -> p.sortIndex)
                .thenComparing(p -> p.pid);
        Comparator<ThreadAcc> byThread = Comparator.<ThreadAcc>comparingLong(t -> t.sortIndex)
                .thenComparing(t -> t.tid);
        Map<Id, List<ThreadAcc>> byPid = new HashMap<>();
        for (ThreadAcc t : lanes) {
            byPid.computeIfAbsent(t.pid, k -> new ArrayList<>()).add(t);
        }
        List<ProcessAcc> used = new ArrayList<>();
        for (Id pid : byPid.keySet()) {
            used.add(processes.get(pid));
        }
        used.sort(byProcess);
        Map<ThreadAcc, Integer> ids = new HashMap<>();
        for (ProcessAcc p : used) {
            int process = trace.addProcess(p.name != null && !p.name.isEmpty() ? p.name : "process " + p.pid);
            List<ThreadAcc> group = byPid.get(p.pid);
            group.sort(byThread);
            for (ThreadAcc t : group) {
                String name = t.name != null && !t.name.isEmpty() ? t.name : "thread " + t.tid;
                ids.put(t, trace.addThread(name, process, false, ThreadRole.THREAD));
            }
        }
        for (ThreadAcc t : lanes) {
            lane(trace, ids.get(t), t, origin, end);
        }
        instants.sort(Comparator.comparingDouble(Instant::ts));
        int dropped = 0;
        for (Instant i : instants) {
            Integer tid = ids.get(i.thread());
            if (tid == null) {
                dropped++;
                continue;
            }
            trace.output(shift(i.ts(), origin), tid, i.text(), false);
        }
        if (dropped > 0) {
            skipped.merge("instant on a thread without spans", dropped, Integer::sum);
        }
        counters(trace, origin, used);
        trace.finish(end, RunOutcome.COMPLETED, message(lanes.size()));
        return trace;
    }

    private static long shift(double ts, double origin) {
        return Math.max(0, Math.round(ts - origin));
    }

    /** Turns a thread's spans into running stretches with waiting between them. */
    private void lane(Trace trace, int id, ThreadAcc t, double origin, long end) {
        // B events never ended run to the end of the trace
        for (int k = 0; k < t.openStarts.n; k++) {
            t.starts.add(t.openStarts.a[k]);
            t.ends.add(origin + end);
            t.names.add(t.openNames.a[k]);
        }
        int n = t.starts.n;
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        // outermost first: by start, the longer of two equal starts first
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(t.starts.a[a], t.starts.a[b]);
            return c != 0 ? c : Double.compare(t.ends.a[b], t.ends.a[a]);
        });
        long laneEnd = Long.MIN_VALUE;   // end of the running stretch so far
        for (int k : order) {
            long s = shift(t.starts.a[k], origin);
            long e = Math.max(s, shift(t.ends.a[k], origin));
            if (laneEnd != Long.MIN_VALUE && e <= laneEnd && s < laneEnd) {
                continue;   // inside the stretch before: a call within it
            }
            if (laneEnd != Long.MIN_VALUE && s < laneEnd) {
                s = laneEnd;   // overlaps its end: goes on from there
            }
            if (laneEnd != Long.MIN_VALUE && s > laneEnd) {
                trace.transition(id, laneEnd, ThreadState.WAITING, Reason.NONE, -1, null, 0);
            }
            trace.transition(id, s, ThreadState.RUNNING, Reason.NONE, -1, spanNames.get(t.names.a[k]), 0);
            laneEnd = e;
        }
        if (laneEnd < end) {
            trace.transition(id, laneEnd, ThreadState.WAITING, Reason.NONE, -1, null, 0);
        }
    }

    private void counters(Trace trace, double origin, List<ProcessAcc> used) {
        Map<String, Integer> pidsPerName = new HashMap<>();
        for (List<Object> key : counters.keySet()) {
            pidsPerName.merge((String) key.get(1), 1, Integer::sum);
        }
        for (Map.Entry<List<Object>, List<Sample>> c : counters.entrySet()) {
            String series = (String) c.getKey().get(1);
            if (pidsPerName.get(series) > 1) {
                ProcessAcc p = processes.get((Id) c.getKey().get(0));
                series += " (" + (p != null && p.name != null ? p.name : "process " + c.getKey().get(0)) + ")";
            }
            List<Sample> samples = c.getValue();
            samples.sort(Comparator.comparingDouble(Sample::ts));
            var track = trace.counter(series);
            for (Sample s : samples) {
                track.add(shift(s.ts(), origin), s.value());
            }
        }
    }

    private String message(int lanes) {
        StringJoiner left = new StringJoiner(", ");
        skipped.forEach((kind, n) -> left.add(n + " " + kind));
        return "imported from a Chrome trace: " + spans + (spans == 1 ? " span" : " spans") + " on " + lanes
                + (lanes == 1 ? " thread" : " threads") + " (running inside spans, waiting between them)"
                + (left.length() == 0 ? "" : "; left out: " + left);
    }
}
