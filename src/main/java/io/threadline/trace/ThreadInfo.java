package io.threadline.trace;

/**
 * What a trace knows about one thread besides its transitions.
 *
 * @param id      index of the thread in its trace, from 0 in creation order
 * @param name    the name shown on its lane
 * @param process id of the simulated process it belongs to
 * @param daemon  whether it is a daemon thread (killed when the last non-daemon ends)
 * @param role    main thread, pool worker, pool helper, child process, asyncio task or plain thread
 * @param parent  for an asyncio task, the id of the thread whose event loop runs it (its lane
 *                belongs under that thread's); -1 for a thread
 */
public record ThreadInfo(int id, String name, int process, boolean daemon, ThreadRole role, int parent) {

    /** A thread (no parent lane). */
    public ThreadInfo(int id, String name, int process, boolean daemon, ThreadRole role) {
        this(id, name, process, daemon, role, -1);
    }
}
