package io.threadline.trace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one run recorded: processes, threads and their transitions (a column store per
 * thread), resources and their events (a column store per resource: locks, queues, each
 * process's GIL ...), printed lines, pool results and counter tracks. One writer fills it (the runtime
 * while a run goes on, or a trace file reader); any number of readers, such as the timeline
 * view, read it concurrently and see a consistent prefix.
 *
 * <p>Times are microseconds of scenario time from the start of the run.
 */
public final class Trace {
    private static final VarHandle NOW;

    static {
        try {
            NOW = MethodHandles.lookup().findVarHandle(Trace.class, "now", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final AppendLog<ProcessInfo> processes = new AppendLog<>();
    private final AppendLog<ThreadInfo> threads = new AppendLog<>();
    private final AppendLog<LaneColumns> lanes = new AppendLog<>();
    private final StringTable strings = new StringTable();
    private final OutputColumns output = new OutputColumns();
    private final AppendLog<ResultMark> results = new AppendLog<>();
    private final AppendLog<CounterTrack> counters = new AppendLog<>();
    private final AppendLog<ResourceInfo> resources = new AppendLog<>();
    private final AppendLog<ResourceColumns> resourceLanes = new AppendLog<>();
    private final ChoiceColumns choices = new ChoiceColumns();

    private volatile String scenario = "";
    private volatile List<String> resourceFocus = List.of();
    private volatile Map<String, String> params = Map.of();
    private volatile long seed;
    private volatile String clock = "virtual";
    private volatile String source = "";
    private volatile long now;
    private volatile RunOutcome outcome = RunOutcome.RUNNING;
    private volatile String outcomeMessage = "";
    private volatile int exitStatus = -1;

    // ---- header

    public void describe(String scenarioId, Map<String, String> parameters, long seedValue, String clockName) {
        this.scenario = scenarioId;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.seed = seedValue;
        this.clock = clockName;
    }

    public String scenario() {
        return scenario;
    }

    /** Parameters of the run, in the order the scenario declares them. */
    public Map<String, String> params() {
        return params;
    }

    public long seed() {
        return seed;
    }

    /** "virtual" or "paced". */
    public String clock() {
        return clock;
    }

    /**
     * The program's own text, for a user's program (so a saved trace opens with the code that made
     * it); empty for a built-in scenario, whose code ships with the app.
     */
    public String source() {
        return source;
    }

    public void setSource(String text) {
        this.source = text == null ? "" : text;
    }

    /**
     * The resources the run's lesson is about, by name (a resource whose name starts with one
     * counts: "GIL" names every process's GIL); their lanes are open at first, the rest folded.
     * Empty: the pictures choose (the contended ones).
     */
    public List<String> resourceFocus() {
        return resourceFocus;
    }

    public void setResourceFocus(List<String> names) {
        this.resourceFocus = names == null ? List.of() : List.copyOf(names);
    }

    // ---- writer side

    public int addProcess(String name) {
        int id = processes.size();
        processes.add(new ProcessInfo(id, name));
        return id;
    }

    public int addThread(String name, int process, boolean daemon, ThreadRole role) {
        return addThread(name, process, daemon, role, -1);
    }

    /** Adds a lane; {@code parent} is the thread an asyncio task's lane belongs under, or -1. */
    public int addThread(String name, int process, boolean daemon, ThreadRole role, int parent) {
        int id = threads.size();
        lanes.add(new LaneColumns());
        threads.add(new ThreadInfo(id, name, process, daemon, role, parent));
        return id;
    }

    /** Gives thread {@code id} a new name (a Python program may rename a thread while it runs). */
    public void renameThread(int id, String name) {
        ThreadInfo t = threads.get(id);
        threads.replace(id, new ThreadInfo(t.id(), name, t.process(), t.daemon(), t.role()));
    }

    /** Marks thread {@code id} daemon or not (set before it starts). */
    public void markDaemon(int id, boolean daemon) {
        ThreadInfo t = threads.get(id);
        threads.replace(id, new ThreadInfo(t.id(), t.name(), t.process(), daemon, t.role()));
    }

    /** Records that {@code thread} entered {@code state} at {@code time}. */
    public void transition(int thread, long time, ThreadState state, Reason reason, int cause, String detail,
                           int line) {
        lanes.get(thread).append(time, state, reason, cause, strings.intern(detail), line);
        advance(time);
    }

    /** Adds a resource (a lock, a queue, a GIL ...) with no events yet; returns its id. */
    public int addResource(ResourceKind kind, String name, int process, int capacity) {
        int id = resources.size();
        resourceLanes.add(new ResourceColumns(kind));
        resources.add(new ResourceInfo(id, kind, name, process, capacity));
        return id;
    }

    /** Records that {@code op} happened to resource {@code id} at {@code time}, about {@code thread}. */
    public void resourceEvent(int id, long time, ResourceOp op, int thread, int arg) {
        resourceLanes.get(id).append(time, op, thread, arg);
        advance(time);
    }

    /** As {@link #resourceEvent(int, long, ResourceOp, int, int)} for an op whose argument is a text. */
    public void resourceEvent(int id, long time, ResourceOp op, int thread, String text) {
        resourceEvent(id, time, op, thread, strings.intern(text));
    }

    public void output(long time, int thread, String text, boolean error) {
        output.add(time, thread, text, error);
        advance(time);
    }

    public void result(ResultMark mark) {
        results.add(mark);
        advance(mark.time());
    }

    /** The counter track with this name, created on first use. Writer side only. */
    public CounterTrack counter(String name) {
        for (int i = 0, n = counters.size(); i < n; i++) {
            if (counters.get(i).name().equals(name)) {
                return counters.get(i);
            }
        }
        CounterTrack track = new CounterTrack(name);
        counters.add(track);
        return track;
    }

    /** Records a real choice of the scheduler (see {@link Choice}). */
    public void choice(Choice c) {
        int[] candidates = c.candidates();
        choice(c.time(), c.kind(), candidates, candidates.length, c.pick(), c.own());
    }

    /**
     * As {@link #choice(Choice)} without making one: among the first {@code count} of
     * {@code candidates} (trace thread ids, copied, so the caller may use the array again).
     */
    public void choice(long time, ChoiceKind kind, int[] candidates, int count, int pick, boolean own) {
        choices.add(time, kind, candidates, count, pick, own);
        advance(time);
    }

    /** Moves the recorded "now" forward; live lanes extend to it. */
    public void advance(long time) {
        // one writer: a release store is enough, and unlike a volatile one it costs no fence
        if (time > (long) NOW.getOpaque(this)) {
            NOW.setRelease(this, time);
        }
    }

    /** Benchmarks only: forgets the events of resource {@code r} and "now". */
    void rewindResource(int r) {
        resourceLanes.get(r).rewind();
        NOW.setRelease(this, 0L);
    }

    /** Benchmarks only: forgets the events of lane {@code t} (see {@link LaneColumns#rewind}) and "now". */
    void rewind(int t) {
        lanes.get(t).rewind();
        NOW.setRelease(this, 0L);
    }

    public void finish(long endTime, RunOutcome how, String message) {
        finish(endTime, how, message, how.defaultExitStatus());
    }

    /** Ends the trace; {@code status} is the program's exit status, -1 if it never exited by itself. */
    public void finish(long endTime, RunOutcome how, String message, int status) {
        advance(endTime);
        this.outcomeMessage = message == null ? "" : message;
        this.exitStatus = status;
        // Last: a reader that sees the outcome sees the rest.
        this.outcome = how;
    }

    // ---- reader side

    public int processCount() {
        return processes.size();
    }

    public ProcessInfo process(int id) {
        return processes.get(id);
    }

    public int threadCount() {
        return lanes.size() == threads.size() ? threads.size() : Math.min(lanes.size(), threads.size());
    }

    public ThreadInfo thread(int id) {
        return threads.get(id);
    }

    public LaneColumns lane(int id) {
        return lanes.get(id);
    }

    public int resourceCount() {
        return Math.min(resources.size(), resourceLanes.size());
    }

    public ResourceInfo resource(int id) {
        return resources.get(id);
    }

    public ResourceColumns resourceLane(int id) {
        return resourceLanes.get(id);
    }

    /** The GIL of process {@code p}, or -1 if the trace has none (traces saved before resources were). */
    public int gilOf(int process) {
        for (int r = 0, n = resourceCount(); r < n; r++) {
            ResourceInfo info = resources.get(r);
            if (info.kind() == ResourceKind.GIL && info.process() == process) {
                return r;
            }
        }
        return -1;
    }

    /** Number of resource events over all resources. */
    public long resourceEventCount() {
        long n = 0;
        for (int r = 0, m = resourceCount(); r < m; r++) {
            n += resourceLanes.get(r).size();
        }
        return n;
    }

    /** The detail string with this id (from {@link LaneColumns#detail}), or null. */
    public String string(int id) {
        return strings.get(id);
    }

    public StringTable strings() {
        return strings;
    }

    /** The latest time recorded: the end of the run once it has finished. */
    public long endTime() {
        return now;
    }

    public RunOutcome outcome() {
        return outcome;
    }

    public boolean isFinished() {
        return outcome != RunOutcome.RUNNING;
    }

    /** Why the run ended, in one line, e.g. which threads were still alive at a time limit. */
    public String outcomeMessage() {
        return outcomeMessage;
    }

    /** The program's exit status (0 completed, 1 after a traceback, sys.exit's code), or -1 for none. */
    public int exitStatus() {
        return exitStatus;
    }

    /**
     * The time of the latest transition of any thread: for a deadlock, the moment its cycle
     * closed (the run was stopped later, so the stuck waits show).
     */
    public long lastChange() {
        long last = 0;
        for (int t = 0, n = threadCount(); t < n; t++) {
            LaneColumns lane = lanes.get(t);
            int size = lane.size();
            if (size > 0) {
                last = Math.max(last, lane.time(size - 1));
            }
        }
        return last;
    }

    public int outputCount() {
        return output.size();
    }

    public OutputLine outputLine(int i) {
        return output.get(i);
    }

    public List<OutputLine> output() {
        return output.snapshot();
    }

    public List<ResultMark> results() {
        return results.snapshot();
    }

    public List<CounterTrack> counters() {
        return counters.snapshot();
    }

    /** Number of real choices the scheduler made so far. */
    public int choiceCount() {
        return choices.size();
    }

    public Choice choice(int i) {
        return choices.get(i);
    }

    /** The scheduler's real choices, in the order it made them. */
    public List<Choice> choices() {
        return choices.snapshot();
    }

    /** Number of transitions over all threads. */
    public long eventCount() {
        long n = 0;
        for (int t = 0, m = threadCount(); t < m; t++) {
            n += lanes.get(t).size();
        }
        return n;
    }

    /** The state of thread {@code t} at time {@code time}; null if it did not exist yet. */
    public ThreadState stateAt(int t, long time) {
        LaneColumns lane = lanes.get(t);
        int i = lane.indexAt(time);
        return i < 0 ? null : lane.state(i);
    }

    /** End of the span that event {@code i} of thread {@code t} starts. */
    public long spanEnd(int t, int i) {
        LaneColumns lane = lanes.get(t);
        if (i + 1 < lane.size()) {
            return lane.time(i + 1);
        }
        return lane.state(i) == ThreadState.DEAD ? lane.time(i) : now;
    }

    /**
     * The events of thread {@code t} whose spans touch [t0, t1], as a half-open index range
     * {@code [from, to)} packed in a long (from in the high half); empty when from == to.
     */
    public long spansTouching(int t, long t0, long t1) {
        LaneColumns lane = lanes.get(t);
        int from = Math.max(0, lane.indexAt(t0));
        int to = lane.indexAt(t1) + 1;
        if (to < from) {
            to = from;
        }
        return ((long) from << 32) | (to & 0xffffffffL);
    }

    public static int rangeFrom(long packed) {
        return (int) (packed >>> 32);
    }

    public static int rangeTo(long packed) {
        return (int) packed;
    }

    /** Thread id for a name, or -1; names are unique within a run. */
    public int threadNamed(String name) {
        for (int t = 0, n = threadCount(); t < n; t++) {
            if (threads.get(t).name().equals(name)) {
                return t;
            }
        }
        return -1;
    }
}
