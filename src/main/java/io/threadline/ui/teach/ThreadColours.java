package io.threadline.ui.teach;

import io.threadline.picture.ThreadColors;

/**
 * Each thread's colour wherever its name or line is shown apart from the timeline: the output,
 * the thread panel, the code marks. The colours are threadline.css's {@code -tl-thread-0} to
 * {@code -tl-thread-9}, as the lanes' ({@link ThreadColors#index}): thread 10 looks like thread 1
 * everywhere, and no other thread like the main thread.
 */
public final class ThreadColours {
    /** How many colours the style sheet defines. */
    public static final int COUNT = ThreadColors.COUNT;

    private ThreadColours() {
    }

    /** The style class of a thread's text: {@code thread-0} .. {@code thread-9}. */
    public static String text(int thread) {
        return "thread-" + ThreadColors.index(thread);
    }

    /** The style class of a thread's code mark: {@code mark-0} .. {@code mark-9}. */
    public static String mark(int thread) {
        return "mark-" + ThreadColors.index(thread);
    }
}
