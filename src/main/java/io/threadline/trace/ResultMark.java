package io.threadline.trace;

/**
 * A pool result reaching the thread that asked for it.
 *
 * @param time    scenario time in microseconds when the receiving thread got it
 * @param thread  id of the receiving thread
 * @param variant the pool call that produced it: map, imap, imap_unordered, apply_async ...
 * @param input   the input, as text
 * @param value   the result, as text
 * @param from    id of the worker thread that computed it, or -1 if unknown
 * @param chunk   which task of its call computed it, from 0: a pool hands a worker its inputs
 *                in chunks (map's chunksize), and a chunk's results travel back together; -1
 *                when the call has no chunks (a future)
 */
public record ResultMark(long time, int thread, String variant, String input, String value, int from, int chunk) {

    /** A result with no chunk (a future's). */
    public ResultMark(long time, int thread, String variant, String input, String value, int from) {
        this(time, thread, variant, input, value, from, -1);
    }
}
