package io.threadline.export;

/**
 * Where a long export stands, and whether its user gave up on it. Called from the thread that
 * exports (never the JavaFX thread); an implementation hands updates on as it needs.
 */
public interface Progress {
    /** A progress that nobody watches and that is never cancelled. */
    Progress NONE = new Progress() {
        @Override
        public void update(int done, int total) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** {@code done} of {@code total} steps (frames) are written. */
    void update(int done, int total);

    /** True once the export should stop; it then ends with a {@link java.util.concurrent.CancellationException}. */
    boolean cancelled();
}
