package io.threadline.trace;

/**
 * What a trace knows about one thread besides its transitions.
 *
 * @param id      index of the thread in its trace, from 0 in creation order
 * @param name    the name shown on its lane
 * @param process id of the simulated process it belongs to
 * @param daemon  whether it is a daemon thread (killed when the last non-daemon ends)
 * @param role    main thread, pool worker, pool helper or plain thread
 */
public record ThreadInfo(int id, String name, int process, boolean daemon, ThreadRole role) {
}
