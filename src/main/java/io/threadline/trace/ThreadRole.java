package io.threadline.trace;

/** What part a thread plays in its program; shown as a badge on its lane. */
public enum ThreadRole {
    MAIN("main"),
    THREAD("thread"),
    WORKER("worker"),
    HELPER("helper"),
    /** The main thread of a child process (multiprocessing.Process). */
    PROCESS("process"),
    /** An asyncio task: a lane under the thread whose event loop runs it (see ThreadInfo#parent). */
    TASK("task");

    private final String label;

    ThreadRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ThreadRole ofLabel(String label) {
        for (ThreadRole r : values()) {
            if (r.label.equals(label)) {
                return r;
            }
        }
        return null;
    }
}
