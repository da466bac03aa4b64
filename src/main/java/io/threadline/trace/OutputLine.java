package io.threadline.trace;

/**
 * One line the program printed.
 *
 * @param time   scenario time in microseconds
 * @param thread id of the printing thread
 * @param text   the line, without its newline
 * @param error  true for an error report (an uncaught exception), as Python writes to stderr
 */
public record OutputLine(long time, int thread, String text, boolean error) {
}
