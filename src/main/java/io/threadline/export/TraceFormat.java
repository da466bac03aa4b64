package io.threadline.export;

import io.threadline.trace.ResourceOp;

/**
 * The Threadline trace file: Chrome Trace Event JSON in its object form, so Perfetto and
 * chrome://tracing open it too, with Threadline's details in {@code otherData} and in each
 * event's {@code args}. The writer produces exactly this layout; the reader checks it.
 *
 * <pre>
 * {
 * "otherData":{"format":"threadline-trace","version":1,"scenario":ID,"params":{NAME:TEXT...},
 *   "seed":N,"clock":"virtual"|"paced","source":TEXT,"outcome":LABEL,"message":TEXT,"end":MICROS,
 *   "counters":[NAME...],"strings":[TEXT...],
 *   "choices":[[TS,KIND,PICK,OWN,TID,TID...]...]},     the scheduler's real choices, if it made any
 * "displayTimeUnit":"ms",
 * "traceEvents":[
 * {"ph":"M","name":"process_name","pid":P,"args":{"name":NAME}}            one per process, in order
 * {"ph":"M","name":"thread_name","pid":P,"tid":T,"args":{"name":NAME,"daemon":B,"role":ROLE}}
 * {"ph":"M","name":"thread_sort_index","pid":P,"tid":T,"args":{"sort_index":T}}  one pair per thread
 * then every timed event, in time order (ties: threads by id, then output, results, counters):
 * {"ph":"X","cat":"state","name":STATE,"ts":T,"dur":D,"pid":P,"tid":T,
 *   "args":{"state":STATE,"reason":REASON,"by":NAME,"detail":TEXT,"line":N}}   a stretch of state
 * {"ph":"i","cat":"state","name":"dead","ts":T,"pid":P,"tid":T,
 *   "args":{"how":"returned"|"raised"|"killed","error":TEXT|"detail":TEXT,"by":NAME,"line":N}}
 * {"ph":"i","cat":"output","name":"print","ts":T,"pid":P,"tid":T,"args":{"text":TEXT,"error":true}}
 * {"ph":"i","cat":"result","name":"result","ts":T,"pid":P,"tid":T,
 *   "args":{"variant":V,"input":TEXT,"value":TEXT,"from":NAME}}
 * {"ph":"C","name":COUNTER,"ts":T,"pid":1,"args":{"value":N}}
 * {"ph":"i","cat":"resource","name":OP,"ts":T,"pid":R,"tid":K,
 *   "args":{"thread":NAME,"depth":N|"role":ROLE|"by":NAME|"text":TEXT|"item":N|"woken":N|"arg":N}}
 * {"ph":"X","cat":"holder","name":NAME,"ts":T,"dur":D,"pid":R,"tid":K,"args":{"holder":NAME}}
 * ]
 * }
 * </pre>
 *
 * <p>Resources (version 2; a trace without them is written as version 1, as before them): after
 * the threads' declarations, a process named "resources" ({@code pid} R, one past the last
 * process, {@code args.resources} true) and for each resource, in id order, one track per slot:
 * {@code {"ph":"M","name":"thread_name","pid":R,"tid":K,"args":{"name":NAME,"resource":ID,
 * "kind":KIND,"process":P,"capacity":N,"slot":0}}} (slot 0 carries the resource; a semaphore with
 * several permits in use at once has a track per permit, {@code "slot":1 ...}, named "NAME · permit
 * 2" ...; {@code process} is left out for a resource shared by processes). Track tids follow the
 * threads'. Each event of a resource is an instant of category {@code resource} on its slot 0
 * track, named by the op, about {@code args.thread}; its argument is named by the op (an RLock's
 * {@code depth}, a waiter's {@code role}, who woke it {@code by}, an item's {@code text}, the item
 * {@code item} taken, the waiters a notify {@code woken}), left out when it is the op's usual one.
 * Holder slices (category {@code holder}, one per holding, named after the holder) are there for
 * other viewers; the reader rebuilds the lanes from the instants alone.
 *
 * <ul>
 *   <li>Times ({@code ts}, {@code dur}, {@code end}) are whole microseconds of scenario time.</li>
 *   <li>{@code source} is a user's program's own text (its scenario is {@code python:NAME}), so the
 *       trace opens with the code that made it; left out for a built-in scenario, and optional.</li>
 *   <li>{@code pid} is the process id + 1 and {@code tid} the thread id + 1 (unique across
 *       processes), declared in creation order. The + 1 is for Perfetto, which treats pid 0 and
 *       tid 0 as the kernel's idle task; {@code thread_sort_index} keeps the trace's own id.</li>
 *   <li>Each thread's spans follow each other without gap or overlap from its creation to its
 *       death (the {@code dead} instant), or to {@code end} if it never died. Zero-length spans
 *       are real transitions and are kept.</li>
 *   <li>{@code by} and {@code from} name a thread; {@code byTid} / {@code fromTid} are added only
 *       when that name is shared by several threads.</li>
 *   <li>Optional args are left out when empty: {@code by} with no cause, {@code detail} with
 *       none, {@code line} 0, {@code error} false, {@code from} unknown.</li>
 *   <li>{@code choices} lists the scheduler's real choices in order: when, of which kind ({@code core},
 *       {@code run}, {@code wake}, {@code preempt}), the index picked among the
 *       candidates that follow (two or more tids, in the scheduler's order), and whether that pick
 *       was the run's own order's. Left out when the run made none.</li>
 *   <li>{@code strings} is the trace's detail string table in id order and {@code counters}
 *       its counter tracks in creation order, so a trace read back equals, column by column,
 *       the one written.</li>
 *   <li>One event per line, fixed key order, no wall-clock data: the same run gives the same
 *       bytes.</li>
 * </ul>
 *
 * <h2>In Perfetto and chrome://tracing</h2>
 * What the layout above gives those viewers (checked against Perfetto's JSON importer and its
 * documentation, "Visualizing external trace formats"):
 * <ul>
 *   <li>One track per thread, named by {@code thread_name}, under its process named by
 *       {@code process_name}. Perfetto keys threads by tid, so tids are unique across processes,
 *       and it treats 0 as the idle task, hence the + 1.</li>
 *   <li>Each state is a slice ({@code X}) named by the state, its reason, detail, cause and line in
 *       the slice's args. Perfetto needs the slices of a thread to nest or follow each other; here
 *       they follow each other exactly, so none lands on an overflow track. Zero-length slices
 *       stay visible as instants.</li>
 *   <li>Resources are a process named "resources" with a track per resource (per permit of a
 *       semaphore), named after it: who holds it as slices named after the holder, what happens
 *       to it (waits, wake-ups, puts, forced switches ...) as instants.</li>
 *   <li>Prints, results and deaths are thread instants ({@code i}, default scope: the thread), a
 *       counter a counter track (Perfetto names it "NAME value").</li>
 *   <li>Order: {@code thread_sort_index} (the trace's own thread id) orders lanes in
 *       chrome://tracing; Perfetto's UI chooses its own order and, by its maintainers' word
 *       (google/perfetto#555), does not read sort indexes; tids in creation order keep the two
 *       close.</li>
 * </ul>
 *
 * <h2>Traces from other tools</h2>
 * Any other Chrome trace (an {@code otherData} object without Threadline's {@code format}, or
 * after {@code traceEvents}; or the bare array form, closing bracket optional) is read by
 * {@link ForeignTraceBuilder}. An {@code otherData} that is not an object, a {@code format} that
 * is not a string or names another Threadline format, and Threadline's fields without a
 * {@code format} are refused: such a file was meant as a Threadline trace. In another tool's
 * trace each thread with spans becomes a lane; {@code X} spans and {@code B}/{@code E} pairs are
 * <em>running</em> with the span's name as the detail, the time between them <em>waiting</em> (reason unknown), up to the end of the trace;
 * only outermost spans count; names and order come from {@code thread_name},
 * {@code process_name}, {@code thread_sort_index} and {@code process_sort_index}; instants become
 * printed lines and counters counter tracks; times start at the first event, rounded to whole
 * microseconds. Flows, async and sample events are left out and counted in the outcome message.
 * Saved again by Threadline, such a trace is a Threadline trace and opens back the same.
 */
public final class TraceFormat {
    /** The value of {@code otherData.format} that marks a Threadline trace. */
    public static final String FORMAT = "threadline-trace";
    /** The layout version this code writes for a trace with resources, and the newest it reads. */
    public static final int VERSION = 2;
    /** The version of a trace without resources: the layout before them, byte for byte. */
    public static final int VERSION_WITHOUT_RESOURCES = 1;
    /**
     * The largest time a file may hold: 2^53 - 1 microseconds (285 years), the largest whole
     * number JavaScript tools such as Perfetto read exactly; it also keeps ts + dur from
     * overflowing.
     */
    public static final long MAX_TIME = (1L << 53) - 1;
    /** What is added to a process or thread id to make its pid or tid in the file. */
    public static final int ID_BASE = 1;

    static final String CAT_STATE = "state";
    static final String CAT_OUTPUT = "output";
    static final String CAT_RESULT = "result";
    static final String DEAD = "dead";
    static final String PRINT = "print";
    static final String RESULT = "result";
    static final String PROCESS_NAME = "process_name";
    static final String THREAD_NAME = "thread_name";
    static final String THREAD_SORT_INDEX = "thread_sort_index";
    static final String COUNTER_VALUE = "value";
    static final String CAT_RESOURCE = "resource";
    static final String CAT_HOLDER = "holder";
    static final String RESOURCES_PROCESS = "resources";

    /** The argument an op has when its event leaves it out; {@link Integer#MIN_VALUE}: always written. */
    static int usualArg(ResourceOp op) {
        return switch (op) {
            case ACQUIRE -> 1;
            case WOKEN, TIMEOUT, LEFT -> -1;
            case PUT, DONE, GET, DROP, FORCED, NOTIFY -> Integer.MIN_VALUE;
            default -> 0;
        };
    }

    /** The name of a resource's argument for {@code op} in a file. */
    static String argName(ResourceOp op) {
        return switch (op) {
            case ACQUIRE, RELEASE -> "depth";
            case WAIT -> "role";
            case WOKEN, FORCED -> "by";
            case PUT, DONE -> "text";
            case GET, DROP -> "item";
            case NOTIFY -> "woken";
            default -> "arg";
        };
    }

    private TraceFormat() {
    }
}
