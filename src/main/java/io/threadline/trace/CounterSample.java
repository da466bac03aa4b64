package io.threadline.trace;

/** One value of a counter track (such as a queue's length) from {@code time} on. */
public record CounterSample(long time, long value) {
}
