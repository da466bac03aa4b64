package io.threadline.export;

import io.threadline.trace.Choice;
import io.threadline.trace.ChoiceKind;
import io.threadline.trace.CounterTrack;
import io.threadline.trace.Reason;
import io.threadline.trace.ResourceColumns;
import io.threadline.trace.ResourceKind;
import io.threadline.trace.ResourceOp;
import io.threadline.trace.ResultMark;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.ThreadRole;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import io.threadline.trace.WaitRole;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Checks the events of a Threadline trace file one by one and rebuilds the {@link Trace} with
 * the same calls the runtime made to record it. Every rule of {@link TraceFormat} is checked
 * here; the first broken one ends the read with a message that names it.
 */
final class TraceBuilder implements EventBuilder {
    private static final int AMBIGUOUS = -2;
    private static final int BASE = TraceFormat.ID_BASE;
    /**
     * Most threads a file may declare: each is a lane the window walks on every frame, and no
     * run of this runtime comes near it (every scenario thread is a real Java thread).
     */
    static final int MAX_THREADS = 100_000;
    /** Most counter tracks: the trace finds a track by name with a linear search. */
    static final int MAX_COUNTERS = 10_000;

    private final Trace trace = new Trace();
    private final RunOutcome outcome;
    private final String message;
    private final long end;
    private int exitStatus = -1;
    private final Map<String, CounterTrack> counters = new HashMap<>();

    /** Per thread: where its next span must start (-1 before its first), and whether it died. */
    private final List<long[]> laneEnds = new ArrayList<>();
    private final List<boolean[]> dead = new ArrayList<>();
    private final Map<String, Integer> threadByName = new HashMap<>();
    private final ReadBudget budget;
    /** The resources process's pid once declared, else -1. */
    private int resourcePid = -1;
    /** Per resource track (tid - first track's tid): its resource and slot. */
    private final List<int[]> resourceTracks = new ArrayList<>();
    private int firstResourceTid = -1;
    private int resultCount;
    private long lastTime;
    /** otherData's choices: they name threads, so they are checked once all are declared. */
    private JsonValue choices;

    private TraceBuilder(RunOutcome outcome, String message, long end, ReadBudget budget) {
        this.outcome = outcome;
        this.message = message;
        this.end = end;
        this.budget = budget;
    }

    // ------------------------------------------------------------------ otherData

    /** A builder for the file whose otherData is {@code header}; checks that it is one of ours. */
    static TraceBuilder forHeader(JsonValue header, ReadBudget budget) throws TraceFormatException {
        if (header.kind != JsonValue.Kind.OBJECT) {
            throw at(header, "not a Threadline trace: otherData must be an object, got " + header.describe());
        }
        Map<String, JsonValue> h = header.fields;
        JsonValue format = h.get("format");
        if (format == null) {
            throw at(header, "not a Threadline trace: otherData has no 'format' (traces from other tools"
                    + " cannot be opened yet)");
        }
        if (format.kind != JsonValue.Kind.STRING || !format.text.equals(TraceFormat.FORMAT)) {
            throw at(format, "not a Threadline trace: otherData.format is " + format.describe() + ", expected '"
                    + TraceFormat.FORMAT + "'");
        }
        JsonValue version = required(header, "version", "otherData");
        long v = whole(version, "otherData.version", 0, Long.MAX_VALUE);
        if (v < TraceFormat.VERSION_WITHOUT_RESOURCES || v > TraceFormat.VERSION) {
            throw at(version, "trace format version " + v + " is not supported (this Threadline reads versions "
                    + TraceFormat.VERSION_WITHOUT_RESOURCES + " to " + TraceFormat.VERSION + ")");
        }

        String scenario = optionalString(h.get("scenario"), "otherData.scenario", "");
        Map<String, String> params = new LinkedHashMap<>();
        JsonValue ps = h.get("params");
        if (ps != null) {
            if (ps.kind != JsonValue.Kind.OBJECT) {
                throw at(ps, "'otherData.params' must be an object, got " + ps.describe());
            }
            for (Map.Entry<String, JsonValue> e : ps.fields.entrySet()) {
                JsonValue pv = e.getValue();
                if (!pv.isScalar() || pv.kind == JsonValue.Kind.NULL) {
                    throw at(pv, "parameter '" + e.getKey() + "' must be a string, got " + pv.describe());
                }
                params.put(e.getKey(), pv.text);
            }
        }
        JsonValue seedValue = h.get("seed");
        long seed = seedValue == null ? 0 : whole(seedValue, "otherData.seed", Long.MIN_VALUE, Long.MAX_VALUE);
        String clock = optionalString(h.get("clock"), "otherData.clock", "virtual");
        if (!clock.equals("virtual") && !clock.equals("paced")) {
            throw at(h.get("clock"), "unknown clock '" + JsonValue.shorten(clock) + "' (expected virtual or paced)");
        }
        JsonValue outcomeValue = required(header, "outcome", "otherData");
        String outcomeLabel = string(outcomeValue, "otherData.outcome");
        RunOutcome outcome = RunOutcome.ofLabel(outcomeLabel);
        if (outcome == null) {
            StringJoiner known = new StringJoiner(", ");
            for (RunOutcome o : RunOutcome.values()) {
                known.add(o.label());
            }
            throw at(outcomeValue, "unknown outcome " + JsonValue.quote(outcomeLabel) + " (expected one of " + known
                    + ")");
        }
        String message = optionalString(h.get("message"), "otherData.message", "");
        JsonValue sourceValue = h.get("source");
        String source = optionalString(sourceValue, "otherData.source", "");
        if (sourceValue != null) {
            budget.charge(ReadBudget.text(source), sourceValue.line, sourceValue.column);
        }
        long end = time(required(header, "end", "otherData"), "otherData.end");

        TraceBuilder b = new TraceBuilder(outcome, message, end, budget);
        JsonValue status = h.get("exitStatus");
        b.exitStatus = status == null ? outcome.defaultExitStatus() : (int) whole(status, "otherData.exitStatus", -1, 255);
        b.trace.describe(scenario, params, seed, clock);
        b.trace.setSource(source);
        JsonValue focus = h.get("resourceFocus");
        if (focus != null) {
            List<String> names = new ArrayList<>();
            for (JsonValue n : stringList(focus, "otherData.resourceFocus")) {
                budget.charge(ReadBudget.ITEM_BYTES + ReadBudget.text(n.text), n.line, n.column);
                names.add(n.text);
            }
            b.trace.setResourceFocus(names);
        }
        for (JsonValue s : stringList(h.get("strings"), "otherData.strings")) {
            budget.charge(ReadBudget.ITEM_BYTES + ReadBudget.text(s.text), s.line, s.column);
            b.trace.strings().intern(s.text);
        }
        List<JsonValue> counterNames = stringList(h.get("counters"), "otherData.counters");
        if (counterNames.size() > MAX_COUNTERS) {
            throw at(h.get("counters"), "too many counter tracks: " + counterNames.size() + " (at most "
                    + MAX_COUNTERS + ")");
        }
        for (JsonValue c : counterNames) {
            budget.charge(ReadBudget.THREAD_BYTES + ReadBudget.text(c.text), c.line, c.column);
            b.counters.put(c.text, b.trace.counter(c.text));
        }
        JsonValue expected = h.get("counterExpected");
        if (expected != null) {
            if (expected.kind != JsonValue.Kind.OBJECT) {
                throw at(expected, "'otherData.counterExpected' must be an object, got " + expected.describe());
            }
            for (Map.Entry<String, JsonValue> e : expected.fields.entrySet()) {
                CounterTrack track = b.counters.get(e.getKey());
                if (track == null) {
                    throw at(e.getValue(), "'otherData.counterExpected' names a counter the trace does not have: "
                            + JsonValue.shorten(e.getKey()));
                }
                track.expect(whole(e.getValue(), "otherData.counterExpected." + JsonValue.shorten(e.getKey()),
                        Long.MIN_VALUE / 2, Long.MAX_VALUE / 2));
            }
        }
        JsonValue cs = h.get("choices");
        if (cs != null && cs.kind != JsonValue.Kind.ARRAY) {
            throw at(cs, "'otherData.choices' must be an array, got " + cs.describe());
        }
        b.choices = cs;
        return b;
    }

    /** Adds otherData's choices to the trace, each checked: its time, kind, pick and threads. */
    private void addChoices() throws TraceFormatException {
        if (choices == null) {
            return;
        }
        long before = 0;
        for (JsonValue c : choices.items) {
            String what = "a choice in otherData.choices";
            if (c.kind != JsonValue.Kind.ARRAY || c.items.size() < 6) {
                throw at(c, what + " must be [ts, kind, pick, own, tid, tid...] with two tids or more, got "
                        + c.describe());
            }
            List<JsonValue> f = c.items;
            long ts = time(f.get(0), "choice ts");
            if (ts < before || ts > end) {
                throw at(f.get(0), "choice at " + ts + " is out of order or after the end of the trace (" + end + ")");
            }
            before = ts;
            ChoiceKind kind = ChoiceKind.ofLabel(string(f.get(1), "choice kind"));
            if (kind == null) {
                throw at(f.get(1), "unknown choice kind " + JsonValue.quote(f.get(1).text)
                        + " (expected core, run, wake or preempt)");
            }
            int[] candidates = new int[f.size() - 4];
            for (int i = 0; i < candidates.length; i++) {
                int tid = id(f.get(4 + i), "choice tid");
                if (tid < BASE || tid - BASE >= trace.threadCount()) {
                    throw at(f.get(4 + i), "choice names thread " + tid + ", which was never declared");
                }
                candidates[i] = tid - BASE;
            }
            int pick = (int) whole(f.get(2), "choice pick", 0, candidates.length - 1);
            budget.charge(ReadBudget.ITEM_BYTES + 4L * candidates.length, c.line, c.column);
            trace.choice(new Choice(ts, kind, candidates, pick, bool(f.get(3), "choice own")));
        }
    }

    /** The strings of a list that must hold each only once; empty if absent. */
    private static List<JsonValue> stringList(JsonValue list, String what) throws TraceFormatException {
        if (list == null) {
            return List.of();
        }
        if (list.kind != JsonValue.Kind.ARRAY) {
            throw at(list, "'" + what + "' must be an array of strings, got " + list.describe());
        }
        Map<String, Boolean> seen = new HashMap<>();
        for (JsonValue s : list.items) {
            string(s, what + " item");
            if (seen.put(s.text, Boolean.TRUE) != null) {
                throw at(s, "'" + what + "' lists " + JsonValue.quote(s.text) + " twice");
            }
        }
        return list.items;
    }

    // ------------------------------------------------------------------ events

    @Override
    public void event(RawEvent e) throws TraceFormatException {
        JsonValue phValue = field(e, e.ph, "ph");
        String ph = string(phValue, "ph");
        switch (ph) {
            case "M" -> metadata(e);
            case "X" -> span(e);
            case "i", "I" -> instant(e);
            case "C" -> counter(e);
            default -> throw at(phValue, "unknown 'ph' value " + JsonValue.quote(ph)
                    + " (a Threadline trace has only X, i, C and M events)");
        }
    }

    private void metadata(RawEvent e) throws TraceFormatException {
        String name = string(field(e, e.name, "name"), "name");
        switch (name) {
            case TraceFormat.PROCESS_NAME -> {
                JsonValue pidValue = field(e, e.pid, "pid");
                int pid = id(pidValue, "pid");
                int next = trace.processCount() + BASE;
                if (resourcePid >= 0) {
                    throw at(pidValue, "process " + pid + " is declared after the resources; processes come first");
                }
                JsonValue resources = arg(e, "resources", false);
                if (resources != null && bool(resources, "args.resources")) {
                    if (pid != next) {
                        throw at(pidValue, "the resources must be the process after the last one: expected pid "
                                + next + ", got " + pid);
                    }
                    resourcePid = pid;
                    return;
                }
                if (pid != next) {
                    throw at(pidValue, pid < next && pid >= BASE ? "process " + pid + " is declared twice"
                            : "processes must be declared in order: expected pid " + next + ", got " + pid);
                }
                String processName = string(arg(e, "name", true), "args.name");
                budget.charge(ReadBudget.THREAD_BYTES + ReadBudget.text(processName), e.line, e.column);
                trace.addProcess(processName);
            }
            case TraceFormat.THREAD_NAME -> {
                JsonValue tidValue = field(e, e.tid, "tid");
                int tid = id(tidValue, "tid");
                if (resourcePid >= 0 && e.pid != null && id(e.pid, "pid") == resourcePid) {
                    resourceTrack(e, tid, tidValue);
                    return;
                }
                if (firstResourceTid >= 0) {
                    throw at(tidValue, "thread " + tid + " is declared after the resources' tracks; threads come first");
                }
                int next = trace.threadCount() + BASE;
                if (tid == next && trace.threadCount() >= MAX_THREADS) {
                    throw at(tidValue, "too many threads: more than " + MAX_THREADS
                            + " (the window shows at most that many lanes)");
                }
                if (tid != next) {
                    throw at(tidValue, tid < next && tid >= BASE ? "thread " + tid + " is declared twice"
                            : "threads must be declared in order: expected tid " + next + ", got " + tid);
                }
                JsonValue pidValue = field(e, e.pid, "pid");
                int pid = id(pidValue, "pid");
                if (pid < BASE || pid - BASE >= trace.processCount()) {
                    throw at(pidValue, "thread " + tid + " is in process " + pid
                            + ", which was never declared (no process_name event for it)");
                }
                String threadName = string(arg(e, "name", true), "args.name");
                JsonValue daemonValue = arg(e, "daemon", false);
                boolean daemon = daemonValue != null && bool(daemonValue, "args.daemon");
                JsonValue roleValue = arg(e, "role", false);
                ThreadRole role = ThreadRole.THREAD;
                if (roleValue != null) {
                    role = ThreadRole.ofLabel(string(roleValue, "args.role"));
                    if (role == null) {
                        throw at(roleValue, "unknown thread role " + JsonValue.quote(roleValue.text)
                                + " (expected main, thread, worker, helper, process or task)");
                    }
                }
                JsonValue parentValue = arg(e, "parent", false);
                int parent = -1;
                if (parentValue != null) {
                    // an asyncio task's thread: declared before the task
                    parent = (int) whole(parentValue, "args.parent", BASE, BASE + trace.threadCount() - 1L) - BASE;
                }
                budget.charge(ReadBudget.THREAD_BYTES + ReadBudget.text(threadName), e.line, e.column);
                int id = trace.addThread(threadName, pid - BASE, daemon, role, parent);
                laneEnds.add(new long[] {-1});
                dead.add(new boolean[1]);
                threadByName.merge(threadName, id, (a, b) -> AMBIGUOUS);
            }
            default -> {
                // Other metadata (thread_sort_index, process_labels ...) only steers other viewers.
            }
        }
    }

    /** A resource's track: slot 0 adds the resource, further slots are its permits' tracks. */
    private void resourceTrack(RawEvent e, int tid, JsonValue tidValue) throws TraceFormatException {
        if (firstResourceTid < 0) {
            firstResourceTid = trace.threadCount() + BASE;
        }
        int next = firstResourceTid + resourceTracks.size();
        if (tid != next) {
            throw at(tidValue, tid < next && tid >= firstResourceTid ? "resource track " + tid + " is declared twice"
                    : "resource tracks must follow the threads in order: expected tid " + next + ", got " + tid);
        }
        JsonValue resourceValue = arg(e, "resource", true);
        int resource = (int) whole(resourceValue, "args.resource", 0, Integer.MAX_VALUE - 1);
        JsonValue slotValue = arg(e, "slot", true);
        int slot = (int) whole(slotValue, "args.slot", 0, Integer.MAX_VALUE - 1);
        String name = string(arg(e, "name", true), "args.name");
        if (slot == 0) {
            if (resource != trace.resourceCount()) {
                throw at(resourceValue, "resources must be declared in order: expected resource "
                        + trace.resourceCount() + ", got " + resource);
            }
            JsonValue kindValue = arg(e, "kind", true);
            ResourceKind kind = ResourceKind.ofLabel(string(kindValue, "args.kind"));
            if (kind == null) {
                throw at(kindValue, "unknown resource kind " + JsonValue.quote(kindValue.text));
            }
            JsonValue processValue = arg(e, "process", false);
            int process = -1;
            if (processValue != null) {
                int pid = id(processValue, "args.process");
                if (pid < BASE || pid - BASE >= trace.processCount()) {
                    throw at(processValue, "resource " + JsonValue.quote(name) + " is in process " + pid
                            + ", which was never declared");
                }
                process = pid - BASE;
            }
            int capacity = (int) whole(arg(e, "capacity", true), "args.capacity", 0, Integer.MAX_VALUE);
            budget.charge(ReadBudget.THREAD_BYTES + ReadBudget.text(name), e.line, e.column);
            trace.addResource(kind, name, process, capacity);
        } else {
            int[] before = resourceTracks.isEmpty() ? null : resourceTracks.get(resourceTracks.size() - 1);
            if (before == null || before[0] != resource || before[1] != slot - 1) {
                throw at(slotValue, "track " + tid + " is slot " + slot + " of resource " + resource
                        + ", which must follow its slot " + (slot - 1));
            }
        }
        resourceTracks.add(new int[] {resource, slot});
    }

    /** The resource and slot of the track an event is on, checking its pid. */
    private int[] resourceTrackOf(RawEvent e) throws TraceFormatException {
        JsonValue tidValue = field(e, e.tid, "tid");
        int tid = id(tidValue, "tid");
        int k = firstResourceTid < 0 ? -1 : tid - firstResourceTid;
        if (k < 0 || k >= resourceTracks.size()) {
            throw at(tidValue, "resource track " + tid + " was never declared (no thread_name event for it in the"
                    + " resources process)");
        }
        JsonValue pidValue = field(e, e.pid, "pid");
        if (id(pidValue, "pid") != resourcePid) {
            throw at(pidValue, "a resource's event must be in the resources process (pid " + resourcePid + ")");
        }
        return resourceTracks.get(k);
    }

    private void resourceEvent(RawEvent e) throws TraceFormatException {
        long ts = timestamp(e);
        int[] track = resourceTrackOf(e);
        if (track[1] != 0) {
            throw at(e.tid, "a resource's events belong on its first track (slot 0)");
        }
        int resource = track[0];
        JsonValue nameValue = field(e, e.name, "name");
        ResourceOp op = ResourceOp.ofLabel(string(nameValue, "name"));
        if (op == null) {
            throw at(nameValue, "unknown resource event " + JsonValue.quote(nameValue.text));
        }
        int thread = threadRef(e, "thread");
        if (thread < 0) {
            throw atEvent(e, "event has no 'args.thread'");
        }
        String key = TraceFormat.argName(op);
        JsonValue argValue = arg(e, key, false);
        int arg = TraceFormat.usualArg(op);
        if (argValue != null) {
            if (op.threadArgument()) {
                arg = threadRef(e, key);
            } else if (op.textArgument()) {
                arg = -2;
            } else if (op == ResourceOp.WAIT) {
                WaitRole role = WaitRole.ofLabel(string(argValue, "args." + key));
                if (role == null) {
                    throw at(argValue, "unknown wait role " + JsonValue.quote(argValue.text)
                            + " (expected waits, get, put or join)");
                }
                arg = role.ordinal();
            } else {
                arg = (int) whole(argValue, "args." + key, Integer.MIN_VALUE, Integer.MAX_VALUE);
            }
        } else if (op.textArgument()) {
            throw atEvent(e, "event has no 'args." + key + "'");
        }
        ResourceColumns lane = trace.resourceLane(resource);
        int index = lane.size();
        long bytes = ResourceColumns.bytesAllocatedAt(index);
        int strings = trace.strings().size();
        if (arg == -2) {
            String text = string(argValue, "args." + key);
            trace.resourceEvent(resource, ts, op, thread, text);
            if (trace.strings().size() != strings) {
                bytes += ReadBudget.ITEM_BYTES + ReadBudget.text(text);
            }
        } else {
            trace.resourceEvent(resource, ts, op, thread, arg);
        }
        if (ResourceColumns.checkpointsAt(index)) {
            bytes += lane.lastCheckpointBytes();
        }
        budget.charge(bytes, e.line, e.column);
    }

    /** A holder slice: for other viewers only (the lanes come from the events), checked and passed over. */
    private void holding(RawEvent e) throws TraceFormatException {
        long ts = timestamp(e);
        long dur = time(field(e, e.dur, "dur"), "dur");
        if (ts + dur > end) {
            throw at(e.dur, "holder slice ends at " + (ts + dur) + ", after the end of the trace (otherData.end is "
                    + end + ")");
        }
        resourceTrackOf(e);
    }

    private void span(RawEvent e) throws TraceFormatException {
        if (e.cat != null && e.cat.kind == JsonValue.Kind.STRING && e.cat.text.equals(TraceFormat.CAT_HOLDER)) {
            holding(e);
            return;
        }
        category(e, TraceFormat.CAT_STATE, "a span (ph X)");
        long ts = timestamp(e);
        JsonValue durValue = field(e, e.dur, "dur");
        long dur = time(durValue, "dur");
        if (ts + dur > end) {
            throw at(durValue, "span ends at " + (ts + dur) + ", after the end of the trace (otherData.end is "
                    + end + ")");
        }
        int tid = thread(e);
        JsonValue stateValue = arg(e, "state", true);
        String label = string(stateValue, "args.state");
        ThreadState state = ThreadState.ofLabel(label);
        if (state == null) {
            throw at(stateValue, "unknown state " + JsonValue.quote(label)
                    + " (expected new, runnable, running or waiting)");
        }
        if (state == ThreadState.DEAD) {
            throw at(stateValue, "state 'dead' must be a 'dead' instant event (ph i), not a span");
        }
        JsonValue nameValue = field(e, e.name, "name");
        if (nameValue.kind != JsonValue.Kind.STRING || !nameValue.text.equals(label)) {
            throw at(nameValue, "span name " + nameValue.describe() + " does not match args.state '" + label + "'");
        }
        JsonValue reasonValue = arg(e, "reason", true);
        String reasonLabel = string(reasonValue, "args.reason");
        Reason reason = Reason.ofLabel(reasonLabel);
        if (reason == null) {
            throw at(reasonValue, "unknown reason " + JsonValue.quote(reasonLabel) + " for state '" + label + "'");
        }
        if (reason.state() != null && reason.state() != state) {
            throw at(reasonValue, "reason '" + reasonLabel + "' does not belong to state '" + label + "' (it is a "
                    + reason.state().label() + " reason)");
        }
        String detail = optionalArgString(e, "detail");
        int cause = threadRef(e, "by");
        int line = line(e);
        follows(e, tid, ts);
        transition(e, tid, ts, state, reason, cause, detail, line);
        laneEnds.get(tid)[0] = ts + dur;
    }

    private void instant(RawEvent e) throws TraceFormatException {
        JsonValue catValue = field(e, e.cat, "cat");
        String cat = string(catValue, "cat");
        switch (cat) {
            case TraceFormat.CAT_STATE -> death(e);
            case TraceFormat.CAT_RESOURCE -> resourceEvent(e);
            case TraceFormat.CAT_OUTPUT -> {
                long ts = timestamp(e);
                int tid = thread(e);
                String text = string(arg(e, "text", true), "args.text");
                JsonValue errorValue = arg(e, "error", false);
                boolean error = errorValue != null && bool(errorValue, "args.error");
                budget.charge(item(trace.outputCount()) + ReadBudget.text(text), e.line, e.column);
                trace.output(ts, tid, text, error);
            }
            case TraceFormat.CAT_RESULT -> {
                long ts = timestamp(e);
                int tid = thread(e);
                String variant = string(arg(e, "variant", true), "args.variant");
                String input = string(arg(e, "input", true), "args.input");
                String value = string(arg(e, "value", true), "args.value");
                int from = threadRef(e, "from");
                JsonValue chunkValue = arg(e, "chunk", false);
                int chunk = chunkValue == null ? -1 : (int) whole(chunkValue, "args.chunk", 0, Integer.MAX_VALUE);
                budget.charge(item(resultCount++) + ReadBudget.text(variant) + ReadBudget.text(input)
                        + ReadBudget.text(value), e.line, e.column);
                trace.result(new ResultMark(ts, tid, variant, input, value, from, chunk));
            }
            default -> throw at(catValue, "unknown instant event category " + JsonValue.quote(cat)
                    + " (expected state, output, result or resource)");
        }
    }

    private void death(RawEvent e) throws TraceFormatException {
        JsonValue nameValue = field(e, e.name, "name");
        if (nameValue.kind != JsonValue.Kind.STRING || !nameValue.text.equals(TraceFormat.DEAD)) {
            throw at(nameValue, "an instant event of category 'state' must be named 'dead', got "
                    + nameValue.describe());
        }
        long ts = timestamp(e);
        int tid = thread(e);
        JsonValue howValue = arg(e, "how", true);
        String how = string(howValue, "args.how");
        Reason reason = Reason.ofLabel(how);
        if (reason == null || reason.state() != ThreadState.DEAD) {
            throw at(howValue, "'args.how' must be returned, raised or killed, got " + JsonValue.quote(how));
        }
        String detail = optionalArgString(e, "error");
        if (detail == null) {
            detail = optionalArgString(e, "detail");
        }
        int cause = threadRef(e, "by");
        int line = line(e);
        follows(e, tid, ts);
        transition(e, tid, ts, ThreadState.DEAD, reason, cause, detail, line);
        dead.get(tid)[0] = true;
    }

    private void counter(RawEvent e) throws TraceFormatException {
        JsonValue nameValue = field(e, e.name, "name");
        String name = string(nameValue, "name");
        CounterTrack track = counters.get(name);
        if (track == null) {
            throw at(nameValue, "counter " + JsonValue.quote(name) + " is not listed in otherData.counters");
        }
        long ts = timestamp(e);
        id(field(e, e.pid, "pid"), "pid");
        long value = whole(arg(e, TraceFormat.COUNTER_VALUE, true), "args." + TraceFormat.COUNTER_VALUE,
                Long.MIN_VALUE, Long.MAX_VALUE);
        budget.charge(item(track.size()), e.line, e.column);
        track.add(ts, value);
    }

    /** Records a transition, counting the lane chunk and detail string it may add. */
    private void transition(RawEvent e, int tid, long ts, ThreadState state, Reason reason, int cause,
                            String detail, int line) throws TraceFormatException {
        long bytes = ReadBudget.laneBytesAt(trace.lane(tid).size());
        int strings = trace.strings().size();
        trace.transition(tid, ts, state, reason, cause, detail, line);
        if (trace.strings().size() != strings) {
            bytes += ReadBudget.ITEM_BYTES + ReadBudget.text(detail);
        }
        budget.charge(bytes, e.line, e.column);
    }

    /** The bytes the {@code index}-th item of a list adds: itself, and a new chunk every so often. */
    private static long item(int index) {
        return ReadBudget.ITEM_BYTES + (index % ReadBudget.LIST_CHUNK == 0 ? ReadBudget.LIST_CHUNK_BYTES : 0);
    }

    /** Checks that a new span or death of {@code tid} at {@code ts} continues its lane. */
    private void follows(RawEvent e, int tid, long ts) throws TraceFormatException {
        if (dead.get(tid)[0]) {
            throw at(e.ts, who(tid) + " has an event after its death");
        }
        long expected = laneEnds.get(tid)[0];
        if (expected >= 0 && ts < expected) {
            throw at(e.ts, who(tid) + ": this event at " + ts + " overlaps the previous span, which ends at "
                    + expected);
        }
        if (expected >= 0 && ts > expected) {
            throw at(e.ts, who(tid) + ": gap between its previous span, which ends at " + expected
                    + ", and this event at " + ts);
        }
    }

    /** A thread as messages name it (made only for a message: quoting runs a regex). */
    private String who(int tid) {
        return "thread " + JsonValue.quote(trace.thread(tid).name());
    }

    /** The checked ts of a timed event: a time, in file order, within the trace. */
    private long timestamp(RawEvent e) throws TraceFormatException {
        long ts = time(field(e, e.ts, "ts"), "ts");
        if (ts < lastTime) {
            throw at(e.ts, "time goes backwards: ts " + ts + " comes after an event at " + lastTime
                    + " (events must be in time order)");
        }
        if (ts > end) {
            throw at(e.ts, "ts " + ts + " is after the end of the trace (otherData.end is " + end + ")");
        }
        lastTime = ts;
        return ts;
    }

    /** The id of the declared thread an event is on, checking its pid. */
    private int thread(RawEvent e) throws TraceFormatException {
        JsonValue tidValue = field(e, e.tid, "tid");
        int tid = id(tidValue, "tid");
        int id = tid - BASE;
        if (id < 0 || id >= trace.threadCount()) {
            throw at(tidValue, "thread id " + tid + " was never declared (no thread_name event for it)");
        }
        JsonValue pidValue = field(e, e.pid, "pid");
        int pid = id(pidValue, "pid");
        int process = trace.thread(id).process() + BASE;
        if (pid != process) {
            throw at(pidValue, "pid " + pid + " does not match thread " + JsonValue.quote(trace.thread(id).name())
                    + " (tid " + tid + "), which is in process " + process);
        }
        return id;
    }

    /** The thread named by arg {@code key} (and {@code key}Tid when the name is shared), or -1. */
    private int threadRef(RawEvent e, String key) throws TraceFormatException {
        String name = optionalArgString(e, key);
        JsonValue tidValue = arg(e, key + "Tid", false);
        if (name == null) {
            if (tidValue != null) {
                throw at(tidValue, "'args." + key + "Tid' is given without 'args." + key + "'");
            }
            return -1;
        }
        if (tidValue != null) {
            int tid = id(tidValue, "args." + key + "Tid");
            int id = tid - BASE;
            if (id < 0 || id >= trace.threadCount() || !trace.thread(id).name().equals(name)) {
                throw at(tidValue, "'args." + key + "Tid' " + tid + " is not a thread named " + JsonValue.quote(name));
            }
            return id;
        }
        Integer tid = threadByName.get(name);
        if (tid == null) {
            throw at(e.args.get(key), "'args." + key + "' names thread " + JsonValue.quote(name)
                    + ", which was never declared");
        }
        if (tid == AMBIGUOUS) {
            throw at(e.args.get(key), "'args." + key + "' names " + JsonValue.quote(name)
                    + ", which several threads are called; 'args." + key + "Tid' is needed");
        }
        return tid;
    }

    private int line(RawEvent e) throws TraceFormatException {
        JsonValue v = arg(e, "line", false);
        return v == null ? 0 : (int) whole(v, "args.line", 0, Integer.MAX_VALUE);
    }

    private void category(RawEvent e, String expected, String what) throws TraceFormatException {
        JsonValue catValue = field(e, e.cat, "cat");
        String cat = string(catValue, "cat");
        if (!cat.equals(expected)) {
            throw at(catValue, what + " must have cat '" + expected + "', got " + JsonValue.quote(cat));
        }
    }

    // ------------------------------------------------------------------ the end

    @Override
    public Trace finish(int line, int column) throws TraceFormatException {
        for (int t = 0; t < laneEnds.size(); t++) {
            long laneEnd = laneEnds.get(t)[0];
            if (laneEnd >= 0 && !dead.get(t)[0] && laneEnd != end) {
                throw new TraceFormatException(line, column, "thread " + JsonValue.quote(trace.thread(t).name())
                        + " is not covered to the end: its last span ends at " + laneEnd
                        + " but the trace ends at " + end + " (otherData.end)");
            }
        }
        addChoices();
        trace.finish(end, outcome, message, exitStatus);
        return trace;
    }

    // ------------------------------------------------------------------ typed access

    private static TraceFormatException at(JsonValue where, String problem) {
        return where == null ? new TraceFormatException(problem)
                : new TraceFormatException(where.line, where.column, problem);
    }

    private static TraceFormatException atEvent(RawEvent e, String problem) {
        return new TraceFormatException(e.line, e.column, problem);
    }

    private static JsonValue field(RawEvent e, JsonValue v, String key) throws TraceFormatException {
        if (v == null) {
            throw atEvent(e, "event has no '" + key + "'");
        }
        return v;
    }

    private static JsonValue required(JsonValue object, String key, String where) throws TraceFormatException {
        JsonValue v = object.fields.get(key);
        if (v == null) {
            throw at(object, where + " has no '" + key + "'");
        }
        return v;
    }

    /** The arg {@code key}; null if absent and not required. */
    private static JsonValue arg(RawEvent e, String key, boolean required) throws TraceFormatException {
        if (e.argsValue != null && e.argsValue.kind != JsonValue.Kind.OBJECT) {
            throw at(e.argsValue, "'args' must be an object, got " + e.argsValue.describe());
        }
        JsonValue v = e.args.get(key);
        if (v == null && required) {
            throw atEvent(e, "event has no 'args." + key + "'");
        }
        return v;
    }

    private static String optionalArgString(RawEvent e, String key) throws TraceFormatException {
        JsonValue v = arg(e, key, false);
        return v == null ? null : string(v, "args." + key);
    }

    private static String optionalString(JsonValue v, String what, String absent) throws TraceFormatException {
        return v == null ? absent : string(v, what);
    }

    private static String string(JsonValue v, String what) throws TraceFormatException {
        if (v.kind != JsonValue.Kind.STRING) {
            throw at(v, "'" + what + "' must be a string, got " + v.describe());
        }
        return v.text;
    }

    private static boolean bool(JsonValue v, String what) throws TraceFormatException {
        if (v.kind != JsonValue.Kind.BOOLEAN) {
            throw at(v, "'" + what + "' must be true or false, got " + v.describe());
        }
        return v.longValue != 0;
    }

    /** A time: whole microseconds from 0 to {@link TraceFormat#MAX_TIME}. */
    private static long time(JsonValue v, String what) throws TraceFormatException {
        return number(v, what, "a number of microseconds", 0, TraceFormat.MAX_TIME);
    }

    /** A process or thread id. */
    private static int id(JsonValue v, String what) throws TraceFormatException {
        return (int) number(v, what, "a whole number", 0, Integer.MAX_VALUE - 1);
    }

    private static long whole(JsonValue v, String what, long min, long max) throws TraceFormatException {
        return number(v, what, "a whole number", min, max);
    }

    private static long number(JsonValue v, String what, String kind, long min, long max)
            throws TraceFormatException {
        if (!v.isNumber() || v.isNonFinite()) {
            throw at(v, "'" + what + "' must be " + kind + ", got " + v.describe());
        }
        long n;
        if (v.kind == JsonValue.Kind.BIG_INTEGER) {
            throw outOfRange(v, what, v.text.startsWith("-"), min, max);
        } else if (v.kind == JsonValue.Kind.INTEGER) {
            n = v.longValue;
        } else {
            double d = v.doubleValue;
            if (d != Math.rint(d)) {
                throw at(v, "'" + what + "' must be a whole number, got " + JsonValue.shorten(v.text));
            }
            if (d < -9.0e18 || d > 9.0e18) {
                throw outOfRange(v, what, d < 0, min, max);
            }
            n = (long) d;
        }
        if (n < min || n > max) {
            throw outOfRange(v, what, n < min, min, max);
        }
        return n;
    }

    private static TraceFormatException outOfRange(JsonValue v, String what, boolean low, long min, long max) {
        if (low && min == 0) {
            return at(v, "'" + what + "' must not be negative, got " + JsonValue.shorten(v.text));
        }
        return at(v, "'" + what + "' is too " + (low ? "small" : "large") + ": " + JsonValue.shorten(v.text)
                + " (" + (low ? "at least " + min : "at most " + max) + ")");
    }
}
