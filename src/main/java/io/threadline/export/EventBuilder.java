package io.threadline.export;

import io.threadline.trace.Trace;

/**
 * What {@link TraceJsonReader} hands each trace event to: a builder that knows what the events
 * mean. {@link TraceBuilder} reads Threadline's own files, {@link ForeignTraceBuilder} any other
 * Chrome trace.
 */
interface EventBuilder {
    /** Takes in one event; the instance is reused for the next one. */
    void event(RawEvent e) throws TraceFormatException;

    /** The trace, once every event was read; line and column are where the file ends. */
    Trace finish(int line, int column) throws TraceFormatException;
}
