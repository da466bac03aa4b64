package io.threadline.runtime;

/**
 * Python's multiprocessing.Pipe(): two connected ends, duplex by default (each end sends to and
 * receives from the other); with duplex false, the first end only receives and the second only
 * sends, as Pipe(False) returns (reader, writer).
 */
public final class SimPipe {
    private final SimConnection first;
    private final SimConnection second;

    SimPipe(Scheduler s, String name, boolean duplex) {
        first = new SimConnection(s, name + " end 1", true, duplex);
        second = new SimConnection(s, name + " end 2", duplex, true);
        SimConnection.connect(first, second);
    }

    /** The first end (the reader of a one-way pipe). */
    public SimConnection first() {
        return first;
    }

    /** The second end (the writer of a one-way pipe). */
    public SimConnection second() {
        return second;
    }
}
