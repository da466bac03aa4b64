package io.threadline.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.threadline.trace.Choice;
import io.threadline.trace.CounterSample;
import io.threadline.trace.CounterTrack;
import io.threadline.trace.LaneColumns;
import io.threadline.trace.OutputLine;
import io.threadline.trace.Reason;
import io.threadline.trace.ResourceColumns;
import io.threadline.trace.ResourceInfo;
import io.threadline.trace.ResourceOp;
import io.threadline.trace.ResourceSpans;
import io.threadline.trace.SpanSet;
import io.threadline.trace.ResultMark;
import io.threadline.trace.ThreadInfo;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import io.threadline.trace.WaitRole;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Writes a {@link Trace} as a Threadline trace file (layout in {@link TraceFormat}). The output
 * is a function of the trace alone: fixed key order, events in time order with fixed
 * tie-breaks, no wall-clock data, so the same run always gives the same bytes.
 *
 * <p>A trace still being recorded may be written: the writer takes one consistent prefix of
 * it, and lanes of threads still alive end at the latest time recorded.
 */
public final class TraceJsonWriter {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private TraceJsonWriter() {
    }

    /** Writes {@code trace} to {@code out} as UTF-8 JSON; does not close {@code out}. */
    public static void write(Trace trace, OutputStream out) throws IOException {
        Snapshot snap = new Snapshot(trace);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.setPrettyPrinter(new OneEventPerLine());
            g.writeStartObject();
            writeHeader(g, trace, snap);
            g.writeStringField("displayTimeUnit", "ms");
            g.writeArrayFieldStart("traceEvents");
            writeDeclarations(g, trace, snap);
            writeTimedEvents(g, trace, snap);
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /** The file's bytes for {@code trace}. */
    public static byte[] toBytes(Trace trace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(trace, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a byte array does not fail
        }
        return out.toByteArray();
    }

    // ------------------------------------------------------------------ parts of the file

    private static void writeHeader(JsonGenerator g, Trace trace, Snapshot snap) throws IOException {
        g.writeObjectFieldStart("otherData");
        g.writeStringField("format", TraceFormat.FORMAT);
        g.writeNumberField("version", snap.resources > 0 ? TraceFormat.VERSION : TraceFormat.VERSION_WITHOUT_RESOURCES);
        g.writeStringField("scenario", trace.scenario());
        g.writeObjectFieldStart("params");
        for (Map.Entry<String, String> p : trace.params().entrySet()) {
            g.writeStringField(p.getKey(), p.getValue());
        }
        g.writeEndObject();
        g.writeNumberField("seed", trace.seed());
        g.writeStringField("clock", trace.clock());
        if (!trace.source().isEmpty()) {
            g.writeStringField("source", trace.source());
        }
        if (!trace.resourceFocus().isEmpty()) {
            // only when a lesson names them: older files stay byte for byte the same
            g.writeArrayFieldStart("resourceFocus");
            for (String name : trace.resourceFocus()) {
                g.writeString(name);
            }
            g.writeEndArray();
        }
        g.writeStringField("outcome", snap.outcome.label());
        g.writeStringField("message", snap.message);
        if (snap.exitStatus != snap.outcome.defaultExitStatus()) {
            // only when the outcome does not say it: older files stay byte for byte the same
            g.writeNumberField("exitStatus", snap.exitStatus);
        }
        g.writeNumberField("end", snap.end);
        g.writeArrayFieldStart("counters");
        for (CounterTrack c : snap.counters) {
            g.writeString(c.name());
        }
        g.writeEndArray();
        if (snap.counters.stream().anyMatch(c -> c.expected() != null)) {
            // left out when no counter names one, so other traces keep their bytes
            g.writeObjectFieldStart("counterExpected");
            for (CounterTrack c : snap.counters) {
                if (c.expected() != null) {
                    g.writeNumberField(c.name(), c.expected());
                }
            }
            g.writeEndObject();
        }
        g.writeArrayFieldStart("strings");
        for (int i = 0; i < snap.strings; i++) {
            g.writeString(trace.string(i));
        }
        g.writeEndArray();
        if (!snap.choices.isEmpty()) {
            // left out when there are none, so traces without choices keep their bytes
            g.writeArrayFieldStart("choices");
            for (Choice c : snap.choices) {
                g.writeStartArray();
                g.writeNumber(c.time());
                g.writeString(c.kind().label());
                g.writeNumber(c.pick());
                g.writeBoolean(c.own());
                for (int i = 0; i < c.size(); i++) {
                    g.writeNumber(c.candidate(i) + TraceFormat.ID_BASE);
                }
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /**
     * Opens an event of the cold paths (declarations, prints, results, counters) up to its args:
     * the fields in the order every Threadline file has them; a null category, a negative time or
     * thread id is left out.
     */
    private static void openEvent(JsonGenerator g, String ph, String cat, String name, long ts, int pid, int tid)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("ph", ph);
        if (cat != null) {
            g.writeStringField("cat", cat);
        }
        g.writeStringField("name", name);
        if (ts >= 0) {
            g.writeNumberField("ts", ts);
        }
        g.writeNumberField("pid", pid);
        if (tid >= 0) {
            g.writeNumberField("tid", tid);
        }
        g.writeObjectFieldStart("args");
    }

    /** Closes the args and the event {@link #openEvent} opened. */
    private static void closeEvent(JsonGenerator g) throws IOException {
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeDeclarations(JsonGenerator g, Trace trace, Snapshot snap) throws IOException {
        for (int p = 0; p < snap.processes; p++) {
            openEvent(g, "M", null, TraceFormat.PROCESS_NAME, -1, p + TraceFormat.ID_BASE, -1);
            g.writeStringField("name", trace.process(p).name());
            closeEvent(g);
        }
        for (int t = 0; t < snap.threads; t++) {
            ThreadInfo info = trace.thread(t);
            int pid = info.process() + TraceFormat.ID_BASE;
            openEvent(g, "M", null, TraceFormat.THREAD_NAME, -1, pid, t + TraceFormat.ID_BASE);
            g.writeStringField("name", info.name());
            g.writeBooleanField("daemon", info.daemon());
            g.writeStringField("role", info.role().label());
            if (info.parent() >= 0) {
                g.writeNumberField("parent", info.parent() + TraceFormat.ID_BASE);
            }
            closeEvent(g);

            // Perfetto orders lanes by this; without it, by tid or name.
            openEvent(g, "M", null, TraceFormat.THREAD_SORT_INDEX, -1, pid, t + TraceFormat.ID_BASE);
            g.writeNumberField("sort_index", t);
            closeEvent(g);
        }
        if (snap.resources == 0) {
            return;
        }
        openEvent(g, "M", null, TraceFormat.PROCESS_NAME, -1, snap.resourcePid, -1);
        g.writeStringField("name", TraceFormat.RESOURCES_PROCESS);
        g.writeBooleanField("resources", true);
        closeEvent(g);
        for (int r = 0; r < snap.resources; r++) {
            ResourceInfo info = trace.resource(r);
            for (int k = 0; k < snap.slots(r); k++) {
                int tid = snap.resourceTid[r] + k;
                openEvent(g, "M", null, TraceFormat.THREAD_NAME, -1, snap.resourcePid, tid);
                g.writeStringField("name", k == 0 ? info.name() : info.name() + " · permit " + (k + 1));
                g.writeNumberField("resource", r);
                if (k == 0) {
                    g.writeStringField("kind", info.kind().label());
                    if (info.process() >= 0) {
                        g.writeNumberField("process", info.process() + TraceFormat.ID_BASE);
                    }
                    g.writeNumberField("capacity", info.capacity());
                }
                g.writeNumberField("slot", k);
                closeEvent(g);
                openEvent(g, "M", null, TraceFormat.THREAD_SORT_INDEX, -1, snap.resourcePid, tid);
                g.writeNumberField("sort_index", tid - TraceFormat.ID_BASE);
                closeEvent(g);
            }
        }
    }

    /**
     * Merges every stream of timed events (one per lane, output, results, one per counter) in
     * time order. Each stream is in time order already; ties go to the stream listed first,
     * so the order is fixed.
     */
    private static void writeTimedEvents(JsonGenerator g, Trace trace, Snapshot snap) throws IOException {
        EventWriter w = new EventWriter(g, trace, snap);
        PriorityQueue<Cursor> queue = new PriorityQueue<>();
        int stream = 0;
        for (int t = 0; t < snap.threads; t++) {
            LaneColumns lane = trace.lane(t);
            int tid = t;
            add(queue, new Cursor(stream++, snap.laneSizes[t], lane::time, i -> w.transition(tid, i)));
        }
        List<OutputLine> output = snap.output;
        add(queue, new Cursor(stream++, output.size(), i -> output.get(i).time(), w::output));
        List<ResultMark> results = snap.results;
        add(queue, new Cursor(stream++, results.size(), i -> results.get(i).time(), w::result));
        for (int c = 0; c < snap.counters.size(); c++) {
            CounterTrack track = snap.counters.get(c);
            add(queue, new Cursor(stream++, snap.counterSizes[c], i -> track.get(i).time(),
                    i -> w.counter(track.name(), track.get(i))));
        }
        for (int r = 0; r < snap.resources; r++) {
            ResourceColumns lane = trace.resourceLane(r);
            int id = r;
            add(queue, new Cursor(stream++, snap.resourceSizes[r], lane::time, i -> w.resourceEvent(id, i)));
        }
        for (int r = 0; r < snap.resources; r++) {
            SpanSet h = snap.holds[r];
            int id = r;
            add(queue, new Cursor(stream++, h.size(), h::start, i -> w.holding(id, i)));
        }
        while (!queue.isEmpty()) {
            Cursor c = queue.poll();
            c.emit.write(c.index);
            c.index++;
            if (c.index < c.size) {
                long next = c.time.at(c.index);
                if (next < c.headTime) {
                    throw new IllegalStateException("trace is not in time order: stream " + c.stream + " goes from "
                            + c.headTime + " back to " + next + " microseconds");
                }
                c.headTime = next;
                queue.add(c);
            }
        }
    }

    private static void add(PriorityQueue<Cursor> queue, Cursor c) {
        if (c.size > 0) {
            c.headTime = c.time.at(0);
            queue.add(c);
        }
    }

    private interface TimeAt {
        long at(int index);
    }

    private interface Emit {
        void write(int index) throws IOException;
    }

    /** The next unwritten event of one stream. */
    private static final class Cursor implements Comparable<Cursor> {
        final int stream;
        final int size;
        final TimeAt time;
        final Emit emit;
        int index;
        long headTime;

        Cursor(int stream, int size, TimeAt time, Emit emit) {
            this.stream = stream;
            this.size = size;
            this.time = time;
            this.emit = emit;
        }

        @Override
        public int compareTo(Cursor o) {
            int c = Long.compare(headTime, o.headTime);
            return c != 0 ? c : Integer.compare(stream, o.stream);
        }
    }

    /** Writes one event of each kind. */
    private static final class EventWriter {
        // Transitions are most of a file: their fixed keys and labels are encoded once.
        private static final SerializableString PH = new SerializedString("ph");
        private static final SerializableString CAT = new SerializedString("cat");
        private static final SerializableString NAME = new SerializedString("name");
        private static final SerializableString TS = new SerializedString("ts");
        private static final SerializableString DUR = new SerializedString("dur");
        private static final SerializableString PID = new SerializedString("pid");
        private static final SerializableString TID = new SerializedString("tid");
        private static final SerializableString ARGS = new SerializedString("args");
        private static final SerializableString STATE = new SerializedString("state");
        private static final SerializableString REASON = new SerializedString("reason");
        private static final SerializableString DETAIL = new SerializedString("detail");
        private static final SerializableString ERROR = new SerializedString("error");
        private static final SerializableString HOW = new SerializedString("how");
        private static final SerializableString LINE = new SerializedString("line");
        private static final SerializableString X = new SerializedString("X");
        private static final SerializableString I = new SerializedString("i");
        private static final SerializableString CAT_STATE = new SerializedString(TraceFormat.CAT_STATE);
        private static final SerializableString DEAD = new SerializedString(TraceFormat.DEAD);
        private static final SerializableString[] STATE_LABEL = labels(ThreadState.values().length, true);
        private static final SerializableString[] REASON_LABEL = labels(Reason.values().length, false);

        private static SerializableString[] labels(int n, boolean states) {
            SerializableString[] out = new SerializableString[n];
            for (int k = 0; k < n; k++) {
                out[k] = new SerializedString(states ? ThreadState.ofCode(k).label() : Reason.ofCode(k).label());
            }
            return out;
        }

        private final JsonGenerator g;
        private final Trace trace;
        private final Snapshot snap;

        EventWriter(JsonGenerator g, Trace trace, Snapshot snap) {
            this.g = g;
            this.trace = trace;
            this.snap = snap;
        }

        void transition(int tid, int i) throws IOException {
            LaneColumns lane = trace.lane(tid);
            ThreadState state = lane.state(i);
            Reason reason = lane.reason(i);
            long ts = lane.time(i);
            int pid = snap.pids[tid];
            String detail = trace.string(lane.detail(i));
            g.writeStartObject();
            if (state == ThreadState.DEAD) {
                g.writeFieldName(PH);
                g.writeString(I);
                g.writeFieldName(CAT);
                g.writeString(CAT_STATE);
                g.writeFieldName(NAME);
                g.writeString(DEAD);
                g.writeFieldName(TS);
                g.writeNumber(ts);
                g.writeFieldName(PID);
                g.writeNumber(pid);
                g.writeFieldName(TID);
                g.writeNumber(tid + TraceFormat.ID_BASE);
                g.writeFieldName(ARGS);
                g.writeStartObject();
                g.writeFieldName(HOW);
                g.writeString(REASON_LABEL[reason.ordinal()]);
                if (detail != null) {
                    g.writeFieldName(reason == Reason.RAISED ? ERROR : DETAIL);
                    g.writeString(detail);
                }
            } else {
                long end = i + 1 < snap.laneSizes[tid] ? lane.time(i + 1) : snap.end;
                SerializableString label = STATE_LABEL[state.ordinal()];
                g.writeFieldName(PH);
                g.writeString(X);
                g.writeFieldName(CAT);
                g.writeString(CAT_STATE);
                g.writeFieldName(NAME);
                g.writeString(label);
                g.writeFieldName(TS);
                g.writeNumber(ts);
                g.writeFieldName(DUR);
                g.writeNumber(end - ts);
                g.writeFieldName(PID);
                g.writeNumber(pid);
                g.writeFieldName(TID);
                g.writeNumber(tid + TraceFormat.ID_BASE);
                g.writeFieldName(ARGS);
                g.writeStartObject();
                g.writeFieldName(STATE);
                g.writeString(label);
                g.writeFieldName(REASON);
                g.writeString(REASON_LABEL[reason.ordinal()]);
                if (detail != null) {
                    g.writeFieldName(DETAIL);
                    g.writeString(detail);
                }
            }
            threadRef("by", lane.cause(i));
            int line = lane.line(i);
            if (line != 0) {
                g.writeFieldName(LINE);
                g.writeNumber(line);
            }
            g.writeEndObject();
            g.writeEndObject();
        }

        void output(int i) throws IOException {
            OutputLine o = snap.output.get(i);
            openEvent(g, "i", TraceFormat.CAT_OUTPUT, TraceFormat.PRINT, o.time(),
                    trace.thread(o.thread()).process() + TraceFormat.ID_BASE, o.thread() + TraceFormat.ID_BASE);
            g.writeStringField("text", o.text());
            if (o.error()) {
                g.writeBooleanField("error", true);
            }
            closeEvent(g);
        }

        void result(int i) throws IOException {
            ResultMark r = snap.results.get(i);
            openEvent(g, "i", TraceFormat.CAT_RESULT, TraceFormat.RESULT, r.time(),
                    trace.thread(r.thread()).process() + TraceFormat.ID_BASE, r.thread() + TraceFormat.ID_BASE);
            g.writeStringField("variant", r.variant());
            g.writeStringField("input", r.input());
            g.writeStringField("value", r.value());
            threadRef("from", r.from());
            if (r.chunk() >= 0) {
                g.writeNumberField("chunk", r.chunk());
            }
            closeEvent(g);
        }

        void counter(String name, CounterSample s) throws IOException {
            // Counters belong to the run, shown with its main process.
            openEvent(g, "C", null, name, s.time(), TraceFormat.ID_BASE, -1);
            g.writeNumberField(TraceFormat.COUNTER_VALUE, s.value());
            closeEvent(g);
        }

        void resourceEvent(int r, int i) throws IOException {
            ResourceColumns lane = trace.resourceLane(r);
            ResourceOp op = lane.op(i);
            int arg = lane.arg(i);
            openEvent(g, "i", TraceFormat.CAT_RESOURCE, op.label(), lane.time(i), snap.resourcePid, snap.resourceTid[r]);
            threadRef("thread", lane.thread(i));
            if (arg != TraceFormat.usualArg(op)) {
                String key = TraceFormat.argName(op);
                if (op.threadArgument()) {
                    threadRef(key, arg);
                } else if (op.textArgument()) {
                    g.writeStringField(key, trace.string(arg));
                } else if (op == ResourceOp.WAIT) {
                    g.writeStringField(key, WaitRole.of(arg).label());
                } else {
                    g.writeNumberField(key, arg);
                }
            }
            closeEvent(g);
        }

        void holding(int r, int i) throws IOException {
            SpanSet h = snap.holds[r];
            String holder = trace.thread(h.thread(i)).name();
            g.writeStartObject();
            g.writeStringField("ph", "X");
            g.writeStringField("cat", TraceFormat.CAT_HOLDER);
            g.writeStringField("name", holder);
            g.writeNumberField("ts", h.start(i));
            g.writeNumberField("dur", h.endOr(i, snap.end) - h.start(i));
            g.writeNumberField("pid", snap.resourcePid);
            g.writeNumberField("tid", snap.resourceTid[r] + h.slot(i));
            g.writeObjectFieldStart("args");
            g.writeStringField("holder", holder);
            closeEvent(g);
        }

        /** A thread by name; by name and id when the name alone is ambiguous. */
        private void threadRef(String key, int tid) throws IOException {
            if (tid < 0) {
                return;
            }
            g.writeStringField(key, trace.thread(tid).name());
            if (snap.sharedName[tid]) {
                g.writeNumberField(key + "Tid", tid + TraceFormat.ID_BASE);
            }
        }
    }

    /** One consistent prefix of a trace that may still be growing. */
    private static final class Snapshot {
        final int processes;
        final int threads;
        final int[] laneSizes;
        final List<OutputLine> output;
        final List<ResultMark> results;
        final List<CounterTrack> counters;
        final int[] counterSizes;
        final int strings;
        final List<Choice> choices;
        final io.threadline.trace.RunOutcome outcome;
        final String message;
        final int exitStatus;
        final long end;
        /** Per thread: whether another thread has its name, so references need its id too. */
        final boolean[] sharedName;
        /** Per thread: its process's id in the file. */
        final int[] pids;
        final int resources;
        final int[] resourceSizes;
        /** Per resource: its holdings, a slot (a track in the file) per permit in use at once. */
        final SpanSet[] holds;
        /** The resources process's pid, and per resource the tid of its first track. */
        final int resourcePid;
        final int[] resourceTid;

        /** Tracks resource {@code r} takes in the file: one per slot, at least one. */
        int slots(int r) {
            return Math.max(1, holds[r].slots());
        }

        Snapshot(Trace trace) {
            // Outcome first: if it says finished, everything below is complete.
            outcome = trace.outcome();
            message = trace.outcomeMessage();
            // Resources before threads: a resource's events name threads that exist by then.
            long latest = 0;
            resources = trace.resourceCount();
            resourceSizes = new int[resources];
            for (int r = 0; r < resources; r++) {
                ResourceColumns lane = trace.resourceLane(r);
                resourceSizes[r] = lane.size();
                if (resourceSizes[r] > 0) {
                    latest = Math.max(latest, lane.time(resourceSizes[r] - 1));
                }
            }
            exitStatus = trace.exitStatus();
            threads = trace.threadCount();
            laneSizes = new int[threads];
            for (int t = 0; t < threads; t++) {
                LaneColumns lane = trace.lane(t);
                laneSizes[t] = lane.size();
                if (laneSizes[t] > 0) {
                    latest = Math.max(latest, lane.time(laneSizes[t] - 1));
                }
            }
            // Threads are added before their processes are used, so this covers every pid above.
            processes = trace.processCount();
            output = trace.output();
            results = trace.results();
            counters = trace.counters();
            counterSizes = new int[counters.size()];
            for (int c = 0; c < counters.size(); c++) {
                counterSizes[c] = counters.get(c).size();
                if (counterSizes[c] > 0) {
                    latest = Math.max(latest, counters.get(c).get(counterSizes[c] - 1).time());
                }
            }
            if (!output.isEmpty()) {
                latest = Math.max(latest, output.get(output.size() - 1).time());
            }
            if (!results.isEmpty()) {
                latest = Math.max(latest, results.get(results.size() - 1).time());
            }
            // strings last: every event counted above names only strings already in the table
            strings = trace.strings().size();
            choices = trace.choices();
            if (!choices.isEmpty()) {
                latest = Math.max(latest, choices.get(choices.size() - 1).time());
            }
            end = Math.max(trace.endTime(), latest);
            holds = new SpanSet[resources];
            resourceTid = new int[resources];
            resourcePid = processes + TraceFormat.ID_BASE;
            int nextTid = threads + TraceFormat.ID_BASE;
            for (int r = 0; r < resources; r++) {
                ResourceSpans spans = new ResourceSpans(trace.resource(r).kind());
                spans.update(trace.resourceLane(r), resourceSizes[r]);
                holds[r] = spans.holds();
                resourceTid[r] = nextTid;
                nextTid += slots(r);
            }
            Map<String, Integer> count = new HashMap<>();
            for (int t = 0; t < threads; t++) {
                count.merge(trace.thread(t).name(), 1, Integer::sum);
            }
            sharedName = new boolean[threads];
            pids = new int[threads];
            for (int t = 0; t < threads; t++) {
                sharedName[t] = count.get(trace.thread(t).name()) > 1;
                pids[t] = trace.thread(t).process() + TraceFormat.ID_BASE;
            }
        }
    }

    /**
     * Compact JSON, except that the top-level entries and the trace events each start a line:
     * the file reads (and diffs) as one event per line, and error messages' line numbers point
     * at one event.
     */
    private static final class OneEventPerLine implements PrettyPrinter {
        private static boolean lined(JsonGenerator g) {
            JsonStreamContext ctx = g.getOutputContext();
            int depth = ctx.getNestingDepth();
            return depth == 1 || depth == 2 && ctx.inArray();
        }

        /** Before the first entry of a lined object or array: its own line. */
        private static void begin(JsonGenerator g) throws IOException {
            if (lined(g)) {
                g.writeRaw('\n');
            }
        }

        private static void separate(JsonGenerator g) throws IOException {
            g.writeRaw(lined(g) ? ",\n" : ",");
        }

        private static void end(JsonGenerator g, int count, char close) throws IOException {
            if (lined(g) && count > 0) {
                g.writeRaw('\n');
            }
            g.writeRaw(close);
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) {
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            begin(g);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(':');
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            separate(g);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            end(g, entries, '}');
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw('[');
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            begin(g);
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            separate(g);
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            end(g, values, ']');
        }
    }
}
